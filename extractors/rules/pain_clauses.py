"""Clauses that hold a pain cue but are no pain point of their own, in English and Chinese.

`pains.pain_phrases` cuts a sentence into clauses and keeps those with a problem cue; these
shapes say which of them to leave out. A problem that went away is praise ("no-shows dropped by
half", "投诉率降了一半"); a consequence told right after its failure is the same problem
("导不出报表了，一点导出就转圈"); a bare count of recurrences ("这已经是第二次了") is a pain only
with what recurs; the vendor's diagnosis ("已复现，短信服务商侧时间戳异常导致校验失败") and the
customer's own next step ("我把出问题的工单号整理一下发群里", "we'll replay the failed events
ourselves") are not the customer's problem; a label before a colon ("主要痛点：…") and a bracketed
note ("[Voicemail transcript - auto-generated, may contain errors]") only frame one.
"""

from __future__ import annotations

import re

IMPROVED = re.compile(
    r"\b(?:finally (?:stopped|fixed)|saved (?:it|us|the|our)|(?:fewer|less) (?:\w+ )?than "
    r"(?:before|last)|(?:dropped|fell|went down|down|cut) by (?:half|\d+|a third)|"
    r"sav(?:es|ing) (?:\w+ ){0,2}?~?(?:about |around )?\d+|"
    # praise told with problem words: "zero defects since spring", "no complaints here", "never
    # once had to chase a payment", "wait times fell from 20 minutes to 5", "which used to take a
    # week", "the clerks stopped doing it by hand", "the kiosk has cut queues at reception"
    r"zero (?:[\w-]+ ){0,2}?(?:bugs?|complaints?|errors?|issues?|rejects?|rejected|outages?|"
    r"incidents?|defects?|returns?|failures?|tickets?|chargebacks?)|no complaints|never once had to|"
    r"(?:fell|dropped|went down|came down|cut|reduced) from (?:about |around |~)?\d[^.;]{0,40}? to|"
    r"used to take\b[^.;]{0,60}\btakes?|which used to take|stopped (?:doing|having to)\b|"
    r"(?:cut|halved|reduced) (?:the |our )?(?:\w+ )?(?:complaints|errors|calls|queues?|no-shows))\b|"
    # a gain told against the old way: "letters now go out within two days instead of three weeks"
    r"\b(?:within|in|under) (?:\w+ ){0,2}?\w+ instead of\b|"
    # a problem that did not come back: "没有再出现停线", "用户表示已无异响", "全季度零中断"
    r"没(?:有)?再[\u4e00-\u9fff]{0,3}?(?:出现|投诉|发生|坏|断|看到|见到|出过)|没有(?:客诉|投诉)|冇再|已无|零(?:中断|投诉|故障|事故|差错)|(?:首次|已经)超过(?:了)?(?:合同)?目标|"
    r"(?:量|率|次数|时间|投诉|工作量|成本|电话|排队|等待|等候|加班)[\u4e00-\u9fff]{0,2}(?:少了|降了|下降|减少|减半)|"
    r"少(?:丢|漏|跑)了?|不再|再也不用|扛下来|多亏|幸亏|好多了", re.I)
# a sentence about a problem of the past that is gone: "we used to have pharmacists ringing around
# other stores, now they just see it"; "以前月报要弄一个周末，现在二十分钟", "证书现在能自动发了，以前要等一个多月"
RESOLVED_PAST = re.compile(
    r"\bused to\b.*\bnow (?:we|they|it|i|you|he|she|everyone)\b|"
    r"以前.{2,40}(?:现在[\u4e00-\u9fff]{0,4}?(?:不用|直接|一键|自动|都能|只要|只需|"
    r"[\d一二两三四五六七八九十几半]+(?:分钟|秒|小时))|(?:今年|现在|后来)(?:用|换)了?(?:你们|贵司))|"
    r"现在[\u4e00-\u9fff]{0,4}?(?:能|可以|直接|自动|一键)[\u4e00-\u9fff]{0,10}?了?[，,].{0,6}以前", re.I)
