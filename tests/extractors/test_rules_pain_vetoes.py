"""Sentences with a problem word that tell no problem of the customer's (praise, a problem gone,
a task with its deadline, a condition, the vendor's account of a cause), and short Chinese clauses
that lean on the clause before them for what failed; in both languages."""

from __future__ import annotations

import pytest

from extractors.rules.pain_vetoes import is_praise, is_vetoed_clause
from tests.extractors.test_rules_pains import _pains

NO_PAIN = [
    pytest.param("客户：上次打印机坏了，你们师傅两个小时就到了，同事们都说服务太好了，真的非常感谢！",
                 id="zh-praise-with-a-failure-in-it"),
    pytest.param("客户：换了新系统以后，门店的报修处理时间从三天缩到了半天。", id="zh-time-cut-from-to"),
    pytest.param("客户：上线以后家长的投诉比去年同期减少了一大半。", id="zh-complaints-fewer"),
    pytest.param("客户：以前对账经常出错，现在财务那边的差错基本没有了。", id="zh-errors-all-but-gone"),
    pytest.param("客户：这个月的结算单一次就审过了，这是我们第一次没被财务退回来。",
                 id="zh-first-time-not-rejected"),
    pytest.param("客户：新的排班工具比原来手工排快多了。", id="zh-faster-than-by-hand"),
    pytest.param("客户：若下个月还不能恢复，我们会考虑换供应商。", id="zh-condition-ruo"),
    pytest.param("客户：如届时仍无法交付，我方将按合同扣款。", id="zh-condition-ru-jieshi"),
    pytest.param("客户：开业前这种断网的情况绝对不能再出现。", id="zh-must-not-happen-again"),
    pytest.param("客户：明天中午前没回复我就直接投诉到市场监管局了。", id="zh-deadline-then-complaint"),
    pytest.param("客户：1. 王磊：下周三前安排技术到仓库排查扫码枪故障。", id="zh-action-item-with-deadline"),
    pytest.param("客户：剩下的退款我今天下班前手工处理完。", id="zh-own-promise-with-deadline"),
    pytest.param("客户：集团要求五个工作日内出具书面的故障说明。", id="zh-demand-for-a-report"),
    pytest.param("客服：本次延误是仓库分拣系统升级导致，已经恢复。", id="zh-vendor-cause-this-time"),
    pytest.param("客户：The new portal is fantastic, thank you so much, the team loves how quick it is "
                 "and nothing has crashed since we switched.", id="en-warm-praise"),
    pytest.param("Customer: Since the new routing went live, the call volume is down by a third.",
                 id="en-volume-down-by"),
]


@pytest.mark.parametrize("text", NO_PAIN)
def test_praise_conditions_tasks_and_vendor_causes_are_no_pain(text: str) -> None:
    assert _pains(text) == []


STILL_PAIN = [
    pytest.param("客户：说好三天内上门，结果一周了还没人来。", "一周了还没人来", id="zh-promised-deadline-missed"),
    pytest.param("客户：排班这块比以前强多了，就是导出一直报错。", "导出一直报错", id="zh-praise-then-turn"),
    pytest.param("客户：晚上网速从一百兆降到了二十兆，视频会议一直卡。", "一直卡", id="zh-speed-fell-is-a-problem"),
    pytest.param("Customer: Eleven of the forty samples are outside tolerance against the approved "
                 "standard.", "outside tolerance", id="en-numbers-read-as-mild"),
    pytest.param("Customer: The dashboards look great, but the nightly export keeps failing.",
                 "export keeps failing", id="en-praise-then-but"),
]


@pytest.mark.parametrize(("text", "word"), STILL_PAIN)
def test_a_problem_beside_praise_or_a_deadline_stays(text: str, word: str) -> None:
    assert any(word in pain for pain in _pains(text))


FRAGMENTS = [
    pytest.param("客户：仓库的温控记录导出后约两成时间错乱，至今未修复。",
                 ["仓库的温控记录导出后约两成时间错乱，至今未修复"], id="zh-sequel-after-a-pain"),
    pytest.param("客户：一是大文件在网页上打开经常要好几分钟，有时直接卡死。",
                 ["大文件在网页上打开经常要好几分钟，有时直接卡死"], id="zh-long-subject-before"),
    pytest.param("客户：我给售后打了两天电话，一个都没接。",
                 ["我给售后打了两天电话，一个都没接"], id="zh-count-before"),
]


