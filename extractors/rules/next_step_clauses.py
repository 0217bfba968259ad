"""Next steps within one sentence: clause by clause, who commits or is asked, and the action.

next_steps.py reads across turns (acceptance, requests answered or done, objects from the ask);
this module reads one sentence: its clauses, the patterns of next_step_patterns.py, the due
phrases, and the filters that make a clause no step (conditions, threats, habits, filler).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from assistant.models import Role, Touchpoint
from extractors.rules.cues import cues_of, literal_gate, register, register_pattern, sre_parse
from extractors.rules.dates import DATE_EN, DuePhrase, find_due_phrases
from extractors.rules.folding import fold, gated
from extractors.rules.next_step_deadlines import EN_CUES as DEADLINE_EN_CUES
from extractors.rules.next_step_deadlines import (
    EN_SUBMIT_BY,
    ZH_SUBMIT_BY,
    en_deadline_action,
    zh_deadline_action,
)
from extractors.rules.next_step_deadlines import ZH_CUES as DEADLINE_ZH_CUES
from extractors.rules.next_step_needs import (
    EN_NEED_BY,
    EN_STAFF_NAMED,
    NEED_BY,
    STAFF_NAMED,
    need_by_action,
)
from extractors.rules.next_step_objects import (
    HANDED_OVER,
    MIN_ACTION_CHARS,
    NOT_A_TOPIC,
    OBJECTLESS,
    fronted,
    is_only_due,
    with_fronted,
)
from extractors.rules.next_step_passive import (
    BUYER_OBJECTS,
    EN_OFFER_PAST,
    EN_PASSIVE,
    EN_WANT_STATE,
    OFFER_PAST_CUES,
    PASSIVE_CUES,
    PAST_VERBS,
    STATE_CUES,
    passive_action,
    wanted_state_action,
)
from extractors.rules.next_step_patterns import (
    AGENDA,
    APPOSED_NAME,
    CLAUSE_BREAK,
    CONDITIONAL,
    DESCRIBED,
    DISFLUENCY,
    DONE,
    EN_CALL_ME,
    EN_DELEGATE,
    EN_DOING,
    EN_FIRST_PERSON,
    EN_FIX_NEEDED,
    EN_IMPERATIVE,
    EN_MODAL_WORDS,
    EN_NAMED,
    EN_NEED,
    EN_OFFER,
    EN_RELEASE,
    EN_REQUEST,
    EN_SELF,
    EN_SHIPPING,
    EN_TEAM,
    EN_VERB_WORDS,
    EN_WANT,
    EN_WILL,
    FILLER,
    FIXED_VERB,
    HABITUAL,
    LOOSE_PROPOSALS,
    NEED_STATES,
    NEGATION,
    NOT_A_NAME,
    NOT_A_REQUEST,
    NOTICE,
    NOTIFY,
    OBJECT_FIRST,
    RELEASE_VERB,
    SHIPPING_VERBS,
    TEAM_NAMES,
    THREAT,
    VENDOR_JOBS,
    VENDOR_ROLES,
    WANTED_VERBS,
    WILL_ON,
    WISH,
    YOU_WILL_GET,
    YOU_WILL_HAVE,
    ZH_ADVERB_BEFORE,
    ZH_AGENDA,
    ZH_AGENT_NOUN,
    ZH_ASKS_ME,
    ZH_CAN_YOU,
    ZH_CONJOINED,
    ZH_CONTINUE,
    ZH_HANDOVER,
    ZH_MODAL,
    ZH_OBJECT_FOR_YOU,
    ZH_OFFER,
    ZH_QUESTION,
    ZH_REQUEST,
    ZH_SELF,
    ZH_SEND_ME,
    ZH_TEAM,
    ZH_TIMED,
    ZH_TRIGGER,
    ZH_VERB,
    ZH_VERBS,
    ZH_WHEN_DONE,
    ZH_YES,
    clean_action,
    spoken,
)
from extractors.rules.next_step_zh_filters import asks_identity, is_check_after_fix, reports_past
from extractors.rules.next_step_zh_spoken import lists_objects, taken_on
from extractors.rules.parties import party_side
from extractors.rules.sentences import Sentence

_EN_VERB = register_pattern("en_verb", EN_REQUEST, "verb")  # every English pattern's verbs
_EN_MODAL = register("en_modal", EN_MODAL_WORDS)
_EN_SUBJECT = register("en_subject", ["i ", "we "])
_ZH_MODAL = register_pattern("zh_modal", ZH_MODAL)
_ZH_ASK = register("zh_ask", ["请", "麻烦", "发我", "给我", "寄我", "传我", "转我", "告诉我", "通知我",
                             "需要贵司", "需要贵方", "需要您", "需要你们"]) \
    | register_pattern("zh_ask", ZH_CAN_YOU)
_ZH_TIMED = register_pattern("zh_timed", ZH_TIMED)
# thanks for the meeting, and a recap's opening: "感谢今天抽时间带我们参观…", "今天下午方案沟通辛苦了",
# "辛苦你们老师提前做了那么多测试", "根据今天电话沟通，现确认如下" (not "辛苦您明天把资料发我": a request)
_THANKED = re.compile(r"\s*(?:非常|十分|特别|再次)?(?:感谢|谢谢|多谢)(?:您|你|你们|您们|各位)?[^，。把帮请]{0,10}?"
                      r"(?:抽(?:出)?(?:空|时间)|百忙之中|来访|参观|接待)|[^，。把帮请]{0,16}辛苦(?:了|[^，。把帮请]{0,14}了)|"
                      r"\s*(?:根据|按照|基于|结合)[^，。]{0,12}(?:沟通|会议|讨论|电话|交流)(?:的)?(?:结果|内容|情况)?\s*$")
# thanks or praise passed on: "Thanks, I'll pass that on to Alex", "Please pass on our thanks to him"
_RELAYED_THANKS = re.compile(r"pass (?:(?:it|that|this|them) on\b|on (?:our|my) (?:thanks|appreciation))", re.I)
_GRATITUDE = register("gratitude", ["感谢", "谢谢", "多谢", "辛苦", "根据", "按照", "基于", "结合", "thank"])
# what the customer must do themselves, said as the pressure on the other side: "月底要发工资，比较急",
# "我们4月10号要提审，请务必周五前交过来", "有十几票提单要确认，现在只能用个人邮箱"
_OWN_MUST = re.compile(r"(?<![需只想])要(?!求)")
_PRESSED = re.compile(r"急|紧|来不及|赶不上|只能|麻烦|请|务必")
_ZH_PRESSED = register("zh_pressed", ["急", "紧", "来不及", "赶不上", "只能", "麻烦", "请", "务必"], pattern=_PRESSED)
# (its verbs, read off the verb group: the cheapest words of the whole pattern turn out to be the
# space before the verb once the verb list is long, a gate open on every sentence)
_EN_SELF = register_pattern("en_self", EN_SELF, "verb")
_EN_REQUEST = register_pattern("en_request", EN_REQUEST)
_EN_TEAM = register_pattern("en_team", EN_TEAM) | register_pattern("en_team", EN_DELEGATE)
_EN_OFFER = register_pattern("en_offer", EN_OFFER)
_EN_FIX_NEEDED = register_pattern("en_fix_needed", EN_FIX_NEEDED)
_EN_RELEASE = register_pattern("en_release", EN_RELEASE)
_EN_NAMED = register_pattern("en_named", EN_NAMED)
# (words of their own: the ones read off these patterns, " will be" and " need ", open on most text)
_EN_SHIPPING = register("en_shipping", ["fix", "patch", "update", "release"], pattern=EN_SHIPPING)
_EN_DOING = register_pattern("en_doing", EN_DOING)
_EN_PASSIVE = register("en_passive", PASSIVE_CUES, pattern=EN_PASSIVE)
_EN_WANT_STATE = register("en_want_state", STATE_CUES, pattern=EN_WANT_STATE)
_EN_OFFER_PAST = register("en_offer_past", OFFER_PAST_CUES, pattern=EN_OFFER_PAST)
_EN_NEED = register("en_need", [f"need {w}" for w in ("your ", "this", "it ", "that", "them", "these", "those",
                                                         "the ", "a corrected", "a revised", "a signed",
                                                         "a written", "an updated", "the corrected")],
                    pattern=EN_NEED)
_EN_WANT = register("en_want", [f"{verb} {what}" for verb in ("need", "want", "expect", "like", "require")
                                for what in ("a", "the", "some")], pattern=EN_WANT)
_ZH_SELF = register_pattern("zh_self", ZH_SELF)
_ZH_DEADLINE = register("zh_deadline", DEADLINE_ZH_CUES, pattern=ZH_SUBMIT_BY)
_EN_DEADLINE = register("en_deadline", DEADLINE_EN_CUES, pattern=EN_SUBMIT_BY)
_ZH_REQUEST = register_pattern("zh_request", ZH_REQUEST)
_ZH_TEAM = register_pattern("zh_team", ZH_TEAM)
_ZH_OFFER = register_pattern("zh_offer", ZH_OFFER)
_ZH_YES = register_pattern("zh_yes", ZH_YES)
_THREAT = register_pattern("threat", THREAT)
_NOTICE = register_pattern("notice", NOTICE)
_EN_WILL = register_pattern("en_will", EN_WILL)
_EN_HE = register("en_he", ["he'll", "he will", "he's going to", "he is going to"])
_EN_IMPERATIVE = register_pattern("en_imperative", EN_IMPERATIVE)
_EN_CALL_ME = register_pattern("en_call_me", EN_CALL_ME)
_FILLER = register_pattern("filler", FILLER, "filler")
_CONDITIONAL = register_pattern("conditional", CONDITIONAL)
_DONE = register_pattern("done", DONE)
_WISH = register_pattern("wish", WISH)
_NEGATION = register_pattern("negation", NEGATION)
_AGENDA = register_pattern("agenda", AGENDA, "agenda")
_HABITUAL = register_pattern("habitual", HABITUAL)
_COULD_BREAK = literal_gate(CLAUSE_BREAK)
_BREAK = register_pattern("clause_break", CLAUSE_BREAK)  # most sentences have no break word at all
_DISFLUENT = register_pattern("disfluent", DISFLUENCY, "noise", whole_words=True) | register("disfluent", [
    " i i", " we we", "i i'", "we we'", " the the", " to to", "我我", "我们我们"])


def is_candidate(cues: int) -> bool:
    """Whether a sentence's cue words allow any step pattern to match (most sentences fail)."""
    if cues & _EN_VERB and (cues & (_EN_MODAL | _EN_REQUEST | _EN_TEAM | _EN_OFFER)
                            or cues & _EN_SUBJECT and cues & DATE_EN) or cues & _EN_IMPERATIVE \
            or cues & _EN_FIX_NEEDED or cues & _EN_RELEASE and cues & DATE_EN \
            or cues & (_EN_NEED | _EN_WANT | _EN_PASSIVE | _EN_WANT_STATE | _EN_OFFER_PAST) or cues & (_EN_SHIPPING | NEED_BY | _EN_DOING | _EN_CALL_ME) and cues & DATE_EN:
        return True
    return bool(cues & (_ZH_SELF | _ZH_REQUEST) and cues & _ZH_MODAL
                or cues & _ZH_SELF and cues & _ZH_YES
                or cues & _ZH_YES and cues & (_ZH_MODAL | _ZH_TIMED)  # "收到，靠泊后安排驳船"
                or cues & (_ZH_ASK | _ZH_TEAM | _ZH_OFFER | _ZH_TIMED | _ZH_DEADLINE | _EN_DEADLINE))
