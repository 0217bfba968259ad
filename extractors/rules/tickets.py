"""Ticket fields (issue, product, severity, status) from the comment thread and its metadata.

Every field needs a quote in the text. The issue is the customer's first sentence that states a
problem (else their first sentence); severity and status come from cue sentences, normalized
to the Zendesk scales, and fall back to the ticket's own priority/status only when a sentence
supports it; the product is reported only where its name appears in the text.
"""

from __future__ import annotations

import re

from assistant.models import TicketField, TicketFields, Touchpoint
from extractors.grounding import evidence_for_span
from extractors.rules.folding import gated
from extractors.rules.pains import PAIN
from extractors.rules.sentences import Sentence
from extractors.rules.signals import clause

SEVERITY_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("urgent", gated(re.compile(r"\b(urgent|asap|emergency|outage|is down|are down|went down|production|"
                          r"critical|cannot (?:log ?in|access)|can'?t (?:log ?in|access)|data loss|"
                          r"all users|blocking)\b|紧急|宕机|崩溃|无法登录|登录不了|全部用户|数据丢失|"
                          r"生产环境|十万火急|非常急", re.I))),
    ("high", gated(re.compile(r"\b(still (?:broken|failing|not)|again|escalat\w*|several|many users|"
                        r"month[- ]end|deadline|important)\b|还是不行|又|升级|很急|着急|影响业务|"
                        r"多个用户", re.I))),
    ("normal", gated(re.compile(r"\b(error|fails?|broken|bug|not working|issue|problem)\b|报错|错误|失败|"
                          r"问题|不能用", re.I))),
    ("low", gated(re.compile(r"\b(question|how (?:do|can) i|where (?:can|do) i|wondering|minor|"
                       r"cosmetic|typo)\b|请问|咨询|怎么|如何|小问题", re.I))),
]
STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("solved", gated(re.compile(r"\b(resolved|fixed|works now|working now|solved|all good now|"
                          r"that did it|close (?:this|the ticket))\b|已解决|解决了|已修复|好了|"
                          r"可以了|正常了", re.I))),
    ("pending", gated(re.compile(r"\b(waiting (?:for|on) (?:your|you)|could you (?:send|provide|share)|"
                           r"please (?:send|provide|share|confirm)|need more (?:info|details))\b|"
                           r"请提供|请发送|请确认|等您|麻烦提供", re.I))),
    ("open", gated(re.compile(r"\b(still|looking into|investigating|working on|escalated)\b|还是|"
                        r"正在排查|正在处理|处理中|跟进中", re.I))),
]


def _field(touchpoint: Touchpoint, value: str, sentence: Sentence) -> TicketField:
    return TicketField(value=value, evidence=evidence_for_span(touchpoint, sentence.start,
                                                               sentence.end))


def _last_cue(sentences: list[Sentence], cues: list[tuple[str, re.Pattern[str]]]
              ) -> tuple[str, Sentence] | None:
    """The first cue level (cues are ordered strongest first) found anywhere, latest sentence."""
    for level, pattern in cues:
        matching = [s for s in sentences if pattern.search(s.text)]
        if matching:
            return level, matching[-1]
    return None


def extract_ticket_fields(touchpoint: Touchpoint, sentences: list[Sentence]) -> TicketFields:
    customer = [s for s in sentences if s.role == "customer"] or sentences
    fields = TicketFields()
    if customer:
        problem = next((s for s in customer if PAIN.search(s.text)), customer[0])
        fields.issue = _field(touchpoint, clause(problem), problem)
    product = str(touchpoint.metadata.get("product") or "")
    if product:
        at = touchpoint.text.casefold().find(product.casefold())
        if at >= 0:
            fields.product = TicketField(value=product, evidence=evidence_for_span(
                touchpoint, at, at + len(product)))
    severity = _last_cue(customer, SEVERITY_CUES)
    if severity:
        fields.severity = _field(touchpoint, severity[0], severity[1])
    status = _last_cue(sentences[-3:], STATUS_CUES)
    if status:
        fields.status = _field(touchpoint, status[0], status[1])
    return fields
