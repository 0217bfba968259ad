"""Customer sentiment: per sentence, per speaker, and over the conversation.

English sentences are scored with VADER (negation and intensifiers built in), with business terms
it lacks added to its lexicon and courtesy words ("thanks", "please") that would make every email
look happy taken out. Chinese sentences are scored from `lexicons/zh_sentiment.yaml` with
negators and intensifiers, longest word first. The touchpoint's label is the customer's: their
sentences when roles are known, everything not said by the rep otherwise.
"""

from __future__ import annotations

import math
import re
import string
from functools import lru_cache
from pathlib import Path

import yaml
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from assistant.models import SentimentLabel
from extractors.rules.sentences import Sentence

STRONG = 0.3  # |score| at which a sentence counts as clearly positive or negative
LABEL_THRESHOLD = 0.12  # mean score beyond which the touchpoint leans one way
MIXED_BALANCE = 0.5  # weaker side / stronger side at which both sides count ("mixed")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PUNCTUATION = string.punctuation
_COURTESY = re.compile(r"\b(thanks?(?: you)?(?: so much)?|thx|please|hi|hello|dear|regards|best|"
                       r"cheers|appreciate it|good (?:morning|afternoon))\b", re.I)
_BUSINESS_TERMS = {
    "expensive": -1.8, "pricey": -1.5, "overpriced": -2.2, "outage": -2.5, "downtime": -2.0,
    "bug": -1.5, "buggy": -2.0, "broken": -2.2, "fails": -1.8, "failing": -1.8, "crash": -2.2,
    "crashes": -2.2, "slow": -1.4, "sluggish": -1.6, "laggy": -1.6, "clunky": -1.8,
    "unusable": -2.8, "blocker": -1.6, "blocking": -1.4, "escalate": -1.2, "churn": -1.8,
    "cancel": -1.5, "refund": -1.4, "unresponsive": -2.0, "frustrating": -2.2,
    "manual": -0.6, "tedious": -1.8, "cumbersome": -1.8, "concern": -1.0, "concerns": -1.0,
    "concerned": -1.2, "worried": -1.6, "risk": -0.8, "unhappy": -2.4, "disappointing": -2.2,
    "seamless": 2.0, "intuitive": 1.8, "impressed": 2.4, "excited": 2.2, "love": 2.6,
    "smooth": 1.6, "straightforward": 1.2, "helpful": 1.8, "works": 0.8, "solved": 1.6,
    "resolved": 1.4, "fixed": 1.2, "interested": 1.4, "keen": 1.4, "urgent": -0.8,
}
# VADER words that are neutral nouns or verbs in business text ("customer support", "screen
# share", "free trial", "security review", "credit card", "help with the import")
_BUSINESS_NEUTRAL = ("share", "shares", "shared", "support", "supported", "supports", "free",
                     "credit", "credits", "care", "security", "secure", "protect", "help", "well",
                     "honestly", "honest")
# "like" as a preposition or polite wish, not as liking
_NEUTRAL_LIKE = re.compile(
    r"\b(?:would|'d|look|looks|looked|seem|seems|sound|sounds|feel|feels|just|tools?|things?|"
    r"something|someone|platforms?|vendors?|systems?|products?|apps?|solutions?|companies) like\b",
    re.I)


# phrases VADER scores as neutral that customers mean as complaints
_NEGATIVE_PHRASES = re.compile(
    r"\btoo (?:high|expensive|pricey|slow|complicated|complex|much|long|many)\b|over (?:our )?budget"
    r"|(?:does|did|is|are)(?:n'?t| not) (?:work|working|load|loading|sync|syncing)|not working|"
    r"still (?:broken|waiting|failing|not|down|no)|no one (?:has )?(?:replied|responded|got back)|"
    r"(?:waste|wasting) (?:of )?(?:time|hours)|takes? (?:hours|forever|ages)|"
    r"can(?:no|')t (?:log ?in|access|export|login|use)|keeps? (?:crashing|failing|timing out)|\b(?:is|are|was|went|been) down\b",
    re.I)
PHRASE_WEIGHT = 0.45


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(_BUSINESS_TERMS)
    for word in _BUSINESS_NEUTRAL:
        analyzer.lexicon.pop(word, None)
    return analyzer


def _vader_has_cue(text: str) -> bool:
    """Whether VADER could score `text` non-zero: some token is in its lexicon, or an emoji.

    VADER gives words outside its lexicon zero valence and its modifiers only scale lexicon
    words, so skipping it when this is false returns the same 0.0 at a fraction of the cost
    (most business sentences carry no sentiment word).
    """
    if not text.isascii():
        return True
    lexicon = _vader().lexicon
    for token in text.lower().split():
        if token in lexicon or token.strip(_PUNCTUATION) in lexicon:
            return True
    return False


@lru_cache(maxsize=1)
def _zh_lexicon() -> tuple[re.Pattern[str], dict[str, float], list[str], dict[str, float]]:
    loaded = yaml.safe_load((Path(__file__).parent / "lexicons" / "zh_sentiment.yaml")
                            .read_text(encoding="utf-8"))
    weights = {**loaded["positive"], **loaded["negative"]}
    pattern = re.compile("|".join(sorted(map(re.escape, weights), key=len, reverse=True)))
    return pattern, weights, list(loaded["negators"]), dict(loaded["intensifiers"])


def _score_zh(text: str) -> float:
    pattern, weights, negators, intensifiers = _zh_lexicon()
    total = 0.0
    for m in pattern.finditer(text):
        weight = weights[m.group(0)]
        before = text[max(0, m.start() - 4) : m.start()]
        for word, factor in intensifiers.items():
            if before.endswith(word):
                weight *= factor
                break
        if any(n in before[-3:] for n in negators) and not m.group(0).startswith(("不", "没", "无")):
            weight *= -0.6
        total += weight
    return total / math.sqrt(total * total + 15) if total else 0.0  # VADER's normalization


def score_sentence(text: str) -> float:
    """-1..1 for one sentence, in either language."""
    if _CJK.search(text):
        return _score_zh(text)
    plain = _NEUTRAL_LIKE.sub(" ", _COURTESY.sub(" ", text))
    score = float(_vader().polarity_scores(plain)["compound"]) if _vader_has_cue(plain) else 0.0
    complaints = len(_NEGATIVE_PHRASES.findall(text))
    return max(-1.0, score - PHRASE_WEIGHT * complaints) if complaints else score


def label_for(scores: list[float]) -> tuple[SentimentLabel, float]:
    """The label and mean score for a set of sentence scores."""
    if not scores:
        return "neutral", 0.0
    mean = sum(scores) / len(scores)
    positive = sum(s for s in scores if s >= STRONG)
    negative = -sum(s for s in scores if s <= -STRONG)
    if positive and negative and min(positive, negative) / max(positive, negative) >= MIXED_BALANCE:
        return "mixed", max(-1.0, min(1.0, mean))
    signal = [s for s in scores if abs(s) >= 0.05] or [0.0]
    lean = sum(signal) / len(signal)
    if lean >= LABEL_THRESHOLD and positive:
        return "positive", max(-1.0, min(1.0, mean))
    if lean <= -LABEL_THRESHOLD and negative:
        return "negative", max(-1.0, min(1.0, mean))
    return "neutral", max(-1.0, min(1.0, mean))


def customer_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """The customer's sentences, or everything not said by the rep side when roles are unknown."""
    customer = [s for s in sentences if s.role == "customer"]
    if customer:
        return customer
    return [s for s in sentences if s.role not in ("rep", "agent")] or sentences
