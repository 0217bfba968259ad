"""Pain points of the rules: each problem clause once, in both languages; requests, threats,
questions and subject lines are no pains."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.rules import RulesExtractor


def _pains(text: str, *, channel: str = "call") -> list[str]:
    """The pain points of `text` said by the customer, the rep answering on a second line."""
    text += "\n销售：收到。" if "：" in text else "\nRep: Thanks, looking into it."
    touchpoint = Touchpoint(id="tp", tenant_id="t", channel=channel, direction="inbound",  # type: ignore[arg-type]
                            occurred_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC), text=text,
                            source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return [p.text for p in RulesExtractor().extract(touchpoint, ExtractionContext()).pain_points]


PAINS = [
    pytest.param("Customer: Since yesterday our invoices stopped sending.",
                 ["Since yesterday our invoices stopped sending"], id="en-defect-verb"),
    pytest.param("Customer: Nobody from your side has replied to our ticket.",
                 ["Nobody from your side has replied to our ticket"], id="en-neglect"),
    pytest.param("Customer: We were billed for 30 seats but only use 22.",
                 ["We were billed for 30 seats but only use 22"], id="en-cue-across-clauses"),
    pytest.param("Customer: Honestly the dashboard is painful, and it takes my analyst three days "
                 "every month to rebuild the numbers.",
                 ["the dashboard is painful", "it takes my analyst three days every month to "
                  "rebuild the numbers"], id="en-two-pains-two-items"),
    pytest.param("客户：从昨天开始就收不到验证码了，同事们都没法登录。",
                 ["从昨天开始就收不到验证码了"], id="zh-potential-complements"),
    pytest.param("客户：我们用了两年了，但是那个导出真的很麻烦，每次都要手动改格式。",
                 ["导出真的很麻烦", "每次都要手动改格式"], id="zh-pains-without-context"),
    pytest.param("客户：导出的时候文件名是乱码，怎么处理？", ["导出的时候文件名是乱码"],
                 id="zh-problem-before-question"),
    pytest.param("Customer: Honestly our reps don't log calls and the forecast is basically fiction.",
                 ["our reps don't log calls", "the forecast is basically fiction"],
                 id="en-two-business-pains"),
    pytest.param("客户：现在客户资料全靠Excel，经常漏跟进。", ["现在客户资料全靠Excel", "经常漏跟进"],
                 id="zh-business-pains"),
    pytest.param("客户：付款以后订单一直显示未发货。", ["付款以后订单一直显示未发货"], id="zh-still-not"),
]


@pytest.mark.parametrize(("text", "pains"), PAINS)
def test_each_problem_clause_is_one_pain_point(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


NO_PAINS = [
    pytest.param("客户：麻烦您明天上午把发票开一下。", id="zh-mafan-is-please"),
    pytest.param("客户：再不解决我们就要投诉了。", id="zh-threat"),
    pytest.param("Customer: Please fix the broken export today.", id="en-request"),
    pytest.param("Customer: If the sync isn't fixed by Friday we'll cancel.", id="en-threat"),
    pytest.param("Customer: All our bug reports live in Jira.", id="en-bug-reports-are-a-tool"),
    pytest.param("Customer: We can't start before June because of the code freeze.",
                 id="en-code-freeze"),
]


@pytest.mark.parametrize("text", NO_PAINS)
def test_requests_threats_and_tools_are_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize("text", [
    "Subject: Login broken\nCustomer: Our whole team is locked out since the update.",
    "主题：登录失败\n客户：全公司都登不上系统。",
])
def test_a_subject_line_is_not_a_second_pain(text: str) -> None:
    pains = _pains(text)
    assert len(pains) == 1 and "broken" not in pains[0] and "失败" not in pains[0]
