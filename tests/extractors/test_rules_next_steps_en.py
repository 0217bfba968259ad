"""English next-step phrasings: asks of someone on the other side, states promised, a question after."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps

# the conversations happen on Monday 2026-03-02
FOUND = [
    pytest.param([("agent", "I'll email you the setup guide — what's the best address?")],
                 [("email you the setup guide", "rep", None)], id="a-promise-then-a-question"),
    pytest.param([("rep", "On our side I'll send the field-mapping worksheet today, and could your "
                          "team fill it in by next Tuesday?")],
                 [("send the field-mapping worksheet", "rep", date(2026, 3, 2)),
                  ("fill it in", "customer", date(2026, 3, 10))], id="could-your-team"),
    pytest.param([("customer", "Can someone on your side dig into the add-in before our QBR on the "
                               "28th?")],
                 [("dig into the add-in before our QBR", "rep", date(2026, 3, 28))],
                 id="can-someone-on-your-side"),
    pytest.param([("customer", "can u get us a trial with the power dialer turned on?")],
                 [("get us a trial with the power dialer turned on", "rep", None)], id="can-u"),
    pytest.param([("customer", "I'll need to create the service account for the connector.")],
                 [("create the service account for the connector", "customer", None)],
                 id="will-need-to"),
    pytest.param([("rep", "I'll have a sandbox with your three depots configured by Wednesday.")],
                 [("have a sandbox with your three depots configured", "rep", date(2026, 3, 4))],
                 id="have-it-configured"),
    pytest.param([("agent", "Could you DM us your workspace name?")],
                 [("DM us your workspace name", "customer", None)], id="dm-us"),
    pytest.param([("customer", "I'll pull the lead numbers from last quarter by Thursday.")],
                 [("pull the lead numbers from last quarter", "customer", date(2026, 3, 5))],
                 id="pull-the-numbers"),
    pytest.param([("rep", "Want me to set up a trial workspace?"),
                  ("customer", "Sure. Could you set it up before next Monday?"),
                  ("rep", "Absolutely, I'll have it ready by Friday.")],
                 [("set up a trial workspace", "rep", date(2026, 3, 6))],
                 id="have-it-ready-dates-the-step-before"),
    pytest.param([("agent", "I'll also ask our docs team to make the permissions note clearer.")],
                 [("make the permissions note clearer", "rep", None)],
                 id="asked-of-our-team-any-verb"),
    pytest.param([("agent", "It's a caching bug. The fix is going out tonight.")],
                 [("ship the fix", "rep", date(2026, 3, 2))], id="the-fix-is-going-out"),
    pytest.param([("customer", "A patch for the export will be deployed Wednesday.")],
                 [("deploy a patch for the export", "rep", date(2026, 3, 4))],
                 id="a-patch-will-be-deployed"),
    pytest.param([("customer", "I'll need to create the service account."),
                  ("customer", "I can have that by the 6th.")],
                 [("create the service account", "customer", date(2026, 3, 6))],
                 id="i-can-have-that-by-the-6th"),
    pytest.param([("rep", "Ellie, can you flag their account for early access?"),
                  ("agent", "Yep, I'll do that today.")],
                 [("flag their account for early access", "customer", date(2026, 3, 2))],
                 id="yep-ill-do-that-today-dates-the-ask"),
    pytest.param([("customer", "Can you send us pricing for fifteen seats?"),
                  ("rep", "I'll have it to you by Friday.")],
                 [("send us pricing for fifteen seats", "rep", date(2026, 3, 6))],
                 id="have-it-to-you-is-no-delegation"),
    pytest.param([("rep", "I'll have someone call you tomorrow.")], [("call you", "rep", date(2026, 3, 3))],
                 id="have-someone-call"),
    pytest.param([("rep", "I'll ask finance to reissue the invoice today.")],
                 [("reissue the invoice", "rep", date(2026, 3, 2))], id="ask-finance-to"),
    pytest.param([("rep", "I'll give you a ring Thursday morning unless I hear otherwise.")],
                 [("call you", "rep", date(2026, 3, 5))], id="a-ring-unless-told-otherwise"),
    pytest.param([("rep", "Could your legal team start the review on Monday?"),
                  ("customer", "Yeah, I'll send it to them Monday morning.")],
                 [("start the review", "customer", date(2026, 3, 9)),
                  ("send it to them", "customer", date(2026, 3, 9))],
                 id="a-delivery-is-no-answer-to-another-task"),
    pytest.param([("customer", "We will also need your updated SOC 2 Type II report for our vendor file.")],
                 [("send the updated SOC 2 Type II report", "rep", None)], id="need-your-report"),
    pytest.param([("customer", "We need this sorted before the old account is shut down on March 31.")],
                 [("sort this out", "rep", date(2026, 3, 31))], id="need-this-sorted"),
    pytest.param([("customer", "I need a corrected invoice for the overcharge by end of week.")],
                 [("send a corrected invoice for the overcharge", "rep", date(2026, 3, 6))],
                 id="need-a-corrected-invoice"),
    pytest.param([("customer", "Second, can we get a sandbox environment?")],
                 [("get a sandbox environment", "rep", None)], id="can-we-get-asks-to-receive"),
    pytest.param([("rep", "Can I send you the deck by Friday?")],
                 [("send you the deck", "rep", date(2026, 3, 6))], id="can-i-send-you-offers-my-step"),
    pytest.param([("customer", "Try me Thursday after two.")], [("call back", "rep", date(2026, 3, 5))],
                 id="try-me-thursday-asks-for-a-call"),
    pytest.param([("rep", "I'll call you Friday at ten.")], [("call you", "rep", date(2026, 3, 6))],
                 id="a-spelled-clock-time-is-no-action"),
    pytest.param([("agent", "Hi Olivia, I'm on it. Restoring access in the next 15 minutes.")],
                 [("Restoring access", "rep", date(2026, 3, 2))], id="a-dated-progressive"),
    pytest.param([("customer", "works perfectly now. will let the rest of the team know.")],
                 [("let the rest of the team know", "customer", None)], id="will-without-a-subject"),
    pytest.param([("customer", "could you resend the invoice from Feb?"), ("rep", "sure, sending now")],
                 [("resend the invoice from Feb", "rep", date(2026, 3, 2))],
                 id="sending-now-answers-the-ask"),
]


@pytest.mark.parametrize(("turns", "expected"), FOUND)
def test_english_steps_as_people_phrase_them(turns, expected):
    assert steps(turns) == expected


@pytest.mark.parametrize("turns", [
    pytest.param([("customer", "We're going to pull out of the deal by Friday.")], id="pull-out"),
    pytest.param([("customer", "Can you hear me okay?")], id="a-question-alone"),
    pytest.param([("customer", "Sorry, I gotta take this exit, I'll talk to you later.")],
                 id="a-closing"),
    pytest.param([("customer", "The reporting is thin compared to what we get out of SFDC today.")],
                 id="what-we-get-is-a-relative-clause"),
    pytest.param([("agent", "Could you share the last 4 digits of the card?"), ("customer", "4417")],
                 id="asked-and-answered-with-the-value"),
    pytest.param([("customer", "We need better reporting.")], id="a-need-that-is-a-pain"),
    pytest.param([("customer", "Call me crazy, but I like it.")], id="call-me-crazy"),
    pytest.param([("customer", "Looking forward to Tuesday.")], id="looking-forward"),
    pytest.param([("customer", "Will you be there on Friday?")], id="will-you-be-there"),
    pytest.param([("customer", "We need a new CRM by Q3.")], id="a-need-for-a-new-tool"),
    pytest.param([("customer", "We really need your help here.")], id="need-your-help"),
    pytest.param([("agent", "Could you send us the import job ID?"),
                  ("customer", "Job ID is IMP-88213.")], id="answered-with-an-id"),
])
def test_not_english_steps(turns):
    assert steps(turns) == []
