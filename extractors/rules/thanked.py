"""A support ticket or chat that ends in real thanks for the help is positive.

A customer who reports a problem and, once helped, thanks the people who helped in clear words
("You're a lifesaver, thank you so much", "you saved our Monday schedule", "响应速度没话说，太感谢了")
leaves the touchpoint `positive` (evals/GUIDE.md "Sentiment": a resolved ticket that ends in real
appreciation is positive). The scorer sees a clear negative (the problem) and a clear positive
(the thanks), so `label_for` says `mixed`; `settle_resolved` in `sentiment.py` settles it only when
the fix is confirmed in words. Praise of one feature beside a complaint about another ("love the
new calendar view tho") thanks nobody and stays `mixed`; a bare "Thanks." is courtesy, scored near
zero, and does not count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import SentimentLabel
from extractors.rules.fault_report import SUPPORT_CHANNELS
from extractors.rules.sentiment import last_complaint

# thanks or praise addressed to the people who helped
GRATITUDE = re.compile(
    r"\b(?:thank(?:s| you)|appreciate|lifesaver|life[- ]saver|saved (?:us|me|our|my|the day)|"
    r"you(?:'re| are| guys are) (?:amazing|a star|the best|a legend|brilliant|awesome|fantastic|"
    r"wonderful|incredible|a hero)|(?:huge|big|massive) thanks|grateful|kudos)\b"
    r"|感谢|谢谢|多谢|多亏|帮(?:了)?(?:我们|我)?(?:大忙|了大忙)|救(?:了)?(?:急|命)|给力", re.I)


def settle_thanked(label: SentimentLabel, scored: Sequence[tuple[str, float]], channel: str,
                   strong: float) -> SentimentLabel:
    """`positive` for a `mixed` support ticket or chat whose customer, after the last complaint,
    says a clearly positive sentence of thanks and ends on the positive side; otherwise `label`.
    `scored` holds the customer's (sentence, score) pairs in text order."""
    if label != "mixed" or channel not in SUPPORT_CHANNELS:
        return label
    last_negative = last_complaint(scored, strong)
    if last_negative < 0:
        return label
    after = [(text, s) for text, s in scored[last_negative + 1 :] if s >= strong]
    return "positive" if any(GRATITUDE.search(text) for text, _ in after) else label
