"""The English and Chinese patterns next_steps.py reads clauses with, and the action cleaner.

Kept apart from the logic so each pattern can be read (and tested) as a list of cases: who
commits (`EN_SELF`, `EN_TEAM`, `EN_NAMED`, `ZH_SELF`, `ZH_TEAM`), who is asked (`EN_REQUEST`,
`ZH_REQUEST`), what only offers (`EN_OFFER`, `ZH_OFFER`), and what disqualifies a sentence
(`CONDITIONAL`, `THREAT`, `FILLER`, `DONE`, `WISH`, `NEGATION`).
"""

from __future__ import annotations

import re

from extractors.rules.cues import CueSet
from extractors.rules.folding import fold, gated

EN_VERB_WORDS = (
    "send", "resend", "share", "email", "forward", "schedule", "set up", "setup", "book", "arrange",
    "organise", "organize", "call", "ring", "follow up", "follow-up", "get back", "circle back",
    "reach out", "ping", "loop in", "introduce", "connect", "check in", "confirm", "review",
    "look into", "investigate", "prepare", "put together", "draft", "write up", "provide",
    "deliver", "ship", "deploy", "release", "fix", "patch", "escalate", "update", "sign",
    "countersign", "approve", "finalise", "finalize", "run", "test", "evaluate", "install",
    "configure", "invite", "create", "submit", "pay", "process", "issue", "reissue", "refund",
    "contact", "talk", "discuss", "meet", "sync", "demo", "walk", "present", "reply", "respond",
    "revert", "come back", "decide", "get", "pull together", "hop on", "jump on", "reschedule",
    "move", "add", "enable", "open", "raise", "file", "return", "let you know", "let them know",
    "let the", "keep you posted", "clarify", "double-check", "restore", "include", "pass",
    "dig", "pause", "split", "extend", "credit", "join", "bring", "give", "do", "put", "draw up",
    "reach", "notify", "merge", "remove", "delete", "migrate", "import", "export", "train",
    "onboard", "activate", "unlock", "reset", "apply", "check", "try", "finish", "complete",
    "wrap up", "handle", "take care of", "sort out", "compile", "collect", "gather", "coordinate",
    "circulate", "distribute", "upload", "post", "publish", "inform", "chase",
    "remind", "host", "hold", "map", "build", "write", "prep", "provision", "grant",
    "assign", "touch base", "reconnect", "regroup", "dig out", "look at", "go over", "go through",
    "talk through", "start", "kick off", "set", "email over", "hand over", "think about",
    "whitelist", "allowlist", "sign off", "make sure", "have it to you", "have them to you",
    "have that to you", "have it over", "have them over",
    # what support and implementation ask and promise: "could you capture a SAML trace and attach
    # it", "I'll re-run the import", "can you switch on SSO"
    "capture", "attach", "fill out", "fill in", "re-send", "re-run", "rerun", "switch on",
    "switch off", "turn on", "turn off", "call back", "look over", "swap", "replace",
    "upgrade", "downgrade", "transfer", "record", "summarize", "summarise",
    "quote", "estimate", "outline", "document", "verify", "validate", "adjust",
    "amend", "edit", "correct", "revise", "redo", "rebuild", "reconfigure", "re-enable",
    "reinstall", "restart", "ask", "flag", "message", "push", "grab",
    # operations a vendor or an IT team runs: "we'll replay the failed events", "I'll roll back the change"
    "replay", "reprocess", "resync", "backfill", "roll back", "circle back",
    # ending what was set up: "please close out our trial account", "deactivate the old users"
    "close out", "deactivate",
    # what a customer's admin does to get access or stock: "I'll request it today", "order the licences"
    "request",
    # note-taking shorthand: "sched training for the 3 stores", "f/u with legal"
    "sched", "f/u",
    # field and back-office work promised in service and rollout talk: "Priya will load the title
    # records", "Tomasz will dial in to the tablets", "I'll mute the alerts for that site", "we'll
    # pick up the unit Tuesday", "the tech will inspect the unit", "we'll waive the fee"
    "load", "reload", "dial in", "mute", "unmute", "visit", "stop by", "come by", "swing by",
    "drop off", "pick up", "inspect", "repair", "service", "calibrate", "print", "reprint", "order",
    "reorder", "reserve", "line up", "waive", "invoice", "translate", "scope", "audit", "measure",
    "survey", "mount", "courier", "mail", "attend", "rebook", "reroute", "top up", "unblock",
    "back up", "certify",
    # a visit and its notice: "the tech will text you a window", "a technician will come out Thursday"
    "text", "come out", "drain")
# ("fill it in" and "DM us" are asked, so those two go in EN_REQUEST's own list)
# "let's talk numbers" opens a topic; with a date ("let's talk Friday") it is a plan
LOOSE_PROPOSALS = {"talk", "discuss", "start", "look at", "go over", "go through", "review",
                   "walk", "talk through", "think about", "check", "try", "do", "get", "move",
                   "regroup", "wrap up", "touch base", "reconnect", "kick off", "sync"}
_V = "|".join(sorted((re.escape(v) for v in EN_VERB_WORDS), key=len, reverse=True)) \
    + r"|have(?= (?:[\w'-]+ ){1,6}?(?:ready|configured|set up|done|finished|sorted|for you|to you|over to you))" \
    + r"|pull(?! out\b| back\b| the plug\b)"
# "I'll have a sandbox with your three depots configured by Wednesday", "I'll have two references
# for you by Monday": a delivery promised as a state; "I'll pull the numbers", not "pull out" (the
# conditions are lookarounds, so the cue words read off the verbs stay "have" and "pull")
_ADV = r"(?: (?:also|then|just|quickly|definitely|probably|first|go ahead and|try to|make sure to|" \
       r"personally|still|gladly|happily|now))*"
_MODAL = (r"(?:(?:'ll| will| shall| am going to| are going to| going to|'m going to|'re going to)"
          r"(?: need to| have to)?| need to| have to| plan to| promise to| commit to| aim to| intend to|"
          # "we're planning to sign by the 15th": an intention, a step once it names a date
          r"(?P<planning>(?:'re| are|'m| am) (?:planning|aiming|looking) to| expect to))")
_ROLES = (r"team|docs team|engineers?|engineering|support|legal|finance|procurement|cto|ceo|cfo|coo|"
          r"manager|lead|specialist|consultant|colleagues?|partner|department|dept|ops|csm|"
          r"architect|it|devs?|developers?|pm|boss|director|head of [a-z]+|admin|people|"
          r"accountant|accounts team|security team|rep|account manager|success manager|contractor|"
          r"technician|installer|inspector|"
          # field and service people: "the tech will text you a window", "our crew drains the pool"
          r"techs?|crew|adjusters?|couriers?|drivers?|dispatchers?|fitters?|surveyors?|electricians?|"
          r"plumbers?|movers?|agents?")
EN_SELF = fold(re.compile(  # ("what we get out of SFDC": a relative clause, no promise)
    rf"(?<!what )(?<!which )(?<!where )(?<!do )(?<!does )(?<!did )\b(?:(?P<subj>I|we)(?P<modal>{_MODAL})?|(?P<let>let me|let us|let's|lets)){_ADV}"
    rf" (?P<verb>{_V})\b(?!-)", re.I))
