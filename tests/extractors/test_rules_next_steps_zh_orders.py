"""Next steps, a Chinese promise of an order's paperwork names what was ordered (next_step_zh_orders.py)
or asked for (next_step_objects.with_asked_object); invented examples."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.rules.next_step_objects import with_asked_object
from tests.extractors.test_rules_next_steps import steps

ORDERS = [
    pytest.param([("customer", "门店那边也要，再来35台，配置一样"), ("rep", "好的，我今天把报价单发您")],
                 ("把35台的报价单发您", "rep", date(2026, 3, 2)), id="repeat-order-count-only"),
    pytest.param([("customer", "那就再加8个坐席吧"), ("rep", "好嘞，明天把报价单发您")],
                 ("把8个坐席的报价单发您", "rep", date(2026, 3, 3)), id="count-and-thing"),
    pytest.param([("customer", "这批再订两千套，包装照旧"), ("rep", "收到！合同我今天出")],
                 ("出两千套的合同", "rep", date(2026, 3, 2)), id="fronted-contract"),
]


@pytest.mark.parametrize(("turns", "expected"), ORDERS)
def test_paperwork_promised_after_an_order_names_the_quantity(turns, expected):
    assert expected in steps(turns)


def test_paperwork_without_an_order_before_it_stays_as_said():
    found = steps([("customer", "上次的货收到了，挺好"), ("rep", "好的，我今天把报价单发您")])
    assert ("把报价单发您", "rep", date(2026, 3, 2)) in found


ASKED = [
    pytest.param("把报价单发您", "给我一份40把折叠椅的报价单", "把40把折叠椅的报价单发您", id="ask-names-it-fully"),
    pytest.param("把报价单发您", "请把华东区的报价单发我", "把华东区的报价单发您", id="ba-ask"),
    pytest.param("把报价单发您", "麻烦给我一份报价单", "把报价单发您", id="ask-says-no-more"),
    pytest.param("把合同发您", "给我一份报价单", "把合同发您", id="another-object"),
]


@pytest.mark.parametrize(("promise", "ask", "expected"), ASKED)
def test_a_promise_takes_the_fuller_name_the_ask_gave_its_object(promise, ask, expected):
    assert with_asked_object(promise, ask) == expected


TAKEN_ON = [
    pytest.param([("customer", "请周五前派人上门检修空调"), ("rep", "好的，我来安排")],
                 [("派人上门检修空调", "rep", date(2026, 3, 6))], id="i-will-arrange-it"),
    pytest.param([("customer", "麻烦把这周的对账单发我"), ("rep", "收到，我明天安排")],
                 [("把这周的对账单发我", "rep", date(2026, 3, 3))], id="will-arrange-it-tomorrow"),
]


@pytest.mark.parametrize(("turns", "expected"), TAKEN_ON)
def test_a_bare_yes_i_will_arrange_it_takes_on_the_ask_and_is_no_step_of_its_own(turns, expected):
    assert steps(turns) == expected
