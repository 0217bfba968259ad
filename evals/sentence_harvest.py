"""Sentence labels read off the touchpoint gold of the tuning splits (never test, blind5, blind6).

The tuning splits are dev and the blind splits whose errors have been read (blind, blind2,
blind3, blind4; evals/GUIDE.md says which are which): their real-style text (long emails, noisy chats,
transcripts with disfluencies) teaches the classifiers more than templates alone. Each sentence of
such an item gets the role of the gold label it supports best: a next step is a
`commitment` when its owner is the speaker's side and a `request` when it is the other side; a pain
point is a `complaint`; objections, buying signals and questions keep their names. A rep's
conditional offer ("if you…, we could…", "如果您需要…") is an `offer`; everything else is `other`.
Sentence sentiment is only what the gold implies: the customer's sentences in a neutral item are
neutral (a discovery pain or a factual objection included), complaints and objections in a
negative or mixed item are negative, the customer's buying signals in a positive or mixed item are
positive; the rest stay unlabelled ("").
A sentence that also occurs in a held-out item's text (a dev email quoted in a test reply) is left
out, so nothing the test or measure-only split contains is trained on. Each row's source is
`gold:<item id>`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from evals.dataset import load_dataset, to_touchpoint
from evals.matching import similarity
from evals.sentence_set import DEV_SHARE, LabelledSentence
from extractors.rules.sentences import Sentence, split_sentences

MIN_SUPPORT = 0.5  # similarity of a gold label to the sentence it is read from
_OFFER = re.compile(r"^(?:if\b|would it help|happy to|we could|should you)|如果|需要的话|要是|"
                    r"有需要", re.I)
_QUESTION = re.compile(r"[?？]\s*$|[吗呢]\s*[。.]?\s*$")


def _side(sentence: Sentence, direction: str) -> str:
    if sentence.role in ("rep", "agent"):
        return "rep"
    if sentence.role == "customer":
        return "customer"
    return "rep" if direction == "outbound" else "customer"


def _best(sentences: list[Sentence], phrase: str) -> int | None:
    scored = [(similarity(phrase, s.text), i) for i, s in enumerate(sentences)]
    score, index = max(scored, default=(0.0, -1))
    return index if score >= MIN_SUPPORT else None


TUNING_SPLITS = ("dev.jsonl", "blind.jsonl", "blind2.jsonl", "blind3.jsonl", "blind4.jsonl",
                 *(f"blind{n}.jsonl" for n in range(7, 19)), "real1.jsonl")
HELD_OUT_SPLITS = ("test.jsonl", "blind5.jsonl", "blind6.jsonl")  # never trained on: measure-only
GOLD_SOURCE = "gold:"


def held_out_text(directory: Path) -> str:
    """The held-out splits' texts, case-folded with runs of space as one: what must not be learned."""
    items = [i for name in HELD_OUT_SPLITS if (directory / name).is_file()
             for i in load_dataset(directory / name)]
    return re.sub(r"\s+", " ", " ".join(i.text or "" for i in items).casefold())


def gold_sentences(directory: Path, rng: random.Random) -> Iterator[LabelledSentence]:
    in_held_out = held_out_text(directory)
    for name in TUNING_SPLITS:
        yield from _split_sentences(directory / name, in_held_out, rng)


def _split_sentences(path: Path, in_held_out: str, rng: random.Random
                     ) -> Iterator[LabelledSentence]:
    for item in load_dataset(path):
        if item.path is not None:
            continue
        touchpoint = to_touchpoint(item)
        sentences = split_sentences(touchpoint)
        if not sentences:
            continue
        direction = item.extra.get("direction", "inbound")
        roles: dict[int, str] = {}
        expected = item.expected
        for step in expected.get("next_steps", []):
            if (i := _best(sentences, str(step["action"]))) is not None:
                own = _side(sentences[i], direction) == step["owner"]
                roles.setdefault(i, "commitment" if own else "request")
        for key, role in (("objections", "objection"), ("pain_points", "complaint"),
                          ("buying_signals", "buying_signal"), ("questions", "question")):
            for phrase in expected.get(key, []):
                if (i := _best(sentences, str(phrase))) is not None:
                    roles.setdefault(i, role)
        for i, sentence in enumerate(sentences):
            side = _side(sentence, direction)
            found = roles.get(i)
            if found is not None:
                role = found
            else:
                if side == "rep" and _OFFER.search(sentence.text):
                    role = "offer"
                elif _QUESTION.search(sentence.text) and side == "customer":
                    role = "question"
                else:
                    role = "other"
            sentiment = ""
            if side == "customer" and expected.get("sentiment") == "neutral":
                sentiment = "neutral"
            elif role in ("complaint", "objection") and expected.get("sentiment") in (
                    "negative", "mixed"):
                sentiment = "negative"
            elif role == "buying_signal" and side == "customer" and expected.get("sentiment") in (
                    "positive", "mixed"):
                sentiment = "positive"  # eagerness to buy or expand is the guide's positive
            split = "dev" if rng.random() < DEV_SHARE else "train"
            if len(sentence.text) > 25 and \
                    re.sub(r"\s+", " ", sentence.text.casefold()) in in_held_out:
                continue
            yield LabelledSentence(sentence.text, item.language, role, sentiment,
                                   f"{GOLD_SOURCE}{item.id}", split)