EN_REQUEST = fold(re.compile(
    # "could your team…", "can someone on your side…", "can u…": asks of the other side too
    rf"\b(?:(?:can|could|would|will) (?:you|u|(?:someone|somebody|anyone|one of you)(?: (?:senior|technical|"
    rf"else|qualified))?(?: (?:on|from|in|at) your (?:[\w-]+ ){{0,2}}?(?:side|end|team|{_ROLES}))?|your (?:[\w-]+ ){{0,2}}?(?:{_ROLES}))(?: please| kindly| also| maybe)?|"
    rf"please|pls|plz|kindly|"
    rf"you(?:'ll| will| should| need to| must)(?: have to| need to)?|(?:I|we)(?:'d| would) (?:like|need|want) you to|"
    rf"(?:I|we) need you to|(?:I|we) (?:kindly |respectfully |formally )?(?:request|ask) that (?:you|your [\w-]+|"
    rf"the [A-Z][\w-]+(?: [A-Z][\w-]+)?)|(?P<weak>(?:can|could|may) (?:we|I))(?: please)?|make sure (?:to|you))"
    # "could you let us know by Tuesday whether…": an answer asked for ("let me know if you have
    # questions" asks for nothing)
    rf"{_ADV} (?P<verb>{_V}|have|see|receive|fill|dm|let (?:us|me) know(?= (?:by [^,?]{{1,25}}? )?(?:whether|when|"
    rf"which|what|how|if (?!you |there |anything|that |this |it ))))\b", re.I))
EN_TEAM = fold(re.compile(
    rf"\b(?P<who>(?:our|my|your) (?:[\w-]+ ){{0,2}}?(?:{_ROLES})(?: [A-Z][a-z]+|, [A-Z][a-z]+(?: [A-Z][a-z]+)?,)?|"
    # a department named bare at a clause's start: "…, and engineering will send a root-cause report"
    rf"(?:(?<=^)|(?<=[,;:.!] )|(?<=\band ))(?:engineering|product|support|billing|finance|legal|dispatch|"
    rf"accounts|operations|ops|security|networking|the NOC|NOC|the (?:[\w-]+ )?team|"
    # the speaker's people by their job at a clause's start: "The tech will text you on Monday", "A
    # technician will inspect it Thursday", "Someone from billing will call you", "Peter's team will run…"
    rf"the (?:[\w-]+ ){{0,2}}?(?:{_ROLES})|"
    # ("A specialist will respond within 1 business day": an auto-reply's promise to anyone, no step)
    rf"(?:a|an|one of our) (?:[\w-]+ ){{0,2}}?(?:{_ROLES})(?! will (?:respond|reply|get back|be in touch|contact you shortly))|"
    rf"(?:someone|somebody) (?:from|in|on) (?:our |the )?(?:[\w-]+ ){{0,2}}?(?:{_ROLES}|billing|accounts|engineering|"
    rf"product|finance|legal|dispatch|operations|ops)|[A-Z][a-z]+['’]s (?:[\w-]+ )?(?:{_ROLES}))(?: team| desk)?)"
    rf"(?:'ll| will| is going to| are going to| can| to| should){_ADV} (?P<verb>{_V})\b", re.I))
# a person named beside their job: "our integrations lead, Bastien, will…", "ask my colleague, Ana
# Ruiz, to…": one clause, whatever its commas
APPOSED_NAME = re.compile(r"\b(?:[Oo]ur|[Mm]y|[Yy]our|[Tt]he) (?:[\w-]+ ){0,3}?[\w-]+(?P<open>, )[A-Z][a-z]+(?: [A-Z][a-z]+)?"
                          r"(?P<close>, )(?=(?:will|to|can|could|is going to|should|call|email|ring|contact|send|"
                          r"visit|check|fix)\b)")  # "I'll have the site manager, Janelle, call you back"
EN_DELEGATE = re.compile(
    rf"\b(?:(?:I|we)(?:'ll| will|(?P<offer> can| could))?|let me|let us){_ADV} (?:have|get|ask) (?P<who>(?:(?:one|some|a couple) of )?(?:our|my|the|your) "
    rf"(?:[\w-]+ ){{0,2}}?(?:{_ROLES}|AEs?|SEs?|CSMs?)(?: [A-Z][a-z]+|, [A-Z][a-z]+(?: [A-Z][a-z]+)?,)?|(?!(?:it|them|that|this|those|these|you|him|her|us|me|to)\b)[A-Z][a-z]+) (?:to )?"
    rf"(?P<verb>{_V}|(?<=to )[a-z]+)\b", re.I)  # ("have someone call", "get finance to", not "have it to")
EN_NAMED = gated(re.compile(
    rf"\b(?P<name>[A-Z][a-z]+|IT|QA|HR)(?: [A-Z][a-z]+| [A-Z]{{2,4}}\b)?(?P<where>(?: \([^()]{{2,40}}\))?(?: (?:from|at|in|on) (?:the |our |your |my )?[A-Za-z&]+"
    rf"(?: team| side| group)?)?(?:, (?:who|our|my|your|the) [^,]{{3,40}},)?)"
    rf"(?:'ll| will| to| is going to| agreed to| promised to| offered to| needs to|"
    rf" said (?:he|she|they)(?:'d| would| will)){_ADV} (?P<verb>{_V})\b"))
EN_OFFER = fold(re.compile(
    rf"\b(?:(?:want|would you like|shall|should) (?:me|us) to|(?:I|we) (?:can|could)(?: also)?|"
    rf"happy to|I'd be happy to|would it help if (?:I|we)|(?:I|we) (?:could|can) always)"
    rf"{_ADV} (?P<verb>{_V})", re.I))
# "This needs to be fixed before then.", "We need this sorted before March 31.": asks the other side
EN_FIX_NEEDED = fold(re.compile(
    r"\b(?:(?P<what>this|it|that|these|the issue|the problem)\s+(?:needs?|has|have)\s+to\s+be|"
    r"we need (?P<what2>this|it|that|these|them))\s+(?P<done>fixed|sorted(?: out)?|resolved|addressed)\b", re.I))
FIXED_VERB = {"fixed": "fix {}", "sorted": "sort {} out", "sorted out": "sort {} out", "resolved": "resolve {}",
              "addressed": "address {}"}
# "The fix is going out tonight", "the patch will be deployed Monday": the speaker's side ships it
EN_RELEASE = fold(re.compile(
    r"\b(?P<obj>(?:the|our|a) (?:fix|patch|hotfix|update|release|new (?:version|build)))\s+"
    r"(?P<how>is going out|goes out|will go out|is shipping|ships|will ship|will be (?:released|deployed|shipped|"
    r"live|out|rolled out)|is going live|goes live|will go live)\b", re.I))
RELEASE_VERB = {"released": "release", "deployed": "deploy", "rolled out": "roll out"}
# the vendor's people even when they are "yours": "your account manager will call you", "您的客户经理"
VENDOR_ROLES = gated(re.compile(r"account manager|success manager|\bcsm\b|客户经理|专属顾问|专属客服|"
                                r"客服经理|对接人", re.I))
# jobs only the vendor's people do for a customer: "Dana, who runs onboarding, will reach out"
VENDOR_JOBS = re.compile(r"onboarding|implementation|solutions? (?:engineer|consultant|architect)|"
                         r"customer success|account manage|success manage|\bcsm\b", re.I)
