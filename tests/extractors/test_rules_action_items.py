"""Action-item lines in meeting notes and recap emails are steps owned by the name before them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.catalog import load_catalog
from extractors.rules import RulesExtractor


def steps_of(text: str, channel: str = "meeting", direction: str = "inbound"
             ) -> list[tuple[str, str, date | None]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel, direction=direction,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 4, 14, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=load_catalog(None)))
    return [(n.action, n.owner, n.due) for n in insights.next_steps]


CASES = [
    pytest.param(
        "Rep: Thanks Ana, good session.\nAna: Thanks, the pilot went well.\n\nAction items:\n"
        "- Ana: confirm final headcount for the pilot (end of week)\n"
        "- Us: 3-year pricing options - by Friday\n",
        [("confirm final headcount for the pilot", "customer", date(2026, 4, 17)),
         ("3-year pricing options", "rep", date(2026, 4, 17))], id="en-named-and-us-under-heading"),
    pytest.param(
        "Hi Joel,\n\nRecap of today:\n- Joel: security questionnaire back to us - by Friday\n"
        "- Me: send the revised order form - by Thursday\n\nBest,\nSam",
        [("return security questionnaire", "customer", date(2026, 4, 17)),
         ("send the revised order form", "rep", date(2026, 4, 16))],
        id="en-dated-lines-in-a-rep-email"),
    pytest.param(
        "Next steps:\n- Priya to loop in legal on the DPA\n\nPriya: Sounds good.\nRep: Great.\n",
        [("loop in legal on the DPA", "customer", None)], id="en-name-to-verb"),
    pytest.param(
        "待办：\n1. 王磊：周五前发送正式报价\n2. 客户：确认上线人员名单\n\n王磊：好的。\n李娜：收到。\n",
        [("发送正式报价", "rep", date(2026, 4, 17)), ("确认上线人员名单", "customer", None)],
        id="zh-todo-list"),
    pytest.param("Summary:\n- Pricing: $40 per seat per month\n- Notes: pilot went well\n", [],
                 id="heading-words-are-no-owners"),
    pytest.param("Ana: We met the team.\n- Ana: pilot went well overall\n", [],
                 id="no-heading-no-date-no-step"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_action_item_lines(text: str, expected: list[tuple[str, str, date | None]]) -> None:
    assert steps_of(text, channel="email" if text.startswith("Hi") else "meeting",
                    direction="outbound" if text.startswith("Hi") else "inbound") == expected
