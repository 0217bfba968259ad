"""Ingest rate: 1,000 generated emails through parse, identity, storage and rules extraction.

Runs against a fresh SQLite database in a temporary directory (or TOUCHPOINT_DATABASE_URL if
set), then ingests the same files again to time duplicate detection.
Usage: python benchmarks/ingest.py [--count 1000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

from assistant.bootstrap import open_store, pipeline_options
from assistant.config import load_settings
from assistant.pipeline import ingest_file

BODIES = ["We are on Salesforce today but the renewal price is too high. Could you send a quote "
          "by Friday?", "我们现在用的是纷享销客，数据录入太麻烦了。请在下周三之前把报价发给我。",
          "Thanks for the demo! Security needs your SOC 2 report before we sign next month."]


def write_emails(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        message = EmailMessage()
        message["From"] = f"Buyer {i} <buyer{i}@customer{i % 50}.example>"
        message["To"] = "rep@vendor.example"
        message["Subject"] = f"Question {i}"
        message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
        message["Message-ID"] = f"<m{i}@customer.example>"
        message.set_content((BODIES[i % 3] + "\n") * 8)
        path = folder / f"m{i:05d}.eml"
        path.write_bytes(bytes(message))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("TOUCHPOINT_DATA_DIR", str(Path(tmp) / "data"))
        settings = load_settings(vendor_domains=["vendor.example"])
        db = open_store(settings)
        options = pipeline_options(settings, audio=False)
        files = write_emails(Path(tmp), args.count)
        for label in ("first ingest", "re-ingest (duplicates)"):
            started = time.perf_counter()
            created = sum(len(ingest_file(db, path, options).created) for path in files)
            elapsed = time.perf_counter() - started
            print(f"{label:24} {len(files)} emails  {created:5d} stored  "
                  f"{len(files) / elapsed:7.1f} emails/s  ({settings.resolved_database_url.split(':')[0]})")


if __name__ == "__main__":
    main()