# "等领导批了以后我们再看": waiting to decide, no plan (GUIDE: "等粤语支持上线了我们再扩大范围")
_DEFERRAL = re.compile(r"^(?:等|如果|要是|假如|万一|若)")
_DEFERRED = re.compile(r"再(?:看|说|定|议|决定|考虑|商量|讨论|研究|评估)")
# "收到稿子后", not "确认后"/"收到后": an event with nothing named answers the ask just made, a
# purpose ("请周五前确认清单，确认后我们安排调运": one step, the other side's)
MIN_TRIGGER_CHARS = 4
MAX_LEAD_CHARS = 2  # a team subject starts its clause ("那技术…"), else it is an object
MAX_TOPIC_CHARS = 14  # "试点团队名单，我明天发给邓凯": a short verbless clause names the object
MAX_BARE_ACTION_CHARS = 4  # "提给研发", "定下来": a verb and its complement, no object of its own
# how long or how usual, not a thing: "一般一周左右，我们可以下周一开始"
_SPAN = re.compile(r"左右|一般|大概|大约|通常|[一二两三四五六七八九十半\d]+个?(?:周|天|月|小时|分钟|年)")
SHORT_ACTION_CHARS = 4  # "…，本周五前发出": a bare dated verb finishes the step before it
_POSSESSIVE = gated(re.compile(r"(?:我们的?|我司|我方|你们的?|贵司|您那边的?|您的)?"))
_ZH_LEADS = {"", "那", "那么", "那就", "就", "然后", "另外", "还有"}
_LATE_SUBJECT = gated(re.compile(r"(?:我们|我)(?:这边|那边)?(?=[^，,]{0,6}?(?:" + ZH_VERBS + "))"))
_RELATIVE = gated(re.compile(rf"(?:{ZH_VERBS})+的"))  # "你们演示的那个功能": a description, not an ask
_TRIVIAL_ACTIONS = fold(re.compile(r"^(?:do|do (?:it|that|this|so)(?: then| too| as well)?|do check|check|it|that|this|so|start|begin|"
                                   r"go first|处理|做)$",
                              re.I))
# the longest text it can match: its widest branch, and the line break "$" lets through
MAX_TRIVIAL_CHARS = sre_parse.parse(_TRIVIAL_ACTIONS.pattern, _TRIVIAL_ACTIONS.flags).getwidth()[1] + 1


def _is_trivial(action: str) -> bool:
    """Whether an action says no more than "do it" or "check" (a length test first: most are longer)."""
    return len(action) <= MAX_TRIVIAL_CHARS and _TRIVIAL_ACTIONS.match(action) is not None
# "麻烦您…发给我们，我们要在月度会上讨论": the clause after a request says why, it is no step
# ("…报价发我，我节后第一天就走采购流程", "…发给我，我周三要跟校长汇报": a day may come first)
_ZH_PURPOSE = re.compile(r"^\s*(?:我们|我)(?:这边)?(?:[今明后]天|下?周[一二三四五六日]|月底|[节年]后[^，,]{0,5}?)?"
                         r"(?:要|需要|得|想|好|就)(?:在|拿|用|给|跟|和|内部|先|据此|走|做|开会|汇报|评审)")
# the speaker's own calendar, said as the reason for a date: "我们月底要做季度复盘", "周一我们开会",
# "我周三要跟校长汇报": nothing is done for the other side
_OWN_AGENDA = re.compile(r"^(?:(?:就|都|还)?等着?(?!到)|(?:要|就|得)?(?:跟[^，,]{1,6}?)?(?:汇报|开会|复盘|结账|盘点|评审|出差|放假|"
                         r"走[^，,]{0,6}?流程|做[^，,]{0,10}?(?:复盘|结算|结账|盘点|汇报|评审|考试|阅卷)))")
_INTRODUCES = re.compile(r"(?:如下|以下(?:材料|资料|文件|几点|几项|内容|事项|信息|问题)?)$")  # a list follows
_WAITING = re.compile(r"^[^，,]{0,4}?(?:就|都|还|在)等着?(?![到级])")  # "我们产线周一就等这批料"
_CANNOT = re.compile(r"(?<=[\u4e00-\u9fff])不(?:上|了|到|开|动|进)(?![来去])")  # "驱动在新电脑上装不上"
_FOR_THE_OTHER = re.compile(r"您|你|贵|客户")
_BARE_SEND = {"发", "寄", "传", "交", "发出", "寄出"}
# "帮您", "为您" before the verb says whom it is for, not what is done
_BENEFACTIVE = re.compile(r"^(?P<how>(?:远程|马上|先|再|这边|立即|今天就|就|也)*)(?:帮|为)(?:您们?|你们?)(?=[\u4e00-\u9fff])")
_PURPOSE_CLAUSE = re.compile(r"^\s*(?:方便(?!的话|时)|以便|便于|好让|用于)")
# where the speaker will be, not what they will do for the deal: "下午我要去开会", "下周我在外地出差"
# (answering when they are free; "开会前把方案发您" and "去贵司开会" stay steps)
_ELSEWHERE = re.compile(r"(?:要|得|还要|需要)?(?:去|在|回)?(?:外地|外面|总部|公司)?(?:开会|出差|休假|请假|上课|值班|体检|培训)")
_WORKAROUND = re.compile(r"临时(?:方案|办法|解决办法|措施)|建议(?:您|你们?)?先")
# "会议纪要你用飞书发我们群里就行": a request's tail lets a fronted object open it
_REQUEST_TAIL = re.compile(r"(?:就行|就好|即可|就可以了?|吧|一下)\W*$")
# "你们系统今天又登录不上了！！！": a state reached, a complaint, not an ask
# "你们能不能导出CSV？": a question of what can be done, unless ZH_CAN_YOU reads it as an ask
_CAN_OR_NOT = re.compile(r"能不能|能否|可否|可不可以")
# what the product does, not what the speaker offers to do for the listener
_CAPABILITY = re.compile(r"\s*(?:sync|integrate|support|handle|connect|scale|encrypt|store|host)\b(?![^.,;]*\bfor you\b)|"
                         r"\s*(?:(?:跟|和|与)[^，,。]{1,10}?(?:对接|集成|打通|同步)|支持|兼容|实现|做到)", re.I)
_DELEGATED = re.compile(r"^[让叫](?!您|你|我|他|她|人)[^，,]{2,}")
_TEAM_SIDE = re.compile(r"^(?P<who>[\u4e00-\u9fffA-Za-z]{1,5}?)(?:那边|这边)(?=[^的，,])")
_STATE_REACHED = re.compile(r"了\W*$")
# "您有空可以先看看", "我回头看看", "那我们先申请个trial试试": a look or a try, no commitment
_JUST_A_LOOK = re.compile(r"^(?:回头|有空|有时间|先|再|可以|就|随时|慢慢|自己)*(?:看看|看一下|瞧瞧|了解一下|试试|试一试|试一下)$")
_TENTATIVE = re.compile(r"(?:试试|看看|试一试|看一看|试一下)$")
# "请提供原始文件（含跟进记录的那份）": an aside in brackets says which one, it describes no step
_ASIDE = re.compile(r"[（(][^（()）]*[)）]")
# "完成数据迁移，并出一个培训计划", "先发您一份清单，同时让研发确认…": a second deliverable, or a second
# person set to work, is a second step even under one date
# ("…，同时把PDF版出一份", "…，并同步安排引航": a deliverable of its own, in parallel)
_SECOND_STEP = re.compile(r"\s*(?:(?:并且?|同时|另外)(?:再|还)?(?:出|做|写|提供|整理|准备|给)(?:一)?[个份版套张]|"
                          r"同时(?:再|还|也)?把|并(?:且)?同步(?:安排|把)|(?P<who>(?:同时|同埋[会會]?)(?:让|请|叫|安排)))")