NOT_A_NAME = {"i", "we", "you", "they", "it", "this", "that", "he", "she", "let", "please",
              "then", "also", "who", "what", "which", "how", "where", "why", "someone", "somebody", "nobody", "everyone",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "today", "tomorrow", "and", "but",
              "so", "sure", "yes", "ok", "okay", "great", "thanks", "perfect", "just",
              "if", "when", "once", "otherwise", "there", "here", "nothing", "one", "happy",
              "glad", "able", "ready", "free", "hard", "easy", "nice", "good", "best", "time",
              "need", "want", "plan", "going", "hope", "remember", "try", "feel", "welcome",
              "important", "worth", "fine", "hi", "hey", "hello", "dear", "thank"}
# a team named like a person ("Legal will send the redlines", "IT will whitelist the domain"): the
# speaker's own team
TEAM_NAMES = {"legal", "finance", "procurement", "engineering", "support", "product", "it", "qa",
              "hr", "security", "ops", "devops", "billing", "accounting", "compliance", "sales"}
# habits and complaints, not plans: "财务每次都要手工再录一遍", "we always have to re-enter it"
HABITUAL = fold(re.compile(r"\b(?:every (?:time|\w*day|week|month|morning|quarter|year)|always|usually|"
                      r"normally|typically|generally|keep having to|"
                      # how it is done today, not a promise: "Right now we release it and create a new one"
                      r"(?:right now|currently|today|at the moment|these days|for now),? (?:we|I|they) (?!(?:'ll|will|"
                      r"can|could|need|must|should|have to|are going to)\b)[a-z]+s?)\b|"
                      r"每次|每天(?!的)|每周(?![一二三四五六日]?的)|每个月(?!的)|经常|总是|一直|老是|老出|老有|老不|都要|都得|说要|说得|觉得|认为|"
                      r"以前(?:用|都|一直|是)|过去(?:都|一直)", re.I))
# an information question, not a request: "你们有没有做制造业的客户？"
# a list item's number: "一是下周一前…；二是…", "第一，…", "1. 本周五前提供…"
ZH_ENUMERATION = r"(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+(?:点|条|项)|\d{1,2}[.、)）])"
ZH_QUESTION = gated(re.compile(r"有没有|是不是|是否|什么|多少|怎么|哪|(?<!能)(?<!可以)吗[？?]?$|呢[？?]?$"))
ZH_ASKS_ME = gated(re.compile(r"(?:发|给|寄|传|转|告诉|通知)(?:给)?(?:我(?!们)|我们(?=\s*(?:$|[，。！？；,.!?;~～]|"
                               r"就行|就好|即可|吧|一份|一下|确认)))"))

ZH_VERBS = (r"发|给|寄|传|安排|约|预约|确认|整理|准备|提供|跟进|回复|联系|处理|反馈|发送|演示|同步|提交|"
            r"签|更新|沟通|讨论|修复|排查|解决|申请|审批|报价|对接|测试|试用|部署|上线|开会|见面|"
            r"拜访|介绍|邀请|过一下|看一下|看看|评估|决定|答复|落实|推进|补充|核实|汇报|出|做|拉|建|"
            r"打电话|电话|转给|转交|升级|回访|复盘|付款|付|开票|开通|通知|告诉|恢复|迁移|重新|派|上门|"
            r"开好|配置|导入|导出|培训|讲|订|核对|核查|检查|查|寄出|快递|签完|盖章|审|定|交|走|带|过来|过去|拿|补|改|"
            r"分享|推送|录|写|列|做好|搞定|完成|删除|退|赔|协调|评审|汇总|批|报|叫上|延长|试一下|试试|"
            r"驻场|到现场|覆|打畀|打俾|致电|致電|合并|帮您|帮你|帮忙|调好|配好|弄好|设置|调整|开放|关闭|停用|催|开(?=一下|个|好|出来)|添加|加上")
ZH_VERB = gated(re.compile(ZH_VERBS))
ZH_SELF = gated(re.compile(
    # "这边马上给您加急处理": a service agent's "we"
    rf"(?P<subj>我们这边|我这边|我们|我司|我方|我(?!们)|咱们|本人|(?<![您你那他她])这边)(?!的|有|[这那]边的)(?P<mid>[^，。！？；,.!?;]{{0,24}}?)"
    rf"(?=(?:{ZH_VERBS}))"))
ZH_REQUEST = gated(re.compile(
    # "这边帮您查询一下": 您 after a coverb is its object; "感谢您周五抽空沟通": after a thanks too
    r"(?<![帮给为跟和对向替让叫找谢])"
    r"(?P<subj>请您|请你们|请你|麻烦您|麻烦你们|麻烦你|麻烦|您那边|你们那边|您这边|请尽快|请|您|你们|你)"
    r"(?!好)"  # "您好~ 我们是电子发票哦": a greeting
    rf"(?P<mid>[^，。！？；,.!?;]{{0,20}}?)(?=(?:{ZH_VERBS}))"))
ZH_TEAM = gated(re.compile(
    r"(?P<who>(?:我们|我司|我方|你们|贵司|您那边的?|您的|我们的|你们的)?(?:[一二三]线|高级|资深|专属|驻场|"
    r"对接的?|负责的?)?(?:产品经理|项目经理|客户经理|"
    r"技术支持|技术|工程师|实施顾问|实施|研发|开发|法务|财务|采购|售后|客服|运营|同事|领导|老板|"
    r"IT|it|销售|团队|值班工程师|专家|"
    # service staff sent to the customer: "门店工作人员会联系您", "师傅出发前会给您打电话"
    r"(?:维修|安装|售后|上门)?师傅|工作人员|检测师|质检员|设计师|调度|专员)(?:那边|这边|团队|部门|同事)?)"
    r"(?P<mid>[^，。！？；,.!?;]{0,16}?)(?:会(?!议)|将|(?<!需)要(?![能求])|来|负责|争取|再|马上|尽快|明天|今天|下周|"
    # "实施团队同步出一个排期": 同步/同时 before a verb is "in parallel", a team's promise
    r"(?:同步|同时|另外)(?=出|做|准备|整理|安排|提供|写|更新|评估|测试|排查|跟进|对接)(?![^，。；]{0,4}了)|"
    r"[一-龥]{0,4}(?:(?<![以目])前|内))"))
ZH_TIMED = re.compile(
    rf"^(?:{ZH_ENUMERATION}\s*)?(?:那就|那么|那)?(?:预计|计划|争取)?(?:[今明后]天|今晚|明早|明晚|下周[一二三四五六日天]?|本周[一二三四五六日]?|这周[一二三四五六日]?|"
    r"下个?(?:礼拜|星期)[一二三四五六日天]?|[这本]个?(?:礼拜|星期)[一二三四五六日天]?|(?:礼拜|星期)[一二三四五六日天]|"
    r"周[一二三四五六日]|月底|(?:[一两三]|\d{1,3})个?(?:小时|工作日|天)(?:之?内))(?!的)"
    r"(?:上午|下午|晚上|早上|中午|一早|一大早)?(?:之前|以前|前|之内|内)?(?:会|就|再|一定|先)?"
    # "今天是续约沟通会", "明天我们有大客户拜访", "今日係…": what a day is or holds, not a step (係, 咗: Cantonese 是, 了)
    # "这周内把历史数据导进去": a 把 object is as sure a sign of an action as a listed verb
    rf"(?=[^，。！？；,.!?;了吗是有係咗]{{0,6}}?(?:{ZH_VERBS}|把|让))")