# "一点导出就转圈", "信号一差就转圈": what a failure told just before does when it happens
ELABORATION = re.compile(r"^[\u4e00-\u9fff]{0,6}一[\u4e00-\u9fff]{1,4}就")
# what the failure told just before has cost since, without a subject of its own: "新店账号还没开通，
# 已经催了两次了", "会话记录要手动复制过去，一天要花一个多小时", "一个个导出来，再手工汇总成一张表"
FOLLOW_ON = re.compile(r"^(?:已经|都|前后)?(?:催|问|打|找|报|提|等)了(?:[\d一二两三四五六七八九十几好]+|半)[个多]*"
                       r"(?:次|遍|回|天|周|个?星期|个?礼拜|个?月|小时)|"
                       r"^(?:一天|每天|每周|每个?月|每次|一次)(?:都)?(?:要|得|需要)(?:花|耗)|"
                       r"^(?:然后)?再(?:手工|手动|人工|一个个|一条条|挨个)|"
                       # the penalty the failure just told brought: "…没人跟进，被罚了款"
                       r"^(?:结果|所以)?(?:还)?被(?:扣[了分钱款]|罚)|"
                       # the count of what the failure just told: "…又丢了，今天少了二十多条"
                       r"^[\u4e00-\u9fff]{0,8}?(?:少了|差了|多出|只有|只到了?)(?:个|将近|近|快)?"
                       r"[\d一二两三四五六七八九十几百]")
# a short Chinese clause that opens on an adverb leans on the clause before it for what failed:
# "大模型打开经常要五六分钟，有时直接卡死", "我打了三天电话，一个都没接" — after a plain fact the two are
# one pain; after a pain, one that tells what came of it ("历史数据导入后约15%字段错位，至今未修复",
# "发票抬头填错了一次，就改不了了") is that pain's sequel, while one that tells how often something
# else happens is a second problem ("客户资料全靠Excel，经常漏跟进")
FRAGMENT = re.compile(r"^(?:有时(?:候)?|偶尔|时不时|动不动|经常|老是|总是|一直|又|还|就|也|都|再|"
                      r"然后(?:就|又)?|结果|一个都|全都|(?:至今|到现在|到今天|现在|迄今)(?:都|也|还|仍)?(?:没|未))")
HOW_OFTEN = re.compile(r"^(?:有时(?:候)?|偶尔|时不时|动不动|经常|老是|总是)")
MAX_FRAGMENT_CHARS = 8  # Chinese characters; a longer clause names its own subject
MAX_FRAGMENT_TOPIC_CHARS = 40  # the clause before a fragment may be long: it carries the subject
# a bare consequence told after the failure in the same sentence is that failure, not a second
# pain: "登不上系统，提示SSO错误，前台没法收银", "整车报废，损失两万多", "短信发不出去，好几个会员说没收到",
# "数据少了一半，已经有客户投诉了" (a consequence with content of its own stays: "三份合同因此耽误了")
CONSEQUENCE = re.compile(
    r"^[\u4e00-\u9fff]{0,6}?(?:也|都|就|根本)?没法[\u4e00-\u9fff]{1,3}了?$|"
    r"^[\u4e00-\u9fff\d]{0,8}?损失[\u4e00-\u9fff\d.]{1,6}?(?:你知道吗)?$|"
    r"^[\u4e00-\u9fff]{0,4}?(?:已经|就|都|还)?有[\u4e00-\u9fff\d]{0,8}?(?:投诉了?|说没收到)$")
# the ones a demand is about, not a failure: "2）修不好的直接换新", "不能用的统一退回"
DEMAND_ABOUT = re.compile(r"(?:不能|无法|没法|修不好|用不了)[\u4e00-\u9fff]{0,2}的(?:就|都|请|直接|一律|全部|统一)")
# a rule the customer must follow is no failure: "集团要求数据不出机房，所以不能用公有云",
# "关不了，安全要求必须开"
POLICY = re.compile(r"(?:集团|公司|安全|合规|监管|法规|政策|规定|制度)(?:上|那边)?(?:要求|规定|不允许)")
POLICY_BOUND = re.compile(r"不能|关不了|不可以|不允许")
# "这已经是第二次了", "这个月第三次催了", "上个月也是这样"
BARE_RECURRENCE = re.compile(
    r"^(?:这|这个月|这周|本月|今年|已经|又|都|也|这次|而且)*(?:是)?第[二三四五六七八九十\d]+次"
    r"(?:了|催了?|出现|发生)?$|^(?:上次|上个月|上周|之前|以前|去年)(?:也|都)是这样(?:的)?$")
