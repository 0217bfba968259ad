"""A Chinese pain clause keeps the clause that measures it: "四十台设备掉线了，最长的一台九天没数据".

`pains.pain_phrases` keeps the clauses of a Chinese sentence that hold a problem cue. People
who report a problem in Chinese often say what it is in one clause and how bad it is in the next,
with a count, a sum or a length of time and no complaint word of its own: "对账对不上，三家店差了
一万多", "停工一天，损失二十多万", "手工录入，一天大概二三十条". Cut at the comma, the kept clause
loses the measure a person would list with it and no longer reads as the same problem. A clause
right after a kept pain (only a comma between) that is short, holds such a measure and is a plain
statement (no question, wish, request or promise) joins that pain.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NUMBER = r"(?:\d[\d,.，]*|[一二两三四五六七八九十百千万几半]+)"
# a count, sum or span: "九天", "一万多", "二三十条", "好几次", "两个半小时", "18%", "大半天"
MEASURE = re.compile(
    _NUMBER + r"(?:个|多|来|余)*(?:半)?(?:天|小时|分钟|秒|次|回|遍|趟|条|台|家|单|笔|件|箱|人|"
    r"名|张|万|千|元|块|起|周|礼拜|星期|个月|年|套|辆|车|批|份|单|成|倍|%|％)|"
    r"好几(?:次|回|遍|天|个|条|家|台|单|十)|大半天|一(?:整天|上午|下午|晚上|个上午|个下午)")
# a clause on what the vendor did ("你们第二天就给我补寄了", "贵司工程师来看过一次") or one that
# opens on "有" or "另外" and tells another thing that exists ("有一家店的电脑配置低一点") measures nothing
_OTHER_MATTER = re.compile(r"(?:另外|还有|此外|其次|同时|再就是|再加上|有|你们|您|贵司|贵方|贵公司|[\u4e00-\u9fff]{0,6}(?:都有|也有)反映)")
MAX_MEASURE_CHARS = 14  # Han characters; a longer clause tells a matter of its own
# a clause that only dates or places the problem ("3月5日", "上周三") measures nothing
_DATE_ONLY = re.compile(r"^[\d一二三四五六七八九十]+(?:月|号|日|点)[\d一二三四五六七八九十号日点半]*$")
_COMMA = re.compile(r"[\s，,、；;]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def with_measures(text: str, pains: list[str], clauses: list[tuple[int, int, bool]],
                  clause_of: Callable[[str, int, int], str],
                  is_usable: Callable[[str, bool], bool]) -> list[str]:
    """`pains` with each one extended over the measuring clause right after it.

    `clauses` are the (start, end, asked) spans of `text` without a cue; `is_usable` says whether
    a cleaned clause is a plain statement."""
    extended = []
    for pain in pains:
        at = text.find(pain)
        if at < 0:
            extended.append(pain)
            continue
        end = at + len(pain)
        after = next(((s, e, a) for s, e, a in clauses if s >= end), None)
        if after is not None and _COMMA.fullmatch(text, end, after[0]):
            part = clause_of(text, after[0], after[1])
            if len(_HAN.findall(part)) <= MAX_MEASURE_CHARS and MEASURE.search(part) and \
                    not _OTHER_MATTER.match(text, after[0]) and not _OTHER_MATTER.match(part) and \
                    not _DATE_ONLY.match(part) and is_usable(part, after[2]):
                pain = clause_of(text, at, after[1])
        extended.append(pain)
    return extended