ZH_OFFER = gated(re.compile(r"(?:我们|我)(?:也|还|都)?可以(?:帮您|给您|为您|再)?|要不要我(?!们)|需要我(?!们)"))
ZH_MODAL = gated(re.compile(r"会|會|將|将|要|来|去|再|马上|尽快|负责|争取|打算|安排|把|之前|(?<![目以])前|先|今天|"
                      r"明早|今晚|明晚|今日|聽日|听日|"
                      r"明天|后天|下周|周|月底|号|日|下午|晚上|上午|稍后|回头|立刻|现在就|一会|晚点|随后|"
                      r"(?:天|小时)内|之内|以内|到时候|第一时间|会后|节后|年后|接下来|后续"))
# "恢复后我第一时间通知您", "审完我这边马上通知你": the event a promise waits for belongs to its action
ZH_TRIGGER = gated(re.compile(r"^\s*(?![年节会]后\s*$|之后|以后|然后)"  # "年后我们再联系": a time, no event
                              r"(?P<trigger>[^，,。；;！!？?\s]{1,10}?(?:完|后|之后|以后))\s*$"))
# "可以，我们安排两名顾问驻场", "有的，…，我发您配置文档": a plain "I do X" after saying yes is a promise
ZH_YES = gated(re.compile(r"^\W*(?:好的?|可以|行|没问题|有的|嗯+|收到|当然)(?:的|啊|呀|嘞)?\s*[，,！!。~～\s]"))
# "到时候我通知你们", "回头我发您": a time adverb before the subject makes it a commitment too
ZH_ADVERB_BEFORE = re.compile(r"(?:到时候|回头|稍后|晚点|随后|等会儿?|一会儿?|马上|会后|节后|年后|接下来|后续)\s*$")
# "能否再给我们一个200用户的阶梯报价？", "你们能不能派人过来看看？": a polite ask as a question
ZH_CAN_YOU = gated(re.compile(
    r"^\s*(?:那|那么|所以|另外|还有)?(?:你们|您们|您|你|贵司)?(?:能否|能不能|可否|可不可以)(?:再|帮忙|帮我们|帮我)?"
    # not "做"/"出": "能不能做私有化部署？" asks what the product can do
    r"(?=[^，。！？?]{0,4}?(?:给我|发我|发给我|提供|寄|安排|派|开))"))
# "方便的话一并发我", "也发我们一份": a bare "send it to me", the addressee's step
ZH_SEND_ME = gated(re.compile(r"^\s*(?:方便的话|有空的话|麻烦)?(?P<send>(?:也|再|一并|顺便|一起)*(?:发|传|寄)(?:给)?我们?"
                              r"(?:一下|一份)?)\W*$"))
# "恢复后第一时间在群里通知您", "到货后马上联系您": a subjectless promise that waits for an event
ZH_WHEN_DONE = gated(re.compile(
    r"^\s*(?P<trigger>[^，,。；;！!？?\s我你您]{1,10}?(?:完|后|之后|以后))(?:第一时间|马上|立刻|立即|会|就)+"
    r"(?=[^，,。；;！!？?]{0,8}?(?:通知|告诉|回复|答复|联系|发))"))
# "…寄出，快递单号发您微信": a clause that hands something over continues the step before it
ZH_HANDOVER = gated(re.compile(r"^(?P<topic>[^，。！？；,.!?;我您你]{1,12}?)(?=(?:发|寄|传|转)(?:给)?(?:您|你))"))
# "…维生素今天发出，运费给您退回": a clause that names its own object first and does it for the
# addressee is the speaker's next step on another object (not "给您带来不便", not done: "给您退了")
# who does it, not what it is done to: "系统给您发短信", "师傅明天给您换"
ZH_AGENT_NOUN = re.compile(r"(?:系统|师傅|同事|快递|客服|专员|人员|部门|团队|公司|那边|这边|经理|工程师|技术)$")
ZH_OBJECT_FOR_YOU = gated(re.compile(
    r"^(?P<obj>[^，。！？；,.!?;我您你他她会将]{2,10}?)(?:也|再|就|都|马上|尽快)*(?:给|帮|为)(?:您|你)"
    r"(?![^，。！？；,.!?;]*?(?:了|过了|带来|造成|添|说|讲|看|联系|电话|回电|上门))(?=[\u4e00-\u9fff]{2})"))
# (a date may open it: "麻烦您确认后盖章，4月10号前寄回我司即可" dates the step it continues)
ZH_CONTINUE = gated(re.compile(r"(?:然后|再|并|并且|同时|之后|随后|顺便|也|到时候|届时)?在?(?:[今明后]天|下午|晚上|上午|"
                         r"[这下]周[一二三四五六日]?|周[一二三四五六日]|月底|(?:\d{1,2}月)?\d{1,2}[日号])?(?:之前|以前|前)?"
                         r"(?:再|也|然后)?(?:详细|具体|当面)?(?=把|给|发|安排|寄|约|准备|整理|开|做|提供|"
                         # "…给您回电话，确认具体的送货时间": the purpose the step goes on to
                         r"确认|核对|检查|说明|跟进|介绍|演示)"))
# "…，并在月底之前退款", "…，然后下周安排培训": a conjunction joins a verb phrase to the step before
ZH_CONJOINED = gated(re.compile(
    r"^(?:并且|并|然后|同时|顺便|同埋(?:[会會]|仲[会會])?)\s*在?(?:[今明后]天|[上下]午|晚上|[这下本]周[一二三四五六日]?|月底|"
    r"\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])?(?:之前|以前|前|之内|内)?(?:再|也)?"
    rf"(?=[^，。！？；,.!?;]{{0,4}}?(?:{ZH_VERBS}))"))
NOTIFY = gated(re.compile(r"(?:在[^，,]{1,8})?(?:通知|告诉|回复|答复|联系|更新|同步)"))  # what it tells is the event
DESCRIBED = gated(re.compile(r"的[那这](?:个|份|些|次|款|位)"))  # "今天给你们的那个报价"
# "原件明天快递给您", "新版APP月底上线": the object, then the day, then the verb
OBJECT_FIRST = gated(re.compile(
    r"^\s*(?![并在再也就会要还都把])(?P<obj>[^，,。；;！!？?\s我你您他她]{2,8}?)"
    r"(?=(?:预计|计划)?(?:[今明后]天|下周|本周|这周|周[一二三四五六日]|月底|(?:[一两三]|\d{1,3})个?(?:小时|工作日|天)))"))
WILL_ON = gated(re.compile(
    r"^\s*(?P<obj>[^，,。；;！!？?\s我你您他她]{2,8}?)?(?:会|将)在?(?:[今明后]天|下周|本周|这周|周[一二三四五六日]|"
    r"月底|(?:[一两三]|\d{1,3})个?(?:小时|工作日|天))[^，,。；;！!？?了]{0,8}?(?=" + ZH_VERBS + ")"))
# a fix announced without a person: "The fix is going out tonight", "A patch will be deployed
# Wednesday" (the vendor's step, whoever says it)
EN_SHIPPING = fold(re.compile(
    r"\b(?P<what>(?:the|a|our) (?:fix|patch|hotfix|update|release)(?: for [\w' -]{1,30}?)?) "
    r"(?P<how>is going out|goes out|will go out|is going live|goes live|will go live|will be (?:out|live|"
    r"deployed|released|shipped|rolled out)|is being deployed|ships|will ship|is shipping)\b", re.I))
