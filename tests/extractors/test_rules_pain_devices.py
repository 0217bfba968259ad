"""A device or function that will not do its job, stock and pay that fall short, goods that arrive
damaged — problems told as plain facts — and praise told with problem words, which is none.

Every sentence is invented (none from a dataset). Chinese says the same failures with a negative
potential complement (启动不了, 打印不出来), which the complaint cues already read; those rows pin
that they stay read.
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_pains import _pains

WILL_NOT_DO_ITS_JOB = [
    pytest.param("Customer: The kiosk at gate 3 won't print boarding passes.", id="en-wont-print"),
    pytest.param("Customer: Terminal 2 can't scan the new loyalty cards.", id="en-cant-scan"),
    pytest.param("Customer: Since Friday the night shift can't send anything to the lab.",
                 id="en-cant-send-anything"),
    pytest.param("Customer: New hires aren't appearing in the rota after onboarding.",
                 id="en-arent-appearing"),
    pytest.param("Customer: The lobby camera is not recording after midnight.",
                 id="en-not-recording"),
    pytest.param("Customer: Two of the van trackers stopped reporting after the update.",
                 id="en-stopped-reporting"),
    pytest.param("Customer: Our members aren't getting their renewal reminders.",
                 id="en-arent-getting-their"),
    pytest.param("Customer: Four of the drivers did not receive their March bonus.",
                 id="en-did-not-receive"),
    pytest.param("Customer: The card reader in the canteen has not worked since Tuesday.",
                 id="en-has-not-worked-since"),
    pytest.param("客户：三楼那台打印机一直打印不出来。", id="zh-cannot-print"),
    pytest.param("客户：充电桩刷卡以后启动不了。", id="zh-cannot-start"),
]

STOCK_PAY_AND_DAMAGE = [
    pytest.param("Customer: The 500ml bottles were out of stock for two weeks.",
                 id="en-out-of-stock"),
    pytest.param("Customer: We've had four backorders on gloves this quarter.", id="en-backorders"),
    pytest.param("Customer: Eleven of our weekend staff were underpaid last month.",
                 id="en-underpaid"),
    pytest.param("Customer: The desk arrived with a cracked leg and a dented drawer.",
                 id="en-arrived-damaged"),
    pytest.param("Customer: The scanners in the loading bay are down again.", id="en-down-again"),
]


@pytest.mark.parametrize("text", WILL_NOT_DO_ITS_JOB + STOCK_PAY_AND_DAMAGE)
def test_a_failure_told_as_a_plain_fact_is_a_pain(text: str) -> None:
    assert len(_pains(text)) == 1


@pytest.mark.parametrize("text", [
    pytest.param("Customer: We can't start before June because of the code freeze.",
                 id="en-start-put-off"),
    pytest.param("Customer: I didn't get the chance to read it yet.", id="en-no-chance"),
    pytest.param("Customer: Our cashiers stopped printing their own spreadsheets.",
                 id="en-a-person-stopped-printing"),
    pytest.param("Customer: Borrowers stopped ringing us about the queue.",
                 id="en-people-stopped-ringing"),
    pytest.param("Customer: Zero rejected pallets since December.", id="en-zero-rejects"),
    pytest.param("Customer: No complaints from me this month, which is rare.",
                 id="en-no-complaints"),
    pytest.param("Customer: Four years on it and I never once had to explain an outage.",
                 id="en-never-once-had-to"),
    pytest.param("Customer: Our response time fell from about 3 hours to under 1.",
                 id="en-fell-from-to"),
    pytest.param("Customer: The new screen is great, 38 SIMs in ten minutes, which used to take "
                 "half a day.", id="en-which-used-to-take"),
    pytest.param("Customer: Our agents stopped doing the sorting by hand.",
                 id="en-stopped-doing-by-hand"),
    pytest.param("Customer: The new holds queue has cut complaints at the desk.",
                 id="en-cut-complaints"),
    pytest.param("- Vendor (Quikslot) to send a fix timeline for the logout bug by Monday.",
                 id="en-minutes-action-item"),
    pytest.param("客户：以前月报要弄一个周末，现在二十分钟就好了。", id="zh-resolved-past"),
])
def test_a_start_put_off_or_praise_with_problem_words_is_no_pain(text: str) -> None:
    assert _pains(text) == []


# Chinese plain facts: below what was agreed, goods or rooms damaged, stock out, a false alarm, a
# report that came to nothing, work to be done a second time
ZH_PLAIN_FACTS = [
    pytest.param("客户：上个月的到货及时率只有八成，低于合同约定的标准。", id="zh-below-contract"),
    pytest.param("客户：合同写的是十个保安，实际每天只有六个。", id="zh-actually-only"),
    pytest.param("客户：这次的账单超出报价差不多两成。", id="zh-over-the-quote"),
    pytest.param("客户：系统的销量预测和实际差了三成。", id="zh-forecast-off"),
    pytest.param("客户：这批纸箱有一半都有压痕。", id="zh-dented-boxes"),
    pytest.param("客户：会议室的天花板又在滴水。", id="zh-ceiling-drips"),
    pytest.param("客户：柠檬茶这个月断货两次了。", id="zh-out-of-stock"),
    pytest.param("客户：仓库的烟感昨晚又误报，保安跑了三趟。", id="zh-false-alarm"),
    pytest.param("客户：跟你们客服说了两次，都没下文。", id="zh-no-outcome"),
    pytest.param("客户：出库单还得在用友里再录一遍。", id="zh-keyed-twice"),
    pytest.param("客户：门禁系统和考勤系统数据不通。", id="zh-systems-do-not-talk"),
]


@pytest.mark.parametrize("text", ZH_PLAIN_FACTS)
def test_a_chinese_plain_fact_is_a_pain(text: str) -> None:
    assert len(_pains(text)) >= 1


@pytest.mark.parametrize("text", [
    pytest.param("客户：这次活动效果超过预期，大家都很满意。", id="zh-beyond-expectations"),
    pytest.param("客户：我们这个季度预算超过了预期，不过老板同意了。", id="zh-budget-approved"),
    pytest.param("客户：我们下周二再对一遍合同条款吧。", id="zh-a-plan-to-review"),
    pytest.param("客户：最多的一家差了六千多元。", id="zh-a-gap-without-a-comparison"),
    pytest.param("客户：这批货没有破损，包装很好。", id="zh-no-damage"),
    pytest.param("客户：上周的柜子没有变形，谢谢。", id="zh-not-warped"),
])
def test_a_chinese_fact_that_is_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(("text", "pain"), [
    pytest.param("客户：新版客户端在老电脑上打开要两三分钟，有时直接卡死。",
                 "新版客户端在老电脑上打开要两三分钟，有时直接卡死", id="zh-sometimes"),
    pytest.param("客户：仓库门口那几个摄像头是十年前装的，晚上基本看不清。",
                 "仓库门口那几个摄像头是十年前装的，晚上基本看不清", id="zh-at-night"),
    pytest.param("客户：升级以后所有收银台的打印机只打出抬头，后面全是空白。",
                 "升级以后所有收银台的打印机只打出抬头，后面全是空白", id="zh-the-rest"),
])
def test_a_chinese_failure_keeps_the_subject_told_in_the_clause_before(text: str, pain: str) -> None:
    assert _pains(text) == [pain]


LATE_WITHOUT_UNDONE_OR_AGAIN = [
    pytest.param("Customer: Three of the pallets arrived after the receiving window.",
                 id="en-arrived-after-the-window"),
    pytest.param("Customer: The east ward went two days without hot water.",
                 id="en-went-days-without"),
    pytest.param("Customer: We had to cancel the Saturday launch.", id="en-had-to-cancel"),
    pytest.param("Customer: The status page was updated late again.", id="en-updated-late"),
    pytest.param("Customer: This is the third recall in our stores since May.",
                 id="en-nth-since"),
    pytest.param("Customer: That was the second cold-chain breach at the depot this quarter.",
                 id="en-nth-this-quarter"),
    pytest.param("Customer: We pay for forty licences nobody opens.", id="en-nobody-opens"),
    pytest.param("Customer: Honestly the branch staff barely use the app.", id="en-barely-use"),
]


@pytest.mark.parametrize("text", LATE_WITHOUT_UNDONE_OR_AGAIN)
def test_late_without_undone_or_again_is_a_pain(text: str) -> None:
    assert len(_pains(text)) == 1


@pytest.mark.parametrize("text", [
    pytest.param("Customer: That's the third one this month.", id="en-a-bare-count"),
    pytest.param("Customer: This is the second phase of the rollout, it starts in May.",
                 id="en-a-second-phase"),
    pytest.param("Customer: I had to leave early yesterday, sorry.", id="en-had-to-leave"),
])
def test_a_count_or_an_errand_is_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("客户：新系统每次登录都要等五六分钟。", ["新系统每次登录都要等五六分钟"],
                 id="zh-a-wait-in-chinese-numerals"),
    pytest.param("客户：三楼的漏水报修三天都没人处理。", ["三楼的漏水报修三天都没人处理"],
                 id="zh-days-with-nothing-done"),
    pytest.param("客户：我们有四个员工这个月被停保了。", ["我们有四个员工这个月被停保了"],
                 id="zh-done-to-an-account"),
    pytest.param("客户：有十几张工单超过一天没人跟进，被罚了款。",
                 ["有十几张工单超过一天没人跟进，被罚了款"], id="zh-the-penalty-joins-its-cause"),
])
def test_a_chinese_wait_neglect_or_penalty_is_a_pain(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize("text", [
    pytest.param("客户：这个月被评为优秀门店，大家都很开心。", id="zh-an-award"),
    pytest.param("客户：没被扣钱，谢谢你们处理得快。", id="zh-not-charged"),
])
def test_a_chinese_passive_that_is_no_pain(text: str) -> None:
    assert _pains(text) == []
