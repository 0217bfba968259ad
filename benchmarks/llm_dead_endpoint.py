"""Time for a batch of touchpoints against a dead or hung LLM endpoint, with and without the breaker.

The endpoint is on 127.0.0.1: a closed port (connections refused) and the test suite's fake
OpenAI server answering nothing (hang). Every touchpoint gets a new LLMExtractor, as separate
pipeline runs would; the breaker is per process and per base URL, so they share it. The anchor
is the same loop with the breaker disabled (a threshold nobody reaches), over fewer touchpoints,
extrapolated to the batch; the ratio is printed.
Usage: python benchmarks/llm_dead_endpoint.py [--count 50] [--anchor-count 2] [--hang-timeout 5]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

from assistant.errors import ProviderError
from extractors.base import ExtractionContext
from extractors.llm import LLMExtractor, LLMOptions
from extractors.llm.breaker import clear_breakers
from extractors.llm.client import ClientOptions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fake_openai_server import FakeOpenAIServer, closed_port_url, hang  # noqa: E402
from llm_fixtures import english_touchpoint  # noqa: E402


def run_batch(client: ClientOptions, count: int) -> list[float]:
    """Seconds each touchpoint took to fail."""
    durations = []
    for i in range(count):
        extractor = LLMExtractor(LLMOptions(client=client))
        tp = english_touchpoint().model_copy(update={"id": f"tp_{i}"})
        began = time.perf_counter()
        with contextlib.suppress(ProviderError):  # every call fails; only its time matters
            extractor.extract(tp, ExtractionContext())
        durations.append(time.perf_counter() - began)
    return durations


def report(label: str, durations: list[float], anchor: list[float], count: int) -> None:
    total = sum(durations)
    anchor_total = statistics.mean(anchor) * count
    print(f"{label}: {count} touchpoints in {total:.1f}s (first {durations[0]:.2f}s, "
          f"calls 2..{count} max {max(durations[1:]) * 1000:.1f} ms, median "
          f"{statistics.median(durations[1:]) * 1000:.2f} ms)")
    print(f"  anchor without breaker: {statistics.mean(anchor):.1f}s per touchpoint, "
          f"~{anchor_total:.0f}s for {count}; ratio {anchor_total / total:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--anchor-count", type=int, default=2)
    parser.add_argument("--hang-timeout", type=float, default=5.0,
                        help="TOUCHPOINT_LLM_TIMEOUT_S for the hang case (default 60 in production)")
    args = parser.parse_args()

    url = closed_port_url()
    defaults = ClientOptions(base_url=url, api_key="sk-bench")
    no_breaker = ClientOptions(base_url=url, api_key="sk-bench", breaker_failures=10**9)
    clear_breakers()
    anchor = run_batch(no_breaker, args.anchor_count)
    clear_breakers()
    report("closed port, defaults", run_batch(defaults, args.count), anchor, args.count)

    server = FakeOpenAIServer().start()
    server.script(hang())
    try:
        timeout = args.hang_timeout
        hung = ClientOptions(base_url=server.base_url, api_key="sk-bench", timeout_s=timeout,
                             deadline_s=2 * timeout)
        clear_breakers()
        anchor = run_batch(ClientOptions(base_url=server.base_url, api_key="sk-bench",
                                         timeout_s=timeout, deadline_s=2 * timeout,
                                         breaker_failures=10**9), args.anchor_count)
        clear_breakers()
        before = len(server.requests)
        report(f"hung endpoint, timeout {timeout:g}s, deadline {2 * timeout:g}s",
               run_batch(hung, args.count), anchor, args.count)
        print(f"  requests that reached the hung server with the breaker: "
              f"{len(server.requests) - before} of {args.count}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
