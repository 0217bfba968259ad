"""Feelings said by a turn: doubt overcome, a before/after comparison, scorn through a praise word.

Word lexicons read each word for itself, and these stances turn on the word's setting. A doubt
the customer had and lost is praise ("the nurses were sceptical at first, now they won't give it
up", "一开始大家都担心用不惯，现在离不开了"), not a complaint beside praise; a past doubt said with
its date ("they were sceptical in November") is history, not a feeling today. A comparison with
what came before is praise without a praise word ("it's night and day compared to the old
portal", "跟原来比简直天差地别", "以前要一个周末，现在二十分钟"). A praise word that the customer
mocks is scorn ("your so-called smart routing", "你们所谓的智能排班"), however positive the word. A
current customer's shortfalls need no feeling word either: a gap in the product ("no sensor data in
the platform", "平台上基本是空白") and a price that rose ("the renewal price has risen 22%").
`sentiment.score_sentence` counts the first two as praise, scorn and shortfalls as flat
negatives, and scores the rest of the sentence with the turn blanked out. Each pattern is cue-gated: a sentence pays only
when it holds one of the pattern's words.
"""

from __future__ import annotations

import re

from extractors.rules.cues import register, register_pattern
from extractors.rules.folding import fold, gated

_DOUBT_EN_WORDS = ("skeptical", "sceptical", "doubtful", "worried", "nervous", "hesitant", "wary", "reluctant",
                   "resistant", "unconvinced", "apprehensive", "dubious")
_DOUBT_EN = "(?:" + "|".join(_DOUBT_EN_WORDS) + ")"
_DOUBT_ZH_WORDS = ("担心", "怀疑", "顾虑", "抵触", "排斥", "不看好", "不太看好", "不习惯", "不太相信", "不相信",
                   "犹豫", "不放心", "不情愿", "没信心")
_DOUBT_ZH = "(?:" + "|".join(_DOUBT_ZH_WORDS) + ")"
_NUM_ZH = r"[一二三四五六七八九十两半几\d]+"
_BETTER_ZH = ("强", "好", "快", "顺", "稳", "方便", "省心", "省事", "清楚", "好用")
_MUCH_ZH = ("太多", "好多", "很多", "不少")
_BEFORE_ZH = ("以前", "原来", "过去", "以往")  # not 之前: "月底之前" sets a deadline

# a doubt they had and lost: "not skeptical anymore", "won the holdouts over", "顾虑都打消了"
OVERCOME_EN = fold(re.compile(
    rf"\b(?:(?:not|\w+n't|never) (?:so |as |that |really )?{_DOUBT_EN} (?:anymore|any more|now)|no longer "
    rf"(?:so |as |that |really )?{_DOUBT_EN}|(?:were|was|had been) (?:a (?:bit|little) |pretty |very |really |so |"
    rf"quite )?{_DOUBT_EN}\b[^.;!?]{{0,60}}?\b(?:but (?:now|not anymore|no longer)|not anymore|now (?:they|we|he|she|"
    r"everyone)(?:'re| are| love| use| like)|won over|came around)|won (?:them|us|everyone|everybody|people|him|her) over|"
    r"won the (?:\w+ )?(?:team|skeptics|sceptics|doubters|holdouts) over|(?:proved|proven) (?:us|me|them|everyone|the "
    r"(?:skeptics|sceptics|doubters)) wrong|(?:skeptics|sceptics|doubters|holdouts) (?:are|have become) (?:now |all )?"
    r"(?:fans|converts|believers|champions))\b", re.I))
OVERCOME_ZH = re.compile(
    rf"(?:一开始|刚开始|开始的时候|起初|最初|本来|原本|当初)[^。！？]{{0,16}}?{_DOUBT_ZH}[^。！？]{{0,24}}?"
    r"(?:现在|后来|如今|用下来|用了以后|用了之后|没想到)|不再(?:担心|怀疑|抵触|排斥)|"
    r"(?:顾虑|疑虑|担心)(?:都|也|全)?(?:打消了|消除了)|打消了[^。！？]{0,6}(?:顾虑|疑虑)|离不开了")
