"""Owners of next steps where no label says the side: one company named beside names alone,
transcript formats whose speakers were missed, and notes whose people are grouped by company."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps_en_speakers import raw

ONE_COMPANY_AMONG_NAMES = [
    pytest.param("[00:00:02] Kayla (PayCrest): How did Friday's run go on your end?\n"
                 "[00:00:07] Doug Ferris: Fine. I'll send the new-hire forms tomorrow.\n"
                 "[00:00:11] Kayla (PayCrest): Great. I'll send the corrected stubs on Friday.",
                 [("send the new-hire forms", "customer", date(2026, 3, 3)),
                  ("send the corrected stubs", "rep", date(2026, 3, 6))], id="call-with-stamps"),
    pytest.param("Owen Price: is Thursday still ok for the install?\n"
                 "Rob Hale (Guardline CCTV): Thursday works. I'll send you the updated job sheet.\n"
                 "Owen Price: great",
                 [("send you the updated job sheet", "rep", None)], id="chat-plain-labels"),
    pytest.param("Rodrigo Salinas | 00:01:12\nWe have 35 laptops in Monterrey.\n"
                 "Emily Tran (Vantage IT) | 00:01:20\nGot it. I'll send the install package by Thursday.\n"
                 "Rodrigo Salinas | 00:01:39\nPerfect.",
                 [("send the install package", "rep", date(2026, 3, 5))], id="name-bar-time-header-lines"),
    pytest.param("Capt. Dmitri Sokol (MV Arctic Tern): ETA 14:00, need fresh water.\n"
                 "Faisal – Gulfside Agency: Noted. I will send the barge quotation before noon today.",
                 [("send the barge quotation", "rep", date(2026, 3, 2))],
                 id="negative-the-other-label-names-its-company-after-a-dash"),
]


@pytest.mark.parametrize(("text", "expected"), ONE_COMPANY_AMONG_NAMES)
def test_a_company_named_beside_names_alone_is_the_vendor_when_the_words_do_not_tell(text, expected):
    channel = "call" if "[00:" in text or "|" in text else "chat"
    assert raw(text, channel) == expected


GROUPED_NOTES = [
    pytest.param("Kickoff notes - CarrierDesk x Tarn Valley\n\nTarn Valley: Maya Olsen (COO), Ben Okafor (Brokerage lead)\n"
                 "CarrierDesk: Lucas Reid (AE), Hana Mori (Onboarding)\n\nNext steps\n"
                 "- Hana: send the migration template by Friday.\n- Ben: export the deals once the template arrives.",
                 [("send the migration template", "rep", date(2026, 3, 6)),
                  ("export the deals once the template arrives", "customer", None)], id="company-lines-with-vendor-jobs"),
    pytest.param("Present: Town: Carla Benetti (Parks Director), Victor Huang (Finance Manager). "
                 "Harbor: Sean McAllister (Client Services Manager), Priya Nair (Payroll Specialist)\n\nActions\n"
                 "- Harbor to provide a written corrective action plan by Friday.\n"
                 "- V. Huang to send the corrected cost-center mapping tomorrow.",
                 [("provide a written corrective action plan", "rep", date(2026, 3, 6)),
                  ("send the corrected cost-center mapping", "customer", date(2026, 3, 3))],
                 id="two-companies-on-one-present-line"),
    pytest.param("Overview\nThe customer (VoltPath: Andre Silva, Keisha Monroe) reviewed Q4 with Relay CX (Lena Fischer, "
                 "Omar Haddad).\n\nAction items\n- Omar to send the fix date by Friday.\n- Keisha to export ten failed tickets today.",
                 [("send the fix date", "rep", date(2026, 3, 6)),
                  ("export ten failed tickets", "customer", date(2026, 3, 2))], id="the-customer-named-with-its-people"),
    pytest.param("Attendees: Hannah Brandt (Copperline, Sales Director), Marcus Lee (Tri-County, Category Manager), "
                 "Renee Ortiz (Tri-County, Purchasing)\n\nAction items\n- Hannah Brandt: confirm the second-run volumes - Friday\n"
                 "- Renee Ortiz: send the forecast by SKU - next Wednesday",
                 [("confirm the second-run volumes", "rep", date(2026, 3, 6)),
                  ("send the forecast by SKU", "customer", date(2026, 3, 11))], id="buyer-jobs-make-the-other-company-the-vendor"),
    pytest.param("Attendees: Kara Lindholm (Orthovia), Monica Hale (St. Jude's)\n\n- Monica asked whether the reports can be "
                 "weekly.\n\nAction items\n- Kara Lindholm: switch the usage reports to weekly - Friday\n"
                 "- Monica Hale: send the preference cards - Friday",
                 [("switch the usage reports to weekly", "rep", date(2026, 3, 6)),
                  ("send the preference cards", "customer", date(2026, 3, 6))], id="the-one-who-asks-is-the-customer"),
    pytest.param("Supplier present: Tracewell Health Ltd (A. Hughes, Bid Manager)\nAuthority attendees: G. Doyle (Procurement)\n\n"
                 "Actions\n- Tracewell to provide a written response to the questionnaire by 31 March.",
                 [("provide a written response to the questionnaire", "rep", date(2026, 3, 31))], id="a-company-called-the-supplier"),
    pytest.param("site visit - Redrock quarry\npresent: J. Castillo (maint supv), R. Begay (ops), me + Tom (svc)\n\nnext\n"
                 "- Tom: pull oil samples Mon\n- Castillo: send alarm logs since Dec by Friday",
                 [("pull oil samples", "rep", date(2026, 3, 9)), ("send alarm logs since Dec", "customer", date(2026, 3, 6))],
                 id="me-and-a-colleague-in-shorthand"),
    pytest.param("Actions\n- Vendor (Quikslot) to send a fix timeline for the logout bug by Monday.",
                 [("send a fix timeline for the logout bug", "rep", date(2026, 3, 9))], id="the-word-vendor-names-the-side"),
    pytest.param("Attendees: Tobias Kern (Velora, Account Manager), Petra Vogt (Fleet Manager, Brenner)\n\nActions\n"
                 "- Tobias: prepare a credit proposal by Friday.\n- Petra: send the rental invoices to Tobias by Friday.",
                 [("prepare a credit proposal", "rep", date(2026, 3, 6)),
                  ("send the rental invoices to Tobias", "customer", date(2026, 3, 6))],
                 id="negative-a-persons-company-and-job-are-no-list-of-people"),
]


@pytest.mark.parametrize(("text", "expected"), GROUPED_NOTES)
def test_notes_give_a_task_the_side_of_the_company_that_lists_its_person(text, expected):
    assert raw(text, "meeting") == expected


TRANSCRIPT_FORMATS = [
    pytest.param("WEBVTT\n\n00:00:01.240 --> 00:00:06.910\n<v Luis Ortega>Our API takes endorsements as JSON. "
                 "I'll send the API spec by tomorrow.\n\n00:00:07.300 --> 00:00:15.100\n<v Diane Fry>Great. Our agents "
                 "log everything in Salesforce. I'll ask our DBA to set up a test environment next week.",
                 "meeting", [("send the API spec", "rep", date(2026, 3, 3)),
                             ("ask our DBA to set up a test environment", "customer", date(2026, 3, 9))],
                 id="webvtt-voice-tags"),
    pytest.param("Case 00392771 - outage\n\nDescription:\nLine down since 05:50.\n\n"
                 "Update 1 - Agent (Kerry, Tier 1) - 07:41\nThanks Gareth. I've raised it with the wholesaler.\n\n"
                 "Update 2 - Customer - 07:55\nThe backup SIM was never activated.\n\n"
                 "Update 3 - Agent (Kerry, Tier 1) - 08:03\nUnderstood. I'll get the backup SIM activated this morning.",
                 "ticket", [("get the backup SIM activated", "rep", date(2026, 3, 2))], id="numbered-ticket-updates"),
    pytest.param("From: support@brightfold.agency\nSubject: We've received your request (#BF-1193)\n\nHi Ollie,\n\n"
                 "This is an automatic confirmation that we've received your request and our team will respond within "
                 "1 business day.\n\nYour request:\n\"The spring banners show the wrong sale date.\"",
                 "ticket", [("respond", "rep", date(2026, 3, 3))], id="a-help-desks-automatic-acknowledgement"),
    pytest.param("Organizer message:\nWe issued refunds twice to 412 fans. I need a statement we can send fans today.\n\n"
                 "Agent reply (Apr 13, 21:40):\nWe've confirmed the error on our side. Our comms team will send you a "
                 "fan statement tonight.",
                 "ticket", [("send you a fan statement", "rep", date(2026, 3, 2))], id="an-agent-reply-below-the-request"),
    pytest.param("Our SSO login loops back to the start page since this morning. Please fix it today, we have "
                 "received your invoice and will pay it by Friday.",
                 "ticket", [("fix it", "rep", date(2026, 3, 2)), ("pay it", "customer", date(2026, 3, 6))],
                 id="negative-a-customer-who-says-received-is-no-acknowledgement"),
]


@pytest.mark.parametrize(("text", "channel", "expected"), TRANSCRIPT_FORMATS)
def test_speakers_of_transcript_and_ticket_formats_get_their_side(text, channel, expected):
    assert raw(text, channel) == expected


SERVICE_LABELS = [
    pytest.param("Visitor: my broadband keeps dropping\nAdvisor (Tom): I can book an engineer visit for Tuesday.",
                 "chat", [("book an engineer visit", "rep", date(2026, 3, 3))], id="advisor"),
    pytest.param("Customer message (10 Apr):\nThe stone fell out of my ring.\n\n"
                 "Store reply (11 Apr, Hamish, Aftercare):\nSo sorry. We'll send a prepaid postage pack today.",
                 "ticket", [("send a prepaid postage pack", "rep", date(2026, 3, 2))], id="store-reply"),
    pytest.param("Description (submitted by exhibitor):\nOur invoice shows overdue.\n\n"
                 "Reply to exhibitor (T. Whitfield):\nVoided. I'll email you a zero-balance statement tomorrow.",
                 "ticket", [("email you a zero-balance statement", "rep", date(2026, 3, 3))], id="reply-to-the-customer"),
]


@pytest.mark.parametrize(("text", "channel", "expected"), SERVICE_LABELS)
def test_a_service_label_is_the_vendors(text, channel, expected):
    assert raw(text, channel) == expected


TODO_LINES = [
    pytest.param("call w/ Hollister Seed Co-op (Ana + Brett), me + Kofi\n\n- TODO Kofi: fix the import script by Fri\n"
                 "- TODO Brett: send list of fields w/ wrong boundaries by Fri",
                 [("fix the import script", "rep", date(2026, 3, 6)),
                  ("send list of fields w/ wrong boundaries", "customer", date(2026, 3, 6))], id="todo-name"),
    pytest.param("参与人：驰安 大客户经理 冯涛、驰安 服务主管 邱丽；通达物流 运营副总 钱宏、车队主管 阎志\n\n待办：\n"
                 "1. 冯涛：下周三前出续签合同报价\n2. 阎志：提供华南新增线路和停车场地址",
                 [("出续签合同报价", "rep", date(2026, 3, 11)), ("提供华南新增线路和停车场地址", "customer", None)],
                 id="zh-participants-line"),
    pytest.param("参会：业主方 何晓东（资产管理部经理）、孙琳（行政）；物业方 邓立新（项目经理）、钟敏（客服主管）\n\n三、待办事项\n"
                 "1. 邓立新：4月15日前提交二维码访客登记试点方案。\n2. 何晓东：月底前将续签合同初稿转交法务审核。",
                 [("提交二维码访客登记试点方案", "rep", date(2026, 4, 15)),
                  ("续签合同初稿转交法务审核", "customer", date(2026, 3, 31))], id="zh-owner-and-property-manager"),
]


@pytest.mark.parametrize(("text", "expected"), TODO_LINES)
def test_action_lines_of_shorthand_and_chinese_minutes_take_their_persons_side(text, expected):
    assert raw(text, "meeting") == expected


MORE_NOTES = [
    pytest.param("Attendees: co-op board members Ray Dietz, Ellen Voss; Heartland: Jamie Cole (territory manager)\n\n"
                 "Jamie presented the 2026 lineup and pricing.\n\nJamie will send per-county trial data by next Friday.",
                 [("send per-county trial data", "rep", date(2026, 3, 13))], id="one-company-known-by-what-it-does"),
    pytest.param("Attendees: Owner's rep: D. Kowalski (Riverside Health). Controls contractor: Tandem Building Automation "
                 "(us: K. Ibsen, P. Ray).\n\n- 14.3 Tandem to send screenshots of the draft graphics by Friday.",
                 [("send screenshots of the draft graphics", "rep", date(2026, 3, 6))], id="a-three-word-company-marked-us"),
]


@pytest.mark.parametrize(("text", "expected"), MORE_NOTES)
def test_more_notes_whose_company_says_the_side(text, expected):
    assert raw(text, "meeting") == expected


def test_a_speaker_label_with_a_bracketed_time_is_a_turn():
    text = ("SPEAKER_00 [00:00:02]: So, Leah, you wanted to talk about the placements.\n"
            "SPEAKER_01 [00:00:07]: Yeah. The setup you guys did is working.\n"
            "SPEAKER_00 [00:00:43]: Great, I'll send the amendment by Friday.\n"
            "SPEAKER_01 [00:00:45]: Perfect. I'll loop in our producer, he'll own the integration on our side.")
    assert raw(text, "call") == [("send the amendment", "rep", date(2026, 3, 6)), ("loop in our producer", "customer", None)]
