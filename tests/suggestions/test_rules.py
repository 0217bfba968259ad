"""Every rule at fixed times: just below its threshold nothing, just above it one suggestion."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.models import Suggestion, TicketField, TicketFields
from assistant.storage.db import Database
from assistant.suggestions import refresh_suggestions
from tests.suggestions.builders import (
    TENANT,
    HistoryBuilder,
    competitor,
    negative,
    next_step,
    pain,
    quote,
    summary,
)

NY = ZoneInfo("America/New_York")
SHANGHAI = ZoneInfo("Asia/Shanghai")
TUESDAY = datetime(2026, 3, 17, 10, 0, tzinfo=NY)  # after the US DST change of 8 March


def fired(db: Database, now: datetime, rule_id: str) -> list[Suggestion]:
    found = refresh_suggestions(db, tenant_id=TENANT, now=now)
    return [s for s in found if s.rule_id == rule_id]


@pytest.fixture
def history(db: Database) -> HistoryBuilder:
    builder = HistoryBuilder(db)
    builder.account()
    builder.contact()
    return builder


def test_an_unanswered_chat_inquiry_fires_after_five_minutes_and_is_never_delayed(
        db: Database, history: HistoryBuilder):
    asked = datetime(2026, 3, 17, 22, 0, tzinfo=NY)  # late evening: outside working hours
    history.touchpoint(asked, channel="chat", turns=[("customer", "Do you support SSO?")])
    assert fired(db, asked + timedelta(minutes=4), "inquiry_unanswered") == []
    now = asked + timedelta(minutes=6)
    [found] = fired(db, now, "inquiry_unanswered")
    assert found.time_critical and found.channel == "chat"
    assert found.window_start == now and found.window_start.utcoffset() == timedelta(hours=-4)
    assert "time_critical" in found.reason_codes
    assert any(c.evidence and c.evidence.quote == "Do you support SSO?" for c in found.citations)


def test_an_inquiry_answered_later_is_not_suggested(db: Database, history: HistoryBuilder):
    history.touchpoint(TUESDAY, channel="chat", turns=[("customer", "Do you support SSO?")])
    history.touchpoint(TUESDAY + timedelta(minutes=3), direction="outbound",
                       turns=[("rep", "Yes, SAML and OIDC.")])
    assert fired(db, TUESDAY + timedelta(minutes=10), "inquiry_unanswered") == []


def test_an_inquiry_answered_inside_the_chat_is_not_suggested(db: Database,
                                                              history: HistoryBuilder):
    history.touchpoint(TUESDAY, channel="chat", turns=[("customer", "Do you support SSO?"),
                                                       ("rep", "Yes, SAML and OIDC.")])
    assert fired(db, TUESDAY + timedelta(minutes=10), "inquiry_unanswered") == []


def test_a_ticket_unassigned_for_two_hours_is_time_critical(db: Database,
                                                            history: HistoryBuilder):
    history.touchpoint(TUESDAY, channel="ticket", ticket_id="77", subject="Export fails",
                       metadata={"status": "new"}, turns=[("customer", "Export fails again.")])
    assert fired(db, TUESDAY + timedelta(minutes=119), "ticket_unassigned") == []
    [found] = fired(db, TUESDAY + timedelta(minutes=121), "ticket_unassigned")
    assert found.time_critical and found.channel == "ticket" and "#77" in found.action


@pytest.mark.parametrize("metadata, turns", [
    ({"status": "open", "assignee": {"name": "Sam"}}, [("customer", "Export fails again.")]),
    ({"status": "new"}, [("customer", "Export fails again."), ("agent", "Looking into it.")]),
    ({"status": "solved"}, [("customer", "Export fails again.")]),
], ids=["assigned", "answered-by-an-agent", "solved"])
def test_a_ticket_someone_owns_is_not_suggested(db: Database, history: HistoryBuilder,
                                                metadata, turns):
    history.touchpoint(TUESDAY, channel="ticket", ticket_id="77", metadata=metadata, turns=turns)
    assert fired(db, TUESDAY + timedelta(hours=5), "ticket_unassigned") == []


def test_a_trial_is_followed_up_on_day_fourteen_in_the_accounts_timezone(db: Database):
    history = HistoryBuilder(db)
    history.account("qinghe", timezone="Asia/Shanghai", stage="trial")
    history.contact("zhang", account_id="qinghe", timezone="Asia/Shanghai")
    history.event("trial_started", datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI),
                  account_id="qinghe", contact_id=None, plan="Pro")
    assert fired(db, datetime(2026, 3, 15, 12, 0, tzinfo=SHANGHAI), "trial_day") == []  # day 13
    # 23:30 UTC on the 15th is already the 16th in Shanghai: day 14 there
    [found] = fired(db, datetime(2026, 3, 15, 23, 30, tzinfo=ZoneInfo("UTC")), "trial_day")
    assert found.contact_id == "zhang" and "Pro" in found.action
    assert found.timezone == "Asia/Shanghai"


@pytest.mark.parametrize("days_ago, fires", [
    ([1, 3, 6], True), ([1, 8, 9], False), ([1, 2], False),
], ids=["three-in-a-week", "spread-over-ten-days", "only-two"])
def test_pricing_page_viewed_three_times_within_seven_days(db: Database, history: HistoryBuilder,
                                                           days_ago, fires):
    for days in days_ago:
        history.event("page_viewed", TUESDAY - timedelta(days=days),
                      url="https://vendor.example/pricing")
    history.event("page_viewed", TUESDAY - timedelta(hours=2), url="https://vendor.example/blog")
    found = fired(db, TUESDAY, "pricing_page_views")
    assert bool(found) is fires
    if fires:
        assert len([c for c in found[0].citations if c.kind == "event"]) == 3


def test_a_stalled_deal_carries_a_summary_of_the_last_conversation(db: Database,
                                                                   history: HistoryBuilder):
    last = history.touchpoint(TUESDAY - timedelta(days=8), channel="call", direction="outbound",
                              turns=[("customer", "We will decide after the budget review.")])
    history.insights(last, summary=summary(last, "We will decide after the budget review."))
    assert fired(db, TUESDAY - timedelta(days=2), "deal_stalled") == []
    [found] = fired(db, TUESDAY, "deal_stalled")
    assert "budget review" in found.action and "no touchpoint for 8 days" in found.explanation
    assert f"{last.id}:" in " ".join(found.evidence_refs)


def test_a_customer_account_is_not_a_stalled_deal(db: Database):
    history = HistoryBuilder(db)
    history.account(stage="customer")
    history.contact()
    history.touchpoint(TUESDAY - timedelta(days=30))
    assert fired(db, TUESDAY, "deal_stalled") == []


@pytest.mark.parametrize("texts, fires", [
    (["The CSV export fails with error 500.", "Again the CSV export fails with error 500.",
      "CSV export fails with error 500 for finance."], True),
    (["The CSV export fails with error 500.", "Again the CSV export fails with error 500.",
      "Could you add a dark mode?"], False),
    (["导出CSV文件一直失败", "导出CSV文件又失败了", "今天导出CSV文件还是失败"], True),
], ids=["three-times-en", "twice-and-something-else", "three-times-zh"])
def test_the_same_issue_at_three_touchpoints(db: Database, history: HistoryBuilder, texts, fires):
    for days, text in zip((9, 5, 1), texts, strict=True):
        tp = history.touchpoint(TUESDAY - timedelta(days=days), channel="ticket",
                                ticket_id=f"t{days}", metadata={"assignee": "Sam"},
                                turns=[("customer", text)])
        history.insights(tp, pain_points=[pain(tp, text)])
    found = fired(db, TUESDAY, "repeated_issue")
    assert bool(found) is fires
    if fires:
        assert len([c for c in found[0].citations if c.kind == "quote"]) == 3


def test_negative_sentiment_asks_for_recovery_within_24_hours(db: Database,
                                                              history: HistoryBuilder):
    bad = history.touchpoint(TUESDAY - timedelta(hours=3),
                             turns=[("customer", "This outage cost us a full day. Unacceptable.")])
    history.insights(bad, sentiment=negative(bad, "Unacceptable."))
    [found] = fired(db, TUESDAY, "negative_sentiment")
    assert found.due_by == bad.occurred_at + timedelta(hours=24)
    assert found.windows and all(w.start <= found.due_by for w in found.windows)
    assert "quiet_period" not in found.reason_codes  # recovery is what the quiet period allows


def test_negative_sentiment_already_answered_is_not_suggested(db: Database,
                                                              history: HistoryBuilder):
    bad = history.touchpoint(TUESDAY - timedelta(hours=3),
                             turns=[("customer", "This outage cost us a full day. Unacceptable.")])
    history.insights(bad, sentiment=negative(bad, "Unacceptable."))
    history.touchpoint(TUESDAY - timedelta(hours=1), channel="call", direction="outbound")
    assert fired(db, TUESDAY, "negative_sentiment") == []


@pytest.mark.parametrize("stance, fires", [("evaluating", True), ("comparing", True),
                                           ("mentioned", False)])
def test_a_competitor_under_evaluation(db: Database, history: HistoryBuilder, stance, fires):
    tp = history.touchpoint(TUESDAY - timedelta(days=2),
                            turns=[("customer", "We are also evaluating HubSpot this month.")])
    history.insights(tp, competitors=[competitor(tp, "evaluating HubSpot", "HubSpot", stance)])
    found = fired(db, TUESDAY, "competitor_evaluating")
    assert bool(found) is fires
    if fires:
        assert "HubSpot" in found[0].action


@pytest.mark.parametrize("owner, due, rule_id", [
    ("rep", date(2026, 3, 18), "next_step_due"),  # due tomorrow
    ("rep", date(2026, 3, 10), "next_step_due"),  # a week overdue
    ("rep", date(2026, 3, 22), None),  # not due yet
    ("customer", date(2026, 3, 15), "customer_step_overdue"),  # two days late: nudge
    ("customer", date(2026, 3, 17), None),  # due today: not late yet
    ("Dana", date(2026, 3, 15), "customer_step_overdue"),  # the contact's own name
], ids=["rep-due-tomorrow", "rep-overdue", "rep-later", "customer-overdue",
        "customer-due-today", "customer-by-name"])
def test_next_steps_due_or_overdue(db: Database, history: HistoryBuilder, owner, due, rule_id):
    tp = history.touchpoint(TUESDAY - timedelta(days=7), channel="call",
                            turns=[("customer", "Send the security pack and we sign the NDA.")])
    history.insights(tp, next_steps=[next_step(tp, "Send the security pack", owner=owner,
                                               due=due)])
    found = [s for s in refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
             if s.rule_id in ("next_step_due", "customer_step_overdue")]
    assert [s.rule_id for s in found] == ([rule_id] if rule_id else [])
    if rule_id == "next_step_due" and due < TUESDAY.date():
        assert "overdue" in found[0].reason_codes


def test_ungrounded_evidence_is_never_cited(db: Database, history: HistoryBuilder):
    tp = history.touchpoint(TUESDAY - timedelta(days=2),
                            turns=[("customer", "We are also evaluating HubSpot this month.")])
    mention = competitor(tp, "evaluating HubSpot", "HubSpot")
    mention = mention.model_copy(update={"evidence": quote(tp, "evaluating HubSpot").model_copy(
        update={"status": "ungrounded"})})
    history.insights(tp, competitors=[mention],
                     ticket=TicketFields(issue=TicketField(value="x", evidence=quote(tp, "We"))))
    assert fired(db, TUESDAY, "competitor_evaluating") == []
