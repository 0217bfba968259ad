"""VADER's compound score, computed as vaderSentiment computes it, with a fraction of the work.

The stock analyzer rebuilds the text one character at a time to spell out emoji, builds all
three of neg/neu/pos besides the compound score, and lowercases the whole sentence again for
each of the three words it looks back from every lexicon word (`_negation_check`,
`_special_idioms_check`). `compound` tokenizes once, lowercases once, answers 0.0 at once when
no word is in the lexicon (a word outside it has valence 0 and modifiers only scale lexicon
words), and otherwise runs VADER's own steps in VADER's order on the shared lowercase words, so
every float operation is the one VADER performs. Text with non-ASCII characters (where emoji may
be) goes to the stock `polarity_scores`. tests/extractors/test_rules_vader.py holds `compound`
to the stock analyzer on every eval sentence and on generated sentences built from VADER's own
negations, boosters, idioms and special cases.
"""

from __future__ import annotations

import string
from typing import Any

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
_but_check = SentimentIntensityAnalyzer._but_check


def compound(text: str, analyzer: Any) -> float:
    """`analyzer.polarity_scores(text)["compound"]` as a float, for an analyzer that scores as
    the stock SentimentIntensityAnalyzer does with its `lexicon`."""
    if not text.isascii():
        return float(analyzer.polarity_scores(text)["compound"])
    lexicon: dict[str, float] = analyzer.lexicon
    text = text.strip()
    # each word VADER reads is a token or the token stripped of punctuation: when neither is in
    # the lexicon for any token, every valence is 0 and score_valence normalizes 0.0
    low = text.lower().split()
    if lexicon.keys().isdisjoint(low) and lexicon.keys().isdisjoint(
            [t.strip(_PUNCTUATION) for t in low]):
        return 0.0
    words = [token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped
             for token in text.split()]  # SentiText._strip_punc_if_word
    lower = [w.lower() for w in words]
    count = len(words)
    uppers = sum(map(str.isupper, words))
    is_cap_diff = 0 < count - uppers < count  # allcap_differential
    sentiments: list[float] = [0] * count  # a word outside the lexicon has valence 0
    for i in [i for i, word in enumerate(lower) if word in lexicon]:
        word = lower[i]
        if word in BOOSTER_DICT or word == "kind" and i < count - 1 and lower[i + 1] == "of":
            continue
        sentiments[i] = _valence(lexicon, words, lower, words[i], i, is_cap_diff)
    if "but" in lower:
        sentiments = _but_check(words, sentiments)
    sum_s = float(sum(sentiments))  # score_valence, compound only
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    amplifier = ep_count * 0.292 + ((qm_count * 0.18 if qm_count <= 3 else 0.96)
                                    if qm_count > 1 else 0)
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    return float(round(normalize(sum_s), 4))


def _valence(lexicon: dict[str, float], words: list[str], lower: list[str], item: str, i: int,
             is_cap_diff: bool) -> float:
    """SentimentIntensityAnalyzer.sentiment_valence for a word in the lexicon."""
    word = lower[i]
    valence = lexicon[word]
    if word == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):
        valence = lexicon[word] * N_SCALAR
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for start_i in range(0, 3):
        before = i - (start_i + 1)
        if i > start_i and lower[before] not in lexicon:
            s = _scalar_inc_dec(words[before], lower[before], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lower, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lower, i)
    return _least_check(valence, lower, i, lexicon)


def _scalar_inc_dec(word: str, word_lower: str, valence: float, is_cap_diff: bool) -> float:
    scalar = 0.0
    if word_lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negated(word: str) -> bool:
    return word in _NEGATE or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _least_check(valence: float, lower: list[str], i: int, lexicon: dict[str, float]) -> float:
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """SentimentIntensityAnalyzer._special_idioms_check on the lowercase words."""
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence
