"""Feelings said by a turn: doubt overcome, a before/after comparison, scorn through a praise word.

Word lexicons read each word for itself, and these stances turn on the word's setting. A doubt
the customer had and lost is praise ("the nurses were sceptical at first, now they won't give it
up", "一开始大家都担心用不惯，现在离不开了"), not a complaint beside praise; a past doubt said with
its date ("they were sceptical in November") is history, not a feeling today. A comparison with
what came before is praise without a praise word ("it's night and day compared to the old
portal", "跟原来比简直天差地别", "以前要一个周末，现在二十分钟"). A praise word that the customer
mocks is scorn ("your so-called smart routing", "你们所谓的智能排班"), however positive the word.
`sentiment.score_sentence` counts the first two as praise and scorn as a flat negative, and scores
the rest of the sentence with the turn blanked out. Each pattern is cue-gated: a sentence pays only
when it holds one of the pattern's words.
"""

from __future__ import annotations

import re

from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold

_DOUBT_EN = (r"(?:skeptical|sceptical|doubtful|worried|nervous|hesitant|wary|reluctant|resistant|"
             r"unconvinced|apprehensive|dubious)")
_DOUBT_ZH = r"(?:担心|怀疑|顾虑|抵触|排斥|不看好|不太看好|不习惯|不太相信|不相信|犹豫|不放心|不情愿|没信心)"
_NUM_ZH = r"[一二三四五六七八九十两半几\d]+"

# a doubt they had and lost: "not skeptical anymore", "won the holdouts over", "顾虑都打消了"
OVERCOME = fold(re.compile(
    rf"\b(?:(?:not|\w+n't|never) (?:so |as |that |really )?{_DOUBT_EN} (?:anymore|any more|now)|no longer "
    rf"(?:so |as |that |really )?{_DOUBT_EN}|(?:were|was|had been) (?:a (?:bit|little) |pretty |very |really |so |"
    rf"quite )?{_DOUBT_EN}\b[^.;!?]{{0,60}}?\b(?:but (?:now|not anymore|no longer)|not anymore|now (?:they|we|he|she|"
    r"everyone)(?:'re| are| love| use| like)|won over|came around)|(?:won|win|winning) (?:them|us|everyone|"
    r"everybody|people|him|her|the (?:\w+ )?(?:team|skeptics|sceptics|doubters|holdouts)) over|(?:proved|proven) "
    r"(?:us|me|them|everyone|the (?:skeptics|sceptics|doubters)) wrong|(?:skeptics|sceptics|doubters|holdouts) "
    r"(?:are|have become) (?:now |all )?(?:fans|converts|believers|champions))\b"
    rf"|(?:一开始|刚开始|开始的时候|起初|最初|本来|原本|当初)[^。！？]{{0,16}}?{_DOUBT_ZH}[^。！？]{{0,24}}?"
    r"(?:现在|后来|如今|用下来|用了以后|用了之后|没想到)|不再(?:担心|怀疑|抵触|排斥)|"
    r"(?:顾虑|疑虑|担心)(?:都|也|全)?(?:打消|消除|没)了|打消了[^。！？]{0,6}(?:顾虑|疑虑)|离不开了", re.I))
# a doubt dated in the past is history, not a feeling now: "they were sceptical in November"
PAST_DOUBT = fold(re.compile(
    rf"\b(?:were|was|had been) (?:a (?:bit|little) |pretty |very |really |so |quite )?{_DOUBT_EN} (?:at first|"
    r"initially|in the beginning|at the start|early on|back then|(?:back )?in (?:january|february|march|april|"
    r"may|june|july|august|september|october|november|december)|last (?:year|month|quarter|fall|autumn|spring|"
    r"summer|winter))\b"
    rf"|(?:一开始|刚开始|开始的时候|起初|最初|当初)[^，。！？]{{0,10}}?{_DOUBT_ZH}", re.I))