_PARALLEL = re.compile(r"\s*(?:同时|(?:并且?)?同步)")
MIN_OWN_STEP_CHARS = 6  # "核实一下，并…退款": a check too short to stand alone merges
# "培训费用单独列项", "价格分开列": how the step before is carried out, no step of its own
_ELABORATES = re.compile(r"\s*[^\s，,。我你您他她]{2,12}?(?:单独|分别|分开|另行|一并|统一)(?:列项|列出|列|标注|标出|注明|报价|计费|计价|核算)")
_WILL = re.compile(r"会|将|要")
MIN_TEAMLESS_CHARS = 8  # "另外写一份对接说明给您" stands without its team; "给意见" does not
# "下周一住建局来检查", "明天集团审计过来": an outside body's visit is an event on the calendar, no step
_VISITED = re.compile(r"(?:上午|下午|晚上)?[\u4e00-\u9fff]{0,4}(?:局|委|厅|署|检查组|审计|督导组|总部|集团|领导|专家组?|"
                      r"海关|税务|消防|业主方?|区里|市里|省里|街道|上级)"
                      r"(?:的人)?(?:会|要|就)?(?:来|过来|下来|到场|检查|视察|验收|审计)")
_DAY_TAIL = re.compile(r"[一二三四五六日天末]?(?:上午|下午|晚上|早上|中午)?(?:之前|以前|前|之内|以内|内)?")  # "下周|五前"


@dataclass(slots=True)  # one per match: builds ~4x faster than a frozen dataclass
class NextStepHit:
    action: str
    owner: str
    due: date | None
    due_phrase: str | None
    start: int
    end: int
    sentence: Sentence
    is_request: bool = False  # asked of the other side (merged with their promise in reply)


@dataclass(slots=True)  # one per match: builds ~4x faster than a frozen dataclass
class _Found:
    """A step found in one clause: who (relative to the speaker) and where the action starts."""

    side: str  # "self" (the speaker's side), "other" (the addressee's), "customer" or "rep"
    action_from: int  # offset in the sentence
    is_offer: bool = False  # a step only if the other side accepts, or it names a date
    needs_due: bool = False  # "we send…" is a habit unless it names a date
    topic: str = ""  # what a handover clause ("快递单号发您微信") hands over
    continues: bool = False  # no subject of its own: the verb phrase goes on the clause before
    trigger: str = ""  # the event a promise waits for ("恢复后…通知您")
    fronted: str = ""  # an object put before the subject ("会议室我来订")
    rewrite: str = ""  # the action, when the clause says it in another voice ("this needs to be fixed")
    action: str = ""  # the action, when the clause words it otherwise ("the fix is going out")
    verb: str = ""  # a verb put before the object ("you'll get the summary": "send the summary")
    stop: int = 0  # where the action ends when a relative clause follows it (offset in the sentence)


def _other(role: Role) -> str:
    return "customer" if role in ("rep", "agent") else "rep"


def _own(role: Role) -> str:
    return "customer" if role == "customer" else "rep"


def side_of(sentence: Sentence, touchpoint: Touchpoint) -> str:
    """The side, "rep" or "customer", whose promise a first-person step in `sentence` is."""
    return _own(_speaker_role(sentence, touchpoint))


def _speaker_role(sentence: Sentence, touchpoint: Touchpoint) -> Role:
    if sentence.role != "unknown":
        return sentence.role
    if touchpoint.channel in ("email", "ticket", "chat"):
        return "rep" if touchpoint.direction == "outbound" else "customer"
    return "unknown"


def _clauses(text: str, cues: int = -1) -> list[tuple[int, int]]:
    """[start, end) of each clause: split at commas, semicolons and "and then"-style joins;
    `cues` are the bits of the sentence `text` is (or is part of)."""
    if not cues & _BREAK or not _COULD_BREAK(text):
        return [(0, len(text))] if text else []
    spans, cursor = [], 0
    bracketed = "(" in text
    apposed = [(a.start("open"), a.start("close")) for a in APPOSED_NAME.finditer(text)] \
        if text.count(", ") > 1 else []
    for m in CLAUSE_BREAK.finditer(text):
        if bracketed and text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
            continue  # "the usage report (adoption, coaching minutes) by Wednesday": one clause
        if apposed and any(a <= m.start() <= b for a, b in apposed):
            continue  # "our integrations lead, Bastien, will check…": one clause
        if m.group().startswith("、") and lists_objects(text[cursor : m.start()], text[m.end():]):
            continue  # "我明天把入驻截图、资质文件一起发您": one clause, two objects
        if m.start() > cursor:
            spans.append((cursor, m.start()))
        cursor = m.end()
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
    if cursor < len(text):
        spans.append((cursor, len(text)))
    return spans


def _needed(m: re.Match[str]) -> str:
    """The action a need asks for: "send the updated SOC 2 report", "sort out this", "send a
    corrected invoice"."""
    if m.group("state"):
        return f"{NEED_STATES[m.group('state').lower()]} {m.group('what')}"
    if m.group("yours"):
        return f"send the {m.group('yours')[5:]}"
    return f"send {m.group('fixed')}"


def _named_side(named: re.Match[str], role: Role) -> str:
    """The side of a named person: theirs as said ("Tobias from our team", "Kim from your IT"), the
    vendor's when the rep names a vendor job ("Dana, who runs onboarding, will…"), else the
    customer's ("Priya from finance will send the PO")."""
    where = named.group("where") or ""
    if named.group("name").lower() in TEAM_NAMES and not where:
        return "self"
    if _OURS.search(where):
        return "self"
    if _YOURS.search(where):
        return "other"
    return "self" if role in ("rep", "agent") and VENDOR_JOBS.search(where) else "customer"


def _match_en(clause: str, base: int, cues: int, role: Role = "unknown", *, labelled: bool = True
              ) -> _Found | None:
    if cues & _EN_DEADLINE and (action := en_deadline_action(clause)):
        return _Found("rep", base, needs_due=True, action=action)  # "Bids must be submitted by…"
    if cues & _EN_IMPERATIVE and (imperative := EN_IMPERATIVE.match(clause)):
        return _Found("other", base + imperative.start("verb"))
    if cues & _EN_CALL_ME and (call := EN_CALL_ME.match(clause)):
        return _Found("other", base + call.start("verb"), needs_due=True)
    # the earliest actor wins: "Marcus will send you the file so your team can start" is Marcus's
    team = cues & _EN_TEAM and (EN_DELEGATE.search(clause) or EN_TEAM.search(clause)) \
        or cues & STAFF_NAMED and EN_STAFF_NAMED.search(clause) or None
    if team is not None and team.start() and _SO_BEFORE.search(clause, 0, team.start()):
        team = None  # "I'll set up an example within 3 days so your team can try it": a purpose
    named = cues & _EN_NAMED and EN_NAMED.search(clause) or None
    while named is not None and named.group("name").lower() in NOT_A_NAME \
            and named.group("name") != "IT":  # "And Kenji from…", "It will…" (not "IT will…")
        named = EN_NAMED.search(clause, named.end("name"))
    if team is not None and (named is None or team.start() <= named.start()):
        side = "self" if not team.group("who").lower().startswith("your") \
            else "rep" if VENDOR_ROLES.search(team.group("who")) else "other"
        # "I can have one of our AEs email you": an offer until taken up
        return _Found(side, base + team.start("verb"), is_offer=team.groupdict().get("offer") is not None)
    if named is not None:
        return _Found(_named_side(named, role), base + named.start("verb"))
    request = EN_REQUEST.search(clause) if cues & _EN_REQUEST else None
    if request is not None and request.group("verb").lower() in _OUTCOME_VERBS \
            and _YOU_WILL.match(request.group(0)):
        request = None  # "you'll see a credit on your next statement": what follows, not an ask
    own = EN_SELF.search(clause) if cues & _EN_SELF else None
    if own and own.group("subj") and not own.group("modal") and "is" in clause \
            and _SUGGESTED.search(clause, 0, own.start()):
        # "What I'd suggest is I put together a sample workflow": an offer until taken up
        return _Found("self", base + own.start("verb"), is_offer=True)
    if own and (request is None or own.start() < request.start()):
        return _Found("self", base + own.start("verb"),
                      needs_due=bool(own.group("subj")) and (not own.group("modal") or bool(own.group("planning")))
                      or bool(own.group("let")) and own.group("verb").lower() in LOOSE_PROPOSALS)
    if request and YOU_WILL_HAVE.match(clause, request.start()):  # "you'll have it Monday"
        return _Found("self", base + request.start("verb"))
    if request and (got := YOU_WILL_GET.match(clause, request.start())):  # "you'll get the summary Monday"
        return _Found("self", base + got.start("object"), needs_due=True, verb="send")
    if request:  # "can I send you…?" offers, "can we get a sandbox?" asks to receive
        receives = request.group("verb").lower() in _RECEIVING \
            and not clause.startswith((" you", " u "), request.end("verb"))
        offers = bool(request.group("weak")) and not receives
        mine = offers and request.group("weak").lower().endswith(" i")  # "can I send you…": mine
        return _Found("self" if mine else "other", base + request.start("verb"), is_offer=offers)
    if cues & _EN_DOING and (m := EN_DOING.match(clause)):
        return _Found("self", base + m.start("verb"), needs_due=True)
    if cues & _EN_OFFER and (m := EN_OFFER.search(clause)) and not _RELATIVE_EN.search(clause, 0, m.start()):
        return _Found("self", base + m.start("verb"), is_offer=True)
    if cues & _EN_FIX_NEEDED and (m := EN_FIX_NEEDED.search(clause)):
        what = (m.group("what") or m.group("what2")).lower()
        return _Found("other", base + m.end(), rewrite=FIXED_VERB[m.group("done").lower()].format(what))
    if cues & _EN_RELEASE and (m := EN_RELEASE.search(clause)):
        how = m.group("how").lower().removeprefix("will be ")
        return _Found("self", base + m.end(), needs_due=True,
                      rewrite=f"{RELEASE_VERB.get(how, 'ship')} {m.group('obj').lower()}")
    if cues & _EN_NEED and (m := EN_NEED.search(clause)):
        return _Found("other", base + m.start(), action=_needed(m))
    if cues & _EN_WANT and (m := EN_WANT.search(clause)):
        if m.group("verb"):  # "I need somebody from your side to call me back"
            return _Found("other", base + m.start("verb"))
        noun = m.group("noun").lower()
        relative = _RELATIVE_TAIL.search(clause, m.end("object"))  # "…an explanation I can share with…"
        return _Found("other", base + m.start("object"), verb=WANTED_VERBS.get(noun, "send"),
                      stop=base + relative.start() if relative else 0)
    if cues & NEED_BY and (m := EN_NEED_BY.search(clause)):  # "we still need the catalogues by 10 April"
        verb, needed = need_by_action(m.group("object"))
        return _Found("other", base + m.start("object"), needs_due=True, action=f"{verb} {needed}")
    if cues & _EN_SHIPPING and (m := EN_SHIPPING.search(clause)):
        how = m.group("how").lower()
        verb = next((v for k, v in SHIPPING_VERBS.items() if k in how), "ship")
        return _Found("rep", base + m.start(), needs_due=True,  # ("the update ships with…": no step)
                      action=f"{verb} {m.group('what')[0].lower()}{m.group('what')[1:]}")
    if cues & _EN_PASSIVE and (m := EN_PASSIVE.search(clause)):  # "a replacement will be shipped Monday"
        # no speaker to speak for: a passive promise is the vendor's, unless it pays or orders
        side = "self" if labelled else "customer" if BUYER_OBJECTS.search(m.group("what")) else "rep"
        return _Found(side, base + m.start(), action=passive_action(m))
    if cues & _EN_WANT_STATE and (m := EN_WANT_STATE.search(clause)):  # "I want the extra seats removed"
        return _Found("other", base + m.start("what"), action=wanted_state_action(m))
    if cues & _EN_OFFER_PAST and (m := EN_OFFER_PAST.search(clause)):  # "would it be OK if I checked back…"
        return _Found("self", base + m.end("past"), is_offer=True, verb=PAST_VERBS[m.group("past").lower()])
    return None


