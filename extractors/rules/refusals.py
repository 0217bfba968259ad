"""Refusals and complaints said without a feeling word, in both languages.

A customer turns an offer down ("We are not able to approve that increase", "Not interested.",
"We'll pass for now", "不需要。", "我们先不推进了"), or complains in plain words: counts and waits
("logged me out 4 times today", "I've asked three times", "two hours on the phone and nothing"),
broken promises ("Not what we were promised", "说好2月20号到货，现在都26号了"), a rival's lower
price ("Zoho came back at forty percent less than you"), a threat
("this goes to our CFO", "我们就退单了"). None of these holds a word a lexicon scores, yet each is
the customer's negative stance (evals/GUIDE.md "Sentiment"). `sentiment.score_sentence` weighs
each like a flat negative. Each pattern is cut into gated runs (`branches.py`), so a sentence
pays only for the runs its cue words open.
"""

from __future__ import annotations

import re

from extractors.rules.branches import Branches
from extractors.rules.folding import fold
from extractors.rules.reproach import CUES as REPROACH_CUES
from extractors.rules.reproach import reproaches, without_reproaches

_REFUSED = (r"(?:accept|sign|approve|justify|absorb|afford|get (?:this|it|that) (?:approved|signed|through)|"
            r"renew|extend|continue|proceed|move forward|go ahead|agree to)")
_UNCONDITIONAL = r"(?![^.,;!?]{0,30}\b(?:until|before|unless|till|without)\b)"  # "can't sign until legal…"
_PERCENT = r"(?:\d+|ten|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)? percent"

# an offer or a deal turned down, a cold contact sent away, a threat: decisions against us
REFUSAL = fold(re.compile(
    # "we are not able to approve that increase": opened by "able to", the one word it must hold
    rf"\b(?:(?:\w+n't|not|never)(?: be)? able to {_REFUSED}{_UNCONDITIONAL}|"
    r"(?:can't|cannot|can not|couldn't|unable to) (?:renew|extend|continue|proceed|move forward|go ahead|"
    rf"agree to){_UNCONDITIONAL}|"
    r"(?:not|\w+n't) (?:be )?(?:going|moving) (?:ahead|forward)|"
    r"(?:not|n't|no longer) (?:really |at all )?interested\b(?! in (?:hearing|learning|seeing) more)|"
    r"(?:take|remove) (?:me|us) (?:off|from) (?:your|the|this) (?:\w+ )?list|unsubscribe|stop (?:calling|"
    r"emailing|messaging|contacting) (?:me|us)|"
    r"(?:we'll|we will|we're going to|going to|have to|'ll have to) pass(?= for now| this time|\W*$)|pass on (?:this|it|the (?:offer|"
    r"proposal|renewal))|(?:have|need) to decline|decline (?:the|your) (?:offer|proposal|quote|renewal)|"
    r"(?:that's|it's) a (?:hard |firm )?no\b(?!-)|the answer is no\b|put (?:this|it|the \w+|everything|things) on "
    r"hold|hold off on (?:the )?(?:purchase|renewal|rollout|contract|signing|deal|upgrade|expansion)|"
    # a threat, not the usual route of a contract ("then it goes to our CFO for signature")
    r"this (?:goes|will go|is going|gets escalated) (?:straight |up )?to (?:our|my) (?:cfo|ceo|lawyers?|board|"
    r"management)(?! for (?:approval|sign-?off|signature|review))|involve (?:our )?lawyers|"
    r"we(?:'ve| have)? (?:just |already )?signed with (?!you\b|your\b|us\b))\b"
    r"|^\W*不需要[。！!]*$|(?<![还也])不需要了|真(?:的)?不(?:用|需要)(?:了)?(?=[，,。！!\s]|$)|不感兴趣|没(?:有|什么)?兴趣|(?:别|不要)再(?:打|发|联系)|先放一放|先不(?:推进|采购|买|签|续)了|"
    r"暂缓(?:采购|合作|签约|续约|推进)|(?:(?<=领导|老板|预算|财务)|(?<=领导那边|老板那边|预算那边|财务那边))(?:没批|没有批)|(?:考虑|要求|只能)?终止(?:合同|合作)|"
    r"(?:只能|我们就|那就只能)(?:退单|退货|走法律)|就退单|只能换(?:供应商|厂商|一家|别家)|得换(?:供应商|厂商|一家|别家)",
    re.I))

