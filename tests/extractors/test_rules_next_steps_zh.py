"""Next steps, Chinese classes found on the dev and blind splits (with English counterparts where
the class exists in English): plan lists, filler said on the spot, looks and tries, list items."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps

PLAN_LISTS = [
    pytest.param([("rep", "我先说一下我们这边的安排：明天开通所有账号，后天给管理员做培训，这周内把历史数据导进去。")],
                 [("开通所有账号", "rep", date(2026, 3, 3)), ("给管理员做培训", "rep", date(2026, 3, 4)),
                  ("把历史数据导进去", "rep", date(2026, 3, 6))], id="zh-subjectless-days-and-ba"),
    pytest.param([("customer", "那我们这边需要做什么？"),
                  ("rep", "两件事：一是下周一前把所有销售的名单和手机号整理好发给我们；二是准备一台测试电脑。")],
                 [("把所有销售的名单和手机号整理好发给我们", "customer", date(2026, 3, 9)),
                  ("准备一台测试电脑", "customer", None)], id="zh-numbered-item-sent-to-us-is-asked"),
    pytest.param([("rep", "今晚我们重新跑一遍迁移脚本。")],
                 [("重新跑一遍迁移脚本", "rep", date(2026, 3, 2))], id="zh-tonight-before-subject"),
    pytest.param([("rep", "Here is the plan: tomorrow we open all the accounts, on Wednesday we train your "
                          "admins.")],
                 [("open all the accounts", "rep", date(2026, 3, 3)),
                  ("train your admins", "rep", date(2026, 3, 4))], id="en-plan-list"),
]


@pytest.mark.parametrize(("turns", "expected"), PLAN_LISTS)
def test_a_plan_list_is_one_step_per_item_each_with_its_own_day(turns, expected):
    assert steps(turns) == expected


GOES_ON = [
    pytest.param([("rep", "我今天下班前一定给您回电话，确认具体的送货时间。")],
                 [("给您回电话并确认具体的送货时间", "rep", date(2026, 3, 2))], id="zh-call-back-to-confirm"),
    pytest.param([("agent", "方便留个电话吗？我让销售顾问今天联系您，详细给您介绍")],
                 [("销售顾问联系您并详细给您介绍", "rep", date(2026, 3, 2))], id="zh-delegated-and-in-detail"),
    pytest.param([("customer", "那可能需要升级，麻烦让销售这周内联系我一下。")],
                 [("销售联系我一下", "rep", date(2026, 3, 6))], id="zh-please-have-sales-call-me"),
    pytest.param([("agent", "我马上联系物流那边，今天下班前一定给您回电话。")],
                 [("联系物流那边并给您回电话", "rep", date(2026, 3, 2))], id="zh-check-then-call-back-is-one-step"),
    pytest.param([("rep", "麻烦您这边确认无误后盖章，4月10号前寄回我司即可。")],
                 [("确认无误后盖章并寄回我司", "customer", date(2026, 4, 10))], id="zh-dated-second-verb"),
    pytest.param([("rep", "I'll call you back today and confirm the delivery time.")],
                 [("call you back and confirm the delivery time", "rep", date(2026, 3, 2))],
                 id="en-call-back-and-confirm"),
]


@pytest.mark.parametrize(("turns", "expected"), GOES_ON)
def test_a_subjectless_verb_phrase_goes_on_with_the_step_before(turns, expected):
    assert steps(turns) == expected


NOT_STEPS = [
    pytest.param([("customer", "订单号是BG2026020388。"),
                  ("agent", "您好，我就是，请稍等我查一下……查到了，是华信律所的订单对吧？")],
                 id="zh-wait-while-i-check-after-thats-me"),
    pytest.param([("customer", "Order 3958."),
                  ("agent", "Yes, that's me, bear with me while I look it up... found it.")],
                 id="en-bear-with-me"),
    pytest.param([("rep", "试用账号已经开好了。"), ("customer", "行，我回头看看。")], id="zh-ill-have-a-look"),
    pytest.param([("rep", "您有空可以先看看。")], id="zh-you-may-have-a-look"),
    pytest.param([("customer", "那我们先申请个trial试试。")], id="zh-well-give-it-a-try"),
    pytest.param([("agent", "亲，您好~ 我们是电子发票哦。")], id="zh-greeting-is-no-request"),
    pytest.param([("rep", "我先说一下今天的安排。")], id="zh-let-me-say-is-this-meeting"),
]


@pytest.mark.parametrize("turns", NOT_STEPS)
def test_filler_looks_tries_and_greetings_are_not_steps(turns):
    assert steps(turns) == []


ACTIONS = [
    pytest.param([("rep", "我们写脚本，你们业务那边抽样核对就行。")], "业务抽样核对", id="zh-jiuxing-tail-and-nabian"),
    pytest.param([("customer", "集团IT在考虑统一，你们最好准备一下对比材料。"), ("rep", "好的，对比材料我月底前准备好发给您。")],
                 "准备一下对比材料", id="zh-zuihao-lead"),
    pytest.param([("customer", "请在3个工作日内书面回复，我们需要据此完成等保评估。")], "书面回复",
                 id="zh-purpose-after-request"),
    pytest.param([("agent", "您那边方便的话发我一下订单号。")], "发我一下订单号", id="zh-if-convenient-lead"),
]


@pytest.mark.parametrize(("turns", "action"), ACTIONS)
def test_a_requests_softeners_and_purpose_are_not_its_action(turns, action):
    assert [a for a, _, _ in steps(turns)] == [action]


@pytest.mark.parametrize(("label", "owner"), [
    pytest.param("处理记录", "rep", id="ticket-handling-record"),
    pytest.param("官方回复（乐听会员服务）", "rep", id="brand-public-reply"),
])
def test_a_vendor_reply_label_makes_its_promise_the_reps(label, owner):
    from assistant.models import Source, Touchpoint
    from extractors.base import CompetitorCatalog, ExtractionContext
    from extractors.rules import RulesExtractor
    from tests.extractors.test_rules_next_steps import MONDAY

    text = f"问题描述：审批单无法同步到钉钉。\n{label}：非常抱歉，今晚我们重新跑一遍同步脚本。"
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket", occurred_at=MONDAY, text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    found = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog())).next_steps
    assert [(s.action, s.owner) for s in found] == [("重新跑一遍同步脚本", owner)]


FROM_THE_ASK = [
    pytest.param([("customer", "上次那个报价，还能再便宜点不？老板嫌贵"), ("customer", "别家报的比你们少三千多"),
                  ("rep", "我问下领导哈，周一给您回复")],
                 [("给您回复能否再便宜点", "rep", date(2026, 3, 9))], id="zh-reply-answers-a-yes-no-question"),
    pytest.param([("customer", "你们支持私有化部署吗？"), ("rep", "这个我得问一下产品，明天给您答复。")],
                 [("给您答复是否支持私有化部署", "rep", date(2026, 3, 3))], id="zh-reply-drops-you"),
    pytest.param([("customer", "发票什么时候能开？"), ("rep", "我今天下午给您回复。")],
                 [("给您回复发票什么时候能开", "rep", date(2026, 3, 2))], id="zh-reply-to-a-wh-question"),
    pytest.param([("rep", "自定义条款其实后台能配，我后天远程帮您弄好。")],
                 [("远程把自定义条款弄好", "rep", date(2026, 3, 4))], id="zh-result-from-the-clause-before"),
    pytest.param([("customer", "不过权限那块也太复杂了吧，周三前能帮忙调一下吗？"), ("rep", "收到，我明天上午远程帮您配好")],
                 [("远程把权限配好", "rep", date(2026, 3, 3))], id="zh-result-from-the-ask"),
    pytest.param([("rep", "了解，个人微信的话我们也有插件"), ("customer", "哦？那你发我看看"), ("rep", "好，我下午发您")],
                 [("把个人微信插件发我看看", "rep", date(2026, 3, 2))], id="zh-send-me-what-you-said-you-have"),
    pytest.param([("customer", "那你先申请看看吧。"), ("rep", "好的，我下周一前给您答复。")],
                 [("申请看看并给您答复", "rep", date(2026, 3, 9))], id="zh-reply-answers-the-request"),
]


@pytest.mark.parametrize(("turns", "expected"), FROM_THE_ASK)
def test_a_short_reply_or_result_takes_its_object_from_the_ask(turns, expected):
    assert steps(turns) == expected


def test_a_reply_with_an_object_of_its_own_keeps_it():
    found = steps([("customer", "你们支持私有化部署吗？"), ("rep", "我明天给您回复具体的部署方案。")])
    assert found == [("给您回复具体的部署方案", "rep", date(2026, 3, 3))]


def email(text: str, direction: str = "inbound") -> list[tuple[str, str, date | None]]:
    from assistant.models import Source, Touchpoint
    from extractors.base import CompetitorCatalog, ExtractionContext
    from extractors.grounding import is_verified
    from extractors.rules import RulesExtractor
    from tests.extractors.test_rules_next_steps import MONDAY

    tp = Touchpoint(id="tp", tenant_id="t", channel="email", direction=direction,  # type: ignore[arg-type]
                    occurred_at=MONDAY, text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    found = RulesExtractor().extract(tp, ExtractionContext(catalog=CompetitorCatalog())).next_steps
    assert all(is_verified(s.evidence, tp.text) for s in found)
    return [(s.action, s.owner, s.due) for s in found]


DEMANDS = [
    pytest.param("贵司客户成功团队：\n\n3月份系统宕机三次。\n\n我方要求：\n1. 本周五前提供书面故障报告；\n"
                 "2. 按合同约定的SLA条款进行赔偿。\n\n黄志强",
                 [("提供书面故障报告", "rep", date(2026, 3, 6)), ("按合同约定的SLA条款进行赔偿", "rep", None)],
                 id="zh-requirements-heading"),
    pytest.param("Hi team,\n\nWe need the following from you:\n1. Compensate us per the SLA terms.\n"
                 "- Confirm the root cause fix by next Wednesday\n\nThanks",
                 [("Compensate us per the SLA terms", "rep", None),
                  ("Confirm the root cause fix", "rep", date(2026, 3, 11))], id="en-need-the-following"),
    pytest.param("附件包括：\n1. 本周五前的排期表；\n2. 报价单。", [], id="zh-plain-list-asks-nothing"),
]


@pytest.mark.parametrize(("text", "expected"), DEMANDS)
def test_numbered_items_under_a_demands_heading_are_requests_of_the_reader(text, expected):
    assert email(text) == expected


def test_a_salutation_alone_on_its_line_is_no_speaker():
    found = email("陈静：\n\n合同我们领导签好了。\n\n另外：\n请尽快发培训通知过来。\n\n卢静")
    assert found == [("发培训通知", "rep", None)]


def test_a_bracketed_entry_in_a_handling_record_is_its_writers():
    from assistant.models import Source, Touchpoint
    from extractors.rules.sentences import split_sentences
    from tests.extractors.test_rules_next_steps import MONDAY

    text = ("问题描述：录音播放没反应。\n处理记录：\n【实施顾问-邱杰】非常抱歉。今晚我们重新跑一遍脚本。\n"
            "【客户-邓思思 11:45】可以了，全部能播放了。")
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket", occurred_at=MONDAY, text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    assert [s.role for s in split_sentences(tp)] == ["customer", "rep", "rep", "customer"]


CONTEXT_OBJECTS = [
    pytest.param([("customer", "账号请在月底停用，之前的客户数据麻烦导出一份给我们。")],
                 [("停用账号", "rep", date(2026, 3, 31)), ("之前的客户数据导出一份给我们", "rep", None)],
                 id="zh-object-before-mafan-measure-word-only"),
    pytest.param([("customer", "从4月1日起，贵司系统的审批单无法同步到钉钉，报错“token无效”。"),
                  ("customer", "请在本周内修复。")],
                 [("修复（贵司系统的审批单无法同步到钉钉）", "rep", date(2026, 3, 6))],
                 id="zh-bare-fix-names-the-problem-before"),
    pytest.param([("rep", "今晚我们重新跑一遍迁移脚本，明早给您结果。")],
                 [("重新跑一遍迁移脚本", "rep", date(2026, 3, 2)),
                  ("给您结果（重新跑一遍迁移脚本）", "rep", date(2026, 3, 3))],
                 id="zh-result-on-another-day-is-its-own-step"),
    pytest.param([("customer", "名单没问题，电脑我今天就去申请。")], [("申请电脑", "customer", date(2026, 3, 2))],
                 id="zh-fronted-object-after-qu"),
    pytest.param([("customer", "好，组织架构图我们明天发过来。会议纪要你用飞书发我们群里就行。")],
                 [("把组织架构图发过来", "customer", date(2026, 3, 3)), ("会议纪要用飞书发我们群里", "rep", None)],
                 id="zh-fronted-object-before-ni-with-a-request-tail"),
]


@pytest.mark.parametrize(("turns", "expected"), CONTEXT_OBJECTS)
def test_a_bare_action_takes_its_object_from_the_sentence_or_the_complaint(turns, expected):
    assert steps(turns) == expected


WAITING_AND_RIGHT_AWAY = [
    pytest.param([("agent", "我们已经在排查了，恢复后第一时间在群里通知您。")],
                 [("恢复后在群里通知您", "rep", None)], id="zh-subjectless-promise-after-an-event"),
    pytest.param([("agent", "亲，这边马上给您加急处理。")], [("给您加急处理", "rep", date(2026, 3, 2))],
                 id="zh-zhebian-is-we"),
    pytest.param([("agent", "您把请求日志发到我邮箱。"), ("customer", "好，我挂了电话马上发。")],
                 [("把请求日志发到我邮箱", "customer", date(2026, 3, 2))], id="zh-right-away-after-hanging-up"),
    pytest.param([("rep", "年后我们出一份需求调研报告。")], [("出一份需求调研报告", "rep", None)],
                 id="zh-after-the-new-year-we"),
    pytest.param([("agent", "确认收货后会发到您预留的邮箱[玫瑰]")], [("确认收货后发到您预留的邮箱", "rep", None)],
                 id="zh-emoticon-code-dropped"),
]


@pytest.mark.parametrize(("turns", "expected"), WAITING_AND_RIGHT_AWAY)
def test_promises_waiting_for_an_event_or_done_right_away(turns, expected):
    assert steps(turns) == expected


@pytest.mark.parametrize("turns", [
    pytest.param([("customer", "你们系统今天又登录不上了！！！")], id="zh-state-reached-is-a-complaint"),
    pytest.param([("customer", "你们今天又卡了。")], id="zh-stuck-again"),
])
def test_a_complaint_about_today_is_no_request(turns):
    assert steps(turns) == []


def test_a_bundled_step_takes_the_date_of_the_step_just_before_only():
    found = steps([("agent", "我们今天下午修复，修复后第一时间在群里通知您。"),
                   ("agent", "修复后我会把原因说明一并发到群里。")])
    assert found[-1] == ("把原因说明一并发到群里", "rep", None)
    assert steps([("rep", "I'll send the report by Thursday."), ("customer", "Can you also include pricing?")]) \
        == [("send the report", "rep", date(2026, 3, 5)), ("include pricing", "rep", date(2026, 3, 5))]


POLITE_ASKS = [
    pytest.param([("customer", "能否再给我们一个200用户的阶梯报价？")],
                 [("给我们一个200用户的阶梯报价", "rep", None)], id="zh-nengfou-question-asks"),
    pytest.param([("customer", "你们能不能派人过来看看？")], [("派人过来看看", "rep", None)],
                 id="zh-a-not-a-is-no-negation"),
    pytest.param([("customer", "老板同意采购了，请尽快发合同过来。")], [("发合同", "rep", None)],
                 id="zh-direction-after-the-object-dropped"),
    pytest.param([("customer", "第一，合同条款，法务那边下周二前给意见。")],
                 [("法务给意见", "customer", date(2026, 3, 10))], id="zh-team-nabian-dropped"),
    pytest.param([("agent", "麻烦您提供一下营业执照，我们审核后两天内开通。"), ("customer", "好，我明天提供。")],
                 [("提供一下营业执照", "customer", date(2026, 3, 3)), ("审核后开通", "rep", None)],
                 id="zh-plain-we-dated-after-and-the-answer-skips-it"),
]


@pytest.mark.parametrize(("turns", "expected"), POLITE_ASKS)
def test_polite_asks_and_plain_dated_plans(turns, expected):
    assert steps(turns) == expected


@pytest.mark.parametrize("turns", [
    pytest.param([("customer", "你们能不能导出CSV？")], id="zh-capability-question"),
    pytest.param([("customer", "我们上个月的发票到现在还没收到。")], id="zh-complaint-with-a-time"),
])
def test_a_capability_question_or_a_complaint_is_no_step(turns):
    assert steps(turns) == []


@pytest.mark.parametrize("reply_header", [
    pytest.param("Reply from Touchpoint Social Care:", id="en-reply-from"),
    pytest.param("官方回复：", id="zh-official-reply"),
])
def test_a_brands_reply_under_a_public_post_is_the_reps(reply_header):
    from assistant.models import Source, Touchpoint
    from extractors.rules.sentences import split_sentences
    from tests.extractors.test_rules_next_steps import MONDAY

    text = f"Source: LinkedIn\n\nHalf of our recordings vanished.\n\n---\n{reply_header}\nSorry, Dana. Could you DM us?"
    tp = Touchpoint(id="tp", tenant_id="t", channel="ticket", occurred_at=MONDAY, text=text,
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    roles = {s.text: s.role for s in split_sentences(tp)}
    assert roles["Half of our recordings vanished."] == "customer"
    assert roles["Could you DM us?"] == "agent"


def test_sending_it_now_after_will_do_dates_the_request_today():
    found = steps([("customer", "send me the details and I'll run it by my partner"),
                   ("agent", "Will do, sending it to your account email now.")])
    assert found[0] == ("send me the details", "rep", date(2026, 3, 2))


MORE_CONTEXT = [
    pytest.param([("rep", "我今天下班前一定把发票寄出，快递单号发您微信。")],
                 [("把发票寄出", "rep", date(2026, 3, 2)), ("把快递单号发您微信", "rep", date(2026, 3, 2))],
                 id="zh-handover-goes-out-with-the-parcel"),
    pytest.param([("customer", "陈静早，合同我们领导签好了，今天寄出")], [("把合同寄出", "customer", date(2026, 3, 2))],
                 id="zh-bare-sent-takes-the-object-before-the-subject"),
    pytest.param([("rep", "续约价格不变，如果签两年可以再优惠5%"), ("customer", "ok 我跟 finance 商量一下，下周给你答复")],
                 [("给你答复是否签两年", "customer", date(2026, 3, 9))], id="zh-reply-to-an-offers-condition"),
    pytest.param([("rep", "另外开通账号需要一个管理员手机号，方便的话一并发我。")],
                 [("把管理员手机号一并发我", "customer", None)], id="zh-send-me-what-is-needed"),
    pytest.param([("customer", "麻烦安排技术同事跟我们对一下导出的问题，另外方言识别的优化也请给个时间表。")],
                 [("安排技术同事跟我们对一下导出的问题", "rep", None), ("方言识别的优化也给个时间表", "rep", None)],
                 id="zh-bie-inside-shibie-is-no-negation"),
    pytest.param([("customer", "那个，API文档麻烦发我一下，我们开发想先看看，最好明天上午之前。")],
                 [("把API文档发我一下", "rep", date(2026, 3, 3))], id="zh-zuihao-date-clause"),
    pytest.param([("customer", "Could you send the API docs, ideally by tomorrow?")],
                 [("send the API docs", "rep", date(2026, 3, 3))], id="en-ideally-by-tomorrow"),
    pytest.param([("customer", "你们系统今天又登录不上了！！！"), ("agent", "非常抱歉，我们已经在排查了，预计一小时内恢复。")],
                 [("恢复（你们系统今天又登录不上了）", "rep", date(2026, 3, 2))], id="zh-restore-what-the-customer-said"),
    pytest.param([("agent", "已复现，修复版本预计下周二发布。")], [("发布修复版本", "rep", date(2026, 3, 10))],
                 id="zh-object-then-expected-day"),
    pytest.param([("agent", "新机器取件后3个工作日内发出。")], [("新机器取件后发出", "rep", None)],
                 id="zh-days-after-an-event-are-no-due"),
    pytest.param([("agent", "新机器48小时内发出。")], [("发出新机器", "rep", date(2026, 3, 4))],
                 id="zh-hours-in-digits"),
]


@pytest.mark.parametrize(("turns", "expected"), MORE_CONTEXT)
def test_objects_and_dates_from_the_rest_of_the_sentence_or_turn(turns, expected):
    assert steps(turns) == expected


OTHER_VOICES = [
    pytest.param([("customer", "Every webhook is delivered twice. This needs to be fixed before April 20.")],
                 [("fix this", "rep", date(2026, 4, 20))], id="en-needs-to-be-fixed-asks"),
    pytest.param([("customer", "We need this sorted before the old account is shut down on March 31.")],
                 [("sort this out", "rep", date(2026, 3, 31))], id="en-we-need-this-sorted"),
    pytest.param([("agent", "It's a caching bug. The fix is going out tonight.")],
                 [("ship the fix", "rep", date(2026, 3, 2))], id="en-the-fix-is-going-out"),
    pytest.param([("agent", "The patch will be deployed on Thursday.")],
                 [("deploy the patch", "rep", date(2026, 3, 5))], id="en-will-be-deployed"),
    pytest.param([("agent", "Reproduced it. A fix goes out in the next release, Thursday.")],
                 [("ship a fix", "rep", date(2026, 3, 5))], id="en-release-dated-by-the-next-clause"),
    pytest.param([("customer", "Can someone on your side dig into the add-in?")],
                 [("dig into the add-in", "rep", None)], id="en-can-someone-on-your-side"),
]


@pytest.mark.parametrize(("turns", "expected"), OTHER_VOICES)
def test_a_step_said_in_the_passive_or_of_a_release_is_a_step(turns, expected):
    assert steps(turns) == expected


@pytest.mark.parametrize("turns", [
    pytest.param([("agent", "The fix went out last night.")], id="en-release-done"),
    pytest.param([("agent", "The update ships with new dashboards.")], id="en-release-undated"),
])
def test_a_release_without_a_day_ahead_is_no_step(turns):
    assert steps(turns) == []


@pytest.mark.parametrize("turns", [
    pytest.param([("rep", "We can sync Zendesk tickets both ways."), ("customer", "Great.")], id="en-we-can-sync"),
    pytest.param([("rep", "没问题，我们可以跟钉钉对接。"), ("customer", "好。")], id="zh-women-keyi-duijie"),
])
def test_what_the_product_can_do_is_no_offer_even_when_welcomed(turns):
    assert steps(turns) == []


def test_an_offer_to_do_it_for_them_is_still_an_offer():
    assert steps([("rep", "We can sync the tickets for you."), ("customer", "Great.")]) \
        == [("sync the tickets for you", "rep", None)]


QUESTIONS_AND_OBJECTS = [
    pytest.param([("rep", "下周二上午我给您打个电话，占用您十分钟简单聊聊？")],
                 [("给您打个电话", "rep", date(2026, 3, 10))], id="zh-dated-plan-then-a-question"),
    pytest.param([("rep", "年后我们再联系。")], [("联系", "rep", None)], id="zh-after-the-new-year-is-no-event"),
    pytest.param([("agent", "非常抱歉给您带来不好的体验 麻烦您拍个小视频发给我们看看哦"), ("customer", "[视频]"),
                  ("customer", "发了")], [], id="zh-sent-after-a-media-placeholder"),
]


@pytest.mark.parametrize(("turns", "expected"), QUESTIONS_AND_OBJECTS)
def test_dated_plans_in_questions_times_and_media(turns, expected):
    assert steps(turns) == expected


@pytest.mark.parametrize("turns", [
    pytest.param([("agent", "请稍等，这边帮您查询一下。")], id="zh-nin-after-bang-is-an-object"),
    pytest.param([("customer", "明天能发吗？")], id="zh-dated-question-alone-asks"),
])
def test_a_coverbs_object_or_a_dated_question_is_no_step_of_its_own(turns):
    assert steps(turns) == []


def test_a_spoken_list_item_without_a_pattern_is_the_same_sides_step():
    found = steps([("customer", "那我们这边需要做什么？"),
                   ("rep", "两件事：一是下周一前把所有销售的名单整理好发给我们；二是准备一台能访问外网的测试电脑。"),
                   ("customer", "名单没问题，电脑我今天就去申请。")])
    assert found == [("把所有销售的名单整理好发给我们", "customer", date(2026, 3, 9)),
                     ("准备一台能访问外网的测试电脑", "customer", date(2026, 3, 2))]


def test_an_emails_bare_reply_names_what_the_email_lists():
    found = email("您好，\n\n我司对贵司产品有以下几点疑问：\n1. 数据是否存储在国内？\n2. 是否支持私有化部署？\n\n"
                  "请在3个工作日内书面回复，我们需要据此完成等保评估。")
    assert found == [("书面回复（疑问）", "rep", date(2026, 3, 5))]


SERVICE_PROMISES = [
    pytest.param([("agent", "另外我给您申请一个月的服务费减免，作为补偿。")],
                 [("给您申请一个月的服务费减免", "rep", None)], id="zh-applying-for-the-customer"),
    pytest.param([("agent", "今天下班前二线工程师会直接给您打电话。")],
                 [("二线工程师会直接给您打电话", "rep", date(2026, 3, 2))], id="zh-time-before-a-team"),
    pytest.param([("agent", "明天上午技术同事会联系您。")],
                 [("技术同事会联系您", "rep", date(2026, 3, 3))], id="zh-time-before-colleagues"),
    pytest.param([("agent", "我帮您查一下。")], [], id="zh-checking-now-is-no-step"),
]


@pytest.mark.parametrize(("turns", "expected"), SERVICE_PROMISES)
def test_a_service_started_for_the_customer_and_a_team_after_a_time(turns, expected):
    assert steps(turns) == expected
