"""Small real domain objects for the storage and identity tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from assistant.ingest.common import assemble_text, touchpoint_id
from assistant.models import (
    Insights,
    Participant,
    Provenance,
    Segment,
    Source,
    Summary,
    Touchpoint,
)

SHANGHAI = timezone(timedelta(hours=8))


def make_touchpoint(
    *, tenant_id: str = "acme", fingerprint: str = "call-1", channel: str = "call",
    occurred_at: datetime | None = None, participants: list[Participant] | None = None,
    account_id: str | None = None,
) -> Touchpoint:
    text, segments = assemble_text([
        Segment(speaker="Li Wei", role="customer", text="我们下周要和 Salesforce 比较一下价格。"),
        Segment(speaker="Dana", role="rep", text="I will send the revised quote by Friday."),
    ])
    return Touchpoint(
        id=touchpoint_id(tenant_id, fingerprint), tenant_id=tenant_id, channel=channel,
        occurred_at=occurred_at or datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI),
        language="mixed", subject="Pricing call", account_id=account_id,
        source=Source(uri=f"/calls/{fingerprint}.txt", sha256="ab" * 32, media_type="text/plain"),
        segments=segments, text=text, participants=participants or [],
        metadata={"rep": ["Dana"]},
    )


def make_insights(touchpoint: Touchpoint, *, extractor: str = "rules", version: str = "1",
                  summary: str = "Pricing comparison") -> Insights:
    return Insights(
        touchpoint_id=touchpoint.id, summary=Summary(text=summary),
        provenance=Provenance(extractor=extractor, extractor_version=version,
                              prompt_hash="f" * 64 if extractor == "llm" else None),
        created_at=datetime.now(UTC),
    )
