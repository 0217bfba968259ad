"""Speakers known only by name get their side from their organisation, their words and who
answers whose ask: multi-party meetings as Zoom, Teams and Otter export them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.rules.sentences import split_sentences
from extractors.rules.sides import opposed_pairs, organisation_of


def roles_of(text: str, channel: str = "meeting") -> dict[str, str]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 4, 14, tzinfo=UTC), text=text, language="en",
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return {s.speaker.split(" (")[0].split("（")[0]: s.role
            for s in split_sentences(tp) if s.speaker is not None}


MEETINGS = [
    pytest.param(
        "Laura Chen (Kestrel): Thanks everyone for joining, let me share my screen.\n"
        "Greg Howell (Northwind Clinics): Our front desk staff still book on paper.\n"
        "Priya Nair (Northwind Clinics): And reminders only go out in English.\n"
        "Tom Reyes (Kestrel): I'll raise the API limit for your migration window.\n",
        {"Laura Chen": "rep", "Tom Reyes": "rep", "Greg Howell": "customer",
         "Priya Nair": "customer"}, id="en-two-organisations-vendor-by-words"),
    pytest.param(
        "Ana (Brightline Logistics, Ops Lead): We lose about an hour a day re-keying orders.\n"
        "Sam (Kestrel, Account Executive): Understood. I'll send a proposal on Friday.\n"
        "Lee (Brightline Logistics, CFO): What would it cost for forty seats?\n",
        {"Ana": "customer", "Sam": "rep", "Lee": "customer"}, id="en-organisation-beside-a-title"),
    pytest.param(
        "周敏（云图软件）：各位好，感谢参加，我先给大家演示一下。\n"
        "李娜（润丰医药）：我们门店的同事现在还是手工登记。\n"
        "周敏（云图软件）：明白，我们给您开通一个试用账号。\n"
        "王强（润丰医药）：你们的系统能对接我们的ERP吗？\n",
        {"周敏": "rep", "李娜": "customer", "王强": "customer"}, id="zh-two-organisations"),
    pytest.param(
        "Dana (CFO): The budget is approved.\nSam (AE): Great, I'll send the order form.\n",
        {"Dana": "customer", "Sam": "rep"}, id="en-title-tags-are-not-organisations"),
    pytest.param(
        "Laura Chen: Thanks everyone for joining.\n"
        "Greg Howell: Our front desk staff still book on paper at two sites.\n"
        "Priya Nair: Could you send the recording and the slides after this?\n"
        "Laura Chen: Sure, I'll send them today.\n"
        "Tom Reyes: From the platform side, I'll raise the API limit for your migration.\n",
        {"Laura Chen": "rep", "Greg Howell": "customer", "Priya Nair": "customer",
         "Tom Reyes": "rep"}, id="en-names-only-by-words-and-answered-asks"),
    pytest.param(
        "Rosa Vidal (Quanta Freight, Ops Director): We still rebook loads by phone.\n"
        "Liam Chu (Tessellate, Account Director): Understood, thanks for making the time.\n"
        "Paul Ek (Tessellate, Delivery Lead): We push confirmed loads to your TMS.\n",
        {"Rosa Vidal": "customer", "Liam Chu": "rep", "Paul Ek": "rep"},
        id="en-a-vendor-job-makes-its-company-the-vendor"),
    pytest.param(
        "Oskar: the invoices came out wrong again\n"
        "Mei (Ledgerly): so sorry about that, I'll add 2 seats back and send the invoice today\n"
        "Oskar: we need 3 more licenses too\n",
        {"Oskar": "customer", "Mei": "rep"}, id="en-one-company-among-names-the-vendor-by-words"),
    pytest.param(
        "Oskar (Birchline Bakery): the invoices came out wrong again\n"
        "Mei: Thanks, I'll check your account and fix it today\n",
        {"Oskar": "customer", "Mei": "rep"}, id="en-one-company-among-names-the-customer-by-words"),
]


@pytest.mark.parametrize(("text", "expected"), MEETINGS)
def test_speakers_of_a_meeting_get_their_sides(text: str, expected: dict[str, str]) -> None:
    assert roles_of(text) == expected


@pytest.mark.parametrize(("label", "organisation"), [
    ("Greg Howell (Northwind Clinics)", "northwind clinics"),
    ("Wanda (Kellerman Foods, Inside Sales)", "kellerman foods"),
    ("Dana (CFO)", None), ("Jordan (VP Sales)", None), ("李娜（润丰医药）", "润丰医药"),
    ("郑浩（IT负责人）", None), ("Sam", None),
    ("Kwame (Lumora Support)", "lumora"), ("Ola (Verbena Foods CFO)", "verbena foods"),
    ("Ana (Kite Analytics)", "kite analytics"), ("Speaker 2 (Ben, Notewell)", "notewell"),
    ("Rep (Anika, Stackwise)", "stackwise"), ("Jo (Inside Sales)", None),
    ("Lee (Customer Success Lead)", None),
], ids=["company", "company-then-title", "title", "title-two-words", "zh-company", "zh-title",
        "no-tag", "company-then-job", "company-then-title-no-comma", "it-inside-a-word-is-no-job",
        "nameless-label-name-first", "role-label-name-first", "team-words-only", "job-words-only"])
def test_the_organisation_a_label_names(label: str, organisation: str | None) -> None:
    assert organisation_of(label) == organisation


def test_an_ask_answered_by_a_promise_opposes_the_two_speakers() -> None:
    class S:
        def __init__(self, speaker: str, text: str) -> None:
            self.speaker, self.text, self.role = speaker, text, "unknown"

    said = [S("A", "Could you send the deck?"), S("B", "Sure, I'll send it today."),
            S("C", "Sounds good."), S("B", "Great.")]
    assert opposed_pairs(said) == [("A", "B")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("CSM (Hannah): How are people finding it?\nCustomer (Marco, Ops Manager): Really well.\n",
                 {"CSM": "rep", "Customer": "customer"}, id="vendor-job-before-the-name"),
    pytest.param("Will Grant (Account Director): Here is our offer.\nAngela (Redfield): Too high.\n"
                 "Will Grant (Account Director): Let me check.\n",
                 {"Will Grant": "rep", "Angela": "customer"}, id="account-director-tag"),
    pytest.param("Visitor: do you integrate with zendesk?\nMaya (Lumenpath): Yes, we have a native "
                 "two-way integration.\n", {"Visitor": "customer", "Maya": "rep"},
                 id="visitor-beside-one-organisation"),
    pytest.param("访客：你们支持企业微信吗？\n小林（云图软件）：支持的，可以直接对接。\n",
                 {"访客": "customer", "小林": "rep"}, id="zh-visitor-beside-one-organisation"),
    pytest.param("Customer: The export fails.\nRep: I'll look today.\nDana (Acme): Same here.\n",
                 {"Customer": "customer", "Rep": "rep", "Dana": "customer"},
                 id="organisation-beside-labelled-sides-stays-customer"),
])
def test_labels_that_name_a_job_or_a_visitor(text: str, expected: dict[str, str]) -> None:
    assert roles_of(text, channel="chat") == expected
