"""Pain points: the cue words of a problem, and the phrase of a sentence that states it.

A pain point is labelled the way a person would list it — a short phrase close to the text
("登录不了系统", "scheduled reports stopped sending"), one per problem — so a sentence is cut into
its clauses (at commas, "but", "因为", …) and only the clauses that state a problem are kept:
"嗯，我们现在用的是纷享销客，用了三年了，但是那个报表真的很难用，每次月底对数都要加班" gives "报表真的很难用" and
"每次月底对数都要加班". An English sentence is cut only where two or more clauses of four words or
more each state a problem; one problem keeps its sentence ("our reps found the Gmail add-on slow
to load"), since short English clauses ("its a mess") lose their subject, unless a statement
chained after it by "and" or "so" tells a second problem (`pain_chains.py`). Not pains: a threat
clause ("否则我们会很麻烦", "if this isn't fixed by Friday we'll cancel") and the asking clause of a
question ("专业版的限额是多少？"); a problem told before the question still is one
("导出报表的时候中文文件名是乱码，怎么解决？"). The complaint words are `pain_cues.py`'s cues,
problems told as plain facts `pain_facts.py`'s and `pain_ops.py`'s; clauses with a cue that are still no pain (praise,
an elaboration, a bare recurrence count, the vendor's diagnosis, one's own next step) are
`pain_clauses.py`'s, and sentences and clauses that are other speech acts (praise, a task with its
deadline, a condition, the vendor's account of a cause) `pain_vetoes.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.rules.branches import Branches, _alternatives
from extractors.rules.folding import fold, gated
from extractors.rules.pain_chains import chained_clauses
from extractors.rules.pain_chains_zh import HARM, IMPACT, harm_clauses
from extractors.rules.pain_clauses import (
    ADMISSION,
    BARE_RECURRENCE,
    CONSEQUENCE,
    DECLINED,
    DEMAND_ABOUT,
    DIAGNOSIS,
    ELABORATION,
    FOLLOW_ON,
    FRAGMENT,
    HOW_OFTEN,
    IMPROVED,
    LABEL,
    MAX_FRAGMENT_CHARS,
    MAX_FRAGMENT_TOPIC_CHARS,
    MAX_LABEL_CHARS,
    METADATA,
    NOTICE,
    OWN_ACTION,
    POLICY,
    POLICY_BOUND,
    RESOLVED_PAST,
    UNACCEPTABLE,
)
from extractors.rules.pain_cues import COMPLAINTS
from extractors.rules.pain_facts import FACT_EN, FACT_ZH
from extractors.rules.pain_measures_zh import with_measures
from extractors.rules.pain_ops import OPS_BRANCHES as _OPS_BRANCHES
from extractors.rules.pain_ops import OPS_EN, OPS_ZH
from extractors.rules.pain_vetoes import is_praise, is_vetoed_clause
from extractors.rules.sentences import Sentence
from extractors.rules.sentiment import ALL_CUES

# problems told as plain facts (`pain_facts.py`); most characters begin none of the Chinese ones
_FACTS = r"\b(?:" + FACT_EN + r")\b|" + gated(re.compile(FACT_ZH)).pattern + \
    r"|\b(?:" + OPS_EN + r")\b|" + gated(re.compile(OPS_ZH)).pattern
PAIN = fold(re.compile(COMPLAINTS + "|" + _FACTS, re.I))  # every cue, for a piece of text
# each half has a cue bit per run of its branches, so a sentence runs only the runs its words
# could match: the complaints are some four hundred phrases, and common words ("for a", "nobody")
# open some runs of the facts
_COMPLAINTS = Branches("pain", fold(re.compile(COMPLAINTS, re.I)))
_FACT_BRANCHES = Branches("pain_fact", fold(re.compile(
    "|".join(rf"\b(?:{branch})\b" for branch in _alternatives(FACT_EN))
    + "|" + gated(re.compile(FACT_ZH)).pattern, re.I)))
PAIN_CUE = _COMPLAINTS.bits | _FACT_BRANCHES.bits | _OPS_BRANCHES.bits

MAX_PAINS_PER_SENTENCE = 3
MIN_CLAUSE_WORDS = 2  # a clause this short ("lol", "真的") is not a pain on its own
MIN_EN_CLAUSE_WORDS = 4  # "its a mess", "they're slow" lean on the rest of their sentence
# an English "because" clause stays with the problem it explains: "we lost two accounts because
# nobody called them before the policy lapsed" is one pain, not two
# a comma or colon between digits ("1,400 duplicates", "19:02") cuts nothing
_CLAUSES = re.compile(r"(?:[，；;：!！？?。]|(?<!\d)[,:]|[,:](?!\d))+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|\s[-–—]+\s|\s(?:but|and|so|which)\s|"
                      r"(?:但是|不过|可是|而且|所以|因为)")
# English fillers end at a word boundary: "so" must not eat the start of "sorry", "ok" of "Okta"
_LEAD_IN = re.compile(r"^\s*(?:(?:(?:honestly|frankly|so|and|but|um+|uh+|well|yeah|also|plus|tbh|hey|hi)\b|"
                      r"说实话|老实说|(?:最大的|主要的?)?问题(?:就|在于)?是|(?:麻烦|头疼|头痛|要命)的是|就是|(?:那个|这个)(?![月周季年星礼])|嗯+|呃+|主要问题是|问题是|另外|而且|还有|然后|但是|但|不过|可是|"
                      # an item of a list: "一是方言识别不行", "第二，导出经常超时"
                      r"[一二三四五]是|第[一二三四五](?=[，,、是])|首先|其次|"
                      r"[-•*·](?=\s))"  # a note's bullet: "- Residents have no way to…"
                      r"[\s,，、…]*)+", re.I)
_FILLER = re.compile(r"^(?:(?:(?:um+|uh+|er+|so|well|like|honestly|basically|actually|look|yeah|"
                     r"yes|ok(?:ay)?|right|and|but)\b|嗯+|啊+|那个(?![月周季年星礼])|就是|其实|然后|所以|对|哦|呃|额)"
                     r"[\s,，、.。…]*)+", re.I)
# a threat or condition: "otherwise we'll cancel", "if this isn't fixed by Friday we'll…",
# "再不解决我们就投诉", "否则我们会很麻烦"
# "别到时候数字又对不上" warns of a problem that has not happened
_THREAT = re.compile(r"^\s*(?:if|unless|otherwise|or else)\b|\b(?:otherwise|or else|or we'?ll)\b|"
                     r"\b(?:i|we)'?d rather\b|(?:这个|再|还)?不(?:解决|修好|处理)(?:的话)?(?=[\u4e00-\u9fff])|"
                     r"要被[\u4e00-\u9fff]{0,8}罚|"
                     r"\bif (?:you|we|they) (?:could|can|would)\b|"
                     r"否则|不然|要不然|再这样|再不|如果|如(?=[本下这\d])|要是|^别(?:到时候|回头|又|再)", re.I)
# a request is no pain: "麻烦三个工作日内处理", "please fix it today" ("no field for VAT" is one);
# nor is a demand with a deadline ("本周五前提供书面故障报告"), an apology for one's own slowness
# ("sorry for the slow reply") or an offer ("I can send you a recording of it crashing",
# "我挂了电话马上发")
_REQUEST = re.compile(r"^(?:麻烦|请|烦请|帮忙|please|pls|could you|can you|would you|sorry|"
                      r"(?:i|we) (?:want|expect|would like|'d like)\b|"
                      r"apologies|抱歉|不好意思|对不起|(?:i|we)(?:'ll| will| can| could|'m going to"
                      r"| am going to) (?:send|share|get you|forward|record|grab|pull|loop|email|"
                      r"show)\b|我(?:们)?(?:挂了电话|回头|等下|一会儿?|马上|稍后|现在就|这就|待会))|"
                      r"(?:周[一二三四五六日天末]|本周|这周|下周|今天|明天|月底|[日号天]|小时)(?:之?前|以?内)"
                      r"(?:提供|给出?|发|完成|修复|解决|回复|处理|答复)", re.I)
# a request made so that a problem stops is no pain: "please close our trial account so nobody keeps
# getting the onboarding emails"
_PURPOSE = re.compile(r"^\W*(?:please|pls|kindly|could you|can you|would you)\b[^.;]*?\bso (?:that )?\w",
                      re.I)
# a commitment that names a problem is no pain: "I'll send you the crash logs", "our legal team
# will look into the duplicate records", "let me open a ticket for the export bug"
_COMMITMENT = re.compile(
    r"\b(?!nobody|none|nothing)\w+(?:'ll| will| can| could| am going to|'m going to| are going to)"
    r"(?: also)? (?:look into|open|send|email|get|refund|fix|check|share|forward|circle back|"
    r"follow up|file|raise|escalate|investigate|review|reset|pull|grab|record|dig into|ask)\b|"
    r"\b(?:let me|happy to|like us to) (?:look|check|dig|send|get|pull|grab|open|file|refund)\b|"
    r"\baction item\b|"
    r"(?:\b\w+|\)) to (?:look into|open a ticket|send|refund|file|escalate|investigate|export|share|"
    r"provide|compile|pull)\b(?=.*\b(?:by|before|"
    r"tomorrow|today|tonight|next|this (?:week|afternoon)|end of)\b)", re.I)
# how people take a problem told in the clause before it: "手机号字段现在是明文显示的，我们合规那边有意见"
# is one pain, the fact with its reaction; a reaction alone, after a pain already kept or after a
# wish ("希望快点，门店同事意见很大") is none
_REACTION = re.compile(r"有意见|意见(?:很|挺|特别|非常)?大|(?:都|也|一直)?在抱怨|很着急|很尴尬|不满|"
                       r"^(?:老板|领导|大家|我们|同事们?|客户|他们|财务|销售)?(?:都|也)?(?:很|挺|太|特别|非常|真)"
                       r"(?:头疼|麻烦)(?:的|了|死了)?$|不想[\u4e00-\u9fff]{0,6}浪费时间")
_WISH = re.compile(r"^(?:希望|想要|要是|如果|能不能|hope|wish|would love)", re.I)
# a Chinese problem clause that opens on an adverb or a negation has its subject in the clause
# before it: "我们的报表导出，最近一直报错" is one pain, not "最近一直报错"
_SUBJECTLESS = re.compile(r"^(?:有时(?:候)?(?:还|会)?(?:直接)?|后面(?:全|都)|晚上|半夜|每到|一到|被(?=[扣罚停拆锁])|每个都|到现在|到今天|至今|现在(?:都|还)|得|还得|一直|经常|总是|老是|又|还是|也|都|最近|每次|根本|完全|基本|无法|不能|没法|常常|平均|至少|起码|"
                          r"时不时|动不动)")
# "问题就是导购一走": a clause that only names what the problem is about
_SHORT_PROBLEM = re.compile(r"问题(?:就|在于)?是[\u4e00-\u9fff]{1,4}$")
# an English clause cut at "which" tells what the problem before it costs: one pain with it
_WHICH = re.compile(r"\swhich\s$", re.I)
MAX_TOPIC_CHARS = 18  # a longer clause before is a statement of its own, not the subject
# ("升级以后所有收银台的打印机只打出抬头，后面全是空白" still tells one failure with its subject)
_ACK = re.compile(r"(?:好的?|对的?|是的?|嗯+|呵呵|哈哈|唉|哎|啊|哦|行|可以|没错|确实|说实话|老实说|"
                  r"怎么说呢|不瞒你说)[!！~～…。.]*")
# the error a failure shows, right after it: "审批单无法同步到钉钉，报错“token无效”", "登不上系统，
# 提示SSO错误" is one pain with its message
_DETAIL = re.compile(r"(?:报错|提示|显示|弹出|弹窗|error|with the error|saying)", re.I)
# how often the failure just told happened: "tablets froze again, 3rd time this week"
_RECURS = re.compile(r"(?:(?:that'?s|this is|it'?s) )?(?:the )?(?:second|third|fourth|fifth|"
                     r"\d+(?:st|nd|rd|th)) time\b", re.I)
# what the failure just told costs, without a subject of its own: "报价审批走纸质单，平均要三天"
_COST = re.compile(r"^(?:平均|每次|一次|至少|起码)(?:都)?(?:要|得)(?:花|等)?[\d一二两三四五六七八九十几好半]")
# not a good time is no pain: "现在不方便，我在开车", "周三下午不太方便"
_BUSY = re.compile(r"^(?:现在|今天|明天|后天|这会儿?|上午|下午|晚上|这周|下周|周[一二三四五六日天末])"
                   r"[\u4e00-\u9fff]{0,4}?(?:有点|不太|都)?不(?:方便|行)")
# a line that announces the problems listed after it: "但是有两个问题比较头疼：", "Two issues:"
_ANNOUNCER = re.compile(r"(?:问题|毛病|issues?|problems?|things?|concerns?)[^:：]{0,12}[:：]\s*$|"
                        r"^我?(?:先|再|来)?(?:说|讲|介绍|汇报|同步)一下[\u4e00-\u9fff]{0,4}[。.]?$", re.I)
# our price, a quote or an increase is an objection to buying, not a pain ("涨幅20%，这个我们没法
#接受", "it's a 30% increase and nobody told us"); a billing error still is one
# (a sales quote as a document is none: "no visibility into quote status", "报价审批走纸质单"); a
# billing error and a defect in how prices are applied ("reps override prices manually",
# "contract tiers don't apply to app orders") still are
_PRICE = re.compile(r"\b(?:price|pricing|prices|increase|quoted|discount)\b|涨价|涨幅|"
                    r"报价(?!单|审批|流程|模板|系统|功能)|价格|价钱|折扣", re.I)
# a Chinese sentence goes on from the price to another matter: "今年续费涨了不少，而且机器人答非所问的情况挺多",
# "价格方面没问题，但是导出老是报错"
_ADDITIVE = re.compile(r"而且|另外|还有|此外|再就是|除此之外|其次|[二三四]是|第[二三四]|但是|不过|可是")
_BILLING_ERROR = re.compile(r"\b(?:charged|billed|invoiced|refund)|扣|多收|退款|发票|账单|帳單|超(?:出|过|了|咗)[\u4e00-\u9fff]{0,4}?[报報]价|manual|by hand|"
                            r"overrid|n't apply|not appl|wrong|incorrect|手工|手动|算错|不对", re.I)
# a question word inside a statement: "总部根本看不到每个店到底有多少活跃会员"
_EMBEDDED_QUESTION = re.compile(r"看不到|不知道|不清楚|搞不清|说不清|看不出|查不到|统计不了|没法知道")
_ASKING = re.compile(r"[?？]|[吗呢]\s*$|^(?:how|what|why|when|where|is|are|can|could|do|does)\b|"
                     r"怎么|如何|多少|什么时候|能不能|可不可以|是不是|有没有", re.I)
# a question asked about a problem, not for an answer: "why is nobody answering our tickets?",
# "how come we were charged twice?", "为什么又扣了两次费？", "怎么又登不上了"
_RHETORICAL = re.compile(r"^(?:why|how come)\b|^how is it (?:possible )?that\b|为什么|为啥|凭什么|"
                         r"^(?:and |but |so )?(?:nobody|no one|no-one)\b|(?:你|您)?知道吗[？?！!]*$|"
                         r"怎么(?:又|还|老是|总是|一直|天天)", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def _words(text: str, english: bool) -> float:
    latin = len(_LATIN_WORD.findall(text))
    return latin if english else len(_HAN.findall(text)) / 2 + latin


# a verdict that only heads the problems told next: "Honestly it's a mess. Leads sit there for
# days…", "The onboarding has been a disaster. Three weeks in and our data still isn't migrated"
_VERDICT = re.compile(r"\b(?:(?:a |such a )?mess|messy|(?:a )?disaster|(?:a )?nightmare|terrible|awful|"
                      r"horrible|ridiculous|unacceptable|frustrat\w*|painful|(?:a )?headache|"
                      r"disappoint\w*)\b|一塌糊涂|(?:很|太|有点|非常)?失望|头疼|糟糕|太差|很差", re.I)


def is_verdict_only(text: str) -> bool:
    """Whether every problem cue of `text` is a bare verdict ("a mess", "一塌糊涂")."""
    return _VERDICT.search(text) is not None and \
        all(_VERDICT.search(m.group()) for m in PAIN.finditer(text))


def whole_clause(sentence: Sentence) -> str:
    """The sentence without leading filler and trailing punctuation."""
    return _FILLER.sub("", sentence.text).strip(" ,，。.!！;；…") or sentence.text


def _cuts(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, whether a question mark closes it) per clause of `text`."""
    found, at = [], 0
    for cut in _CLAUSES.finditer(text):
        found.append((at, cut.start(), "?" in cut.group() or "？" in cut.group()))
        at = cut.end()
    found.append((at, len(text), False))
    return found


