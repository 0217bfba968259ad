"""Accounts: POST /v1/accounts:import (CSV or JSON, as `touchpoint import-accounts`),
GET /v1/accounts/{id}, DELETE /v1/accounts/{id} (erasure)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from api.deps import AdminDep, CallerDep, SessionDep, StateDep
from api.masking import account_view
from assistant.accounts import import_accounts
from assistant.bootstrap import retrieval_options
from assistant.erasure import erase_account
from assistant.errors import BadInputError
from assistant.storage.visibility import visible_account

router = APIRouter(prefix="/accounts", tags=["accounts"])


class ImportResult(BaseModel):
    accounts: int
    contacts: int
    errors: list[str]


_IMPORT_BODY = {"content": {
    "application/json": {"schema": {"type": "object", "properties": {
        "accounts": {"type": "array", "items": {"type": "object"}}}, "required": ["accounts"]}},
    "text/csv": {"schema": {"type": "string"}}}, "required": True}


@router.post(":import", response_model=ImportResult, openapi_extra={"requestBody": _IMPORT_BODY})
async def import_accounts_route(request: Request, state: StateDep,
                                viewer: AdminDep) -> ImportResult:
    """Create or update accounts and contacts; importing again never duplicates."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    content = await request.body()
    if media == "application/json":
        try:
            parsed: Any = json.loads(content)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadInputError(f"accounts import: the body is not valid JSON ({exc})") from exc
        if not isinstance(parsed, dict) or not isinstance(parsed.get("accounts"), list):
            raise BadInputError('accounts import: expected {"accounts": [...]} as in '
                                "`touchpoint import-accounts accounts.json`")
        suffix = ".json"
    elif media in ("text/csv", "application/csv"):
        suffix = ".csv"
    else:
        raise BadInputError(f"accounts import: content type {media or 'none'!r}; send "
                            "application/json or text/csv")
    with state.db.session() as session:
        summary = import_accounts(session, tenant_id=viewer.tenant_id, content=content,
                                  uri=f"accounts{suffix}",
                                  default_region=state.settings.phone_region)
    return ImportResult(accounts=summary.accounts, contacts=summary.contacts,
                        errors=list(summary.errors))


@router.get("/{account_id}")
def get_account(account_id: str, viewer: CallerDep, session: SessionDep) -> dict[str, Any]:
    """One account (service keys see no deal value)."""
    return account_view(visible_account(session, viewer, account_id), viewer.role)


@router.delete("/{account_id}")
def delete_account(account_id: str, viewer: AdminDep, state: StateDep) -> dict[str, int]:
    """Erase the account, its contacts, their touchpoints, events, raw sources and cached
    answers; an audit record (no personal data) says how much went."""
    return erase_account(state.db, viewer, account_id,
                         llm_cache=state.settings.data_dir / "llm_cache.sqlite3",
                         index=retrieval_options(state.settings).store)