# a doubt dated in the past is history, not a feeling now: "they were sceptical in November"
PAST_DOUBT = fold(re.compile(
    rf"\b(?:were|was|had been) (?:a (?:bit|little) |pretty |very |really |so |quite )?{_DOUBT_EN} (?:at first|"
    r"initially|in the beginning|at the start|early on|back then|(?:back )?in (?:january|february|march|april|"
    r"may|june|july|august|september|october|november|december)|last (?:year|month|quarter|fall|autumn|spring|"
    r"summer|winter))\b"
    rf"|(?:一开始|刚开始|开始的时候|起初|最初|当初)[^，。！？]{{0,10}}?{_DOUBT_ZH}", re.I))
# what came before, compared: "night and day compared to X", "a world apart", "天差地别", "强太多"
COMPARED_EN = fold(re.compile(
    r"\b(?:night and day|day and night difference|a world (?:of difference|apart)|(?:leagues|streets) (?:ahead|"
    r"better)|(?:huge|massive|big|real|major) (?:step|leap) (?:up|forward)|(?:never|wouldn't|won't|couldn't) (?:ever )?"
    r"go back|can't imagine going back|never going back|in a different league|"
    # a difference made, a best-ever: "made a real difference with our execs", "one of the clearest write-ups ever"
    r"(?:made|makes|making) (?:a |such a )?(?:real|huge|big|massive|great) difference|one of the (?:best|clearest|"
    r"fastest|easiest|smoothest|most \w+) [^.!?]{0,50}\bever)\b", re.I))
COMPARED_ZH = gated(re.compile(
    r"天差地别|天壤之别|(?:不是|不在)一个(?:档次|级别|量级)|(?<![没不])(?<!没有)"
    rf"(?:{'|'.join(_BETTER_ZH)})了?(?:{'|'.join(_MUCH_ZH)})了?(?![吗？?])|"
    # a before/after in time: "以前要弄一个周末，现在二十分钟", "原来三天，现在只要半天"
    rf"(?:{'|'.join(_BEFORE_ZH)})[^。；！？]{{0,30}}?(?:一个周末|一整天|{_NUM_ZH}(?:个)?(?:小时|天|周|"
    rf"星期|礼拜|月))[^。；！？]{{0,12}}?[，,]\s*(?:现在|如今)(?:(?:只要|只需要?|不到|才|就)[^。；！？]{{0,4}}?"
    rf"{_NUM_ZH}(?:个)?(?:分钟|小时|天)|[^。；！？]{{0,6}}?(?:{_NUM_ZH}(?:分钟|秒)|半(?:个)?小时|一会儿))"))
# scorn through a praise word: "your so-called smart pricing", "你们所谓的智能定价"
SCORN = fold(re.compile(
    r"\b(?:so-called|so called|what you call|your idea of) (?:[\"“']?[\w-]+[\"”']? ){0,2}|\b(?:is|was|are|were) "
    r"supposed to be (?:so )?(?:smart|intelligent|easy|simple|fast|quick|automatic|intuitive|seamless|better|"
    r"the (?:best|fix|solution))\b"
    r"|(?:你们|贵司|您们|他们|这个|这套|系统)(?:的)?所谓(?:的)?[^，,。！？；”\x22]{0,6}|所谓(?:的)?(?:智能|自动|专业|"
    r"高效|一站式|贴心|优化|升级|服务|AI|人工智能|大数据|精准|定制|专属|极速)[^，,。！？；”\x22]{0,4}|号称[^，,。！？；]{0,8}|"
    r"美其名曰", re.I))
