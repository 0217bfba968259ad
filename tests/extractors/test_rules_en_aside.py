"""English sentences whose feeling words are no stance towards us: process words, the customer's
own slips and fixes, a gatekeeper's condition, trouble that explains a change of plan, a
diagnostic question, and praise of a rival (evals/GUIDE.md "Sentiment")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.ingest.common import assemble_text
from assistant.models import Segment, Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.sentiment import STRONG, score_sentence, settle_resolved
from extractors.rules.status_quo import is_rival_praise, is_status_quo_pain

NOT_A_STANCE = [
    # an approval still to come
    pytest.param("The renewal still needs our CFO's approval.", id="needs-approval"),
    pytest.param("As soon as the vendor form is approved, we can raise the order.", id="once-approved"),
    pytest.param("It's pending approval on our side.", id="pending-approval"),
    # the status of a request
    pytest.param("Any update on the status of my refund?", id="refund-status"),
    pytest.param("Just checking on the progress of the credit we talked about.", id="credit-progress"),
    # cutting it short
    pytest.param("Let me save you the trouble and tell you where we stand.", id="save-you-the-trouble"),
    pytest.param("To save us both some time, here's the short version.", id="save-us-time"),
    # a comparison, a symptom without an error
    pytest.param("The report has looked like that since Tuesday.", id="looked-like-that"),
    pytest.param("No warning pops up when the upload stops.", id="no-warning-pops-up"),
    pytest.param("No error message is displayed.", id="no-error-displayed"),
    # a scope in a report
    pytest.param("Desktop and tablet are fine.", id="scope-fine"),
    pytest.param("Everything else works fine.", id="everything-else-fine"),
    # a denied wish
    pytest.param("We're not expecting miracles.", id="not-expecting-miracles"),
    # confessions and their own slips
    pytest.param("Guilty, I never opened the invite.", id="guilty"),
    pytest.param("My bad, I missed the email.", id="my-bad"),
    pytest.param("That one's on us, sorry.", id="on-us"),
    pytest.param("Procurement must have lost the quote.", id="procurement-lost-it"),
    pytest.param("I forgot the password again, can you reset it?", id="forgot-password"),
    # their own fix
    pytest.param("We'll re-run the failed jobs tonight.", id="rerun-failed-jobs"),
    # a gatekeeper's condition
    pytest.param("We need SSO, otherwise security won't approve it.", id="otherwise-security"),
    pytest.param("It has to be hosted in the EU or legal can't sign off.", id="or-legal"),
    # trouble that explains a change of plan
    pytest.param("My train is stuck so can we push our call to 3?", id="push-our-call"),
    pytest.param("The office wifi is down, I'll dial in from my phone.", id="dial-in-from-phone"),
]


@pytest.mark.parametrize("text", NOT_A_STANCE)
def test_process_words_and_own_side_trouble_carry_no_stance(text: str) -> None:
    assert abs(score_sentence(text)) < STRONG


STILL_NEGATIVE = [
    pytest.param("We need this fixed by Friday or we won't renew.", id="own-ultimatum"),
    pytest.param("Why is the sync still broken?", id="rhetorical-question"),
    pytest.param("Your app lost all our notes again.", id="vendor-lost-notes"),
    pytest.param("Nobody has replied to our ticket in a week.", id="nobody-replied"),
    pytest.param("We did not expect to be billed twice for one month.", id="didnt-expect-outage"),
    pytest.param("The refund you promised never arrived.", id="refund-never-arrived"),
]


@pytest.mark.parametrize("text", STILL_NEGATIVE)
def test_complaints_stay_negative(text: str) -> None:
    assert score_sentence(text) <= -STRONG


STILL_POSITIVE = [
    pytest.param("Finance approved the budget this morning!", id="finance-approved"),
    pytest.param("No errors at all since the update, great work.", id="no-errors-since"),
    pytest.param("The new dashboard saves us hours every week.", id="saves-hours"),
]


@pytest.mark.parametrize("text", STILL_POSITIVE)
def test_praise_stays_positive(text: str) -> None:
    assert score_sentence(text) >= STRONG


@pytest.mark.parametrize(("text", "kept"), [
    ("Is this a bug, or a setting we changed?", True),
    ("Does the export normally take this long, or is something broken?", True),
    ("Is this expected behaviour for archived users?", True),
    ("Is the export still broken, or did you give up on it?", False),
    ("Is it really this slow and unreliable for everyone?", False),
    ("Why does it keep crashing?", False),
])
def test_a_diagnostic_question_is_damped(text: str, kept: bool) -> None:
    assert (score_sentence(text) > -STRONG) is kept


@pytest.mark.parametrize(("text", "expected"), [
    ("Pipedrive's new forecasting looks really impressive.", True),
    ("Their onboarding team was great.", True),
    ("You're so much better than Pipedrive.", False),
    ("We moved off Pipedrive and love it.", False),
    ("Pipedrive was nice, but your reports are better.", False),
])
def test_what_is_rival_praise(text: str, expected: bool) -> None:
    assert is_rival_praise(text, names_a_competitor=True) is expected


@pytest.mark.parametrize("text", [
    "Half of our contacts have no email address.",
    "Dates come in three different formats depending on the branch.",
    "None of us, that's the trouble.",
])
def test_own_messy_records_are_status_quo(text: str) -> None:
    assert is_status_quo_pain(text, names_a_competitor=False)


def _label(turns: list[tuple[str, str]]) -> str:
    text, segments = assemble_text(
        [Segment(speaker=role.title(), role=role, text=body) for role, body in turns])  # type: ignore[arg-type]
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="call", occurred_at=datetime(2026, 3, 2, tzinfo=UTC),
                            segments=segments, text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    catalog = CompetitorCatalog(aliases={"Pipedrive": ["Pipedrive"]})
    sentiment = RulesExtractor().extract(touchpoint, ExtractionContext(catalog=catalog)).sentiment
    assert sentiment is not None
    return sentiment.label


def test_praise_of_a_rival_does_not_make_a_complaint_mixed() -> None:
    turns = [("rep", "How has the quarter been?"),
             ("customer", "Frankly we're unhappy, the sync broke twice this month."),
             ("customer", "Pipedrive showed us their new pipeline view and it looks fantastic.")]
    assert _label(turns) == "negative"


@pytest.mark.parametrize("text", [
    "Subject: Re: [Case 4410] Invoices not exporting",
    "RE: [Ticket 2231] Calendar sync failing",
    "Not urgent, but the totals on the summary page look wrong.",
    "No rush, the labels overlap on small screens.",
    "Our procurement team is swamped, so signature will take a while.",
    ":thumbsup:",
])
def test_subject_lines_calm_reports_and_lone_emoji_carry_no_stance(text: str) -> None:
    assert abs(score_sentence(text)) < STRONG


def test_a_fixed_ticket_that_ends_in_praise_is_positive_even_when_weak_complaints_left_it_neutral() -> None:
    scored = [("Users can't sign in since this morning.", -0.2), ("Please escalate.", -0.25),
              ("Confirmed, it works now for everyone.", 0.0),
              ("Really appreciate how quickly your engineers jumped on it.", 0.5)]
    assert settle_resolved("neutral", scored, "ticket") == "positive"
    assert settle_resolved("neutral", scored, "call") == "neutral"


@pytest.mark.parametrize(("text", "sign"), [
    ("Good news, we went live this morning!", 1),
    ("Finally up and running across both sites.", 1),
    ("The support desk hit its quarterly target in week six.", 1),
    ("If we're live by March we'll add the second region.", 0),
    ("We hit 40 errors overnight.", -1),
    ("So no one was alerted when the job died?", -1),
    ("We were never informed the API was being retired.", -1),
    ("Purchase orders aren't coming through to the ERP.", -1),
    ("The discount line is not printing on the invoice.", -1),
])
def test_plain_go_live_and_plain_silence(text: str, sign: int) -> None:
    score = score_sentence(text)
    assert (score >= STRONG) if sign > 0 else (score <= -STRONG) if sign < 0 else abs(score) < STRONG


@pytest.mark.parametrize("text", ["We have to beat last year's record.", "We didn't hit our quota.",
                                  "Maybe we'll hit 2,000 users by June."])
def test_a_target_still_to_hit_is_no_praise(text: str) -> None:
    assert score_sentence(text) < STRONG


@pytest.mark.parametrize("text", [
    "Another vendor quoted us about a third less for the same seats.",
    "Frankly there are three competing offers on my desk.",
    "Every invoice email was sent twice last night.",
    "The nightly backup has not gone out since the 4th.",
    "The sync is still duplicating contacts.",
    "Our budget was reallocated to the new warehouse.",
    "Store managers got a blank report again this morning.",
    "We won't be adding the two extra regions we discussed last month until the bug is fixed.",
])
def test_plain_grievances_without_feeling_words(text: str) -> None:
    assert score_sentence(text) <= -STRONG


@pytest.mark.parametrize("text", [
    "Reports arrive twice as fast since the upgrade.",
    "Sent twice the volume this month with no issues.",
    "Your rep quoted us fairly and quickly.",
])
def test_twice_as_good_is_no_grievance(text: str) -> None:
    assert score_sentence(text) > -STRONG


@pytest.mark.parametrize(("text", "kept"), [
    ("Can managers restrict who exports the contact list?", True),
    ("How do I block a former employee from logging in?", True),
    ("Is there a way to delete old test records in bulk?", True),
    ("How do we stop the sync from failing every single night?", False),
])
def test_a_how_to_question_is_no_complaint(text: str, kept: bool) -> None:
    assert (score_sentence(text) > -STRONG) is kept


@pytest.mark.parametrize("text", [
    "Glad to walk your admins through the setup if that's helpful.",
    "Happy to send over the full audit export if it would be useful.",
    "Would it help if I shared the error log?",
    "If legal signs off next week, we'd start the rollout in June.",
])
def test_offers_and_conditional_approvals_are_no_praise(text: str) -> None:
    assert score_sentence(text) < STRONG


@pytest.mark.parametrize("text", [
    "Appreciate the fast response, Priya.",
    "I do appreciate the honesty.",
    "Appreciate you chasing it up.",
    "OK, good to know.",
    "That's great to hear.",
    "Good luck with the migration.",
    "I know it isn't your fault.",
])
def test_thanks_for_the_effort_is_courtesy(text: str) -> None:
    assert abs(score_sentence(text)) < STRONG


@pytest.mark.parametrize("text", ["Brilliant, the upload failed again.", "Perfect, the portal is down.",
                                  "Love how I have to log in twice every morning."])
def test_praise_opening_a_failure_is_sarcasm(text: str) -> None:
    assert score_sentence(text) <= -STRONG


@pytest.mark.parametrize("text", ["Great, it works again!", "Really appreciate how quickly your team fixed it.",
                                  "Great to hear the rollout went so smoothly!"])
def test_real_appreciation_stays_positive(text: str) -> None:
    assert score_sentence(text) >= STRONG


def test_courtesy_inside_a_complaint_does_not_make_it_mixed() -> None:
    turns = [("customer", "The export failed again last night and the board pack is late."),
             ("rep", "Sorry about that, I've escalated it to engineering."),
             ("customer", "Appreciate you escalating it. Good to hear someone is on it."),
             ("customer", "But this is the third failure this month and it's not acceptable.")]
    assert _label(turns) == "negative"
