"""Pain points: the cue words of a problem, and the phrase of a sentence that states it.

A pain point is labelled the way a person would list it — a short phrase close to the text
("登录不了系统", "scheduled reports stopped sending"), one per problem — so a sentence is cut into
its clauses (at commas, "but", "因为", …) and only the clauses that state a problem are kept:
"嗯，我们现在用的是纷享销客，用了三年了，但是那个报表真的很难用，每次月底对数都要加班" gives "报表真的很难用" and
"每次月底对数都要加班". An English sentence is cut only where two or more clauses of four words or
more each state a problem; one problem keeps its sentence ("our reps found the Gmail add-on slow
to load"), since short English clauses ("its a mess") lose their subject. Not pains: a threat
clause ("否则我们会很麻烦", "if this isn't fixed by Friday we'll cancel") and the asking clause of a
question ("专业版的限额是多少？"); a problem told before the question still is one
("导出报表的时候中文文件名是乱码，怎么解决？"). Problems told as plain facts are `pain_facts.py`'s
cues; clauses with a cue that are still no pain (praise, an elaboration, a bare recurrence count,
the vendor's diagnosis, one's own next step) are `pain_clauses.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.rules.cues import register_pattern
from extractors.rules.folding import fold, gated
from extractors.rules.pain_clauses import (
    ADMISSION,
    BARE_RECURRENCE,
    CONSEQUENCE,
    DECLINED,
    DEMAND_ABOUT,
    DIAGNOSIS,
    ELABORATION,
    FOLLOW_ON,
    IMPROVED,
    LABEL,
    MAX_LABEL_CHARS,
    METADATA,
    NOTICE,
    OWN_ACTION,
    POLICY,
    POLICY_BOUND,
    RESOLVED_PAST,
    UNACCEPTABLE,
)
from extractors.rules.pain_facts import FACT_EN, FACT_ZH
from extractors.rules.sentences import Sentence

# Cue phrases of a problem the customer has. English: effort and delay ("takes my ops guy two
# days", "leads sit there for days"), defects ("stopped sending", "keeps timing out", "isn't
# syncing", "does nothing"), neglect ("nobody has replied"), billing errors ("charged for 45
# seats"). Chinese: the same, and verbs with a negative potential complement (收不到, 登不上,
# 打不开, 同步不了) — 麻烦 only as "troublesome" (很麻烦), never the "麻烦您…" of a request.
_COMPLAINTS = (
    r"\b(takes? (?:us )?(?:hours|days|forever|ages|too long)|(?:takes?|took|taking) (?:[\w']+,? ){0,4}?"
    r"(?:hours|days|weeks|a (?:day|week|month))|spen[dt](?:s|ing)?\W+(?:[\w']+\W+){0,4}?"
    r"(?:hours|days|half (?:a|the|our))|sit(?:s|ting)? (?:there )?for (?:hours|days|weeks)|"
    r"manual(?:ly)?|by hand|copy(?:ing)? and past|struggl(?:e|es|ing)|pain(?:ful)?|frustrat\w*|"
    r"headache|nightmare|tedious|time[- ]consuming|error[- ]prone|mistakes?|slow|lag\w*|crash\w*|"
    r"(?:keeps?|kept) (?:failing|crashing|breaking|timing out|dropping|freezing|logging (?:us|me) "
    r"out)|doesn'?t (?:work|sync|scale|integrate|load|open|save|respond|do anything)|"
    r"does nothing|stopped (?:working|sending|syncing|loading|showing|updating|responding)|"
    r"tim(?:es|ed|ing) out|(?:isn'?t|aren'?t|wasn'?t|weren'?t|hasn'?t|haven'?t|still not|not) "
    r"(?:been )?(?:syncing|synced|loading|loaded|migrated|fixed|resolved|arrived|showing up)|"
    r"won'?t (?:load|open|sync|save|connect)|locked out|outages?|blank (?:screen|page)|"
    r"error messages?|errors|rate[- ]limit\w*|duplicat\w*|dropp(?:ed|ing) (?:\w+ )?(?:meetings|"
    r"calls|leads|messages|emails|contacts|events)|a mess|messy|disaster|unusable|unreliable|"
    r"flaky|(?<!not )(?<!n't )stuck|froze(?! (?:all |the |our )?(?:new )?(?:software )?(?:spend|budget|hiring|"
    r"headcount|purchas))|freez(?:es|ing)|wrong|incorrect|inaccurate|(?:don'?t|doesn'?t|didn'?t|never) "
    r"(?:match|add up)|out of sync|(?:nobody|no one|no-one)(?: \w+){0,3}?(?: has| had|'s)? (?:replied|responded|"
    r"answered|got back|gotten back|told|called|followed up|picked up|fixed)|no (?:reply|response|"
    r"answer|callback)|haven'?t heard back|(?:sends?|sent|fires?|fired|runs?|ran|created|imported|shows?|showed) (?:\w+ ){0,4}?twice|hitting (?:\w+ )?(?:limits?|caps?|errors?|[45]\d\ds)|(?:none|nothing) (?:of (?:\w+ ){0,4}?)?(?:is|are|was|were) (?:syncing|working|loading|showing up|coming through|arriving)|(?:double|over)[- ]?(?:charged|billed)|"
    r"(?:charged|billed) (?:us )?(?:twice|double|for \w+ (?:seats|users|licen[cs]es) but)|"
    r"not working|broken(?! out| down)|fails?|failing|failed|bug(?:s|gy)?(?! reports?\b| track)|outage|downtime|lose|losing|lost|miss(?:ed|ing)? "
    r"(?:leads|deals|follow-?ups|tickets|calls)|no visibility|hard to|difficult to|(?:can't|cant|cannot) "
    r"(?:see|find|track|get|export|log ?in(?:to)?)|unable to|double entry|scattered|silo\w*|out of date|"
    r"complain\w*|churn\w*|fall(?:s|ing)? through the cracks|(?:forget|forgets|forgot) to (?:log|"
    r"update|follow|call|enter)|(?:don'?t|doesn'?t|never) (?:log|update|follow up)|no (?:idea|way to "
    r"(?:see|know|track|tell))|can'?t (?:tell|trust|rely on)|too many (?:tools|clicks|steps|tabs|"
    r"systems)|clunky|cumbersome|confus(?:ed|ing)|(?:too|way too|overly) (?:complicated|complex)|"
    r"wast(?:e|es|ed|ing) (?:of )?(?:time|hours|a day|days)|backlog|swamped|overwhelmed|drowning|"
    r"no single (?:view|source)|(?:separate|different|disconnected) (?:tools|systems)|guesswork|"
    r"fiction|not (?:accurate|reliable|up to date)|double[- ]book\w*|delayed|"
    # a problem told as a plain fact: things vanish, bounce back, never arrive, stop being used
    r"vanish\w*|disappear\w*|(?:is|are|was|were|went|go|goes|gone|still|been) missing|"
    r"missing from|bounc(?:e|es|ed|ing) (?:\w+ )?back|kick(?:s|ed|ing)? (?:\w+ )?out|"
    r"log(?:s|ged|ging)? (?:me|us|him|her|them|everyone|people|users) out|gr[ae]yed[- ]out|"
    r"never (?:sync|load|arriv|show|work|sav|updat|open|came|come|got|get|heard|receiv|went|"
    r"go(?:es)? through)\w*|(?:didn't|didnt|did not|doesn't|doesnt|does not|do not|won't|wont|"
    r"will not|isn't|isnt|is not|aren't|arent|are not|wasn't|wasnt|was not) (?:come (?:over|through|across)|show(?:ing)? up|"
    r"go(?:ing)? through|get(?:ting)? through|carry over|transfer|import|arrive|sync|load|work|"
    r"save|open|connect|print|play)|stopped (?:using|trusting|bothering|relying|opening|"
    r"checking|logging|reading|looking)|still (?:showing|shows|seeing|getting|broken|down|"
    r"happening|stuck|pending|charging|missing)|stale|outdated|"
    r"twice(?! (?:a|an|per|each|as|the|what|that|how|weekly|monthly|daily)\b)|(?:invoiced|billed|charged) "
    r"(?:us |me )?for|no (?:way|field|option|setting|button|place|column|filter) (?:to|for)|"
    r"rejected|(?:been|kept|keep|keeps|still) waiting(?! (?:on|for) (?:my|our) )|ridiculous|unacceptable|annoying|terrible|"
    r"awful|horrible|useless|embarrass\w*|robotic|(?:only|maybe|barely|like) (?:\w+|\d+) ?"
    r"(?:percent|%) accura\w+|(?:live|lives|living|tracked|tracking|track|kept|keep|keeps|"
    r"managed|manage|maintain\w*|run|runs|done) (?:\w+ ){0,3}?in (?:a |an |our |one |shared |"
    r"google )*(?:spreadsheets?|excel|sheets)|impossible to|getting worse|worse and worse|fed up|"
    r"sick of|tired of|without (?:fixing|resolving|solving|answering|replying)|(?:big|huge|major) "
    r"gap|from memory|happened again|"
    # everyday ways of saying something is wrong: "we're having issues with the sync", "the portal
    # is down", "still no word", "I had to call three times"
    r"(?:having|had|have|has|running into|ran into|seeing|facing|experiencing|hit|hitting) "
    r"(?:\w+ ){0,2}?(?:issues?|problems?|trouble|difficult(?:y|ies))|(?<!no )(?<!any )"
    r"(?:issues?|problems?|trouble) (?:with|since|logging|getting|accessing)|"
    r"(?:is|are|was|were|went|goes|been) down(?! (?:that|this|the|a) (?:road|path|route)| (?:well|"
    r"to|by|from)\b)|not able to|(?:can't|cant|cannot|couldn't|couldnt) (?:access|"
    r"open|load|save|upload|download|print|connect|sync|edit|change|update|delete|import|sign "
    r"in|reach)|still (?:no|not(?! sure| decided| convinced)|hasn'?t|haven'?t|isn'?t|aren'?t|doesn'?t|don'?t|can'?t|cannot|"
    r"nothing)|disappoint\w*|unhappy|upset|angry|furious|too (?:slow|buggy)|keeps? (?:happening|"
    r"coming back|getting|showing|losing|missing|having to)|had to (?:manually|re-?enter|redo|"
    r"call|chase|escalate|wait|restart|reboot|reinstall)|on hold for (?:\w+ )?(?:minutes|hours|"
    r"an hour|ages|forever)|(?:haven'?t|hasn'?t|"
    r"didn'?t|never) (?:received|gotten|got)|glitch\w*|unresponsive|same thing (?:happened|again)|have to (?:manually|re-?enter|"
    r"re-?type|copy|export|redo)|every time (?:we|i) have to|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:this|it|that|we|i|the|our|in|now)\b|"
    r"(?:customers|clients|users|people|agents|reps|everyone|patients|drivers) (?:are |were )?"
    r"(?:still |just |left )?(?:waiting|sitting idle)|(?:went|gone|going|go) back to (?:using )?"
    r"(?:excel|spreadsheets?|paper|email|pen|the old)|"
    r"(?:none|nothing|no one|nobody) of (?:\w+ ){0,3}?(?:came|come) "
    r"(?:over|through|across)|(?:none|nothing) of (?:\w+ ){0,3}?(?:arrived|showed up|made it))\b"
    r"|(?:很|太|挺|比较|特别|非常|好|真|蛮|更|会)麻烦|麻烦死|太慢|很慢|慢得|耗时|费时|花了?(?:很多|好几|大量)|"
    r"好几个小时|手工|手动|人工录入|重复录入|出错|报错|错误|崩溃|卡顿|宕机|故障|无法|不能|用不了|丢失|漏掉|"
    r"遗漏|看不到|找不到|难以|很难|困难|头疼|痛点|效率低|效率很低|不方便|不稳定|混乱|分散|投诉|流失|加班|"
    r"手写|漏记|闪退|卡死|白屏|对不上|响应(?:也|很|太)?慢|(?:收|同步|连|打|登|接|搜|查|识别|加载|刷)不到|"
    r"(?:登|登录|连|打|进|点|同步|上传|下载|导|导入|导出|发|存|保存|加载|打印|播放|用|开|刷|识别|改|修改|删|删除|编辑|提交|取消|注销|退|设置|加|关)不(?:了|上|开|进去|出来?|动)|"
    r"(?:联系|打)不(?:上|通)|做不了|没法|没办法用|要等(?:半|好|很|几|一)|等了(?:半天|好久|很久)|不(?:太|够)准|卡在|卡住|卡了|一直卡|乱码|丢了|不见了|没了|不准|不一致|有误|算错|(?:写|讲|说|标)得(?:太|很|也|都)?不(?:太)?清楚|看不懂|"
    r"不知道什么意思|还没(?:有)?(?:收到|到账|同步|解决|处理|修好|回复|发货|开通|退款|通)|一直(?:显示|提示|处于)?未|一直没(?:有)?(?:收到|"
    r"回复|解决|处理|人|反应|同步|更新|到账)|迟迟|催了|没人(?:理|管|回|处理|跟进)|不回复|没回复|没有回复|没反应|没响应|扣了两次|"
    r"重复扣|多扣|扣错|多收|失败|一直报|报[45]\d\d|异常|延迟|掉线|断线|崩了|挂了(?!电话)|死机|老是(?:忘|出|卡|掉|断|"
    r"崩|报|丢|漏|错)|总是(?:忘|出错|卡|掉|断)|不好用|难用|体验(?:很|太|不太|非常)?(?:差|不好)|很差|太差|"
    r"太复杂|很复杂|繁琐|不会用|不及时|不同步|信息不通|(?:全|都|只能)靠|容易漏|经常漏|经常忘|老忘|浪费(?:时间|人力)|"
    r"统计不了|看不全|不准确|拖了|等了很久|半天没|"
    # 中文的平铺直叙：超时、影响到业务、至今没到、用了三天就坏、一直占线、少了一大半、各记各的
    r"超时(?!自动|提醒|升级)|(?<!不)影响(?:了|到)?(?!不大|很小)|(?:到现在|至今|现在都|到今天)(?:都|也|还|仍)?(?:没|未|不)|"
    r"还没(?:有)?(?:退|到|恢复|好)|(?:还是|很|有点|太|特别|非常|比较|经常|一直)卡(?![号片券])|"
    r"(?:天|周|次|个月|下)就(?:不[\u4e00-\u9fff]{1,3}了|坏)|坏了|坏掉|占线|转圈|"
    r"(?:还|仍|仍然|依然|一直)在(?:扣|收费|自动续费)|少了(?:一大半|一半|很多|好多|不少|一些|\d)|"
    r"(?<![再来])重复(?!一下|一遍|购买)|(?:抢|拿|约|等|联系|买|领|提|做|达|推送|发送|送|传)不到|各[\u4e00-\u9fff]各的|"
    r"折腾|(?:花了|要花|得花|花费|花掉|弄了|要弄|得弄|搞了|要搞|得搞|耗了|耗费)[\u4e00-\u9fff]{0,6}?[一二两三四五六七八九十几半\d]+个?多?(?:天|小时|星期|礼拜|周|个月)|"
    r"死板|太烂|很烂|不灵活|只能(?:一|手动|手工|人工)|一条一条|一个一个|一个个|一条条|挨个|干等|白等|等半天|"
    r"(?:一点|没有|没|毫无)(?:消息|动静|音讯|回音)|(?<!\d)0 ?kb|带走|"
    r"(?:文档|说明|手册)(?:上|里)?(?:也|都)?(?:没说|没写|没提|没有说|没有写|没有提)|"
    r"(?:识别|效果|体验|质量|速度|性能|稳定性|功能|信号)(?:也|还|都|很|太|根本|基本)?不行|"
    r"(?:第[二三四五六七八九十几]|第\d+)次(?:了|出现|发生|出问题|故障|宕机)|回去用|又用回|重新用回|"
    r"(?:基本|根本|完全)没有(?!问题|影响)|(?:完全|根本|互相|两边)不通|根本(?:不|没)|尴尬|"
    r"出问题|出了问题|出现问题|出现了问题|经常有问题|一直有问题|老是有问题|总是有问题|还是有问题|又有问题|问题很多|"
    r"问题太多|问题特别多|问题很严重|问题严重|(?<!没)毛病|"
    r"(?<=[\u4e00-\u9fff])bug|不好使|失灵|不管用|不起作用|没效果|没作用|没收到|没有收到|"
    r"(?:有点|比较|特别|非常|超级)慢|(?:数据|数字|金额|结果|数量|余额)(?:也|都|完全)?不对|[发填扣录开写记配打]错|"
    r"被(?:打回|退回|拒)|封号|被封|(?<!预算)冻结|丢(?:单|客户|数据|订单)|乱收费|乱扣|一直不(?:回|到|行|好|通|显示|更新|同步)|"
    r"(?:也|又|还|每次都|总)是这样|每次都(?:得|要)|每次还得|还得(?:手动|自己|再)|有意见|意见(?:很|挺|特别|非常)?大|"
    r"一塌糊涂|三天两头|问题一大堆|一大堆问题|越来越(?:慢|差|卡|难用|乱|多)|结果[\u4e00-\u9fff]{0,6}没|散在|抱怨|"
    # what follows "问题是" is the problem; a thing that got worse, takes many clicks, was reported
    # long ago, or must be told again: "问题是没有销售漏斗", "新版加载明显变慢", "点好几下才能签收",
    # "这个问题报了两个礼拜", "每次都要从头说一遍"
    r"(?<![没有])问题(?:就|在于|主要)?是(?=[\u4e00-\u9fffA-Za-z\d])(?!什么|不是|啥|哪|否)|(?:麻烦|头疼|头痛|要命)的是|"
    r"变(?:得)?(?:很|更|特别)?(?:慢|卡|差)|(?:很|太|非常|特别|比较|挺)被动|(?:还是|很|太|特别|比较|有点|挺)乱(?![码序])|"
    r"乱七八糟|(?:好几|[三四五六七八九十]+)(?:下|步|次|遍)才(?:能|可以|行)|"
    r"(?:报|提|反映|反馈)了(?:[\d两三四五六七八九十]+|好几|半)个?多?(?:天|周|礼拜|星期|月)|从头(?:再)?(?:说|讲|解释)")
# problems told as plain facts (`pain_facts.py`); most characters begin none of the Chinese ones
_FACTS = r"\b(?:" + FACT_EN + r")\b|" + gated(re.compile(FACT_ZH)).pattern
PAIN = fold(re.compile(_COMPLAINTS + "|" + _FACTS, re.I))  # every cue, for a piece of text
# each half has its own cue bit, so a sentence runs only the half its words could match
_HALVES = [(fold(re.compile(source, re.I)), register_pattern(rule, re.compile(source, re.I)))
           for rule, source in (("pain", _COMPLAINTS), ("pain_fact", _FACTS))]
PAIN_CUE = _HALVES[0][1] | _HALVES[1][1]

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
                      r"说实话|老实说|(?:最大的|主要的?)?问题(?:就|在于)?是|(?:麻烦|头疼|头痛|要命)的是|就是|(?:那个|这个)(?![月周季年星礼])|嗯+|呃+|主要问题是|问题是|另外|而且|还有|然后|但是|不过|可是|"
                      # an item of a list: "一是方言识别不行", "第二，导出经常超时"
                      r"[一二三四五]是|第[一二三四五](?=[，,、是])|首先|其次)"
                      r"[\s,，、…]*)+", re.I)
_FILLER = re.compile(r"^(?:(?:(?:um+|uh+|er+|so|well|like|honestly|basically|actually|look|yeah|"
                     r"yes|ok(?:ay)?|right|and|but)\b|嗯+|啊+|那个(?![月周季年星礼])|就是|其实|然后|所以|对|哦|呃|额)"
                     r"[\s,，、.。…]*)+", re.I)
# a threat or condition: "otherwise we'll cancel", "if this isn't fixed by Friday we'll…",
# "再不解决我们就投诉", "否则我们会很麻烦"
_THREAT = re.compile(r"^\s*(?:if|unless|otherwise|or else)\b|\b(?:otherwise|or else|or we'?ll)\b|"
                     r"\b(?:i|we)'?d rather\b|(?:这个|再|还)?不(?:解决|修好|处理)(?:的话)?(?=[\u4e00-\u9fff])|"
                     r"要被[\u4e00-\u9fff]{0,8}罚|"
                     r"\bif (?:you|we|they) (?:could|can|would)\b|"
                     r"否则|不然|要不然|再这样|再不|如果|要是", re.I)
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
# a commitment that names a problem is no pain: "I'll send you the crash logs", "our legal team
# will look into the duplicate records", "let me open a ticket for the export bug"
_COMMITMENT = re.compile(
    r"\b(?!nobody|none|nothing)\w+(?:'ll| will| can| could| am going to|'m going to| are going to)"
    r"(?: also)? (?:look into|open|send|email|get|refund|fix|check|share|forward|circle back|"
    r"follow up|file|raise|escalate|investigate|review|reset|pull|grab|record|dig into)\b|"
    r"\b(?:let me|happy to|like us to) (?:look|check|dig|send|get|pull|grab|open|file|refund)\b|"
    r"\baction item\b|"
    r"\b\w+ to (?:look into|open a ticket|send|refund|file|escalate|investigate)\b(?=.*\b(?:by|before|"
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
_SUBJECTLESS = re.compile(r"^(?:每个都|到现在|到今天|至今|现在(?:都|还)|得|还得|一直|经常|总是|老是|又|还是|也|都|最近|每次|根本|完全|基本|无法|不能|没法|常常|平均|至少|起码|"
                          r"时不时|动不动)")
# "问题就是导购一走": a clause that only names what the problem is about
_SHORT_PROBLEM = re.compile(r"问题(?:就|在于)?是[\u4e00-\u9fff]{1,4}$")
# an English clause cut at "which" tells what the problem before it costs: one pain with it
_WHICH = re.compile(r"\swhich\s$", re.I)
MAX_TOPIC_CHARS = 12  # a longer clause before is a statement of its own, not the subject
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
_BILLING_ERROR = re.compile(r"\b(?:charged|billed|invoiced|refund)|扣|多收|退款|发票|manual|by hand|"
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
# "Subject: …" / "主题：…": a ticket's or email's title restates the body's problem
_SUBJECT_LINE = re.compile(r"(?:^|\n)[ \t]*(?:subject|re|fwd?|title|ticket|case|issue type|category|"
                           r"主题|标题|主旨|问题类型|问题分类)[ \t]*[:：][ \t]*$",
                           re.I)
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


def is_subject_line(text: str, start: int) -> bool:
    """Whether the sentence at `start` is a "Subject:" / "主题：" line: a title restates the
    problem its body tells, so it is not a second pain point."""
    line_start = text.rfind("\n", 0, start) + 1
    return _SUBJECT_LINE.search(text, max(0, line_start - 1), start) is not None


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
                or DEMAND_ABOUT.search(part))


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
    return [m.start() for pattern, bit in _HALVES if sentence.cues & bit
            for m in pattern.finditer(sentence.text)]


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
            english and IMPROVED.search(text):
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
            elif not english and _REACTION.search(part):
                if before is None or last_index in (index - 1, index - 2) or \
                        not _is_plain_fact(_clause(text, before[0], before[1]), before[2]):
                    refused = True  # a reaction alone ("大家意见挺大的") or to a pain already kept
                    # (its fact may be what that pain does: "定位老是不准，经常偏几百米，大家意见很大")
                    continue
                pains.append(_clause(text, before[0], end))
                last_start = before[0]
            elif not english and before and last_index != index - 1 and _SUBJECTLESS.match(part) \
                    and 2 <= len(topic := _clause(text, before[0], before[1])) <= MAX_TOPIC_CHARS \
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
    if len(pains) == 1 and (english or len(pains[0]) >= len(whole) - 2):
        # a Chinese sentence kept whole loses its lead-in too: "但是权限那块还是乱", "三是新店账号还没开通"
        return [whole if english else _LEAD_IN.sub("", whole) or whole]
    return pains[:MAX_PAINS_PER_SENTENCE]
