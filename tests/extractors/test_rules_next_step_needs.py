"""A dated need is an ask of the other side; an undated one is not a step."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.next_step_needs import need_by_action


def steps_of(text: str, direction: str = "inbound") -> list[tuple[str, str, date | None]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel="email", direction=direction,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 5, 6, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog()))
    return [(n.action, n.owner, n.due) for n in insights.next_steps]


@pytest.mark.parametrize(("text", "direction", "expected"), [
    pytest.param("Hi Tom,\n\nThe seed trays were short again. We still need the replacement trays "
                 "at our depot by 12 June.\n\nRuth", "inbound",
                 [("send the replacement trays at our depot", "rep", date(2026, 6, 12))], id="still-need-by-a-date"),
    pytest.param("Hi Tom,\n\nI need the corrected labels printed before Friday.\n\nRuth", "inbound",
                 [("send the corrected labels printed", "rep", date(2026, 5, 8))], id="need-by-before"),
    pytest.param("Hi Tom,\n\nWe'd appreciate a revised delivery schedule by Thursday.\n\nRuth", "inbound",
                 [("send a revised delivery schedule", "rep", date(2026, 5, 7))], id="appreciate-by"),
    pytest.param("Hi Ruth,\n\nTo hold the room we'll need the final guest list by 19 June.\n\nTom", "outbound",
                 [("send the final guest list", "customer", date(2026, 6, 19))], id="the-vendors-dated-need"),
    # a need with no date is what the speaker lacks, not an ask
    pytest.param("Hi Tom,\n\nHonestly we need a better way to see stock across depots.\n\nRuth", "inbound",
                 [], id="an-undated-need-is-no-step"),
])
def test_a_dated_need_asks_the_other_side(text, direction, expected):
    assert steps_of(text, direction) == expected


@pytest.mark.parametrize(("needed", "expected"), [
    ("the reprint delivered", ("deliver", "the reprint")),
    ("the contract signed", ("sign", "the contract")),
    ("the pallet count", ("send", "the pallet count")),
], ids=lambda v: v if isinstance(v, str) else None)
def test_a_needed_thing_says_what_to_do_with_it(needed, expected):
    assert need_by_action(needed) == expected


@pytest.mark.parametrize(("text", "direction", "expected"), [
    pytest.param("Hi Sam,\n\n- Our baker, Aileen, will put together a tasting box for your staff.\n\nTom", "outbound",
                 [("put together a tasting box for your staff", "rep", None)], id="a-job-outside-the-role-list"),
    pytest.param("Hi Sam,\n\nOur yard foreman Jan van Dijk will ship the pallets on Monday.\n\nTom", "outbound",
                 [("ship the pallets", "rep", date(2026, 5, 11))], id="a-name-with-a-particle"),
    pytest.param("Hi Tom,\n\nOur buyer, Dana, will send the purchase order by Friday.\n\nSam", "inbound",
                 [("send the purchase order", "customer", date(2026, 5, 8))], id="the-customers-own-colleague"),
    # a colleague's plans that are no task
    pytest.param("Hi Sam,\n\nOur founder, Maya, will be at the expo next week.\n\nTom", "outbound", [],
                 id="being-somewhere-is-no-step"),
])
def test_a_colleague_named_beside_any_job_is_the_speakers_side(text, direction, expected):
    assert steps_of(text, direction) == expected


def call_steps(text: str) -> list[tuple[str, str, date | None]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel="call", direction="inbound",
                    occurred_at=datetime(2026, 5, 6, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog()))
    return [(n.action, n.owner, n.due) for n in insights.next_steps]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Customer: The lift is stuck again.\nAgent: I'll have the facilities lead, Omar, call you back "
                 "about the repair by tomorrow.\nCustomer: Okay.",
                 [("call you back about the repair", "rep", date(2026, 5, 7))], id="have-the-named-lead-call"),
    pytest.param("Customer: The card reader keeps rebooting.\nAgent: Sorry. Let me have our installer check the "
                 "wiring at your till tomorrow.\nCustomer: Okay.",
                 [("check the wiring at your till", "rep", date(2026, 5, 7))], id="let-me-have-our-installer"),
    # a colleague merely mentioned is no step
    pytest.param("Customer: Who set this up?\nAgent: The facilities lead, Omar, set it up last year.\n"
                 "Customer: Okay.", [], id="a-past-deed-is-no-step"),
])
def test_a_delegated_promise_is_the_speakers(text, expected):
    assert call_steps(text) == expected
