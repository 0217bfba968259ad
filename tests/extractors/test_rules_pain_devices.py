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
