"""Data access for suggestions, their feedback and the do-not-contact list.

Keyword-only, tenant always required, domain models in and out, like `repository.py`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from assistant.errors import NotFoundError
from assistant.models import Suggestion, SuggestionFeedback
from assistant.storage import convert
from assistant.storage.suggestion_rows import DoNotContactRow, SuggestionFeedbackRow, SuggestionRow


def _utc(moment: datetime) -> datetime:
    return convert.to_utc(moment if moment.tzinfo else moment.replace(tzinfo=UTC))[0]


def replace_suggestions(session: Session, *, tenant_id: str, suggestions: list[Suggestion],
                        refreshed_at: datetime, account_id: str | None = None) -> None:
    """Make the stored suggestions of the tenant (or of one account) exactly `suggestions`."""
    scope = delete(SuggestionRow).where(SuggestionRow.tenant_id == tenant_id)
    if account_id is not None:
        scope = scope.where(SuggestionRow.account_id == account_id)
    session.execute(scope)
    if not suggestions:
        return
    session.execute(insert(SuggestionRow), [
        {"tenant_id": tenant_id, "id": s.id, "account_id": s.account_id,
         "contact_id": s.contact_id, "owner": s.owner, "rule_id": s.rule_id, "score": s.score,
         "window_start": _utc(s.window_start), "refreshed_at": _utc(refreshed_at),
         "body": s.model_dump(mode="json")} for s in suggestions])


def list_suggestions(session: Session, *, tenant_id: str, account_id: str | None = None,
                     owner: str | None = None, limit: int | None = None) -> list[Suggestion]:
    """Time-critical first, then highest score first."""
    query = select(SuggestionRow.body).where(SuggestionRow.tenant_id == tenant_id)
    if account_id is not None:
        query = query.where(SuggestionRow.account_id == account_id)
    if owner is not None:
        query = query.where(SuggestionRow.owner == owner)
    query = query.order_by(SuggestionRow.score.desc(), SuggestionRow.id)
    if limit is not None:
        query = query.limit(limit)
    found = [Suggestion.model_validate(body) for body in session.scalars(query)]
    return sorted(found, key=lambda s: not s.time_critical)  # stable: keeps the score order


def get_suggestion(session: Session, *, tenant_id: str, suggestion_id: str) -> Suggestion:
    row = session.get(SuggestionRow, (tenant_id, suggestion_id))
    if row is None:
        raise NotFoundError(f"no suggestion {suggestion_id!r} in tenant {tenant_id!r}; list the "
                            "current ones with `touchpoint suggest`")
    return Suggestion.model_validate(row.body)


def add_feedback(session: Session, feedback: SuggestionFeedback) -> None:
    session.add(SuggestionFeedbackRow(
        tenant_id=feedback.tenant_id, suggestion_id=feedback.suggestion_id,
        outcome=feedback.outcome, note=feedback.note, actor=feedback.actor,
        snooze_until=_utc(feedback.snooze_until) if feedback.snooze_until else None,
        created_at=_utc(feedback.created_at)))
    session.flush()


def latest_feedback(session: Session, *, tenant_id: str) -> dict[str, SuggestionFeedback]:
    """The newest feedback on each suggestion id of the tenant."""
    query = (select(SuggestionFeedbackRow).where(SuggestionFeedbackRow.tenant_id == tenant_id)
             .order_by(SuggestionFeedbackRow.id))
    newest: dict[str, SuggestionFeedback] = {}
    for row in session.scalars(query):
        newest[row.suggestion_id] = SuggestionFeedback(
            suggestion_id=row.suggestion_id, tenant_id=row.tenant_id,
            outcome=row.outcome,  # type: ignore[arg-type]  # written from the Literal
            note=row.note, actor=row.actor,
            snooze_until=convert.from_utc(row.snooze_until, 0) if row.snooze_until else None,
            created_at=convert.from_utc(row.created_at, 0))
    return newest


def set_do_not_contact(session: Session, *, tenant_id: str, contact_id: str, is_blocked: bool,
                       reason: str | None, now: datetime) -> None:
    row = session.get(DoNotContactRow, (tenant_id, contact_id))
    if row is None:
        session.add(DoNotContactRow(tenant_id=tenant_id, contact_id=contact_id,
                                    is_blocked=is_blocked, reason=reason, updated_at=_utc(now)))
    else:
        row.is_blocked, row.reason, row.updated_at = is_blocked, reason, _utc(now)
    session.flush()


def blocked_contact_ids(session: Session, *, tenant_id: str) -> set[str]:
    query = select(DoNotContactRow.contact_id).where(DoNotContactRow.tenant_id == tenant_id,
                                                     DoNotContactRow.is_blocked.is_(True))
    return set(session.scalars(query))


def replace_status(session: Session, *, tenant_id: str, suggestion: Suggestion,
                   status: str) -> None:
    """Store the suggestion again with a new status (after feedback)."""
    row = session.get(SuggestionRow, (tenant_id, suggestion.id))
    if row is not None:
        row.body = suggestion.model_copy(update={"status": status}).model_dump(mode="json")
