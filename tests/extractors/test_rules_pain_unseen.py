"""Pain points said without the usual complaint words, read by family, in English and Chinese.

Each table is one class of phrasing; every sentence is invented (none from a dataset).
"""

from __future__ import annotations

import pytest

from tests.extractors.test_rules_pains import _pains

REPEATS_AND_RECURRENCES = [
    pytest.param("Customer: The payslips came out in the wrong language again.",
                 id="en-came-out-again"),
    pytest.param("Customer: Our overnight backup failed again on Sunday.", id="en-failed-again"),
    pytest.param("Customer: It's the third month in a row the commission run has been short.",
                 id="en-nth-month-in-a-row"),
    pytest.param("Customer: This is the second audit in a row we've had to restate the figures.",
                 id="en-nth-audit-in-a-row"),
]

NOT_DONE_IN_THE_PASSIVE = [
    pytest.param("Customer: Refund requests from the kiosk are not being recorded anywhere.",
                 id="en-not-being-recorded"),
    pytest.param("Customer: The shift swaps our nurses make were not saved overnight.",
                 id="en-were-not-saved"),
    pytest.param("Customer: The booking page is not keyboard accessible for our visually impaired "
                 "members.", id="en-not-keyboard-accessible"),
    pytest.param("Customer: Forty stores and nobody could print a receipt all morning.",
                 id="en-nobody-could"),
]

ARRIVES_OR_ENDS_UP_WRONG = [
    pytest.param("Customer: The weekly stock report keeps arriving blank on Mondays.",
                 id="en-arriving-blank"),
    pytest.param("Customer: Reminder letters are often sent late to the rural branches.",
                 id="en-sent-late"),
    pytest.param("Customer: The scanned contracts come through without their signature pages.",
                 id="en-come-through-without"),
    pytest.param("Customer: Half the tags end up in the wrong column after an import.",
                 id="en-end-up-in"),
    pytest.param("客户：月结报表发过来都是空的。", id="zh-comes-back-empty"),
    pytest.param("客户：门店上传的巡检照片经常传不全。", id="zh-uploads-half"),
    pytest.param("客户：换了域名以后一登录就跳回登录页。", id="zh-bounces-to-login"),
    pytest.param("客户：昨天下午整个财务部都进不去系统。", id="zh-cannot-get-in"),
]

WORKAROUNDS_AND_COSTS = [
    pytest.param("Customer: Our planners have to key every change in two systems.",
                 id="en-have-to-in-two-systems"),
    pytest.param("Customer: The nurses have to check the rota in another tab before each call.",
                 id="en-have-to-another-tab"),
    pytest.param("Customer: The whole membership list is in Google Sheets right now.",
                 id="en-records-in-a-sheet"),
    pytest.param("Customer: Our inventory is basically a spreadsheet the store manager keeps.",
                 id="en-is-a-spreadsheet"),
    pytest.param("Customer: month-end close eats ~12 hrs/month of our controller.",
                 id="en-hours-per-month-abbreviated"),
    pytest.param("Customer: We rebooked the whole tour group at our own expense.",
                 id="en-at-our-expense"),
    pytest.param("Customer: For now we're paying for both platforms.", id="en-paying-for-both"),
    pytest.param("Customer: The card processor charged us a cross-border fee on every order.",
                 id="en-charged-a-fee"),
    pytest.param("客户：客服还得再打电话让会员补资料。", id="zh-work-done-again"),
    pytest.param("客户：提成少算了十几个人的。", id="zh-sum-too-low"),
]

FOUND_OUT_LATE_OR_DISTRUSTED = [
    pytest.param("Customer: We only learned about the outage from a patient.", id="en-only-learned"),
    pytest.param("Customer: We found out from the auditors that the ledger was off.",
                 id="en-found-out-from"),
    pytest.param("Customer: My CFO doesn't trust the forecast page anymore.", id="en-distrust"),
    pytest.param("Customer: The uptime page says 99.9% but our staff's experience is nowhere "
                 "near that.", id="en-nowhere-near"),
    pytest.param("客户：排班表半夜被系统自动改了，第二天早上才发现。", id="zh-found-out-next-morning"),
    pytest.param("客户：会员的手机号被别的门店看到了。", id="zh-seen-by-the-wrong-people"),
]


@pytest.mark.parametrize("text", REPEATS_AND_RECURRENCES + NOT_DONE_IN_THE_PASSIVE
                         + ARRIVES_OR_ENDS_UP_WRONG + WORKAROUNDS_AND_COSTS
                         + FOUND_OUT_LATE_OR_DISTRUSTED)
