"""A Chinese complaint that lists several problems with one cue word: each is a pain point.

`pains.pain_phrases` keeps the clauses of a Chinese sentence that hold a problem cue. But a
customer often lists a failure and what it did next in one long sentence, joined by commas,
semicolons, "而且", "还", "另外", and only one clause carries a cue word: "导出来的记录没有批号，
质检部不签字，验收报告过不了", "账单又算错了，有两家门店被罚了款", "推荐价半夜自己往下调，周末的房全被
低价订走了". A clause of such a sentence is its own pain point when it tells a harm the words of
complaint do not cover — someone sanctioned or losing something ("被罚", "被质问", "被订走", "克扣",
"耽误", "损失"), a check that no longer passes ("过不了", "不签字"), records mixed up ("串单", "错位", "错乱"), a tool left unused for paper
("基本不用", "还是拿纸质的") or someone's customer demanding money back ("要求退款", "要求暂停付款").
These words are too weak to make a pain of a sentence on their own, so they are read only in a
sentence that already holds one (`HARM`). A short clause that only weighs the problem told just
before it ("很影响效率", "投诉集中在这一块", "这已经涉及隐私问题") is no pain of its own but that
problem's impact (`IMPACT`): it goes with the plain fact before it, or is dropped after a pain
already kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# what a problem did: sanctions, losses, checks that fail, sums off, records mixed up, paper kept,
# customers who want their money back
HARM = re.compile(
    r"被[\u4e00-\u9fff]{0,10}?(?:罚|投诉|质问|追问|问过|拦截|拦下|订走|抢走|骂|通报|约谈|扣分|扣款|扣钱|处罚|拉黑)|"
    r"克扣|耽误|损失|罚了|赔了|白干|"
    r"质问|以为是假|(?:打电话|跑|找上门)(?:来|过来)?(?:骂|质问|投诉|闹)|投诉到|"
    r"过不了|通不过|验收不了|不(?:肯|愿意|给)?签字|"
    r"基本不用|没人用|(?:仍然|还是|依然|还在|只好|又)(?:拿|用|走|靠)(?:纸|手写|本子)|"
    r"串单|串号|串了|错位|错乱|张冠李戴|对不齐|"
    r"要求(?:暂停|停止)?(?:付款|退款|赔偿|退单|退货|解约|取消|付[\u4e00-\u9fff]{0,4}款)|"
    r"藏得(?:很|太|特别)?深|没有(?:批号|编号|序号|单号|时间戳|签名)")
# a harm waved off or praise: "差了一天也没关系", "被领导表扬了"
_FINE = re.compile(r"没关系|没事|不要紧|无所谓|还好|能接受|可以接受|满意|好用|不错|表扬|挺好|很好")
# the impact of the problem just told, with nothing of its own: "很影响效率", "影响挺大的",
# "客户投诉集中在这一块", "这已经涉及隐私问题"
IMPACT = re.compile(
    r"^(?:这|这样|这个)?(?:已经|严重|很|太|非常|特别|真的|也|都|挺|直接)?(?:影响|耽误)(?:了|到)?"
    r"(?:我们的?|大家的?)?(?:效率|工作|进度|业务|体验|使用|心情|士气|积极性|开单|销售|交付|结算|"
    r"上线|生意)?(?:很大|挺大|不小|太大)?(?:了|的)?$|"
    r"^[\u4e00-\u9fff]{0,8}?受到?了?(?:很大的?|不小的?|一定的?|严重)?影响了?$|"
    r"^[\u4e00-\u9fff]{0,6}(?:投诉|意见|抱怨|差评)(?:主要|基本|大多|都)?集中在[\u4e00-\u9fff]{0,6}$|"
    r"^(?:这|这个|这样)?(?:已经|都|也|还)?涉及(?:到)?(?:用户|客户|业主|个人)?(?:隐私|安全|合规|"
    r"数据安全|信息安全)(?:问题|了)?$")


def harm_clauses(text: str, clauses: list[tuple[int, int, bool]], kept: list[tuple[int, int]],
                 clause_of: Callable[[str, int, int], str],
                 is_usable: Callable[[str, bool], bool]) -> list[tuple[int, str]]:
    """(start, phrase) of the clauses of `clauses` (spans without a cue) that tell a HARM and lie
    outside the spans of the pains `kept`; `is_usable` says whether a cleaned clause may stand as
    a pain (long enough, no question, threat or request)."""
    found = []
    for start, end, asked in clauses:
        if any(s < end and start < e for s, e in kept) or not HARM.search(text, start, end) \
                or _FINE.search(text, start, end):
            continue
        part = clause_of(text, start, end)
        if is_usable(part, asked):
            found.append((start, part))
    return found
