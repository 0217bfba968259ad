"""Ticket summaries on the bundled sample data and on small tickets with fixed times."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from assistant.citations import Citation
from assistant.errors import NotFoundError
from assistant.ingest.common import assemble_text
from assistant.models import Segment, Source, Touchpoint
from assistant.storage import repository
from assistant.ticket_checks import SlaPolicy, check_sla, data_quality_flags
from assistant.tickets import TicketSummary, list_tickets, summarize_ticket
from tests.sample_store import SampleStore, ingest_samples

AT = datetime(2026, 3, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleStore]:
    store = ingest_samples(tmp_path_factory.mktemp("sample"))
    yield store
    store.db.close()


def assert_citations_resolve(sample: SampleStore, citations: list[Citation]) -> None:
    with sample.db.session() as session:
        for c in citations:
            tp = repository.get_touchpoint(session, tenant_id=sample.tenant_id,
                                           touchpoint_id=c.touchpoint_id)
            if c.start is None:
                assert c.source_field
            else:
                assert tp.text[c.start:c.end] == c.quote


def all_citations(summary: TicketSummary) -> list[Citation]:
    lines = [summary.issue, summary.next_action, summary.sentiment, *summary.fields,
             *summary.impact, *summary.tried, *summary.asked, *summary.promised,
             *summary.timeline]
    found = [c for line in lines if line for c in line.citations]
    found += [c for check in summary.sla for c in check.citations]
    found += summary.escalation.citations if summary.escalation else []
    return found


def test_tickets_are_listed_once_each_newest_activity_first(sample: SampleStore) -> None:
    tickets = list_tickets(sample.db, tenant_id=sample.tenant_id)
    assert {t.ticket_id for t in tickets} == {"4411", "4417", "4420", "5102", "QH-118", "QH-121"}
    assert [t.last_activity_at for t in tickets] == sorted(
        (t.last_activity_at for t in tickets), reverse=True)
    assert "4420" not in {t.ticket_id for t in list_tickets(
        sample.db, tenant_id=sample.tenant_id, open_only=True)}


def test_the_export_ticket_summary_cites_every_line_and_escalates(sample: SampleStore) -> None:
    summary = summarize_ticket(sample.db, tenant_id=sample.tenant_id, ticket_id="4411", now=AT,
                               retrieval=sample.retrieval)
    assert summary.issue and "CSV" in summary.issue.text
    assert any("month" in line.text for line in summary.impact)
    assert any("looking into it" in line.text for line in summary.tried)
    assert summary.next_action and "Sam Ortiz" in summary.next_action.text  # customer spoke last
    assert [(c.name, c.state) for c in summary.sla] == [("assignment", "breached")]
    assert summary.sla[0].elapsed_minutes == 3 * 24 * 60 + 2 * 60  # Fri 27 Feb 09:00 -> Mon 2 Mar 11:00
    assert summary.escalation is not None and summary.escalation.touchpoints >= 3
    assert {"ticket", "email", "chat"} <= set(summary.escalation.channels)
    for line in summary.fields + summary.impact + summary.tried + summary.timeline:
        assert line.citations
    assert_citations_resolve(sample, all_citations(summary))


def test_a_ticket_answered_in_25_minutes_meets_the_assignment_sla(sample: SampleStore) -> None:
    summary = summarize_ticket(sample.db, tenant_id=sample.tenant_id, ticket_id="5102", now=AT,
                               retrieval=sample.retrieval)
    assert [(c.state, c.elapsed_minutes) for c in summary.sla] == [("met", 25.0)]
    assert summary.language == "zh" and summary.labels["issue"] == "问题"
    assert summary.escalation is None  # raised once: a single ticket is not an escalation
    assert_citations_resolve(sample, all_citations(summary))


def test_an_unknown_ticket_lists_the_known_ones(sample: SampleStore) -> None:
    with pytest.raises(NotFoundError, match="4411"):
        summarize_ticket(sample.db, tenant_id=sample.tenant_id, ticket_id="9999")


SHANGHAI = timezone(timedelta(hours=8))


def chat(minutes_to_reply: float | None, channel: str = "chat",
         meta: dict[str, object] | None = None) -> Touchpoint:
    start = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
    turns = [Segment(speaker="张伟", role="customer", text="你好，系统无法登录。", occurred_at=start)]
    if minutes_to_reply is not None:
        turns.append(Segment(speaker="Sam", role="agent", text="我们马上处理。",
                             occurred_at=start + timedelta(minutes=minutes_to_reply)))
    text, segments = assemble_text(turns)
    return Touchpoint(id="tp_x", tenant_id="t", channel=channel, occurred_at=start,  # type: ignore[arg-type]
                      source=Source(uri="x", sha256="0" * 64, media_type="text/plain"),
                      segments=segments, text=text, metadata=meta or {})


@pytest.mark.parametrize(("reply", "now_after", "state"), [
    (3, 60, "met"), (7, 60, "breached"), (None, 4, "pending"), (None, 6, "breached"),
], ids=["answered in 3 min", "answered in 7 min", "waiting 4 min", "waiting 6 min"])
def test_first_response_to_an_online_inquiry_is_held_to_five_minutes(
        reply: float | None, now_after: float, state: str) -> None:
    tp = chat(reply)
    now = tp.occurred_at + timedelta(minutes=now_after)
    assert [c.state for c in check_sla(tp, SlaPolicy(), now=now)] == [state]


def test_assignment_targets_are_configurable() -> None:
    tp = chat(90, channel="ticket")
    assert check_sla(tp, SlaPolicy(), now=AT)[0].state == "met"
    assert check_sla(tp, SlaPolicy(assignment_minutes=60), now=AT)[0].state == "breached"


def test_missing_fields_and_timestamps_out_of_order_are_flagged() -> None:
    tp = chat(-30, channel="ticket", meta={"status": "open"})
    flags = data_quality_flags(tp)
    assert {"missing field: priority", "missing field: product", "missing field: requester",
            "missing field: subject"} <= set(flags)
    assert any(f.startswith("timestamps out of order: message 2") for f in flags)