# what came before, compared: "night and day compared to X", "a world apart", "天差地别", "强太多"
COMPARED = fold(re.compile(
    r"\b(?:night and day|like night and day|day and night difference|a world (?:of difference|apart)|(?:leagues|"
    r"streets) (?:ahead|better)|(?:huge|massive|big|real|major) (?:step|leap) (?:up|forward)|(?:never|wouldn't|"
    r"won't|couldn't|can't imagine) (?:ever )?go(?:ing)? back|in a different league)\b"
    r"|天差地别|天壤之别|(?:不是|不在)一个(?:档次|级别|量级)|(?<![没不])(?<!没有)(?:强|好|快|顺|稳|方便|省心|省事|清楚|"
    r"好用)(?:了)?(?:太多|好多|很多|不少)了?(?![吗？?])|"
    # a before/after in time: "以前要弄一个周末，现在二十分钟", "原来三天，现在只要半天"
    rf"(?:以前|之前|原来|过去|以往)[^。；！？]{{0,30}}?(?:一个周末|一整天|{_NUM_ZH}(?:个)?(?:小时|天|周|"
    rf"星期|礼拜|月))[^。；！？]{{0,12}}?[，,]\s*(?:现在|如今)(?:(?:只要|只需要?|不到|才|就)[^。；！？]{{0,4}}?"
    rf"{_NUM_ZH}(?:个)?(?:分钟|小时|天)|[^。；！？]{{0,6}}?(?:{_NUM_ZH}(?:分钟|秒)|半(?:个)?小时|一会儿))", re.I))
# scorn through a praise word: "your so-called smart pricing", "你们所谓的智能定价"
SCORN = fold(re.compile(
    r"\b(?:so-called|so called|what you call|your idea of) (?:[\"“']?[\w-]+[\"”']? ){0,2}|\b(?:is|was|are|were) "
    r"supposed to be (?:so )?(?:smart|intelligent|easy|simple|fast|quick|automatic|intuitive|seamless|better|"
    r"the (?:best|fix|solution))\b"
    r"|(?:你们|贵司|您们|他们|这个|这套|系统)(?:的)?所谓(?:的)?[^，,。！？；”\x22]{0,6}|所谓(?:的)?(?:智能|自动|专业|"
    r"高效|一站式|贴心|优化|升级|服务|AI|人工智能|大数据|精准|定制|专属|极速)[^，,。！？；”\x22]{0,4}|号称[^，,。！？；]{0,8}|"
    r"美其名曰", re.I))
_OVERCOME_CUE = register_pattern("overcome", OVERCOME)
_PAST_DOUBT_CUE = register_pattern("past_doubt", PAST_DOUBT)
_COMPARED_CUE = register_pattern("compared", COMPARED)
_SCORN_CUE = register_pattern("scorn", SCORN)
TURN_CUES = _OVERCOME_CUE | _PAST_DOUBT_CUE | _COMPARED_CUE | _SCORN_CUE  # any turn can be in the sentence


def turned_praise(text: str, cues: int) -> int:
    """How many doubts overcome and favourable comparisons `text` (one sentence) states."""
    found = len(OVERCOME.findall(text)) if cues & _OVERCOME_CUE else 0
    return found + (len(COMPARED.findall(text)) if cues & _COMPARED_CUE else 0)


def scorned(text: str, cues: int) -> int:
    """How many praise words `text` (one sentence) mocks."""
    return len(SCORN.findall(text)) if cues & _SCORN_CUE else 0


def without_turns(text: str, cues: int) -> str:
    """`text` with its turns (and a doubt dated in the past) blanked out, for the word lexicons
    to score the rest."""
    for pattern, bit in ((OVERCOME, _OVERCOME_CUE), (PAST_DOUBT, _PAST_DOUBT_CUE),
                         (COMPARED, _COMPARED_CUE), (SCORN, _SCORN_CUE)):
        if cues & bit:
            text = pattern.sub("，" if not text.isascii() else " ", text)
    return text
