"""Action items as meeting notes and recap emails list them, one owner per line.

"Action items:\\n- Sam: send the revised rollout plan - by Friday\\n- Ana: confirm final headcount
(end of week)\\n- Lee: security questionnaire back to us by the 10th", "* Us: 3-year pricing options
- by Wed", "1. 王磊：周五前发送报价", "- Priya to loop in legal". Such a line names its owner before
the task and often has no verb phrase a promise or request pattern would see, so it is read on its
own. A line counts when an action heading comes before it ("Action items", "Next steps", "To-dos",
"Follow-ups", 待办, 行动项, 后续安排, 下一步) or it holds a due date, and when its owner is a side
word ("Us", "You", 我方, 客户) or a name said elsewhere in the text too (a speaker, an attendee, a
greeting), never a heading word such as "Pricing:" or "Notes:".

The owner is the writer's side for "Us"/"We"/我方, the other side for "You"/客户/贵司, and for a
name the side that name speaks for in the text (a speaker's role); a name that never speaks is
taken as the other side's in a message the rep writes and the rep's in one the customer writes.
"""

from __future__ import annotations

import re

from assistant.models import Touchpoint
from extractors.rules.action_items_zh import reads_as_task
from extractors.rules.action_tables import TableRow, table_row
from extractors.rules.attendees import attendee_sides, side_of_name, third_parties
from extractors.rules.dates import find_due_phrases
from extractors.rules.next_step_clauses import NextStepHit, side_of
from extractors.rules.next_step_objects import MIN_ACTION_CHARS
from extractors.rules.next_step_patterns import clean_action
from extractors.rules.parties import party_side
from extractors.rules.project_parties import project_third_party
from extractors.rules.sentences import BULLET, Sentence
from extractors.rules.task_sides import side_of_task

__all__ = ["action_headings", "action_item"]

_WHO = (r"(?P<who>[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}|[Uu]s|[Ww]e|[Mm]e|I|[Yy]ou|[Oo]ur (?:side|team|end)|"
        r"[Yy]our (?:side|team|end)|[\u4e00-\u9fff]{2,4})")
# "- Sam: task", "- Sam (Kestrel): task", "1. 王磊：task"; as a sentence, or split into label and text
# "Kessler IT / Datavia (their SAP partner): …": a partner brought in beside an owner works for the owner's side
_PARTNER = r"(?:\s*(?:/|&|\+)\s*[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2})?"
_ITEM = re.compile(rf"^\s*(?:{BULLET}|\d{{1,2}}）)\s*(?:(?:TODO|ToDo|Todo|To-do|Action)\s+)?{_WHO}{_PARTNER}\s*(?:[（(](?P<tag>[^)）\n]{{1,30}})[)）])?\s*[:：]\s*(?P<task>\S.*)$")
_ITEM_LABEL = re.compile(rf"^\s*(?:{BULLET}|\d{{1,2}}）)\s*{_WHO}\s*(?:[（(](?P<tag>[^)）\n]{{1,30}})[)）])?\s*$")
# a side's own list in notes: "2. 我方待办：", "贵方待办：", "Our side:" then "- 本周五前提交…" lines
_SIDE_HEADING = re.compile(rf"^\s*(?:{BULLET}\s*)?(?P<who>我方|我司|本司|乙方|贵方|贵司|客户方?|甲方|你方|"
                           r"[Oo]ur (?:side|team)|[Yy]our (?:side|team))(?:的)?\s*(?:待办(?:事项)?|行动项|"
                           r"后续(?:事项|安排)?|跟进事项|需要(?:做|完成|提供)的|action items|to-?dos?|next steps)?\s*[:：]\s*$")
_BULLETED = re.compile(rf"^\s*{BULLET}\s*(?P<task>\S.*)$")
# a tag that says the side: "王磊（我方）", "林工（客户IT）"
_OUR_TAG = re.compile(r"^(?:我方|我司|本司|乙方|our side|us)", re.I)
_THEIR_TAG = re.compile(r"^(?:客户|贵方|贵司|甲方|your side|client|customer)", re.I)
_CUSTOMER_TAG = re.compile(r"^(?:客户|甲方|client|customer)", re.I)  # the customer, whoever writes
# "- Sam to send the deck", "Action: Priya to loop in legal"
_TO_ITEM = re.compile(rf"^\s*(?:{BULLET}|action(?: item)?s?\s*[:：])\s*"
                      r"(?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+)?|We|You)(?:\s*\([^)\n]{1,30}\))?\s+to\s+(?P<task>[a-z].*)$")
