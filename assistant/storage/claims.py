"""Claims: which process is working on a source or a touchpoint, so each stage runs once.

Two processes (or two Celery workers) given the same sources must store and extract each
touchpoint once. A file lock would not reach a worker on another machine, so the claim lives in
the row itself: `claimed_by` names the process (host, pid, and the pid's start time, so a reused
pid is not mistaken for the original) and `claimed_at` when it took the row. Taking a claim is a
compare-and-swap on the value last seen, which the database serializes.

A claim is free to take when nobody holds it, when it is older than the lease, or when its
holder ran on this host and is gone (killed mid-ingest): a re-run right after a SIGKILL finishes
the work instead of waiting out the lease.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from assistant.storage.rows import SourceRow, TouchpointRow

LEASE = timedelta(hours=1)  # a holder on another host is presumed dead after this long
_HOST = socket.gethostname()


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot ("" where /proc is not available)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            stat = handle.read()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[-1].split()[19]  # field 22, counted after the command name


def process_token() -> str:
    """This process's claim name (recomputed after a fork, since the pid changes)."""
    pid = os.getpid()
    return f"{_HOST}:{pid}:{_start_time(pid)}"


def _holder_is_gone(token: str) -> bool:
    host, _, rest = token.partition(":")
    pid_text, _, started = rest.partition(":")
    if host != _HOST or not pid_text.isdigit():
        return False  # another machine's process: only the lease can free its claim
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return bool(started) and _start_time(pid) != started


def is_free(claimed_by: str | None, claimed_at: datetime | None, *, me: str,
            now: datetime) -> bool:
    """Whether a row claimed like this may be taken by `me`."""
    if claimed_by is None or claimed_by == me:
        return True
    if claimed_at is not None:
        held_since = claimed_at if claimed_at.tzinfo else claimed_at.replace(tzinfo=UTC)
        if now - held_since > LEASE:
            return True
    return _holder_is_gone(claimed_by)


def take(session: Session, row: SourceRow | TouchpointRow, *, me: str) -> bool:
    """Claim `row` for `me` if it is free; False when a live process holds it."""
    now = datetime.now(UTC)
    seen = row.claimed_by
    if not is_free(seen, row.claimed_at, me=me, now=now):
        return False
    table = type(row)
    holder = table.claimed_by.is_(None) if seen is None else table.claimed_by == seen
    result = session.execute(
        update(table).where(table.tenant_id == row.tenant_id, table.id == row.id, holder)
        .values(claimed_by=me, claimed_at=now).execution_options(synchronize_session=False))
    taken = result.rowcount == 1  # type: ignore[attr-defined]
    if taken:
        row.claimed_by, row.claimed_at = me, now
    return taken
