"""The suggestions service: refresh, list, and record feedback, per tenant.

Plain functions of a database and a tenant, so the CLI, the HTTP API, Celery tasks and the
pipeline's `suggest` stage all call the same code. A refresh reads the history once, runs the
enabled rules, values and schedules each candidate, applies the feedback already given, and
replaces the stored suggestions in one transaction.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import get_args

from sqlalchemy.orm import Session

from assistant.errors import BadInputError
from assistant.models import FeedbackOutcome, Suggestion, SuggestionFeedback
from assistant.storage import repository, suggestion_store
from assistant.storage.db import Database
from assistant.suggestions import rules, signal_rules
from assistant.suggestions.candidates import Candidate, evidence_ref
from assistant.suggestions.history import History, load_history
from assistant.suggestions.policy import SuggestionPolicy
from assistant.suggestions.scheduling import Plan, Scheduler
from assistant.suggestions.value import Valuer

DEFAULT_SNOOZE = timedelta(hours=24)
OPEN_STATUSES = ("open", "accepted")


def suggestion_id(tenant_id: str, candidate: Candidate) -> str:
    """Stable across runs: the rule, plus the subject and evidence that anchor it."""
    digest = hashlib.sha256(f"{tenant_id}\x00{candidate.rule_id}\x00{candidate.subject_key}"
                            .encode()).hexdigest()
    return "sg_" + digest[:20]


def _aware(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def find_candidates(session: Session, history: History, policy: SuggestionPolicy,
                    default_timezone: str) -> list[Candidate]:
    """Every enabled rule's candidates, in rule order."""
    r, now = policy.rules, history.now
    found: list[Candidate] = []
    if r.inquiry_unanswered.enabled:
        found += rules.inquiry_unanswered(history, r.inquiry_unanswered, now)
    if r.ticket_unassigned.enabled:
        found += rules.ticket_unassigned(history, r.ticket_unassigned, now)
    if r.trial_day.enabled:
        found += signal_rules.trial_day(history, r.trial_day, now, default_timezone)
    if r.pricing_page_views.enabled:
        found += signal_rules.pricing_page_views(history, r.pricing_page_views, now)
    if r.deal_stalled.enabled:
        found += signal_rules.deal_stalled(session, history, r.deal_stalled, now)
    if r.repeated_issue.enabled:
        found += rules.repeated_issue(history, r.repeated_issue, now)
    if r.negative_sentiment.enabled:
        found += rules.negative_sentiment(history, r.negative_sentiment, now)
    if r.competitor_evaluating.enabled:
        found += rules.competitor_evaluating(history, r.competitor_evaluating, now)
    if r.next_step_due.enabled or r.customer_step_overdue.enabled:
        found += rules.next_steps(history, r.next_step_due, r.customer_step_overdue, now)
    kept = [c for c in found if c.account_id in history.accounts]
    for candidate in kept:
        if candidate.contact_id is None and candidate.contacts_customer:
            primary = history.primary_contact(candidate.account_id)
            candidate.contact_id = primary.id if primary else None
    return kept


def _explain(candidate: Candidate, plan: Plan, score: float, history: History) -> str:
    contact = history.contacts.get(candidate.contact_id or "")
    who = contact.name if contact and contact.name else "the account"
    lines = [f"Why: {candidate.reason}."]
    if plan.windows:
        best = plan.windows[0]
        when = ("now" if candidate.time_critical else
                f"{best.start:%a %d %b %H:%M}–{best.end:%H:%M}")
        lines.append(f"When: {when} {plan.whereabouts.timezone_name} ({who}'s time, from "
                     f"{plan.whereabouts.timezone_source}); expected reply probability "
                     f"{best.reply_probability:.0%} by {plan.channel} (their {plan.channel} "
                     f"reply rate {plan.reply_rate:.0%}).")
    lines += [f"Note: {note}." for note in plan.notes]
    cited = [c.label + (f": “{c.evidence.quote[:140]}”" if c.evidence else "")
             for c in candidate.citations]
    lines += [f"Evidence: {line}" for line in cited]
    return "\n".join(lines)