@pytest.mark.parametrize(("text", "expected"), FRAGMENTS)
def test_a_short_chinese_clause_keeps_what_failed(text: str, expected: list[str]) -> None:
    assert _pains(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("我们的报修时间从两天缩到了四小时", True, id="zh-cut-from-to"),
    pytest.param("速度从两百兆降到了二十兆", False, id="zh-speed-fell"),
    pytest.param("服务很好，但是发票一直开错", False, id="zh-turn"),
], )
def test_is_praise(text: str, expected: bool) -> None:
    assert is_praise(text, english=False) is expected


@pytest.mark.parametrize(("part", "expected"), [
    pytest.param("下周一前安排工程师上门更换主板", True, id="task-with-deadline"),
    pytest.param("按合同应在三个工作日内处理", False, id="promised-deadline"),
    pytest.param("若本月仍无法上线", True, id="condition"),
    pytest.param("此次停机是供应商机房断电导致", True, id="vendor-cause"),
    pytest.param("扫码枪一直连不上", False, id="plain-failure"),
    pytest.param("多收的运费请在下个月账单里抵扣", True, id="request-mid-clause"),
    pytest.param("你帮我把这几张发票重新开一下", True, id="order-to-the-agent"),
    pytest.param("回复里说清楚延误的原因", True, id="demand-for-the-reason"),
    pytest.param("我特地请了一天假在家等安装", False, id="took-leave-is-no-request"),
])
def test_is_vetoed_clause(part: str, expected: bool) -> None:
    assert is_vetoed_clause(part) is expected


# cues for what a service cannot do, what was left out or blank, the same harm again, data gone
ZH_CUES = [
    pytest.param("客户：系统升级以后，门诊的退号登记不了。", "登记不了", id="zh-verb-cannot"),
    pytest.param("客户：月底的对账单下载不下来。", "下载不下来", id="zh-verb-cannot-come-down"),
    pytest.param("客户：新口味在便利店渠道基本卖不动。", "卖不动", id="zh-cannot-sell"),
    pytest.param("客户：这周一和周三都漏送了。", "漏送", id="zh-left-out"),
    pytest.param("客户：从早上开始考勤报表全部空白。", "全部空白", id="zh-blank"),
    pytest.param("客户：巡检的签到记录不全。", "记录不全", id="zh-incomplete"),
    pytest.param("客户：我上个月已经退订了，这个月又扣了一次会员费。", "又扣了", id="zh-charged-again"),
    pytest.param("客户：上周有两份合同被误删了。", "误删", id="zh-deleted"),
    pytest.param("客户：打了一上午客服电话都没人接。", "没人接", id="zh-nobody-picks-up"),
]


@pytest.mark.parametrize(("text", "word"), ZH_CUES)
def test_plain_chinese_ways_of_telling_a_failure_are_pains(text: str, word: str) -> None:
    assert any(word in pain for pain in _pains(text))


def test_a_price_rising_again_is_no_pain() -> None:
    assert _pains("客户：原料今年又涨了。") == []


def test_a_lone_dan_is_a_lead_in() -> None:
    assert _pains("客户：功能都挺全，但这周的报表全部空白。") == ["这周的报表全部空白"]


EN_CUES = [
    pytest.param("Customer: That's the fourth delay on this shipment.", "fourth delay", id="en-recurrence-counted"),
    pytest.param("Customer: The gate sensor stopped reporting after Tuesday's update.", "stopped reporting",
                 id="en-device-gone-quiet"),
    pytest.param("Customer: Your outage page still says everything is running normally.", "still says",
                 id="en-still-wrong"),
    pytest.param("Customer: Two of our trainees ran out of attempts on the safety exam.", "ran out of attempts",
                 id="en-limit-used-up"),
]


@pytest.mark.parametrize(("text", "word"), EN_CUES)
def test_plain_english_ways_of_telling_a_failure_are_pains(text: str, word: str) -> None:
    assert any(word in pain for pain in _pains(text))


@pytest.mark.parametrize("text", [
    pytest.param("Customer: Our finance team runs out of NetSuite and it works.", id="en-runs-out-of-a-tool"),
    pytest.param("Customer: We still have the old plan and we're happy with it.", id="en-still-have"),
    pytest.param("Customer: The pickers stopped printing their pick sheets this month.", id="en-stopped-a-chore"),
])
def test_look_alikes_of_those_cues_are_no_pain(text: str) -> None:
    assert _pains(text) == []


def test_a_bulleted_note_chains_like_a_sentence() -> None:
    text = ("Notes:\n- Tenants have no way to see where their repair stands, so the front desk "
            "answers the same calls all day.")
    assert _pains(text, channel="meeting") == [
        "Tenants have no way to see where their repair stands",
        "the front desk answers the same calls all day"]
