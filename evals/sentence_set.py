"""Compose the labelled sentence set the learned layer is trained on.

The sentences come from two places, both reproducible from this repository:

- `evals/datasets/sentences/fragments.yaml`: templates written for this project, each with a role
  and a sentiment, whose slots are filled from lists of deliverables, tasks, due phrases, lead-ins,
  actors and products, then roughened the way real text is (fillers, emoji codes, dropped
  punctuation);
- the tuning splits of the touchpoint gold (dev, blind, blind2, blind3; evals/sentence_harvest.py):
  every customer or rep sentence, its role read off the gold labels it supports (a next step, a
  pain point, an objection, a buying signal, a question) — never the test split, blind5 or blind6.

Templates are assigned whole to one split (about 15% of each role's templates are held out for
`test`), so the sentence-level test score measures phrasings the classifier has not seen.
Everything is drawn with one seeded generator: the same command writes the same files.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

ROLES = ("commitment", "request", "offer", "question", "complaint", "objection", "buying_signal",
         "other")
SENTIMENTS = ("negative", "neutral", "positive")
DATASETS = Path(__file__).parent / "datasets"
FRAGMENTS = DATASETS / "sentences" / "fragments.yaml"
SEED = 20260301
VARIANTS_PER_TEMPLATE = 20
HELD_OUT_SHARE = 0.15
DEV_SHARE = 0.15
_SLOT = re.compile(r"\{(\w+)\}")
_NOISE = {
    "en": {"prefix": ["", "", "", "um, ", "uh, ", "so ", "yeah, ", "honestly, ", "ok so "],
           "suffix": ["", "", "", " :)", " 🙏", " [smile]", " thx", " lol"]},
    "zh": {"prefix": ["", "", "", "嗯，", "那个，", "呃，", "就是，", "哦，"],
           "suffix": ["", "", "", "[微笑]", "～", "哈", "[捂脸]", "🙏"]},
}


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    language: str
    role: str
    sentiment: str
    source: str  # "template:<lang>/<role>/<n>" or "gold:<item id>"
    split: str


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    text = _SLOT.sub(lambda m: rng.choice(slots[m.group(1)]), template)
    text = re.sub(r"\s{2,}", " ", text).strip()
    return text[0].upper() + text[1:] if text[:1].isalpha() and text.isascii() else text


def _roughen(text: str, language: str, rng: random.Random) -> str:
    noise = _NOISE[language]
    if rng.random() < 0.3:
        text = rng.choice(noise["prefix"]) + (text[0].lower() + text[1:] if language == "en" else text)
    if rng.random() < 0.15:
        text = text.rstrip(".。")
    if rng.random() < 0.2:
        text += rng.choice(noise["suffix"])
    return text.strip()


def template_sentences(rng: random.Random) -> Iterator[LabelledSentence]:
    fragments = yaml.safe_load(FRAGMENTS.read_text(encoding="utf-8"))
    for language, block in fragments.items():
        slots = block["slots"]
        for key, templates in block["templates"].items():
            role, sentiment = key.split("/")
            if role not in ROLES or sentiment not in SENTIMENTS:
                raise ValueError(f"{FRAGMENTS}: unknown role or sentiment {key!r}")
            order = list(range(len(templates)))
            rng.shuffle(order)
            held_out = set(order[: max(1, round(len(templates) * HELD_OUT_SHARE))])
            for n, template in enumerate(templates):
                seen: set[str] = set()
                tries = VARIANTS_PER_TEMPLATE if _SLOT.search(template) else 4
                for _ in range(tries):
                    text = _roughen(_fill(template, slots, rng), language, rng)
                    if text in seen:
                        continue
                    seen.add(text)
                    split = "test" if n in held_out else ("dev" if rng.random() < DEV_SHARE
                                                          else "train")
                    yield LabelledSentence(text, language, role, sentiment,
                                           f"template:{language}/{key}/{n}", split)


def write_sentence_set(out_dir: Path = DATASETS / "sentences") -> dict[str, int]:
    """Write train/dev/test JSONL files; returns the number of sentences per split."""
    from evals.sentence_harvest import gold_sentences

    rng = random.Random(SEED)
    rows = list(template_sentences(rng))
    rows += list(gold_sentences(DATASETS, rng))
    counts: dict[str, int] = {}
    for split in ("train", "dev", "test"):
        chosen = [r for r in rows if r.split == split]
        counts[split] = len(chosen)
        with (out_dir / f"{split}.jsonl").open("w", encoding="utf-8") as f:
            for row in chosen:
                f.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
    return counts


def load_sentence_split(split: str, directory: Path = DATASETS / "sentences"
                        ) -> list[LabelledSentence]:
    path = directory / f"{split}.jsonl"
    with path.open(encoding="utf-8") as f:
        return [LabelledSentence(**json.loads(line)) for line in f if line.strip()]


if __name__ == "__main__":
    print(write_sentence_set())
