"""Chinese requests put as "can you…" questions that the narrower patterns missed (invented examples):
a deliverable to produce ("能不能帮我们出一版方案？"), a thing handed to the speaker ("可以把…发我吗？"),
and "每天的…" as a modifier of what is asked, not a habit. The capability question and the
speaker's own offer stay no request."""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_next_steps import steps  # occurred Mon 2026-03-02

REQUESTS = [
    pytest.param([("customer", "能不能帮我们出一版培训方案？")], ("出一版培训方案", "rep", None), id="zh-can-you-produce"),
    pytest.param([("customer", "可以把上周的巡检记录发我吗？")], ("把上周的巡检记录发我", "rep", None),
                 id="zh-can-you-hand-me"),
    pytest.param([("customer", "另外能不能提供每天的出入库明细？")], ("提供每天的出入库明细", "rep", None),
                 id="zh-every-day-as-modifier"),
]


@pytest.mark.parametrize(("turns", "expected"), REQUESTS)
def test_can_you_questions_ask_the_addressee(turns, expected):
    assert expected in steps(turns)


NOT_REQUESTS = [
    pytest.param([("customer", "能不能做私有化部署？")], id="zh-capability-question"),
    pytest.param([("rep", "我们可以把周报发到您邮箱。")], id="zh-own-offer-to-you"),
    pytest.param([("customer", "你们每天都把货送错。")], id="zh-habit-complaint"),
]


@pytest.mark.parametrize("turns", NOT_REQUESTS)
def test_capability_questions_offers_and_habits_ask_nothing(turns):
    assert [s for s in steps(turns) if s[1] == ("rep" if turns[0][0] == "customer" else "customer")] == []