# a notice of the sender's own delay, with its apology: "春节期间邮件回复可能延迟，敬请谅解"
NOTICE = re.compile(r"敬请(?:谅解|见谅|原谅)|请您?谅解|给您带来(?:的)?不便")
# a verdict on the vendor's answer, not a problem: "这样的服务态度我们很难接受", "this answer is not
# acceptable" (the problem told with it stays: "导出一直报错，我们很难接受" keeps "导出一直报错")
UNACCEPTABLE = re.compile(r"(?:很难|难以|无法|没法|不能)接受")
# the vendor's handling note: "已复现，…导致…", "经排查，是…", "root cause was…"
DIAGNOSIS = re.compile(r"(?:^|[：:，,\s】])(?:已(?:复现|处理|定位|修复|排查)|经排查|经核实)(?:[，,。]|$)|"
                       r"\broot cause\b|\bwe(?:'ve| have) (?:reproduced|identified|found) |"
                       # the vendor's acknowledgement, in notes: "said it's a known upload bug on
                       # mobile", "对时效问题表示歉意，说明照片上传问题是移动端的已知缺陷"
                       r"\b(?:it'?s|it is|is|was) a known (?:\w+ )?(?:bug|issue|defect|limitation)\b|"
                       r"表示歉意|已知(?:的)?(?:缺陷|问题|bug)", re.I)
# the vendor owning up to its own mistake: "抱歉，文档那块确实有两处写错了，我们这周改", "sorry, the
# export was wrong on our side, we'll fix it today"
ADMISSION = re.compile(r"(?:抱歉|不好意思|sorry|apolog).*(?:我们|we)(?:'ll| will)?\s?(?:这周|今天|马上|尽快|会)?"
                       r"(?:改|修|fix|correct|update)", re.I)
# the speaker's own next step: "我把这两次出问题的工单号整理一下发群里", "we'll replay the failed
# events ourselves", "- Dom to share 10 recordings with poor transcripts"
OWN_ACTION = re.compile(
    r"^我(?:们)?(?:这边)?(?:先|再)?把.{0,24}?(?:整理|发|转|汇总|截图|导出)|"
    # handed to a colleague, or in a note's action list: "我这周会请业务助理把重复的名单整理出来",
    # "今天把三个典型案例发给对方"
    r"^(?:我(?:们)?|今天|明天|下周|本周|这周|回头|稍后)[\u4e00-\u9fff]{0,6}?(?:(?:请|让|叫)[\u4e00-\u9fff]{1,8}?)?"
    r"把.{0,24}?(?:整理|汇总|发给|发到|发群|转给)|"
    r"^(?:i|we)(?:'ll| will) (?:replay|re-?run|retry|resend|re-?send|test|try|collect|compile|"
    r"gather|put together)\b|^[-•*]?\s*\w+ to (?:share|send|collect|compile|pull|set up|gather)\b",
    re.I)
# "主要痛点：", "Two issues:" as the head of a clause cut at its colon
LABEL = re.compile(r"(?:痛点|问题|毛病|issues?|problems?|pain points?|complaints?)\s*$", re.I)
MAX_LABEL_CHARS = 12
# a decision not to renew or go on is an objection, and the reason given with it too: "we won't be
# renewing the add-on, nobody uses it", "明年不续了，销售都不用"
DECLINED = re.compile(r"\b(?:won'?t|will not|not going to|aren'?t going to|are not going to|don'?t plan to)"
                      r" (?:be )?(?:renew|extend|continu|expand|upgrad)\w*|\bnot renewing\b|"
                      r"不(?:打算|准备|会)?再?续(?:费|约|签)?了|不再续", re.I)
# the reach of the problem told just before: "影响约60人。", "This affects every site."
SCOPE = re.compile(r"^\s*(?:这|这个|此|this|it|that)?\s*(?:也|还)?(?:影响(?:了|到)?|affects|affected|"
                   r"is affecting|impacts|impacted|is impacting)", re.I)
METADATA = re.compile(r"^\s*[\[【][^\]】]*[\]】]\s*$")