# a time said before a team subject: "今天下班前二线工程师会…", "明天上午技术同事会…"
_TIME_LEAD = re.compile(r"\s*(?:(?:[今明后]天|今晚|明早|下周[一二三四五六日天]?|本周[一二三四五六日]?|这周[一二三四五六日]?|"
                        r"周[一二三四五六日]|月底|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])"
                        r"(?:上午|下午|晚上|中午|早上|下班|午饭|\d{1,2}点)?(?:之前|以前|前|之内|内|后|以后)?\s*)")


_BY_VERB = r"(?:出具|提供|发送|完成|处理|安排|跟进|整理|出|发|给)"
_BY_WHOM = re.compile(rf"^\s*(?P<obj>[^，。！？由我你您他她]{{2,12}}?)由(?P<who>[^，。！？]{{1,8}}?)"
                      rf"(?:(?:在|于|负责|来|会|将)(?=[^，。！？]{{0,12}}?{_BY_VERB})|(?={_BY_VERB}))")
_NEED_YOU = re.compile(rf"需要(?:贵司|贵方|您|你们|您那边)(?:的)?(?=[^，。！？]{{0,12}}?(?:{ZH_VERBS}))")
_SOMEONE_WILL = re.compile(r"(?:会|将)有(?:另一位|另外一位|一位|位)?(?P<who>专人|专门的同事|工程师|技术同事|客服|客户经理|同事|"
                           r"师傅|检测师|专员)"
                           r"(?=[^，。！？]{0,6}?(?:联系|跟进|处理|上门|回访|回复|对接))")
_DEMAND = re.compile(r"(?:这边)?(?:要求|需要(?:你们|贵司|您|贵方))(?:你们|贵司|您|贵方)?")
# the agent starting a service for the customer: "我给您申请…", "我这边帮您登记…", "我为您预约…"
_FOR_YOU = re.compile(r"(?:马上|立即|现在|先)?(?:给|帮|为)(?:您|你)(?:申请|登记|提交|升级|预约|补发|退款|"
                      r"办理|加急|催|报备|备注|安排)")


def _match_zh(clause: str, base: int, cues: int, previous: _Found | None, answering: bool = False
              ) -> _Found | None:
    """The earliest subject wins: "我让实施顾问明天联系您" is the speaker's step, not the team's."""
    if cues & _ZH_DEADLINE and (action := zh_deadline_action(clause)):
        return _Found("rep", base, needs_due=True, action=action)  # "响应文件请于…前递交": the bidder's
    if "由" in clause and (m := _BY_WHOM.match(clause)) and not NOT_A_TOPIC.search(topic := m.group("obj")):
        # "书面说明由质量部在5个工作日内出具": the passive's agent does it
        side = "other" if m.group("who").startswith(("贵", "您", "你")) else "self"
        return _Found(side, base + m.end(), fronted=topic)
    if "需要" in clause and (m := _NEED_YOU.search(clause)):
        return _Found("other", base + m.end())  # "需要贵司IT在域名解析里加上": asked of the other side
    if "有" in clause and (m := _SOMEONE_WILL.search(clause)):
        return _Found("self", base + m.start("who"))  # "您填好后会有专人联系您": the speaker's side
    found: list[tuple[int, _Found]] = []
    if cues & _ZH_TEAM and (m := ZH_TEAM.search(clause)) \
            and (m.start() <= MAX_LEAD_CHARS or _TIME_LEAD.fullmatch(clause, 0, m.start())) \
            and ZH_VERB.search(clause, m.end("who")) \
            and not (_STATE_REACHED.search(clause) and not _WILL.search(clause)):  # "老板今天批了": done
        side = "self" if not m.group("who").startswith(("你们", "贵司", "您")) \
            else "rep" if VENDOR_ROLES.search(m.group("who")) else "other"
        # "技术同事蒋涛会另外写一份说明": the team and the name are the owner, not the action; a short
        # action keeps its team ("法务给意见"), which says whose it is
        actor = _DAY_TAIL.match(clause, m.end()).end()  # type: ignore[union-attr]
        if len(_HAN.findall(clause, actor)) < MIN_TEAMLESS_CHARS:
            actor = m.start("who") + len(_POSSESSIVE.match(m.group("who")).group(0))  # type: ignore[union-attr]
        found.append((m.start(), _Found(side, base + actor)))
    if cues & _ZH_REQUEST and (m := ZH_REQUEST.search(clause)) and not NOT_A_REQUEST.search(clause) \
            and (m.group("subj").startswith(("请", "麻烦")) or ZH_MODAL.search(m.group("mid"))
                 or clause[: m.start()] in _ZH_LEADS and not m.group("mid").startswith("的")
                 or _REQUEST_TAIL.search(clause) and fronted(clause[: m.start()])) \
            and not (not m.group("subj").startswith(("请", "麻烦"))
                     and (ZH_QUESTION.search(clause) or _STATE_REACHED.search(clause))) \
            and not (_RELATIVE.match(clause, m.end()) and "把" not in m.group("mid")) \
            and not _CAN_OR_NOT.search(m.group("mid")):  # ("请把导出的原始表发我": 导出的 is the object's)
        found.append((m.start(), _Found("other", base + m.start("mid"), fronted=fronted(clause[: m.start()]))))
    own = ZH_SELF.search(clause) if cues & _ZH_SELF else None
    if own is not None and (demand := _DEMAND.match(clause, own.end("subj"))):
        # "我们要求三个工作日内给出书面报告": a demand of the other side, not the speaker's plan
        found.append((own.start(), _Found("other", base + demand.end())))
    elif (m := own) is not None and (
            ZH_MODAL.search(m.group("mid")) or m.group("subj") in ("我这边", "我们这边")
            or ZH_ADVERB_BEFORE.search(clause, 0, m.start())
            or answering and not m.group("mid") and "一下" not in clause  # "我更新一下": done now
            # "我给您申请一个月的服务费减免": a service the agent starts for the customer now
            or _FOR_YOU.match(clause, m.end("subj")) is not None and "一下" not in clause
            # "我们审核后两天内开通": a plain "we do X" is a plan when a day after it dates it
            or cues & _ZH_TIMED and _TIMED_ANYWHERE.search(clause, m.end()) is not None
            # "收到稿子后我让设计师出效果图": an event that times the plan, as a date would
            or m.start() > 0 and (t := ZH_TRIGGER.match(clause, 0, m.start())) is not None
            and len(t.group("trigger").strip()) >= MIN_TRIGGER_CHARS
            and not _DEFERRAL.match(t.group("trigger")) and not _DEFERRED.search(clause, m.end())):
        trigger = ZH_TRIGGER.match(clause, 0, m.start())
        found.append((m.start(), _Found("self", base + m.start("mid"), trigger=trigger.group(
            "trigger") if trigger and NOTIFY.match(clause, m.end("mid")) else "",
            fronted="" if trigger else fronted(clause[: m.start()]))))
    if cues & _ZH_OFFER and (m := ZH_OFFER.search(clause)):
        found.append((m.start() - 1, _Found("self", base + m.end(), is_offer=True)))
    if found:
        return min(found, key=lambda f: f[0])[1]
    if cues & _ZH_TIMED and (m := ZH_TIMED.match(clause.lstrip())) and not ZH_AGENDA.match(clause) \
            and not _VISITED.match(clause, len(clause) - len(clause.lstrip()) + m.end()):
        side = "other" if ZH_ASKS_ME.search(clause) else "self"  # "明天发我就行" asks the addressee
        at = len(clause) - len(clause.lstrip()) + m.start()
        subject = _LATE_SUBJECT.search(clause, at)  # "周四下午两点我给您打电话"
        return _Found(side, base + (subject.end() if subject else at), needs_due=True,
                      continues=subject is None)
    if cues & _ZH_TIMED and (m := OBJECT_FIRST.match(clause)) and (topic := fronted(m.group("obj"))) \
            and ZH_TIMED.match(clause[m.end():]) and not ZH_ASKS_ME.search(clause) \
            and not ZH_QUESTION.search(clause):
        return _Found("self", base + m.end(), needs_due=True, fronted=topic)  # "原件明天快递给您"
    if cues & _ZH_TIMED and (m := WILL_ON.match(clause)) and not ZH_QUESTION.search(clause):
        topic = fronted(m.group("obj") or "")  # "修复会在下周三发布", "会在下周一的版本里修复"
        return _Found("self", base + m.end(), needs_due=True, fronted=topic)
    if cues & _ZH_ASK and (m := ZH_CAN_YOU.match(clause)) and clause.rstrip().endswith(("？", "?")):
        return _Found("other", base + m.end())
    if cues & _ZH_ASK and (m := _CAN_YOU_DELIVER.match(clause)) and clause.rstrip().endswith(("？", "?", "吗")):
        return _Found("other", base + m.end())
    if cues & _ZH_ASK and (m := ZH_SEND_ME.match(clause)):
        return _Found("other", base + m.start("send"))
    if cues & _ZH_ASK and ((m := _BA_TO_ME.match(clause)) or (m := _IF_CONVENIENT.match(clause))
                           and ZH_ASKS_ME.search(clause, m.end())):
        return _Found("other", base + m.end())  # "另外把可用率报告也发我一份", "方便的话发个识别码给我"
    if cues & _ZH_ASK and (m := _DONE_THEN_TO_ME.match(clause)):
        return _Found("other", base + m.end(), trigger=m.group("trigger"))  # "排查完给我一个报告"
    if (m := ZH_WHEN_DONE.match(clause)) is not None:
        return _Found("self", base + m.end("trigger"), trigger=m.group("trigger"))
    if answering and previous is None and (taken := taken_on(clause)) is not None:
        # "收到，靠泊后安排淡水驳船", "好的，检测完当天下午出报告": the yes takes it on
        return _Found("self", base + taken.end(), trigger=taken.group("trigger") or "")
    if previous is None:
        return None
    if m := ZH_CONJOINED.match(clause):  # "麻烦核实一下，并在月底之前退款"
        return _Found(previous.side, base + m.end(), continues=True)
    if (m := ZH_CONTINUE.match(clause)) and ZH_VERB.search(clause):
        return _Found(previous.side, base + m.start(), continues=True)
    if m := ZH_HANDOVER.match(clause):
        return _Found("self", base + m.end("topic"), topic=m.group("topic"))
    if previous.side == "self" and (m := ZH_OBJECT_FOR_YOU.match(clause)) and (topic := fronted(m.group("obj"))) \
            and not ZH_AGENT_NOUN.search(topic):
        return _Found("self", base + m.end(), fronted=topic)  # its own step: another object
    return None