# a need the other side fills: "We will also need your updated SOC 2 report", "We need this sorted
# before March 31", "I need a corrected invoice by end of week" (a plain "we need better reporting" is
# a pain, not a step: a need is an ask only for what the other side holds, a state, or a correction)
EN_NEED = fold(re.compile(
    r"\b(?:I|we)(?:'ll| will| would| do| really| also| still| urgently)* need (?:"
    r"(?P<yours>your (?!help|support|patience|advice|attention|business|team\b)(?:[\w-]+ ){0,5}?[\w-]+?)(?=\s+(?:by|before|for|from|asap|as soon|today|tomorrow)\b|\s*[,.;!?]|\s*$)"
    r"|(?P<what>this|it|that|them|these|those|the [\w-]+(?: [\w-]+)?) (?P<state>sorted|fixed|resolved|done|"
    r"restored|working again|corrected|updated|signed)"
    r"|(?P<fixed>(?:a|an|the) (?:corrected|revised|updated|signed|written) [^,.;!?]{2,60}?)"
    r"(?=\s+(?:by|before|no later than|within)\b))", re.I))
# a demand for a deliverable only the other side can give: "I need a credit note against one of them",
# "I want a written status every Friday", "I'd like a call with whoever owns the connector next week",
# "we'd need a committed fix date", "I expect a working fix by Tuesday", "I need somebody from your side to
# call me back today" (what the speaker lacks in general, "we need a better way to report", is a pain)
_DELIVERABLES = (r"credit note|credit|refund|quote|proposal|pricing|price breakdown|invoice|report|status|"
                 r"status update|call|meeting|demo|session|reference|root cause|rca|write-up|summary|"
                 r"explanation|fix date|fix|patch|eta|timeline|date|confirmation|answer|contract|order form|"
                 r"estimate|callback|engineer|technician")
EN_WANT = fold(re.compile(
    r"\b(?:I|we)(?:'ll| will| would|'d| do| really| also| still| just| urgently)* (?:need|want|expect|"
    r"like|require) (?:(?P<someone>someone|somebody)(?: (?:from|on|at|in) (?:your|the) (?:side|end|team|"
    r"company))? to (?P<verb>" + _V + r")\b|(?P<object>(?:a|an|the|some) (?:[\w-]+ ){0,3}?"
    rf"(?P<noun>{_DELIVERABLES})s?\b(?! (?:of(?<!explanation of)(?<!summary of)(?<!write-up of)|that|which|where|to|"
    rf"for (?:us|me) to)\b)))", re.I))
WANTED_VERBS = {"credit note": "issue", "credit": "issue", "refund": "issue", "call": "set up",
                "meeting": "set up", "demo": "set up", "session": "set up", "callback": "arrange",
                "fix": "provide", "patch": "provide", "engineer": "provide", "technician": "provide"}
NEED_STATES = {"sorted": "sort out", "fixed": "fix", "resolved": "resolve", "done": "finish",
               "restored": "restore", "working again": "fix", "corrected": "correct",
               "updated": "update", "signed": "sign"}
SHIPPING_VERBS = {"deployed": "deploy", "released": "release", "rolled out": "roll out"}
# a dated step announced in the progressive, without a subject: "Restoring access in the next 15
# minutes", "Sending the corrected invoice today", "Escalating this to engineering today"
EN_DOING = fold(re.compile(
    r"^\W*(?:(?:ok(?:ay)?|sure|yes|yep|on it|will do)\W+)*(?P<verb>sending|resending|restoring|fixing|"
    r"processing|escalating|updating|deploying|pushing|shipping|scheduling|preparing|drafting|"
    r"reissuing|refunding|resetting|setting up|rolling out|releasing|checking|booking|issuing|"
    r"rolling back|reverting|replaying|rerunning|re-running|restarting|backfilling)\b"
    # ("sending it now", "sending now" answer a request: RIGHT_AWAY dates that request)
    r"(?! (?:it|them|that|this|those|now|over|right)\b)(?=\s+\w)", re.I))
# "you'll have it Monday": the speaker's delivery, not a request
YOU_WILL_HAVE = re.compile(r"you(?:'ll| will) (?:have|get|receive|see) (?:it|them|that|this|those|these)\b",
                           re.I)
# "you'll get an incident summary by email by Monday", "You'll have the written RCA by Friday": the
# speaker's side delivers it (a step only with a date: "you'll get an email when it's issued" is how
# things go); "you'll have to sign" is an obligation, not a delivery
YOU_WILL_GET = re.compile(r"you(?:'ll| will| should) (?:get|receive|have)(?! to\b) (?P<object>(?:a|an|the|your|our|"
                          r"\d+) )", re.I)
NOT_A_REQUEST = gated(re.compile(r"请问|提示[^，。]{0,12}请|请(?:注意)?查收|请查阅|请过目|请见谅|请谅解|请知悉|请(?:见|参考|参阅)附件|(?:很|太|好|挺|比较|有点|非常|真)麻烦|麻烦了|不麻烦|麻烦事"))

# a full-width colon ends a clause too: "我们这边的安排：明天开通所有账号，…", "两件事：一是…"
CLAUSE_BREAK = re.compile(
    r"[,，;；、](?:\s*(?:and|but|so|then|also)\s|\s*(?:然后|但是|不过|所以|另外))?"
    r"|\s(?:and then|and also|then)\s"
    r"|\sand\s(?=(?:I|we|I'll|we'll|you|[A-Z][a-z]+ will)\b)"
    # "and our engineer will…" starts a clause; "and our latest pen test summary" is a second object
    r"|\sand\s(?=(?:our|my|your)(?:\s+[\w-]+){1,3}\s+(?:will|would|can|could|should|is|are|has|"
    r"have|needs?|'ll)\b)"
    r"|\sand\s(?=(?:also |then |will |'ll )?(?:" + _V + r")\b)|\sand\s(?=will\s)|\s[-–—]+\s|：", re.I)
# "I've updated the address and will reissue the invoice today": a subjectless "will" clause
# after a first-person one is the speaker's step
EN_WILL = re.compile(r"\s*(?:and\s+)?(?:will|shall)(?:\s+(?:also|then|just|definitely|personally))?"
                     r"\s+(?!be\b|have\b|not\b|never\b)(?P<verb>[a-z]+)\b", re.I)
EN_FIRST_PERSON = re.compile(r"\b(?:I|we)\b", re.I)
# "Send me the DocuSign envelope", "Email us the revised quote": a bare imperative with the
# speaker as receiver asks the other side
EN_IMPERATIVE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|great|then|and|also|just)\W+)*(?P<verb>send|resend|share|forward|email|"
    r"text|mail|ship)\s+(?:me|us)\b", re.I)
# "Try me Thursday after two", "Ring me tomorrow": a call asked for (only with a day: "call me crazy");
# its own pattern, whose cue words are "try me", "ring me" (not "try", which "entry" holds)
EN_CALL_ME = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|great|then|and|also|just)\W+)*"
                        r"(?P<verb>(?:call|ring|phone|try) (?:me|us))\b", re.I)
