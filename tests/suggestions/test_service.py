"""The service end to end on a real database: do-not-contact, frequency caps, quiet periods,
explanations that cite real evidence, feedback honoured across runs, tenants kept apart, and
the per-tenant policy file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.errors import BadInputError, ConfigError, NotFoundError
from assistant.models import Suggestion
from assistant.storage import repository
from assistant.storage.db import Database
from assistant.suggestions import (
    list_suggestions,
    load_policy,
    record_feedback,
    refresh_suggestions,
    set_do_not_contact,
)
from assistant.suggestions.policy import SuggestionPolicy
from tests.suggestions.builders import TENANT, HistoryBuilder, competitor, negative

NY = ZoneInfo("America/New_York")
TUESDAY = datetime(2026, 3, 17, 10, 0, tzinfo=NY)


def only(found: list[Suggestion], rule_id: str) -> list[Suggestion]:
    return [s for s in found if s.rule_id == rule_id]


@pytest.fixture
def history(db: Database) -> HistoryBuilder:
    builder = HistoryBuilder(db)
    builder.account()
    builder.contact()
    return builder


def _pricing_views(history: HistoryBuilder, *, days_ago: tuple[int, ...] = (1, 2, 3)) -> None:
    for days in days_ago:
        history.event("page_viewed", TUESDAY - timedelta(days=days), url="https://v.example/pricing")


def test_do_not_contact_hides_customer_suggestions_but_not_internal_ones(db: Database,
                                                                         history: HistoryBuilder):
    _pricing_views(history)
    history.touchpoint(TUESDAY - timedelta(hours=5), channel="ticket", ticket_id="9",
                       metadata={"status": "new"}, turns=[("customer", "Login is broken.")])
    assert only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY), "pricing_page_views")
    set_do_not_contact(db, tenant_id=TENANT, contact_id="dana", reason="asked on the phone")
    found = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    assert only(found, "pricing_page_views") == []
    assert only(found, "ticket_unassigned")  # assigning a ticket does not contact anyone
    set_do_not_contact(db, tenant_id=TENANT, contact_id="dana", is_blocked=False)
    assert only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY), "pricing_page_views")


def test_do_not_contact_from_the_policy_file_and_from_an_unsubscribe_event(
        db: Database, history: HistoryBuilder):
    _pricing_views(history)
    by_email = SuggestionPolicy(do_not_contact=["DANA@x.example"])
    assert only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY, policy=by_email),
                "pricing_page_views") == []
    history.event("unsubscribed", TUESDAY - timedelta(days=1))
    assert only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY), "pricing_page_views") == []


def test_do_not_contact_needs_a_known_contact(db: Database):
    with pytest.raises(NotFoundError, match="nobody"):
        set_do_not_contact(db, tenant_id=TENANT, contact_id="nobody")


def test_the_frequency_cap_pushes_the_window_past_the_last_week(db: Database,
                                                                history: HistoryBuilder):
    _pricing_views(history)
    sent = [TUESDAY - timedelta(days=d) for d in (5, 3, 1)]
    for moment in sent:
        history.touchpoint(moment, direction="outbound", turns=[("rep", "Following up.")])
    [found] = only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY), "pricing_page_views")
    assert "frequency_cap" in found.reason_codes
    assert found.window_start >= sent[0] + timedelta(days=7)
    relaxed = SuggestionPolicy.model_validate({"timing": {"max_touches_per_week": 5}})
    [free] = only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY, policy=relaxed),
                  "pricing_page_views")
    assert "frequency_cap" not in free.reason_codes and free.window_start < found.window_start


def test_a_bad_touchpoint_starts_a_quiet_period_except_for_recovery(db: Database,
                                                                    history: HistoryBuilder):
    bad = history.touchpoint(TUESDAY - timedelta(hours=2),
                             turns=[("customer", "We are evaluating HubSpot. This is unacceptable.")])
    history.insights(bad, sentiment=negative(bad, "This is unacceptable."),
                     competitors=[competitor(bad, "evaluating HubSpot", "HubSpot")])
    found = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    [pitch] = only(found, "competitor_evaluating")
    [recovery] = only(found, "negative_sentiment")
    quiet_end = bad.occurred_at + timedelta(hours=48)
    assert "quiet_period" in pitch.reason_codes and pitch.window_start >= quiet_end
    assert "quiet_period" not in recovery.reason_codes and recovery.window_start < quiet_end


def test_explanations_cite_evidence_that_is_really_in_the_touchpoint(db: Database,
                                                                     history: HistoryBuilder):
    tp = history.touchpoint(TUESDAY - timedelta(days=1),
                            turns=[("rep", "Thanks for the call."),
                                   ("customer", "Honestly we are evaluating HubSpot as well.")])
    history.insights(tp, competitors=[competitor(tp, "evaluating HubSpot", "HubSpot")])
    _pricing_views(history)
    found = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    assert found
    with db.session() as session:
        for suggestion in found:
            assert suggestion.explanation.startswith("Why: ")
            assert suggestion.citations and suggestion.evidence_refs
            for citation in suggestion.citations:
                if citation.kind == "quote":
                    assert citation.evidence is not None
                    stored = repository.get_touchpoint(session, tenant_id=TENANT,
                                                       touchpoint_id=citation.touchpoint_id or "")
                    evidence = citation.evidence
                    assert stored.text[evidence.start:evidence.end] == evidence.quote
                    assert evidence.quote in suggestion.explanation
                if citation.kind == "event":
                    assert any(e.id == citation.event_id for e in repository.list_events(
                        session, tenant_id=TENANT))
    pitch = only(found, "competitor_evaluating")[0]
    assert f"{tp.id}:{tp.text.index('evaluating HubSpot')}-" in pitch.evidence_refs[1]
    names = [c.name for c in pitch.value_components]
    assert names == ["expected_value", "intent", "engagement", "churn_risk", "urgency"]
    assert pitch.score == pytest.approx(sum(c.contribution for c in pitch.value_components),
                                        abs=0.05)


def test_a_bigger_deal_outranks_a_smaller_one_and_says_why(db: Database):
    history = HistoryBuilder(db)
    for account_id, value in (("big", 500_000), ("small", 5_000)):
        history.account(account_id, deal_value=value)
        history.contact(f"{account_id}-c", account_id=account_id)
        for days in (1, 2, 3):
            history.event("page_viewed", TUESDAY - timedelta(days=days), account_id=account_id,
                          contact_id=f"{account_id}-c", url="https://v.example/pricing")
    found = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    assert [s.account_id for s in found] == ["big", "small"]
    big, small = (next(c for c in s.value_components if c.name == "expected_value")
                  for s in found)
    assert big.contribution > small.contribution and "500,000" in big.detail


def test_ids_are_stable_and_feedback_is_honoured_across_runs(db: Database,
                                                             history: HistoryBuilder):
    _pricing_views(history)
    [first] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    [again] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY + timedelta(hours=1))
    assert first.id == again.id
    record_feedback(db, tenant_id=TENANT, suggestion_id=first.id, outcome="dismissed",
                    now=TUESDAY + timedelta(hours=1))
    assert list_suggestions(db, tenant_id=TENANT) == []
    assert refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY + timedelta(hours=2)) == []
    # something new happens: another view after the dismissal brings it back, same id
    history.event("page_viewed", TUESDAY + timedelta(hours=3), url="https://v.example/pricing")
    [back] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY + timedelta(hours=4))
    assert back.id == first.id and "new_since_dismissed" in back.reason_codes


def test_snoozed_comes_back_after_the_snooze_and_accepted_stays_marked(db: Database,
                                                                       history: HistoryBuilder):
    _pricing_views(history)
    [suggestion] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    record_feedback(db, tenant_id=TENANT, suggestion_id=suggestion.id, outcome="snoozed",
                    snooze_until=TUESDAY + timedelta(hours=5), now=TUESDAY)
    assert refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY + timedelta(hours=4)) == []
    [woken] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY + timedelta(hours=6))
    record_feedback(db, tenant_id=TENANT, suggestion_id=woken.id, outcome="accepted",
                    now=TUESDAY + timedelta(hours=6))
    [accepted] = list_suggestions(db, tenant_id=TENANT)
    assert accepted.status == "accepted"
    [still] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY + timedelta(hours=7))
    assert still.status == "accepted"
    record_feedback(db, tenant_id=TENANT, suggestion_id=still.id, outcome="done",
                    now=TUESDAY + timedelta(hours=7))
    assert refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY + timedelta(hours=8)) == []
    assert list_suggestions(db, tenant_id=TENANT) == []


def test_feedback_names_a_bad_outcome_and_an_unknown_suggestion(db: Database,
                                                                history: HistoryBuilder):
    _pricing_views(history)
    [suggestion] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    with pytest.raises(BadInputError, match="accepted, dismissed, snoozed, done"):
        record_feedback(db, tenant_id=TENANT, suggestion_id=suggestion.id, outcome="ignored")
    with pytest.raises(NotFoundError, match="sg_nope"):
        record_feedback(db, tenant_id=TENANT, suggestion_id="sg_nope", outcome="done")


def test_tenants_never_see_each_others_suggestions(db: Database, history: HistoryBuilder):
    _pricing_views(history)
    [mine] = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    assert refresh_suggestions(db, tenant_id="other", now=TUESDAY) == []
    assert list_suggestions(db, tenant_id="other") == []
    with pytest.raises(NotFoundError):
        record_feedback(db, tenant_id="other", suggestion_id=mine.id, outcome="dismissed")
    assert [s.id for s in list_suggestions(db, tenant_id=TENANT)] == [mine.id]


def test_refreshing_one_account_keeps_the_others(db: Database):
    history = HistoryBuilder(db)
    for account_id in ("a1", "a2"):
        history.account(account_id)
        history.contact(f"{account_id}-c", account_id=account_id)
        for days in (1, 2, 3):
            history.event("page_viewed", TUESDAY - timedelta(days=days), account_id=account_id,
                          contact_id=f"{account_id}-c", url="https://v.example/pricing")
    refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    refresh_suggestions(db, tenant_id=TENANT, account_id="a1", now=TUESDAY)
    assert sorted(s.account_id for s in list_suggestions(db, tenant_id=TENANT)) == ["a1", "a2"]


def test_the_policy_file_turns_rules_off_and_changes_thresholds_per_tenant(
        db: Database, history: HistoryBuilder, tmp_path: Path):
    _pricing_views(history, days_ago=(1, 2))
    path = tmp_path / "suggestions.yaml"
    path.write_text("default:\n  rules:\n    pricing_page_views: {min_views: 2}\n"
                    "tenants:\n  acme:\n    rules:\n      pricing_page_views: {enabled: false}\n"
                    "  beta:\n    timing: {working_hours: [8, 20]}\n", encoding="utf-8")
    acme, beta, other = (load_policy(path, tenant_id=t) for t in ("acme", "beta", "other"))
    assert not acme.rules.pricing_page_views.enabled
    assert beta.rules.pricing_page_views.min_views == 2 and beta.timing.working_hours == (8, 20)
    assert only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY, policy=acme),
                "pricing_page_views") == []
    assert only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY, policy=other),
                "pricing_page_views")
    assert only(refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY), "pricing_page_views") == []


@pytest.mark.parametrize("text, message", [
    ("default:\n  rules:\n    pricing_page_views: {min_veiws: 2}\n", "min_veiws"),
    ("rules: {}\n", "top level"),
    ("default: [1, 2\n", "cannot be read as YAML"),
], ids=["typo", "no-default-block", "bad-yaml"])
def test_a_bad_policy_file_is_a_config_error_naming_the_problem(tmp_path: Path, text, message):
    path = tmp_path / "suggestions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_policy(path, tenant_id="acme")


def test_a_refresh_split_over_two_processes_finds_the_same_suggestions(db: Database):
    history = HistoryBuilder(db)
    for n in range(5):
        account_id = f"acct{n}"
        history.account(account_id, deal_value=10_000 * (n + 1))
        history.contact(f"c{n}", account_id=account_id)
        for days in (1, 2, 3):
            history.event("page_viewed", TUESDAY - timedelta(days=days), account_id=account_id,
                          contact_id=f"c{n}", url="https://v.example/pricing")
        tp = history.touchpoint(TUESDAY - timedelta(days=1), account_id=account_id,
                                contact_ids=[f"c{n}"],
                                turns=[("customer", "We are evaluating HubSpot too.")])
        history.insights(tp, competitors=[competitor(tp, "evaluating HubSpot", "HubSpot")])
    alone = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY)
    split = refresh_suggestions(db, tenant_id=TENANT, now=TUESDAY, workers=2)
    assert len(alone) == 10
    assert [(s.id, s.score) for s in split] == [(s.id, s.score) for s in alone]
    assert [s.id for s in list_suggestions(db, tenant_id=TENANT)] == [s.id for s in alone]


def test_account_ranges_cover_every_account_once():
    from assistant.suggestions.parallel import account_ranges

    assert account_ranges(["d", "a", "c", "b", "e"], 2) == [("a", "c"), ("d", "e")]
    assert account_ranges(["a"], 4) == [("a", "a")]
    assert account_ranges([], 2) == []
