"""Next steps, Chinese promises chained without a subject or across an enumeration comma
(extractors/rules/next_step_zh_spoken.py)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.rules.next_step_zh_spoken import lists_objects, taken_on
from tests.extractors.test_rules_next_steps import steps

LISTED = [
    pytest.param("我明天把营业执照", "开户许可证一起发您。", True, id="ba-list-waits-for-its-verb"),
    pytest.param("我周三寄色卡", "面料小样。", True, id="verbless-noun-ends-the-list"),
    pytest.param("我明天把报价发您", "再把合同寄过去。", False, id="second-verb-phrase"),
    pytest.param("核对库存", "确认交期，周五回复您。", False, id="listed-verb-phrases"),
    pytest.param("先整理名单", "我们下午发您。", False, id="new-subject"),
]


@pytest.mark.parametrize(("before", "after", "expected"), LISTED)
def test_an_enumeration_comma_lists_objects_only_inside_one_verb_phrase(before, after, expected):
    assert lists_objects(before, after) is expected


TAKEN_ON = [
    pytest.param("零件到货后安排工程师上门更换", "零件到货后", id="event-then-arrange"),
    pytest.param("明早安排发货", "", id="time-then-ship"),
    pytest.param("测完当天下午出报告", "测完", id="event-and-time"),
    pytest.param("马上给您补发", "", id="adverb-then-for-you"),
]


@pytest.mark.parametrize(("clause", "trigger"), TAKEN_ON)
def test_a_clause_after_a_yes_that_says_when_is_taken_on(clause, trigger):
    m = taken_on(clause)
    assert m is not None and (m.group("trigger") or "") == trigger


@pytest.mark.parametrize("clause", ["支持钉钉对接", "发票开公司抬头", "安排好了", "谢谢"])
def test_a_clause_that_says_no_event_time_or_promise_is_not_taken_on(clause):
    assert taken_on(clause) is None


SPOKEN = [
    pytest.param([("customer", "你们的资质材料能发一份吗？"), ("rep", "可以，我明天把营业执照、开户许可证一起发您。")],
                 ("把营业执照、开户许可证一起发您", "rep", date(2026, 3, 3)), id="listed-objects-one-step"),
    pytest.param([("customer", "样品什么时候能寄？"), ("rep", "我周三寄色卡、面料小样。")],
                 ("寄色卡、面料小样", "rep", date(2026, 3, 4)), id="verb-then-listed-nouns"),
    pytest.param([("customer", "那两台打印机周五前能修好吗？"), ("rep", "收到，零件到货后安排工程师上门更换。")],
                 ("零件到货后安排工程师上门更换", "rep", None), id="yes-then-event-then-arrange"),
    pytest.param([("customer", "我们急用，这批货能早点发吗？"), ("rep", "没问题，明早安排发货。")],
                 ("安排发货", "rep", date(2026, 3, 3)), id="yes-then-time-then-ship"),
    pytest.param([("customer", "报告今天能出来吗？"), ("rep", "好的，测完当天下午出报告。")],
                 ("测完出报告", "rep", None), id="yes-then-event-then-report"),
]


@pytest.mark.parametrize(("turns", "expected"), SPOKEN)
def test_spoken_chinese_promises_without_a_subject_or_split_by_a_list_are_steps(turns, expected):
    assert expected in steps(turns)


NOT_STEPS = [
    pytest.param([("customer", "你们能对接钉钉吗？"), ("rep", "可以，支持钉钉对接。")], id="yes-then-capability"),
    pytest.param([("customer", "发票开公司抬头。"), ("rep", "好的，收到。")], id="yes-only"),
    pytest.param([("rep", "发票、收据、合同都在附件里。")], id="listed-nouns-no-verb"),
]


@pytest.mark.parametrize("turns", NOT_STEPS)
def test_a_yes_without_a_plan_and_a_list_of_nouns_are_no_steps(turns):
    assert steps(turns) == []


PUT_IN_TOUCH = [
    pytest.param("我表哥的店也想装一套，我把你微信推给他了，你们聊聊", id="wechat-passed-on"),
    pytest.param("楼下老陈想问问价格，我把你电话给他了。", id="phone-given"),
    pytest.param("顺便说一下，我把你的名片给了隔壁的周总", id="card-given-to"),
]


@pytest.mark.parametrize("said", PUT_IN_TOUCH)
def test_someone_already_put_in_touch_is_no_step(said):
    assert steps([("customer", said)]) == []


def test_putting_someone_in_touch_later_is_a_step():
    assert steps([("customer", "我明天把你微信推给她")]) == [("把你微信推给她", "customer", date(2026, 3, 3))]