CALL_ME = re.compile(r"^(?:call|ring|phone|try) (?:me|us)\b(?: back)?", re.I)
# a commitment needs one of these (or a subject with a date): cheap words to skip the rest
EN_MODAL_WORDS = ("'ll", " will", " shall", "going to", "need to", "have to", "plan to", "promise",
                  "commit to", "aim to", "intend to", "let me", "let us", "let's", "lets ",
                  "agreed to", "promised to", "needs to", "said he", "said she", "said they", "ing to", "expect to")
ACCEPTANCE = re.compile(
    r"\s*(?:sure|yes|yeah|yep|yup|please|please do|that (?:would|'d) be (?:great|helpful)|"
    r"sounds good|perfect|ok|okay|great|deal|absolutely|definitely|go ahead|let's do it|works for me|"
    r"(?:that|this|it|\w+day|tomorrow|today) works)\b"
    # Chinese has no word boundary after "可以" in "可以的": a short guard instead
    r"|\s*(?:好的|好嘞|好啊|好吧|好(?![久像多几])|可以|行(?![业为])|没问题|麻烦了|那太好了|太好了|需要|要的|嗯|对)",
    re.I)
CONDITIONAL = fold(re.compile(
    r"\b(?:if|unless|in case|should you|as long as|provided that|assuming)\b|如果|要是|假如|"
    # the written forms: "如有遗漏请随时补充", "如您误收本邮件，请…", "若有异常…"
    r"万一|只要|(?<![例比假譬诸])如(?:有|需|需要|您|你|贵司|遇|发现|出现|无)|(?<![倘])若(?!干)|"
    # "您看完没问题我们就走盖章流程": once it is fine, then
    r"(?<=[完了后])(?:没问题|没有问题|觉得可以|确认无误)(?:的话)?(?=[^，。]{0,8}?就)", re.I))
# a notice of closure or maintenance to everyone is information, not anyone's step:
# "our offices will be closed February 16", "3月28日凌晨进行系统升级，期间服务暂停", "春节期间我司放假"
NOTICE = fold(re.compile(
    r"\b(?:(?:offices?|we) (?:will be |are |is )?closed|(?:scheduled|planned) (?:maintenance|downtime)|"
    r"maintenance window|(?:service|platform|system) (?:will be )?(?:unavailable|offline|down) "
    r"(?:from|between|during))\b|放假|休假|停机|系统(?:升级|维护)|(?:服务|系统)暂停|暂停服务|维护窗口",
    re.I))
# a threat, or a warning that sounds like an ask: "make sure this doesn't happen again", "下不为例"
# ("unless I hear otherwise" only leaves room to cancel)
THREAT = fold(re.compile(r"\b(?:(?<!hear )(?<!me )(?<!us )(?<!told )(?<!say )(?<!said )(?<!know )otherwise|or else|or we(?:'ll| will)|make sure (?:\w+ ){1,3}?"
                         r"(?:doesn't|don't|does not|do not|won't|will not|never|isn't|aren't|can't)|"
                         # leverage until the other side acts: "we will hold payment until…", "暂缓付款"
                         r"(?:hold|withhold|pause|suspend|freeze) (?:all |any |the |further |our )?(?:payments?|"
                         r"invoices?|renewal|rollout|orders?)(?: \w+){0,2}? until)\b|"
                         r"否则|不然|再这样|要不然|下不为例", re.I))
AGENDA = fold(re.compile(
    r"^\W*(?P<agenda>(?:today|this (?:call|meeting|session))(?: we(?:'ll| will)?| I(?:'d| would) "
    r"like to)? (?:cover|discuss|go (?:over|through)|look at|walk (?:you )?through|review|talk about)"
    r"|今天(?:主要|我们|想|跟大家|和大家)|今天就(?:先|到|聊|说|讲|这)|这次(?:主要|会)|本次(?:会议)?主要|咱们(?:先)?看一下|"
    r"我们(?:先)?(?:过|对|看)一下|下面(?:我)?(?:来)?(?:介绍|演示|讲)|"
    # "我先说一下我们这边的安排：…": what the speaker says now, in this meeting
    r"我(?:先|来|先来)?(?:说|讲|介绍|汇报)一下|我(?:先|来|先来)(?:说|讲|介绍)(?:背景|情况|现状|需求|结论)\W*$)", re.I))
ZH_AGENDA = gated(re.compile(r"今天(?:主要|我们|想|跟大家|和大家)|今天就(?:先|到|聊|说|讲|这)|今天.{0,4}(?:讨论|过一下|介绍|演示|聊)"))
# a turn that opens with a greeting only: its answer is the sentence after ("Morning Kayla! Monday works")
GREETING = re.compile(r"\W*(?:(?:good )?(?:morning|afternoon|evening)|hi|hey|hello)(?: [A-Z][a-z]+)?\W*$"
                      r"|\W*(?:您好|你好|早上好|下午好)\W*$", re.I)
# a request the other side does at once: "Done", "已处理", "I've added…", "sent"
FULFILLED = re.compile(
    r"\W*(?:(?:hi|hello|ok|okay|sure|thanks)\W+)*(?:done|sent|all set|it's done|completed|"
    # the thing asked for, handed over in the reply: "Attached.", "Uploaded just now", "Here you go:"
    r"(?:attached|uploaded|logged|submitted|here you go|here it is|see attached)(?!\w)|"
    r"(?:I|we)(?:'ve| have) (?:just )?(?:added|sent|updated|resent|refunded|processed|fixed|"
    r"changed|reset|enabled|removed|extended|issued|credited|shared|attached)|"
    r"escalated|已(?:经)?(?:处理|完成|发|添加|开通|修改|更新|退款|重置|发送)|发了|好了|搞定)"
    # "好的，已经更新", "版本4.2.1，截图已上传", "改好了，可以了", "试了，还是乱码": done or tried
    r"|\W*(?:(?:好的?|嗯+|谢谢|收到|可以)\W+)*(?:[^。！？!?\n]{0,16}?已经?(?:上传|发送|发|提交|处理|完成|"
    r"添加|开通|修改|改|更新|退款|重置|附上|传)|(?:发|传|改|弄|设置|填)好了|[^。！？!?\n]{0,20}?(?:发|传)(?:给)?(?:你|您)了|试了|试过了)"
    r"|\W*\[(?:图片|文件|截图|image|photo|file)\]"  # "[图片] 店铺ID 33810927": sent on the spot
    r"|\W*(?:[^。！？!?\n]{0,6}?)经(?:核实|确认|排查|查询)"  # "您好，经核实确为重复扣款…": checked on the spot
    # the asked-for value given on the spot: "4417", "Job ID is IMP-88213.", "mo@fernhill.co"
    r"|\W*(?:(?:sure|yes|yeah|ok(?:ay)?)\W+)?(?:[a-z][a-z ]{0,24}(?: is| are|'s|:)\s+)?[\w.+#/-]*[\d@][\w.@+#/-]*\W*$",
    re.I)
# "Can you confirm which mailbox is affected?" / "All of them.": a question answered on the spot
# a check asked of the other side ("can you confirm you see them?", "could you ask a couple of people to
# try again?") that their reply reports done: "All 27 showing.", "Confirmed, working for everyone now",
# "It arrived.", "Works now, thanks"
VERIFY_ASK = re.compile(r"^(?:confirm|check|verify|test|try|retry|ask\b.{0,40}\bto (?:try|test|check|log in|"
                        r"sign in|confirm|retry|reload|refresh)|let (?:me|us) know)\b",
                        re.I)