def test_a_problem_without_a_complaint_word_is_a_pain(text: str) -> None:
    assert _pains(text)


@pytest.mark.parametrize("text", [
    pytest.param("Customer: I raised it on Monday and again on Thursday, thanks for the quick "
                 "replies.", id="en-and-again-is-no-repeat"),
    pytest.param("Customer: We're not interested in the analytics add-on this year.",
                 id="en-a-feeling-in-the-passive"),
    pytest.param("Customer: The new routing has paid for itself twice over.", id="en-twice-over"),
    pytest.param("Customer: Thanks to the alert we didn't lose a single order.",
                 id="en-a-loss-that-did-not-happen"),
    pytest.param("Customer: Please turn off the trial reminders so nobody keeps getting them.",
                 id="en-a-request-so-a-problem-stops"),
    pytest.param("Customer: I'll ask our office manager to send the worst examples this week.",
                 id="en-a-delegated-next-step"),
    pytest.param("Customer: Ops says the team saves ~6 hrs/week on scheduling now.",
                 id="en-hours-saved-is-praise"),
    pytest.param("Customer: Issue the revised O&M manual format to the subcontractor.",
                 id="en-a-manual-is-a-document"),
    pytest.param("Customer: Your engineer said it's a known sync bug on Android.",
                 id="en-the-vendors-known-bug"),
    pytest.param("客户：我这周会请助理把出问题的订单整理出来发给你们。", id="zh-a-delegated-next-step"),
    pytest.param("客户：对方对延误表示歉意，说明是已知缺陷。", id="zh-the-vendors-known-defect"),
    pytest.param("客户：你们这个还要再装一个插件，同事们不太愿意。", id="zh-another-install-is-an-objection"),
    pytest.param("客户：对账单现在能自动生成了，以前财务每个月要花两天手工核对。", id="zh-a-past-problem-now-gone"),
    pytest.param("客户：以前排课表要弄一整个下午，现在十分钟就好。", id="zh-a-past-cost-now-minutes"),
    pytest.param("客户：上线以后门店等候少了一大半。", id="zh-less-waiting-is-praise"),
    pytest.param("客户：巡检员在山里也可以离线填报。", id="zh-working-offline-is-a-feature"),
    pytest.param("客户：别到时候库存又对不上。", id="zh-a-warning-is-no-pain-yet"),
])
def test_a_problem_word_that_is_no_pain(text: str) -> None:
    assert _pains(text) == []


@pytest.mark.parametrize(("text", "pains"), [
    pytest.param("Customer: The supplier invoices arrive late every month, and our accountant "
                 "chases each supplier by phone.",
                 ["The supplier invoices arrive late every month",
                  "our accountant chases each supplier by phone"], id="en-a-fact-after-the-cue"),
    pytest.param("Customer: We're paying two couriers and our parcels still go to the old depot.",
                 ["We're paying two couriers", "our parcels still go to the old depot"],
                 id="en-cost-and-a-fact"),
    pytest.param("Customer: We're moving from Freshdesk and the import keeps failing on "
                 "attachments.",
                 ["We're moving from Freshdesk and the import keeps failing on attachments"],
                 id="en-the-setting-before-stays"),
    pytest.param("Customer: The app logs people out every hour and they call the front desk.",
                 ["The app logs people out every hour and they call the front desk"],
                 id="en-a-short-pronoun-clause-leans-on-it"),
    pytest.param("Customer: The dashboard keeps timing out and our manager is not thrilled.",
                 ["The dashboard keeps timing out and our manager is not thrilled"],
                 id="en-a-feeling-is-no-second-pain"),
    pytest.param("Customer: During the spring audit, the export could not be opened in Excel.",
                 ["During the spring audit, the export could not be opened in Excel"],
                 id="en-a-lead-in-before-a-comma"),
])
def test_a_chain_of_facts_gives_one_pain_each(text: str, pains: list[str]) -> None:
    assert _pains(text) == pains


@pytest.mark.parametrize(("text", "pain"), [
    pytest.param("客户：你們的排班系統今天早上又同步失敗了。", "你們的排班系統今天早上又同步失敗了",
                 id="zh-traditional"),
    pytest.param("客户：我哋嘅收銀機成日登入唔到。", "我哋嘅收銀機成日登入唔到", id="zh-cantonese"),
])
def test_traditional_and_cantonese_text_is_read_and_quoted_as_written(text: str, pain: str) -> None:
    assert _pains(text) == [pain]
