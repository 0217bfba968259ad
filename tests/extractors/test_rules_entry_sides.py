"""A ticket's entry labels and a business chat's title say whose promise a step is, where the
speaker's scored role says otherwise or nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor


def owners_of(text: str, channel: str) -> list[tuple[str, str]]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel, direction="inbound",  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 5, 6, tzinfo=UTC), text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    insights = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog()))
    return [(n.action, n.owner) for n in insights.next_steps]


INTERNAL_NOTE = ("Case 4410 - Routewise Fleet\n\n"
                 "Customer (May 5): Trip exports have been empty since Sunday's update.\n"
                 "Agent (May 5): Reproduced, escalated to engineering.\n"
                 "Internal note (May 6, P. Okafor): patch scheduled for Thursday night. "
                 "I'll email the customer when the patch is live.\n")
HEADER_LINES = ("SUP-221\nHollis Dental\n\n"
                "[06 May 08:10] Client (Mara Voss, Practice Manager):\n"
                "Our reminder texts stopped going out yesterday.\n"
                "[06 May 08:40] Support Engineer (Kwame):\n"
                "Found it, a carrier outage. We will resend the missed reminders this morning.\n")
REQUESTER = ("Type: Billing | Org: Pinegrove Tutors\nRequester: Lila Marsh\n\n"
             "Lila Marsh (May 6, 09:02):\nWe were charged twice for April. "
             "Please refund the duplicate charge before Friday.\n\n"
             "Dev (Billing, May 6, 10:15):\nSorry about that, I've started the refund.\n")
TITLED_CHAT = ("WhatsApp - Larkfield Plumbing\n"
               "Jo (Oak Street Cafe): hi, the dishwasher drain is blocked again\n"
               "Larkfield Plumbing: Sorry to hear! Our engineer can come at 2pm today.\n"
               "Larkfield Plumbing: Please send me a photo of the drain before 1pm.\n"
               "Jo (Oak Street Cafe): will do\n")
OPENED_BY_THE_BUSINESS = ("WhatsApp - Larkfield Plumbing\n"
                          "Larkfield Plumbing: Morning! Your boiler service is due this month.\n"
                          "Dee: ok\n"
                          "Larkfield Plumbing: I'll send you two time slots by Friday.\n"
                          "Dee: thanks\n")
PLAIN_CHAT = ("Jo (Oak Street Cafe): hi, the dishwasher drain is blocked again\n"
              "Sam (Westside Supplies): I'll send you a new drain kit tomorrow.\n")


@pytest.mark.parametrize(("text", "channel", "expected"), [
    pytest.param(INTERNAL_NOTE, "ticket", [("email the customer when the patch is live", "rep")],
                 id="an-internal-note-is-the-vendors"),
    pytest.param(HEADER_LINES, "ticket", [("resend the missed reminders", "rep")],
                 id="a-staff-header-line-above-the-words"),
    pytest.param(REQUESTER, "ticket", [("refund the duplicate charge", "rep")],
                 id="the-forms-requester-asks-the-vendor"),
    pytest.param(TITLED_CHAT, "chat", [("send me a photo of the drain", "customer")],
                 id="the-business-the-chat-is-titled-by-asks-the-customer"),
    pytest.param(OPENED_BY_THE_BUSINESS, "chat", [("send you two time slots", "rep")],
                 id="the-business-opens-its-own-chat"),
    # no title and no label that says a side: the scored roles stand
    pytest.param(PLAIN_CHAT, "chat", [("send you a new drain kit", "rep")], id="no-title-no-change"),
])
def test_entry_labels_say_whose_step_it_is(text, channel, expected):
    assert owners_of(text, channel) == expected