VERIFIED = re.compile(
    r"\W*(?:(?:ok(?:ay)?|yes|yep|yeah|great|perfect|thanks|thank you|hi \w+)\W+)*(?:confirmed|all (?:\d+|of them|good|"
    r"set|there)|(?:it|they|that|this|everything|everyone)(?:'s| is| are)? (?:showing|working|there|in|fine|good|"
    r"arrived|back|fixed)|(?:it |they )?(?:works|worked|arrived|came through|went through)|working (?:now|again)|"
    r"got (?:it|them)|looks good|all good)\b", re.I)
# who the caller is, asked at the start of a support call and answered at once: "can I get your account
# number?", "could I have your practice ID?"
IDENTITY_ASK = re.compile(r"^(?:get|have|grab|take|confirm|verify)\s+(?:your|the)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:number|id|name|email(?: address)?|phone(?: number)?|address|zip(?: code)?|"
                          r"postcode|date of birth|dob)$", re.I)
INFO_ASK = fold(re.compile(
    r"(?:confirm|clarify|check|tell (?:me|us)|let (?:me|us) know)\s+(?:which|what|whether|if|how|"
    r"when|where|who|why)\b|(?:确认|告诉我|说一下|看一下)(?:一下|下)?(?:是不是|是否|是哪|哪|什么|多少|有没有)",
    re.I))
# a request answered with "sending it now" / "好的，马上" is due the same day
RIGHT_AWAY = re.compile(
    r"\W*(?:(?:sure|ok(?:ay)?|yes|yep|absolutely|of course|no problem|will do)\W+)*(?:[a-z]+ing|on it|will do)"
    r"\b[^.!?,;]{0,40}?\b(?:right now|now|right away|straight away)\b"
    # "好，我挂了电话马上发", "开完会马上发您": right away once the thing in hand is done
    r"|\W*(?:(?:好的?|嗯+|可以|没问题|收到)\W*)*(?:我们?)?(?:[^，。！？\d]{0,6}?[了完][^，。！？\d]{0,3}?)?(?:马上|这就|立刻|现在就)", re.I)
FILLER = fold(re.compile(
    r"^\W*(?:(?:ok|okay|sure|right|um+|uh+|so|sorry|抱歉|好的?|嗯+|收到|稍等)\W*)*(?P<filler>bear with me|one (?:moment|sec|second)|"
    r"hold on|give me a (?:sec|second|moment|minute)|let me (?:just )?(?:check|see|look|pull|"
    r"think|find|confirm that|take a look|double-check)(?! \w+ (?:by|before|tomorrow|today|"
    r"on|next))\b|稍等|请稍等|我(?:先|马上)?(?:查|看)一下(?!.{0,8}(?:明天|今天|下周|前))|"
    r"您稍等|等一下|马上为您查|正在为您查|"
    # a closing, not a plan: "I'll talk to you later", "speak soon"
    r"(?:I'll |we'll )?(?:talk|speak|chat) (?:to |with )?(?:you )?(?:later|soon)\b|"
    # the order of one's own words, and news announced: "I'll start with the headline", "Wanted to
    # let you know directly: …", "I'm writing to let you know…"
    r"(?:I'll|I will|let me|I'm going to|I am going to) (?:just )?(?:start|begin|open|kick off) (?:with|by)\b|"
    r"(?:(?:I|we)(?:'m| am|'re| are)? )?(?:just )?(?:wanted|want|writing|write) to (?:let you know|give you a "
    r"heads[- ]up|update you|inform you|tell you)\b)", re.I))
DONE = fold(re.compile(
    r"\b(?:I've|we've|I have|we have|already|just) (?:\w+ )?(?:sent|shared|added|updated|"
    r"fixed|extended|created|attached|forwarded|done|completed|scheduled|booked)\b|"
    r"已经?(?!.{0,3}(?:安排|约))|[发寄签]了$|原因(?:是|在于)|[发寄]你了|[完好]了$|"
    # "我们之前做过类似的对接", "销售易上周也来演示过", "去年就签了励销云": done before, no plan
    r"(?:做|用|试|演示|签|买|谈|聊|见|合作|对接)过(?![来去一])|(?:去年|上周|上个?月|上次|昨天|前天|刚才)[^，,。]{0,8}?了", re.I))
WISH = fold(re.compile(r"\b(?:might|may|would love to|'d love to|hope to|hoping to|wish|maybe)\b|"
                  r"可能|希望|打算|计划(?=[要在于去把])|考虑|想(?!法)|也许|说不定", re.I))
NEGATION = fold(re.compile(r"\b(?:won't|will not|can't|cannot|not going to|never|don't|didn't|not)\b"
                      # "能不能派人过来", "要不要我发您": an A-not-A question holds no "not"
                      # "识别", "级别", "特别": 别 inside a word is no "don't"
                      r"|不会|(?<!能)不能|没法|无法|不用|(?<!需)不需要|(?<![识区级类分特个告派差鉴辨性])别|(?<!要)不要|暂时不|"
                      r"先不|"
                      # "你们系统没更新", "账号还没开通", "驱动装不上": not done, cannot be done
                      r"(?<![有])没(?!问题|关系|事)|(?<=[\u4e00-\u9fff])不(?:上|了|到|开|动|进|出)|不好(?!意思)", re.I))

# speech noise in transcripts: "I'll, um, send the deck", "我，呃，明天发您", "[crosstalk]", "we we'll";
# "那个"/"就是" only as a clause of their own ("我就是，请稍等" is "that's me")
DISFLUENCY = fold(re.compile(
    r"(?:[,，]\s*)?(?P<noise>\b(?:um+|uh+|erm+|er|ah+|hmm+|(?:you know|I mean)(?=\s*,))\b|\[(?:inaudible|"
    r"crosstalk|laughter|laughs|pause|silence|unintelligible)\]|\((?:inaudible|crosstalk|laughs?|"
    r"pause)\)|呃+|(?<![\u4e00-\u9fff])额+|嗯+|(?<![^，,\s])(?:那个|就是)(?=[，,\s])|…+|\.\.\.+)(?:\s*[,，])?", re.I))
_REPEATED = re.compile(r"\b(\w+)(?:\s+\1\b)+", re.I)
_RUNS = gated(re.compile(r"[ \t]{2,}"))


def spoken(text: str) -> str:
    """`text` without fillers, stutters and transcript markers (for reading steps, not quoting)."""
    text = DISFLUENCY.sub(" ", text)
    text = _REPEATED.sub(_first_group, text)
    return _RUNS.sub(" ", text).strip()


def _first_group(match: re.Match[str]) -> str:
    """What a "\\1" template gives, without re expanding the template on every call."""
    return match.group(1)


MAX_ACTION_CHARS = 90
_AROUND_DUE = fold(re.compile(
    r"(?:\b(?:by|before|on|until|no later than|within|in|at|this|for)\s+(?:the\s+)?|在|于|到)?"
    r"\x00(?:['’]s [a-z-]+\b)?(?:上午|中午|下午|傍晚|晚上|早上|一早|一大早)?(?:之前|以前|前|之内|以内|内)?", re.I))  # "before Thursday's review"