_VERB_ALT = "|".join(sorted((re.escape(v) for v in EN_VERB_WORDS), key=len, reverse=True))
# a promise whose first verb is no step ("take that to our legal team", "go back to our deal desk")
# and whose second is: the step is the second
_SELF_THEN = re.compile(rf"\W*(?:(?:so|ok|okay|then|and),? )?(?:(?:I|we)(?:'ll| will)|let me|let us)(?! (?:be|not|never|have|need|try)\b)(?: [\w'-]+){{1,8}}? and "
                        rf"(?:then |also )?(?P<verb>{_VERB_ALT})\b", re.I)
# a step pattern found nowhere in the sentence is found in none of its clauses either
_WHOLE_SENTENCE = ((_EN_TEAM, EN_TEAM), (_EN_TEAM, EN_DELEGATE), (STAFF_NAMED, EN_STAFF_NAMED), (_EN_SELF, EN_SELF),
                   (_EN_REQUEST, EN_REQUEST), (_EN_OFFER, EN_OFFER), (_EN_FIX_NEEDED, EN_FIX_NEEDED),
                   (_EN_RELEASE, EN_RELEASE), (_ZH_TEAM, ZH_TEAM),
                   (_ZH_REQUEST, ZH_REQUEST), (_ZH_SELF, ZH_SELF), (_ZH_OFFER, ZH_OFFER),
                   (_EN_SHIPPING, EN_SHIPPING), (_EN_NEED, EN_NEED), (_EN_WANT, EN_WANT), (NEED_BY, EN_NEED_BY),
                   (_EN_DOING, EN_DOING), (_EN_PASSIVE, EN_PASSIVE),
                   (_EN_WANT_STATE, EN_WANT_STATE), (_EN_OFFER_PAST, EN_OFFER_PAST), (_EN_MODAL, _SELF_THEN))
_CAN_YOU_ANYWHERE = gated(re.compile(r"(?:^|[，,])" + ZH_CAN_YOU.pattern.removeprefix("^")))
# "能不能帮我们出一版报价？" (a deliverable, unlike "能不能做私有化部署？"), "可以把上个月的对账单发我吗？"
_CAN_YOU_DELIVER = gated(re.compile(
    r"^\s*(?:那|那么|所以|另外|还有)?(?:你们|您们|您|你|贵司)?(?:(?:能否|能不能|可否|可不可以)(?:再|帮忙|帮我们|帮我)?"
    r"(?=[^，。！？?]{0,4}?出[一个份版套]*[^，。！？?出]{0,4}?(?:报价|方案|合同|计划|清单|说明|报告))|"
    r"(?:能否|能不能|可不可以|可以|能)(?:帮忙|帮我们|帮我)?(?=把[^，。！？?]{1,24}?(?:发|寄|传|给|交)(?:给|到)?我))"))
_CAN_YOU_DELIVER_ANYWHERE = gated(re.compile(r"(?:^|[，,])" + _CAN_YOU_DELIVER.pattern.removeprefix("^")))
_SEND_ME_ANYWHERE = gated(re.compile(r"(?:^|[，,])" + ZH_SEND_ME.pattern.removeprefix("^")))
# a bare 把 imperative that hands something to the speaker, and an ask softened by convenience
_BA_TO_ME = re.compile(r"^\s*(?:另外|还有|然后|顺便|记得)?(?:也|再)?(?=把[^，。！？]{1,30}?(?:发|寄|传|转|交)(?:给|到)?我)")
_DONE_THEN_TO_ME = re.compile(r"^\s*(?P<trigger>[^，。！？我你您]{1,8}?(?:完|好)(?:之?后|以后)?)(?:再)?(?=(?:给|发|寄|传)我)")
# any of the asks below, anywhere: one search before a sentence is split into clauses
_ASK_ANYWHERE = re.compile(r"把[^，。！？]{1,30}?(?:发|寄|传|转|交)(?:给|到)?我|(?:方便|有空|有时间)的话|"
                           r"(?:完|好)(?:之?后|以后)?(?:再)?(?:给|发|寄|传)我|需要(?:贵司|贵方|您|你们)")
_IF_CONVENIENT = re.compile(r"^\s*(?:您|你)?(?:方便的话|有空的话|有时间的话)")
_WHEN_DONE_ANYWHERE = gated(re.compile(r"(?:^|[，,])" + ZH_WHEN_DONE.pattern.removeprefix("^")))
_TIMED_ANYWHERE = gated(re.compile(ZH_TIMED.pattern.removeprefix("^")))


_PIECES = re.compile(r"[，,；;]")


