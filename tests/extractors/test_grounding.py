from datetime import UTC, datetime

import pytest

from assistant.models import Segment, Source, Touchpoint
from extractors.grounding import evidence_for_span, ground, is_verified, locate


def make_touchpoint(text: str, segments: list[Segment] | None = None) -> Touchpoint:
    return Touchpoint(
        id="tp1", tenant_id="t", channel="call", occurred_at=datetime(2026, 3, 2, tzinfo=UTC),
        source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"),
        text=text, segments=segments or [],
    )


CASES = [
    ("exact", "We use Salesforce today.", "use Salesforce", "exact", "use Salesforce"),
    ("case and spaces", "We  use   SALESFORCE today.", "use salesforce", "normalized",
     "use   SALESFORCE"),
    ("full-width punctuation", "价格太高了，我们再考虑。", "价格太高了,我们再考虑", "normalized",
     "价格太高了，我们再考虑"),
    ("full-width latin", "我们在用ＨｕｂＳｐｏｔ", "在用HubSpot", "normalized", "在用ＨｕｂＳｐｏｔ"),
    ("chinese fuzzy", "我下周二前把报价单发给您，请查收。", "我下周二前把报价发给您", "fuzzy", None),
    ("english fuzzy typo", "I will send the revised quote by Friday.",
     "I will send the revized quote by Friday", "fuzzy", None),
]


@pytest.mark.parametrize(("text", "quote", "status", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quotes_align_back_to_a_real_slice(text, quote, status, expected):
    span = locate(quote, text)
    assert span is not None
    assert span.status == status
    if expected is not None:
        assert text[span.start:span.end] == expected


@pytest.mark.parametrize("quote", ["Acme Corp loves us", "我们已经签约了", ""],
                         ids=["invented english", "invented chinese", "empty"])
def test_invented_quotes_are_ungrounded(quote):
    tp = make_touchpoint("价格太高了，我们再考虑。We might look at HubSpot.")
    evidence = ground(quote, tp)
    assert evidence.status == "ungrounded"
    assert not is_verified(evidence, tp.text)


def test_evidence_carries_segment_and_audio_time():
    text = "Rep: hello\nCustomer: we use Zoho"
    segs = [Segment(speaker="Rep", role="rep", start_s=0.0, end_s=1.5, text="hello", start=5, end=10),
            Segment(speaker="Customer", role="customer", start_s=1.5, end_s=4.0, text="we use Zoho",
                    start=21, end=32)]
    tp = make_touchpoint(text, segs)
    ev = ground("use Zoho", tp)
    assert (ev.segment_index, ev.audio_start_s, ev.audio_end_s) == (1, 1.5, 4.0)
    assert is_verified(ev, text)
    assert evidence_for_span(tp, 0, 3).quote == "Rep"


def test_threshold_is_range_checked():
    with pytest.raises(ValueError):
        locate("a", "a", fuzzy_threshold=0.1)


def test_long_chinese_text_aligns_within_budget():
    filler = "这是一段很长的通话记录，客户在讨论很多别的事情。" * 2000
    text = filler + "我们月底之前确认采购预算。" + filler
    span = locate("我们月底前确认采购预算", text, time_budget_s=5)
    assert span is not None and "采购预算" in text[span.start:span.end]
