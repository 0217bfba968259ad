"""API keys: each belongs to one tenant and has one role; only its sha256 is stored.

A key reads `tpk_<id>_<secret>`: the id names it in listings and audit records (it is not
secret), the secret is 32 random bytes. The whole key is shown once, at creation.

Verified keys are remembered in this process for `max_age_s` (the API passes
TOUCHPOINT_API_KEY_CACHE_S, 5 s by default), so a busy API does not look every request's key up.
Revocation is honoured at once in the process that revokes (its memory is cleared when the
revoking transaction commits) and within `max_age_s` in every other process — another API
worker, or the API when the CLI revoked. Unknown and revoked keys are never remembered.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from assistant.errors import BadInputError, NotFoundError, UnauthorizedError
from assistant.storage.api_rows import ApiKeyRow

Role = Literal["rep", "service", "evaluator", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
_KEY_SHAPE = re.compile(r"^tpk_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$")
_TENANT_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class ApiKey:
    """A stored key without its secret."""

    id: str
    tenant_id: str
    role: Role
    name: str | None
    owner: str | None
    created_at: datetime
    revoked_at: datetime | None

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _from_row(row: ApiKeyRow) -> ApiKey:
    return ApiKey(id=row.id, tenant_id=row.tenant_id, role=row.role,  # type: ignore[arg-type]
                  name=row.name, owner=row.owner, created_at=row.created_at,
                  revoked_at=row.revoked_at)


def create_key(session: Session, *, tenant_id: str, role: str, name: str | None = None,
               owner: str | None = None) -> tuple[ApiKey, str]:
    """Store a new key; returns it and the full key text, which is never available again."""
    if role not in ROLES:
        raise BadInputError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if not _TENANT_SHAPE.match(tenant_id):
        raise BadInputError(f"tenant {tenant_id!r}: use letters, digits, '.', '_' or '-' "
                            "(at most 64 characters)")
    if role == "rep" and not owner:
        raise BadInputError("a rep key needs --owner: the value of Account.owner for the "
                            "rep's accounts (e.g. their email), so it sees only those")
    key_id = secrets.token_hex(6)
    key = f"tpk_{key_id}_{secrets.token_urlsafe(32)}"
    row = ApiKeyRow(id=key_id, tenant_id=tenant_id, role=role, name=name, owner=owner,
                    key_hash=_digest(key), created_at=datetime.now(UTC), revoked_at=None)
    session.add(row)
    session.flush()
    return _from_row(row), key


def list_keys(session: Session, *, tenant_id: str | None = None) -> list[ApiKey]:
    """Keys (of one tenant, or all), oldest first, revoked ones included."""
    query = select(ApiKeyRow).order_by(ApiKeyRow.created_at, ApiKeyRow.id)
    if tenant_id is not None:
        query = query.where(ApiKeyRow.tenant_id == tenant_id)
    return [_from_row(r) for r in session.scalars(query)]


def revoke_key(session: Session, *, key_id: str, tenant_id: str | None = None) -> ApiKey:
    """Revoke a key at once (idempotent); `tenant_id` confines it to one tenant's keys."""
    row = session.get(ApiKeyRow, key_id)
    if row is None or (tenant_id is not None and row.tenant_id != tenant_id):
        raise NotFoundError(f"no API key {key_id!r}; list them with `touchpoint keys list`")
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
    forget_verified_keys()  # a request verifying the key before this commits may remember it:
    event.listen(session, "after_commit", lambda _: forget_verified_keys(), once=True)
    return _from_row(row)


class _VerifiedKeys:
    """Digest -> (key, monotonic expiry) of keys found active; bounded, thread-safe."""

    def __init__(self, limit: int = 10_000) -> None:
        self._found: dict[str, tuple[ApiKey, float]] = {}
        self._lock = threading.Lock()
        self._limit = limit

    def get(self, digest: str) -> ApiKey | None:
        found = self._found.get(digest)
        if found is None:
            return None
        if found[1] <= time.monotonic():
            with self._lock:
                self._found.pop(digest, None)
            return None
        return found[0]

    def put(self, digest: str, key: ApiKey, max_age_s: float) -> None:
        with self._lock:
            if len(self._found) >= self._limit:
                self._found.clear()
            self._found[digest] = (key, time.monotonic() + max_age_s)

    def clear(self) -> None:
        with self._lock:
            self._found.clear()


_verified = _VerifiedKeys()


def forget_verified_keys() -> None:
    """Drop every key this process remembers as verified (the next request looks it up)."""
    _verified.clear()


def remembered(key: str) -> ApiKey | None:
    """The key if this process verified it within its `max_age_s`, without a lookup."""
    return _verified.get(_digest(key))


def authenticate(session: Session, *, key: str, max_age_s: float = 0.0) -> ApiKey:
    """The active key matching `key`; UnauthorizedError when it is malformed, unknown or revoked.

    With `max_age_s` > 0 a key verified in the last `max_age_s` seconds is not looked up again
    (see the module docstring for what that means for revocation).
    """
    if not _KEY_SHAPE.match(key):
        raise UnauthorizedError("the bearer token is not a Touchpoint API key (tpk_...); create "
                                "one with `touchpoint keys create --tenant T --role R`")
    digest = _digest(key)
    if max_age_s > 0 and (known := _verified.get(digest)) is not None:
        return known
    row = session.scalars(select(ApiKeyRow).where(ApiKeyRow.key_hash == digest)).first()
    if row is None or row.revoked_at is not None:
        raise UnauthorizedError("this API key is unknown or revoked; ask an admin for a new one")
    found = _from_row(row)
    if max_age_s > 0:
        _verified.put(digest, found, max_age_s)
    return found