def _clause(text: str, start: int, end: int) -> str:
    return _LEAD_IN.sub("", text[start:end].strip(" \t\"'“”‘’…~～.")).strip()


def _is_refused(part: str, asked: bool, english: bool) -> bool:
    """A question, a threat or a request: "专业版的限额是多少", "否则我们会很麻烦", "please fix it";
    a rhetorical question about a problem is a complaint ("why does the export keep failing?",
    "怎么又登不上了？")."""
    if _RHETORICAL.search(part):
        asked = False
    elif not english and _ASKING.search(part) and not _EMBEDDED_QUESTION.search(part):
        asked = True
    return bool(asked or _THREAT.search(part) or _REQUEST.search(part) or _COMMITMENT.search(part)
                or _BUSY.match(part) or OWN_ACTION.search(part) or UNACCEPTABLE.search(part)
                or DEMAND_ABOUT.search(part) or is_vetoed_clause(part))


def _is_plain_fact(part: str, asked: bool) -> bool:
    """Whether a clause without a cue can carry the problem a reaction after it is about."""
    return _words(part, False) >= MIN_CLAUSE_WORDS and not _WISH.match(part) and \
        not _is_refused(part, asked, False)


# a sentence none of whose clauses is a pain: a bracketed note, a problem of the past, the vendor's
# diagnosis or admission, a decision not to renew (one search for all of them)
_NO_PAIN_HERE = re.compile("|".join(f"(?:{p.pattern})" for p in (
    METADATA, RESOLVED_PAST, DIAGNOSIS, ADMISSION, DECLINED, NOTICE)), re.I)


