"""A Chinese promise of an order's paperwork names the quantity just ordered.

In chats and calls a repeat order is said in a few words — "再来20把，同款同色", "那就再开10个账号吧",
"这次再下300吨，规格照旧" — and the seller answers with the paperwork alone: "我今天下午把报价单发您",
"好嘞，明天把报价单发您", "合同我今天出". The step is the quote or contract for what was ordered, so
the promise takes the quantity (and the thing counted, when said) from the buyer's last turn:
"把20把的报价单发您", "把10个账号的报价单发您", "出300吨的合同".
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.rules.next_step_clauses import NextStepHit
from extractors.rules.sentences import Sentence

__all__ = ["with_order"]

# the paperwork of an order, as the whole object of a short promise: "把报价单发您", "发您合同", "出合同"
_PAPERWORK = re.compile(r"^(?:一起|一并|先|再)?(?:把|发您|发你|给您|给你|出|做|拟|发)(?:一份|一个|一版|份|个|版)?"
                        r"(?P<doc>报价单|报价|合同|订单|确认单|形式发票)")
_COUNT = (r"(?:\d+|[一二两三四五六七八九十百千万]+)(?:把|个|箱|套|吨|台|件|盆|袋|桶|张|盒|瓶|支|辆|间|位|坐席|席|块|"
          r"条|米|公斤|斤|卷|包|托)")
# an order: a verb of getting more, then a count, maybe the thing counted, then the end of the clause
_ORDERED = re.compile(rf"(?:再来|再要|再开|再下|再订|再加|再买|追加|加订|订|要|下|开|来|买)(?P<qty>{_COUNT}"
                      r"(?P<noun>[\u4e00-\u9fffA-Za-z]{0,6}?))(?:吧|呗|啊|哈)?(?=[，,。！!～~\s]|$)")
MAX_LOOKBACK = 4  # sentences back to the buyer's order


def with_order(hit: NextStepHit, sentences: list[Sentence], i: int) -> NextStepHit:
    """`hit` with the quantity the other side just ordered put before its paperwork ("把报价单发您" →
    "把20把的报价单发您"), or `hit` unchanged when it is no promise of paperwork or nothing was ordered."""
    if hit.is_request or (doc := _PAPERWORK.match(hit.action)) is None or hit.sentence.speaker is None:
        return hit
    for earlier in reversed(sentences[max(0, i - MAX_LOOKBACK) : i]):
        if earlier.speaker in (None, hit.sentence.speaker):
            continue
        if (order := _ORDERED.search(earlier.text)) is not None:
            at = doc.start("doc")
            return replace(hit, action=f"{hit.action[:at]}{order.group('qty')}的{hit.action[at:]}")
    return hit
