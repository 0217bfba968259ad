"""WhatsApp export parsing speed: Touchpoint's parser (every locale's header grammar, date order
inferred, notices and placeholders dropped) against a plain anchor (one regex for one known
Android header shape, no dates read) on the same generated export, in one run.

    .venv/bin/python benchmarks/whatsapp_parse.py [messages]
"""

from __future__ import annotations

import random
import re
import sys
import time
from datetime import datetime, timedelta

from assistant.ingest.chat_text import text_log_messages
from assistant.ingest.common import ParseOptions

_ANCHOR = re.compile(r"^(\d{1,2}/\d{1,2}/\d{2,4}), (\d{1,2}:\d{2}) - ([^:]+): (.*)$")


def generated_export(messages: int) -> str:
    rng = random.Random(7)
    moment = datetime(2024, 1, 1, 9, 0)
    lines = [f"{moment:%d/%m/%Y}, {moment:%H:%M} - Messages and calls are end-to-end encrypted."]
    for number in range(messages):
        moment += timedelta(minutes=rng.randint(1, 90))
        sender = rng.choice(["Dana Park", "Sam Ortiz", "+1 415 555 0100"])
        text = rng.choice(["Can you send the quote?", "<Media omitted>", "Sure, by Friday.",
                           f"Order {number} confirmed\nsecond line of the message"])
        lines.append(f"{moment:%d/%m/%Y}, {moment:%H:%M} - {sender}: {text}")
    return "\n".join(lines) + "\n"


def anchor(text: str) -> int:
    count = 0
    for line in text.split("\n"):
        if _ANCHOR.match(line):
            count += 1
    return count


def best_of(runs: int, call, *args) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call(*args)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    text = generated_export(count)
    options = ParseOptions()
    ours = best_of(3, text_log_messages, text, "whatsapp", options, "bench.txt")
    plain = best_of(3, anchor, text)
    print(f"{count:,} messages ({len(text) / 1e6:.1f} MB): Touchpoint {count / ours:,.0f} msg/s "
          f"({ours * 1000:.0f} ms), anchor {count / plain:,.0f} msg/s ({plain * 1000:.0f} ms), "
          f"ratio {ours / plain:.1f}x")


if __name__ == "__main__":
    main()
