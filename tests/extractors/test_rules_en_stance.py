"""English stances in business words: grievances, understated praise, footers, neutral words."""

from __future__ import annotations

import pytest

from extractors.rules.en_stance import grievances, is_boilerplate, understated_praise
from extractors.rules.sentiment import STRONG, score_sentence, settle_resolved
from extractors.rules.status_quo import is_status_quo_pain

GRIEVANCES = [
    pytest.param("Honestly, that timeline is not going to fly.", id="not-going-to-fly"),
    pytest.param("Six hours without a reply is not OK.", id="not-ok"),
    pytest.param("That's not how this is supposed to work.", id="not-how-it-works"),
    pytest.param("Our finance lead has flagged this twice already.", id="flagged-twice"),
    pytest.param("I escalated it three times last month.", id="escalated-times"),
    pytest.param("The nightly export has failed four nights running.", id="nights-running"),
    pytest.param("Day six of waiting on a callback.", id="day-n-of"),
    pytest.param("Nobody has got back to us since Monday.", id="nobody-since"),
    pytest.param("The dashboards haven't refreshed since last Thursday.", id="not-since"),
    pytest.param("Tickets sit for two weeks before anyone replies.", id="sit-before-anyone"),
    pytest.param("I was on hold for thirty minutes.", id="on-hold-words"),
    pytest.param("We are now three weeks behind the plan.", id="weeks-behind"),
    pytest.param("It is eating about 3 hours a day of my team's time.", id="eating-hours"),
    pytest.param("We heard about the delay from our partners, not from you.", id="heard-not-from-you"),
    pytest.param("The portal logs everyone out every morning.", id="logs-everyone-out"),
    pytest.param("The app won't let us upload photos.", id="app-wont-let"),
    pytest.param("Our analysts gave up on the reports module.", id="gave-up-on"),
    pytest.param("At renewal we will look at other vendors.", id="other-vendors"),
    pytest.param("If it breaks again I'm not sure we stay.", id="not-sure-we-stay"),
    pytest.param("We won't be adding the new region until this is fixed.", id="withheld-expansion"),
    pytest.param("We were double-billed in March.", id="double-billed"),
    pytest.param("Billed for 12 seats, we only have 8.", id="billed-for-more"),
    pytest.param("The not so good: exports time out on big files.", id="bad-section"),
    pytest.param("Freshdesk's offer came in well under yours.", id="rival-came-in-lower"),
    pytest.param("The migration plan you sent had big gaps.", id="deliverable-gaps"),
    pytest.param("Please remove us from the campaign.", id="off-the-campaign"),
    pytest.param("Thanks, but we're not looking to switch.", id="not-looking"),
    pytest.param("Sorry, it's just not happening this budget cycle.", id="not-happening"),
    pytest.param("We signed a two-year contract with Zoho in May.", id="signed-elsewhere"),
    pytest.param("That is more than we pay for our whole phone system.", id="more-than-we-pay"),
    pytest.param("None of the shared calendars are showing bookings.", id="none-of-our"),
    pytest.param("Half the sales floor is locked out again.", id="locked-out"),
    pytest.param("This is the fourth outage this quarter.", id="nth-incident"),
    pytest.param("Two weeks of chasing and still no answer.", id="weeks-of-chasing"),
    pytest.param("The credit took four weeks to sort out.", id="took-weeks-to-sort"),
    pytest.param("Our planners have gone back to spreadsheets.", id="back-to-spreadsheets"),
    pytest.param("Never mind, we figured it out ourselves.", id="figured-it-out-alone"),
    pytest.param("My CFO keeps asking why we ever switched.", id="regret"),
    pytest.param("Your forecasting is thin compared to the tool we had.", id="thin-compared"),
    pytest.param("Procurement pushed back on the 9% increase.", id="pushed-back-on-increase"),
    pytest.param("Zoho came in at half your number.", id="rival-at-half"),
]

NOT_GRIEVANCES = [
    pytest.param("Is that not OK for you?", id="question"),
    pytest.param("Our security lead won't let me sign until she has read the DPA.", id="person-wont-let"),
    pytest.param("The downside of waiting is small, we can start in May.", id="downside-no-colon"),
    pytest.param("We emailed the list to the branch managers.", id="emailed-no-count"),
    pytest.param("The import has been running since this morning.", id="running-since"),
]