def _could_hold_a_step(text: str, cues: int) -> bool:
    """Whether any clause-level pattern could match: one search of the whole sentence each
    (named English owners and timed Chinese clauses included), before splitting clauses."""
    if cues & (_ZH_DEADLINE | _EN_DEADLINE):
        return True  # a tender's deadline: rare words, read clause by clause
    for bit, pattern in _WHOLE_SENTENCE:
        if cues & bit and pattern.search(text):
            return True
    if cues & _ZH_TIMED and _TIMED_ANYWHERE.search(text):
        return True
    if cues & _ZH_ASK and (_CAN_YOU_ANYWHERE.search(text) or _SEND_ME_ANYWHERE.search(text)
                           or _CAN_YOU_DELIVER_ANYWHERE.search(text)
                           or _ASK_ANYWHERE.search(text) is not None) \
            or ("后" in text or "完" in text) and _WHEN_DONE_ANYWHERE.search(text):
        return True
    if cues & _EN_CALL_ME and EN_CALL_ME.search(text):
        return True
    if cues & _ZH_YES and (yes := ZH_YES.match(text)) is not None \
            and any(taken_on(piece) for piece in _PIECES.split(text[yes.end():])):
        return True
    if cues & _EN_HE and _HE_WILL_ANYWHERE.search(text):
        return True
    if cues & _EN_IMPERATIVE and EN_IMPERATIVE.search(text) or cues & _EN_WILL and \
            EN_WILL.search(text) and EN_FIRST_PERSON.search(text):
        return True
    return bool(cues & _EN_NAMED) and EN_NAMED.search(text) is not None


# a condition after a promise that makes it an offer: "…, if that helps", "…if you'd like"
_OFFER_TAIL = re.compile(r"\bif (?:(?:that|this|it)(?:'s| is| would be|'d be| would| will)? (?:helps?|useful|"
                         r"helpful)|you(?:'d)? (?:like|want|prefer)|(?:that's |it's )?(?:needed|useful|helpful))\b",
                         re.I)
# a polite request put as a condition: "if you could send me the list, that would help", "it'd be
# great if you could resend the invoice", "I'd appreciate it if you could loop in legal"
_POLITE_IF = re.compile(
    r"\bif you (?:could|can|would)\b[^.?!]{0,100}?\b(?:that|it|this)(?: would|'d| will)(?: really)? "
    r"(?:help|be (?:great|helpful|appreciated|perfect|ideal|amazing|super helpful))"
    r"|(?:would|'d) be (?:great|helpful|appreciated|perfect|ideal|amazing|super helpful|grateful|thankful|"
    r"obliged) if you "
    r"(?:could|can|would)\b|\bappreciate it if you (?:could|can|would)\b", re.I)
_POLITE_OPEN = re.compile(r"\bif you (could|can|would)\b", re.I)
_POLITE_TAIL = re.compile(r",?\s*\b(?:that|it|this)(?: would|'d| will)(?: really)? (?:help|be (?:great|helpful|"
                          r"appreciated|perfect|ideal|amazing|super helpful))(?=[\s.!]*$)", re.I)