def _build(candidate: Candidate, plan: Plan, history: History, valuer: Valuer,
           policy: SuggestionPolicy) -> Suggestion:
    settings = getattr(policy.rules, candidate.rule_id)
    components = valuer.components(candidate, settings.priority)
    score = round(sum(c.contribution for c in components), 2)
    best = plan.windows[0] if plan.windows else None
    account = history.accounts[candidate.account_id]
    tenant = history.tenant_id
    return Suggestion(
        id=suggestion_id(tenant, candidate), tenant_id=tenant,
        account_id=candidate.account_id, contact_id=candidate.contact_id,
        action=candidate.action, channel=plan.channel,  # type: ignore[arg-type]
        score=score, window_start=best.start if best else history.now,
        window_end=best.end if best else history.now,
        timezone=plan.whereabouts.timezone_name,
        reason_codes=[*candidate.reason_codes, *plan.reason_codes],
        explanation=_explain(candidate, plan, score, history),
        evidence_refs=list(dict.fromkeys(evidence_ref(c) for c in candidate.citations)),
        rule_id=candidate.rule_id, owner=account.owner, time_critical=candidate.time_critical,
        due_by=candidate.due_by, last_signal_at=candidate.last_signal_at, windows=plan.windows,
        value_components=components, citations=candidate.citations)


def _apply_feedback(suggestion: Suggestion, feedback: SuggestionFeedback | None,
                    now: datetime) -> Suggestion | None:
    """None while feedback hides it; dismissed and done come back only on newer evidence."""
    if feedback is None:
        return suggestion
    if feedback.outcome == "accepted":
        return suggestion.model_copy(update={"status": "accepted"})
    if feedback.outcome == "snoozed":
        until = feedback.snooze_until or feedback.created_at + DEFAULT_SNOOZE
        return None if now < until else suggestion
    newer = suggestion.last_signal_at is not None and suggestion.last_signal_at > feedback.created_at
    if not newer:
        return None
    return suggestion.model_copy(update={
        "reason_codes": [*suggestion.reason_codes, f"new_since_{feedback.outcome}"]})


def _cap(ranked: list[Suggestion], policy: SuggestionPolicy) -> list[Suggestion]:
    """At most `max_suggestions_per_account` per account and `max_per_rule_per_account` of one
    rule there, so one chatty rule does not crowd out the others: each rule's best suggestion
    for an account is kept before any rule's second. Order stays `ranked`'s."""
    per_account: dict[str, int] = {}
    per_rule: dict[tuple[str, str], int] = {}
    chosen: set[str] = set()
    for rounds in (1, policy.max_per_rule_per_account):
        for suggestion in ranked:
            rule_key = (suggestion.account_id, suggestion.rule_id)
            if (suggestion.id in chosen
                    or per_account.get(suggestion.account_id, 0)
                    >= policy.max_suggestions_per_account
                    or per_rule.get(rule_key, 0) >= rounds):
                continue
            chosen.add(suggestion.id)
            per_account[suggestion.account_id] = per_account.get(suggestion.account_id, 0) + 1
            per_rule[rule_key] = per_rule.get(rule_key, 0) + 1
    return [s for s in ranked if s.id in chosen]


def compute_suggestions(db: Database, *, tenant_id: str, now: datetime,
                        policy: SuggestionPolicy, default_timezone: str = "UTC",
                        account_id: str | None = None,
                        account_range: tuple[str, str] | None = None) -> list[Suggestion]:
    """Every suggestion for the scope with the feedback applied, uncapped and unsorted;
    nothing is written."""
    with db.session() as session:
        history = load_history(session, tenant_id=tenant_id, now=now, policy=policy,
                               account_id=account_id, account_range=account_range)
        candidates = find_candidates(session, history, policy, default_timezone)
        feedback = suggestion_store.latest_feedback(session, tenant_id=tenant_id)
    scheduler = Scheduler(history, policy.timing, default_timezone=default_timezone)
    valuer = Valuer(history, policy, now)
    built: dict[str, Suggestion] = {}
    for candidate in candidates:
        plan = scheduler.plan(candidate)
        if plan is None:
            continue  # do-not-contact
        suggestion = _apply_feedback(_build(candidate, plan, history, valuer, policy),
                                     feedback.get(suggestion_id(tenant_id, candidate)), now)
        if suggestion is not None and (suggestion.id not in built
                                       or built[suggestion.id].score < suggestion.score):
            built[suggestion.id] = suggestion
    return list(built.values())


