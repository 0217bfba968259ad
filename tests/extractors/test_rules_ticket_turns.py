"""Speaker turns in tickets and chat exports: headers with times and dates, timed entries, section
lines, form fields and the requester's description under them (sentences._turns, ticket_forms)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.rules.sentences import split_sentences
from extractors.rules.ticket_forms import field_kind, requester_names


def turns_of(text: str, channel: str = "ticket") -> list[tuple[str, str | None, str]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel, direction="inbound",  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 4, 1, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return [(s.role, s.speaker, s.text) for s in split_sentences(tp)]


TURNS = [
    pytest.param("ticket", "Agent (Priya, Payments Team), Apr 2: I have reversed the charge.\n"
                 "Requester, 3 Apr 2026 09:15: thanks, it shows now.\n",
                 [("agent", "Agent (Priya, Payments Team)", "I have reversed the charge."),
                  ("customer", "Requester", "thanks, it shows now.")], id="en-label-then-date"),
    pytest.param("ticket", "Reported by: Tom Becker, Ops Lead, Harlow Freight\n"
                 "Tom: scanners drop the connection every hour.\n"
                 "Entry 14:05 (Vendor Ops, Lena): We see the resets on our side.\n"
                 "Entry 14:20 (Tom): still happening.\n",
                 [("unknown", None, "Tom Becker, Ops Lead, Harlow Freight"),
                  ("customer", "Tom", "scanners drop the connection every hour."),
                  ("rep", "Vendor Ops, Lena", "We see the resets on our side."),
                  ("customer", "Tom", "still happening.")], id="en-timed-entries-and-requester-name"),
    pytest.param("chat", "Nora Quist  9:12 AM\nthe sync is broken again\nEli Park  9:15 AM\n"
                 "sorry Nora, I'll look now\n",
                 [("customer", "Nora Quist", "the sync is broken again"),
                  ("rep", "Eli Park", "sorry Nora, I'll look now")], id="en-slack-header"),
    pytest.param("chat", "Nora Quist 09:12\nyour export fails on big files\nEli Park 09:15\n"
                 "thanks for reaching out, I'll send you a fix today\n",
                 [("customer", "Nora Quist", "your export fails on big files"),
                  ("rep", "Eli Park", "thanks for reaching out, I'll send you a fix today")], id="en-teams-header"),
    pytest.param("chat", "Nora Quist [9:12 AM]\nthe sync is broken again\nEli Park [9:15 AM]\n"
                 "sorry Nora, I'll look now\n",
                 [("customer", "Nora Quist", "the sync is broken again"),
                  ("rep", "Eli Park", "sorry Nora, I'll look now")], id="en-bracketed-time-header"),
    pytest.param("ticket", "Nora Quist, Apr 3, 2026, 09:12\nthe sync is broken again\n"
                 "Eli Park (Support) — Apr 3, 2026 09:30 AM\nsorry Nora, I'll look now\n",
                 [("customer", "Nora Quist", "the sync is broken again"),
                  ("rep", "Eli Park (Support)", "sorry Nora, I'll look now")], id="en-header-with-date"),
    pytest.param("ticket", "[Customer - Nora Quist, 09:12]\nThe sync is broken again.\n"
                 "[Agent - Eli Park, 09:30]\nSorry, checking now.\n",
                 [("customer", "Customer - Nora Quist", "The sync is broken again."),
                  ("agent", "Agent - Eli Park", "Sorry, checking now.")], id="en-bracketed-header-line"),
    pytest.param("chat", "[03/04/2026, 08:05] Nora: the app froze again\n"
                 "[03/04/2026, 08:09] Eli: sorry about that, checking\n",
                 [("customer", "Nora", "the app froze again"),
                  ("rep", "Eli", "sorry about that, checking")], id="en-whatsapp"),
    pytest.param("ticket", "Client: Bayview Dental Group (Kim Osei)\nCategory: Billing\n"
                 "We were billed twice in May.\nAlso, small thing: the logo is blurry.\n"
                 "Agent (Sol): I've refunded it.\n",
                 [("unknown", None, "Bayview Dental Group (Kim Osei)"), ("unknown", None, "Billing"),
                  ("customer", None, "We were billed twice in May."),
                  ("customer", None, "Also, small thing: the logo is blurry."),
                  ("agent", "Agent (Sol)", "I've refunded it.")], id="en-form-fields-and-description"),
    pytest.param("ticket", "Priority: Low\nSteps to reproduce: open Reports, click Export\n"
                 "Support: Thanks, reproduced.\n",
                 [("unknown", None, "Low"), ("customer", None, "open Reports, click Export"),
                  ("agent", "Support", "Thanks, reproduced.")], id="en-content-field"),
    pytest.param("ticket", "The invoice total is wrong.\nPlease fix it.\n-- Support reply --\n"
                 "Sorry, corrected now.\n== Customer response ==\nThanks!\n",
                 [("customer", None, "The invoice total is wrong."), ("customer", None, "Please fix it."),
                  ("agent", "Support reply", "Sorry, corrected now."),
                  ("customer", "Customer response", "Thanks!")], id="en-section-lines"),
    pytest.param("ticket", "Customer: my invoice shows the old address.\nAgent: Fixed, new invoices are right.\n"
                 "Status: Closed\nWe hope this helped.\n",
                 [("customer", "Customer", "my invoice shows the old address."),
                  ("agent", "Agent", "Fixed, new invoices are right."), ("unknown", None, "Closed"),
                  ("unknown", None, "We hope this helped.")], id="en-field-after-the-answer"),
    pytest.param("ticket", "Request: Please close my account.\nResponse (Billing Team): We will close it today.\n",
                 [("customer", None, "Please close my account."),
                  ("agent", "Response (Billing Team)", "We will close it today.")], id="en-response-with-team"),
    pytest.param("ticket", "Customer: Hi, we were charged twice this month.\nAgent: Sorry, refunding now.\n",
                 [("customer", "Customer", "Hi, we were charged twice this month."),
                  ("agent", "Agent", "Sorry, refunding now.")], id="en-customer-label-with-a-sentence"),
    pytest.param("ticket", "客户：打印机连不上，急！\n技术支持回复：您好，已收到，马上处理。\n",
                 [("customer", "客户", "打印机连不上，急！"),
                  ("agent", "技术支持回复", "您好，已收到，马上处理。")], id="zh-agent-word-run-on"),
    pytest.param("ticket", "问题描述：收银机死机了。\n自动回复：您的工单已受理。\n值班工程师 回复（14:05）：您好，我这边远程看一下。\n",
                 [("customer", None, "收银机死机了。"), ("agent", "自动回复", "您的工单已受理。"),
                  ("agent", "值班工程师 回复", "您好，我这边远程看一下。")], id="zh-auto-reply-and-time-in-tag"),
]


@pytest.mark.parametrize(("channel", "text", "expected"), TURNS)
def test_ticket_and_chat_turns_get_their_writer_and_side(channel: str, text: str,
                                                         expected: list[tuple[str, str | None, str]]) -> None:
    assert [t for t in turns_of(text, channel)] == expected


def test_an_internal_note_is_the_vendors() -> None:
    turns = turns_of("My export fails.\n[Internal note - Sam]\nProbably the same bug as last week.\n")
    assert turns[-1][0] == "agent"


FIELDS = [
    ("Priority", "High", "header"), ("Reported by", "Ana Ruiz, IT", "header"), ("Status", "Pending", "header"),
    ("Description", "The export fails.", "content"), ("What happened?", "It froze.", "content"),
    ("Customer", "Bayview Dental Group (Kim Osei)", "header"), ("Customer", "jo@bayview.io", "header"),
    ("Customer", "Hi, we were charged twice this month.", None), ("Agent", "On it.", None),
    ("优先级", "高", "header"), ("问题", "打不开", "content"), ("客户", "宁波某模具公司 设备部 王主管", "header"),
]


@pytest.mark.parametrize(("label", "value", "kind"), FIELDS)
def test_field_kind_tells_metadata_from_the_requesters_words(label: str, value: str, kind: str | None) -> None:
    assert field_kind(label, value) == kind


def test_requester_fields_name_the_requester() -> None:
    assert requester_names("Reported by", "Tom Becker, Ops Lead\nmore") == {"Tom", "Becker", "Ops", "Lead"}
    assert requester_names("Priority", "High") == frozenset()


COUNTED_AFTER_LABEL = [
    pytest.param("客户：快递单号还没更新，今天能发吗？\n客服：12件货我上午已经打包，下午发出。\n",
                 [("customer", "客户", "快递单号还没更新，今天能发吗？"), ("agent", "客服", "12件货我上午已经打包，下午发出。")],
                 id="zh-label-then-counted-things"),
    # a clock after the colon stays no label (the colon of "10：30" is the clock's)
    pytest.param("客户：到哪了？\n客服：快到了。\n客服：10：30到店。\n",
                 [("customer", "客户", "到哪了？"), ("agent", "客服", "快到了。"), ("agent", "客服", "客服：10：30到店。")],
                 id="zh-label-then-clock"),
    pytest.param("Buyer: any update?\nSeller: checking.\nSeller 10:45: shipped today.\n",
                 [("customer", "Buyer", "any update?"), ("rep", "Seller", "checking."),
                  ("rep", "Seller", "Seller 10:45: shipped today.")], id="en-clock-colon-is-no-label"),
]


@pytest.mark.parametrize(("text", "expected"), COUNTED_AFTER_LABEL)
def test_a_label_followed_by_a_count_keeps_its_speaker(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert turns_of(text, "chat") == expected
