"""Suggestions refresh for a tenant with 5,000 accounts and 200,000 touchpoints.

Fills a fresh SQLite database (or TOUCHPOINT_DATABASE_URL) with a year of generated history:
accounts in China, Europe and the US, 2.5 contacts each, touchpoints both ways on every channel,
insights (sentiment, competitors, next steps, pain points, all with located quotes) on the last
60 days, and web events. Then times one full `refresh_suggestions` (read everything, run every
rule, learn timing, value, schedule, write the suggestions) against a plain anchor in the same
run: reading the tenant's touchpoint stamps once. The target is 10 s on 2 cores.
Usage: python benchmarks/suggestions.py [--accounts 5000] [--touchpoints 200000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from assistant.bootstrap import open_store
from assistant.config import load_settings
from assistant.storage import repository
from assistant.storage.rows import AccountRow, ContactRow, EventRow, InsightRunRow, TouchpointRow
from assistant.suggestions import refresh_suggestions

NOW = datetime(2026, 3, 17, 9, 0, tzinfo=UTC)
ZONES = ("Asia/Shanghai", "Europe/Berlin", "Europe/London", "America/New_York",
         "America/Los_Angeles")
STAGES = ("lead", "discovery", "evaluation", "trial", "proposal", "negotiation", "customer")
CHANNELS = ("email", "email", "chat", "call", "meeting", "ticket")
LINES = ["We are also evaluating HubSpot for the service desk.",
         "The CSV export fails with error 500 again.",
         "I'll send the revised quote by Friday.",
         "This is unacceptable, the outage cost us a day.",
         "Thanks, that works for us."]


def _evidence(text: str, phrase: str) -> dict:
    start = text.index(phrase)
    return {"quote": phrase, "start": start, "end": start + len(phrase)}


def _insights(tp_id: str, text: str, rng: random.Random, occurred: datetime) -> dict:
    body: dict = {"touchpoint_id": tp_id, "provenance": {"extractor": "rules",
                                                         "extractor_version": "bench"}}
    if "evaluating HubSpot" in text:
        body["competitors"] = [{"name": "HubSpot", "alias": "HubSpot", "stance": "evaluating",
                                "evidence": _evidence(text, "evaluating HubSpot")}]
    if "CSV export fails" in text:
        body["pain_points"] = [{"text": "The CSV export fails with error 500 again.",
                                "evidence": _evidence(text, "CSV export fails")}]
    if "revised quote" in text:
        body["next_steps"] = [{"action": "send the revised quote", "owner": "rep",
                               "due": (occurred + timedelta(days=rng.randint(1, 6))).date()
                               .isoformat(), "evidence": _evidence(text, "send the revised quote")}]
    if "unacceptable" in text:
        body["sentiment"] = {"label": "negative", "score": -0.7,
                             "evidence": [_evidence(text, "unacceptable")]}
    else:
        body["sentiment"] = {"label": "positive", "score": 0.4}
    return body


def fill(db, *, tenant: str, accounts: int, touchpoints: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    account_rows, contact_rows = [], []
    contacts_of: dict[str, list[str]] = {}
    for a in range(accounts):
        account_id = f"a{a:05d}"
        zone = ZONES[a % len(ZONES)]
        account_rows.append(dict(tenant_id=tenant, id=account_id, name=f"Account {a}",
                                 domains=[f"acct{a}.example"], timezone=zone,
                                 stage=STAGES[a % len(STAGES)],
                                 deal_value=float(rng.randint(5, 500) * 1000), owner=f"rep{a % 40}",
                                 crm_id=None))
        contacts_of[account_id] = []
        for c in range(2 + (a % 2)):
            contact_id = f"c{a:05d}_{c}"
            contacts_of[account_id].append(contact_id)
            contact_rows.append(dict(tenant_id=tenant, id=contact_id, account_id=account_id,
                                     name=f"Contact {a}.{c}", emails=[f"p{c}@acct{a}.example"],
                                     phones=[], handles=[], timezone=zone, title=None,
                                     crm_id=None, needs_review=False, merged_into=None))
    with db.session() as session:
        session.execute(insert(AccountRow), account_rows)
        session.execute(insert(ContactRow), contact_rows)
    account_ids = list(contacts_of)
    batch, runs, events = [], [], []
    for i in range(touchpoints):
        account_id = account_ids[i % accounts]
        occurred = NOW - timedelta(minutes=rng.randint(60, 365 * 24 * 60))
        text = rng.choice(LINES)
        channel = rng.choice(CHANNELS)
        tp_id = f"tp{i:07d}"
        batch.append(dict(
            tenant_id=tenant, id=tp_id, account_id=account_id,
            contact_ids=[rng.choice(contacts_of[account_id])], channel=channel,
            direction=rng.choice(("inbound", "outbound")), occurred_at=occurred,
            utc_offset_min=0, language="en", subject=None, thread_id=None,
            ticket_id=f"t{i}" if channel == "ticket" else None,
            source={"uri": f"bench:{i}", "sha256": "0" * 64, "media_type": "text/plain"},
            segments=[{"speaker": "Dana", "role": "customer", "text": text, "start": 0,
                       "end": len(text)}], text=text, participants=[], attachments=[],
            meta={"assignee": "Sam"} if channel == "ticket" else {}, status="extracted",
            error=None, created_at=NOW, updated_at=NOW))
        if occurred > NOW - timedelta(days=60):
            runs.append(dict(tenant_id=tenant, touchpoint_id=tp_id, extractor="rules",
                             extractor_version="bench", prompt_hash=None, created_at=NOW,
                             body=_insights(tp_id, text, rng, occurred)))
        if i % 10 == 0:
            events.append(dict(tenant_id=tenant, id=f"ev{i}", account_id=account_id,
                               contact_id=contacts_of[account_id][0], kind="page_viewed",
                               occurred_at=NOW - timedelta(hours=rng.randint(1, 24 * 20)),
                               utc_offset_min=0,
                               properties={"url": "https://vendor.example/pricing"}))
        if len(batch) == 20_000 or i == touchpoints - 1:
            with db.session() as session:
                session.execute(insert(TouchpointRow), batch)
                if runs:
                    session.execute(insert(InsightRunRow), runs)
                if events:
                    session.execute(insert(EventRow), events)
            batch, runs, events = [], [], []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--touchpoints", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("TOUCHPOINT_DATA_DIR", str(Path(tmp) / "data"))
        db = open_store(load_settings())
        started = time.perf_counter()
        fill(db, tenant="bench", accounts=args.accounts, touchpoints=args.touchpoints)
        print(f"setup: {args.accounts} accounts, {args.touchpoints} touchpoints in "
              f"{time.perf_counter() - started:.1f} s (not timed below)")
        started = time.perf_counter()
        with db.session() as session:
            stamps = repository.list_touchpoint_stamps(session, tenant_id="bench", until=NOW)
        anchor = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        single = refresh_suggestions(db, tenant_id="bench", now=NOW)
        single_elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"refresh_suggestions, 1 process: {len(single)} suggestions  "
              f"{single_elapsed:6.2f} s wall, {cpu:.2f} s CPU")
        workers = os.cpu_count() or 1
        started, cpu = time.perf_counter(), time.process_time()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        found = refresh_suggestions(db, tenant_id="bench", now=NOW, workers=workers)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        rules: dict[str, int] = {}
        for suggestion in found:
            rules[suggestion.rule_id] = rules.get(suggestion.rule_id, 0) + 1
        print(f"anchor: read {len(stamps)} touchpoint stamps      {anchor:6.2f} s")
        print(f"refresh_suggestions, {workers} processes: {len(found)} suggestions  "
              f"{elapsed:6.2f} s wall ({elapsed / anchor:.1f}x the anchor; target 10 s on 2 "
              f"cores) {'OK' if elapsed <= 10 else 'OVER'}; load average "
              f"{os.getloadavg()[0]:.1f} (other work on the machine slows the wall clock)")
        print(f"  CPU: {cpu:.2f} s in the parent, {worker_cpu:.2f} s in {workers} workers; on an "
              f"idle machine about {cpu + worker_cpu / workers:.1f} s")
        print("by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(rules.items())))


if __name__ == "__main__":
    main()