# what a current customer holds against the product without a feeling word: a gap ("no sensor data in
# the platform", "平台上这些线路基本是空白") and a price that rose ("the renewal price has risen 22%", "报价上调了")
SHORTFALL = fold(re.compile(
    r"\b(?:(?:ha(?:ve|s)|show(?:s|ing)?|with) no (?:[\w-]+ ){0,2}(?:data|records|readings|history|visibility) "
    r"(?:in|on|from) (?:the|your) (?:\w+ )?(?:platform|system|dashboard|app|portal|reports?)|(?:price|pricing|cost|"
    r"costs|fees?|renewal|quote|subscription)[^.,;!?]{0,20}\b(?:has |have |had )?(?:risen|rose|gone up|went up|"
    r"increased|jumped|doubled|tripled))\b"
    r"|(?:平台|系统|看板|后台|报表|页面)(?:上|里)?[^，。！？]{0,10}(?:是|一片|显示|全是|都是)空白|"
    r"(?:价格|报价|费用|续费|收费)[^，。！？]{0,8}(?:涨了|上涨|上调|翻倍)", re.I))
# each turn is opened by its rarest words (a doubt, a comparison), not by "in May", 现在 or 很多
_OVERCOME_EN_CUE = register("overcome_en", [*_DOUBT_EN_WORDS, "won them", "won us", "won everyone", "won everybody",
                                           "won people", "won him", "won her", "won the", "wrong", "skeptics",
                                           "sceptics", "doubters", "holdouts"], pattern=OVERCOME_EN)
_OVERCOME_ZH_CUE = register("overcome_zh", [*_DOUBT_ZH_WORDS, "不再", "打消", "消除", "离不开了"], pattern=OVERCOME_ZH)
PAST_DOUBT_CUE = register("past_doubt", [*_DOUBT_EN_WORDS, *_DOUBT_ZH_WORDS], pattern=PAST_DOUBT)
_COMPARED_EN_CUE = register_pattern("compared_en", COMPARED_EN)
_COMPARED_ZH_CUE = register("compared_zh", ["天差地别", "天壤之别", "一个档次", "一个级别", "一个量级", *_BEFORE_ZH,
                                           *(f"{better}{link}{much}" for better in _BETTER_ZH for link in ("", "了")
                                             for much in _MUCH_ZH)], pattern=COMPARED_ZH)
_SCORN_CUE = register_pattern("scorn", SCORN)
_SHORTFALL_CUE = register_pattern("shortfall", SHORTFALL)
_PRAISE = ((OVERCOME_EN, _OVERCOME_EN_CUE), (OVERCOME_ZH, _OVERCOME_ZH_CUE), (COMPARED_EN, _COMPARED_EN_CUE),
           (COMPARED_ZH, _COMPARED_ZH_CUE))
TURN_CUES = _OVERCOME_EN_CUE | _OVERCOME_ZH_CUE | PAST_DOUBT_CUE | _COMPARED_EN_CUE | _COMPARED_ZH_CUE \
    | _SCORN_CUE | _SHORTFALL_CUE  # any turn can be in the sentence


def turned_praise(text: str, cues: int) -> int:
    """How many doubts overcome and favourable comparisons `text` (one sentence) states."""
    return sum(len(pattern.findall(text)) for pattern, bit in _PRAISE if cues & bit)


def scorned(text: str, cues: int) -> int:
    """How many praise words `text` (one sentence) mocks, and how many gaps and price rises it
    states."""
    found = len(SCORN.findall(text)) if cues & _SCORN_CUE else 0
    return found + (len(SHORTFALL.findall(text)) if cues & _SHORTFALL_CUE else 0)


def without_turns(text: str, cues: int) -> str:
    """`text` with its turns (and a doubt dated in the past) blanked out, for the word lexicons
    to score the rest."""
    for pattern, bit in (*_PRAISE, (PAST_DOUBT, PAST_DOUBT_CUE), (SCORN, _SCORN_CUE),
                         (SHORTFALL, _SHORTFALL_CUE)):
        if cues & bit:
            text = pattern.sub(" " if text.isascii() else "，", text)
    return text