_HEADING = re.compile(r"^[ \t#*【\[]*(?:[一二三四五六七八九十\d]{1,2}[、.．)）]\s*)?(?:action items?|actions|next steps|to-?dos?|follow[- ]?ups?|owners|open items|"
                      r"待办(?:事项)?|行动项|后续(?:安排|事项|计划)?|跟进事项|下一步(?:计划|安排)?|"
                      # what minutes decided, each item with its owner: "会议议定：", "整改要求：", "【下周安排】"
                      r"(?:会议)?(?:议定|决定|决议|确定)(?:事项)?|整改要求|下周(?:安排|计划)|分工|处理意见|"
                      # "二、会议意见", "4. 讨论结果": what a review meeting concluded, item by item
                      r"会议(?:意见|结论)|讨论结果|"
                      r"(?:我方|乙方|甲方|双方)承诺)\b[^\n]{0,30}$",
                      re.I | re.M)
_OURS = re.compile(r"^(?:us|we|me|i|our (?:side|team|end)|我方|我们|我司|我|乙方|本司)$", re.I)
_THEIRS = re.compile(r"^(?:you|your (?:side|team|end)|贵司|贵方|你们|您|你方|客户|客户方|对方|甲方)$", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NOT_A_NAME = re.compile(
    r"^(?:notes?|summary|agenda|status|decisions?|risks?|owners?|dates?|budget|timeline|next|"
    r"action|topic|subject|attendees|location|time|re|fwd?|update|question|answer|issue|problem|"
    r"solution|total|price|pricing|cost|scope|goal|result|outcome|context|background|q|a|ps|"
    r"note|phase|step|item|owner|deadline|priority|description|comments?|feedback|tbd|n/a|"
    r"备注|总结|议程|状态|决定|风险|负责人|日期|预算|时间|主题|问题|答复|结果|背景|价格|报价|说明|优先级)$", re.I)
_BACK_TO = re.compile(r"^(?P<what>.+?)\s+back to (?:us|you|me|them)$", re.I)
_NO_DATE = re.compile(r"\s*[-–—]\s*(?:tbd|tba|n/a|no date(?: set)?|ongoing)$", re.I)  # "- TBD"
_SEPARATORS = re.compile(r"(?:\s*[-–—]\s*|\s*[（(]\s*[)）]\s*|[\s,，;；。.]+)$")


def action_headings(text: str) -> list[int]:
    """Where each action heading ("Action items:", "待办：") starts in `text`."""
    return [m.start() for m in _HEADING.finditer(text)] if _could_head(text) else []


def _could_head(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in ("action", "next step", "to-do", "todo", "follow",
                                        "owners", "open item")) \
        or any(word in text for word in ("待办", "行动项", "后续", "跟进", "下一步", "议定", "决定", "决议",
                                         "整改要求", "下周安排", "下周计划", "确定", "分工", "处理意见", "承诺",
                                         "会议意见", "会议结论", "讨论结果"))


def action_item(sentence: Sentence, sentences: list[Sentence], touchpoint: Touchpoint,
                headings: list[int]) -> NextStepHit | None:
    """The step an action-item line holds, or None when `sentence` is not one."""
    row = None
    if sentence.text[:1] == "|" or "|" in sentence.text[:12]:  # "| a | b |", "1 | 提供… | 陈晓 |"
        row = table_row(touchpoint.text, sentence.start)
        if row is None and (m := _table_row(sentence, touchpoint.text)) is not None:
            row = TableRow(m.group("who"), m.group("task"), m.group("due") or "")
    who: str | None
    task: str | None
    under_heading = any(at < sentence.start for at in headings)
    does = False  # "- Noor sets up…": the task's verb is in the present, said of its owner
    if row is not None:
        who, tag, task = row.who, None, row.task.strip()
    else:
        who, tag, task = _parts(sentence)
        if who is None and task is None and sentence.text.lstrip()[:1] in _ITEM_START:
            who, task = _side_list(sentence, sentences)
            if who is None and under_heading:
                who, task = _named_first(sentence, touchpoint)
        does = who is None and task is None and under_heading
        if does:
            who, task = _named_does(sentence)
    if who is None or task is None or _NOT_A_NAME.match(who):
        return None
    if row is not None:  # "| Ravi | Send proposal (approx. 20 users) | 13 Mar |": the due is its own cell
        dues = [d for d in find_due_phrases(row.due, touchpoint.occurred_at) if d.due]
        task_at = -len(sentence.text) - 1  # no due phrase lies inside the task cell
    else:
        dues = [d for d in find_due_phrases(sentence.text, touchpoint.occurred_at, cues=sentence.cues)
                if d.due]
        task_at = sentence.text.find(task)
    headed = under_heading or _SIDE_HEADING.match(f"{who}：") is not None
    if not (headed or dues):
        return None
    if not headed and row is None and _HAN.search(task) and not reads_as_task(
            task, [(d.start, d.end) for d in dues], task_at):
        return None  # "- 钱主任：二期预算已经批下来了，希望六月底前上线": a dated report, no task
    owner = _owner(who, tag, task, sentence, sentences, touchpoint)
    if owner is None:
        return None
    action = clean_action(task, [] if row is not None else [(d.start, d.end) for d in dues], task_at)
    while (trimmed := _SEPARATORS.sub("", action)) != action:
        action = trimmed
    action = re.sub(r"\s+(?:by|before|on|due|until|no later than)$", "", action, flags=re.I)
    action = _NO_DATE.sub("", action)
    if (back := _BACK_TO.match(action)) is not None:
        action = f"return {back.group('what')}"
    if len(action) < MIN_ACTION_CHARS:
        return None
    if does:
        action = _plain_verb(action)
    if row is not None and action[1:2].islower():
        action = action[0].lower() + action[1:]  # a cell's capital: "Reproduce the bug"
    due = dues[0] if dues and not dues[0].from_event else None
    return NextStepHit(action, owner, due.due if due else None, due.phrase if due else None,
                       sentence.start, sentence.end, sentence,
                       is_request=owner != side_of(sentence, touchpoint))


def _org_side(sides: dict[str, str], who: str) -> str | None:
    """The side of owner words that name a team of an organisation the attendee lines place
    ("渠宝项目组", "禾鲜信息部"); not "马骏反馈", a name and what the person did."""
    return next((sides[name] for name in sorted(sides, key=len, reverse=True)
                 if len(name) >= 2 and who.startswith(name) and _TEAM.match(who, len(name))), None)


_TEAM = re.compile(r"[\u4e00-\u9fff]{0,4}(?:项目组|项目部|团队|小组|组|部|中心|方|那边|这边)$")


_ITEM_START = frozenset("-*•·▪◦–☐□☑☒✓✔[0123456789Aa")  # how an item line or its label can begin
# a row of an action table: "| Corinne | Reproduce the bug and report back | Tue 3 Mar |", read whole
# from its line (a sentence may end inside a cell: "approx. 20 users")
_ROW = re.compile(r"\|\s*(?P<who>[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2})\s*\|\s*(?P<task>[^|\n]{3,}?)\s*\|"
                  r"(?:\s*(?P<due>[^|\n]*?)\s*\|)?[ \t]*$")


def _table_row(sentence: Sentence, text: str) -> re.Match[str] | None:
    """The action-table row `sentence` opens, matched on its whole line."""
    start = text.rfind("\n", 0, sentence.start) + 1
    if text[start:sentence.start].strip():
        return None
    end = text.find("\n", sentence.start)
    return _ROW.match(text[start : end if end >= 0 else len(text)].strip())


def _parts(sentence: Sentence) -> tuple[str | None, str | None, str | None]:
    """(who, their tag, task) of an action-item line."""
    text = sentence.text
    label = sentence.speaker
    if text.lstrip()[:1] not in _ITEM_START and (label is None or label.lstrip()[:1] not in _ITEM_START):
        return None, None, None  # the cheap test first: most sentences are no list item
    # each pattern only where its first character can stand ("Alice: We are…" is read by none)
    if _could_open(text, _ITEM_START):
        if (m := _ITEM.match(text)) is not None:
            return m.group("who"), m.group("tag"), m.group("task").strip()
        if (m := _TO_ITEM.match(text)) is not None:
            return m.group("who"), None, m.group("task").strip()
    if label is not None and _could_open(label, _LABEL_START) and (m := _ITEM_LABEL.match(label)) is not None:
        return m.group("who"), m.group("tag"), text.strip()
    return None, None, None


_LABEL_START = frozenset("-*•·▪◦–☐□☑☒✓✔[0123456789")  # how `_ITEM_LABEL` can begin


def _could_open(text: str, starts: frozenset[str]) -> bool:
    """Whether a pattern whose matches begin, after spaces, with one of `starts` or with a
    character outside ASCII (a wide digit is `\\d` too) could match at the start of `text`."""
    first = text.lstrip()[:1]
    return first in starts or not first.isascii()


MAX_SIDE_LIST_LINES = 8  # items under one side's heading
_BULLETED_HAN = re.compile(rf"^\s*{BULLET}\s*(?P<task>[\u4e00-\u9fff].*)$")


def _named_first(sentence: Sentence, touchpoint: Touchpoint) -> tuple[str | None, str | None]:
    """(the owner, the task) of an item under an action heading that opens with an attendee's name
    and no colon: "1. 许峰周五前提交测试报告", "- 沈静安排一次培训"."""
    if (item := _BULLETED_HAN.match(sentence.text)) is None:
        return None, None
    task = item.group("task")
    for name in attendee_sides(touchpoint.text):
        if 2 <= len(name) <= 4 and task.startswith(name) and len(task) > len(name) + 1:
            return name, task[len(name):]
    return None, None


# "- Noor sets up a trial workspace tomorrow", "• Carla sends the sample reports by Monday": notes
# under an action heading that say what a named person does, in the present; a verb of wanting,
# thinking or having ("- Gareth wants…", "- Bev has…") reports, it assigns nothing
_DOES = re.compile(rf"^\s*{BULLET}\s*(?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?!(?:wants|needs|likes|loves|hates|"
                   r"thinks|says|said|feels|is|was|has|had|knows|prefers|hopes|expects|worries|seems|agrees|"
                   r"asks|mentions|notes|raises|doubts|believes|means|remains|stays|owns)\b)"
                   r"(?P<verb>[a-z]{2,}(?<!ss)(?:s))\b(?P<rest>.*)$")


def _named_does(sentence: Sentence) -> tuple[str | None, str | None]:
    """(the person, the task from its verb on) of "- Noor sets up a trial workspace"."""
    if (m := _DOES.match(sentence.text)) is None:
        return None, None
    return m.group("who"), sentence.text[m.start("verb"):].strip()


def _plain_verb(action: str) -> str:
    """"sets up a workspace" -> "set up a workspace": the first word's plain form."""
    verb, _, rest = action.partition(" ")
    plain = (verb[:-3] + "y" if verb.endswith("ies") else
             verb[:-2] if re.search(r"(?:ch|sh|x|ss|zz|o)es$", verb) else verb[:-1])
    return f"{plain} {rest}".strip()


def _side_list(sentence: Sentence, sentences: list[Sentence]) -> tuple[str | None, str | None]:
    """(the side, the task) of a bulleted line under a side's own heading ("我方待办：" / "- 本周五前
    提交试点方案；"), the lines between being items of the same list."""
    if (item := _BULLETED.match(sentence.text)) is None or _SIDE_HEADING.match(sentence.text):
        return None, None
    at = next((k for k, s in enumerate(sentences) if s is sentence), 0)
    for earlier in reversed(sentences[max(0, at - MAX_SIDE_LIST_LINES) : at]):
        if (heading := _SIDE_HEADING.match(earlier.text)) is not None:
            return heading.group("who"), item.group("task").strip()
        if _BULLETED.match(earlier.text) is None:
            break
    return None, None


def _owner(who: str, tag: str | None, task: str, sentence: Sentence, sentences: list[Sentence],
           touchpoint: Touchpoint) -> str | None:
    writer = side_of(sentence, touchpoint)
    other = "customer" if writer == "rep" else "rep"
    if _OURS.match(who):
        return writer
    if _THEIRS.match(who):
        return other
    if tag and (_OUR_TAG.match(tag) or _THEIR_TAG.match(tag)):
        # a tag in notes is said by the notes' writer, whoever the line's label makes its speaker
        author = "customer" if touchpoint.channel in ("email", "ticket", "chat") \
            and touchpoint.direction == "inbound" else "rep"
        if _OUR_TAG.match(tag):
            return author
        return "customer" if _CUSTOMER_TAG.match(tag) else "customer" if author == "rep" else "rep"
    if _HAN.search(who) and (org := next((o for o in third_parties(touchpoint.text) if who.startswith(o)), None)):
        return org  # "3. 中储物流：提供盘点表", the attendee lines listing it beside both sides
    if _HAN.search(who) and (side := side_of_name(attendee_sides(touchpoint.text), who)
                              or tag and side_of_name(attendee_sides(touchpoint.text), tag)):
        return side  # "1. 智造云（许诺）：…" under "参会：…；智造云 — 许诺（实施顾问）"
    if _HAN.search(who) and (side := _org_side(attendee_sides(touchpoint.text), who)) is not None:
        return side  # "渠宝项目组" of the attendee line "渠宝：项目经理 吴越、…"
    name = who.split()[0]
    if (org := project_third_party(who, touchpoint.text)) is not None:
        return org  # "P. Nolan (Corran)" of "Present: …, P. Nolan (Contractor, Corran Build)": a third party
    if (side := party_side(who, touchpoint.text, touchpoint.direction, touchpoint.channel)) is not None:
        return side  # "- Quellwerk (Tim): configure the tenant", attendees "Tim Aydin (Quellwerk)"
    for s in sentences:  # the side a speaker of that name is on
        if s.speaker and s.role != "unknown" and not _ITEM_LABEL.match(s.speaker) \
                and s.speaker.lstrip().startswith(name):
            return "customer" if s.role == "customer" else "rep"
    text = touchpoint.text
    mentions = len(re.findall(rf"(?<![\w\u4e00-\u9fff]){re.escape(name)}(?![\w\u4e00-\u9fff])", text))
    if mentions < 2:  # a name said nowhere else may be a heading word: not read as an owner
        return None
    return side_of_task(task) or other  # "- Hugo: send the full-team proposal": the vendor's task
