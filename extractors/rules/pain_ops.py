"""Operational problems told as plain facts: the cue phrases of how an operation went wrong.

A customer reporting on service rarely says "problem": they give the numbers and the state of
things ("19 of them are outside tolerance", "the CoA arrived nine days after the drums", "AHT was
7:42 against a contracted 6:00", "结算单上只有41条，少了16条", "取镜等了三周，说好的七天"). These
cues name the shapes such reports take, in general form: a count or time past what was agreed or
expected, goods held or rejected, a delay counted in days, a charge or cost that lands on the
customer, work done on paper or by hand, what nobody answered, and what broke or went missing.
`pain_facts.py` holds the older plain-fact cues; each alternative here holds a literal word, so
the cue automaton (`cues.py`) still gates it.
"""

from __future__ import annotations

import re

from extractors.rules.branches import Branches, _alternatives
from extractors.rules.folding import fold, gated

_NUMBER = (r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"fifteen|twenty|thirty|forty|fifty|several|a few|a couple of)")
_SPAN = r"(?:business |working |full |whole |more )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last \w+|the \d+\w*)"

# English; lowercase (the pattern is folded) and enclosed in word boundaries by pains.PAIN
OPS_EN = (
    # past a limit, a promise or an estimate: "outside tolerance", "7:42 against a contracted 6:00",
    # "9-10 days instead of 5", "18 percent over your own estimate", "went over the 15-day turnaround"
    r"(?:outside|out of|beyond) (?:\w+ )?(?:tolerance|spec|specification|range|limits?)|"
    r"(?:above|below|over|under) (?:the |our |your )?(?:own )?(?:spec|specification|limit|"
    r"tolerance|estimate|quote|budget|target|sla|threshold|plot data|contracted|agreed|promised)|"
    r"against (?:a |an |the |our |your )?(?:contracted|agreed|promised|target|sla|quoted|limit|"
    r"spec|committed)|instead of (?:the )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)|"
    r"(?:percent|%) (?:over|above|higher than|more than) (?:the |our |your )|"
    r"(?:went|go|goes|ran|run|runs|came in) (?:\w+ )?over (?:the |our |your )?(?:\w+[- ]){0,3}?"
    r"(?:turnaround|estimate|quote|budget|deadline|limit|contracted|agreed)|overr(?:an|unning)|"
    r"(?:was|were) promised|(?:missed|miss|misses|missing) (?:the |our |a |its )?(?:\w+ )?(?:cut-?off|"
    r"deadline|window|slot|pickup|appointment|sla|target|modifier)|"
    # a delay counted: "arrived nine days after the drums", "eleven days late", "three hours after
    # our staff arrived", "six hours to arrive"
    rf"{_NUMBER} {_SPAN} (?:late|later than|after (?:the|our|we|my|it|they|i)|overdue|past (?:the|our)|behind)|"
    r"(?:arriv\w*|deliver\w*|came|landed|reached \w+) (?:\w+ ){0,3}?after (?:our|your|the|my) (?:[\w-]+ )?"
    r"(?:window|cut-?off|deadline|slot|batch|staff)|"
    r"waited (?:for )?(?:over |almost |nearly |about |more than )?(?:an hour|\d+\+?|forty|thirty|twenty)|"
    r"(?:was|were|got|been|be) cancell?ed|(?:auto-?reply|automated (?:message|response|reply|email))|"
    r"(?:not|wasn'?t|weren'?t|never) (?:been )?picked up|only shows|pointless|"
    r"un(?:translated|answered|paid|billed|staffed|signed|resolved)|(?<!i'm )(?<!i am )(?<!be )unavailable|"
    r"(?:go|goes|went|drop|drops|dropped|dropping) (?:offline|flat)|(?:aren'?t|isn'?t|not) holding|"
    # who feels it: "parents are messaging us asking if camp is full", "people calling the branches"
    r"(?:parents|customers|patrons|visitors|fans|guests|members|tenants|residents|people|clients|"
    r"users|patients|drivers|riders|students|families) (?:are |were |have been |keep |kept |started |"
    r"now |already |still )*(?:calling|emailing|messaging|asking (?:if|whether|why|when|where)|contacting|ringing|phoning|chasing|"
    r"queu(?:e|ing)|turned away)|(?:started|start|begun|are|were|keep) ignoring|"
    r"(?:are|is|been|were) sitting (?:in|at) (?:the|our|a)|"
    r"(?:shipped|arrived|delivered|landed|landing|came|turned up|showed up|paid|posted|sent|"
    r"reached (?:\w+ ){0,2}?) late\b|late (?:deliver\w*|shipments?|payments?|"
    r"arrivals?|on \d+)|(?:not|wasn'?t|weren'?t) (?:\w+ )?until (?:the )?(?:afternoon|evening|"
    r"after|next|monday|tuesday|wednesday|thursday|friday)|"
    # goods and money held up: "they're on hold in our warehouse", "payout still on hold", "the
    # cases are in quarantine", "listing under review since Tuesday", "showing 0 since the 21st"
    r"(?<!project )(?<!projects )(?<!rollout )(?<!decision )(?<!plan )(?<!plans )(?<!purchase )"
    r"(?:is|are|was|were|been|still|stay|stays|remains?|sitting|sits|'re|'s) (?:\w+ ){0,2}?on hold"
    r"(?! for now| until (?:budgets?|next|the new))|(?:is|are|was|were|still|been|being) held "
    r"(?:at|in|by)|held up|quarantin\w*|"
    rf"(?:under review|pending|untouched|has said|have said|has shown|been showing) "
    rf"(?:[\w\"']+ ){{0,3}}?(?:since|for) (?:{_WEEKDAY}|{_NUMBER} {_SPAN})|"
    # what lands on the customer: "a charge on our corporate card", "you charged me a $10 late fee",
    # "costs us roughly £3,000", "we're paying demurrage", "two grand a month we didn't budget for"
    r"(?:a |the )?charge (?:on|of|for) (?:my|our|the|\$|£|€|\d)|charged (?:me|us) (?:a|an|the|\$|£|€|"
    r"\d)|charges? (?:us |me )?(?:the |a )?(?:\w+[- ]){0,3}?(?:rate|fee)\b|"
    r"costs? (?:us|me) (?:about |around |roughly |nearly |over )?(?:\$|£|€|\d)|"
    r"(?:we'?re|we are|i'?m|i am) (?:now )?paying (?:for )?(?:\w+ )?(?:demurrage|storage|overtime|"
    r"both|two|for \w+ seats|\d)|didn'?t budget|unbudgeted|out of pocket|is now extra|now extra|"
    # the manual way: "techs call patients from printed lists", "back to writing notes on paper",
    # "applications come in by email as PDFs", "typed in every Monday", "double-typing"
    r"(?<!it )(?<!that )(?<!this )on paper|paper (?:roll|logs?|sheets?|sign-?out|tags?|hang tags|copies|lists?|records?)|"
    r"printed (?:lists?|sheets?|spreadsheets?)|(?:come|comes|came|arrive|arrives) (?:in )?(?:by email )?"
    r"as pdfs?|typed (?:in|up|into)|double-?typ\w*|shared inbox|(?:exports?|rebuilds?|copies|"
    r"re-?enters?|compiles?) (?:\w+ ){1,5}?every (?:day|week|month|morning|monday|tuesday|"
    r"wednesday|thursday|friday)|back to (?:writing|using|the) (?:\w+ )?(?:paper|pen|clipboards?|"
    r"whiteboards?|notebooks?|excel)|"
    # things gone wrong with goods and places: "the tiles have cracked", "one diamond was loose",
    # "water pooling under the unit", "black mould", "the coverage is still dead"
    r"(?:have|has|had) cracked|(?:was|were|is|are|came|come) (?:\w+ )?loose|pooling|(?:mould|mold)\b|"
    r"(?<!no )leak(?:s|ed|ing)\b|blisters?|(?:is|are|still) (?:\w+ )?dead\b|patchy|spotty|intermittent\w*|"
    r"false (?:alarms?|positives?|dispatch\w*)|no (?:heat|heating|hot water|power|signal|coverage|"
    r"internet|wifi|desks?|record|explanation|breakdown|root cause|fix date|timeline|notice|warning)\b|"
    # what it did to the business: "three customers cancelled", "issued chargebacks", "got a
    # ticket", "two takedown notices", "loading crews idled", "the stockpile is at capacity"
    r"(?:customers|clients|guests|members|patients|users|buyers|accounts) (?:have |had )?"
    r"(?:cancel\w*|left|walked|churned)|chargebacks?|takedown|idled|at capacity|"
    r"(?:got|received|issued) (?:a |two |three )?(?:\w+ )?(?:tickets?|fines?|penalt\w+|warnings?|"
    r"notices?)|flagged us|"
    r"(?:had|have|has) to (?:write|submit|file|pay|buy|borrow|drive|rebuild|re-?run|redo|return|"
    r"throw)|"
    # what a product lacks: "doesn't list lot numbers", "can't handle split shifts", "can't filter
    # by region" (a person's inability to take part is none: "I can't make Thursday")
    r"(?:doesn'?t|does not|don'?t|do not|can'?t|cannot|won'?t) (?:list|handle|filter|flag|include|"
    r"allow|capture|store|track|escalate|swap|merge|release|mix|publish|port|recogni[sz]e|"
    r"calculate|display|pick up|keep up|match|reconcile|get)\b"
)
# Chinese
OPS_ZH = (
    # short of or past what was agreed: "少了16条", "差了将近三成", "超出报价15%", "晚了三天",
    # "比合同约定的五个工作日慢了很多", "与合同约定的3.8%不符", "低于产线要求的50分钟"
    r"少了[\d一二两三四五六七八九十几百]|(?:跟|和|与)[^，,。；]{0,16}?(?:差了|差个|差将近|差近|差快)(?:个|将近|近|快)?[\d一二两三四五六七八九十几百]|"
    r"(?:与|和|跟)[\u4e00-\u9fff\w.%]{0,12}?不(?:符|一致|统一)|(?<!不)不符|"
    r"(?:晚|迟|慢)了(?:快|近|将近)?[\d一二两三四五六七八九十几半]+(?:个)?(?:天|小时|分钟|周|个?月|倍|成)|"
    r"慢了很多|迟到|推迟|拖到|被拖住|(?<!不)超时|超温|超标|"
    r"(?:掉|跌)到[\d一二两三四五六七八九十]|"
    r"(?:只有|仅有|只到了?|仅到了?)(?:一半|[\d一二两三四五六七八九十几]+(?:条|单|个|件|台|张|%|成|分))|"
    r"才(?:送达|到(?!期)|通知|回|回复|有人|送到|发货|到货)|"
    # nobody answered, nothing arrived: "一周了也没人联系我", "均未得到明确答复", "未开通", "冇人覆"
    r"(?:没人|没有人)(?:联系|理|回|覆|管|处理|上门|来|打开|用)|未(?:得到|收到|开通|到账|落实|处理|答复|回复)|"
    r"(?:没收到|没有收到|没到账|没有到账|没落实|没有落实|没核对|没有核对)|(?:还是|仍|仍然|还在|一直)(?:「|“|\")?处理中|"
    # broke, stopped, rejected: "专线中断", "产线停线半天", "停机", "拒收", "退单", "被买家退回"
    r"中断|停线|停产|停机|停场|停摆|拒收|[次被又]退单|被[\u4e00-\u9fff]{0,4}退回|隔离|(?:又|频繁|经常|一直|总是|老是|高压|低压|异常|误)报警|报警停机|异响|"
    r"漏油|裂了|是裂的|烂了|碎了|结块|发暗|发霉|头晕|"
    r"为空|不(?:制冷|制热|出热水|出水|响|亮|抬杆|进索引)|吸不牢|掉落|够不着|取消了|被取消|"
    r"(?<!要)(?<!会)(?:刻错|送错|发错|按错|写错|填错|算错|扣错)|"
    # the manual way: "记录都在纸本上", "人工汇总到Excel", "逐条人工核对", "找布基本靠记", "只能打电话"
    r"纸本|人工(?:核对|汇总|对|回|打电话|统计|登记|处理|录)|逐(?:条|单|张)|靠记|"
    r"只能(?:打电话|用个人|从|开|靠|找|借|等|导出)|(?:两|三|四)套(?:系统|账号|资料)|两份资料|散落|"
    # what it did to the business: "被街道通报", "客诉", "两个航班已经取消", "成本多出一千多"
    # waited, queued, called again: "带着老人小孩等了四十分钟", "高峰期排队5分钟以上", "打了三次电话"
    r"等了(?:快|近|将近|整整)?[\d一二两三四五六七八九十几半]+(?:个)?(?:分钟|小时|天|周|星期|礼拜|月)|"
    r"排队(?:超过|约|要|等)?[\d一二两三四五六七八九十几半]+多?个?(?:分钟|小时|天)|打了[\d一二两三四五六七八九十几]+(?:次|通|个)电话|"
    # missing, unsupported, wrong: "不支持单点登录", "证书缺少一栏", "度数不对", "无热水", "又看到两只蟑螂"
    r"(?<![领导老板们])不支持|不互通|不兼容|缺少|缺了|偏移|(?<=[数量价度号码型位寸])不对|"
    r"无(?:热水|电|水|网|信号|记录|人(?:处理|接|管|回))|(?:一直|都|全)是错的|蟑螂|老鼠|虫子|"
    # help that never came, a service that cannot keep up or be used: "事先一个电话都没有", "量大的时候
    # 回不过来", "修好了又不行", "复诊只能约到半个月后", "课时照扣", "老人家不会用"
    r"(?:电话|通知|短信|消息|回复|说法)都没(?:有)?|[回做忙处理弄]不过来|又不行|约到[\u4e00-\u9fff\d]{1,5}?(?:以)?后|"
    r"照(?:扣|收)|看不(?:明白|懂)|(?:不会|不懂)用|"
    r"被[\u4e00-\u9fff]{0,4}通报|客诉|(?:成本|费用|运费|钱)(?:多出|多了|补了)|多出[\d一二两三四五六七八九十几百千]|补了[\d一二两三四五六七八九十几百千]"
)

# each alternative a run of its own cue bits (`branches.py`), as `pains.py` does for its facts
OPS_BRANCHES = Branches("pain_ops", fold(re.compile(
    "|".join(rf"\b(?:{branch})\b" for branch in _alternatives(OPS_EN))
    + "|" + gated(re.compile(OPS_ZH)).pattern, re.I)))