def sentence_steps(sentence: Sentence, touchpoint: Touchpoint, accepted: object
                    ) -> list[NextStepHit]:
    """The steps of one sentence; `accepted` is true when the other side's next turn accepts
    (a bool, or anything whose truth is read only when an offer, question or condition asks)."""
    cues = sentence.cues
    text = sentence.text
    if cues & _DISFLUENT and (plain := spoken(text)) != text:
        text = plain  # "I'll, um, send": the words the fillers kept apart now touch
        cues |= cues_of(text)
    if cues & _NOTICE and NOTICE.search(text):
        return []
    if cues & _THREAT and (threat := THREAT.search(text)):
        # "这周四之前请给我一个明确的解决方案，不然我们要重新评估": the ask before the threat stands
        cut = max(text.rfind("，", 0, threat.start()), text.rfind(",", 0, threat.start()))
        if not _has_han(text) or cut <= 0 or text[cut + 1 : threat.start()].strip():
            return []
        text = text[:cut]
        if cues & _CONDITIONAL and not CONDITIONAL.search(text):
            cues &= ~_CONDITIONAL
    if cues & _CONDITIONAL and _POLITE_IF.search(text):  # "if you could send the list, that'd help"
        text = _POLITE_OPEN.sub(lambda m: f"   {m.group(1)} you", text)  # same length: offsets hold
        text = _POLITE_TAIL.sub(lambda m: " " * len(m.group()), text)
        cues |= cues_of(text)
    condition = CONDITIONAL.search(text) if cues & _CONDITIONAL else None
    asks = text.endswith(("?", "？")) and not accepted \
        and not (cues & _EN_REQUEST and EN_REQUEST.search(text)) \
        and not (cues & _ZH_REQUEST and ZH_REQUEST.search(text)) \
        and not (cues & _ZH_ASK and (_CAN_YOU_ANYWHERE.search(text) or _CAN_YOU_DELIVER_ANYWHERE.search(text))) \
        and not (cues & _ZH_TIMED and _dated_plan_then_question(text, cues))
    clauses = _clauses(text, cues)
    if asks:  # "I'll email you the setup guide — what's the best address?": only the question goes
        if len(clauses) < 2 or _has_han(text):
            return []
        clauses = clauses[:-1]
    if len(clauses) > 1 and not _could_hold_a_step(text, cues):
        return []  # (one clause: reading it costs what this check would)
    role = _speaker_role(sentence, touchpoint)
    answering = bool(cues & _ZH_YES) and ZH_YES.match(text) is not None
    dues: list[DuePhrase] | None = None
    hits: list[NextStepHit] = []
    previous: _Found | None = None
    topic = ""  # a clause without a step that names what the next one hands over
    for k, (start, end) in enumerate(clauses):
        clause = text[start:end]
        if cues & _FILLER and FILLER.match(clause) or cues & _AGENDA and AGENDA.match(clause):
            previous = None
            continue
        is_zh = _has_han(clause)
        found = _match_zh(clause, start, cues, previous, answering) if is_zh \
            else _match_en(clause, start, cues, role, labelled=sentence.role != "unknown")
        if found is None and previous is not None and not is_zh and \
                (m := _EN_CONTINUE.match(clause)):
            found = _Found(previous.side, start + m.start("verb"), continues=True)
        if found is None and previous is None and not is_zh and cues & _EN_MODAL \
                and (then := _SELF_THEN.match(text, clauses[k - 1][0] if k else start, end)) \
                and then.start("verb") >= start:
            found = _Found("self", then.start("verb"))  # "I'll take that to legal and come back with…"
        if found is None and not is_zh and cues & _EN_WILL and (m := EN_WILL.match(clause)):
            if EN_FIRST_PERSON.search(text, 0, start) or start == 0 \
                    and _EN_CONTINUE.match(clause, m.start("verb")):  # "will let the team know."
                found = _Found("self", start + m.start("verb"), continues=previous is not None)
            elif (named := _APPOSITIVE.search(text, 0, start)) is not None \
                    and named.group("name").lower() not in NOT_A_NAME:
                found = _Found(_named_side(named, role), start + m.start("verb"))  # "Dana, who…, will"
        if found is None and not is_zh and cues & _EN_HE and (m := _HE_WILL.match(clause)):
            found = _third_person(text, start, m.start("verb"), touchpoint)  # "…our engineer…, and he'll call"
        if dues is None and (found is not None or hits):
            dues = find_due_phrases(text, touchpoint.occurred_at, cues=cues)
            if dues and text[:1] in "[【" and (head := _ENTRY_HEAD.match(text)):
                dues = [d for d in dues if d.start >= head.end()]  # "[Agent - Mar 2 10:02] …": when written
            if any(d.anaphor is not None for d in dues):
                dues = [_pointed_back(d, touchpoint, sentence.start) for d in dues]
        # ("我把今天的会议纪要整理一下": a day that describes the object dates nothing)
        clause_dues = [d for d in dues or [] if start <= d.start < end and d.due
                       and text[d.end : d.end + 1] != "的"
                       and not (d.phrase == "现在" and not text.startswith(("就", "马上", "立刻"), d.end))]
        if found is None and is_zh and previous is not None and hits and hits[-1].owner == _own(role) \
                and (how := _ELABORATES.match(clause)):
            # "按门店出报价，培训费单独列项，…": how the step before is done belongs to it
            hits[-1] = replace(hits[-1], action=f"{hits[-1].action}，{how.group(0).strip()}")
            continue
        if found is None:
            if hits and clause_dues and hits[-1].due is None and (
                    is_only_due(clause, clause_dues)
                    or not is_zh and hits[-1].owner == _own(role) and _HANDED_ON.match(clause)):
                # "…出一个迁移计划，4月10号之前", "I'll put together X, with Y, and get it to you by Thursday"
                hits[-1] = with_due(hits[-1], clause_dues[0])
            topic = clause if is_zh and len(clause) <= MAX_TOPIC_CHARS and not ZH_VERB.search(clause) \
                and not NOT_A_TOPIC.search(clause) else ""
            previous = None
            continue
        if condition and not accepted and (condition.start() < found.action_from or is_zh and start <= condition.start()
                                           and "就" in text[condition.end():end]):  # "您看完没问题我们就走盖章流程"
            previous = None
            continue
        if is_zh and ("便" in clause or "让" in clause or "用于" in clause) and _PURPOSE_CLAUSE.match(clause):
            previous = None  # "…，方便我们年后内部评审": why, not a step
            continue
        if is_zh and found.side == "other" and _WORKAROUND.search(text, 0, start + 1):
            previous = None  # "临时方案：请员工先使用账号密码登录": advice for now, no step
            continue
        if is_zh and hits and hits[-1].is_request and found.side == "self" and not clause_dues \
                and "我" in clause and _ZH_PURPOSE.match(clause):
            previous = None
            continue
        if is_zh and cues & _ZH_PRESSED and found.side == "self" and role == "customer" \
                and _OWN_MUST.search(clause) and _PRESSED.search(text):
            previous = None  # "月底要发工资，比较急", "我们下周二要提审，请尽快修复": why it is urgent
            continue
        stop = found.action_from + 12
        while stop < end and text[stop].isascii() and text[stop].isalpha():
            stop += 1  # a whole word: "a credit not|e" holds no "not"
        window = text[max(start, found.action_from - 16): stop]
        wanted = found.verb and found.side == "other"  # "I want a written status every Friday": asked
        if cues & _NEGATION and NEGATION.search(window) or cues & _DONE and DONE.search(clause) \
                or cues & _WISH and WISH.search(clause) \
                or cues & _HABITUAL and not wanted and HABITUAL.search(clause):
            previous = None
            continue
        if condition and found.side == "self" and _OFFER_TAIL.search(text, found.action_from):
            found.is_offer = True  # "I can send you a sample script if that helps": until accepted
        if found.is_offer and not clause_dues and _CAPABILITY.match(text, found.action_from):
            previous = None  # "We can sync Zendesk tickets both ways", "我们可以跟钉钉对接": what it does
            continue
        if found.needs_due and not clause_dues and k + 1 < len(clauses):
            # "A fix goes out in the next release, Thursday.": the next clause only dates it
            after = clauses[k + 1]
            clause_dues = [d for d in dues or [] if after[0] <= d.start < after[1] and d.due]
            if clause_dues and not is_only_due(text[after[0]:after[1]], clause_dues):
                clause_dues = []
        if (found.is_offer and not accepted or found.needs_due) and not clause_dues:
            previous = None
            continue
        action = found.action or clean_action(text[found.action_from:found.stop or end],
                                              [(d.start, d.end) for d in clause_dues], found.action_from)
        if cues & _GRATITUDE and (_THANKED.match(clause) if is_zh else _RELAYED_THANKS.match(action)):
            previous = None  # "感谢今天下午抽时间沟通", "Thanks, I'll pass that on": courtesy, no step
            continue
        if is_zh and found.side == "self" and not found.fronted and _ELSEWHERE.fullmatch(action):
            previous = None  # "周五上午可以，下午我要去开会": when the speaker is busy, no step
            continue
        if found.rewrite:
            action = found.rewrite
        if found.verb:
            action = f"{found.verb} {action}"
        if found.trigger:
            action = f"{found.trigger}{action}"
        if found.fronted:
            action = with_fronted(action, found.fronted)
        if found.topic:
            action = f"把{found.topic}{action}"
        elif topic and HANDED_OVER.match(action):
            action = f"把{topic}{action}"  # "试点团队名单，我明天发给邓凯"
        elif topic and 2 <= len(action) <= MAX_BARE_ACTION_CHARS and "把" not in action \
                and (object_named := fronted(topic)) and not _SPAN.search(object_named):
            # "流量预警的问题，我今天就提给研发", "瓷砖和地板的品牌，麻烦您周四前定下来": a bare verb
            # acts on what the clause before named
            action = with_fronted(action, object_named)
        topic = ""
        # (each Chinese test below first asks for a word every match of its pattern holds)
        if is_zh and ("帮" in action or "为" in action) and (helped := _BENEFACTIVE.match(action)) \
                and len(action) - helped.end() >= MIN_ACTION_CHARS:
            action = helped.group("how") + action[helped.end():]  # "远程帮您把权限配好": "远程把权限配好"
        if is_zh and "边" in action and (team := _TEAM_SIDE.match(action)) and not ZH_VERB.search(team.group("who")):
            action = team.group("who") + action[team.end():]  # "法务那边给意见": "法务给意见"
        if is_zh and action[:1] in "让叫" and _DELEGATED.match(action):
            action = action[1:]  # "我让销售顾问今天联系您", "麻烦让销售联系我": the one who does it
        if hits and clause_dues and hits[-1].due is None and action in _BARE_SEND:
            hits[-1] = with_due(hits[-1], clause_dues[0])  # "我把表结构导一份给你，今天就发"
            previous = None
            continue
        if is_zh and found.side == "other" and "不" in action and _CANNOT.search(action):
            previous = None  # "你们那个驱动在新买的电脑上装不上": a complaint, not an ask
            continue
        if is_zh and (reports_past(clause, action) or found.side == "other" and (
                asks_identity(action) or is_check_after_fix(action, text[: found.action_from]))):
            previous = None  # "你们上礼拜来装的补光灯", "麻烦提供一下订单号", "已补发，请重新登录查收"
            continue
        if is_zh and found.side == "self" and (_OWN_AGENDA.match(action) or "等" in action and _WAITING.match(action)) \
                and not _FOR_THE_OTHER.search(action):
            previous = None
            continue
        if len(action) < MIN_ACTION_CHARS or _is_trivial(action) \
                or is_zh and (action.endswith("的") or "的" in action and DESCRIBED.search(_ASIDE.sub("", action))
                              or ("看" in action or "试" in action or "瞧" in action or "了解" in action)
                              and _JUST_A_LOOK.match(action)
                              or "下" in action and _INTRODUCES.search(action)  # "…整理如下："
                              or found.side == "self" and not clause_dues and ("看" in action or "试" in action)
                              and _TENTATIVE.search(action)):
            # "这正是我们要解决的", "今天给你们的那个报价": a description
            if hits and clause_dues and hits[-1].due is None and found.side == "self" \
                    and _is_trivial(action):  # "I'll raise the limit, I'll do that today"
                hits[-1] = with_due(hits[-1], clause_dues[0])
            previous = None
            continue
        due = clause_dues[0] if clause_dues else None
        if due is not None and not is_zh and due.phrase.lower().startswith(("in ", "within ")) \
                and _ONCE_DONE.match(text):
            due = None  # "Once your record is approved, a PO will be issued within 5 days": from then
        if due is not None and (due.from_event or due.start and text[due.start - 1] == "后"
                                and not _DAY_PART.fullmatch(due.phrase)):
            due = None  # "新机器取件后48小时内发出": counted from the event, not from today
        if due is None and found.topic and hits and hits[-1].due is not None:
            due = _due_of(hits[-1])  # "我今天下班前把发票寄出，快递单号发您微信": sent along, same day
        if due is not None and hits and hits[-1].due is not None and _DAY_PART.fullmatch(due.phrase):
            # "我明天上午先把权限配好，下午再给大家做个培训": the afternoon is tomorrow's
            due = replace(due, due=hits[-1].due)
        if hits and is_zh and OBJECTLESS.match(action) and hits[-1].owner == _own(role) \
                and due is not None and hits[-1].due is not None and due.due != hits[-1].due:
            action = f"{action}（{hits[-1].action}）"  # "今晚重新跑一遍脚本，明早给您结果": its result, later
        elif hits and is_zh and OBJECTLESS.match(action) and hits[-1].owner == _own(role):
            # "我这边马上核对，两个小时内给您回复": the reply finishes the check, one step
            hits[-1] = replace(with_due(hits[-1], due), action=f"{hits[-1].action}并{action}")
            continue
        if hits and found.needs_due and len(action) <= SHORT_ACTION_CHARS and hits[-1].due is None:
            hits[-1] = with_due(hits[-1], due)  # "我负责把方案改好，本周五前发出": one step
            continue
        if not hits and is_zh and OBJECTLESS.match(action) and (plain := _plain_self(text, start)):
            action = f"{plain}并{action}"  # "我根据团队规模做一个测算，下周五前发给您"
        owner = _own(role) if found.side == "self" else _other(role) if found.side == "other" \
            else "rep" if found.side == "rep" else "customer"
        if hits and found.continues and previous is not None and hits[-1].owner == owner \
                and (hits[-1].due is None or due is None) \
                and not (is_zh and (second := _SECOND_STEP.match(clause))
                         and (second.group("who") or len(hits[-1].action) >= MIN_OWN_STEP_CHARS)) \
                and (is_zh or " " not in hits[-1].action or not _is_second_job(action)):
            # "I'll prepare the export and share a link by the 18th", "我马上升级给研发，明天给您
            # 一个明确的时间": one step under the one date; two dates make two steps
            hits[-1] = replace(with_due(hits[-1], due),
                               action=f"{hits[-1].action}{'并' if is_zh else ' and '}{action}")
            previous = found
            continue
        if due is None and found.topic and hits and hits[-1].due is not None:
            # "我今天下班前把发票寄出，快递单号发您微信": the number goes out with the parcel
            due = DuePhrase(hits[-1].due_phrase or "", hits[-1].start, hits[-1].end, hits[-1].due)
        if is_zh and found.continues and (parallel := _PARALLEL.match(action)):
            action = action[parallel.end():]  # "同时把PDF版出一份": the step, not how it is timed
        for part in _two_jobs(action) if " and " in action and not is_zh else (action,):
            hits.append(NextStepHit(part, owner, due.due if due else None,
                                    due.phrase if due else None, sentence.start, sentence.end,
                                    sentence, is_request=found.side == "other"))
        previous = found
    return hits


# the day of a meeting an invitation is for ("send an invite for Monday 2pm", "send a couple of times
# for next week"), or of what a purpose clause says will happen ("I'll send an invite so we can
# regroup next Wednesday"): the event's time, not the step's (GUIDE). ("I'll book the review for
# next Thursday" stays dated: the labels date a booking by its day.)
_FOR_BEFORE = re.compile(r"\bfor (?:the )?$", re.I)
_ARRANGED = re.compile(r"\b(?:invite|invitation|times|slots?|availability|calendar hold)\b", re.I)
_PURPOSE_BEFORE = re.compile(r"\bso (?:that )?(?:we|you|I|they|everyone) (?:can|could)\b[^.;]*$", re.I)


