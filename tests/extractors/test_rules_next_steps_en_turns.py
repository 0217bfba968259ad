"""English next steps whose owner or date depends on the turns around them: who delivers what
"you'll get", whom a request names, a chat or ticket label with a time stamp, a step dated in
passing ("I'll do that today", "after this call"), and the day of an event that is not a due date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.grounding import is_verified
from extractors.rules import RulesExtractor
from tests.extractors.test_rules_next_steps import steps

# conversations by role happen on Monday 2026-03-02 (tests/extractors/test_rules_next_steps.py)
BY_ROLE = [
    pytest.param([("rep", "You'll get the signed renewal by Thursday.")],
                 [("send the signed renewal", "rep", date(2026, 3, 5))], id="you-will-get-is-the-speakers"),
    pytest.param([("agent", "You will receive a written summary of the incident tomorrow.")],
                 [("send a written summary of the incident", "rep", date(2026, 3, 3))],
                 id="you-will-receive-from-the-agent"),
    pytest.param([("agent", "You'll get an email when the refund is issued.")], [],
                 id="you-will-get-without-a-date-is-how-things-go"),
    pytest.param([("rep", "You'll have to sign the new order form.")],
                 [("sign the new order form", "customer", None)], id="you-will-have-to-is-an-ask"),
    pytest.param([("rep", "I'll send the recording after this call.")],
                 [("send the recording", "rep", date(2026, 3, 2))], id="after-this-call-is-today"),
    pytest.param([("rep", "I'll raise the export cap for the pilot, I'll do that today.")],
                 [("raise the export cap for the pilot", "rep", date(2026, 3, 2))],
                 id="do-that-today-dates-the-step-before"),
    pytest.param([("rep", "I'll send the adoption report (logins, active seats) by Wednesday.")],
                 [("send the adoption report", "rep", date(2026, 3, 4))], id="commas-in-brackets"),
    pytest.param([("rep", "I'll resend tomorrow's agenda within the hour.")],
                 [("resend tomorrow's agenda", "rep", date(2026, 3, 2))],
                 id="a-possessive-day-names-the-thing"),
    pytest.param([("rep", "Sure, I'll loop in our architect before Thursday's review.")],
                 [("loop in our architect", "rep", date(2026, 3, 5))],
                 id="before-a-possessive-day-dates-the-step"),
    pytest.param([("rep", "We'll have the three-year proposal ready by the twentieth.")],
                 [("have the three-year proposal ready", "rep", date(2026, 3, 20))],
                 id="a-spelled-out-day-of-month"),
    pytest.param([("rep", "I'll send an invite for next Tuesday at 10am.")],
                 [("send an invite", "rep", None)], id="an-invite-for-a-day-is-the-meetings-day"),
    pytest.param([("rep", "I'll send a calendar hold so we can review the pilot next Friday.")],
                 [("send a calendar hold", "rep", None)], id="a-date-in-the-purpose-clause"),
    pytest.param([("rep", "Can you send over the admin list?"), ("customer", "Sure, probably next week sometime.")],
                 [("send over the admin list", "customer", date(2026, 3, 9))], id="a-hedged-date-in-reply"),
    pytest.param([("customer", "I can write the cleanup script. Give me three business days."),
                  ("rep", "Great, thanks.")],
                 [("write the cleanup script", "customer", date(2026, 3, 5))], id="give-me-three-days"),
    pytest.param([("agent", "I can send you a sample script if that helps."), ("customer", "No need, thanks.")],
                 [], id="an-offer-put-as-if-that-helps-and-declined"),
    pytest.param([("customer", "Can someone senior review the failed import on Wednesday please?")],
                 [("review the failed import", "rep", date(2026, 3, 4))], id="can-someone-senior"),
    pytest.param([("agent", "I'll send the revised order form over in a few mins.")],
                 [("send the revised order form over", "rep", date(2026, 3, 2))], id="in-a-few-mins"),
    pytest.param([("customer", "Once you confirm, we'll replay the stuck webhooks ourselves.")],
                 [("replay the stuck webhooks ourselves", "customer", None)], id="replay-is-a-step-verb"),
    pytest.param([("customer", "Can you put the quote together for both options?"),
                  ("rep", "Of course. I'll send a renewal quote with one- and two-year terms by Friday.")],
                 [("send a renewal quote with one- and two-year terms", "rep", date(2026, 3, 6))],
                 id="the-promise-says-more-than-the-ask"),
    pytest.param([("agent", "I'll set up a sample workflow in your sandbox within 3 business days so your team can "
                            "try it.")],
                 [("set up a sample workflow in your sandbox", "rep", date(2026, 3, 5))],
                 id="so-your-team-can-is-a-purpose"),
    pytest.param([("customer", "Please send your standard MSA so our legal can start reviewing in parallel.")],
                 [("send your standard MSA", "rep", None)], id="so-our-legal-can-is-a-purpose"),
    pytest.param([("agent", "Could you export the error log from one affected laptop?"),
                  ("customer", "I'll grab one from our IT lead tomorrow morning.")],
                 [("export the error log from one affected laptop", "customer", date(2026, 3, 3))],
                 id="grab-one-answers-the-ask"),
    pytest.param([("customer", "We'll also need your security whitepaper, can you send that too?")],
                 [("send the security whitepaper", "rep", None)], id="send-that-too-repeats-the-need"),
    pytest.param([("agent", "I'll send the renewal order form over in a few minutes."),
                  ("customer", "great, I'll sign it as soon as it lands")],
                 [("send the renewal order form over", "rep", date(2026, 3, 2)),
                  ("sign the renewal order form as soon as it lands", "customer", None)],
                 id="sign-it-names-what-was-sent"),
    pytest.param([("agent", "I can send you a sample import file if that helps?"),
                  ("customer", "Yes please send the file.")],
                 [("send you a sample import file if that helps", "rep", None)],
                 id="a-yes-please-repeats-the-accepted-offer"),
    pytest.param([("customer", "is there a sandbox or do we have to buy the full plan first")], [],
                 id="do-we-have-to-is-a-question"),
    pytest.param([("customer", "Please send pricing for the 12 depots, plus the 3 new ones, by Friday so I can "
                               "take it to our board on the 12th.")],
                 [("send pricing for the 12 depots", "rep", date(2026, 3, 6))],
                 id="a-date-then-a-purpose-still-dates-the-step"),
    pytest.param([("rep", "Marta from our onboarding team will reach out to plan the cutover."),
                  ("rep", "Expect a calendar invite from her by Wednesday.")],
                 [("reach out to plan the cutover", "rep", date(2026, 3, 4))],
                 id="expect-an-invite-from-her-dates-the-step"),
]


# a demand for what only the other side can deliver is the other side's step; a lack in general is a pain
DEMANDS = [
    pytest.param([("customer", "I need a refund for the two duplicate charges.")],
                 [("issue a refund for the two duplicate charges", "rep", None)], id="i-need-a-refund"),
    pytest.param([("customer", "I'd like a call with whoever runs your billing team next week.")],
                 [("set up a call with whoever runs your billing team", "rep", date(2026, 3, 9))],
                 id="id-like-a-call"),
    pytest.param([("customer", "From now on I want a short status update every Monday.")],
                 [("send a short status update", "rep", date(2026, 3, 9))], id="a-recurring-demand"),
    pytest.param([("customer", "I need somebody from your side to call me back today.")],
                 [("call back", "rep", date(2026, 3, 2))], id="somebody-to-call-me-back"),
    pytest.param([("customer", "We'd need a firm fix date by Friday.")],
                 [("send a firm fix date", "rep", date(2026, 3, 6))], id="wed-need-a-fix-date"),
    pytest.param([("rep", "I'll need a signed copy of the order form by Thursday.")],
                 [("send a signed copy of the order form", "customer", date(2026, 3, 5))],
                 id="the-rep-needs-the-customers-deliverable"),
    pytest.param([("customer", "I'll need the usage report for the steering committee."),
                  ("rep", "Sure, I'll send that across with the notes.")],
                 [("send the usage report for the steering committee", "rep", None)],
                 id="a-pronoun-promise-answers-the-demand"),
    pytest.param([("customer", "We need a better way to track renewals.")], [], id="a-lack-is-a-pain"),
    pytest.param([("customer", "I need a report that shows churn by region.")], [],
                 id="a-report-that-shows-is-a-feature-wish"),
]


@pytest.mark.parametrize(("turns", "expected"), DEMANDS)
def test_a_demand_for_a_deliverable_is_the_other_sides_step(turns, expected):
    assert steps(turns) == expected


@pytest.mark.parametrize(("turns", "expected"), BY_ROLE)
def test_owner_and_date_follow_the_turns(turns, expected):
    assert steps(turns) == expected


def steps_in(text: str, channel: str = "meeting") -> list[tuple[str, str, date | None]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 4, 14, 9, tzinfo=UTC), text=text, language="en",
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog()))
    assert all(is_verified(s.evidence, text) for s in insights.next_steps)
    return [(s.action, s.owner, s.due) for s in insights.next_steps]


LABELLED = [
    pytest.param(
        "Ticket 4471 - wrong seat count\n"
        "Customer (Hana Ito, Office Manager), Apr 14 2026 08:50:\n"
        "We were billed for 12 seats again.\nWe have had 9 since January.\nPlease fix it.\n"
        "Agent (Sol, Billing Support), Apr 14 2026 09:30:\n"
        "Hi Hana, sorry about that. I'll send you the corrected invoice today.\n",
        "ticket", [("fix it", "rep", None), ("send you the corrected invoice", "rep", date(2026, 4, 14))],
        id="ticket-labels-with-a-date-and-time"),
    pytest.param(
        "[14/04/2026, 09:02] Tomasz: the scanners at our depot keep dropping the connection\n"
        "[14/04/2026, 09:05] Nia (Parcelwise): so sorry about that. I'll get a technician out to the depot "
        "on Thursday.\n"
        "[14/04/2026, 09:06] Tomasz: ok thanks\n",
        "chat", [("get a technician out to the depot", "rep", date(2026, 4, 16))],
        id="whatsapp-stamps-and-a-vendor-named-by-its-company"),
    pytest.param(
        "Kwame Boateng (Lumora Support): confirmed, the queue is stuck. I'll post an update here within the hour.\n"
        "Ingrid (Falkvik Logistics IT): thanks\n",
        "chat", [("post an update here", "rep", date(2026, 4, 14))], id="company-then-support-tag"),
    pytest.param(
        "Speaker 1 (Marta, Orchard Clinics): our nurses still chart on paper\n"
        "Speaker 2 (Ben, Notewell): got it. I'll set up a trial workspace for you both by Friday.\n"
        "Speaker 1 (Marta, Orchard Clinics): Ravi can you pull the list of ward admins\n"
        "Speaker 3 (Ravi, Orchard Clinics): yep, on it\n",
        "meeting", [("set up a trial workspace for you both", "rep", date(2026, 4, 17)),
                    ("pull the list of ward admins", "customer", None)],
        id="a-request-to-a-named-colleague-is-the-colleagues"),
]


@pytest.mark.parametrize(("text", "channel", "expected"), LABELLED)
def test_labels_give_the_sides_of_their_steps(text, channel, expected):
    assert steps_in(text, channel) == expected


def test_a_sentence_on_a_quoted_line_is_quoted_even_after_another_one() -> None:
    text = ("Thanks, noted.\n\n> Thanks for your patience. We will call you back within 24 hours.\n")
    assert steps_in(text, "email") == []


# a list of the things a writer still needs, under a heading that says so: each the reader's step
LISTS = [
    pytest.param("Hi Sam,\n\nBefore legal signs off, a few things are still missing:\n"
                 "1. Your latest pen test summary\n2. Confirmation that backups stay in the EU\n"
                 "3. Whether the API has rate limits on the Team plan\n\nThanks,\nJo\n",
                 [("send your latest pen test summary", "rep", None),
                  ("confirm that backups stay in the EU", "rep", None),
                  ("confirm whether the API has rate limits on the Team plan", "rep", None)],
                 id="numbered-things-still-missing"),
    pytest.param("Hello,\n\nPlease return the following by April 20:\n  a. Signed mutual NDA\n"
                 "  b. Completed security questionnaire\n\nRegards,\nProcurement\n",
                 [("return signed mutual NDA", "rep", date(2026, 4, 20)),
                  ("return completed security questionnaire", "rep", date(2026, 4, 20))],
                 id="lettered-items-dated-by-the-heading"),
    pytest.param("Ben,\n\nWhat I need:\n- someone to restore the deleted pipeline today\n"
                 "- a written explanation, not a canned reply\n\nKavya\n",
                 [("restore the deleted pipeline", "rep", date(2026, 4, 14)),
                  ("send a written explanation", "rep", None)], id="what-i-need"),
    pytest.param("Hi all,\n\nHere's what we covered:\n- the pilot timeline\n- pricing tiers\n\nBest,\nAl\n",
                 [], id="a-list-of-topics-asks-nothing"),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_each_thing_a_list_says_is_still_needed_is_the_readers_step(text, expected):
    assert steps_in(text, "email") == expected


NOT_STEPS = [
    pytest.param([("agent", "Fix is live. Could you ask a few drivers to log in again?"),
                  ("customer", "Confirmed, it works for everyone now.")], id="a-check-reported-done"),
    pytest.param([("agent", "The backlog is replaying. Can you confirm the orders show up on your side?"),
                  ("customer", "Yes, all 12 showing, thanks.")], id="a-confirmation-reported-done"),
    pytest.param([("customer", "This is blocking payroll. Please escalate."),
                  ("agent", "Escalated to our engineering lead.")], id="an-escalation-done-at-once"),
    pytest.param([("agent", "Thanks for calling, this is Mo, could I have your account number?"),
                  ("customer", "Sure, it's 55012.")], id="who-the-caller-is"),
    pytest.param([("customer", "I'll start. We are two weeks behind plan.")], id="i-will-start-speaking"),
]


@pytest.mark.parametrize("turns", NOT_STEPS)
def test_asks_answered_on_the_spot_and_talk_are_no_steps(turns):
    assert steps(turns) == []


def test_a_noun_then_i_can_is_a_relative_clause_not_an_offer():
    found = steps([("customer", "Put it in writing, something I can forward to our board."),
                   ("rep", "Absolutely.")])
    assert all("forward" not in action for action, _, _ in found)
