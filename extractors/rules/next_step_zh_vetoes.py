"""Chinese steps that are no commitment to act for the other side: sanctions, a ticket system's
acknowledgement, self-introductions and document titles.

- A sanction the customer announces ("如4月30日前仍未收到书面答复，我店将暂停支付服务费", "2月份服务费
  我司将按合同扣减后支付", "我院将在供应商考评中据实记录") is a threat, an objection, never a step,
  though it has a subject, 将 and often a date.
- A ticket system's acknowledgement ("您的工单已受理，客服将在1个工作日内联系您") promises the same
  callback to every requester; the agent's own words later in the thread carry the steps.
- "我这边是华兴物流的小陈": who is calling, with 我这边 and no verb of its own.
- A title line ("技术交流会纪要", "种子采购座谈会记录（2月10日）") names the document.

Each test is run only on a step already found, so it costs nothing for the other sentences.
"""

from __future__ import annotations

import re

from extractors.rules.next_step_clauses import NextStepHit

__all__ = ["is_vetoed"]

_SANCTION = re.compile(r"暂停(?:支付|付款|合作)|暂缓(?:支付|付款|续签|续约)|扣减|据实记录|(?:依据|按照?)合同[^，,。]{0,8}"
                       r"(?:约定|条款)?[^，,。]{0,4}处理|转走|解约|终止(?:合作|合同|服务)|换(?:别家|一家|供应商)|追究")
_ACKNOWLEDGED = re.compile(r"(?:工单|工單|申请|申請|请求|請求|反馈|留言)已(?:经)?(?:提交|受理|建立|收到|登记|登記)")
_CALLBACK = re.compile(r"联系|聯繫|聯絡|回复|回覆|答复|回电|回電|处理|處理")
_IDENTITY = re.compile(r"^是")
_TITLE = re.compile(r"^[^，,。；;！!？?]{2,30}(?:纪要|記要|记录|記錄|速记|纪实)(?:[（(][^（()）]{0,30}[)）])?\s*$")


def is_vetoed(hit: NextStepHit) -> bool:
    """Whether a Chinese step is a sanction, a ticket acknowledgement, an introduction or a title."""
    text = hit.sentence.text
    if not hit.is_request and hit.owner == "customer" and _SANCTION.search(hit.action):
        return True
    if _ACKNOWLEDGED.search(text) and _CALLBACK.search(hit.action):
        return True
    return _IDENTITY.match(hit.action) is not None or _TITLE.match(text.strip()) is not None
