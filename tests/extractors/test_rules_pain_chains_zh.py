"""Chinese sentences that list several problems with one cue word, impact clauses, and title lines.

A failure told with a cue and the harm it did told without one ("被罚了款", "过不了", "串单") are
each a pain point; a clause that only weighs the problem before it ("很影响效率", "涉及隐私问题")
goes with it; a "主题：…" or "关于…的问题" title restates its body and counts once.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_pains import _pains

CHAINED = [
    pytest.param("客户：对账单又算错了，有两家门店被税务局罚了款。",
                 ["对账单又算错了", "有两家门店被税务局罚了款"], id="sanction"),
    pytest.param("客户：系统老是卡，已经耽误了三个项目的交付，另外上周还被甲方质问了一次。",
                 ["系统老是卡", "已经耽误了三个项目的交付", "上周还被甲方质问了一次"],
                 id="delay-and-questioned"),
    pytest.param("客户：派单经常串单，师傅跑错了地方，业主要求退款。",
                 ["派单经常串单", "业主要求退款"], id="refund-demand"),
    pytest.param("客户：打印出来的标签没有批号，仓库主管不签字，出库单也过不了。",
                 ["打印出来的标签没有批号", "仓库主管不签字", "出库单也过不了"],
                 id="checks-that-fail"),
    pytest.param("客户：佣金到现在还没到账，店员都说公司克扣工资。",
                 ["佣金到现在还没到账", "店员都说公司克扣工资"], id="withheld"),
    pytest.param("客户：预约经常重复，上周末的包间被别人订走了。",
                 ["预约经常重复", "上周末的包间被别人订走了"], id="taken"),
]

NOT_CHAINED = [
    pytest.param("客户：登录不了系统，我们是按月结算的，差了一天也没关系。", ["登录不了系统"],
                 id="harm-waved-off"),
    pytest.param("客户：导出很慢，但是数据准确，罚款功能也很好用。", ["导出很慢"], id="praise-after"),
    pytest.param("客户：你们系统挺好用的，大家都很满意，被领导表扬了。", [], id="praise-only"),
    pytest.param("客户：导出一直失败，我们下周要过审计吗？", ["导出一直失败"], id="question-after"),
]

IMPACT = [
    pytest.param("客户：现在客服要切到另一个系统里才能查到物流，很影响效率。",
                 ["现在客服要切到另一个系统里才能查到物流，很影响效率"], id="efficiency"),
    pytest.param("客户：门店的会员积分经常对不上，客户投诉集中在这一块。", ["门店的会员积分经常对不上"],
                 id="complaints-concentrate"),
    pytest.param("客户：更严重的是，患者的病历也被别的患者看到了，这已经涉及隐私问题。",
                 ["患者的病历也被别的患者看到了"], id="privacy"),
    pytest.param("客户：付款一直没到账，供应商说我们克扣货款，合作的积极性受到了影响。",
                 ["付款一直没到账", "供应商说我们克扣货款"], id="harm-keeps-its-own"),
    pytest.param("客户：物流信息三天不更新，大家的积极性受到了很大影响。",
                 ["物流信息三天不更新，大家的积极性受到了很大影响"], id="morale"),
]


@pytest.mark.parametrize(("text", "expected"), CHAINED + NOT_CHAINED + IMPACT)
def test_chained_and_impact_clauses(text: str, expected: list[str]) -> None:
    assert _pains(text) == expected


TITLES = [
    pytest.param("主题：关于结算单金额错误问题的投诉\n\n王经理：\n三月份的结算单少算了两万多，财务没法结账。\n\n李明",
                 ["三月份的结算单少算了两万多"], id="subject-label"),
    pytest.param("关于门禁卡失灵的问题\n\n王经理：\n新发的门禁卡一半都刷不开，访客只能打电话叫人开门。\n\n李明",
                 ["新发的门禁卡一半都刷不开", "访客只能打电话叫人开门"], id="bare-title"),
    pytest.param("Subject: Export still failing\n\nHi Dana,\nThe nightly export has failed three "
                 "nights running and finance can't close the month.\n\nTom",
                 ["The nightly export has failed three nights running and finance can't close the month"],
                 id="en-subject"),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_title_line_counts_once(text: str, expected: list[str]) -> None:
    assert _pains(text, channel="email") == expected


def test_demand_listing_impact_scope_is_no_pain() -> None:
    assert _pains("客户：下周五前给出书面答复，包括问题原因、影响范围和整改措施。") == []
