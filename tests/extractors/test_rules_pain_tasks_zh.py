"""A line of a Chinese action list names a problem only as what is to be handed over: no pain.

"整理上个月的断线记录" is work to do; the problem word ("断线") qualifies the record. The same
problem told as a fact stays a pain.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_pains import _pains

TASKS = [
    pytest.param("周会纪要\n待办\n- 整理上个月扫码枪的断线记录。", id="compile-records"),
    pytest.param("周会纪要\n待办\n- 小周明天提供出问题的平板型号。", id="name-day-provide"),
    pytest.param("周会纪要\n待办\n- 说明周末宕机的原因。", id="explain-cause"),
    pytest.param("周会纪要\n待办\n- 核对三家门店多收的会员费明细。", id="reconcile-overcharge"),
]

STILL_PAIN = [
    pytest.param("客户：扫码枪上个月断线了七八次。", ["扫码枪上个月断线了七八次"], id="fact"),
    pytest.param("客户：导出报表经常失败。", ["导出报表经常失败"], id="export-verb-first"),
]


@pytest.mark.parametrize("text", TASKS)
def test_an_action_list_line_is_no_pain(text: str) -> None:
    assert _pains(text, channel="meeting") == []


@pytest.mark.parametrize(("text", "expected"), STILL_PAIN)
def test_the_problem_told_as_a_fact_stays(text: str, expected: list[str]) -> None:
    assert _pains(text) == expected