PRAISE = [
    pytest.param("Quotes now go out in 10 minutes instead of a day.", id="instead-of"),
    pytest.param("The routing rules save our dispatchers ~6 hrs a week.", id="saves-hours"),
    pytest.param("Other branches keep asking when they can get it.", id="others-asking"),
    pytest.param("We'd like to expand to all nine clinics next quarter.", id="expand-to-all"),
    pytest.param("Easiest onboarding we've ever had with a vendor.", id="superlative"),
    pytest.param("It was the best money we spent this year.", id="best-money"),
    pytest.param("Month-end close takes two days now instead of a week.", id="before-after"),
    pytest.param("The cutover went without a hitch.", id="without-a-hitch"),
    pytest.param("Thanks for the speedy turnaround on the export bug!", id="quick-turnaround"),
    pytest.param("The new inbox views are a big hit with the agents.", id="a-hit"),
    pytest.param("Our regional leads keep asking me when they can have it.", id="asking-when"),
    pytest.param("It changed how our team plans the week.", id="changed-how"),
    pytest.param("Our nurses actually use it every shift.", id="actually-use-it"),
    pytest.param("People ask why we didn't switch to this sooner.", id="why-not-sooner"),
    pytest.param("We'd like to discuss a three-year contract.", id="longer-term"),
]

NEUTRAL = [
    pytest.param("Three items are still outstanding before we can raise the PO.", id="outstanding-pending"),
    pytest.param("Our office is closed Monday for the holiday.", id="holiday"),
    pytest.param("Pretty sure we'd go over the current limit.", id="sure-certainty"),
    pytest.param("Please find the signed agreement and the attachments below.", id="documents"),
    pytest.param("The sync creates a new opportunity for every order.", id="crm-records"),
    pytest.param("Grace from finance will send the form.", id="a-name"),
]

FOOTERS = [
    pytest.param("If you have received this message in error, please notify the sender and delete it.",
                 id="received-in-error"),
    pytest.param("This email and any attachments are confidential.", id="confidential"),
    pytest.param("Sent from my iPhone, excuse typos", id="device-line"),
]


@pytest.mark.parametrize("sentence", GRIEVANCES)
def test_a_plain_grievance_scores_clearly_negative(sentence: str) -> None:
    assert grievances(sentence, -1) >= 1
    assert score_sentence(sentence) <= -STRONG


@pytest.mark.parametrize("sentence", NOT_GRIEVANCES)
def test_a_question_a_condition_or_plain_logistics_is_no_grievance(sentence: str) -> None:
    assert grievances(sentence, -1) == 0


@pytest.mark.parametrize("sentence", PRAISE)
def test_understated_praise_scores_clearly_positive(sentence: str) -> None:
    assert understated_praise(sentence, -1) >= 1
    assert score_sentence(sentence) >= STRONG


@pytest.mark.parametrize("sentence", NEUTRAL)
def test_business_nouns_vader_reads_as_feelings_score_neutral(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < STRONG


@pytest.mark.parametrize("sentence", FOOTERS)
def test_an_email_footer_carries_no_stance(sentence: str) -> None:
    assert is_boilerplate(sentence, -1)
    assert score_sentence(sentence) == 0.0


def test_best_as_a_sign_off_is_not_praise_but_best_in_a_sentence_is() -> None:
    assert score_sentence("Best,") == 0.0
    assert score_sentence("Honestly the best purchase we made.") >= STRONG


@pytest.mark.parametrize(("sentence", "about_us"), [
    pytest.param("The legacy CRM drops half our call notes.", False, id="legacy-system"),
    pytest.param("Our previous vendor's connector broke on every upgrade.", False, id="previous-vendor"),
    pytest.param("Nobody really knows which orders are late.", False, id="nobody-knows"),
    pytest.param("We have no visibility into quote status.", False, id="no-visibility"),
    pytest.param("Last year we lost three clients because nobody chased the renewals.", False,
                 id="lost-because"),
    pytest.param("Your legacy importer drops half our call notes.", True, id="about-your-product"),
])
def test_discovery_pain_without_a_tool_name_is_about_the_status_quo(sentence: str,
                                                                     about_us: bool) -> None:
    assert is_status_quo_pain(sentence, names_a_competitor=False) is not about_us


@pytest.mark.parametrize("sentence", [
    pytest.param("Happy Labor Day to you and the team!", id="holiday-greeting"),
    pytest.param("Happy Veterans' Day!", id="plural-possessive-holiday"),
    pytest.param("Appreciate you reaching out.", id="thanks-for-reaching-out"),
    pytest.param("Thanks for being so persistent.", id="thanks-for-persistence"),
    pytest.param("Call my cell, or if it's easier just reply here.", id="offer-of-a-choice"),
    pytest.param("No promises, it's the board's call.", id="hedge"),
])
def test_greetings_and_thanks_for_the_reps_effort_are_courtesy(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < STRONG


def test_a_ticket_that_ends_in_praise_of_a_fast_fix_is_positive() -> None:
    scored = [("The export duplicated every row.", -0.5), ("Can you roll it back?", 0.0),
              ("That was quick, much appreciated how fast you fixed it!", 0.6)]
    assert settle_resolved("mixed", scored, "ticket") == "positive"


def test_like_before_an_amount_means_about_but_i_like_still_likes() -> None:
    assert score_sentence("Reconciling took us like three days last month.") == 0.0
    assert score_sentence("Honestly I like a few of the new reports.") > 0
