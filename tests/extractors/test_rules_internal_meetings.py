"""A meeting of the vendor's own people (extractors/rules/internal_meetings.py): its first lines say
so ("Internal pipeline review", "内部周会", "no customer present"), and then every follow-up is the
vendor's, the problems discussed are no customer's pain points and the sentiment is neutral. A
meeting that only mentions someone's internal team, or where a speaker is labelled the customer,
is read as usual."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Insights, Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor
from extractors.rules.internal_meetings import says_internal


def extract(text: str, channel: str = "meeting") -> Insights:
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel=channel, language="zh" if zh else "en",
                            occurred_at=datetime(2026, 3, 2, 10, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return RulesExtractor().extract(touchpoint, ExtractionContext())


PIPELINE = ("Internal pipeline review (sales team only)\n"
            "Marco: Harbor Glass wants a side-by-side against their current tool.\n"
            "Priya: Could you send me the draft by Wednesday?\n"
            "Marco: Sure, I'll send it Wednesday.\n"
            "Priya: Their ops lead keeps complaining that the export is slow and broken, it's a mess.\n")
ZH_WEEKLY = ("销售部内部周会纪要\n"
             "王磊：宏达那边说我们的报表导出太慢，他们很不满意。\n"
             "李娜：你周五前把改进方案发我一份。\n"
             "王磊：好的，我周五前发你。\n")


@pytest.mark.parametrize("text", [PIPELINE, ZH_WEEKLY], ids=["en-pipeline-review", "zh-internal-weekly"])
def test_an_internal_meeting_has_only_vendor_steps_no_pains_and_neutral_sentiment(text: str) -> None:
    insights = extract(text)
    assert insights.next_steps, "the follow-ups are still steps"
    assert {s.owner for s in insights.next_steps} == {"rep"}
    assert insights.pain_points == []
    assert insights.sentiment is not None and insights.sentiment.label == "neutral"


@pytest.mark.parametrize(("channel", "text", "internal"), [
    ("meeting", "Internal sync, no customer present\nAna: ok", True),
    ("call", "Forecast call – Q2 commits\nLee: two deals slipped", True),
    ("meeting", "参会：销售一部（客户未参会）\n张伟：好", True),
    ("meeting", "Kick-off with Harbor Glass and their internal IT team\nAna: hi", False),
    ("ticket", "Internal review of ticket 4471\nAgent: checked", False),
    ("meeting", "Weekly sync\nAna: the internal review happens later in the week, not here", False),
])
def test_what_says_a_meeting_is_internal(channel: str, text: str, internal: bool) -> None:
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel=channel, text=text,
                            occurred_at=datetime(2026, 3, 2, tzinfo=UTC),
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    assert says_internal(touchpoint) is internal


def test_a_labelled_customer_makes_a_meeting_no_internal_one() -> None:
    text = ("Internal review of the rollout, with the customer joining for the last part\n"
            "Customer: The export is broken and nobody answers our tickets.\n"
            "Rep: I'll look into it today.\n")
    insights = extract(text)
    assert insights.pain_points, "the customer's complaint is a pain point"
    assert insights.sentiment is not None and insights.sentiment.label == "negative"


def test_a_product_teams_roles_are_no_customer_labels() -> None:
    """AMI-style design meetings label turns by team role: "User Interface:" is no user's."""
    text = ("Design meeting, internal to the vendor, no customer present\n"
            "Project Manager: Could you draft the button layout by Friday?\n"
            "User Interface: Sure, I'll draft it. Honestly I love the new shape, it's great.\n"
            "Marketing: Users hate remotes that get lost, that's what the survey says.\n")
    insights = extract(text)
    assert {s.owner for s in insights.next_steps} == {"rep"}
    assert insights.sentiment is not None and insights.sentiment.label == "neutral"
    assert insights.pain_points == []
