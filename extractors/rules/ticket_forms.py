"""A support ticket written as a form: its "Label: value" lines are fields, not speakers.

Help desks and web forms export a ticket as fields ("工单编号：…", "优先级：高", "联系人：采购部 潘女士",
"客户：宁波东力模具 设备部 俞主管") above the requester's own words ("问题：…", "描述：…", "要求：…",
"备注：…", or a plain paragraph under the heading). Read as speaker turns, each field became a
speaker of its own: the "客户：<company and name>" line was then the customer's only sentence and
hid the complaint below it, and a description whose words sounded like the vendor's ("我司…") was
given to the vendor. `field_kind` tells a header field (its first line is metadata, what follows
it is the requester's) from a content field (the requester's words) so `sentences._turns` can
give the description to the customer.
"""

from __future__ import annotations

import re
from typing import Literal

# metadata: who, what, how urgent, where from ("工单编号", "优先级", "提交人", "联系人", "门店")
_HEADER_FIELDS = re.compile(
    r"^(?:工单(?:编号|号|类型|来源|标题|分类)?|问题(?:类型|分类|类别)|类型|分类|类别|优先级|紧急程度|严重程度|"
    r"申请单位|提交人|报修人|反馈人|联系人|联系方式|联系电话|电话|手机|邮箱|所属行业|行业|提交(?:方式|渠道|时间)|"
    r"来源|渠道|门店(?:编号|名称)?|机构(?:名称)?|公司(?:名称)?|单位|设备(?:编号|型号)?|产品(?:模块|名称)?|"
    r"模块|版本|附件|状态|客户(?:账号|编号|名称)|订单号|(?:客户|用户)账号)$")
# the requester's own words ("问题描述" and "Description" are already the customer's labels)
_CONTENT_FIELDS = re.compile(
    r"^(?:(?:故障|详细|问题|需求)?描述|问题(?:现象|详情|说明)?|现象|(?:申请|反馈|咨询|投诉)?内容|要求|诉求|期望|"
    r"备注|补充(?:说明)?|(?:客户|用户)(?:留言|评价|反馈)|留言|评价|原帖|反馈)$")
# "客户：宁波东力模具 设备部 俞主管", "客户：拓维电商（API对接）": a name line, not a sentence
_ENTITY_LINE = re.compile(r"^[^。！？!?，,；;~～]{2,40}$")
_ENTITY_MARK = re.compile(r"[（(][^)）]+[)）]|\S\s+\S|公司|集团|医院|学校|中心|门店|分店|商贸|科技|电商|物流|"
                          r"快运|工厂|有限|(?:部|店|总|主管|经理|老师|前台|调度|专员|负责人)$")
_CUSTOMER_LABEL = re.compile(r"^(?:客户|用户)$")

# the English forms of both ("Priority: High", "Reported by: …"; "Steps to reproduce: …")
_EN_HEADER_FIELDS = re.compile(
    r"^(?:(?:ticket|case|request|incident|issue)(?: (?:id|#|no\.?|number|type|category|source))?|id|#|"
    r"priority|severity|urgency|impact|status|state|type|category|sub-?category|product(?: area| module)?|"
    r"component|module|area|feature|(?:app )?version|platform|browser|os|device|environment|env|plan|tier|"
    r"account(?: name| id| number)?|org(?:ani[sz]ation)?|company|customer (?:id|name|account|since)|"
    r"reported by|submitted by|submitted via|opened by|raised by|created by|opened|"
    r"created(?: at| on)?|submitted(?: at| on)?|received|date|time|contact(?: name| email| phone)?|e-?mail|"
    r"phone|name|assignee|assigned to|group|queue|channel|source|via|tags?|labels?|attachments?|sla|"
    r"location|site|region|language|locale|from|to|cc|sent|(?:order|invoice)(?: id| #| no\.?| number)?|"
    r"sku|url|link|ref(?:erence)?)$", re.I)
_EN_CONTENT_FIELDS = re.compile(
    r"^(?:(?:issue|problem|request)(?: (?:description|details|summary|statement))?|description|details|question|"
    r"message|comments?|body|what happened|what are you trying to do|steps to reproduce|"
    r"(?:reproduction|repro) steps|expected (?:result|behaviou?r)|actual (?:result|behaviou?r)|"
    r"additional (?:info(?:rmation)?|details|context)|(?:customer|user) (?:message|comment|feedback)|"
    r"feedback|complaint|inquiry|enquiry|original (?:post|message)|business impact)\??$", re.I)
# "Customer: Whitmore & Lane (Harriet Ng)", "Requester: Mark Delaney, IT Manager": a name line
_EN_CUSTOMER_LABEL = re.compile(r"^(?:customer|client|user|end user|member|caller|requester|requestor)$", re.I)
_EN_ENTITY_LINE = re.compile(r"^[^\n]{2,80}(?<![.!?…])$")
_EN_WORD = re.compile(r"[A-Za-z][\w'&.-]*")
# who filed the ticket: a speaker later known by a first name from this field is the requester
_REQUESTER_FIELDS = re.compile(r"^(?:customer|client|user|requester|requestor|reported by|submitted by|"
                               r"opened by|raised by|created by|contact(?: name)?|name|from|"
                               r"客户|用户|联系人|提交人|报修人|反馈人)$", re.I)
_NAME = re.compile(r"\b[A-Z][a-z]+\b|[\u4e00-\u9fff]{2,4}")
_FORM_NAME = re.compile(r"^[【\[][^】\]\n]{1,12}[】\]]\s*")

FieldKind = Literal["header", "content"]


def field_kind(label: str, value: str) -> FieldKind | None:
    """What a ticket's "label: value" line is: a `header` field (metadata on its first
    line), a `content` field (the requester's words), or None (a speaker turn after all)."""
    if label[:1] in "【[":  # "【报修工单】门店编号：…": the form's name, then its first field
        label = _FORM_NAME.sub("", label, count=1)
    if _CONTENT_FIELDS.match(label):
        return "content"
    if _HEADER_FIELDS.match(label):
        return "header"
    first = value.strip().split("\n", 1)[0].strip()
    if _CUSTOMER_LABEL.match(label) and _ENTITY_LINE.match(first) and _ENTITY_MARK.search(first):
        return "header"
    if not label.isascii():
        return None
    if _EN_CONTENT_FIELDS.match(label):
        return "content"
    if _EN_HEADER_FIELDS.match(label):
        return "header"
    if _EN_CUSTOMER_LABEL.match(label) and _is_name_line(first):
        return "header"
    return None


def _is_name_line(line: str) -> bool:
    """"Whitmore & Lane Solicitors (Harriet Ng)", "jo@acme.io": a name, not a sentence."""
    if "@" in line:
        return " " not in line.strip() or line.count(" ") <= 3
    if not _EN_ENTITY_LINE.match(line):
        return False
    words = _EN_WORD.findall(line)
    return bool(words) and sum(w[0].isupper() for w in words) * 3 >= len(words) * 2


def requester_names(label: str, value: str) -> frozenset[str]:
    """The names a ticket's requester field gives ("Reported by: Mark Delaney, IT Manager" gives
    Mark and Delaney), for a speaker later known by one of them; empty for any other field."""
    if not _REQUESTER_FIELDS.match(label):
        return frozenset()
    first = value.strip().split("\n", 1)[0]
    return frozenset(_NAME.findall(first))