def _cue_starts(sentence: Sentence) -> list[int]:
    """Where the problem cues of `sentence` begin, from the halves of PAIN its cue bits open."""
    if not sentence.cues & PAIN_CUE:  # a sentence made without cue bits
        return [m.start() for m in PAIN.finditer(sentence.text)]
    starts = [m.start() for m in _COMPLAINTS.pattern_for(sentence.cues).finditer(sentence.text)] \
        if sentence.cues & _COMPLAINTS.bits else []
    if sentence.cues & _FACT_BRANCHES.bits:
        starts += [m.start() for m in _FACT_BRANCHES.pattern_for(sentence.cues).finditer(sentence.text)]
    if sentence.cues & _OPS_BRANCHES.bits:
        starts += [m.start() for m in _OPS_BRANCHES.pattern_for(sentence.cues).finditer(sentence.text)]
    return starts


def _with_what_recurs(text: str, pains: list[str], recurrence: tuple[str, int, int],
                      others: list[tuple[int, int, bool]]) -> list[str]:
    """A bare count of recurrences goes when the sentence tells another problem, and takes the
    plain fact after it when that is what recurs ("这已经是第二次了，去年那批也有类似问题")."""
    part, start, end = recurrence
    if len(pains) > 1:
        return [p for p in pains if p != part]
    after = next(((s, e, a) for s, e, a in others if s >= end), None)
    if after and _CLAUSES.fullmatch(text, end, after[0]) and \
            _is_plain_fact(_clause(text, after[0], after[1]), after[2]):
        return [_clause(text, start, after[1])]
    return pains


