"""A plain fault report in a ticket or chat is neutral; frustration, repetition, waiting,
urgency, blame or a threat beside it keeps it negative (extractors/rules/fault_report.py)."""

from __future__ import annotations

import pytest

from extractors.rules.fault_report import is_complaint, is_fault, settle_fault_report
from tests.extractors.test_rules_labels import sentiment_of


@pytest.mark.parametrize(("text", "fault"), [
    ("The label printer in dispatch fails with 'paper path error'.", True),
    ("Badge reader at the east gate times out after the beep.", True),
    ("New invoices aren't showing in the accounts portal.", True),
    ("The kiosk app crashes when a visitor taps 'sign out'.", True),
    ("收银机打印小票失败，提示“缺纸”。", True),
    ("会员积分页面找不到了。", True),
    ("升级后平板上的点餐页面闪退。", True),
    ("門禁卡刷不開二樓的門。", True),
    ("We'd like to add two more users to the plan.", False),
    ("Our boss thinks the quote is too high.", False),
    ("老板嫌贵。", False),
    ("我们已经决定换一家了。", False),
], ids=lambda v: str(v)[:30])
def test_a_fault_is_told_by_its_failure_words(text: str, fault: bool) -> None:
    assert is_fault(text) is fault


@pytest.mark.parametrize(("text", "complaint"), [
    ("The export failed again this morning.", True),
    ("It's still broken.", True),
    ("We've been waiting three days for an answer.", True),
    ("This is unacceptable for a paid plan.", True),
    ("Please fix this ASAP.", True),
    ("It logged the cashier out 5 times today.", True),
    ("This is the same error as the one you fixed in May.", True),
    ("Rotas have been empty since your Monday release.", True),
    ("Fix it by Friday, otherwise we'll move to another provider.", True),
    ("又打不开了。", True),
    ("重启了还是不行。", True),
    ("等了两天了没人回复。", True),
    ("上个月也是这样。", True),
    ("到底什么时候能修好？", True),
    ("这种情况不能再出现。", True),
    ("标签印错了，名字都不对。", True),
    ("The badge reader at the east gate times out.", False),
    ("Can you check what the error code means?", False),
    ("屏幕一直显示“连接中”，然后超时。", False),
    ("请帮忙看一下是什么原因。", False),
    ("麻烦尽快给个修复版本。", False),
], ids=lambda v: str(v)[:30])
def test_a_complaint_says_more_than_the_fault(text: str, complaint: bool) -> None:
    assert is_complaint(text) is complaint


FAULT = "The kiosk app crashes when a visitor taps sign out."


@pytest.mark.parametrize(("label", "scored", "channel", "settled"), [
    ("negative", [(FAULT, -0.5), ("Can you take a look?", 0.0)], "ticket", "neutral"),
    ("negative", [(FAULT, -0.5), ("ok thanks", 0.0)], "chat", "neutral"),
    # a sales call is not a support report
    ("negative", [(FAULT, -0.5)], "call", "negative"),
    # frustration beside the fault
    ("negative", [(FAULT, -0.5), ("Third time this week, really frustrating.", -0.6)], "ticket", "negative"),
    # a negative sentence that is no fault: a price complaint, a firm no
    ("negative", [(FAULT, -0.5), ("Honestly the renewal quote is too high.", -0.4)], "ticket", "negative"),
    # many faults are more than one problem reported
    ("negative", [(FAULT, -0.5), ("Exports fail.", -0.5), ("Login fails.", -0.5)], "ticket", "negative"),
    # nothing clearly negative: not this rule's to settle
    ("mixed", [(FAULT, -0.5), ("Brilliant work on the fix!", 0.7)], "ticket", "mixed"),
], ids=["en-ticket", "en-chat", "call", "frustrated", "not-a-fault", "many", "mixed"])
def test_only_a_plain_fault_report_is_settled_neutral(label: str, scored: list, channel: str,
                                                      settled: str) -> None:
    assert settle_fault_report(label, scored, channel, 0.3) == settled  # type: ignore[arg-type]


@pytest.mark.parametrize(("turns", "label"), [
    ([("customer", "收银机打印小票失败，提示“缺纸”，但纸是满的。请帮忙看一下。")], "neutral"),
    ([("customer", "The label printer in dispatch fails with a paper path error. Could you check it?")],
     "neutral"),
    ([("customer", "收银机打印小票又失败了，这周第三次了，到底什么时候能修好？")], "negative"),
    ([("customer", "The label printer failed again. We've been waiting four days for a fix.")], "negative"),
], ids=["zh-plain", "en-plain", "zh-repeated", "en-waiting"])
def test_a_ticket_reporting_a_fault_reads_by_what_is_said_beside_it(turns: list, label: str) -> None:
    assert sentiment_of(turns, channel="ticket").label == label
