"""Field and back-office work promised in service and rollout talk, and a department named bare as
the subject ("…, and engineering will send a root-cause report by Friday"): steps of the speaker's
side (extractors/rules/next_step_patterns.py EN_VERB_WORDS, EN_TEAM)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor


def steps(text: str) -> list[tuple[str, str]]:
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel="call",
                            occurred_at=datetime(2026, 3, 2, 10, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(touchpoint, ExtractionContext())
    return [(s.action, s.owner) for s in insights.next_steps]


@pytest.mark.parametrize(("said", "action"), [
    ("I'll mute the offline alerts for that site until Wednesday.", "mute the offline alerts for that site"),
    ("We'll pick up the faulty unit on Tuesday.", "pick up the faulty unit"),
    ("Our technician will inspect the compressor tomorrow morning.", "inspect the compressor"),
    ("Priya on our side will load the title records by next Friday.", "load the title records"),
    ("Sorry about that, and engineering will send a root-cause report by Friday.", "send a root-cause report"),
    ("I'll waive the call-out fee on this one.", "waive the call-out fee on this one"),
])
def test_field_work_promised_by_the_agent_is_a_rep_step(said: str, action: str) -> None:
    text = f"Customer: The unit failed again last night.\nAgent: {said}\n"
    found = steps(text)
    assert [(a, o) for a, o in found if a.startswith(action.split()[0])] == [(action, "rep")]


def test_a_department_mid_sentence_is_no_subject() -> None:
    """"…the report from engineering will…" names no department as the one who acts."""
    text = "Customer: Hi.\nAgent: The report from engineering will show the cause.\n"
    assert steps(text) == []


@pytest.mark.parametrize("said", [
    "Right now we release the hold and create a new one by hand.",
    "Currently we export the list every Friday.",
    "Normally we ship within two days.",
])
def test_how_it_is_done_today_is_no_step(said: str) -> None:
    assert steps(f"Customer: {said}\nAgent: Thanks, noted.\n") == []


def test_right_now_with_a_promise_is_a_step() -> None:
    found = steps("Customer: It failed again.\nAgent: Right now I'll send you the fix.\n")
    assert found == [("send you the fix", "rep")]