_LEAD_IN = fold(re.compile(
    r"^(?:(?:sure|ok(?:ay)?|yes|yeah|great|perfect|absolutely|right|and|also|so|then|just|"
    r"per our call|as discussed|as promised|following up|noted|make sure to)\b\W*)+"
    r"|^(?:会后|(?:方便|有空|有时间)的话|预计|能不能|能否|可否|可不可以|[一二三四五六七八九十]是|第[一二三四五六七八九十]+(?:点|条|项)|\d{1,2}[.、)）]\s*|最好|那就|那么|之前|以前|前(?![台端期])|之内|以内|内(?![部容])|会|會|将|將|要|再|马上|尽快|先|就|也|都|来|负责|争取|还|一定|"
    r"上午|下午|晚上|早上|第一时间|那边|这边|到时候|届时|回头|稍后|晚点|随后|"
    # "五一后再联系您", "节后第一天安排…": a holiday said as the time
    r"(?:五一|十一|国庆|春节|清明|端午|中秋|元旦|[年节])(?:假期)?(?:之?后|以后|之?前|以前)(?:第一天|第一周)?)+", re.I))


_TRAILING_PREPOSITION = fold(re.compile(  # not the "in" of "add-in", nor the particle of "fill it in"
    r"(?<![\w-])(?:by|before|until|no later than|within|at|this|next|for|"
    r"(?<!it )(?<!them )(?<!turned )(?<!switched )(?:on|in))\s*$", re.I))
_LONGEST_PREPOSITION = len("no later than")
_TRAILING_ZH = gated(re.compile(r"(?:之前|以前|前|之内|内|的时候)$"))
_TRAILING_POLITE = fold(re.compile(r"\s*(?:please|thanks|thank you|if possible|asap|unless (?:I|we) hear otherwise|"
                              r"unless you (?:say|tell me|tell us) otherwise|if that works(?: for you)?|可以吗|好吗|行吗|"
                              r"怎么样|如何|(?:就|也)(?:行|好|可以)了?|即可|吧|呗|哈|哦|呀|啊|(?<=[我们下份])吗)\W*$", re.I))
# a clock time left after the day was taken out: "下午五点前修复", "at 2pm"
_CLOCK = fold(re.compile(r"(?:\b(?:at|by|around) )?\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|"
                    r"\b(?:at|by|around|after|before) (?:one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve|noon)\b(?: ?(?:am|pm|o'clock))?\W*$|"
                    r"[一二三四五六七八九十两\d]{1,3}点(?:半|钟|\d{1,2}分)?(?:之前|以前|前|左右)?", re.I))
# what a request asks for: "能不能发一个feature对比？", "我们法务要一份数据安全的说明"
ASKED_FOR = gated(re.compile(r"(?:要|发|给|提供|出|做|寄)(?:我们|我)?(?:一下)?(?:一)?(?:个|份|下|些|套)?"
                       r"(?P<object>[^，。？！?,.!我你您]{2,14}?)(?:吗|吧|呢|过来|给我)?[？?。！!]?$"))
_SPACES = gated(re.compile(r"\s{2,}"))
_DIRECTION = re.compile(r"(?<=[^发寄传转交送带拿])(?:过来|过去)$")
_EMOTICON = re.compile(r"\[[\u4e00-\u9fff]{1,4}\]")
# a purpose clause is not part of the action: "sign by Wednesday so we can provision the seats"
_PURPOSE = re.compile(r"(?:,?\s+(?:so (?:that )?(?:we|you|your|our|I|they|their|it|the|he|she|everyone|"
                      r"[a-z]+ (?:has|have|can|could|gets?|will))|in order to)\b|"
                      r"[，,]?(?:以便|好让|方便我们|这样我们)).*$", re.I)


_ASIDE = re.compile(r"(?<=\w) \([^()]{1,60}\)")
# the cleaner's patterns run on an action only when their cue words occur in it
_CLEANER_CUES = CueSet()
_PURPOSE_CUE = _CLEANER_CUES.register_pattern(_PURPOSE)
_CLOCK_CUE = _CLEANER_CUES.register_pattern(_CLOCK)
_POLITE_CUE = _CLEANER_CUES.register_pattern(_TRAILING_POLITE)


def clean_action(text: str, due_spans: list[tuple[int, int]], base: int) -> str:
    """The verb phrase without due phrases, lead-ins, politeness tails and end punctuation."""
    pieces, cursor = [], 0
    for start, end in sorted(due_spans):
        s, e = start - base, min(end - base, len(text))  # a due phrase may run past the clause:
        if s >= cursor and s < e:  # "by Friday, March 13" after "send the report " is cut whole
            pieces.append(text[cursor:s] + "\x00")
            cursor = e
    pieces.append(text[cursor:])
    action = "".join(pieces)
    if len(pieces) > 1:  # a due phrase was cut out: its preposition and 之前/上午 go with it
        action = _AROUND_DUE.sub("", action).replace("\x00", "")
    cues = _CLEANER_CUES.bits(action)
    if cues & _PURPOSE_CUE and (cut := _PURPOSE.sub("", action)) != action:
        action, cues = cut, _CLEANER_CUES.bits(cut)
    if cues & _CLOCK_CUE and (cut := _CLOCK.sub("", action)) != action:
        action, cues = cut, _CLEANER_CUES.bits(cut)
    if "(" in action and action.isascii():  # "send the usage report (adoption, minutes)": detail
        action = _ASIDE.sub("", action)
    if "[" in action:  # a chat's emoticon code: "…发到您预留的邮箱[玫瑰]"
        action = _EMOTICON.sub("", action)
    action = _without_trailing_preposition(action.strip())
    action = _TRAILING_ZH.sub("", action.strip())
    action = _LEAD_IN.sub("", action.strip())
    if cues & _POLITE_CUE:  # the cuts since the last bits only shortened the ends
        action = _TRAILING_POLITE.sub("", action)
    if "  " in action or "\t" in action or "\n" in action:
        action = _SPACES.sub(" ", action)
    action = _without_trailing_preposition(action.strip(" ,，。.!！?？;；:：-~～")).strip(" ,，")
    if action.endswith(("过来", "过去")):  # "发合同过来": the direction adds nothing to the deliverable
        action = _DIRECTION.sub("", action)
    if action[:1] == "覆":
        action = f"回{action}"  # Cantonese "覆你": reply to you
    elif action[:5].lower() == "give " and (m := _RING.match(action)):
        action = f"call {m.group(1)}{action[m.end():]}"  # "give you a ring" is a call
    elif action[:6].lower() == "sched ":  # notes' shorthand: "sched training for the 3 stores"
        action = f"schedule{action[5:]}"
    elif action[:1] in "cCrRtTpP" and (m := CALL_ME.match(action)):
        action = f"call back{action[m.end():]}"  # "try me Thursday": call them back
    return action[:MAX_ACTION_CHARS].strip()


_RING = re.compile(r"give (\w+) a (?:ring|call|buzz|shout)\b", re.I)


def _without_trailing_preposition(action: str) -> str:
    """`action` without an English preposition left dangling at its end ("send the quote by")."""
    stripped = action.rstrip()
    last = stripped[-1:]
    if not (last.isascii() and last.isalpha()):  # the pattern ends in a Latin word
        return action
    # a match ends the text: search from where its longest word could begin, not from every position
    m = _TRAILING_PREPOSITION.search(action, max(0, len(stripped) - _LONGEST_PREPOSITION))
    return action[: m.start()] + action[m.end() :] if m else action