def refresh_suggestions(db: Database, *, tenant_id: str, account_id: str | None = None,
                        now: datetime | None = None, policy: SuggestionPolicy | None = None,
                        default_timezone: str = "UTC", workers: int = 1) -> list[Suggestion]:
    """Recompute and store the tenant's (or one account's) suggestions as of `now`; best
    first. `workers` > 1 splits a whole-tenant refresh over that many processes by account
    (not from inside a daemon process such as a Celery worker: use 1 there)."""
    moment = _aware(now)
    policy = policy or SuggestionPolicy()
    if account_id is None and workers > 1:
        from assistant.suggestions.parallel import compute_in_parallel

        found = compute_in_parallel(db, tenant_id=tenant_id, now=moment, policy=policy,
                                    default_timezone=default_timezone, workers=workers)
    else:
        found = compute_suggestions(db, tenant_id=tenant_id, now=moment, policy=policy,
                                    default_timezone=default_timezone, account_id=account_id)
    ranked = sorted(found, key=lambda s: (not s.time_critical, -s.score, s.id))
    kept = _cap(ranked, policy)
    with db.session() as session:
        suggestion_store.replace_suggestions(session, tenant_id=tenant_id, suggestions=kept,
                                             refreshed_at=moment, account_id=account_id)
    return kept


def list_suggestions(db: Database, *, tenant_id: str, account_id: str | None = None,
                     owner: str | None = None, include_closed: bool = False,
                     limit: int | None = None) -> list[Suggestion]:
    """Stored suggestions, best first; dismissed, snoozed and done ones only when asked."""
    with db.session() as session:
        found = suggestion_store.list_suggestions(session, tenant_id=tenant_id,
                                                  account_id=account_id, owner=owner)
    shown = [s for s in found if include_closed or s.status in OPEN_STATUSES]
    return shown[:limit] if limit is not None else shown


def record_feedback(db: Database, *, tenant_id: str, suggestion_id: str, outcome: str,
                    note: str | None = None, actor: str | None = None,
                    snooze_until: datetime | None = None, now: datetime | None = None
                    ) -> SuggestionFeedback:
    """Store accepted / dismissed / snoozed / done for a suggestion of this tenant."""
    outcomes = get_args(FeedbackOutcome)
    if outcome not in outcomes:
        raise BadInputError(f"feedback {outcome!r} for {suggestion_id}: use one of "
                            f"{', '.join(outcomes)}")
    moment = _aware(now)
    feedback = SuggestionFeedback(
        suggestion_id=suggestion_id, tenant_id=tenant_id, outcome=outcome,  # type: ignore[arg-type]
        note=note, actor=actor, created_at=moment,
        snooze_until=_aware(snooze_until) if snooze_until else
        (moment + DEFAULT_SNOOZE if outcome == "snoozed" else None))
    with db.session() as session:
        current = suggestion_store.get_suggestion(session, tenant_id=tenant_id,
                                                  suggestion_id=suggestion_id)
        suggestion_store.add_feedback(session, feedback)
        suggestion_store.replace_status(session, tenant_id=tenant_id, suggestion=current,
                                        status="accepted" if outcome == "accepted" else outcome)
    return feedback


def set_do_not_contact(db: Database, *, tenant_id: str, contact_id: str, is_blocked: bool = True,
                       reason: str | None = None, now: datetime | None = None) -> None:
    """Block (or unblock) a contact; NotFoundError names an unknown contact."""
    with db.session() as session:
        repository.get_contact(session, tenant_id=tenant_id, contact_id=contact_id)
        suggestion_store.set_do_not_contact(session, tenant_id=tenant_id, contact_id=contact_id,
                                            is_blocked=is_blocked, reason=reason,
                                            now=_aware(now))
