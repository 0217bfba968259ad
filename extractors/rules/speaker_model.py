"""A small learned model of how each side talks, for speakers the labels and cues leave open.

The cue lists of `sentences.infer_roles` and `sides` were written against a few hundred texts
and carry poorly to new ones: a meeting of two people known only by name ("Dana Whitlock",
"SPEAKER_00", "说话人1") whose words hold none of the cues gets its sides from who spoke first.
Every turn whose label already states the side ("Agent:", "Customer:", "客服：", "客户：") is a
free example of how that side talks, so a logistic regression over those turns (label masked:
only the words spoken) scores a speaker's turns towards the vendor or the customer.

Features are hashed, so the weights are one small array and no vocabulary ships: lowercased
English words and word bigrams, and Chinese character bigrams (with single characters), each
hashed by CRC-32 (stable across processes, unlike `hash`) into `N_FEATURES` buckets and counted
once per turn. No sentence encoder: the rules extractor stays encoder-free and fast. The weights
are written by `make train` (evals/train_sides.py) to speaker-sides-v1.npz beside this module.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from extractors.rules.sentences import Sentence

WEIGHTS = Path(__file__).with_name("speaker-sides-v1.npz")
N_FEATURES = 1 << 15
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def turn_features(text: str) -> list[int]:
    """The hashed feature indices present in one turn's words (each once)."""
    tokens: set[str] = set()
    low = text.lower()
    if low.isascii() or _WORD.search(low):
        words = _WORD.findall(low)
        tokens.update(words)
        tokens.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for run in _CJK_RUN.findall(text):
        tokens.update(run)
        tokens.update(run[i:i + 2] for i in range(len(run) - 1))
    return sorted({zlib.crc32(t.encode()) % N_FEATURES for t in tokens})


@dataclass(frozen=True)
class SideModel:
    """Weights of a binary logistic regression: positive log-odds mean the vendor's side."""

    coef: np.ndarray  # (N_FEATURES,)
    intercept: float

    def turn_log_odds(self, text: str) -> float:
        """Log-odds that one turn is the vendor's, from its words alone."""
        features = turn_features(text)
        return self.intercept + float(self.coef[features].sum()) if features else 0.0

    def speaker_log_odds(self, turns: Iterable[str]) -> float:
        """The sum of a speaker's turns' log-odds: more turns, more evidence."""
        return sum(self.turn_log_odds(t) for t in turns)


@lru_cache(maxsize=1)
def load_side_model(path: Path = WEIGHTS) -> SideModel | None:
    """The shipped model, or None when its weights are absent (before the first `make train`)."""
    if not path.is_file():
        return None
    with np.load(path) as arrays:
        return SideModel(arrays["coef"].astype(np.float32), float(arrays["intercept"]))


def speaker_turns(sentences: Iterable[Sentence], speakers: set[str]) -> dict[str, list[str]]:
    """The words of each of `speakers`' turns, a turn being a run of its consecutive sentences."""
    turns: dict[str, list[str]] = {}
    previous: str | None = None
    for s in sentences:
        if s.speaker in speakers:
            if s.speaker == previous:
                turns[s.speaker][-1] += " " + s.text
            else:
                turns.setdefault(s.speaker, []).append(s.text)
        previous = s.speaker
    return turns
