"""What support and implementation people ask and promise is a step whatever its verb."""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_action_items import steps_of

CASES = [
    pytest.param("Agent: Could you capture a SAML trace from one affected user and attach it here?\n"
                 "Customer: ok\n", "capture a SAML trace from one affected user and attach it here",
                 "customer", id="capture-and-attach"),
    pytest.param("Customer: The import dropped 73 rows.\nAgent: Once the fix is out I'll re-run the "
                 "import for the missing rows.\n", "re-run the import for the missing rows", "rep",
                 id="re-run"),
    pytest.param("Customer: Can you switch on SSO for our tenant?\nAgent: Checking.\n",
                 "switch on SSO for our tenant", "rep", id="switch-on"),
    pytest.param("Agent: I'll ask the devs about the crash and get back to you.\nCustomer: thx\n",
                 "ask the devs about the crash and get back to you", "rep", id="ask-someone"),
]


@pytest.mark.parametrize(("text", "action", "owner"), CASES)
def test_request_and_promise_verbs(text: str, action: str, owner: str) -> None:
    assert [(a, o) for a, o, _ in steps_of(text, channel="chat")] == [(action, owner)]


@pytest.mark.parametrize("text", [
    "Customer: Please find attached our onboarding packet.\nAgent: Thanks!\n",
    "Customer: We'll renew for two more years.\nAgent: Wonderful!\n",
], ids=["find-attached", "renewal-decision"])
def test_not_steps(text: str) -> None:
    assert steps_of(text, channel="chat") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Agent: in the meantime if you could send me a list of the affected users that would help\n"
     "Customer: ok\n", [("send me a list of the affected users", "customer")]),
    ("Customer: It would be great if you could resend the invoice.\nAgent: Sure.\n",
     [("resend the invoice", "rep")]),
    ("Customer: I'd appreciate it if you could loop in your security lead.\nAgent: Will do.\n",
     [("loop in your security lead", "rep")]),
    ("Rep: If you sign this quarter we could include onboarding.\nCustomer: Let me think.\n", []),
], ids=["if-you-could-that-would-help", "would-be-great-if-you-could", "appreciate-it-if",
        "a-real-condition-stays-an-offer"])
def test_a_polite_request_put_as_a_condition(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a, o) for a, o, _ in steps_of(text, channel="chat")] == expected
