"""API keys of the caller's tenant (admin): list, create (the key is shown once), revoke."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import AdminDep, SessionDep
from assistant.storage import api_keys

router = APIRouter(prefix="/keys", tags=["keys"])


class KeyOut(BaseModel):
    id: str
    tenant: str
    role: str
    name: str | None
    owner: str | None
    created_at: str
    revoked_at: str | None


class KeyIn(BaseModel):
    role: Literal["rep", "service", "evaluator", "admin"]
    name: str | None = None
    owner: str | None = None


class NewKey(BaseModel):
    id: str
    key: str
    tenant: str
    role: str


def _out(key: api_keys.ApiKey) -> KeyOut:
    return KeyOut(id=key.id, tenant=key.tenant_id, role=key.role, name=key.name, owner=key.owner,
                  created_at=key.created_at.isoformat(),
                  revoked_at=key.revoked_at.isoformat() if key.revoked_at else None)


@router.get("", response_model=list[KeyOut])
def list_keys(viewer: AdminDep, session: SessionDep) -> list[KeyOut]:
    return [_out(k) for k in api_keys.list_keys(session, tenant_id=viewer.tenant_id)]


@router.post("", response_model=NewKey, status_code=201)
def create_key(body: KeyIn, viewer: AdminDep, session: SessionDep) -> NewKey:
    """A key in the caller's tenant; `key` is shown only in this answer."""
    key, secret = api_keys.create_key(session, tenant_id=viewer.tenant_id, role=body.role,
                                      name=body.name, owner=body.owner)
    return NewKey(id=key.id, key=secret, tenant=key.tenant_id, role=key.role)


@router.delete("/{key_id}", response_model=KeyOut)
def revoke_key(key_id: str, viewer: AdminDep, session: SessionDep) -> KeyOut:
    return _out(api_keys.revoke_key(session, key_id=key_id, tenant_id=viewer.tenant_id))
