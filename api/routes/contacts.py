"""DELETE /v1/contacts/{id}: erasure of a person and everything about them."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import AdminDep, StateDep
from assistant.bootstrap import retrieval_options
from assistant.erasure import erase_contact

router = APIRouter(prefix="/contacts", tags=["contacts"])


@router.delete("/{contact_id}")
def delete_contact(contact_id: str, viewer: AdminDep, state: StateDep) -> dict[str, int]:
    """Erase the contact, its touchpoints, events, raw sources and cached answers; an audit
    record (no personal data) says how much went."""
    return erase_contact(state.db, viewer, contact_id,
                         llm_cache=state.settings.data_dir / "llm_cache.sqlite3",
                         index=retrieval_options(state.settings).store)
