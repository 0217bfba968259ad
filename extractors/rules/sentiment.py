"""Customer sentiment: per sentence, per speaker, and over the conversation.

English sentences are scored with VADER (negation and intensifiers built in), with business terms
it lacks added to its lexicon and courtesy words ("thanks", "please") that would make every email
look happy taken out. Chinese sentences are scored from `lexicons/zh_sentiment.yaml` with
negators and intensifiers, longest word first. Both languages add what lexicons miss: flat
negatives without a feeling word ("we won't be extending the contract", "the numbers still don't
match", "这个功能基本没法用", "下个月到期就不续了"; refusals and plain complaints in `refusals.py`:
"Not interested.", "I've asked three times", "不需要。"), firm decisions against us (weighted most),
sarcasm (a praise word that introduces a complaint: "Great, another outage", "呵呵", "真是服了"), and
a positive stance said without a feeling word (`stance.py`: "we've rolled it out to two more
teams", "领导已经批了").
Courtesy ("thanks", "best regards", "期待您的回复", "辛苦了") is removed before scoring: a polite
closing is not praise, nor is an acknowledgement that opens a task ("Sounds good, we'll review
it", "没问题，我这周发您") or chat noise ("lol", ":)"). The touchpoint's label is the customer's:
their sentences when roles are known, everything not said by the rep otherwise, never quoted
mail; with no customer voice at all (a rep's outbound email) it is neutral.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from assistant.models import SentimentLabel
from extractors.rules.branches import Branches
from extractors.rules.cues import LongestWords, register, register_pattern
from extractors.rules.en_aside import aside_weight, without_asides, without_gatekeepers
from extractors.rules.en_lexicon import CODE_TOKENS, EXTRA_TERMS, NEUTRAL_WORDS, without_names
from extractors.rules.en_stance import (
    conceded,
    doubted,
    grievances,
    is_boilerplate,
    understated_praise,
    without_en_courtesy,
    without_en_stances,
)
from extractors.rules.folding import fold, gated
from extractors.rules.refusals import refusals_and_complaints, without_refusals_and_complaints
from extractors.rules.sentences import Sentence
from extractors.rules.stance import plain_positives, without_plain_positives
from extractors.rules.turns import PAST_DOUBT_CUE, TURN_CUES, scorned, turned_praise, without_turns
from extractors.rules.unfelt import strip_unfelt_en, strip_unfelt_zh
from extractors.rules.vader import compound as vader_compound

STRONG = 0.3  # |score| at which a sentence counts as clearly positive or negative
LABEL_THRESHOLD = 0.16  # mean score beyond which the touchpoint leans one way
MIXED_BALANCE = 0.3  # weaker side / stronger side at which both sides count ("mixed")
_CJK = gated(re.compile(r"[\u4e00-\u9fff]"))
_COURTESY = fold(re.compile(
    r"\b(thanks?(?: you)?(?: so much| again| in advance| for (?:all )?(?:your|the) (?:help|time|"
    r"reply|update|patience|quick reply|support|understanding))?|(?:really |much |greatly |very much )?"
    r"appreciated|appreciate (?:all )?(?:your|the) (?:help|support|time|patience)|thx|please|hi|hello|dear|(?:kind |best |warm )?regards|all the best|best wishes|(?<!\w )best(?=\W*$)|"
    r"best (?:(?:renewal|final|annual|volume|possible) )?(?:price|offer|deal|discount|rate|terms|number|practices?|way|time|case|"
    r"option|effort|sellers?|selling)|(?:do|doing|try|"
    r"trying) (?:my|our|your) best|at best|"
    r"cheers|ty|tysm|appreciate it|(?:we|I)(?:'d| would) (?:really |greatly )?appreciate (?:a|an|the|it if|if|your|"
    r"confirmation|clarification)|"
    # a ticket's fields: "Status: Solved", "Status changed from Pending to Solved", "Priority: Low"
    r"status(?: changed)?:? (?:from )?(?:\w+ (?:to|→) )?(?:solved|resolved|closed)|priority:? (?:low|normal|medium|high)|good (?:morning|afternoon)|looking forward to (?:hearing from you|"
    r"your (?:reply|response|feedback))|have a (?:great|good|nice|lovely) (?:day|weekend|week)|"
    r"hope (?:you(?:'re| are) (?:well|doing well)|this helps|you (?:had|have) a (?:good|great|nice|"
    r"lovely) (?:weekend|day|week|trip|holiday))|happy to help|no worries|no rush|"
    r"sorry(?: (?:for|about) (?:the |my |our )?(?:slow|late|delayed) (?:reply|response)| (?:for|about) (?:the|any) "
    r"(?:inconvenience|trouble|confusion)(?: (?:this|that|it) (?:has )?caused)?| to hear (?:that|about (?:the|this|"
    r"that)(?: \w+){0,4}))?|(?:crazy|busy|"
    r"hectic|mad) (?:week|day|month|few (?:days|weeks))|appreciate (?:that|it|you)(?=\s*[.!,]|\s*$)|on a good day|(?:if|in case) (?:I|we|you) cut out|"
    r"(?:this|the|your) call (?:may|might|will) be (?:recorded|monitored)[^.!?]*|"
    r"(?:great|good|nice|lovely|a pleasure) (?:to (?:meet|see|hear from|connect with|finally meet) you|(?:meeting|"
    r"chatting|talking|speaking|connecting) (?:with )?you)|glad (?:we could|to) (?:connect|chat|meet)|"
    r"(?:great|good) (?:question|call|point)|fair point|(?:I'd be |I'm |we're |we'd be )?(?:happy|glad) to (?:jump|hop|"
    r"share|send|walk|chat|meet|set up|schedule|join|connect|answer|provide|discuss|help|arrange|"
    r"take a look|look into)|happy (?:friday|monday|holidays|new year)|merry christmas|"
    # an agent's empathy and good-news formulas, where roles are unknown: "We apologize for the
    # inconvenience", "I understand your frustration", "Glad that worked!"
    r"(?:sincerely |do )?apologi[sz]e for (?:the|any|this) (?:inconvenience|trouble|delay|confusion)|"
    r"understand (?:your|the) frustration|understand how frustrating (?:this|that|it) (?:must be|is)|glad (?:to hear (?:it|that)|(?:that|it) (?:worked|helped|'s working))|"
    r"great news)\b", re.I))
_ZH_COURTESY = gated(re.compile(r"谢谢(?:您|你们?)?|(?<![太特万])(?<!真的很)(?<!真心)感谢(?:您|你们?)?(?:的)?(?:支持|配合|回复|理解|耐心(?:等待)?)?|多谢|辛苦(?:了|啦)?|"
                          r"期待(?:您的|你的)?(?:回复|反馈|回音)|期待(?:下周|明天|周[一二三四五六日天]|下次)?的?(?:见面|会议|交流|沟通|拜访|会面)|"
                          r"很高兴(?:认识|见到)(?:您|你)|很高兴(?:能)?(?:帮到|为)您|给您带来(?:的)?不便|深表歉意|理解您的心情|"
                          r"有(?:任何)?问题(?:请)?随时(?:联系|找)(?:我们|我)?|欢迎(?:咨询|光临|致电|来电|使用)|(?:以|用于)(?:提升|提高|改进)服务质量|祝(?:好|[^，。！]{0,6}(?:愉快|顺利))|您好|你好|"
                          r"(?<![太很好挺真有点])麻烦了|不好意思|打扰了|(?:现在|这会儿|这会)不(?:太)?方便(?:接电话|说话|接|说)?(?=[，,。！!\s]|$)|"
                          r"(?:^|(?<=[，,。！!\s]))好的(?![很挺])|"
                          r"(?<![太很好挺真有点会])麻烦(?=您|你|帮|把|发|给|尽快|再|安排|确认|提供|处理|联系|让|请|这周|本周|月底|[一二三四五六七八九十两\d]|"
                          r"告诉|通知|转|寄|看一下|看看|查|核实|协助|跟进|排查|恢复|远程|回电|升级|加急|下周|明天|今天|备注|注明|标注|留意)"))
# firm decisions against us and flat statements of failure: no feeling word, clearly negative
FLAT_NEGATIVE = fold(re.compile(
    r"\b(?:(?:won't|will not|not going to|aren't going to|decided not to|no longer) (?:be )?"
    r"(?:renew\w*|extend\w*|continu\w*|mov\w* (?:forward|ahead)|proceed\w*|go\w* ahead|buy\w*|sign\w*|"
    r"expand\w*|upgrad\w*|us(?:e|ing))|(?:not|aren't|won't be) renewing|cancel\w* (?:our|the|my)"
    r" (?:subscription|contract|account|plan|order)|(?:go|going|went) with (?:another|a different)"
    r" (?:vendor|provider|tool|solution)|(?:still|again) (?:doesn't|don't|didn't|isn't|aren't|not)"
    r"|(?:doesn't|don't|didn't) (?:match|add up|load|sync|show|arrive|work)|haven't (?:heard|"
    r"received|gotten|got) (?:back|anything)|nobody (?:has )?(?:replied|responded|answered|"
    r"called)|(?:second|third|fourth) time (?:this|that|now)|(?:charged|billed) twice|"
    r"double[- ]charged|(?:is|are|was) wrong|not (?:acceptable|what we (?:agreed|asked|paid))|"
    r"waiting (?:for |since )?(?:\w+ ){0,2}(?:days|weeks|hours|months)|nobody(?:'s| has) (?:told|contacted|"
    r"called|replied|responded|reached out)|(?:a lot |way |much )?more than (?:we|our) "
    r"(?:budget\w*|expected|planned)|(?:decided|chose|choosing) to go with(?! you\b| your (?!competitor))|"
    r"went with(?! you\b| your (?!competitor))|"
    r"(?:decided to |going to |we'll )?(?:stay|staying|stick|sticking) with|budget (?:got |is |was |"
    r"has been )?(?:frozen|cut|pulled|slashed|reallocated|redirected|halved)|nothing(?:'s| is) moving|(?:double|twice|more than) "
    r"what we agreed|needs? (?:this|it|that|to be)(?: to be)? (?:fixed|resolved|sorted)|(?:people|we|they|nobody) "
    r"can'?t work|"
    r"(?:is|are|went|showing|shows) blank|(?:get|gets|got|getting|receive|received) (?:a |an )?(?:\w+ )?blank "
    r"(?:email|page|screen|report|export|file|pdf|invoice)|wrong (?:numbers|data|amounts?|totals?|"
    r"figures))\b"
    r"|没法用|用不了|不能用|不续(?:约|费|了)?|不再续|取消(?:合同|订单|订阅|合作)|到现在还没|还是没|"
    r"(?<!如果)(?<!要是)(?<!万一)(?<!假如)还是[^，。！？、\s]{1,4}?不(?:了|上|通|进去|出来)(?=[，,。！!？?\s]|$)|一直没(?!(?:出|有|坏|掉)过|(?:出|有)(?:问题|毛病|故障))|"
    r"还没(?:有)?(?:解决|修复|处理|同步|到|收到|回复|好)|对不上|不一致|不准|没人理|没人管|没人回|"
    r"(?:第二|第三|好几)次了|扣了两次|重复扣|不考虑了|不打算(?:续|买|用|采购|合作)|换(?:别家|其他)|"
    r"考虑换|算了吧|没有任何(?:进展|回复|反馈)|基本(?:没用|用不上)|意见很大|"
    r"(?:登录|登|打|连|进|收|发|看|找|同步|导|加载|上传|下载|保存|打印|做|联系|打开)不(?:了|到|上|进去|开|出来)|用不(?:了|上)|"
    r"(?:要|得)?等(?:了)?(?:半天|很久|好久|半分钟|几分钟|[一二三四五六七八九十\d]+分钟)|"
    r"(?:写得|说得?|讲得?)?不清楚|看不懂|搞不懂|不知道什么意思|暂时不(?:采购|买|续|考虑)|不采购|不买了|"
    r"决定(?:先)?(?:用|选)(?!你们|贵司)|选(?:了|择了)(?:别家|其他|[A-Za-z])|没有换系统的打算|"
    r"(?:短期内|暂时)(?:真的)?不会考虑|不会考虑|不一定批|预算(?:被)?(?:冻结|砍)|乱码|损失|"
    r"(?:全|都)(?:都)?丢了|(?:别|不要|不能)再(?:出现|发生)|下不为例|不会(?:再)?续(?:约|费|签)|"
    r"超出(?:了)?(?:我们|公司)?的?预算|(?:反馈|催|投诉|报)了?(?:[二两三四五六七八九十几好]+)次|说了(?:好几|[三四五六七八九十])次|"
    r"(?:不愿意|不想|不肯|懒得)用|低于(?:合同|约定|承诺|协议|要求|标准|目标|预期|双方)|"
    r"(?:准确|及时|成功|合格|好评|满意)(?:率|度)(?:也|都|还)?(?:不(?:太|够|是很)?高|(?:太|很|偏|比较)?低(?!于)|(?:下降|降低)了)|"
    r"(?:价格|报价|费用|价钱|收费)[^，。！？]{0,12}(?<!性价)比[^，。！？]{1,12}(?:高|贵)",
    re.I))
# failures, refusals and churn said plainly, in their own pattern so that their cue words open only
# their gate: "the API stopped working", "legal won't accept auto-renewal", "looking at
# alternatives", "说好的昨天上门，结果人都没来", "客服电话一直打不通"
PLAIN_FAILURE = fold(re.compile(
    r"\b(?:stopped (?:working|sending|syncing|loading|responding|showing|updating|running)|"
    r"(?:timed|times|timing) out|(?:got|get|gets|were|was|been|are|is) duplicated|duplicated "
    r"(?:every|all|half|our|each)|(?:second|third|fourth|fifth|umpteenth) time (?:the|it|we|I|in)|"
    r"without (?:fixing|solving|resolving|answering|replying|any (?:fix|answer|reply|update))|"
    r"never (?:arrived|came|showed up|got (?:back|fixed|resolved)|heard back|ordered|asked for|"
    r"signed up for|agreed to|received)|still (?:hasn't|haven't|hasn't been|can't|won't)|"
    r"took (?:a|two|three|four|over a|almost a|\d+) (?:week|weeks|days|months) to (?:answer|reply|"
    r"respond|get back|fix|resolve|hear|refund|ship|deliver)|"
    r"(?:billed|charged) (?:us |me )?for [^.?!]{0,30}(?:never|didn't|don't|but (?:we )?only)|"
    # a firm no to the terms, not a condition ("can't sign until legal reviews it")
    r"(?:can't|cannot|can not|couldn't|won't|will not|unable to) (?:accept|sign|approve|justify|"
    r"absorb|afford|get (?:this|it|that) (?:approved|signed|through))"
    r"(?![^.,;!?]{0,30}\b(?:until|before|unless|till|without)\b)|not something we can|"
    r"more than we can (?:absorb|afford|justify|spend)|(?:don't|do not|doesn't) (?:want|plan|"
    r"intend) to (?:renew|extend|continue|sign|buy|proceed|move forward)|"
    r"(?:fed up|sick|tired) (?:with|of)|impossible to use|(?:considering|looking at|exploring|evaluating) "
    r"(?:other|alternative) (?:options|vendors|providers|tools|solutions)|(?:looking at|considering|"
    r"exploring) alternatives|(?:stopped|quit) using|(?:no longer|don't|doesn't|do not) use it anymore|"
    r"(?:nobody|no one)[^.?!]{0,30}\b(?:actually |really )?uses? it\b|refuses? to use|"
    r"(?:third|fourth|fifth|umpteenth) (?:ticket|email|request|follow-up)|with no (?:warning|notice|"
    r"explanation)|without (?:any )?(?:warning|notice)|paying for (?:\w+ ){0,2}(?:we|nobody|no one) "
    r"(?:don't|doesn't|never) use|"
    r"(?:wiped|deleted|erased|overwrote) (?:out )?(?:all )?(?:of )?(?:our|my)|how you treat (?:us|your "
    r"customers|customers)|offered us (?:twice|half|\d+%|a (?:lot|much) (?:better|lower)))\b"
    r"|不(?:太|够|是很)准|(?:打|拨|连)不通|还没人(?:处理|管|回|理|联系)|什么(?:服务|态度)啊?|"
    r"(?:全|都)(?:被)?(?:清空|删了|删掉|没了)|考虑(?:其他|别的|别家)(?:的)?(?:方案|厂商|产品|供应商)?|看看别家|"
    r"不怎么用了|(?:没人|都不)用了|一塌糊涂|(?:老|又|总|三天两头)出问题|(?:人|师傅)(?:都|也)?没(?:来|到)|"
    r"问题一大堆|说好(?:的)?[^。！？]{0,16}?(?:结果|到现在|现在都|还没|没有|没)|一直不(?:回|理|处理)|"
    r"挂了[一二三四五六七八九十两几\d]+天|第[二三四五六七八九十几]次(?:出|遇到|发生)|重复了|太离谱|"
    r"(?:很难|难以|无法|没法)接受|接受不了|(?:签|批|过)不了", re.I))
ACKNOWLEDGEMENT = fold(re.compile(
    r"(?:\W*(?:ok(?:ay)?|sure|alright|yes|yeah|yep|fair(?: enough)?|fine|got it|noted|sounds good|"
    r"cool|great|good|perfect|nice|awesome|excellent|wonderful|lovely|understood|makes sense|you'?re good|"
    r"all good|all set|thanks?|thank you|will do|no problem|"
    r"that works(?: (?:great|perfectly|well|fine))?(?: for (?:me|us|everyone|both of us))?|that'?s fine|that is fine|"
    r"works (?:great |perfectly )?for (?:me|us)|fine by me|sounds (?:fine|great|perfect)|"
    # an emoji code said alone acknowledges like "ok" does: ":thumbsup:", ":+1:"
    r":(?:thumbsup|\+1|ok_hand|white_check_mark|heavy_check_mark|slightly_smiling_face|smile|pray):|"
    r"ty|tysm|thx|perfecto|"
    r"好的?|好嘞|行|可以|嗯+|收到|明白|了解|谢谢|没问题|ok的)\W*)+", re.I))
# emoji codes chat exports write instead of the emoji (Slack/GitHub style and WeChat's brackets)
EMOJI_CODES = {":thumbsup:": 1.0, ":+1:": 1.0, ":smile:": 1.0, ":heart:": 1.0, ":tada:": 1.0,
               ":pray:": 0.6, ":clap:": 1.0, ":slightly_smiling_face:": 0.6, ":rage:": -1.0,
               ":angry:": -1.0, ":disappointed:": -1.0, ":thumbsdown:": -1.0, ":-1:": -1.0,
               ":sob:": -1.0, ":cry:": -1.0, ":unamused:": -1.0, ":face_with_rolling_eyes:": -1.0,
               "[强]": 1.0, "[赞]": 1.0, "[玫瑰]": 0.8, "[爱心]": 1.0, "[鼓掌]": 1.0, "[抱拳]": 0.6,
               "[愉快]": 1.0, "[呲牙]": 0.8, "[发怒]": -1.0, "[流泪]": -1.0, "[大哭]": -1.0,
               "[撇嘴]": -0.8, "[难过]": -1.0, "[白眼]": -1.0, "[弱]": -1.0, "[衰]": -0.8,
               "[抓狂]": -1.0}
CODE_WEIGHT = 0.4  # one emoji code moves an English sentence's score this much
_EMOJI_ZH = {"👍": 1.8, "👏": 1.8, "🙌": 1.8, "😊": 1.4, "😄": 1.6, "🎉": 1.8, "❤": 1.8, "💪": 1.2,
             "👎": -2.0, "😡": -2.6, "😤": -2.2, "😞": -1.8, "😓": -1.4, "🙄": -1.8, "😠": -2.4}
# satisfaction and buying intent said plainly: "the import worked", "没什么大问题", "准备推进了"
POSITIVE_PHRASES = fold(re.compile(
    r"\b(?:(?:it|that|this|the \w+) (?:worked|works (?:now|great|perfectly|fine))|no (?:issues|"
    r"problems|errors|dupes|duplicates|complaints)\b(?! with)|(?<!not )(?<!n't )(?:went|going|runs?|"
    r"running|works?|worked|working) (?:really |very |so |pretty |super )?(?:smoothly|well|nicely)|ready to (?:sign|move forward|go ahead|proceed|roll (?:it )?out|buy)|"
    r"expect to sign|(?:let's|lets) (?:do it|go ahead|move forward)|good overall|"
    r"(?:we(?:'re| are)|I(?:'m| am)) (?:happy|pleased|glad) with|approved the (?:budget|purchase)|"
    r"(?:exactly|just) what we (?:need|needed|wanted)|"
    # eagerness to buy or expand is the customer's positive stance (evals/GUIDE.md)
    r"(?<!n't )(?<!not )(?:want|wants|would like|'d like|planning|plan|looking) to (?:add|buy|purchase|expand|"
    r"upgrade|roll (?:it |this |them )?out)|add(?:ed|ing)? (?:another )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|"
    r"a few|a couple of|several) (?:more )?(?:seats|users|licen[cs]es)|"
    r"switched (?:over )?to you|(?:boss|manager|leadership|finance|legal|procurement|cfo|ceo|vp|board|"
    r"director) (?:has |have )?(?:signed off|approved|green-?lit)|let's get (?:the paperwork|it|this|"
    r"things) (?:going|started|signed)|leaning (?:toward|towards) (?:you|your)|(?<!n't )(?<!not )(?:want|wants|would "
    r"like|'d like|planning|plan|ready|decided) to (?:sign on|renew|go live|start (?:a|the) (?:trial|"
    r"pilot)|bring (?:the|our|everyone|all)|extend (?:the|our) (?:contract|subscription))|worth every "
    r"penny|so much (?:faster|easier|better)|best (?:tool|product|vendor|decision|purchase)|rave about|"
    r"can't stop (?:talking about|using)|sav(?:ed|es|ing) (?:us |me )?(?:hours|so much time|a lot of "
    r"time)|set aside (?:money|budget|funds)|game[- ]changer|rock[- ]solid|(?:want|'d like|would like|"
    r"ready|decided) to move forward|(?:sorted|fixed|solved|resolved) (?:it|this|that|everything)(?: out)? "
    r"(?:in minutes|in no time|so fast|so quickly|right away)|get (?:it|this|the (?:contract|order form|paperwork|po|quote)) "
    r"signed|(?:looking forward|can't wait) to (?:getting started|get(?:ting)? going|working (?:with you|"
    r"together)|(?:the )?(?:rollout|roll-out|launch|kickoff|go-live|partnership)|rolling (?:it |this )?out|"
    r"using (?:it|this))|(?:you|you guys|y'all|your (?:team|support|folks)) (?:are|were|was|have been) (?:so |"
    r"really |super |very |incredibly |amazingly )?(?:fast|quick|responsive)|(?:miles|way|leaps|years|light "
    r"years) ahead|(?<!if )(?<!whether )(?:it's|it is|everything's|everything is|all) working (?:for (?:everyone|"
    r"everybody|us|me|all of us) )?(?:again|now|fine|great|perfectly)(?![^.!?]*\?)|"
    r"(?<!if )(?<!whether )(?<!see )(?:it|that) works(?=[.!\s]*$)|show(?:ing|ed|s)? (?:it|this|them) off)\b"
    r"|没什么大?问题|没有?大问题|准备推进|可以签|同意(?:采购|签|续约|续费)|老板(?:同意|批了|觉得(?:不错|可以|ok))|"
    r"修好了|搞定了|效率(?:很|挺|非常|真)?高|合作(?:很|非常)?愉快|续约没问题|用着(?:很|挺)?顺|"
    r"(?:已经)?(?:配置|设置|改)好了|"
    r"(?:加|增加|扩|追加|再买|多买|加购)[一二三四五六七八九十两百\d]+个?(?:账号|席位|用户|license|坐席)|"
    r"(?:追加|再买|多买|加购)[一二三四五六七八九十两百\d]+个?(?=[，,。！!]|$)|扩容|"
    r"(?:合同|协议)(?:我们)?(?:领导|老板)?(?:已经)?签(?:好|完)了?|申请(?:个|一下)?(?:试用|trial)|"
    r"想试(?:一下|试)|准备(?:采购|购买|上线|推广)|批下来了|倾向于(?:选)?(?:你们|贵司)|帮了(?:我们)?(?:大|很大的|不少)忙|"
    r"省了(?:我|我们)?(?:很多|不少|好多)?(?:时间|人力|功夫|事)|效率(?:提高|提升)了|打算(?:续签|续约|扩大|推广|增加)|推广到|"
    r"想(?:一起|也)用|(?:合同|订单)定下来|(?<!没)(?<!不)比(?:我们)?(?:以前|之前|原来|上一家|别家|其他家|之前那家|原来那家|老系统)[^，。！？]{0,8}?"
    r"(?:强|好|明白|清楚|好用|快|稳定|方便|省心|专业|顺)(?:太多|很多|多|不少)了?|希望[^，。]{0,8}就?能上线|"
    r"打算[^，。]{0,6}(?:扩大|推广|上线)|这个(?:功能|方案)?(?:好|不错)(?!像)", re.I))
SARCASM = fold(re.compile(
    r"\b(?:(?:great|wonderful|fantastic|perfect|brilliant|awesome|nice|lovely|just great)[,.!]+ "
    r"(?:(?:just )?another|again|yet another|now (?:it|the)|so now|more)|thanks for nothing|"
    r"oh good[,.!]+ (?:(?:just |yet )?another|again)|"
    r"(?:great|wonderful|fantastic|perfect|brilliant|awesome|lovely)[,.!]+ (?:[\w']+ ){0,5}?(?:broke|broken|crashed|"
    r"failed|is down|went down|stopped working|died|froze|lost)\b|yeah,? right(?=[.!…]*\s*$)|just what (?:I|we) needed|love that for (?:us|me)|love (?:how|that|it when) (?:\w+ ){0,4}"
    r"(?:again|still|never|broke|breaks|fails|crash|have to|has to|had to|get to)|oh (?:great|wonderful|joy)|(?:great|nice|good|awesome|"
    r"fantastic|brilliant) (?:job|work),? (?:on )?(?:breaking|losing|deleting|crashing|ruining|messing|"
    r"wiping)|(?:love|loving) (?:waiting|having to|being (?:on hold|ignored|charged|billed|put on hold)|"
    r"getting (?:charged|billed|disconnected|ignored|cut off)|paying (?:twice|double|extra))|"
    # "Love finding out you're down from our clients", "Love paying for the same parking twice"
    r"(?<!would )(?<!'d )love (?:finding out|hearing (?:about it )?from|learning|discovering|being told|paying for the same)|"
    # fun made of a fault, a wait called short, a hardship others "enjoyed": "Which is a fun look on the
    # shelf", "So that was fun.", "great, only took 45 minutes", "I'm sure the drivers enjoyed waiting"
    r"which(?:,| is| was)? (?:a )?fun|(?:so )?(?:that|this) was (?:fun|a (?:real )?treat)|what fun|a real adventure|"
    r"(?:great|perfect|nice|brilliant|awesome|fantastic|wonderful|lovely),? (?:it )?only (?:took|takes|cost)|"
    r"i'm sure (?:the|our|my|your) [\w-]+ (?:enjoyed|loved|appreciated)|(?:great|perfect|lovely|wonderful|fantastic) "
    r"way to (?:start|end|spend))\b"
    # a help word in scare quotes: "thanks for the \"fix\"", "your \"priority\" support"
    r"|\b(?:the|your|this|that|a) [\"“'‘](?:fix|fixed|solution|improvement|upgrade|priority|"
    r"urgent|quick fix|follow-?up)[\"”'’](?! (?:button|tab|field|menu|option|link|column|status|label))"
    r"|呵呵|真是服了|服了|真行啊?|真棒啊|太好了[，,]又|好极了[，,]又|谢谢你们啊|可真(?:快|好)啊|[“\x22「]\s*(?:好|棒|快|及时|专业|靠谱|给力|贴心|高效|省心|方便|稳定|智能)\s*[”\x22」]|真是?谢谢(?:你们|您)了?[，,！!]*(?:又|还得|还要)"
    # praise signed with WeChat's [微笑], the smile that means the opposite: "服务真到位[微笑]"
    r"|(?:到位|专业|及时|贴心|给力|靠谱|厉害|好|棒|快|高效)[啊呀啦哈]*[。！!~～]*\s*\[微笑\]", re.I))
ACK_MAX_CHARS = 40  # "OK, sounds good, thanks!" is process talk, not praise
# agreeing on a time is logistics, not praise: "10 is good", "Tuesday at 3 works great!",
# "Next Wednesday works for me", "Sounds great, see you Thursday."
_DAY = (r"(?:(?:next |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|tonight|"
        r"\d{1,2}(?::\d{2})?\s?(?:am|pm)?(?: (?:your|my|our) time)?|the \d{1,2}(?:st|nd|rd|th)|"
        r"that (?:time|slot|day|date)|(?:the )?(?:morning|afternoon)(?: slot)?)")
SCHEDULE_ACK = fold(re.compile(
    rf"^\W*(?:(?:ok(?:ay)?|yes|yeah|yep|sure|great|perfect|sounds (?:good|great))\W+)?"
    rf"(?:{_DAY}(?: at \d{{1,2}}(?::\d{{2}})?\s?(?:am|pm)?)? (?:is|works|would work|should work)"
    rf"(?: (?:good|great|fine|perfect|well))?(?: for (?:me|us|everyone))?"
    rf"|see you (?:on )?{_DAY})\W*$", re.I))
# a feeling word inside a question asks, it does not praise: "Rohan, you good with that?", "现在方便吗？"
QUESTION_DAMP = 0.3
FLAT_WEIGHT = 0.45
DECISION_WEIGHT = 0.7
SARCASM_SCORE = -0.6
DECISION = fold(re.compile(r"renew|extend|cancel|another vendor|go\w* with|move\w* forward|sta\w* with|"
                       r"stick\w* with|不续|取消|换|不考虑|不打算|不会考虑|退单|终止", re.I))
_BUSINESS_TERMS = {
    "expensive": -1.8, "pricey": -1.5, "overpriced": -2.2, "outage": -2.5, "downtime": -2.0,
    "bug": -1.5, "buggy": -2.0, "broken": -2.2, "fails": -1.8, "failing": -1.8, "crash": -2.2,
    "crashes": -2.2, "crashed": -2.2, "slow": -1.4, "sluggish": -1.6, "laggy": -1.6, "clunky": -1.8,
    "unusable": -2.8, "blocker": -1.6, "blocking": -1.4, "escalate": -1.2, "churn": -1.8,
    "cancel": -1.5, "refund": -1.4, "unresponsive": -2.0, "frustrating": -2.2,
    "manual": -0.6, "tedious": -1.8, "cumbersome": -1.8, "concern": -1.0, "concerns": -1.0,
    "concerned": -1.2, "worried": -1.6, "risk": -0.8, "unhappy": -2.4, "disappointing": -2.2,
    "seamless": 2.0, "intuitive": 1.8, "impressed": 2.4, "excited": 2.2, "love": 2.6,
    "smooth": 1.6, "straightforward": 1.2, "helpful": 1.8, "works": 0.8, "solved": 1.6,
    "resolved": 1.4, "fixed": 1.2, "interested": 1.4, "keen": 1.4, "urgent": -0.8,
    "outages": -2.5, "bugs": -1.5, "errors": -1.5, "failures": -1.8, "delays": -1.4,
    "glitchy": -1.8, "flaky": -1.8, "unreliable": -2.2, "useless": -2.6, "worked": 1.2,
    "nightmare": -2.6, "headache": -1.8, "joke": -1.5, "impossible": -1.6,
    # plain quality words of praise and complaint ("the sync is reliable", "setup was painless",
    # "the admin screens are confusing")
    "reliable": 1.6, "accurate": 1.4, "polished": 1.6, "snappy": 1.6, "painless": 2.0,
    "complicated": -1.2, "confusing": -1.6, "outdated": -1.4, "bloated": -1.6,
    "overcomplicated": -1.8, "delayed": -1.4,
    # complaint words VADER lacks ("it's been rough", "stale numbers", "we were overcharged")
    "rough": -1.4, "stale": -1.6, "robotic": -1.0, "clumsy": -1.6, "janky": -1.8, "sloppy": -1.8,
    "inaccurate": -1.8, "incorrect": -1.4, "vanished": -1.6, "overcharged": -2.2, "overbilled": -2.2,
    "unhelpful": -2.0, "overdue": -1.2, "garbage": -2.6,
}
# VADER words that are neutral nouns or verbs in business text ("customer support", "screen
# share", "free trial", "security review", "credit card", "help with the import", "send the
# PO", "a CRM solution", "the welcome email")
_BUSINESS_NEUTRAL = ("pretty", "share", "shares", "shared", "support", "supported", "supports", "free",
                     "credit", "credits", "care", "security", "secure", "protect", "help", "well",
                     "honestly", "honest", "po", "solution", "solutions", "welcome", "excel", "ok", "okay",
                     # chat noise and emoticons are tone, not a stance ("Does it sync? lol")
                     "lol", ":)", ":-)", ":]", ":d", "smile", "increase",
                     "commitment", "promised",  # "took longer than promised" is no praise
                     "ideally", "invite", "invited", "invitation",  # a hedge ("ideally a bank"), a meeting
                     # "re-entering orders by hand", "hand over"; chat "ill bring priya" is "I'll"
                     "hand", "hands", "ill")
# "like" as a preposition or polite wish, not as liking
_NEUTRAL_LIKE = fold(re.compile(
    r"\b(?:(?:would|'d) (?:also|really|just|still) like\b|would|'d|look|looks|looked|seem|seems|sound|sounds|feel|feels|just|tools?|things?|"
    r"something|someone|platforms?|vendors?|systems?|products?|apps?|solutions?|companies|since|"
    r"is|was|are|about|around|for) like\b|\blike (?=(?:we|you|they|I|he|she) (?:had|have|did|do|said|"
    r"mentioned|used|were|are|was|discussed|agreed)\b)|\blike(?=\s*,)|(?<=,\s)like\b|^like\b",
    re.I))


# phrases VADER scores as neutral that customers mean as complaints
_NEGATIVE_PHRASES = fold(re.compile(
    r"\btoo (?:high|expensive|pricey|slow|complicated|complex|much|long|many)\b|over (?:our )?budget"
    r"|(?:does|did|is|are)(?:n'?t| not) (?:work|working|load|loading|sync|syncing)|not working|"
    r"still (?:broken|waiting(?! (?:on|for) (?:my|our))|failing|not|down|no)|(?:no one|nobody) (?:has )?(?:replied|responded|got back|"
    r"gets back|called back)|"
    r"(?:waste|wasting) (?:of )?(?:(?:our|my|everyone's) )?(?:time|hours|money|effort|budget)|(?:a|such a|complete|total|big|huge) waste\b|takes? (?:hours|forever|ages)|"
    r"can(?:no|')t (?:log ?in|access|export|login|use)|keeps? (?:crashing|failing|timing out)|\b(?:is|are|was|went|been) down\b(?! (?:by|to|from|\d|\w+ ?%|\w+ percent))|"
    r"(?:make sure|ensure) (?:this|that|it) (?:doesn't|does not|won't|will not|never) happens? again|"
    r"(?:don't|do not) let (?:this|that|it) happen again|"
    r"\b(?:not|isn't|aren't|stopped) (?:syncing|loading|sending|updating|showing up)\b|"
    r"\b(?:twice|two times|three times) (?:to|for|on) (?:every|each|all)\b|"
    r"\b(?:longer|later|slower) than (?:promised|expected|agreed|quoted|planned)\b|"
    r"\bhard to (?:swallow|justify|use|navigate|find anything)\b|"
    # a price said to be above another's: "the pricing is higher than Hubspot's offer"
    r"\b(?:price|prices|pricing|quote|cost|costs|renewal|offer|proposal|bill|invoice)\b[^.,;!?]{0,20}"
    r"\b(?:is|are|was|were|came in|comes in|went up|'s) (?:[\w%]+ ){0,3}(?:higher|more expensive|"
    r"pricier|steeper|above)\b",
    re.I))
PHRASE_WEIGHT = 0.45
# "Yeah, so, the budget got frozen": a reply's opening interjection is not a feeling
_LEADING_ACK = gated(re.compile(r"^\W*(?:(?:yeah|yes|yep|yup|ok|okay|sure|well|so|right|cool|fine|look|"
                          r"honestly|um+|uh+|sounds good|no problem|absolutely|got it|of course|"
                          r"certainly|sure thing|will do|understood|noted|makes sense|that works)\W+)+",
                          re.I))
_NEGATIVE = Branches("negative_phrase", _NEGATIVE_PHRASES)  # each phrase opened by its own cue words
_NEGATIVE_CUE = _NEGATIVE.bits
_FLAT = Branches("flat_negative", FLAT_NEGATIVE)  # each phrase opened by its own cue words
_FLAT_CUE = _FLAT.bits
_FAILURE = Branches("plain_failure", PLAIN_FAILURE)
_FAILURE_CUE = _FAILURE.bits
_SARCASM_CUE = register_pattern("sarcasm", SARCASM)
_POSITIVE = Branches("positive_phrase", POSITIVE_PHRASES)
_POSITIVE_CUE = _POSITIVE.bits
_COURTESY_CUE = register_pattern("courtesy", _COURTESY, whole_words=True) | register_pattern("courtesy", _ZH_COURTESY)
_LIKE_CUE = register("neutral_like", ["like"])
_ACK_CUE = register_pattern("acknowledgement", ACKNOWLEDGEMENT)
_SCHEDULE_CUE = register_pattern("schedule_ack", SCHEDULE_ACK)
ALL_CUES = -1  # score_sentence without a cue scan: run every pattern


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(_BUSINESS_TERMS)
    analyzer.lexicon.update(EXTRA_TERMS)
    for word in (*_BUSINESS_NEUTRAL, *NEUTRAL_WORDS, *CODE_TOKENS):
        analyzer.lexicon.pop(word, None)
    return analyzer


@lru_cache(maxsize=1)
def _zh_lexicon() -> tuple[re.Pattern[str], dict[str, float], re.Pattern[str], re.Pattern[str],
                           dict[str, float]]:
    """(word pattern, word -> weight, negator pattern, intensifier-at-end pattern, intensifiers)."""
    loaded = yaml.safe_load((Path(__file__).parent / "lexicons" / "zh_sentiment.yaml")
                            .read_text(encoding="utf-8"))
    weights = {**loaded["positive"], **loaded["negative"]}
    pattern = gated(re.compile("|".join(sorted(map(re.escape, weights), key=len, reverse=True))))
    intensifiers = dict(loaded["intensifiers"])
    negators = re.compile("|".join(map(re.escape, loaded["negators"])))
    boosted = re.compile("(?:" + "|".join(map(re.escape, intensifiers)) + ")$")
    return pattern, weights, negators, boosted, intensifiers


_EMOJI = gated(re.compile("|".join(_EMOJI_ZH)))
_CODES = gated(re.compile("|".join(map(re.escape, EMOJI_CODES))))
_ZH_SENTIMENT = register("zh_sentiment", [*_zh_lexicon()[1], *_EMOJI_ZH])
_EMOJI_CUE = register("zh_emoji", _EMOJI_ZH)
_CODE_CUE = register("emoji_code", EMOJI_CODES)


@lru_cache(maxsize=1)
def _zh_words() -> LongestWords:
    """The lexicon's words as `_zh_lexicon`'s pattern finds them, in one automaton pass."""
    return LongestWords(_zh_lexicon()[1])


_ZH_CLAUSE_START = re.compile(r"[，,。！？!?；;、\s]")
_ZH_DONT = re.compile(r"别|不要|不能再|不许")
_A_NOT_A = re.compile(r"有没有|是不是|能不能|会不会|要不要|好不好|行不行|可不可以?|对不对|够不够")


def _score_zh(text: str, cues: int = ALL_CUES) -> float:
    _, weights, negators, boosted, intensifiers = _zh_lexicon()
    total = (sum(_EMOJI_ZH[e] for e in _EMOJI.findall(text)) if cues & _EMOJI_CUE else 0) \
        + (sum(2 * EMOJI_CODES[c] for c in _CODES.findall(text)) if cues & _CODE_CUE else 0)
    for start, word in _zh_words().finditer(text):
        weight = weights[word]
        # "不平，差了": a negator in the clause before is not this word's
        before = _ZH_CLAUSE_START.split(text[max(0, start - 4) : start])[-1]
        if before:
            if boost := boosted.search(before):
                weight *= intensifiers[boost.group(0)]
            if _A_NOT_A.search(before):  # "有没有更划算的选择" asks for praise, it neither gives nor negates it
                weight = min(weight, 0.0)
            elif negators.search(before[-3:]) and not word.startswith(("不", "没", "无")) \
                    and not (weight < 0 and _ZH_DONT.search(before)):  # "别再拖了" still complains
                weight *= -0.6
        total += weight
    return total / math.sqrt(total * total + 15) if total else 0.0  # VADER's normalization


def score_sentence(text: str, cues: int = ALL_CUES) -> float:
    """-1..1 for one sentence, in either language; `cues` (the sentence's cue bits) skips the
    patterns whose words it lacks."""
    if cues & _SARCASM_CUE and SARCASM.search(text):
        return SARCASM_SCORE
    if is_boilerplate(text, cues):  # "If you have received this in error, please notify…"
        return 0.0
    if text.lstrip().startswith("|") and _TABLE_ROW.match(text):  # "| fix the fault log | Ana | 3/2 |"
        return 0.0
    if cues & _ACK_CUE and len(text) < ACK_MAX_CHARS and ACKNOWLEDGEMENT.fullmatch(text):
        return 0.0
    if cues & _SCHEDULE_CUE and len(text) < ACK_MAX_CHARS + 20 and SCHEDULE_ACK.match(text):
        return 0.0
    text = without_gatekeepers(text, cues)  # "…or compliance won't sign off" sets a requirement
    flat = len(_FLAT.pattern_for(cues).findall(text)) if cues & _FLAT_CUE else 0
    failures = len(_FAILURE.pattern_for(cues).findall(text)) if cues & _FAILURE_CUE else 0
    flat += failures
    refused = refusals_and_complaints(text, cues)  # "Not interested.", "I've asked three times"
    plain_en = grievances(text, cues)  # "flagged this twice already", "that's not going to fly"
    flat += refused + plain_en
    penalty = -PHRASE_WEIGHT * len(_POSITIVE.pattern_for(cues).findall(text)) \
        if cues & _POSITIVE_CUE else 0.0
    stances = plain_positives(text, cues)  # "we've rolled it out to two more teams", "领导已经批了"
    praised = understated_praise(text, cues)  # "in 20 minutes instead of an afternoon"
    turns = cues & TURN_CUES  # "not sceptical anymore", "night and day", "你们所谓的智能排班"
    if turns:
        turned, scorn = turned_praise(text, cues), scorned(text, cues)
        praised += turned
        flat += scorn
        turns = turned or scorn or cues & PAST_DOUBT_CUE  # blanked below only when one is there  # and "no sensor data in the platform", "the price has risen 22%"
    stances += praised
    penalty -= PHRASE_WEIGHT * stances
    if flat:
        decisive = DECISION.search(text) is not None
        penalty += (DECISION_WEIGHT if decisive else FLAT_WEIGHT) * flat
    if not text.isascii() and _CJK.search(text):
        if cues & _COURTESY_CUE:
            text = _ZH_COURTESY.sub("，", text)
        text = strip_unfelt_zh(text, cues)
        if turns:
            text = without_turns(text, cues)
        if stances:  # "客户投诉少了很多": the stance is scored above, its 投诉 is no complaint
            text = without_plain_positives(text, cues)
        score = _score_zh(text, cues) if cues & (_ZH_SENTIMENT | _CODE_CUE) else 0.0
        if score > 0 and _asks_only(text, cues):
            score *= QUESTION_DAMP
        return max(-1.0, min(1.0, score - penalty))
    plain = _COURTESY.sub(" ", text) if cues & _COURTESY_CUE else text
    plain = without_en_courtesy(plain, cues)  # "Happy Presidents' Day", "appreciate you reaching out"
    if cues & _LIKE_CUE:
        plain = _NEUTRAL_LIKE.sub(" ", plain)
    plain = strip_unfelt_en(plain, cues)
    plain = without_asides(plain, cues)  # "needs board approval", "Guilty.", "no error shown"
    if leading := _LEADING_ACK.match(plain):  # anchored: a match of the opening, not a sub's scan
        plain = plain[leading.end() :]
    if cues & _ACK_CUE and len(plain) < ACK_MAX_CHARS and ACKNOWLEDGEMENT.fullmatch(plain):
        plain = ""  # "Great, thanks for the update.": with the courtesy gone, an acknowledgement is left
    if stances:
        plain = without_plain_positives(plain, cues)
    if flat:  # "can't get this approved": the praise word inside a flat negative is not praise
        if cues & _FLAT_CUE:  # only the phrases the sentence's cue words open can be in it
            plain = _FLAT.pattern_for(cues).sub(" ", plain)
        if failures:
            plain = _FAILURE.pattern_for(cues).sub(" ", plain)
        if refused:
            plain = without_refusals_and_complaints(plain, cues)
    if plain_en or praised:
        plain = without_en_stances(plain, cues)
    if turns:
        plain = without_turns(plain, cues)
    plain = doubted(plain, cues)  # "not sure the team will like it"
    codes = _CODES.findall(plain) if cues & _CODE_CUE else []
    if codes:
        plain = _CODES.sub(" ", plain)
    score = vader_compound(plain, _vader())
    if score and (unnamed := without_names(plain, _vader().lexicon)) is not plain:  # "Kingsmead Trust"
        score = vader_compound(unnamed, _vader())
    if score > 0 and _asks_only(text, cues):
        score *= QUESTION_DAMP
    if codes:
        score = max(-1.0, min(1.0, score + CODE_WEIGHT * sum(EMOJI_CODES[c] for c in codes)))
    score = conceded(score, text, cues)  # "To be fair, the team does use the summaries"
    complaints = len(_NEGATIVE.pattern_for(cues).findall(text)) if cues & _NEGATIVE_CUE else 0
    penalty += PHRASE_WEIGHT * complaints
    score = max(-1.0, min(1.0, score - penalty))
    return score * aside_weight(text, cues) if score < 0 else score  # "X broke, can we move our call?"


def _is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "？"))


_CLAUSE_END = re.compile(r"[,，;；:：]")
# a row of a table in meeting notes (task, owner, date) records; it does not feel
_TABLE_ROW = re.compile(r"\s*\|(?:[^|\n]*\|){2,}\s*$")


# a question from its first word: "Could you let us know whether true offline mode is on the roadmap, and when?"
_ASKS_FROM_START = gated(re.compile(r"^\W*(?:(?:could|can|would|will|do|does|did|is|are|should|may|what|when|how|"
                                    r"why|where|which|whether|any)\b|能不能|可不可以|是否|有没有|请问)", re.I))


def _asks_only(text: str, cues: int) -> bool:
    """Whether `text` is a question whose feeling words sit in the question itself: praise in a
    clause before it still counts ("这个功能很好用，能不能推广到其他部门？") unless that clause
    already asks ("Could you confirm whether…, and when?")."""
    if not _is_question(text):
        return False
    cut = max((m.start() for m in _CLAUSE_END.finditer(text)), default=-1)
    return cut <= 0 or _ASKS_FROM_START.match(text) is not None or score_sentence(text[:cut], cues) < STRONG


def is_firm_no(text: str, cues: int) -> bool:
    """Whether `text` states a decision against us ("the group decided to go with another
    vendor", "下个月到期就不续了"): evals/GUIDE.md's firm no, which polite praise beside it does
    not turn into `mixed`."""
    return bool(cues & _FLAT_CUE) and any(DECISION.search(found) for found in _FLAT.pattern_for(cues).findall(text))


def label_for(scores: list[float]) -> tuple[SentimentLabel, float]:
    """The label and mean score for a set of sentence scores."""
    if not scores:
        return "neutral", 0.0
    mean = sum(scores) / len(scores)
    positive = sum(s for s in scores if s >= STRONG)
    negative = -sum(s for s in scores if s <= -STRONG)
    if positive and negative and min(positive, negative) / max(positive, negative) >= MIXED_BALANCE:
        return "mixed", max(-1.0, min(1.0, mean))
    signal = [s for s in scores if abs(s) >= 0.05] or [0.0]
    lean = sum(signal) / len(signal)
    if lean >= LABEL_THRESHOLD and positive:
        return "positive", max(-1.0, min(1.0, mean))
    if lean <= -LABEL_THRESHOLD and negative:
        return "negative", max(-1.0, min(1.0, mean))
    return "neutral", max(-1.0, min(1.0, mean))


# a ticket is one problem reported and then fixed: there a fix confirmed and praised settles it
RESOLUTION_CHANNELS = ("ticket",)
# the customer confirms the fix: "Confirmed, it's working for everyone now", "可以了，全部能播放了"
FIX_CONFIRMED = gated(re.compile(
    r"\b(?:works|working|worked) (?:now|again|fine now|for (?:everyone|everybody|us|me|all))|\b(?:it's|it is|"
    r"that's|that is|all|everything(?:'s| is)?) (?:fixed|resolved|sorted|back (?:up|to normal))|\bthat (?:did|"
    r"fixed) (?:it|the trick)|\bproblem solved\b|\bit works\b|\bhow (?:fast|quickly|promptly) (?:you|your \w+) "
    r"(?:sorted|fixed|resolved|handled|turned|refunded|got)|\bthat was (?:fast|quick)\b"
    r"|恢复正常|正常了|(?:一切|都)正常|能(?:用|播放|登录|登|打开|导出|同步|收到|看到)了|修好了|解决了|搞定了|"
    r"(?:^|(?<=[，,！!\s]))(?:好了|可以了)(?=[，,！!。~～\s]|$)", re.I))


def last_complaint(scored: Sequence[tuple[str, float]], strong: float = STRONG) -> int:
    """The index of the customer's last sentence scored at or below -`strong`; -1 if none."""
    return max((i for i, (_, score) in enumerate(scored) if score <= -strong), default=-1)


def settle_resolved(label: SentimentLabel, scored: list[tuple[str, float]], channel: str,
                    strong: float = STRONG) -> SentimentLabel:
    """`positive` for a `mixed` or `neutral` support ticket in which the customer, after the last
    complaint, confirms a fix and ends in clear praise: the problem was reported and resolved
    ("Really appreciate how fast your team moved", evals/GUIDE.md "Sentiment"); otherwise
    `label`. `scored` holds the customer's (sentence, score) pairs in text order."""
    if label not in ("mixed", "neutral") or channel not in RESOLUTION_CHANNELS:
        return label
    after = scored[last_complaint(scored, strong) + 1 :]
    clear = [s for _, s in after if abs(s) >= strong]
    confirmed = any(FIX_CONFIRMED.search(text) for text, _ in after)
    return "positive" if confirmed and clear and clear[-1] > 0 else label


def customer_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """The customer's sentences, or everything not said by the rep side when roles are unknown;
    never quoted mail. Empty when only the rep side speaks."""
    current = [s for s in sentences if not s.quoted]
    customer = [s for s in current if s.role == "customer"]
    if customer:
        return customer
    return [s for s in current if s.role not in ("rep", "agent")]
