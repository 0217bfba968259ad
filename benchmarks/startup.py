"""Whole-process start-up: `touchpoint --help` and `touchpoints list` of 1,000 touchpoints.

A command line is judged by how long the user waits for the whole process, imports included,
so this runs the installed `touchpoint` as a subprocess (best of several runs) beside the plain
interpreter starting and exiting (`python -c pass`), the floor any Python command pays.
Usage: python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest import write_emails  # benchmarks/ingest.py: the same generated emails

TOUCHPOINT = str(Path(sys.executable).with_name("touchpoint"))


def best_of(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TOUCHPOINT_DATA_DIR": str(Path(tmp) / "data")}
        env.pop("TOUCHPOINT_DATABASE_URL", None)
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        write_emails(inbox, 1000)
        subprocess.run([TOUCHPOINT, "ingest", str(inbox), "--no-extract"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        floor = best_of([sys.executable, "-c", "pass"], args.runs, env)
        shown = best_of([TOUCHPOINT, "--help"], args.runs, env)
        listed = best_of([TOUCHPOINT, "touchpoints", "list", "--limit", "1000"], args.runs, env)
        print(f"python -c pass (anchor)                {floor * 1000:7.0f} ms")
        print(f"touchpoint --help                      {shown * 1000:7.0f} ms   "
              f"{shown / floor:.1f}x the anchor")
        print(f"touchpoint touchpoints list (1,000)    {listed * 1000:7.0f} ms   "
              f"{listed / floor:.1f}x the anchor")


if __name__ == "__main__":
    main()
