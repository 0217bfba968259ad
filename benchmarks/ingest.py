"""Ingest rate against a plain anchor, on the same generated emails, in one run.

Touchpoint: every stage (receive, parse, resolve, store, rules extraction) through the same
runner the CLI uses, one process. Anchor: the standard library's email parser writing the same
rows with `sqlite3`, one commit per email, WAL — the least any ingest must do. The ratio is
what the pipeline costs over that floor; machines differ, so only the ratio travels.

Also printed: the same ingest with many accounts imported (lookups must be indexed, so the rate
should not move), re-ingest (duplicates), Postgres when TOUCHPOINT_BENCH_POSTGRES is a URL (or
the local server answers), and bytes stored per email.

Before anything is timed, a few other emails are ingested into a scratch database: what a
process does once (the extractor's lexicons, SQLAlchemy compiling each statement) is not part
of an ingest rate, as the anchor's imports are not part of its rate. On a shared machine the
anchor, the SQLite ingest and the one with many accounts are each run `--repeat` times,
alternately, and the best of each is compared (the range is printed beside it). The accounts
are imported before the ingest opens the database, as `touchpoint import-accounts` would.
Usage: python benchmarks/ingest.py [--count 2000] [--accounts 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import tempfile
import time
import uuid
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from sqlalchemy import create_engine, text

from assistant.bootstrap import open_store, runtime
from assistant.cli.ingest import run_files
from assistant.config import load_settings
from assistant.ingest.files import FileSource
from assistant.pipeline import Runtime, SourceOptions
from assistant.storage.db import Database
from assistant.storage.rows import AccountDomainRow, AccountRow

BODIES = ["We are on Salesforce today but the renewal price is too high. Could you send a quote "
          "by Friday?", "我们现在用的是纷享销客，数据录入太麻烦了。请在下周三之前把报价发给我。",
          "Thanks for the demo! Security needs your SOC 2 report before we sign next month."]
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def write_emails(folder: Path, count: int, first: int = 0) -> list[Path]:
    paths = []
    for i in range(first, first + count):
        message = EmailMessage()
        message["From"] = f"Buyer {i} <buyer{i}@customer{i % 50}.example>"
        message["To"] = "rep@vendor.example"
        message["Subject"] = f"Question {i}"
        message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
        message["Message-ID"] = f"<m{i}@customer.example>"
        message.set_content(BODIES[i % 3])
        path = folder / f"m{i:05d}.eml"
        path.write_bytes(bytes(message))
        paths.append(path)
    return paths


def anchor(paths: list[Path], database: Path) -> float:
    """Emails/s for stdlib parsing plus sqlite3 rows, a commit per email."""
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE touchpoints (id TEXT PRIMARY KEY, sender TEXT, occurred_at TEXT, "
               "subject TEXT, text TEXT, raw BLOB)")
    started = time.perf_counter()
    for path in paths:
        raw = path.read_bytes()
        message = message_from_bytes(raw, policy=default_policy)
        body = message.get_body(preferencelist=("plain",))
        db.execute("BEGIN")
        db.execute("INSERT OR IGNORE INTO touchpoints VALUES (?, ?, ?, ?, ?, ?)",
                   (message["Message-ID"], str(message["From"]), str(message["Date"]),
                    str(message["Subject"]), body.get_content() if body else "", raw))
        db.execute("COMMIT")
    rate = len(paths) / (time.perf_counter() - started)
    db.close()
    return rate


def import_accounts(db: Database, count: int) -> None:
    with db.session() as session:
        session.add_all(AccountRow(tenant_id="default", id=f"a{i}", name=f"Account {i}",
                                   domains=[f"account{i}.example"]) for i in range(count))
        session.add_all(AccountDomainRow(tenant_id="default", domain=f"account{i}.example",
                                         account_id=f"a{i}") for i in range(count))


def ingest(db: Database, paths: list[Path], run: Runtime) -> tuple[float, int]:
    """What `touchpoint ingest <folder>` does once it has found the files."""
    started = time.perf_counter()
    outcomes = run_files(db, [FileSource(p, str(p)) for p in paths], SourceOptions(), run,
                         tenant_id="default", quiet=True)
    created = sum(len(o.created) for o in outcomes)
    return len(paths) / (time.perf_counter() - started), created


def run_on(url: str, paths: list[Path], accounts: int) -> dict[str, float]:
    # issue 9 measures ingest "with the rules extractor on", whatever the default extractor is
    settings = load_settings(vendor_domains=["vendor.example"], database_url=url,
                             extractor="rules")
    if accounts:  # as `touchpoint import-accounts` would, before and apart from the ingest
        importer = open_store(settings)
        import_accounts(importer, accounts)
        importer.close()
    db = open_store(settings)
    run = runtime(settings, audio=False)
    rate, created = ingest(db, paths, run)
    again, _ = ingest(db, paths, run)
    assert created == len(paths), f"stored {created} of {len(paths)}"
    db.close()
    return {"rate": rate, "reingest": again}


def postgres_url() -> str | None:
    if os.environ.get("TOUCHPOINT_BENCH_POSTGRES"):
        return os.environ["TOUCHPOINT_BENCH_POSTGRES"]
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return None
    name = f"touchpoint_bench_{uuid.uuid4().hex[:8]}"
    with create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def drop_postgres(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def warm_up(folder: Path) -> None:
    """Ingest a few other emails into a scratch database (see the module docstring)."""
    warm = folder / "warm-up"
    warm.mkdir()
    run_on(f"sqlite:///{warm / 'warm.db'}", write_emails(warm, 100, first=10**6), 0)


def best(rates: list[float]) -> str:
    return f"{max(rates):8.1f} emails/s  ({min(rates):.0f}-{max(rates):.0f} over {len(rates)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["TOUCHPOINT_DATA_DIR"] = str(folder / "data")
        paths = write_emails(folder, args.count)
        warm_up(folder)
        floors: list[float] = []
        runs: list[dict[str, float]] = []
        crowded: list[float] = []
        for attempt in range(args.repeat):
            floors.append(anchor(paths, folder / f"anchor{attempt}.db"))
            runs.append(run_on(f"sqlite:///{folder / f'plain{attempt}.db'}", paths, 0))
            crowded.append(run_on(f"sqlite:///{folder / f'many{attempt}.db'}", paths,
                                  args.accounts)["rate"])
        floor, plain = max(floors), max(r["rate"] for r in runs)
        size = sum(p.stat().st_size for p in folder.glob("plain0.db*"))
        print(f"anchor (stdlib email + sqlite3)   {best(floors)}")
        print(f"touchpoint, SQLite, rules         {best([r['rate'] for r in runs])}   "
              f"ratio {floor / plain:.2f}x the anchor")
        print(f"  re-ingest (duplicates)          {best([r['reingest'] for r in runs])}")
        print(f"  bytes stored per email          {size / args.count:8.0f}")
        print(f"  with {args.accounts:,} accounts     {best(crowded)}   "
              f"{plain / max(crowded):.2f}x slower than with none")
        url = None if args.no_postgres else postgres_url()
        if url:
            try:
                pg = run_on(url, paths, 0)
                print(f"touchpoint, Postgres, rules       {pg['rate']:8.1f} emails/s   "
                      f"ratio {floor / pg['rate']:.2f}x the anchor")
            finally:
                if not os.environ.get("TOUCHPOINT_BENCH_POSTGRES"):
                    drop_postgres(url)


if __name__ == "__main__":
    main()
