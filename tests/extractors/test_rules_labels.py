"""The touchpoint's sentiment label follows the customer's stance, and its evidence shows it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from assistant.ingest.common import assemble_text
from assistant.models import Segment, Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor

CST = timezone(timedelta(hours=8))


def sentiment_of(turns: list[tuple[str, str]], *, direction: str = "inbound",
                 channel: str = "call"):
    text, segments = assemble_text(
        [Segment(speaker=role.title(), role=role, text=body) for role, body in turns])  # type: ignore[arg-type]
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel, direction=direction,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 3, 2, tzinfo=CST), segments=segments, text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog())).sentiment


LABELS = [
    pytest.param([("customer", "We won't be renewing. Thanks for all your help, really appreciated.")],
                 "negative", id="en-firm-no-with-polite-thanks"),
    pytest.param([("customer", "下个月到期就不续了，谢谢你们这段时间的支持。")], "negative",
                 id="zh-not-renewing-with-thanks"),
    pytest.param([("rep", "Wonderful news, thank you so much! We're thrilled.")], "neutral",
                 id="en-rep-enthusiasm-only"),
    pytest.param([("customer", "The call summaries are really good."),
                  ("customer", "But the mobile app crashed twice and it is unusable.")], "mixed",
                 id="en-mixed"),
    pytest.param([("customer", "新版本用着很顺👍")], "positive", id="zh-emoji-praise"),
]


@pytest.mark.parametrize(("turns", "label"), LABELS)
def test_the_label_follows_the_customers_overall_stance(turns, label):
    assert sentiment_of(turns).label == label


def test_a_positive_label_never_cites_a_complaint():
    sentiment = sentiment_of([
        ("customer", "We love the new dashboard, it is fantastic and the team is thrilled."),
        ("customer", "The export is a bit slow."),
        ("customer", "Honestly the onboarding was great too.")])
    assert sentiment.label == "positive"
    assert sentiment.evidence and all("slow" not in e.quote for e in sentiment.evidence)


def test_a_neutral_label_shows_no_evidence():
    assert sentiment_of([("customer", "Please send the invoice to accounts payable.")]).evidence == []
