"""What a next step acts on and when, where the clause alone does not say it.

next_step_clauses.py finds who commits to what; this module holds the small readers it calls to
complete an action: an object the speaker put before the subject ("会议室我来订" → "订会议室"),
bare handovers that need an object ("发给您"), and clauses or sentences that only date the step
before them ("…，4月10号之前", "Expect it done by Tuesday.").
"""

from __future__ import annotations

import re

from assistant.models import Touchpoint
from extractors.rules.dates import DATE_EN, DATE_ZH, DuePhrase, find_due_phrases
from extractors.rules.folding import fold, gated
from extractors.rules.next_step_patterns import ZH_VERB
from extractors.rules.sentences import Sentence

MIN_ACTION_CHARS = 2
MAX_FRONTED_CHARS = 10
# "发给您", "给您答复": a handover or reply that names nothing it hands over
OBJECTLESS = gated(re.compile(r"^(?:发|寄|传|转|交)(?:给|到)?(?:您|你|你们|您们)?(?:看看|一下)?$|"
                              r"^(?:给您|给你|给你们)?(?:一个)?(?:答复|回复|反馈|确认|结果|进展|回(?:个)?电话|回电)(?:您|你)?$"))
# not "发布", "发现", "交流", "转化": a handover verb, not a word that starts like one
HANDED_OVER = gated(re.compile(r"^(?:发(?![布现生起展])|寄|交(?![流付])|传|转(?![化型换]))"))
# an emoji or a space between Chinese words ends what came before: "收到孟总！感谢信任🙏 合同"
_BREAK_MARK = re.compile(r"[\U0001F000-\U0001FFFF\u2600-\u27BF]+\s*|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_LEADING_WORDS = gated(re.compile(r"^(?:那么|那就|那|然后|另外|还有|就是|其实)+"))
# not an object: a demonstrative alone, someone addressed, hearsay, a condition, an opinion
_NOT_FRONTED = gated(re.compile(r"^(?:这个|那个|这些|那些|这样|这边|那边)$|[总]$|经理$|老师$|先生$|女士$|"
                                r"^[小老阿][\u4e00-\u9fff]$|"  # "小何你这周把账号开一下": someone addressed
                                r"说|觉得|认为|感觉|希望|的话|如果|要是|因为|所以|但是|不过|"
                                r"周[一二三四五六日天末]|星期|[上下本这]个?月(?!的)|月[底初中]|"
                                # a number is a time or a range ("3号", "3-5个工作日") unless it counts
                                # things ("11个订舱", "少的3箱") or is part of a name ("维生素D3")
                                r"(?<![A-Za-z\d])\d+(?![\d个盒箱台笔件张份套瓶袋桶托单票辆块条只本支包罐柜])|"
                                r"[一二三四五六七八九十两][号日月点]|"
                                r"期间|时候|之后|以后|[年节会]后|后续|现在|目前|最近|刚才|回头"))  # a time
# "11个订舱", "这两台打印机": things counted are a noun phrase, whatever verb its noun holds
_COUNTED = re.compile(r"^(?:这|那)?(?:\d+|[一二两三四五六七八九十几]+)(?:个|盒|箱|台|笔|件|张|份|套|瓶|袋|桶|托|单|票|辆|块|条|只|本|支|包|罐|柜)")
# "培训名单", "报价": a verb inside a noun phrase that ends in a thing handed over
_OBJECT_NOUN = gated(re.compile(r"(?:名单|方案|报价单?|资料|文档|合同|清单|表格?|计划|材料|信息|账号|链接|"
                                r"手册|说明|数据|文件|截图|发票|样例|修复|补丁|版本|功能|"
                                # things whose names hold a verb's character: "根因分析报告", "补充协议", "订单"
                                r"报告|协议|订单|单号|证书|证明|样品|图纸|台账|记录|译稿|日志|明细|模板|申请表|照片)$"))
# what is left of a clause that only dates the step before it: "expect it done by Tuesday"
EXPECTED_DONE = fold(re.compile(
    # "expect a calendar invite from her by Thursday": what the step before brings, dated
    r"(?:and )?(?:expect|expecting) (?:a|an|the|your) [\w -]{2,30}? from (?:him|her|them|us|me|[a-z]+)|"
    r"(?:and )?(?:(?:expect|expecting) (?:it|them|that|this|the fix)|(?:it|that|this|they|the fix)"
    r"(?:'ll| will| should)(?: be)?)(?: to be)? (?:done|ready|fixed|live|finished|complete|completed|"
    r"resolved|in place|out)|(?:预计|应该)?(?:能)?(?:完成|搞定|弄好|好)", re.I))
# what else a sentence may say and still only name or agree a date: "How's next Wednesday?",
# "We'd like both by Friday if possible.", "Next Wednesday works.", "Yeah, I can do that this
# afternoon.", "最好明天上午之前", "周五可以吗"
_DATE_TALK = fold(re.compile(
    r"(?:[\s,.!?;:—–-]*(?:how's|how|what's|what|about|does|do|would|will|is|that|it|this|both|them|"
    r"they|all|we'd|i'd|we|i|like|need|want|ideally|preferably|if|possible|please|works?|suits?|"
    r"you|for|ok|okay|good|fine|great|perfect|sounds?|say|let's|at|the|latest|and|so|then|"
    r"thanks|sure|yes|yeah|yep|can|could|do|done|ready|by|that's|in|time|should|be|have|get|i'll|"
    r"we'll|i'd|i'm|we're|"
    # a hedge or a grant of time: "probably next week sometime", "give me three business days"
    r"probably|maybe|hopefully|likely|sometime|around|most|give|me|us|until|till|or)\b)+[\s,.!?;:]*"
    r"|\W*(?:(?:好的?|行|可以|没问题|嗯)\W*)?(?:最好|尽量|麻烦)?(?:都)?(?:在)?(?:上午|下午|中午|晚上|早上)?(?:可以吗?|行吗?|好吗|怎么样|方便吗|"
    r"就行|即可|没问题|可以的)?\W*", re.I))
# "最好明天上午之前", "ideally by Friday": the date with its softener
_DUE_WORDS = fold(re.compile(r"之前|以前|前|之内|以内|内|最好|尽量|上午|下午|晚上|中午|早上|\b(?:by|before|on|until|no later than|ideally|"
                             r"preferably)\b", re.I))
# not the thing a step hands over: a pronoun, a yes, a thanks, a time
NOT_A_TOPIC = gated(re.compile(r"[我你您他她它已]|有|是|好|没问题|可以|行|嗯|收到|明白|了解|谢谢|抱歉|了\s*$|"
                                r"\d点|[上下]午|晚上|[今明后]天|[这下本]周|月底|\d[号日]"))  # a time


def fronted(before_subject: str) -> str:
    """The object a clause puts before its subject ("会议室我来订", "价格我再跟领导申请一下"), or ""."""
    topic = _LEADING_WORDS.sub("", before_subject).strip()
    if " " in topic or not topic.isascii() and _BREAK_MARK.search(topic):
        topic = _BREAK_MARK.split(topic)[-1]  # "感谢信任🙏 合同我今天出": the words after the emoji
    if not MIN_ACTION_CHARS <= len(topic) <= MAX_FRONTED_CHARS \
            or ZH_VERB.search(topic) and not _OBJECT_NOUN.search(topic) and not _COUNTED.match(topic) \
            or NOT_A_TOPIC.search(topic) or _NOT_FRONTED.search(topic):
        return ""
    return topic


def with_fronted(action: str, topic: str) -> str:
    """`action` with the object put before its subject: "订会议室", "把培训名单发给您"."""
    if topic.endswith("后"):  # "新机器取件后…发出": an event first, then the verb
        return f"{topic}{action}"
    if len(action) <= 2:  # a bare verb
        return f"{action}{topic}"
    if action[0] in "去来" and len(action) <= 3:  # "电脑我今天就去申请": "申请电脑"
        return f"{action[1:]}{topic}"
    if HANDED_OVER.match(action) or OBJECTLESS.match(action):
        return f"把{topic}{action}"
    return f"{topic}{action}"


def only_due(sentence: Sentence, touchpoint: Touchpoint) -> DuePhrase | None:
    """The date of a sentence that only dates the step before it ("Expect it done by Tuesday.")."""
    if not sentence.cues & (DATE_EN | DATE_ZH):
        return None
    dues = [d for d in find_due_phrases(sentence.text, touchpoint.occurred_at, cues=sentence.cues)
            if d.due]
    return dues[0] if dues and is_only_due(sentence.text, dues) else None


_PURPOSE_TAIL = re.compile(r"\s+so (?:that )?(?:I|we|you|they|he|she|it) (?:can|could|have|has|will)\b.*$", re.I)


def is_only_due(clause: str, dues: list[DuePhrase]) -> bool:
    """A clause that only dates the step before: "4月10号之前", "expect it done by Tuesday"."""
    rest = _PURPOSE_TAIL.sub("", clause) if " so " in clause else clause  # "by April 13 so I can…"
    for d in dues:
        rest = rest.replace(d.phrase, "")
    rest = _DUE_WORDS.sub("", rest).strip(" ,，。.!！")
    return len(rest) <= 1 or EXPECTED_DONE.fullmatch(rest) is not None \
        or _DATE_TALK.fullmatch(rest) is not None


# "给您回复", "周一给您答复": a reply that does not say what it answers
REPLY = gated(re.compile(r"^(?:给您|给你|给你们)?(?:一个)?(?:书面)?(?:答复|回复|反馈|结果)(?:您|你|你们)?$"))
# "帮您配好", "远程帮您弄好", "今天就帮您打开": a job finished for the other side, its object unsaid
BARE_RESULT = gated(re.compile(
    r"^(?P<how>[^把给帮为]{0,4}?)(?P<benefactive>帮您|帮你|帮你们|给您|给你|为您)?(?P<verb>(?:弄|配|调|改|设置|处理|修)好|"
    r"打开|开通|关掉|关闭|搞定)(?:一下)?$"))
MAX_ASK_CHARS = 16  # longer questions are paraphrased badly by cutting: keep the reply as it is
_LEADS = r"(?:那|那么|不过|但是|另外|还有|就是|其实|所以|请问|想问一下|问一下|对了)*"
_ASK_TAIL = gated(re.compile(r"(?:吗|呢|不|么|没有|没|啊|呀|吧|呗)?\s*[？?]+\s*$"))
# "还能再便宜点不" → "能否再便宜点", "是不是只能导出CSV" → "是否只能导出CSV": the yes/no of a question
_YES_NO = gated(re.compile(r"^(?P<pre>.*?)(?:还)?(?P<modal>能不能|能否|可不可以|可以|能|是不是|是否|有没有|会不会)"
                           r"(?P<rest>.+)$"))
_ADDRESSEE = re.compile(rf"^{_LEADS}(?:你们|您们|您|你|贵司)?")  # "你们支持…吗": the reply's object drops "you"
_CONDITION = gated(re.compile(r"(?:如果|要是|假如)(?P<condition>[^，,。；;！!？?的就可能]{2,10}?)(?:的话|就|可以|能|[，,。]|$)"))
_WH = gated(re.compile(r"什么|多少|怎么|哪|几|为什么|何时|啥"))
# "自定义条款其实后台能配", "脱敏是个开关", "权限那块也太复杂了": what a clause is about
_ABOUT = gated(re.compile(
    rf"^{_LEADS}(?P<topic>[^，,。；;！!？?\s我你您他她它]{{2,10}}?)(?:其实|是|能|可以|也|都|就|那块|这块|那边|"
    r"这个|的话|已经|现在|目前|还)"))


def asked(question: str) -> str:
    """What a question asks, as the object of a reply ("上次那个报价，还能再便宜点不？" →
    "能否再便宜点"); "" when `question` asks nothing or too much to say short."""
    if not _ASK_TAIL.search(question):
        # "如果签两年可以再优惠5%" / "下周给你答复": the reply says whether the condition holds
        m = _CONDITION.search(question)
        return f"是否{m.group('condition')}" if m else ""
    yes_no = question.rstrip().endswith(("吗？", "吗?", "不？", "不?", "么？", "么?", "没有？", "没？"))
    clause = re.split(r"[，,]", _ASK_TAIL.sub("", question))[-1].strip()
    clause = _ADDRESSEE.sub("", clause)
    if _WH.search(clause):  # "发票什么时候能开": a wh-question is its own object
        pass
    elif m := _YES_NO.match(clause):
        modal = m.group("modal")
        whether = "能否" if modal in ("能不能", "能否", "可不可以", "可以", "能") else \
            "是否有" if modal == "有没有" else "是否会" if modal == "会不会" else "是否"
        clause = f"{m.group('pre')}{whether}{m.group('rest')}"
    elif yes_no:
        clause = f"是否{clause}"
    return clause if MIN_ACTION_CHARS <= len(clause) <= MAX_ASK_CHARS else ""


def topic_of(clause: str) -> str:
    """The noun phrase a clause is about ("自定义条款其实后台能配" → "自定义条款"), or ""."""
    m = _ABOUT.match(clause.strip())
    if m is None or NOT_A_TOPIC.search(m.group("topic")) or _NOT_FRONTED.search(m.group("topic")):
        return ""
    return m.group("topic")


def with_result_object(action: str, topic: str) -> str:
    """A bare result with its object: "远程帮您弄好" + "自定义条款" → "远程帮您把自定义条款弄好"."""
    m = BARE_RESULT.match(action)
    if m is None:
        return action
    return f"{m.group('how')}{m.group('benefactive') or ''}把{topic}{m.group('verb')}"


# "把报价单发您": a promise that names what it hands over, by its short name
_HANDS_OVER = gated(re.compile(r"^(?P<pre>(?:一起|一并|先|再)?把)(?P<object>[^，,。把]{2,8}?)"
                               r"(?P<rest>(?:发|寄|传|转|交|给)[^，,。]*)$"))
# the frame of an ask before what it asks for: "给我一份", "发我们一个", "出一版", "提供"
_ASK_FRAME = gated(re.compile(r"^(?:请|麻烦|烦请)?(?:您|你|你们)?(?:[^，,。]{0,3}?(?:给我们?|发我们?|寄我们?|提供|出|做|准备|报|发|要))?(?:一下)?(?:把)?"
                              r"(?:一份|一个|一版|一套|一张|份|个|版|套|张)?"))
MAX_ASKED_OBJECT_CHARS = 20


def with_asked_object(promise: str, request: str) -> str:
    """A promise that hands over what was asked for, named as fully as the ask named it: "把报价单发您"
    answering "给我一份20把人体工学椅的报价单" → "把20把人体工学椅的报价单发您"; else `promise`."""
    m = _HANDS_OVER.match(promise)
    if m is None or (at := request.find(m.group("object"))) < 0:
        return promise
    asked_for = request[: at + len(m.group("object"))]
    asked_for = asked_for[_ASK_FRAME.match(asked_for).end():]  # type: ignore[union-attr]
    if len(asked_for) <= len(m.group("object")) or len(asked_for) > MAX_ASKED_OBJECT_CHARS \
            or NOT_A_TOPIC.search(asked_for[: -len(m.group("object"))]):
        return promise
    return f"{m.group('pre')}{asked_for}{m.group('rest')}"
