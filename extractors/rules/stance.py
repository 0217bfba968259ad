"""A positive stance said without a feeling word: adoption, results, renewal, approval.

"We've already rolled it out to two more teams", "it cut our reporting time in half", "we'll
renew for two more years", "领导已经批了", "用下来效率提高了不少", "客户投诉少了很多" are the
customer's satisfaction and eagerness to buy or expand (evals/GUIDE.md "positive"), yet carry no
word a lexicon scores — or one it scores the wrong way ("投诉" in "投诉少了"). `plain_positives`
counts them; `sentiment.score_sentence` weighs each like a positive phrase and scores the rest of
the sentence without them. A condition ("if you can match their price, we'll renew", "等粤语支持
上线了我们再扩大范围") is not a stance yet, and a negated one ("we haven't rolled it out") is none.
"""

from __future__ import annotations

import re

from extractors.rules.branches import Branches
from extractors.rules.folding import fold, gated

PLAIN_POSITIVE = fold(re.compile(
    # adoption and rollout
    r"\b(?:(?<!n't )(?<!not )(?:rolled|rolling) (?:it |this |them )?out to|(?:use|uses|using) it (?:every day|"
    r"daily|all day|all the time|constantly)|(?:everyone|everybody|the whole (?:team|company|org))"
    r"(?:'s| is| are)? (?:now )?(?:using it|on it)|"
    # results
    r"cut (?:our |the )?(?:\w+ ){0,3}(?:in half|by (?:half|a third|\d+ ?%))|(?:tickets|errors|complaints|"
    r"escalations|churn|backlog|no-shows|response times?|handle times?|reporting time|costs?|spend|overtime|"
    r"defects|attrition|turnaround(?: times?)?|wait times?|resolution times?) (?:are |is |have |has )?"
    r"(?:(?:went|dropped|fell|came) (?:down )?from \w+|"
    r"dropped|fallen|fell|gone down|went down|halved|(?:are|is) down)|(?:fewer|less) (?:tickets|"
    r"errors|complaints|escalations|manual (?:work|entry)|data entry|churn)|(?:closed|closing|won|"
    r"booked|winning) (?:\d+ ?%|twice as many|a lot|way) more|(?:win|close|conversion|response|reply) "
    r"rates? (?:is |are |has |have )?(?:up|improved|gone up|went up|doubled)|(?:pipeline|revenue|bookings|sales|"
    r"nps|csat|adoption|usage|engagement|productivity|retention|throughput|open rates?|reply rates?|win "
    r"rates?|conversion(?: rates?)?)(?: per \w+)? (?:is |are |has |have )?(?:way up|up \d+|up by|grew|grown|"
    r"increased|doubled|tripled|improved|jumped|went (?:up|from))|went above and beyond|problem solved|"
    r"(?:much|way|a lot) "
    r"(?:faster|quicker|easier) than (?:before|our old|the old|with)|exactly what we were looking for|"
    r"picked (?:it|this|them) up (?:quickly|fast|right away|in (?:a|one|two) (?:day|days|hour|week))|"
    # renewal, signing and expansion, said as a decision
    r"(?<!n't )(?<!not )(?:we(?:'re| are|'ll| will)|I(?:'ll| will)) (?:definitely |happily |happy to |"
    r"going to |be )?(?:renew(?:ing)?|sign(?:ing)?|expand(?:ing)?)\b(?! with| the (?:other|competitor))|"
    r"let's (?:sign|get (?:started|going)|do this)|(?:already )?(?:approved|signed off on|green-?lit) "
    r"(?:it|the (?:contract|deal|expansion|renewal|upgrade|order|quote|proposal))|"
    # choosing us and wanting to start: "we've decided to go with you", "how soon can we get started?"
    r"(?<!n't )(?<!not )(?<!n't be )(?<!not be )go(?:ing)? with (?:you|your (?:proposal|offer|platform|"
    r"product|solution|quote|team))|(?:you're|you are) our (?:first|top) choice|count us in|i'm sold|"
    r"(?:been|is|was) a (?:big |huge |real )?hit|(?:bigger|broader|deeper|strategic|long-term) partnership|"
    r"(?:get|getting) started (?:as soon as possible|asap|right away|this (?:week|month))|how soon can we "
    r"(?:get started|start|go live)|extend the pilot to|"
    # going ahead said plainly: "we're going ahead with the annual plan", "the team is on board"
    r"(?<!n't )(?<!not )(?<!n't be )(?<!not be )(?:we're|we are|we'll|we will|let's|we'd like to|happy to|ready "
    r"to|decided to|going to) (?:go(?:ing)? ahead|proceed(?:ing)?|mov(?:e|ing) ahead)(?! (?:with (?:the )?(?:other|"
    r"another|them)|and|to)\b)|(?:got|have|has|gave us) (?:the )?green light|(?:team|everyone|everybody|we|they|leadership|"
    r"finance|management)(?:'s|'re| is| are)? (?:all |fully )?on board|all set to (?:sign|launch|roll)|"
    r"(?<!to )(?<!n't )(?<!not )(?:hit|beat|exceeded|smashed) (?:(?:our|the|their|all (?:of )?our) )?(?:targets?|"
    r"goals?|numbers|quota)|"
    r"(?<!n't )(?<!not )(?:we(?:'ve| have)?|just|already) renewed\b|did the trick|"
    # more of the same, taken plainly: "we want the same for the Modesto site", "We'll take it.",
    # "moving the third home onto CareLedger", "the setup you did is working", "that's the support we pay for"
    r"(?<!n't )(?<!not )(?:want|'d like|would like|need|plan|planning) (?:to (?:put|roll out|do|get|have|use|run) )?"
    r"the same (?:[\w-]+ )?(?:for|on|at|in) (?:our|the|another|two|three|four|all|\w+)|"
    r"(?:we'll|we will|i'll|i will) take (?:it|them|all (?:of them|\w+)|both)(?=\W*$|[,.!])|"
    r"(?:moving|move|bringing|bring|adding|add|putting|put) (?:the|our|another|a|two|three|\w+) (?:[\w-]+ ){0,2}"
    r"(?:homes?|sites?|teams?|stores?|offices?|locations?|clinics?|plants?|warehouses?|regions?|divisions?|titles?|"
    r"brands?) (?:onto|on to|over to)|"
    r"(?:is|are|'s) (?:now |actually |really |finally |definitely )?working(?=\s*[.!]*\s*$)|"
    r"(?:that's|this is|that is) (?:exactly )?(?:the [\w-]+ |what )we (?:pay|are paying|'re paying) for|"
    r"pays? for (?:itself|the (?:whole )?(?:contract|subscription|licen[cs]e|system))|"
    # a trouble made smaller: "cut the calls to the store", "basically ended the no-shows for us"
    r"(?<!n't )(?<!not )(?:cut|cuts|reduced|reduces|halved|eliminated|ended|ends) (?:the |our |their |all )?(?:[\w-]+ ){0,2}"
    r"(?:complaints|calls|tickets|errors|no-shows|escalations|delays|mistakes|churn|rework|chargebacks|disputes|"
    r"callbacks|queries)|"
    # an approval won: "we got final approval from the board" (not "haven't got approval yet")
    r"(?<!n't )(?<!not )(?<!never )(?<!you )(?:got|received|secured|won) (?:the |final |full |formal |budget |board |"
    r"their |our )*(?:approval|sign-?off)(?! (?:yet|from (?:you|your)))"
    r")\b"
    r"|(?:领导|财务|总监|经理|上面|公司|采购|法务|老板|预算|方案|合同)(?:那边)?(?:已经|也)?(?:批了|批准了|同意了|"
    r"签字了|拍板了|点头了|通过了|批下来了)|(?:法务|领导|老板)(?:那边)?(?:已经|也)?过了(?![一两]遍|一下)|可以往下(?:走|推进)|就按(?:这个|你们的|这版)(?:方案|报价|合同)(?:走|来|办)|"
    r"决定(?:上|买|采购|签约?|续约)(?:了|吧)|(?<![不没])确认(?:采购|购买|下单|签约)了|全员(?:推广|使用|上线)|"
    r"效果(?:很|挺|非常|特别|比较)?明显|(?:能)?多签(?:了)?(?:好几|[一二三四五六七八九十两几\d]+)单|"
    r"(?:投诉|加班|返工|出错|报错)(?:量|率)?少(?:多了|了很多|了一半|了不少)|"
    r"(?:响应|处理|回复|解决|速度)(?:得|速度)?(?:很|非常|特别|这么|挺|超|真)快|(?:这么|很|非常)快(?:就)?(?:响应|处理|解决|回复)|"
    r"上手(?:很|挺|非常|特别)?(?:快|容易)|(?:每天|天天)都在用(?=[了它，,。！!]|$)|离不开了?|都用上了|用得(?:很|挺|越来越|非常)?(?:顺手|习惯)|"
    r"(?<![不没])(?:准备|决定|肯定会|会)(?:继续)?(?:续约|续费|续签)|"
    r"比以前(?:快|好|方便|省事|准|顺)(?:多了|了很多|了不少|太多了?)|"
    r"(?:快|方便|省事|轻松|顺畅|清楚)了?(?:很多|多了|不少|太多了?)|"
    r"(?:投诉|报错|错误|出错|加班|漏单|重复录入|返工|丢单)(?:量|率)?(?:少了|减少了|降了|下降了|没了)|"
    r"(?:成交|转化|回款|续费|满意度|签单|业绩|产能|人效|回复|响应|复购)[^，。！？价钱费]{0,3}(?:提高|提升|上升|涨)了|"
    r"(?:周期|时长|耗时|覆盖率|准确率|效率|转化率|成交率)从[^，。！？]{1,10}?(?:缩短|降|减少|提高|提升|提)(?:到|至)|"
    r"(?:决定|就)(?:用|选|定)(?:你们|贵司)|(?:我们|咱们)(?:想|希望|打算)?尽快(?:开始|上线|签|启动)|走合同流程|"
    r"把[^，。！？]{1,8}也(?:加进来|加上|用起来|上线|接进来)|"
    r"(?<!不考虑)(?<!不打算)(?:战略|深入|长期|进一步)合作|"
    r"(?<![没未])解决了(?:我们|我们的)?(?:大|很多|不少|老)?(?:问题|难题|痛点)|"
    # buying more, trying it with people, deciding to start: "确定了，再加五个", "再开二十个账号",
    # "我们会安排三个人一起测", "决定下季度上线", and a fix faster than expected: "这么快就弄好了"
    r"(?:确定|定了|决定|那就|就这么定)[^，。！？]{0,3}[，,]?(?:再)?(?:加|增加|追加|多买|加购|买)[一二三四五六七八九十两百\d]+个|"
    r"(?:再|多|新|加)开[一二三四五六七八九十两百\d]+个?(?:账号|席位|用户|坐席|license)|"
    r"(?:拉|安排|叫|找)(?:上)?[一二三四五六七八九十两几\d]+个[^，。！？]{0,4}?(?:一起)?(?:测|试用|试试|试一下|体验)|"
    r"决定[^，。！？不]{0,6}?(?:上线|采购|购买|签约|续约)|"
    # the purchase moving on, said as a done step or a dated commitment: "款已经付了", "这周就把钱打过去",
    # "采购流程走完了", "技术评审通过了", "同意你们的报价", "那我们就定了", "想升级到企业版"
    r"(?<![不没未])(?:准备|已经|已|刚)下单|订单(?:我们?)?(?:已经?|刚)?提交了|款(?:已经?|刚)(?:付|打|汇)|(?<![不没未])已经?(?:付款|打款|汇款)|"
    r"(?:这周|下周|明天|今天|月底前?|周[一二三四五])(?:就)?(?:付款|打款|把(?:钱|款)打过去)|采购流程(?:已经)?走完|"
    r"(?:合同|协议)(?:已经)?回签|走盖章|(?:方案|评审|技术评审|POC|poc|测试|试点|验收)(?:也)?(?:已经)?通过了|"
    r"(?:老板|领导|总监|经理)(?:说|觉得|认为)(?:可以|行|没问题|ok|OK)|就按这个(?:价格|价|报价)|"
    r"(?<![不没])同意(?:你们|贵司)?的?(?:报价|方案|价格)|这个价格(?:我们)?(?:能|可以)接受|"
    r"升级到(?:企业版|专业版|旗舰版|高级版)|(?<![不没])想(?:多买|加购)|先买[一二三四五六七八九十两百\d]+个|"
    r"(?:[^，。！？\s]{1,8}的)?问题(?:[^，。！？没未不还]{0,4}?就)?(?:都|也|已经|已|全|全部|基本)*(?:解决|修复|修好|处理好|搞定)了|(?:长期|一直)用下去|(?:那|那我们|我们)就定了|(?:就|我们)?选(?:你们|贵司)了|都说好|(?<![不没])(?:准备|打算|这周就能|就能|马上就?)签(?!不)|(?:就|那就)定(?:你们|贵司)了?|(?:这么|很|特别|非常|挺)快就(?:弄好|搞定|解决|修好|处理好|回复)"
    # ordering more, said plainly: "再来两万个", "这个月再拉20吨", "五月的货我准备加一倍", "也按现在这个标准做吧"
    r"|再来[一二三四五六七八九十两百千万\d]+|再(?:拉|订|要|进|加|买)[一二三四五六七八九十两百千万\d]+(?:箱|件|批|吨|份|扎|瓶|套|台|包|袋|斤|盒)"
    r"|(?<![不没])(?:加|翻)一倍|多开[一二三四五六七八九十两百\d]+个|多备(?:点|些|一些)"
    r"|也(?:纳入|按(?:现在|这个|同样)[^，。！？]{0,4}(?:标准|方案|价格|模式|做)|想(?:上|用|做|搵你哋做|找你们做)|交给你们)"
    r"|(?:全国|全公司|全集团|所有门店|全部门店|[一二三四五六七八九十\d]+个城市)[^，。！？]{0,6}?(?:铺开|推开)"
    r"|(?<![不没])续签[一二三四五六七八九十两\d]+年"
    # results said plainly: "仔猪拉稀少多了", "爽约的客人基本没有了", "卫生局检查也是一次过", "心里踏实多了"
    r"|(?<![不没])少多了|基本(?:没有了|没再(?:看到|出现|发生|有))|一次(?:就)?过|(?:踏实|放心|安心)多了"
    r"|卖得(?:挺|很|特别|非常)?(?:快|好)|(?:客人|顾客|大家|同事|校长|领导|客户|店里|那边)(?:都|也)说[^，。！？]{0,4}?(?:好|稳|不错|显档次|好看|好用|方便)"
    r"|达到(?:了)?预期|基本不(?:疼|痛|卡|出错)了"
    # a rate said to be high: "准确率很高", "及时率也上来了" (the rate's name alone is no praise)
    r"|(?<![不没])(?:准确|及时|成功|合格|好评|满意)(?:率|度)(?:也|都)?(?:很|非常|特别|挺|比较|蛮)?(?:高|提升了|提高了|上来了)(?!于)", re.I))
# a condition is not a stance yet: "if you can match their price, we'll renew"
_CONDITION = gated(re.compile(r"^\W*(?:if|unless|only if|provided)\b|\b(?:if|unless|as long as) "
                              r"(?:you|they|we|the|it|legal|finance)\b|如果|要是|假如|除非|只要|等[^，。]{1,15}再",
                              re.I))
_STANCE = Branches("plain_positive", PLAIN_POSITIVE)  # each run of stances opened by its own cue words
_STANCE_CUE = _STANCE.bits


def plain_positives(text: str, cues: int) -> int:
    """How many plain positive stances `text` (one sentence) states, outside a condition."""
    if not cues & _STANCE_CUE:
        return 0
    found = len(_STANCE.pattern_for(cues).findall(text))
    return found if found and not _CONDITION.search(text) else 0


def without_plain_positives(text: str, cues: int) -> str:
    """`text` with its plain positive stances blanked out, for the lexicon to score the rest
    (only the runs of stances its sentence's `cues` open can be in it)."""
    return _STANCE.pattern_for(cues).sub(" ", text) if cues & _STANCE_CUE else text
