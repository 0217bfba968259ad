"""Compose touchpoint-level gold items from labelled scenes: `python -m evals.compose_gold`.

Each scene (evals/datasets/composed/scenes.yaml) is two or three turns written for this project
around one class the issue names — requests with due dates, offers and conditionals, threats,
filler, team and third-party owners, integration mentions that are not competitors, flat
negatives, noisy chat — with its labels. An item strings two or three scenes of one language
into a call, meeting, chat or ticket; its labels are the union of the scenes' labels, its due
dates are computed here from `occurred_at` (the GUIDE's conventions), and its sentiment follows
the scenes: positive and negative scenes together are `mixed`, one side alone is that side, none
is `neutral`. Scenes belong to one split, so dev and test share no text. The output is
`composed-dev.jsonl` and `composed-test.jsonl` beside the hand-written splits; seeded, so the same
command writes the same files.
"""

from __future__ import annotations

import calendar
import json
import random
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

DATASETS = Path(__file__).parent / "datasets"
SCENES = DATASETS / "composed" / "scenes.yaml"
SEED = 20260310
ITEMS = {"dev": {"en": 60, "zh": 62}, "test": {"en": 84, "zh": 86}}
CHANNELS = ("call", "meeting", "chat", "ticket")
LABELS = {"en": {"rep": "Rep", "agent": "Agent", "customer": "Customer"},
          "zh": {"rep": "销售", "agent": "客服", "customer": "客户"}}
TIMEZONES = {"en": timezone(timedelta(hours=-5)), "zh": timezone(timedelta(hours=8))}
_EN_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ZH_DAYS = "一二三四五六日"


def _next_weekday_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def _in_next_week(ref: date, weekday: int) -> date:
    return ref - timedelta(days=ref.weekday()) + timedelta(days=7 + weekday)


def resolve_due(phrase: str | None, ref: date) -> str | None:
    """The GUIDE's due date for one of the scenes' due phrases; ValueError for an unknown one."""
    if phrase is None:
        return None
    p = phrase.strip().lower().removesuffix("前").removesuffix("之")
    same_day = {"today", "this afternoon", "tonight", "今天", "下午", "晚上", "今天下班"}
    if p in same_day:
        return ref.isoformat()
    if p in ("tomorrow", "明天"):
        return (ref + timedelta(days=1)).isoformat()
    if p == "后天":
        return (ref + timedelta(days=2)).isoformat()
    if p in ("next week", "下周"):
        return _in_next_week(ref, 0).isoformat()
    if p in ("this week", "本周内", "这周内"):
        friday = ref - timedelta(days=ref.weekday()) + timedelta(days=4)
        return max(friday, ref).isoformat()
    if p in ("end of month", "月底"):
        return ref.replace(day=calendar.monthrange(ref.year, ref.month)[1]).isoformat()
    if m := re.fullmatch(r"next (\w+)", p):
        return _in_next_week(ref, _EN_DAYS.index(m.group(1))).isoformat()
    if p in _EN_DAYS:
        return _next_weekday_after(ref, _EN_DAYS.index(p)).isoformat()
    if m := re.fullmatch(r"下周([一二三四五六日])", p):
        return _in_next_week(ref, _ZH_DAYS.index(m.group(1))).isoformat()
    if m := re.fullmatch(r"周([一二三四五六日])", p):
        return _next_weekday_after(ref, _ZH_DAYS.index(m.group(1))).isoformat()
    raise ValueError(f"{SCENES}: due phrase {phrase!r} has no rule in resolve_due; add one")


def _occurred_at(rng: random.Random, language: str) -> datetime:
    while True:
        day = date(2026, 2, 2) + timedelta(days=rng.randrange(0, 82))
        if day.weekday() < 5 or rng.random() < 0.1:
            break
    return datetime(day.year, day.month, day.day, rng.randint(9, 17), rng.choice((0, 15, 30)),
                    tzinfo=TIMEZONES[language])


def _sentiment(scenes: list[dict[str, Any]]) -> str:
    sides = {s["sentiment"] for s in scenes} - {"neutral"}
    return "mixed" if sides == {"positive", "negative"} else (sides.pop() if sides else "neutral")


def compose_item(scenes: list[dict[str, Any]], language: str, channel: str, item_id: str,
                 rng: random.Random) -> dict[str, Any]:
    occurred = _occurred_at(rng, language)
    labels = LABELS[language]
    rep = labels["agent"] if channel == "ticket" else labels["rep"]
    colon = "：" if language == "zh" else ": "
    lines = [f"{rep if side == 'rep' else labels['customer']}{colon}{text}"
             for scene in scenes for side, text in scene["turns"]]
    steps = [{"action": s["action"], "owner": s["owner"],
              "due": resolve_due(s["due"], occurred.date())}
             for scene in scenes for s in scene.get("next_steps", [])]
    competitors = list(dict.fromkeys(c for scene in scenes for c in scene.get("competitors", [])))
    return {"id": item_id, "channel": channel, "language": language,
            "occurred_at": occurred.isoformat(), "text": "\n".join(lines),
            "expected": {"competitors": competitors, "sentiment": _sentiment(scenes),
                         "next_steps": steps,
                         "pain_points": [p for scene in scenes
                                         for p in scene.get("pain_points", [])]}}


def compose(split: str, rng: random.Random) -> list[dict[str, Any]]:
    pools = yaml.safe_load(SCENES.read_text(encoding="utf-8"))[split]
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for language, count in ITEMS[split].items():
        number = 0
        while number < count:
            chosen = rng.sample(pools[language], rng.choice((2, 3)))
            channel = CHANNELS[number % len(CHANNELS)]
            item_id = f"{language}-{channel}-c{split[0]}{number + 1:03d}"  # cd001 dev, ct001 test
            item = compose_item(chosen, language, channel, item_id, rng)
            if item["text"] in seen:
                continue
            seen.add(item["text"])
            items.append(item)
            number += 1
    return items


def write_composed(directory: Path = DATASETS) -> dict[str, int]:
    rng = random.Random(SEED)
    counts = {}
    for split in ("dev", "test"):
        items = compose(split, rng)
        with (directory / f"composed-{split}.jsonl").open("w", encoding="utf-8") as f:
            for item in items:
                f.write(json.dumps(item, ensure_ascii=False) + "\n")
        counts[split] = len(items)
    return counts


if __name__ == "__main__":
    print(write_composed())
