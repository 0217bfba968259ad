"""Chinese written in traditional characters or in Cantonese, read as the Mandarin the sentiment
lexicon and patterns are written in.

Taiwanese and Hong Kong customers write 還不錯, 很喜歡, 比較困擾; Cantonese chats write 冇 for 没,
唔 for 不, 咗 for 了 ("又冇咗booking同步", "唔好又話跟進"). The sentiment rules (`zh_sentiment.yaml`,
the flat negatives) are written in simplified Mandarin, so these sentences scored as neutral.
Every mapping is one character for one, so offsets and evidence are unchanged; one table does
both in a single pass.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from extractors.rules.catalog_aliases import _traditional_to_simplified
from extractors.rules.cues import register
from extractors.rules.sentences import Sentence

# Cantonese function words with a one-character Mandarin reading; none occurs in Mandarin text
_CANTONESE = {"冇": "没", "唔": "不", "咗": "了", "嘅": "的", "喺": "在", "哋": "们", "佢": "他", "啲": "些",
              "睇": "看", "畀": "给", "嚟": "来", "嬲": "气", "咩": "啥", "乜": "啥", "咁": "这", "嘢": "东",
              "搵": "找", "俾": "给", "嗰": "那"}
# characters nearly every traditional or Cantonese text holds: a touchpoint with one of them is
# read through the view (a sentence of it without one still is)
TRADITIONAL = register("traditional", list("們這個沒說會對時還為麼來裡後過問題無經開發應請嗎單號統動點讓給處現")
                       + list("冇咗唔嘅喺佢咁啲嘢嚟睇畀哋搵俾嗰"))


@cache
def _table() -> dict[int, str]:
    return {**_traditional_to_simplified(), **{ord(k): v for k, v in _CANTONESE.items()}}


def in_traditional(sentences: list[Sentence]) -> bool:
    """Whether a touchpoint's sentences are (partly) traditional characters or Cantonese."""
    return any(s.cues & TRADITIONAL for s in sentences)


def mandarin_view(sentence: Sentence) -> Sentence:
    """`sentence` in simplified Mandarin characters (offsets kept, every cue bit set); the
    sentence itself when it is already simplified Mandarin."""
    text = sentence.text
    if text.isascii():
        return sentence
    simple = text.translate(_table())
    return sentence if simple == text else replace(sentence, text=simple, cues=-1)


def mandarin_text(text: str) -> str:
    """`text` in simplified Mandarin characters, character for character (offsets kept)."""
    return text.translate(_table())


def in_script_of(phrase: str, text: str) -> str:
    """`phrase`, read from the Mandarin view of `text`, back in `text`'s own characters.

    A phrase built from the view ("把样品寄返来") is shown as the writer wrote it ("把样品寄返嚟"):
    each simplified character that stands for one traditional or Cantonese character of `text`
    goes back to it. A character that stands for two of `text` (来 for 來 and 嚟), or that `text`
    also holds as it is, is left alone, and so is one the phrase adds (把, 给).
    """
    table = _table()
    back: dict[str, str] = {}
    kept: set[str] = set()
    for char in set(text):
        simple = table.get(ord(char))
        if simple is None or simple == char:
            kept.add(char)
        elif back.setdefault(simple, char) != char:
            kept.add(simple)
    return "".join(char if char in kept else back.get(char, char) for char in phrase)
