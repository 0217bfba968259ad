"""Rules-extractor throughput on generated 1-2 KB emails and call transcripts, English and Chinese.

Prints touchpoints per second on one process (the machine has 2 cores; extraction is CPU-bound
and single-threaded per process, so two worker processes roughly double it).
Usage: python benchmarks/extraction.py [--count 3000]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta

from assistant.ingest.common import assemble_text
from assistant.models import Segment, Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.catalog import load_catalog
from extractors.rules import RulesExtractor

EN = ["We are currently on Salesforce and the renewal is in June.",
      "Honestly the price is too high for a team our size.", "Data entry takes hours every week.",
      "Could you send the revised quote by Friday?", "I'll set up a call with our CFO next Tuesday.",
      "We're also evaluating HubSpot and Zendesk.", "Security needs your SOC 2 report first.",
      "The export keeps failing and nobody got back to us.", "That sounds great, thanks a lot.",
      "Let's review the contract terms at the end of the month.", "How much is the Enterprise plan?"]
ZH = ["我们现在用的是纷享销客，数据录入太麻烦了。", "价格有点高，超出预算了。", "我下周三之前把报价发给您。",
      "我们也在评估销售易和钉钉的方案。", "老板说月底之前要定下来。", "安全合规是我们最关心的问题。",
      "系统经常卡顿，门店同事很着急。", "好的，谢谢，整体还是比较满意的。", "请问专业版多少钱一个人？",
      "麻烦你们明天上午把合同发过来。", "我们打算换掉金蝶，迁移到新系统。"]


def make_touchpoint(i: int, rng: random.Random) -> Touchpoint:
    zh = i % 2 == 1
    pool = ZH if zh else EN
    turns, size = [], 0
    target = rng.randint(1000, 2000)
    while size < target:
        role = "rep" if len(turns) % 2 == 0 else "customer"
        body = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        turns.append(Segment(speaker=("王磊" if zh else "Alice") if role == "rep" else
                             ("李娜" if zh else "Dana"), role=role, text=body))
        size += len(body.encode())
    channel = "email" if i % 4 < 2 else "call"
    text, segments = assemble_text(turns, label_speakers=channel != "email")
    return Touchpoint(id=f"tp{i}", tenant_id="bench", channel=channel,
                      occurred_at=datetime(2026, 3, 2, tzinfo=UTC) + timedelta(hours=i),
                      source=Source(uri=f"bench:{i}", sha256="0" * 64, media_type="text/plain"),
                      segments=segments, text=text, language="zh" if zh else "en")


def _extract_range(bounds: tuple[int, int]) -> int:
    rng = random.Random(7)
    touchpoints = [make_touchpoint(i, rng) for i in range(bounds[1])][bounds[0]:]
    extractor, context = RulesExtractor(), ExtractionContext(catalog=load_catalog(None))
    return sum(len(extractor.extract(tp, context).competitors) >= 0 for tp in touchpoints)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=3000)
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    half = args.count // workers
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_extract_range, [(0, 10)] * workers))  # start and warm the workers
        started = time.perf_counter()
        done = sum(pool.map(_extract_range, [(i * half, (i + 1) * half) for i in range(workers)]))
        elapsed = time.perf_counter() - started
    print(f"rules extractor  all  {done:5d} touchpoints  {workers} processes       "
          f"{done / elapsed:8.1f} touchpoints/s (includes generating them)")
    rng = random.Random(7)
    touchpoints = [make_touchpoint(i, rng) for i in range(args.count)]
    extractor = RulesExtractor()
    context = ExtractionContext(catalog=load_catalog(None))
    extractor.extract(touchpoints[0], context)  # warm caches (lexicons, compiled patterns)
    for language in ("en", "zh", "all"):
        subset = [t for t in touchpoints if language == "all" or t.language == language]
        started = time.perf_counter()
        items = 0
        for tp in subset:
            items += len(extractor.extract(tp, context).next_steps)
        elapsed = time.perf_counter() - started
        kb = sum(len(t.text.encode()) for t in subset) / len(subset) / 1024
        print(f"rules extractor  {language:>3}  {len(subset):5d} touchpoints  avg {kb:.1f} KB  "
              f"{len(subset) / elapsed:8.1f} touchpoints/s  ({items} next steps)")


if __name__ == "__main__":
    main()
