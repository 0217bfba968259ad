"""A whole-tenant refresh split over processes by account.

Accounts are cut into contiguous id ranges, one per process; each process opens its own
database connection, reads only its slice (the bulk: touchpoints and insights) plus the small
tenant-wide inputs (accounts, the tenant's newest inbound touchpoints for the timing prior), and
returns its suggestions. The caller ranks, caps and stores them in one transaction. Channel reply
rates are smoothed toward the rates of the process's slice rather than the whole tenant's.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from sqlalchemy import create_engine, select

from assistant.models import Suggestion
from assistant.storage.db import Database, make_engine
from assistant.storage.rows import AccountRow
from assistant.suggestions.policy import SuggestionPolicy


def account_ranges(account_ids: list[str], parts: int) -> list[tuple[str, str]]:
    """Contiguous, inclusive (first, last) ranges of sorted ids, as even as possible."""
    ordered = sorted(account_ids)
    if not ordered:
        return []
    size = -(-len(ordered) // max(parts, 1))
    return [(ordered[i], ordered[min(i + size, len(ordered)) - 1])
            for i in range(0, len(ordered), size)]


def _compute_slice(url: str, tenant_id: str, now: datetime, policy: SuggestionPolicy,
                   default_timezone: str, account_range: tuple[str, str]) -> list[Suggestion]:
    from assistant.suggestions.service import compute_suggestions

    if url.startswith("sqlite"):
        # a plain reader: the store's engine starts every transaction with BEGIN IMMEDIATE
        # (the write lock), which would make the slices wait for each other; WAL mode lets
        # plain readers run side by side
        db = Database(create_engine(url, connect_args={"timeout": 30}))
    else:
        db = Database(make_engine(url))
    try:
        return compute_suggestions(db, tenant_id=tenant_id, now=now, policy=policy,
                                   default_timezone=default_timezone,
                                   account_range=account_range)
    finally:
        db.close()


def compute_in_parallel(db: Database, *, tenant_id: str, now: datetime,
                        policy: SuggestionPolicy, default_timezone: str, workers: int
                        ) -> list[Suggestion]:
    with db.session() as session:
        ids = list(session.scalars(select(AccountRow.id).where(AccountRow.tenant_id == tenant_id)))
    ranges = account_ranges(ids, workers)
    url = db.engine.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("fork")  # the workers inherit the loaded modules
    with ProcessPoolExecutor(max_workers=len(ranges) or 1, mp_context=context) as pool:
        futures = [pool.submit(_compute_slice, url, tenant_id, now, policy, default_timezone,
                               scope) for scope in ranges]
        return [s for future in futures for s in future.result()]
