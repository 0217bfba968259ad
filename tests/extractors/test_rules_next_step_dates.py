"""Next steps dated by another sentence: a date said next, agreed in reply, or pointed back at."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.rules import RulesExtractor
from tests.extractors.test_rules_next_steps import MONDAY, steps

# the conversations happen on Monday 2026-03-02 (tests/extractors/test_rules_next_steps.py)
DATED_ELSEWHERE = [
    pytest.param([("customer", "Could you send us the security questionnaire and a reference?"),
                  ("customer", "We'd like both by Friday if possible.")],
                 [("send us the security questionnaire and a reference", "rep", date(2026, 3, 6))],
                 id="en-we-would-like-both-by-friday"),
    pytest.param([("rep", "Let me get our product lead to walk you through the roadmap."),
                  ("rep", "How's next Wednesday?"), ("customer", "Next Wednesday works.")],
                 [("walk you through the roadmap", "rep", date(2026, 3, 11))],
                 id="en-hows-next-wednesday"),
    pytest.param([("agent", "Could you create those two accounts manually?"),
                  ("customer", "Yeah, I can do that this afternoon.")],
                 [("create those two accounts manually", "customer", date(2026, 3, 2))],
                 id="en-the-addressee-agrees-a-date"),
    pytest.param([("rep", "Can we grab 30 minutes Thursday to go over the rollout?"),
                  ("rep", "I'll send the cheat sheet before then.")],
                 [("send the cheat sheet", "rep", date(2026, 3, 5))], id="en-before-then"),
    pytest.param([("rep", "Let's touch base after the board meeting on March 5."),
                  ("customer", "Sounds good, I'll email you the outcome the day after.")],
                 [("email you the outcome", "customer", date(2026, 3, 6))],
                 id="en-the-day-after-a-meeting-whose-date-is-no-due"),
    pytest.param([("customer", "麻烦把API文档发我一下，我们开发想先看看，最好明天上午之前。")],
                 [("把API文档发我一下", "rep", date(2026, 3, 3))], id="zh-zuihao-before-tomorrow"),
    pytest.param([("agent", "can you send me the IP ranges you'll be calling from?"),
                  ("agent", "need them for the allowlist"),
                  ("customer", "will do, I'll ping our infra guy and get them to you in an hour or so")],
                 [("send me the IP ranges you'll be calling from", "customer", date(2026, 3, 2))],
                 id="en-will-do-get-them-to-you"),
    pytest.param([("customer", "send me the details and I'll run it by my partner"),
                  ("agent", "Will do, sending it to your account email now.")],
                 [("send me the details", "rep", date(2026, 3, 2))], id="en-will-do-sending-now"),
    pytest.param([("rep", "我今天下班前一定把发票寄出，快递单号发您微信。")],
                 [("把发票寄出", "rep", date(2026, 3, 2)), ("把快递单号发您微信", "rep", date(2026, 3, 2))],
                 id="zh-handed-over-along-the-same-day"),
    pytest.param([("rep", "麻烦您这边确认无误后盖章，4月10号前寄回我司即可。")],
                 [("确认无误后盖章并寄回我司", "customer", date(2026, 4, 10))],
                 id="zh-a-date-opens-the-clause-that-continues-the-ask"),
    pytest.param([("agent", "您把请求日志发到我邮箱。"), ("customer", "好，我挂了电话马上发。")],
                 [("把请求日志发到我邮箱", "customer", date(2026, 3, 2))], id="zh-right-away-after-a-yes"),
    pytest.param([("customer", "morning! can we grab 30 min Monday to go over the forecast module?"),
                  ("rep", "Morning Kayla! Monday works — 10am your time?")],
                 [("grab 30 min to go over the forecast module", "rep", date(2026, 3, 9))],
                 id="en-the-answer-after-a-greeting-accepts"),
]


@pytest.mark.parametrize(("turns", "expected"), DATED_ELSEWHERE)
def test_a_step_takes_a_date_said_in_another_sentence(turns, expected):
    assert [s for s in steps(turns) if s[0] in {e[0] for e in expected}] == expected


NOT_DATED = [
    pytest.param([("customer", "Could you send the usage report?"),
                  ("rep", "No, Friday doesn't work for me.")], id="en-a-date-refused"),
    pytest.param([("rep", "I'll check back in with you after the board meeting on March 5.")],
                 id="en-after-an-event"),
    pytest.param([("customer", "OK, until then I'll pause the workflow on our side.")],
                 id="en-until-then-is-no-deadline"),
]


@pytest.mark.parametrize("turns", NOT_DATED)
def test_a_step_without_a_deadline_of_its_own_stays_undated(turns):
    assert all(due is None for _, _, due in steps(turns)), steps(turns)


@pytest.mark.parametrize("text", [
    pytest.param("好的，我明天发您。\n\n赵经理 <zhao@x.com> 于2026年4月2日周四 11:02写道：\n我今天把合同发您。",
                 id="zh-gmail-yu-xiedao"),
    pytest.param("Sounds good, I'll send it tomorrow.\n\nOn Wed, Feb 11, 2026 at 3:02 PM Priya Raman <\n"
                 "priya@x.com> wrote:\nI'll send the MSA by Friday.", id="en-wrapped-wrote-header"),
])
def test_only_the_new_message_of_a_reply_holds_steps_dated_from_its_own_day(text):
    tp = Touchpoint(id="tp", tenant_id="t", channel="email", occurred_at=MONDAY, direction="outbound",
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"), text=text)
    found = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog())).next_steps
    assert [s.due for s in found] == [date(2026, 3, 3)]
