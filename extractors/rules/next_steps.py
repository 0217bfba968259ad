"""Next steps: commitments and requests, one per clause, with an owner and a normalized due date.

A step is a first-person promise ("I'll send…", "我…发给您"), a request to the other side ("could
you send…", "please loop in…", "麻烦…发我一份", "请尽快安排…") — owned by the addressee — a team
or third party's promise ("our support engineer will call you", "我们产品经理下周给您演示" on the
speaker's side; "Priya from finance will send the PO", "your IT team will…" on the customer's),
or a proposal ("let's meet…"). Each clause is read on its own, so "我下午先把演示账号开好，晚上再把
操作手册发给您" is two steps, and a clause without a subject continues the one before it.

Not steps: offers and conditionals until the other side accepts in the next turn ("If you sign
this quarter we could include onboarding", "如果您需要，我们也可以安排培训"), threats ("otherwise
we'll cancel"), complaints and statements that merely contain a date ("上周五的数据到现在还没同步"),
things already done, wishes, questions that are not requests, filler ("bear with me", "稍等一下",
"let me check"), what the product can do ("We can sync…", "我们可以跟钉钉对接"), and anything in a
quoted earlier message. The action is the verb phrase without its lead-in ("Sure —", "Per our
call,", "收到，") and without the due phrase.

A short action takes its object from context: a bare handover from the object put first ("昨天说的
API文档麻烦发我一下") or asked for; a bare reply from the question it answers ("还能再便宜点不？" /
"周一给您回复" → "给您回复能否再便宜点"); a bare finished job from what the talk was about
("自定义条款其实后台能配，我后天远程帮您弄好"); a bare fix from the problem just described. Numbered
demands under a heading ("我方要求：", "We need the following from you:") ask the reader
(next_step_lists.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.models import Touchpoint
from extractors.rules.action_items import action_headings, action_item
from extractors.rules.action_items_zh import zh_minutes_item
from extractors.rules.dates import DuePhrase, find_due_phrases
from extractors.rules.entry_sides import entry_sides
from extractors.rules.next_step_bots import is_bot_prompt
from extractors.rules.next_step_clauses import (
    HANDED_OVER,
    OBJECTLESS,
    NextStepHit,
    is_candidate,
    is_event_time,
    sentence_steps,
    with_due,
)
from extractors.rules.next_step_lists import (
    demanded,
    demands_heading,
    enumerated,
    holds_enumeration,
    list_item,
    next_item,
)
from extractors.rules.next_step_objects import (
    BARE_RESULT,
    REPLY,
    asked,
    fronted,
    only_due,
    topic_of,
    with_asked_object,
    with_result_object,
)
from extractors.rules.next_step_patterns import (
    ACCEPTANCE,
    ASKED_FOR,
    FULFILLED,
    GREETING,
    IDENTITY_ASK,
    INFO_ASK,
    RIGHT_AWAY,
    VERIFIED,
    VERIFY_ASK,
    ZH_VERB,
)
from extractors.rules.next_step_zh_answers import with_problem
from extractors.rules.next_step_zh_orders import with_order
from extractors.rules.next_step_zh_vetoes import is_vetoed
from extractors.rules.parties import party_side, third_party
from extractors.rules.project_parties import project_third_party
from extractors.rules.sentences import Sentence
from extractors.rules.sides import addressee_role

__all__ = ["NextStepHit", "find_next_steps"]

_OTHER = {"rep": "customer", "customer": "rep"}
MAX_RESTATED_VERB_CHARS = 3  # "演示" again: the step said before, not a new one
MIN_RESTATED_CHARS = 4  # "发给" twice is two handovers; "send the user list" twice is one step
MAX_BARE_FIX_CHARS = 4  # "修复", "发布修复", "给您更新": a verb with no object
_HAN = re.compile(r"[\u4e00-\u9fff]")
# "昨天说的API文档麻烦发我一下": the object put before the request; a "…说的/提的" lead-in dropped
_TOPIC_FIRST = re.compile(r"(?:^|[，,。；;])\s*(?:那个|这个|就是)?[，,\s]*(?:[^，,。；;]{0,6}?(?:说|提|讲|聊)(?:过|到)?的)?"
                          r"(?P<object>[^，,。；;！!？?\s]{2,12}?)(?:麻烦|请)(?:您|你)?(?=发|寄|传|转|导出|整理|打印|复印|准备|提供|出|做|开|拉)")
# "发我一下", and "导出一份给我们" (a verb with only a measure word for its object)
_BARE_HANDOVER = re.compile(r"^(?:一并|顺便|也|再|一起)*(?:(?:导出|整理|打印|复印|准备|提供|出|做|开|拉)(?:一)?[份下个套]"
                            r"(?:发|寄|传|转|交|给)?|发|寄|传|转|交)(?:给|到)?(?:您|你|你们|您们|我|我们)?(?:看看|一下)?$")
_FUNCTION_HAN = re.compile(r"[的了我们你您他她是在和把就都也会要吧呢啊嗯请给发一下个份这那再]")
_EN_CONTENT = re.compile(r"\b(?!(?:the|your|our|this|that|with|from|over|about|them|they|you|"
                         r"some|send|sure|ready|done|sorted|finished)\b)[a-z][a-z-]{3,}")
_PRONOUN_REPEAT = re.compile(r"[a-z-]+(?: (?:up|over|out|back))? (?:it|them|that|this)(?: (?:up|over|out|back))?"
                             r"(?: (?:too|as well|also))?$", re.I)
_BUNDLE = re.compile(r"\b(?:also include|in the same (?:email|message|mail|doc|file|deck)|along with|"
                     r"together with)\b|一起|一并|顺便", re.I)
_INVITE = re.compile(r"\b(?:invite|invitation|calendar|meeting link)|会议邀请|会议链接|日程|邀请", re.I)
_MEETING = re.compile(r"\b(?:session|call|meeting|demo|workshop|training|walkthrough)\b|会|演示|培训|沟通",
                      re.I)
_EN_DELIVERY = {"send", "resend", "share", "email", "forward", "get", "put", "include", "attach",
                "mail", "ship", "pass", "provide", "have", "receive", "see", "grab", "pull", "export"}
_BARE_DELIVERY = re.compile(r"(?:have|get|receive|see) (?:it|them|that|this|those|these)"
                            r"(?: (?:ready|done|set up|sorted|finished))?(?: (?:to|over to) (?:you|u)| over)?$", re.I)
# "I'll pull together the seat count." / "I'll send that over Monday.": the delivery of the step before
_SENT_ON = re.compile(r"(?:send|email|forward|pass|share|ship|mail) (?:it|them|that|this|those|these)"
                      r"(?: (?:over|across|along|through|on))?(?: to (?:you|u))?$", re.I)
MAX_SENT_ON_LOOKBACK = 2  # sentences back to the step a pronoun delivery finishes
# a promise that names its object by a pronoun, and what the other side's step just named: "perfect,
# I'll sign it as soon as it lands" after "I'll send the updated quote over": "sign the updated quote…"
_IT = re.compile(r"^(?P<verb>sign|countersign|review|approve|forward|install|test|try|read|return|complete|"
                 r"fill out|fill in) (?:it|them)\b(?P<rest>.*)$", re.I)
_OBJECT_OF = re.compile(r"^[a-z]+(?: (?:up|over|out|back|off))? (?:you |u |me |us )?(?P<object>(?:the|your|our|a|an|"
                        r"this|that) [^,;]+?)(?= (?:over|across|back|to|by|with|for|in|once|when|as soon as|after|"
                        r"before|and)\b|$)", re.I)
MAX_IT_LOOKBACK = 3  # sentences back to the step whose object a pronoun stands for
# the one asked just before promising it back by a pronoun: "she'll send it by Friday", "they'll get those over"
_THIRD_SENDS = re.compile(r"\W*(?:and |ok(?:ay)?,? )?(?:he|she|they)(?:'ll| will)(?: (?:also|then|try to))? (?:send|get|have|"
                          r"share|email|forward|return|provide|do) (?:it|that|them|this|those|these|one)\b", re.I)
# getting the asked-for thing done, by a pronoun ("I'll request it today", "I'll set it up"), unlike
# acting on it ("I'll review it"): the answer to the ask
_PROCURE = {"request", "order", "arrange", "organise", "organize", "set", "sort", "handle", "book", "create",
            "raise", "file", "log", "submit"}
_ONLY_IT = re.compile(r"(?:it|them|those|these)(?: (?:up|in|through|off|done|sorted))?$")
_FILLER_WORDS = re.compile(r"\b(?:me|us|you|your|our|the|a|an|over|back)\b|[您你我们把一份下个了]")
_BARE_FIX = re.compile(r"^(?:尽快)?(?:修复|解决|处理|排查|修好|搞定|恢复)(?:一下)?$")
# a clause that says what is broken: "贵司系统的审批单无法同步到钉钉", "导出经常超时"
_PROBLEM = re.compile(r"[^，,。；;！!？?]*(?:无法|不能|没法|失败|报错|出错|异常|超时|卡顿|卡死|闪退|乱码|"
                      r"打不开|登不上|登录不[上了]|连不上|进不去|用不了|没反应|收不到|丢失|不一致|不同步)[^，,。；;！!？?]*")
MAX_PROBLEM_CHARS = 24
MAX_PROBLEM_LOOKBACK = 3  # sentences back to the problem a bare fix is about
_NEEDED = re.compile(r"需要(?:一个|一份|您的|你们的|贵司的)?(?P<object>[^，,。；;！!？?\s]{2,10})[，,]")
_BARE_SENT = re.compile(r"^(?:寄出|发出|寄过去|发过去|寄回|交上)$")
_OBJECT_THEN_SUBJECT = re.compile(r"^(?P<object>[^，,\s我你您他她]{2,6}?)(?=我们|我|他们|领导|老板|财务|法务|同事)")
_ENTRY_HEAD = re.compile(r"[\[【][^\]】\n]{2,40}[\]】]\s*")
_MEDIA = re.compile(r"\[(?:视频|图片|文件|语音|表情|image|photo|video|file|attachment)\]", re.I)
# what an email lists for a reply: "以下几点疑问", "以下几个问题"
_LISTED_ASKS = re.compile(r"以下(?:几点|几个|这些|[一二三四五六七八九十两\d]+[点个条])?(?P<asks>疑问|问题|需求|事项)")
# what the other side said it has: "个人微信的话我们也有插件", "我们还有一份行业案例"
_OFFERED = re.compile(r"(?:(?P<topic>[^，,。！!？?\s]{2,8}?)的话[，,]?)?(?:我们|我司|我这边|这边)(?:也|还|都)?有"
                      r"(?:个|一个|一份|一套)?(?P<object>[^，,。！!？?\s的]{2,8})[。！!]?$")
_CLAUSES = re.compile(r"[，,；;：:]")
MAX_ASK_LOOKBACK = 4  # sentences back to the other side's question
_PROPOSAL = re.compile(r"\b(?:let's|let us|let me|how about|shall we|why don't we)\b|咱们|我们.{0,6}吧", re.I)
_TAKEN_ON = re.compile(r"\W*(?:will do|on it|sure|yes|yep|yeah|ok(?:ay)?|of course|no problem|"
                       r"absolutely|好的?|行|可以|没问题|收到)\b", re.I)
# the promise hands the asked-for thing back: "get them to you", "send it over", "have those to you"
_BROUGHT_BACK = re.compile(r"\b(?:get|send|have|bring|pass|forward|email)\s+(?:it|them|that|those|these)\s+"
                           r"(?:over\s+)?(?:to|over to|across to)\s+(?:you|u)\b", re.I)
# a request that only asks someone to look into it: "能不能安排人帮我们看一下", "请帮忙排查", "麻烦看看
# 能不能恢复"; the other side's promise in reply says what will be done
_VAGUE_ASK = re.compile(r"^(?:尽快)?(?:安排人|派人|找人|安排个人)?(?:帮忙|帮我们|帮我)?(?:看一下|看看|处理|跟进|排查|解决|"
                        r"查一下|核实)(?:一下)?(?:能不能[^，,]{1,6})?(?:（[^（）]*）)?$")
# what a reply will say, in its own sentence: "我回去跟领导商量一下，看能不能按活跃导购数收费，下周给您答复"
_WHETHER = re.compile(r"看(?:看|一下)?(?:能不能|能否|可不可以|是否能)(?P<what>[^，,。；;！!？?]{2,14})[，,]")
# a promise that names what it hands over: "把合并的报价和合同草稿发您" answers "你把两边的合同合在一起报个价"
# "好的，我来安排", "马上处理": the answer that takes the ask on, naming nothing of its own
_TAKES_IT_ON = re.compile(r"^(?:来|去|马上|尽快|立刻|这就|今天|明天)?(?:安排|处理|跟进|落实|办)(?:一下|好)?$")
_NAMES_ITS_OBJECT = re.compile(r"^(?:一起|一并|先|再)?把[^，,。]{2,}?(?:发|寄|传|转|交|给)")
# a ticket's "要求：1）本周内派人到现场处理；2）…": each item is asked of the other side
_DEMANDS_LABEL = re.compile(r"^(?:我方|客户|我们的)?(?:要求|诉求)$")
# the form field a ticket's line sits under, when the field is the requester's words (`ticket_forms`)
_FIELD = re.compile(r"^[ \t]*(?P<field>[^\n:：]{1,12}?)[ \t]*[:：]", re.M)
# "将上述材料发送至本邮箱": an ask for what was listed above
_POINTS_BACK = re.compile(r"(?:上述|以上|前述|如上)(?:的|所列|列出的)?(?:材料|资料|文件|内容|事项|信息|几项|各项|文档|附件)")
_LIST_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[-•·])\s*(?P<item>\S.*)$")
_ASIDE = re.compile(r"[（(][^（()）]*[)）]")
MAX_LISTED_ITEMS = 8
# a named colleague before a bare handover: "小郑发你", "技术同事发您"
_HANDED_BY = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?=(?:发|寄|传|转|交)(?:给|到)?(?:您|你|你们|您们)?(?:看看|一下)?$)")
# the thing asked for, handed over by a pronoun, to no one else: "that across", "it over with the notes"
_HANDED_BACK = re.compile(r"(?:it|that|those|these|them|one)(?: (?:over|across|along|through))?(?!\s+to (?:them|him|her)\b)"
                          r"(?:\s|$)")
# a note that opens on a person's name and what they will do: "- Jess will send…", "Jess said she'd…"
_NAMED_LEAD = re.compile(r"^\W*(?:\d{1,2}(?:\.\d{1,2})?[.)]?\s+)?(?P<name>[A-Z][a-z]+)(?: [A-Z][a-z]+)?(?: \([^)]{1,40}\))?\s+(?:will|'ll|to|"
                         r"said|agreed|offered|is going to|promised)\b")
_SUBJECT = re.compile(r"\s*(?:主题|标题|主旨)\s*[:：](?P<subject>[^\n]{2,30})\n")
# a title line further down a ticket's head: "【工单】#30771\n标题：…", "问题分类：订单同步"
_TITLE_LINE = re.compile(r"^[ \t]*(?:主题|标题|主旨|工单|问题分类|问题类型)\s*[:：]\s*(?P<subject>[^\n]{2,30})$", re.M)
MAX_TITLE_OFFSET = 200
# "审批流的问题…修复": what a bare fix is about, said as "X的问题"
_ISSUE = re.compile(r"(?:^|关于)\s*(?P<topic>[^，,。；;！!？?\s的]{2,12}?)的问题(?!吗|呢)")


def find_next_steps(sentences: list[Sentence], touchpoint: Touchpoint) -> list[NextStepHit]:
    """Steps in order. Due phrases are looked up only in clauses that hold a step.

    A request that the other side fulfils on the spot ("Please add 5 seats" / "Done, the seats
    are active") is no step; a request and the addressee's promise in the next turn ("Can you
    include pricing?" / "Sure, I'll put it in the same email") are one step, dated by either.
    """
    hits: list[NextStepHit] = []
    stated: dict[str, int] = {}  # action key -> index of the step that first stated it
    answered: set[int] = set()  # Chinese requests a promise has answered
    demands: str | None = None  # the speaker whose list of demands is open ("我方要求：")
    heading: Sentence | None = None  # that list's heading
    headings = action_headings(touchpoint.text)
    sides = entry_sides(sentences, touchpoint)
    for i, sentence in enumerate(sentences):
        if sentence.quoted:
            continue
        if (listed := action_item(sentence, sentences, touchpoint, headings)) is not None:
            hits.append(listed)  # "- Sam: send the revised plan - by Friday"
            continue
        if headings and (listed := zh_minutes_item(sentence, sentences, touchpoint, headings)) is not None:
            hits.append(listed)  # "1. 乙方在2月13日前提交修改后的技术方案；"
            continue
        item = list_item(sentence) if demands == (sentence.speaker or "") \
            or sentence.speaker is not None and "求" in sentence.speaker and _DEMANDS_LABEL.match(sentence.speaker) \
            or _in_demands_field(sentence, touchpoint) else None
        if item is not None:
            found = sentence_steps(sentence, touchpoint, False) if is_candidate(sentence.cues) else []
            hits.extend(demanded(sentence, item, found, touchpoint, heading))
            continue
        demands = (sentence.speaker or "") if demands_heading(sentence) else None
        heading = sentence
        if demands is not None:
            continue
        if hits and hits[-1].due is None and hits[-1].sentence is sentences[i - 1] \
                and _may_date(hits[-1], sentence) and (due := only_due(sentence, touchpoint)) is not None:
            # "…batches on our side; expect it done by Tuesday.", "could you send X and Y?" / "We'd
            # like both by Friday.", "can you create the accounts?" / "Yeah, I can do that today."
            for k in range(len(hits) - 1, -1, -1):
                if hits[k].sentence is not sentences[i - 1]:
                    break
                if hits[k].due is None:
                    hits[k] = with_due(hits[k], due)
            continue
        if hits and hits[-1].sentence is sentences[i - 1] and sentence.speaker == hits[-1].sentence.speaker \
                and (item := enumerated(sentence)) is not None and holds_enumeration(sentences[i - 1]) \
                and not (is_candidate(sentence.cues) and sentence_steps(sentence, touchpoint, False)):
            hits.extend(next_item(sentence, item, hits[-1], touchpoint))
            continue
        if hits and hits[-1].due is None and hits[-1].sentence is sentences[i - 1] \
                and (hits[-1].is_request or hits[-1].sentence.speaker == sentence.speaker) \
                and _THIRD_SENDS.match(sentence.text) and (due := _first_due(sentence, touchpoint)) is not None:
            hits[-1] = with_due(hits[-1], due)  # "He asked Becca to send a sample;" / "she'll send it by Friday."
            continue
        if not is_candidate(sentence.cues):
            continue
        answer = _Answer(sentences, i)
        found = sentence_steps(sentence, touchpoint, answer)
        if found and is_bot_prompt(sentence):  # "[机器人] 请提供您的型号": a scripted prompt
            found = [h for h in found if not h.is_request]
        if found and _HAN.search(sentence.text):  # sanctions, ticket acknowledgements, titles
            found = [h for h in found if not is_vetoed(h)]
        if found and i in sides:  # "Owen (Support, Apr 2): …": the entry's label says the side
            found = [replace(h, owner=_OTHER[h.owner]) if h.owner in _OTHER else h for h in found]
        if any(h.is_request for h in found) and (named := addressee_role(sentence, sentences, touchpoint.text)):
            found = [replace(h, owner=named) if h.is_request else h for h in found]
        if found and (lead := _NAMED_LEAD.match(sentence.text)) is not None \
                and (side := "(" in touchpoint.text and (
                        project_third_party(lead.group("name"), touchpoint.text)
                        or party_side(lead.group("name"), touchpoint.text, touchpoint.direction, touchpoint.channel))
                     or third_party(lead.group("name"), touchpoint.text)):
            found = [h if h.is_request else replace(h, owner=side) for h in found]  # "Jess will send…"
        reply = answer.reply() if found else None
        said = _said(reply) if reply is not None else ""
        if reply is not None and all(h.is_request for h in found) and (
                FULFILLED.match(said) or VERIFY_ASK.match(found[0].action) and VERIFIED.match(said)):
            continue
        if reply is not None:
            found = [h for h in found if not (h.is_request and INFO_ASK.match(h.action)
                                              or IDENTITY_ASK.match(h.action))]
        if found and reply is not None and RIGHT_AWAY.match(said):
            today = touchpoint.occurred_at.date()
            found = [replace(h, due=today) if h.is_request and h.due is None else h for h in found]
        for hit in found:
            merged = _answered(hits, hit, sentences)
            if merged is not None and _HAN.search(hit.action) and merged in answered:
                merged = None  # "出个方案…" / "我月底前把方案发您" … "下周给您答复": answered already
            if merged is not None and _HAN.search(hit.action):
                answered.add(merged)
            if merged is not None and REPLY.match(hit.action):
                hits[merged] = replace(hits[merged], action=f"{hits[merged].action}并{hit.action}")
            elif merged is not None and _HAN.search(hit.action) and not OBJECTLESS.match(hit.action) \
                    and not _VAGUE_ASK.match(hit.action) and (_VAGUE_ASK.match(hits[merged].action)
                                                             or _NAMES_ITS_OBJECT.match(hit.action)):
                # "能不能安排人帮我们看一下？" / "我明天上午远程帮您核对科目余额表": the promise says what,
                # with the fuller name the ask gave it ("20把人体工学椅的报价单" / "把报价单发您")
                hits[merged] = replace(hits[merged], action=with_asked_object(hit.action, hits[merged].action))
            if merged is None and hit.is_request and _repeats_accepted_offer(hits, hit):
                continue  # "I can send you a sample script if that helps?" / "Yes please send the script."
            if merged is None:
                hit = _with_object(hit, sentences, i)
                hit = _with_subject(with_order(with_problem(hit, sentences, i), sentences, i), touchpoint,
                                    sentences, i)
                key = _action_key(hit.action)
                if (merged := stated.get(key)) is None and hits and _is_pronoun_repeat(hits[-1], hit):
                    merged = len(hits) - 1  # "Want me to set up a trial?" … "Could you set it up by Monday?"
                if merged is None and _HAN.search(hit.action) and len(hit.action) <= MAX_RESTATED_VERB_CHARS:
                    # "我节后安排产品经理跟您演示一下" … "周二上午十点演示可以吗？": the demo, dated
                    merged = next((k for k in range(len(hits) - 1, -1, -1) if hits[k].owner == hit.owner
                                   and hit.action in hits[k].action), None)
                if merged is None and hit.due is not None and hits and hits[-1].owner == hit.owner \
                        and hits[-1].due is None and _SENT_ON.match(hit.action) \
                        and hits[-1].sentence.speaker == hit.sentence.speaker \
                        and any(s is hits[-1].sentence for s in sentences[max(0, i - MAX_SENT_ON_LOOKBACK) : i + 1]):
                    hits[-1] = with_due(hits[-1], _due_of(hit))
                    continue
                if merged is None:
                    if _BARE_DELIVERY.match(hit.action):
                        # "you'll have it Monday" that answers no request says too little, but
                        # "I'll have it ready by Friday" after the step dates it
                        if hit.due is not None and hits and hits[-1].owner == hit.owner:
                            hits[-1] = with_due(hits[-1], _due_of(hit))
                        continue
                    if len(key) >= MIN_RESTATED_CHARS:
                        stated[key] = len(hits)
                    if hit.due is not None and is_event_time(hit):
                        hit = replace(hit, due=None, due_phrase=None)  # "send an invite for Monday 2pm"
                    hits.append(_with_named_object(hit, hits, sentences, i))
                    continue
            if _says_more(hit.action, hits[merged].action):  # "put the quote together?" / "I'll send a
                hits[merged] = replace(hits[merged], action=hit.action)  # renewal quote with 15 seats"
            elif _INVITE.search(hit.action) and not _INVITE.search(hits[merged].action):
                joiner = "并" if _HAN.search(hit.action) else " and "  # the meeting and its invite
                hits[merged] = replace(hits[merged],
                                       action=f"{hits[merged].action}{joiner}{hit.action}")
            if hit.due is not None and hit.due != hits[merged].due:  # the promise's date binds
                hits[merged] = with_due(hits[merged], _due_of(hit))
    return _listed(_bundled(hits), sentences)


def _listed(hits: list[NextStepHit], sentences: list[Sentence]) -> list[NextStepHit]:
    """A Chinese ask for "上述材料" is one step per item listed just before it ("一、加盖公章的正式报价单；
    二、营业执照复印件。烦请于3月20日前将上述材料发送至本邮箱。" → provide each, by the 20th)."""
    if not any(_POINTS_BACK.search(h.action) for h in hits if _HAN.search(h.action)):
        return hits
    out: list[NextStepHit] = []
    for hit in hits:
        items = _items_before(hit.sentence, sentences) if _POINTS_BACK.search(hit.action) else []
        out.extend(replace(hit, action=item if ZH_VERB.match(item) else f"提供{item}") for item in items)
        if not items:
            out.append(hit)
    return out


def _items_before(sentence: Sentence, sentences: list[Sentence]) -> list[str]:
    """The list items in the lines right before `sentence`, in order, without numbers and asides."""
    at = next((k for k, s in enumerate(sentences) if s is sentence), 0)
    items: list[str] = []
    for earlier in reversed(sentences[max(0, at - MAX_LISTED_ITEMS) : at]):
        m = _LIST_LINE.match(earlier.text)
        if m is None or earlier.quoted:
            break
        item = _ASIDE.sub("", m.group("item")).strip(" ；;。，,")
        if len(item) >= MIN_RESTATED_CHARS:
            items.insert(0, item)
    return items


def _repeats_accepted_offer(hits: list[NextStepHit], hit: NextStepHit) -> bool:
    """Whether a request that opens with a yes only repeats the other side's offer just before."""
    if not hits or not hit.action.isascii() or _TAKEN_ON.match(hit.sentence.text) is None:
        return False
    last = hits[-1]
    return not last.is_request and last.owner == hit.owner \
        and last.sentence.speaker not in (None, hit.sentence.speaker) and _same_ask(hit.action, last.action)


def _with_named_object(hit: NextStepHit, hits: list[NextStepHit], sentences: list[Sentence], i: int
                       ) -> NextStepHit:
    """"sign it" takes its object from the other side's step just before ("send the updated quote")."""
    if not hits or not hit.action.isascii() or (it := _IT.match(hit.action)) is None:
        return hit
    last = hits[-1]
    recent = {id(s) for s in sentences[max(0, i - MAX_IT_LOOKBACK) : i]}
    if id(last.sentence) not in recent or last.sentence.speaker in (None, hit.sentence.speaker) \
            or (named := _OBJECT_OF.match(last.action)) is None:
        return hit
    return replace(hit, action=f"{it.group('verb')} {named.group('object')}{it.group('rest')}")


def _may_date(hit: NextStepHit, sentence: Sentence) -> bool:
    """Whether a sentence that only names a date can date `hit`, the step just before it: the same
    speaker's, or the other side agreeing a date for what was asked or proposed of them."""
    if sentence.speaker == hit.sentence.speaker:
        return True
    return sentence.speaker is not None and hit.sentence.speaker is not None \
        and (hit.is_request or _PROPOSAL.search(hit.sentence.text) is not None)


def _is_pronoun_repeat(earlier: NextStepHit, hit: NextStepHit) -> bool:
    """Whether `hit` only repeats the step before with a pronoun for its object ("set it up")."""
    return earlier.owner == hit.owner and _PRONOUN_REPEAT.match(hit.action) is not None \
        and earlier.action.casefold().split(" ", 1)[0] == hit.action.casefold().split(" ", 1)[0]


def _bundled(hits: list[NextStepHit]) -> list[NextStepHit]:
    """An undated step sent along with an earlier dated one takes its date ("I'll send the report
    by Thursday" / "Can you also include pricing?", "你再把报价也一起发一下")."""
    for k, hit in enumerate(hits):
        # the step just before, only: "恢复后通知您" / "恢复后我会把原因说明一并发到群里" stays undated
        if hit.due is None and k and hits[k - 1].due is not None and _BUNDLE.search(hit.sentence.text) \
                and (hits[k - 1].owner == hit.owner or not _HAN.search(hit.action)):  # "我们会拉五个客服一起测"
            hits[k] = with_due(hit, _due_of(hits[k - 1]))
    return hits


def _with_object(hit: NextStepHit, sentences: list[Sentence], i: int) -> NextStepHit:
    """A bare "发给您" takes its object from the same sentence when it was put first ("昨天说的API文档
    麻烦发我一下", "开通账号需要一个管理员手机号，方便的话一并发我", "合同我们领导签好了，今天寄出"), else
    from what the other side just asked for; a bare reply or finished job, see `_with_ask`."""
    if hit.action.isascii():  # every pattern below needs a Chinese verb in the action
        return hit
    bare = _BARE_HANDOVER.match(hit.action) is not None
    if bare and (m := _TOPIC_FIRST.search(hit.sentence.text)):
        return replace(hit, action=f"把{m.group('object')}{hit.action}")
    if bare and (m := _NEEDED.search(hit.sentence.text)):
        return replace(hit, action=f"把{m.group('object')}{hit.action}")  # "…需要一个管理员手机号，…一并发我"
    if _BARE_SENT.match(hit.action):  # "合同我们领导签好了，今天寄出"
        before = hit.sentence.text[: hit.sentence.text.find(hit.action)]
        for clause in reversed(_CLAUSES.split(before)):
            if (m := _OBJECT_THEN_SUBJECT.match(clause.strip())) and (topic := fronted(m.group("object"))):
                return replace(hit, action=f"把{topic}{hit.action}")
    if REPLY.match(hit.action) or BARE_RESULT.match(hit.action):
        return _with_ask(hit, sentences, i)
    if hit.is_request and bare:  # "个人微信的话我们也有插件" / "那你发我看看"
        for earlier in reversed(sentences[max(0, i - MAX_ASK_LOOKBACK) : i]):
            if earlier.speaker != hit.sentence.speaker and (m := _OFFERED.search(earlier.text)):
                return replace(hit, action=f"把{m.group('topic') or ''}{m.group('object')}{hit.action}")
    if not OBJECTLESS.match(hit.action) or not HANDED_OVER.match(hit.action):
        return hit
    if m := _TOPIC_FIRST.search(hit.sentence.text):
        return replace(hit, action=f"把{m.group('object')}{hit.action}")
    for earlier in reversed(sentences[max(0, i - 3) : i]):
        if earlier.speaker != hit.sentence.speaker and (m := ASKED_FOR.search(earlier.text)):
            return replace(hit, action=f"把{m.group('object')}{hit.action}")
    return hit


def _with_ask(hit: NextStepHit, sentences: list[Sentence], i: int) -> NextStepHit:
    """A bare reply answers the other side's last question ("还能再便宜点不？" / "周一给您回复" →
    "给您回复能否再便宜点"); a bare finished job ("我后天远程帮您弄好") acts on what the clause
    before it or the other side's last turn was about ("自定义条款其实后台能配，…")."""
    result = BARE_RESULT.match(hit.action) is not None
    if result:
        before = hit.sentence.text[: hit.sentence.text.find(hit.action)]
        for clause in reversed(_CLAUSES.split(before)):
            if topic := topic_of(clause):
                return replace(hit, action=with_result_object(hit.action, topic))
    if not result and (m := _WHETHER.search(hit.sentence.text, 0, hit.sentence.text.find(hit.action))):
        return replace(hit, action=f"{hit.action}能否{m.group('what')}")  # "看能不能X，下周给您答复"
    if hit.sentence.speaker is None:  # an email: "有以下几点疑问：…请在3个工作日内书面回复"
        if not result and (m := _LISTED_ASKS.search(_text_before(sentences, hit))):
            return replace(hit, action=f"{hit.action}（{m.group('asks')}）")
        return hit
    asking = None  # the other side's turn just before this one
    for earlier in reversed(sentences[max(0, i - MAX_ASK_LOOKBACK) : i]):
        if earlier.speaker == hit.sentence.speaker:
            if asking is not None:
                break
            continue
        asking = earlier.speaker
        if result:
            topic = next((t for c in _CLAUSES.split(earlier.text) if (t := topic_of(c))), "")
            if topic:
                return replace(hit, action=with_result_object(hit.action, topic))
        elif what := asked(earlier.text):
            return replace(hit, action=f"{hit.action}{what}")
    return hit


def _text_before(sentences: list[Sentence], hit: NextStepHit) -> str:
    """The unquoted sentences of the hit's message up to the hit, joined (an email's own words)."""
    return "".join(s.text for s in sentences if not s.quoted and s.start < hit.sentence.start)


def _with_subject(hit: NextStepHit, touchpoint: Touchpoint, sentences: list[Sentence], i: int
                  ) -> NextStepHit:
    """A ticket's bare Chinese fix ("明天上午修复", "这周五前发布修复") names what it fixes: the
    ticket's subject line, else the problem its asker just described ("审批单无法同步到钉钉。请在
    本周内修复。")."""
    if len(hit.action) > MAX_BARE_FIX_CHARS or not _HAN.search(hit.action):
        return hit
    if touchpoint.channel == "ticket" and (m := _SUBJECT.match(touchpoint.text)
                                           or _TITLE_LINE.search(touchpoint.text, 0, MAX_TITLE_OFFSET)):
        return replace(hit, action=f"{hit.action}（{m.group('subject').strip()}）")
    if not _BARE_FIX.match(hit.action):
        return hit
    before = hit.sentence.text[: hit.sentence.text.find(hit.action)]
    # the asker's own description, or the complaint the promise answers
    described = [before] + [s.text for s in reversed(sentences[max(0, i - MAX_PROBLEM_LOOKBACK) : i])]
    for text in described:
        for clause in _CLAUSES.split(text):  # the first problem named is the main one
            if (problem := _PROBLEM.search(clause)) and len(clause.strip()) <= MAX_PROBLEM_CHARS:
                return replace(hit, action=f"{hit.action}（{problem.group(0).strip(' 。.！!')}）")
            if (issue := _ISSUE.search(clause)) is not None:  # "审批流的问题我们已经定位到了"
                return replace(hit, action=f"{hit.action}{issue.group('topic')}的问题")
    return hit


class _Answer:
    """The other side's reply to sentence i; true when that reply accepts ("Sure", "好的").
    Both are read on first use: most sentences never need them."""

    __slots__ = ("_sentences", "_i", "_reply", "_accepts")

    def __init__(self, sentences: list[Sentence], i: int) -> None:
        self._sentences = sentences
        self._i = i
        self._reply: Sentence | None | bool = False  # False: not looked up yet
        self._accepts: bool | None = None

    def reply(self) -> Sentence | None:
        if self._reply is False:
            self._reply = _reply(self._sentences, self._i)
        return self._reply  # type: ignore[return-value]

    def __bool__(self) -> bool:
        if self._accepts is None:
            reply = self.reply()
            self._accepts = reply is not None and ACCEPTANCE.match(_said(reply)) is not None
        return self._accepts


def _first_due(sentence: Sentence, touchpoint: Touchpoint) -> DuePhrase | None:
    """The first dated phrase of a sentence."""
    return next((d for d in find_due_phrases(sentence.text, touchpoint.occurred_at, cues=sentence.cues) if d.due),
                None)


def _said(sentence: Sentence) -> str:
    """A sentence's words without the bracketed head naming its writer ("[Customer - Mar 2] Attached.")."""
    if sentence.text[:1] in "[【" and sentence.speaker and (head := _ENTRY_HEAD.match(sentence.text)) \
            and sentence.speaker in head.group():  # (not a marker: "[图片] 店铺ID 33810927" is sent)
        return sentence.text[head.end():]
    return sentence.text


def _reply(sentences: list[Sentence], i: int) -> Sentence | None:
    """The other speaker's first sentence after sentence i, if the next turn is theirs."""
    speaker = sentences[i].speaker
    for k, later in enumerate(sentences[i + 1 : i + 4], start=i + 1):
        if later.speaker == speaker and (speaker is not None or later.role == sentences[i].role) \
                or later.text[:1] == "[" and _MEDIA.fullmatch(later.text):  # "[视频]" then "发了": the words answer
            continue
        if speaker is None or later.speaker is None:
            return None
        if later.text.endswith((":", "：")) and later.text.startswith(("Reply", "Response", "Update")):
            continue  # "Reply from Tyler, 06:58:": the header of the answer, not the answer
        if k + 1 < len(sentences) and sentences[k + 1].speaker == later.speaker \
                and GREETING.match(later.text):
            return sentences[k + 1]  # "Morning Kayla! Monday works": the greeting is no answer
        return later
    return None


def _answered(hits: list[NextStepHit], hit: NextStepHit, sentences: list[Sentence]) -> int | None:
    """The index of an earlier request (or accepted offer) that `hit` promises to fulfil: in the
    last sentence with steps, which may go on with the asker's own promise ("麻烦您提供营业执照，
    我们审核后两天内开通" / "好，我明天提供")."""
    if not hits or hit.is_request:
        return None
    k = len(hits) - 1
    while k and hits[k].sentence is hit.sentence:  # "麻烦把日志发我们，我们明天排查": past its own ask
        k -= 1
    while k and not hits[k].is_request and hits[k - 1].sentence is hits[k].sentence:
        k -= 1
    last = hits[k]
    # (a ticket's unlabelled description may ask, and a labelled handling entry answer)
    if not last.is_request or last.owner != hit.owner or hit.sentence.speaker in (None,
                                                                                last.sentence.speaker):
        return None
    between = [s for s in sentences if last.sentence.end <= s.start < hit.sentence.start
               and s.speaker == last.sentence.speaker]
    if len(between) > 1:
        return None
    taken_on = _TAKEN_ON.match(hit.sentence.text) is not None \
        and _BROUGHT_BACK.search(hit.action) is not None  # "will do, I'll … get them to you in an hour"
    return k if taken_on or _same_ask(last.action, hit.action) or _VAGUE_ASK.match(last.action) else None


def _in_demands_field(sentence: Sentence, touchpoint: Touchpoint) -> bool:
    """Whether a ticket's requester line sits under a "要求：" / "诉求：" field of its form."""
    if touchpoint.channel != "ticket" or sentence.speaker is not None or sentence.role != "customer" \
            or "求" not in touchpoint.text:
        return False
    fields = [m.group("field") for m in _FIELD.finditer(touchpoint.text, 0, sentence.start)]
    return bool(fields) and _DEMANDS_LABEL.match(fields[-1].strip()) is not None


def _says_more(promise: str, request: str) -> bool:
    """Whether an English promise names what was asked in more words of its own than the ask did."""
    if not promise.isascii() or not request.isascii():
        return False
    own = {w[:5] for w in _EN_CONTENT.findall(promise.lower())}
    asked = {w[:5] for w in _EN_CONTENT.findall(request.lower())}
    return bool(own & asked) and len(own - asked) >= 2 and len(own) > len(asked)


def _action_key(action: str) -> str:
    """A step restated with the same action ("Kenji said he'd send the user list" / Kenji: "I'll
    send the user list by Wednesday") has the same key: one step, the first owner, either's date."""
    return " ".join(_FILLER_WORDS.sub(" ", action.casefold()).split())


def _same_ask(request: str, promise: str) -> bool:
    """Whether a promise can be the answer to a request: it hands over what was asked without
    naming anything else ("发给您", "I'll send it over") or shares a content word with it
    ("include pricing for 40 seats" / "put the 40-seat pricing in the email"). "请尽快安排工程师上门"
    / "我今天给您回复具体时间" and "send the signed DPA" / "I'll get legal to countersign it" are two."""
    if _INVITE.search(promise) and _MEETING.search(request):  # "…a joint session?" / "I'll send an invite"
        return True
    if _HAN.search(promise):
        if (by := _HANDED_BY.match(promise)) is not None:
            promise = promise[by.end():]  # "我让小郑今天发你": 小郑 hands it over
        if REPLY.match(promise) or OBJECTLESS.match(promise) or _TAKES_IT_ON.match(promise):  # "那你先申请看看吧" / "好的，我下周一前给您答复": the answer to it
            return True
        own = _han_bigrams(promise)
        return not own or bool(own & _han_bigrams(request)) \
            or len(own) == 1 and bool(set(_FUNCTION_HAN.sub("", promise)) & set(request))
    verb, _, rest = promise.lower().partition(" ")
    if verb in _EN_DELIVERY and _HANDED_BACK.match(rest):  # "send that across with the write-up"
        return True
    named = {w[:5] for w in _EN_CONTENT.findall(rest)}
    asked = request.lower().partition(" ")[0]
    if not named:  # "send it over", "countersign it": the verbs decide ("start the review" / "I'll
        # send it to them": two); "I'll request it today" names only the thing asked for
        return verb == asked or verb in _EN_DELIVERY and asked in _EN_DELIVERY \
            or verb in _PROCURE and _ONLY_IT.match(rest) is not None
    return bool((named | {verb[:5]}) & {w[:5] for w in _EN_CONTENT.findall(request.lower())})


def _han_bigrams(action: str) -> set[str]:
    content = _FUNCTION_HAN.sub("", "".join(_HAN.findall(action)))
    return {content[i : i + 2] for i in range(len(content) - 1)}


def _due_of(hit: NextStepHit) -> DuePhrase | None:
    if hit.due is None:
        return None
    return DuePhrase(hit.due_phrase or "", hit.start, hit.end, hit.due)
