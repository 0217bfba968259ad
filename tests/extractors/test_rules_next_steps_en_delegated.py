"""English steps handed to a colleague named beside their job, offered through someone else, or
finished by a pronoun delivery; and sentences that only sound like steps (the order of one's own
words, news announced, an outcome to expect, leverage until the other side acts)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps

# conversations by role happen on Monday 2026-03-02
CASES = [
    pytest.param([("customer", "I'll ask our finance lead, Marta, to send the PO by Friday.")],
                 [("send the PO", "customer", date(2026, 3, 6))], id="ask-a-named-colleague-to"),
    pytest.param([("rep", "My colleague, Omar Haddad, will walk you through the API tomorrow.")],
                 [("walk you through the API", "rep", date(2026, 3, 3))], id="a-colleague-named-then-will"),
    pytest.param([("rep", "I'll get one of our engineers to review the mapping file on Wednesday.")],
                 [("review the mapping file", "rep", date(2026, 3, 4))], id="get-one-of-our-engineers-to"),
    pytest.param([("rep", "I can have one of our AEs email you the pricing sheet."), ("customer", "Yes please.")],
                 [("email you the pricing sheet", "rep", None)], id="a-causative-offer-taken-up"),
    pytest.param([("rep", "We could get our solutions architect to run a workshop if you'd like.")], [],
                 id="a-causative-offer-not-taken-up"),
    pytest.param([("customer", "I'll pull together the seat count for each office."),
                  ("customer", "I'll send that over Thursday.")],
                 [("pull together the seat count for each office", "customer", date(2026, 3, 5))],
                 id="a-pronoun-delivery-dates-the-step-before"),
    pytest.param([("rep", "I'll draft the rollout plan, covering both regions, and get it to you by Friday.")],
                 [("draft the rollout plan", "rep", date(2026, 3, 6))],
                 id="a-pronoun-delivery-in-the-same-sentence"),
    pytest.param([("customer", "I'll start with the numbers from last quarter.")], [],
                 id="the-order-of-ones-own-words"),
    pytest.param([("customer", "Just wanted to give you a heads-up: the board moved the vote.")], [],
                 id="news-announced"),
    pytest.param([("agent", "I've filed the correction, and you'll see a credit on your next invoice.")], [],
                 id="an-outcome-to-expect"),
    pytest.param([("customer", "We're pausing the rollout until the SSO bug is fixed.")], [],
                 id="leverage-until-fixed"),
    pytest.param([("customer", "We will withhold payment until the invoice is corrected.")], [],
                 id="withhold-payment-until"),
]


@pytest.mark.parametrize(("turns", "expected"), CASES)
def test_delegated_and_pronoun_steps(turns, expected):
    assert steps(turns) == expected


POLITE_ASKS = [
    pytest.param([("customer", "We would be grateful if you could confirm whether the portal supports SSO.")],
                 [("confirm whether the portal supports SSO", "rep", None)], id="grateful-if-you-could"),
    pytest.param([("customer", "I respectfully request that you provide the audit logs by Friday.")],
                 [("provide the audit logs", "rep", date(2026, 3, 6))], id="request-that-you"),
    pytest.param([("rep", "We kindly request that the Council confirm which template applies.")],
                 [("confirm which template applies", "customer", None)], id="request-that-a-named-body"),
    pytest.param([("customer", "Could you let me know by Thursday when the patch is scheduled?")],
                 [("let me know when the patch is scheduled", "rep", date(2026, 3, 5))],
                 id="let-me-know-when-is-an-ask"),
    pytest.param([("customer", "Please let me know if you have any questions.")], [],
                 id="let-me-know-if-you-have-questions-is-a-closing"),
    pytest.param([("customer", "Can somebody from your onboarding team check the import file?")],
                 [("check the import file", "rep", None)], id="somebody-from-your-named-team"),
    pytest.param([("customer", "Please deactivate the two contractor logins.")],
                 [("deactivate the two contractor logins", "rep", None)], id="deactivate-is-a-step"),
    pytest.param([("customer", "I need a summary of the outage for our board.")],
                 [("send a summary of the outage for our board", "rep", None)], id="a-summary-of-is-wanted"),
]


@pytest.mark.parametrize(("turns", "expected"), POLITE_ASKS)
def test_polite_and_formal_asks(turns, expected):
    assert steps(turns) == expected
