"""Briefing latency on one account with 500 touchpoints (calls, emails, chats, tickets), no LLM.

The touchpoints are generated from English sentences with competitors, objections, next steps
and dates, extracted by the rules extractor and indexed with the bundled encoder, in a scratch
SQLite database. Timed: `build_briefing` with an agenda (so the hybrid search runs), and as the
anchor in the same run, reading the same 500 touchpoints with `repository.list_touchpoints`.
Usage: python benchmarks/briefing.py [--touchpoints 500] [--runs 30]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from assistant.briefing import build_briefing
from assistant.ingest.common import assemble_text
from assistant.models import Account, Segment, Source, Touchpoint
from assistant.storage import repository
from assistant.storage.db import open_database
from extractors.base import ExtractionContext
from extractors.catalog import load_catalog
from extractors.rules import RulesExtractor
from vector_index.faiss_store import StoreOptions
from vector_index.indexing import RetrievalOptions, index_touchpoint

CUSTOMER = ["We are currently on Salesforce and the renewal is in June.",
            "Honestly the price is too high for a team our size.",
            "Data entry takes hours every week.", "Could you send the revised quote by Friday?",
            "We're also evaluating HubSpot and Zendesk.", "Security needs your SOC 2 report first.",
            "The export keeps failing and nobody got back to us.",
            "Our CFO approved the budget for this quarter.", "How much is the Enterprise plan?",
            "Legal will push back on the auto-renewal terms."]
REP = ["I'll send the updated order form by Wednesday.", "Let's review the contract terms next "
       "Tuesday.", "I'll set up a call with our security team tomorrow.",
       "Thanks, that sounds great.", "I'll share the migration guide this afternoon."]


def make_touchpoint(i: int, rng: random.Random) -> Touchpoint:
    turns = []
    for turn in range(rng.randint(3, 6)):
        customer = turn % 2 == 0
        turns.append(Segment(speaker="Dana Reyes" if customer else "Alice Chen",
                             role="customer" if customer else "rep",
                             text=" ".join(rng.sample(CUSTOMER if customer else REP, 2))))
    channel = rng.choice(["call", "email", "chat", "meeting"])
    text, segments = assemble_text(turns)
    return Touchpoint(id=f"tp{i}", tenant_id="bench", account_id="acme", contact_ids=["ct1"],
                      channel=channel,  # type: ignore[arg-type]
                      occurred_at=datetime(2025, 9, 1, tzinfo=UTC) + timedelta(hours=7 * i),
                      source=Source(uri=f"bench:{i}", sha256="0" * 64, media_type="text/plain"),
                      segments=segments, text=text, language="en", subject=f"Touchpoint {i}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--touchpoints", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = open_database(f"sqlite:///{Path(scratch) / 'bench.db'}")
        options = RetrievalOptions(store=StoreOptions(directory=Path(scratch) / "index"))
        extractor, context = RulesExtractor(), ExtractionContext(catalog=load_catalog(None))
        rng = random.Random(3)
        with db.session() as session:
            repository.upsert_account(session, Account(id="acme", tenant_id="bench",
                                                       name="Acme Freight", stage="negotiation",
                                                       deal_value=120_000, timezone="UTC"))
        started = time.perf_counter()
        for i in range(args.touchpoints):
            tp = make_touchpoint(i, rng)
            with db.session() as session:
                repository.save_touchpoint(session, tp)
                repository.save_insights(session, tenant_id="bench",
                                         insights=extractor.extract(tp, context))
            index_touchpoint(db, tenant_id="bench", touchpoint_id=tp.id, options=options)
        print(f"setup: {args.touchpoints} touchpoints stored, extracted and indexed in "
              f"{time.perf_counter() - started:.1f} s")
        now = datetime(2026, 1, 15, tzinfo=UTC)
        build_briefing(db, tenant_id="bench", account_id="acme", agenda="renewal pricing",
                       now=now, retrieval=options)  # warm: load the index and the encoder
        briefing_ms, anchor_ms = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            briefing = build_briefing(db, tenant_id="bench", account_id="acme",
                                      agenda="renewal pricing", now=now, retrieval=options)
            briefing_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            with db.session() as session:
                repository.list_touchpoints(session, tenant_id="bench", account_id="acme",
                                            limit=500)
            anchor_ms.append((time.perf_counter() - started) * 1000)
        b50, b95 = np.percentile(briefing_ms, [50, 95])
        a50, a95 = np.percentile(anchor_ms, [50, 95])
        print(f"briefing on {briefing.touchpoints} touchpoints, {len(briefing.lines())} cited "
              f"lines: p50 {b50:.0f} ms, p95 {b95:.0f} ms (target p95 <= 300 ms)")
        print(f"anchor, reading the same touchpoints: p50 {a50:.0f} ms, p95 {a95:.0f} ms; "
              f"briefing / anchor at p95 {b95 / a95:.1f}x")
        db.close()


if __name__ == "__main__":
    main()