# what went wrong, how often, how long, how much cheaper elsewhere
COMPLAINT = fold(re.compile(
    r"\b(?:(?:crashed|failed|broke|went down|logged (?:me|us) out|kicked (?:me|us) out|disconnected|timed out|"
    r"froze|happened)(?: \w+){0,2} (?:\d+|two|three|four|five|six|several|multiple|many) times|(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:month|week|day|invoice|"
    r"quarter|time) in a row|"
    r"(?:asked|told|called|emailed|written|reported|explained|raised|chased)(?: \w+){0,3} (?:twice|(?:three|"
    r"four|five|\d+|several|multiple|many) times|repeatedly|again and again|over and over)|"
    r"why (?:do|does|did|is|are|must|should|can't|won't) (?:I|we|it|this|they|you)(?: \w+){0,4} (?:again|"
    r"still|keep|always|every time)|(?:explain|repeat|describe) (?:this|it|myself|the (?:issue|problem)) "
    r"(?:all over )?again|(?:get|got|getting) (?:a )?different answers?|"
    r"heard nothing (?:back|from)|(?:got|received|had) no (?:reply|response|answer|update)s?\b|"
    r"never (?:replied|responded|answered|called (?:me |us )?back)|"
    r"(?:'ve|have|has) been waiting (?:for|on|since) (?!(?:my|our)\b)|on hold for (?:\d+|an?|over an?|almost "
    r"an?) (?:minutes?|hours?|hrs?)|(?:it's|it has) been (?:a|an|over a|two|three|four|five|six|\d+) "
    r"(?:days?|weeks?|months?)(?: now)?(?: and (?:still|no|nothing|nobody|no one)| without (?:a |any )?(?:fix|"
    r"answer|reply|response|update|word))|(?:and|got|for|still) nothing(?=\W*$)|"
    r"zero (?:answers?|replies|response|responses|help|updates?|follow-?up)|"
    r"(?:nobody|no one) (?:told|warned|informed|asked) (?:us|me)|(?:didn't|did not|never) ask(?:ed)? for|"
    r"(?:nobody|no one)(?: \w+){0,4} (?:seems? to )?cares?\b|(?:doesn't|don't) seem to care\b|"
    r"(?:want|need|demand) (?:my|our) money back|(?:we've|I've|we have|I have) been (?:very |more than |"
    r"extremely |really )?patient|patience is (?:wearing|running) (?:thin|out)|"
    r"not what we were (?:promised|told|sold)|not what we (?:signed up for|expected)|expected (?:more|"
    r"better)(?=\W*$| from| of)|promised[^.!?]{0,40}(?:not there|isn't there|never (?:came|arrived|shipped)|"
    r"still (?:not|missing))|stopped (?:trusting|believing)|lost (?:all )?(?:trust|faith|confidence) in|"
    r"(?:learn(?:ed|ing|t)?|found out) (?:this |that |it )?the hard way|"
    r"keeps? (?:freezing|dropping|disconnecting|breaking|resetting|logging (?:us|me|people) out|kicking "
    r"(?:us|me) out|happening)|(?:issue|bug|problem|error|outage|glitch|crash) (?:is|'s) back|every (?:week|day|time|month) "
    r"something (?:breaks|goes wrong)|(?:issue|ticket|case|bug|problem) (?:is )?still (?:open|unresolved)|still "
    r"(?:happening|an issue|a problem)|"
    # a rival's lower price said plainly
    rf"(?:\d+ ?%|{_PERCENT}|half|a third|\$?\d[\d,.k]*) (?:less|cheaper|lower) than (?:you|yours|your|what "
    r"you)|(?:quoted|offered|came (?:back |in )?at|charges?|priced) (?:us )?(?:about |around |roughly |"
    rf"like )?(?:\d+ ?%|{_PERCENT}|half|a third) (?:less|cheaper|lower)|get (?:\w+ ){{1,3}}for less|"
    r"(?:is|are|'s) (?:like |about |roughly |maybe |literally )?half (?:that|the price|your price|what you)|"
    r"(?:is|'s) (?:quite |really |way )?a lot (?:for|to pay|of money for))\b"
    r"|(?:说|讲|问|催|反馈)了?(?:多少|好多|无数)(?:遍|次)|第[二三四五六七八九十几]次(?:催|反馈|投诉|报|找|问)|"
    # a rhetorical question is a complaint: "到底有没有人管？", "这就是你们的服务？"
    r"(?:到底|还)有没有人(?:管|理|处理|负责)|不是说好[^。！？]{0,16}?吗|"
    # "你们能不能靠谱一点", "和宣传的完全不一样": a plea or a gap between what was sold and what came
    r"(?:能不能|可不可以|就不能)[^，。！？]{0,4}?(?:靠谱|专业|上心|快|认真|用心|负责)(?:一)?点|"
    r"(?:和|跟|与)(?:宣传|承诺|说好|演示|介绍|合同)(?:的|上|里)?[^，。！？]{0,4}?(?:不一样|不符|不一致|不同)|到底(?:能不能|行不行|要等多久|还要多久|什么时候)|有人管吗|这就是你们的(?:服务|态度|效率|售后)|还在(?:自动)?(?:续费)?扣(?:款|费|钱)|(?:又要|又得)重新|每次都(?:要|得)重新|每次都(?:得|要)(?:手动|手工|人工|重新|导出|找人|打电话|催|改|等)|"
    r"(?:又开|又弄|又搞|又写|又算|又发|又填|又记|又扣|又输)了?错|又错了|(?:已经)?(?:很|非常|够|够有|相当)(?:有)?耐心了|耐心有限|耐心是有限|"
    r"(?<!有)消息(?:都|也)?没有|到现在(?:也|都)(?:没|不)|没人接|没人处理|没人联系|"
    r"[一二三四五六七八九十两几\d]+(?:天|周|星期|次|个月|礼拜)就(?:不(?:能|行|工作|转|亮|加热|动|好使|灵|出)|坏|停|"
    r"出问题|出故障|没反应|没用了)"
    # a price rise said plainly: "续费价格涨了30%", "年费又上调了"
    r"|(?:价格|价钱|费用|续费|报价|单价|年费|服务费|月费)[^，。！？,.!?]{0,6}?(?:涨|上涨|上调|翻倍|翻了一倍)",
    re.I))

_REFUSAL = Branches("refusal", REFUSAL)
_COMPLAINT = Branches("plain_complaint", COMPLAINT)
CUES = _REFUSAL.bits | _COMPLAINT.bits | REPROACH_CUES


def refusals_and_complaints(text: str, cues: int) -> int:
    """How many refusals and plain complaints `text` (one sentence) states."""
    if not cues & CUES:
        return 0
    found = len(_REFUSAL.pattern_for(cues).findall(text)) if cues & _REFUSAL.bits else 0
    found += reproaches(text, cues)  # "came in the wrong currency again", "这笔款我们先不付"
    return found + (len(_COMPLAINT.pattern_for(cues).findall(text)) if cues & _COMPLAINT.bits else 0)


def without_refusals_and_complaints(text: str, cues: int = -1) -> str:
    """`text` with its refusals, plain complaints and reproaches blanked out, for VADER to score
    the rest ("we can't approve the increase": "approve" is no praise)."""
    return without_reproaches(COMPLAINT.sub(" ", REFUSAL.sub(" ", text)), cues)
