"""A Chinese pain clause keeps the clause after it that measures it (a count, a sum, a span).

"对账对不上，差了三万多" is one problem with its size; a clause after it on another matter (what
the vendor did, something else that exists, a date) stays out, and a measure never makes a pain
of a sentence without one.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_pains import _pains

MEASURED = [
    pytest.param("客户：仓库的扫码枪这周掉线了，最长的一把两天没连上。",
                 ["仓库的扫码枪这周掉线了，最长的一把两天没连上"], id="longest"),
    pytest.param("客户：上个月的结算单对不上，四个网点差了两万多。",
                 ["上个月的结算单对不上，四个网点差了两万多"], id="sum-off"),
    pytest.param("客户：门店的订货全是手工录入，一天大概五六十条。",
                 ["门店的订货全是手工录入，一天大概五六十条"], id="per-day"),
    pytest.param("客户：云打印服务又宕机了，前后停了三个多小时。",
                 ["云打印服务又宕机了，前后停了三个多小时"], id="duration"),
    pytest.param("客户：退货的钱到现在还没到账，已经第十天了。",
                 ["退货的钱到现在还没到账，已经第十天了"], id="days-since"),
]

NOT_MEASURED = [
    pytest.param("客户：模板里的抬头打印出来是乱码，你们上次两天就给改好了。",
                 ["模板里的抬头打印出来是乱码"], id="vendor-did"),
    pytest.param("客户：收银机开机要等好久，有一家店的网线是老的。", ["收银机开机要等好久"],
                 id="another-thing-exists"),
    pytest.param("客户：会员积分又算错了，3月5日。", ["会员积分又算错了"], id="date-only"),
    pytest.param("客户：我们有三家门店，一共四十个店员。", [], id="no-pain-no-measure"),
]


@pytest.mark.parametrize(("text", "expected"), MEASURED + NOT_MEASURED)
def test_measure_after_a_pain_joins_it(text: str, expected: list[str]) -> None:
    assert _pains(text) == expected
