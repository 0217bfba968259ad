"""Rules-extractor throughput on generated 1-2 KB emails and call transcripts, English and Chinese.

One process, one core. Beside it, in the same run and on the same texts, a naive regex anchor:
one alternation of every catalog alias as written plus one of commitment and date words,
`findall` over each text (the "naive regex pass" the extractor was once ten times slower than).
Both are timed in CPU seconds of this process (`time.process_time`), so other load on the machine
changes them little; wall-clock rates are printed too. The ratio is rules time / anchor time.

Then rules, the bundled encoder alone (batches of 32 sentences) and the combined extractor
(`extract_many`, 16 touchpoints a call) side by side in sentences per second on the first
`--learned-count` texts; the combined extractor's target is half the bare encoder's rate.
Usage: python benchmarks/extraction.py [--count 3000] [--learned-count 60]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
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


NAIVE_CUES = (r"\b(?:I'll|we'll|will|please|could you|can you|let's|tomorrow|today|next week|"
              r"monday|tuesday|wednesday|thursday|friday|end of (?:the )?month|price|budget)\b|"
              r"明天|今天|下周|周[一二三四五]|月底|请|麻烦|发给|价格|预算")


def naive_anchor(catalog_aliases: list[str]) -> Callable[[str], int]:
    """One findall of all aliases and one of cue words per text: the plain regex pass."""
    names = re.compile("|".join(sorted((re.escape(a.lstrip("=")) for a in catalog_aliases),
                                       key=len, reverse=True)))
    cues = re.compile(NAIVE_CUES)
    return lambda text: len(names.findall(text)) + len(cues.findall(text))


def timed(run: Callable[[], int]) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, result) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = run()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--learned-count", type=int, default=60)
    args = parser.parse_args()
    rng = random.Random(7)
    touchpoints = [make_touchpoint(i, rng) for i in range(args.count)]
    extractor = RulesExtractor()
    catalog = load_catalog(None)
    context = ExtractionContext(catalog=catalog)
    anchor = naive_anchor([alias for aliases in catalog.aliases.values() for alias in aliases])
    extractor.extract(touchpoints[0], context)  # warm caches (lexicons, compiled patterns)
    for language in ("en", "zh", "all"):
        subset = [t for t in touchpoints if language == "all" or t.language == language]
        cpu, wall, items = timed(lambda subset=subset: sum(  # type: ignore[misc]
            len(extractor.extract(tp, context).next_steps) for tp in subset))
        anchor_cpu, _, _ = timed(lambda subset=subset: sum(  # type: ignore[misc]
            anchor(tp.text) for tp in subset))
        kb = sum(len(t.text.encode()) for t in subset) / len(subset) / 1024
        print(f"rules extractor  {language:>3}  {len(subset):5d} texts  avg {kb:.1f} KB  "
              f"{len(subset) / cpu:8.1f} texts/s CPU ({len(subset) / wall:7.1f} wall)  "
              f"naive regex anchor {len(subset) / anchor_cpu:8.1f} texts/s CPU  "
              f"ratio {cpu / anchor_cpu:5.1f}x  ({items} next steps)")
    if args.learned_count:
        side_by_side(touchpoints[: args.learned_count], extractor, context)


def side_by_side(touchpoints: list[Touchpoint], rules: RulesExtractor,
                 context: ExtractionContext) -> None:
    """Rules, the encoder alone and the combined extractor, in sentences/s of wall time."""
    from extractors.learned import CombinedExtractor
    from extractors.learned.encoder import encode_sentences
    from extractors.rules.sentences import split_sentences

    texts = [s.text for tp in touchpoints for s in split_sentences(tp)]
    combined = CombinedExtractor()
    combined.extract_many(touchpoints[:2], context)  # load the encoder and the classifiers
    rates = {}
    for name, run in (
            ("rules", lambda: [rules.extract(tp, context) for tp in touchpoints]),
            ("encoder alone, batches of 32 (anchor)",
             lambda: [encode_sentences(texts[i : i + 32]) for i in range(0, len(texts), 32)]),
            ("combined, extract_many of 16",
             lambda: [combined.extract_many(touchpoints[i : i + 16], context)
                      for i in range(0, len(touchpoints), 16)])):
        _, wall, _ = timed(lambda run=run: len(run()))  # type: ignore[misc]
        rates[name] = len(texts) / wall
    anchor = rates["encoder alone, batches of 32 (anchor)"]
    for name, rate in rates.items():
        print(f"{name:38s} {len(touchpoints):4d} texts, {len(texts):5d} sentences  "
              f"{rate:9.0f} sentences/s  ratio to the encoder {rate / anchor:6.2f}"
              + ("  (target >= 0.50)" if name.startswith("combined") else ""))


if __name__ == "__main__":
    main()
