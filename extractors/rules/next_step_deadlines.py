"""Standing deadlines of a tender or a request for proposals: "响应文件请于4月10日17:00前递交至采购部",
"书面提问须于3月6日前提交", "投标截止时间为3月27日9时30分", "Proposals must be submitted by April 10",
"The deadline for questions is March 6".

No one is named, yet the step is plain: whoever answers the tender (the vendor) hands the thing
in by that date. The action is rewritten as "verb + what" so the clock time and the office it goes
to stay out of it; without a date in the clause there is no step (the caller asks for one).
"""

from __future__ import annotations

import re

from extractors.rules.folding import fold

# who hands in, said before the thing ("供应商书面提问", "各投标人的投标文件"): the vendor, so dropped
_BIDDER = r"(?:(?:各|参与的?)?(?:供应商|投标人|投标单位|响应人|报价人|磋商供应商)的?)?"
ZH_SUBMIT_BY = re.compile(
    rf"^\W*{_BIDDER}(?P<what>[^\s，,。；;：:、]{{2,10}}?)(?:请|须|需|应|必须|务必|应当)(?:在|于)"
    r"[^，,。；;]{2,24}?(?:之前|以前|前)(?P<verb>递交|提交|送达|上传|报送|寄达|寄送|交)")
# "投标截止时间为…", "响应文件递交截止时间是…": the bid itself is due
ZH_CLOSES = re.compile(r"^\W*(?:本项目)?(?P<what>投标|响应文件|响应|报价|磋商文件)(?:文件)?(?:递交|提交)?"
                       r"截止(?:时间|日期)(?:为|是|定于|：|:)")
_ZH_THING = {"投标": "投标文件", "响应": "响应文件", "报价": "报价文件"}
ZH_CUES = ["请于", "须于", "需于", "应于", "须在", "请在", "应在", "务必于", "截止时间", "截止日期"]

EN_SUBMIT_BY = fold(re.compile(
    r"^\W*(?:all )?(?P<what>(?:written )?(?:proposals?|bids?|responses?|quotes?|quotations?|questions?|"
    r"submissions?|tenders?|clarification requests?))(?: \w+){0,3}? (?:must|shall|should|are to|is to) be "
    r"(?P<verb>submitted|received|delivered|uploaded|sent)\b", re.I))
EN_CLOSES = fold(re.compile(
    r"^\W*(?:the )?(?:deadline|closing date|due date) for (?P<what>(?:written )?(?:proposals?|bids?|responses?|"
    r"quotes?|questions?|submissions?|tenders?))(?: \w+){0,2}? (?:is|will be)\b", re.I))
EN_CUES = ["be submitted", "be received", "be delivered", "be uploaded", "deadline for", "closing date for",
           "due date for"]


def zh_deadline_action(clause: str) -> str | None:
    """The vendor's step of a Chinese standing deadline ("递交响应文件"), or None."""
    if m := ZH_SUBMIT_BY.match(clause):
        return m.group("verb") + m.group("what")
    if m := ZH_CLOSES.match(clause):
        return "递交" + _ZH_THING.get(m.group("what"), m.group("what"))
    return None


def en_deadline_action(clause: str) -> str | None:
    """The vendor's step of an English standing deadline ("submit proposals"), or None."""
    if m := EN_SUBMIT_BY.match(clause):
        verb = "upload" if m.group("verb").lower() == "uploaded" else "submit"
        return f"{verb} {m.group('what').lower()}"
    if m := EN_CLOSES.match(clause):
        return f"submit {m.group('what').lower()}"
    return None
