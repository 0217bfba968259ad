"""The speaker's field and service people as the subject of a promise (invented examples): "the tech
will text you", "a driver will pick it up", "someone from billing will call", "Ana's team will run
the test" - the speaker's side, with the verb phrase and its date; an auto-reply's "a specialist
will respond within 1 business day" promises nothing to this customer."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps  # occurred Mon 2026-03-02

PROMISES = [
    pytest.param("The tech will text you an arrival window on Thursday.",
                 ("text you an arrival window", "rep", date(2026, 3, 5)), id="the-tech"),
    pytest.param("Our crew will drain the tank tomorrow.", ("drain the tank", "rep", date(2026, 3, 3)),
                 id="our-crew"),
    pytest.param("A driver will pick up the old unit on Friday.", ("pick up the old unit", "rep", date(2026, 3, 6)),
                 id="a-driver"),
    pytest.param("Someone from billing will call you tomorrow.", ("call you", "rep", date(2026, 3, 3)),
                 id="someone-from-billing"),
    pytest.param("Ana's team will run the load test with you on Wednesday.",
                 ("run the load test with you", "rep", date(2026, 3, 4)), id="a-named-persons-team"),
    pytest.param("The adjuster will contact you this week.", ("contact you", "rep", date(2026, 3, 6)),
                 id="the-adjuster"),
]


@pytest.mark.parametrize(("sentence", "expected"), PROMISES)
def test_the_speakers_field_people_promise_for_the_speakers_side(sentence, expected):
    assert steps([("agent", sentence)]) == [expected]


@pytest.mark.parametrize("sentence", [
    "A specialist will respond within 1 business day.",
    "An agent will reply within 2 business hours.",
])
def test_an_auto_replys_promise_to_anyone_is_no_step(sentence):
    assert steps([("agent", sentence)]) == []