def is_event_time(hit: NextStepHit) -> bool:
    """Whether the step's date times an event it arranges, not the step itself (an invite that
    answers a request for the meeting dates the meeting: the caller asks only of a step of its own)."""
    if hit.due_phrase is None or not hit.action.isascii():
        return False
    text = hit.sentence.text
    at = text.find(hit.due_phrase)
    if at < 0:
        return False
    if _FOR_BEFORE.search(text, max(0, at - 8), at) and _ARRANGED.search(hit.action):
        return True
    return "so " in text[:at] and _PURPOSE_BEFORE.search(text, 0, at) is not None


def _dated_plan_then_question(text: str, cues: int) -> bool:
    """Whether a question opens with a dated plan of its own ("下周二上午我给您打个电话，占用您十分钟
    简单聊聊？"): the plan is a step, the question only asks for the time."""
    clauses = _clauses(text, cues)
    return len(clauses) > 1 and any(_TIMED_ANYWHERE.search(text, start, end) for start, end in clauses[:-1])


def _plain_self(text: str, before: int) -> str:
    """The verb phrase of a clause before `before` where the speaker says what they will do
    without a time or modal ("我根据你们的团队规模做一个测算"), or ""."""
    for start, end in reversed(_clauses(text[:before])):
        if m := ZH_SELF.search(text, start, end):
            verb = ZH_VERB.search(text, m.end(), end)
            return text[verb.start():end] if verb else ""
    return ""


MAX_ANAPHOR_LOOKBACK = 600  # "before then": the date it means was said a few sentences ago


def _pointed_back(due: DuePhrase, touchpoint: Touchpoint, before: int) -> DuePhrase:
    """A phrase that points back ("before then", "the day after", "第二天") dated from the last
    date said before it: "can we grab 30 min Monday?" … "I'll send the cheat sheet before then"."""
    if due.anaphor is None:
        return due
    earlier = [day for d in find_due_phrases(touchpoint.text, touchpoint.occurred_at,
                                             max(0, before - MAX_ANAPHOR_LOOKBACK), before)
               if (day := d.due or d.starts) is not None]
    return replace(due, due=earlier[-1] + timedelta(days=due.anaphor)) if earlier else due


def _due_of(hit: NextStepHit) -> DuePhrase:
    return DuePhrase(hit.due_phrase or "", hit.start, hit.end, hit.due)


def with_due(hit: NextStepHit, due: DuePhrase | None) -> NextStepHit:
    if due is None or hit.due == due.due and hit.due_phrase == due.phrase:
        return hit  # a step restated with its date: nothing to copy (`replace` costs microseconds)
    return replace(hit, due=due.due, due_phrase=due.phrase)


_HAN = gated(re.compile(r"[\u4e00-\u9fff]"))
# a thread entry's bracketed head, its writer and time: "[Apr 17, agent Mika]", "【客服-小林 10:02】"
_ENTRY_HEAD = re.compile(r"[\[【][^\]】\n]{2,40}[\]】]")
# the delivery of the step just before, by a pronoun: "…, and get it to you by Thursday"
_HANDED_ON = re.compile(r"\s*(?:and |then |so )*(?:(?:I|we)(?:'ll| will) )?(?:get|send|have|email|forward|pass|"
                        r"share|ship) (?:it|them|that|this|those|these)\b", re.I)
# a name and what it does, set off by commas before its verb: "Dana Whitfield, who runs onboarding,"
_APPOSITIVE = re.compile(r"\b(?P<name>[A-Z][a-z]+)(?: [A-Z][a-z]+)?(?P<where>, (?:who|our|my|your|the) "
                         r"[^,]{3,40}),\s*$")
_RECEIVING = {"get", "have", "see", "receive"}
_OUTCOME_VERBS = {"see"}
_YOU_WILL = re.compile(r"you(?:'ll| will)\b", re.I)
_ONCE_DONE = re.compile(r"\W*(?:once|as soon as|after) \w", re.I)
_SUGGESTED = re.compile(r"\b(?:what (?:I|we)(?:'d| would)? (?:suggest|propose|recommend)|my (?:suggestion|proposal|"
                        r"recommendation)|what (?:I|we) (?:can|could) do) is(?: that)?\s+$", re.I)
_SO_BEFORE = re.compile(r"\bso(?: that)?\s+$", re.I)
# "something I can put in front of our CFO": a noun, then "I can", is a relative clause, no offer
_RELATIVE_EN = re.compile(r"\b(?!(?:and|but|so|then|because|if|when|yes|yeah|sure|ok|okay|now|also|maybe|"
                          r"think|guess|hope|know|course|absolutely|definitely|great|fine|today|tomorrow|"
                          r"tonight|week|morning|afternoon|later|soon|first|probably|easily|still)\b)[a-z]{3,}\s+$",
                          re.I)
_RELATIVE_TAIL = re.compile(r"\s+(?:that |which )?(?:I|we) (?:can|could)\b", re.I)
_OURS = re.compile(r"\b(?:our|my|us)\b", re.I)
_YOURS = re.compile(r"\byour\b", re.I)
# a part of the day with no day of its own: it belongs to the day named before it in the sentence
_DAY_PART = re.compile(r"(?:上午|中午|下午|傍晚|晚上|晚点|(?:in the )?(?:morning|afternoon|evening)|"
                       r"later|by noon)(?:之前|前|以前)?", re.I)
_EN_CONTINUE = re.compile(rf"\s*(?:and |then |also |and then )*(?P<verb>{_VERB_ALT})\b", re.I)


# "he'll call you within the hour", "and she will send the file": a promise made for someone named
# before it in the sentence, a colleague ("I'm getting our payroll engineer on this, and he'll call
# you") or the person the notes report ("Ivan said the fix is coming and he will send the beta build")
_HE_WILL = re.compile(rf"\W*(?:(?:and|then|so|but)\W+)*(?:he|she)(?:'ll| will|'s going to| is going to)"
                      rf"(?: (?:also|then|just|personally|definitely))* (?P<verb>{_VERB_ALT})\b", re.I)
_HE_WILL_ANYWHERE = re.compile(rf"\b(?:he|she)(?:'ll| will|'s going to| is going to) (?:{_VERB_ALT})\b", re.I)
_COLLEAGUE = re.compile(r"\b(?P<whose>our|my|your) (?:[\w-]+ ){0,3}?(?:colleague|engineer|developer|architect|manager|"
                        r"lead|specialist|consultant|expert|rep|csm|director|admin|accountant|analyst|technician|"
                        r"head of [a-z]+|cto|cfo|ceo|coo|boss|partner)s?\b", re.I)
_REPORTED = re.compile(r"^\W*(?P<name>[A-Z][a-z]+)(?: [A-Z][a-z]+)?(?: \([^)]{1,40}\))? (?:said|mentioned|explained|"
                       r"confirmed|noted|agreed|added|replied|promised|told [A-Z][a-z]+)\b")


def _third_person(text: str, start: int, verb: int, touchpoint: Touchpoint) -> _Found | None:
    """Whose promise "he'll…" / "she will…" is: the nearest colleague named before it in the
    sentence ("our engineer" is the speaker's side, "your admin" the other's), else the person the
    notes report, when the text ties them to a side; None when nothing before says who."""
    colleague = next(reversed(list(_COLLEAGUE.finditer(text, 0, start))), None)  # the nearest
    if colleague is not None:
        whose = colleague.group("whose").lower()
        side = "self" if whose != "your" else "rep" if VENDOR_ROLES.search(colleague.group(0)) else "other"
        return _Found(side, start + verb)
    if (reported := _REPORTED.match(text)) is not None and reported.group("name").lower() not in NOT_A_NAME \
            and (party := party_side(reported.group("name"), touchpoint.text, touchpoint.direction,
                                     touchpoint.channel)) is not None:
        return _Found(party, start + verb)
    return None


# "reissue the March invoice and correct the billing profile": a second job with its own verb and
# object; reporting back on the first ("…and send the link", "…and get back to you") is no second job
_SECOND_JOB = re.compile(rf"(?<=\w) and (?P<verb>{_VERB_ALT}) (?=(?:the|a|an|our|your|my|their|its|this|that|"
                         r"these|those|all|any|each|every)\b)", re.I)
_REPORTING_BACK = {"send", "resend", "share", "email", "forward", "get back", "come back", "circle back", "confirm",
                   "update", "let you know", "let them know", "let the", "keep you posted", "reply", "respond",
                   "revert", "notify", "ping", "post", "follow up", "follow-up", "get", "have", "pass", "give",
                   "provide", "deliver", "return", "report", "inform", "attach", "include", "do", "put"}


_JOB = re.compile(rf"(?P<verb>{_VERB_ALT}) (?=(?:the|a|an|our|your|my|their|its|this|that|these|those|all|any|each|"
                  r"every)\b)", re.I)


def _is_second_job(action: str) -> bool:
    """Whether a continuing action is a job of its own ("…, and correct the billing profile"), not
    the report back on the one before ("…and share a link")."""
    return (m := _JOB.match(action)) is not None and m.group("verb").lower() not in _REPORTING_BACK


def _two_jobs(action: str) -> tuple[str, ...]:
    """An English action of two jobs joined by "and", each with its verb and object, as two."""
    m = _SECOND_JOB.search(action)
    if m is None or m.group("verb").lower() in _REPORTING_BACK or " " not in action[: m.start()].strip():
        return (action,)
    return action[: m.start()], action[m.start() + len(" and "):]


def _has_han(text: str) -> bool:
    return not text.isascii() and _HAN.search(text) is not None


