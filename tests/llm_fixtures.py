"""Touchpoints and scripted model answers shared by the LLM and hybrid tests.

Names here (Dana, Priya, 王磊, 陈静) are deliberately different from the prompt's few-shot
examples, so an answer copied from the examples can never ground in these sources.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from assistant.ingest.common import assemble_text
from assistant.models import Role, Segment, Source, Touchpoint
from extractors.llm import LLMExtractor, LLMOptions
from extractors.llm.client import ClientOptions

EN_TURNS: list[tuple[str, Role, str]] = [
    ("Dana", "rep", "Thanks for making time today, Priya."),
    ("Priya", "customer", "We use Salesforce today but it is far too slow for our team."),
    ("Priya", "customer", "Honestly the price you quoted is above our budget."),
    ("Dana", "rep", "I'll email you the updated pricing by Friday."),
]
ZH_TURNS: list[tuple[str, Role, str]] = [
    ("王磊", "rep", "陈总您好，上次的演示您觉得怎么样？"),
    ("陈静", "customer", "我们现在用的是纷享销客，数据录入太麻烦了。"),
    ("王磊", "rep", "我下周二前把报价发给您。"),
]


def make_touchpoint(turns: list[tuple[str, Role, str]], *, tp_id: str = "tp_test",
                    channel: str = "call", occurred_at: datetime | None = None) -> Touchpoint:
    text, segments = assemble_text(Segment(speaker=s, role=r, text=t) for s, r, t in turns)
    return Touchpoint(
        id=tp_id, tenant_id="default", channel=channel,  # type: ignore[arg-type]
        occurred_at=occurred_at or datetime(2026, 3, 2, 10, tzinfo=UTC),
        source=Source(uri="mem://test", sha256="0" * 64, media_type="text/plain"),
        text=text, segments=segments, language="en",
    )


def english_touchpoint() -> Touchpoint:
    return make_touchpoint(EN_TURNS)


def chinese_touchpoint() -> Touchpoint:
    tz = timezone(timedelta(hours=8))
    return make_touchpoint(ZH_TURNS, tp_id="tp_zh", occurred_at=datetime(2026, 3, 2, 10, tzinfo=tz))


def answer(**fields: Any) -> dict[str, Any]:
    """A schema-complete answer: every key present, empty unless given."""
    base: dict[str, Any] = {"summary": None, "sentiment": None, "competitors": [],
                            "next_steps": [], "pain_points": [], "objections": [],
                            "buying_signals": [], "questions": [], "ticket": None}
    base.update(fields)
    return base


def english_answer() -> dict[str, Any]:
    return answer(
        summary={"text": "Customer finds Salesforce slow and the quote over budget.",
                 "quotes": ["it is far too slow for our team"]},
        sentiment={"label": "negative", "score": -0.5,
                   "quotes": ["Honestly the price you quoted is above our budget."]},
        competitors=[{"name": "Salesforce", "stance": "using", "quote": "We use Salesforce today"}],
        next_steps=[{"action": "email the updated pricing", "owner": "rep",
                     "due_date": "2026-03-06", "due_phrase": "by Friday",
                     "quote": "I'll email you the updated pricing by Friday."}],
        pain_points=[{"text": "Salesforce is too slow",
                      "quote": "it is far too slow for our team"}],
        objections=[{"kind": "price", "text": "quote above budget",
                     "quote": "the price you quoted is above our budget"}],
    )


def extractor_for(base_url: str, cache_dir: Path | None = None, **client: Any) -> LLMExtractor:
    """An extractor with short timeouts and backoff so transport tests stay fast."""
    defaults: dict[str, Any] = {"model": "gpt-4o-mini", "api_key": "sk-test", "timeout_s": 2.0,
                                "max_retries": 2, "backoff_initial_s": 0.01,
                                "backoff_max_s": 0.05}
    defaults.update({k: v for k, v in client.items() if k in ClientOptions.__dataclass_fields__})
    options = {k: v for k, v in client.items() if k not in ClientOptions.__dataclass_fields__}
    return LLMExtractor(LLMOptions(
        client=ClientOptions(base_url=base_url, **defaults),
        cache_path=cache_dir / "llm_cache.sqlite3" if cache_dir else None,
        **options,
    ))