def pain_phrases(sentence: Sentence, is_pain: Callable[[str], bool] | None = None, *,
                 whole_when_unsure: bool = False) -> list[str]:
    """The problem clauses of `sentence` (at most MAX_PAINS_PER_SENTENCE) — those `is_pain`
    accepts, by default those holding a PAIN cue — or its whole cleaned text when it states one
    problem in English or in one Chinese clause. When no clause states a problem: [] — or, with
    `whole_when_unsure` (a cue across two clauses, or a classifier that read the sentence as a
    complaint), the whole text unless a clause was a threat, a question or a request."""
    text = sentence.text
    cues = [] if is_pain is not None else _cue_starts(sentence)
    english = text.isascii() or not _HAN.search(text)
    if is_pain is None and not cues or _ANNOUNCER.search(text) or _NO_PAIN_HERE.search(text) or \
            english and (IMPROVED.search(text) or _PURPOSE.match(text)) or \
            is_praise(text, english=english, cues=sentence.cues or ALL_CUES):
        return []
    price = _PRICE.search(text) if not _BILLING_ERROR.search(text) else None
    if price and english:
        return []
    policy = not english and POLICY.search(text) is not None
    minimum = MIN_EN_CLAUSE_WORDS if english else MIN_CLAUSE_WORDS
    pains: list[str] = []
    others: list[tuple[int, int, bool]] = []
    refused = False
    announced = False  # a label before a colon ("主要痛点：") says the clauses after it are problems
    recurrence: tuple[str, int, int] | None = None  # a bare "这已经是第二次了" kept as a pain
    weighed = False  # an impact clause was left to the harm told before it
    last_start, last_index = 0, -2  # where the last pain clause starts, and its cut's index
    cuts = _cuts(text)
    for index, (start, end, asked) in enumerate(cuts):
        if is_pain is None and not announced and not any(start <= at < end for at in cues):
            others.append((start, end, asked))  # read only if no clause has a cue
            continue
        if price and end > price.start() and not _ADDITIVE.search(text, price.start(), start):
            refused = True  # "续费涨了不少，根本没法接受" objects to the price
            continue
        part = _clause(text, start, end)
        if text[end:end + 1] in ":：" and len(part) <= MAX_LABEL_CHARS and LABEL.search(part):
            announced = True  # "主要痛点：": the label is none, what follows is the problem
            continue
        if _words(part, english) < minimum:
            before = others[-1] if others and _CLAUSES.fullmatch(text, others[-1][1], start) else None
            if not english and is_pain is None and before and \
                    _is_plain_fact(fact := _clause(text, before[0], before[1]), before[2]) and \
                    not _ACK.fullmatch(fact):
                pains.append(_clause(text, before[0], end))  # "查一批要二十分钟，太慢"
                last_start, last_index = before[0], index
            continue
        if not english and _SHORT_PROBLEM.search(text, start, end) and index + 1 < len(cuts):
            continue  # "最大的问题是线索分配，…": a topic the clauses after it tell
        if _is_refused(part, asked, english) or IMPROVED.search(part) or \
                policy and POLICY_BOUND.search(part):
            refused = True
        elif not english and last_index >= 0 and (ELABORATION.match(part) or CONSEQUENCE.match(part)):
            continue  # "导不出报表了，一点导出就转圈": what the failure just told does
        elif is_pain is None or is_pain(part):
            before = others[-1] if others and _CLAUSES.fullmatch(text, others[-1][1], start) else None
            if english and last_index >= index - 2 and _WHICH.search(text, 0, start):
                pains[-1] = _clause(text, last_start, end)  # "by hand, which eats 2 hours a day"
            elif not english and BARE_RECURRENCE.match(part):
                recurrence = (part, start, end)
                pains.append(part)
                last_start = start
            elif last_index == index - 1 and (_DETAIL.match(part) or _COST.match(part)
                                               or english and _RECURS.match(part)
                                               or not english and FOLLOW_ON.match(part)):
                pains[-1] = _clause(text, last_start, end)  # the message belongs to its failure
            elif not english and IMPACT.match(part) and before and HARM.search(text, *before[:2]):
                weighed = True  # "说公司克扣返利，积极性受到了影响": the harm before stands on its own
                continue
            elif not english and (_REACTION.search(part) or IMPACT.match(part)):
                if before is None or last_index in (index - 1, index - 2) or \
                        not _is_plain_fact(_clause(text, before[0], before[1]), before[2]):
                    refused = True  # a reaction alone ("大家意见挺大的") or to a pain already kept
                    # (its fact may be what that pain does: "定位老是不准，经常偏几百米，大家意见很大")
                    continue
                pains.append(_clause(text, before[0], end))
                last_start = before[0]
            elif (fragment := not english and len(_HAN.findall(part)) <= MAX_FRAGMENT_CHARS
                  and FRAGMENT.match(part) is not None) and last_index == index - 1 \
                    and not HOW_OFTEN.match(part):
                pains[-1] = _clause(text, last_start, end)  # "…字段错位，至今未修复"
            elif not english and before and last_index != index - 1 and \
                    (_SUBJECTLESS.match(part) or fragment) and 2 <= len(topic := _clause(
                        text, before[0], before[1])) <= (MAX_FRAGMENT_TOPIC_CHARS if fragment else MAX_TOPIC_CHARS) \
                    and not _WISH.match(topic) and not _ACK.fullmatch(topic) \
                    and not _is_refused(topic, before[2], False):
                pains.append(_clause(text, before[0], end))  # "那个导出功能，一直报错"
                last_start = before[0]
            else:
                pains.append(part)
                last_start = start
            last_index = index
    if recurrence is not None:
        pains = _with_what_recurs(text, pains, recurrence, others)
    if not english and is_pain is None and (pains or weighed):
        pains = with_measures(text, pains, others, _clause, _is_plain_fact)
        kept = [(at, at + len(p)) for p in pains if (at := text.find(p)) >= 0]
        harms = harm_clauses(text, others, kept, _clause,
                             lambda part, asked: _is_plain_fact(part, asked) and not _ACK.fullmatch(part))
        if harms:  # "导出来的记录没有批号，质检部不签字，验收报告过不了"
            placed = sorted([*((text.find(p), p) for p in pains), *harms])
            return [part for _, part in placed][:MAX_PAINS_PER_SENTENCE]
    whole = whole_clause(sentence)
    if not pains:
        if not whole_when_unsure or refused or policy or _words(whole, english) < minimum or \
                whole.endswith(("?", "？")) and not _RHETORICAL.search(whole):
            return []  # "is that a setting we changed, or a bug?" asks
        for start, end, asked in others:
            part = _clause(text, start, end)
            if _words(part, english) >= minimum and _is_refused(part, asked, english):
                return []
        return [whole]
    if english and is_pain is None and len(pains) == 1 and \
            pains[0] == _clause(text, *cuts[last_index][:2]):
        chained = chained_clauses(text, cuts, last_index, _clause,
                                  lambda part, asked: _is_refused(part, asked, True))
        if chained:  # "the PM splits every set into pieces, and the crews end up with half a set"
            return [part for _, part in sorted([*chained, (last_index, pains[0])])][:MAX_PAINS_PER_SENTENCE]
    if len(pains) == 1 and (english or len(pains[0]) >= len(whole) - 2):
        # a Chinese sentence kept whole loses its lead-in too: "但是权限那块还是乱", "三是新店账号还没开通"
        return [whole if english else _LEAD_IN.sub("", whole) or whole]
    return pains[:MAX_PAINS_PER_SENTENCE]
