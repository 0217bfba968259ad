"""Next steps, Chinese classes read off the tuning splits in session 3 (invented examples): what only
looks like a request (thanks, notices, written conditions, complaints of what is not done), asides
that describe nothing, the speaker's own calendar, and asks answered by the other side's promise."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps

NOT_STEPS = [
    pytest.param([("customer", "感谢您上周三抽空来厂里交流。")], id="zh-thanks-you"),
    pytest.param([("rep", "谢谢您和同事们今天花了一上午时间。")], id="zh-thanks-you-and-team"),
    pytest.param([("rep", "电子发票已经发到财务邮箱，请注意查收。")], id="zh-please-note-receipt"),
    pytest.param([("rep", "以下是今天的会议纪要，请查阅。")], id="zh-please-read-minutes"),
    pytest.param([("rep", "如有遗漏请随时补充。")], id="zh-if-anything-missing"),
    pytest.param([("rep", "如您不是指定收件人，请立即删除本邮件并通知发件人。")], id="zh-disclaimer"),
    pytest.param([("rep", "若有任何疑问，请随时联系我。")], id="zh-written-if"),
    pytest.param([("customer", "你们那个打印插件在新装的电脑上装不上，一装就报错。")], id="zh-cannot-install"),
    pytest.param([("customer", "上周你们后台没更新，导致我们的库存全乱了。")], id="zh-not-updated"),
    pytest.param([("customer", "我们这边月底要做年度盘点，这个数据必须对上。")], id="zh-own-stocktake"),
    pytest.param([("customer", "周四我们开会，到时候再说。")], id="zh-own-meeting"),
    pytest.param([("customer", "我下周二要跟董事长汇报这个项目。")], id="zh-own-report-up"),
]


@pytest.mark.parametrize("turns", NOT_STEPS)
def test_thanks_notices_conditions_complaints_and_own_calendar_are_no_steps(turns):
    assert steps(turns) == []


REQUESTS = [
    pytest.param([("rep", "请提供一下门店的收银流水（含退货记录的那份），我们核对后再答复。")],
                 ("提供一下门店的收银流水（含退货记录的那份）", "customer", None), id="zh-aside-in-brackets"),
    pytest.param([("rep", "请您明天中午前把系统导出的原始台账发我。")],
                 ("把系统导出的原始台账发我", "customer", date(2026, 3, 3)), id="zh-ba-object-with-relative"),
    pytest.param([("rep", "我明天上午远程帮您核对科目余额表。")],
                 ("远程核对科目余额表", "rep", date(2026, 3, 3)), id="zh-yu-e-is-no-filler"),
]


@pytest.mark.parametrize(("turns", "expected"), REQUESTS)
def test_an_aside_or_a_relative_clause_in_the_object_keeps_the_step(turns, expected):
    assert expected in steps(turns)


def test_the_reason_after_a_request_is_no_step_even_with_a_day():
    assert steps([("customer", "麻烦周三前把报价单发我，我周四要跟老板汇报。")]) == [
        ("把报价单发我", "rep", date(2026, 3, 4))]
    assert steps([("customer", "请今天把合同发过来，我节后第一天就走盖章流程。")]) == [
        ("把合同发过来", "rep", date(2026, 3, 2))]


ANSWERED = [
    pytest.param([("customer", "能不能安排人帮我们看一下？"),
                  ("agent", "收到，我明天上午远程帮您检查打印机驱动。")],
                 [("远程检查打印机驱动", "rep", date(2026, 3, 3))], id="zh-look-into-it-then-what"),
    pytest.param([("customer", "请帮忙排查。"),
                  ("agent", "您好，麻烦把报错截图发我们一下，我们今天排查服务器日志。")],
                 [("排查服务器日志", "rep", date(2026, 3, 2)), ("把报错截图发我们一下", "customer", None)],
                 id="zh-own-ask-first-then-the-promise"),
    pytest.param([("rep", "部署手册麻烦您让运维同事发我们一份。"),
                  ("customer", "好，我让小周明天发你。")],
                 [("部署手册让运维同事发我们一份", "customer", date(2026, 3, 3))], id="zh-delegated-handover"),
]


@pytest.mark.parametrize(("turns", "expected"), ANSWERED)
def test_an_ask_answered_by_the_other_sides_promise_is_one_step(turns, expected):
    assert steps(turns) == expected


def notes(text: str, channel: str = "meeting", direction: str = "inbound"
          ) -> list[tuple[str, str, date | None]]:
    from tests.extractors.test_rules_action_items import steps_of

    return steps_of(text, channel, direction)  # occurred Tue 2026-04-14


MINUTES = [
    pytest.param(
        "供应链系统需求会\n参会：远山物流 仓储部 齐经理、财务 童总；我方 项目经理 叶青、实施顾问 小韦\n\n"
        "齐经理：库位清单我们这边下周三前整理好发给你们。\n"
        "叶青：好的，收到清单后我们周五前出一版配置方案。\n",
        [("库位清单整理好发给你们", "customer", date(2026, 4, 22)), ("出一版配置方案", "rep", date(2026, 4, 17))],
        id="zh-attendee-line-gives-speakers-sides"),
    pytest.param(
        "【纪要】启明制药 × 青禾科技 CRM启动会\n"
        "参会：启明制药 — 陆总（销售副总）、IT 郑工；青禾科技 — 方圆（实施顾问）、唐宁（项目经理）\n\n"
        "待办事项：\n1. 青禾科技（方圆）：出具数据迁移方案，4月24日前；\n2. 启明（郑工）：开通测试服务器账号，下周一前；\n",
        [("出具数据迁移方案", "rep", date(2026, 4, 24)), ("开通测试服务器账号", "customer", date(2026, 4, 20))],
        id="zh-two-organisations-the-one-with-implementation-is-the-vendor"),
    pytest.param(
        "二、待办\n1）王凯（我方）：4月20日前提交实施计划；\n2）林涛（客户IT）：开通测试环境的VPN账号；\n",
        [("提交实施计划", "rep", date(2026, 4, 20)), ("开通测试环境的VPN账号", "customer", None)],
        id="zh-full-width-item-numbers-and-side-tags"),
    pytest.param(
        "甲方 项目经理 侯敏：验收单我们下周一签。\n乙方 项目经理 田野：好的，剩下的问题我们周五前处理完。\n"
        "侯敏：行，就这样。\n",
        [("签验收单", "customer", date(2026, 4, 20)), ("剩下的问题处理完", "rep", date(2026, 4, 17))],
        id="zh-jiafang-yifang-labels"),
    pytest.param(
        "韩经理（客户）：我们要求三个工作日内给出书面事故报告。\n许峰（我方）：可以。\n",
        [("给出书面事故报告", "rep", date(2026, 4, 17))], id="zh-we-demand-asks-the-other-side"),
]


@pytest.mark.parametrize(("text", "expected"), MINUTES)
def test_notes_say_each_attendees_side_and_each_items_owner(text, expected):
    assert notes(text) == expected


def test_items_under_a_sides_own_heading_are_that_sides():
    text = ("李总您好，\n\n今天会上的几件事整理如下：\n1. 我方待办：\n - 本周五前提交上线排期；\n"
            " - 安排工程师对接打印接口。\n2. 贵方待办：\n - 月底前提供近三个月的订单样本；\n - 确定项目负责人。\n\n谢谢\n陈晓")
    assert notes(text, "email", "outbound") == [
        ("提交上线排期", "rep", date(2026, 4, 17)), ("安排工程师对接打印接口", "rep", None),
        ("提供近三个月的订单样本", "customer", date(2026, 4, 30)), ("确定项目负责人", "customer", None)]


def test_a_signature_with_a_job_title_is_no_attendee_line():
    from extractors.rules.attendees import attendee_sides

    assert attendee_sides("谢谢\n刘畅\n客户经理 | 云帆软件\n") == {}
    assert attendee_sides("客户：好的，我明天发您。\n销售：收到。") == {}


PAST_AND_ADVICE = [
    pytest.param([("customer", "我们目前所有报销都在飞书上走。")], id="zh-currently-is-no-before"),
    pytest.param([("customer", "我们的销售那边跟进记录比以前多多了。")], id="zh-than-before"),
    pytest.param([("rep", "我们之前做过类似的对接。")], id="zh-done-before"),
    pytest.param([("customer", "我们去年就签了别家的系统，两年的。")], id="zh-signed-last-year"),
    pytest.param([("agent", "临时方案：请您先用网页版登录。")], id="zh-workaround-advice"),
    pytest.param([("agent", "麻烦您提供一下订单号和付款截图哦~"), ("customer", "[图片] 订单号 88123409")],
                 id="zh-asked-and-sent-as-an-image"),
    pytest.param([("agent", "麻烦提供一下门店编号和收银机型号"), ("customer", "编号 2271，型号私发你了")],
                 id="zh-asked-and-sent-privately"),
]


@pytest.mark.parametrize("turns", PAST_AND_ADVICE)
def test_what_is_now_or_was_done_and_advice_for_now_are_no_steps(turns):
    assert steps(turns) == []


ASKS = [
    pytest.param([("customer", "这周五之前请给我一个书面的整改方案，不然我们下个月就停用。")],
                 ("给我一个书面的整改方案", "rep", date(2026, 3, 6)), id="zh-ask-before-a-threat"),
    pytest.param([("customer", "另外把上个月的对账单也发我一份。")],
                 ("把上个月的对账单也发我一份", "rep", None), id="zh-bare-ba-to-me"),
    pytest.param([("rep", "我下午远程帮你们看一下，方便的话发个远程工具的识别码给我")],
                 ("发个远程工具的识别码给我", "customer", None), id="zh-if-convenient-send-me"),
    pytest.param([("customer", "资料收到了。下礼拜给你回复。")],
                 ("给你回复", "customer", date(2026, 3, 9)), id="zh-xia-libai"),
    pytest.param([("rep", "审批流的问题我们已经定位到了，我们周四前修复。")],
                 ("修复审批流的问题", "rep", date(2026, 3, 5)), id="zh-bare-fix-of-the-issue-named"),
]


@pytest.mark.parametrize(("turns", "expected"), ASKS)
def test_asks_beside_threats_bare_imperatives_and_bare_fixes(turns, expected):
    assert expected in steps(turns)


def test_a_tickets_bare_fix_names_the_title_line_below_its_head():
    text = "【工单】#4412\n标题：打印机无法连接\n问题描述：我们门店的打印机连不上了。\n技术支持：已定位是驱动问题，预计今天下午修复。"
    assert notes(text, "ticket") == [("修复（打印机无法连接）", "rep", date(2026, 4, 14))]


ANSWERS = [
    pytest.param([("customer", "你把三家门店的账号合在一起报个价。"),
                  ("rep", "好的，我这周内把合并的报价和合同草稿发您。")],
                 [("把合并的报价和合同草稿发您", "rep", date(2026, 3, 6))], id="zh-promise-names-what-it-sends"),
    pytest.param([("customer", "那你们先出个方案，把界面的样子给我看看。"),
                  ("rep", "好的，我月底前把方案和演示视频发您。"), ("customer", "另外价格你们再考虑考虑。"),
                  ("rep", "我回去跟领导商量一下，看能不能按活跃用户数收费，下周给您答复。")],
                 [("把方案和演示视频发您", "rep", date(2026, 3, 31)),
                  ("给您答复能否按活跃用户数收费", "rep", date(2026, 3, 9))], id="zh-an-answered-ask-takes-no-second-reply"),
    pytest.param([("rep", "好的，那我节后再联系您，到时候把对接的案例一起带给您。")],
                 [("联系您并把对接的案例一起带给您", "rep", None)], id="zh-then-at-that-time"),
    pytest.param([("rep", "我们这周内把所有门店的网络排查一遍。"), ("customer", "排查完给我一个报告。")],
                 [("把所有门店的网络排查一遍", "rep", date(2026, 3, 6)), ("排查完给我一个报告", "rep", None)],
                 id="zh-when-done-give-me"),
]


@pytest.mark.parametrize(("turns", "expected"), ANSWERS)
def test_promises_that_answer_and_what_they_answer(turns, expected):
    assert steps(turns) == expected


MORE = [
    pytest.param([("customer", "我把今天的会议纪要整理一下，明天发你。")],
                 [("把今天的会议纪要整理一下并发你", "customer", date(2026, 3, 3))], id="zh-a-day-describing-the-object"),
    pytest.param([("customer", "我把现在的表结构导一份给你，今天就发。")],
                 [("把现在的表结构导一份给你", "customer", date(2026, 3, 2))], id="zh-then-a-bare-dated-send"),
    pytest.param([("agent", "书面说明由质量部在5个工作日内出具。")],
                 [("出具书面说明", "rep", date(2026, 3, 9))], id="zh-passive-by-agent"),
    pytest.param([("rep", "接口文档由我们技术部明天提供。")],
                 [("提供接口文档", "rep", date(2026, 3, 3))], id="zh-passive-by-our-team"),
    pytest.param([("agent", "您填好后三个工作日内会有专人联系您。")],
                 [("专人联系您", "rep", None)], id="zh-someone-will-contact-you"),
    pytest.param([("customer", "小何你这周把二店的账号开一下。")],
                 [("把二店的账号开一下", "rep", date(2026, 3, 6))], id="zh-addressed-by-name-open-it"),
]


@pytest.mark.parametrize(("turns", "expected"), MORE)
def test_dates_that_describe_passives_and_names_addressed(turns, expected):
    assert steps(turns) == expected


def test_a_group_chats_organisation_prefix_gives_the_side():
    text = ("【宏图 x 云店通 服务群】\n宏图-王店长：你们的小程序最近挺稳的\n云店通-小林：谢谢王店长！\n"
            "宏图-前台小美：对\n宏图-王店长：小林你这周把三店的账号开一下\n云店通-小林：好的，周三前给您开好\n")
    from datetime import UTC, datetime

    from assistant.models import Source, Touchpoint
    from extractors.rules.sentences import split_sentences

    tp = Touchpoint(id="tp", tenant_id="t", channel="chat", occurred_at=datetime(2026, 4, 14, tzinfo=UTC),
                    text=text, source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    roles = {s.speaker: s.role for s in split_sentences(tp) if s.speaker}
    assert roles["云店通-小林"] == "rep" and roles["宏图-前台小美"] == "customer"


NOT_STEPS_TOO = [
    pytest.param([("customer", "我先讲背景。")], id="zh-i-will-give-the-background-now"),
    pytest.param([("customer", "今年又涨了15%，我这边真的不好跟老板交代。")], id="zh-hard-to-explain"),
    pytest.param([("customer", "今天早上开始就导不出报表了。")], id="zh-cannot-export"),
    pytest.param([("customer", "麻烦核实一下扣款记录。"), ("agent", "您好，经核实确为系统重复扣款，非常抱歉。")],
                 id="zh-checked-on-the-spot"),
    pytest.param([("customer", "打了你们热线，提示节假日请提交工单。")], id="zh-a-recorded-prompt"),
]


@pytest.mark.parametrize("turns", NOT_STEPS_TOO)
def test_agenda_complaints_checks_on_the_spot_and_prompts_are_no_steps(turns):
    assert steps(turns) == []


def test_purpose_tries_and_once_fine_conditions_are_no_steps_of_their_own():
    # "春节前" is the Spring Festival's date (GUIDE: "before <holiday>" is the holiday's date)
    assert steps([("customer", "麻烦春节前给我们一个初步方案，方便我们年后内部评审。")]) == [
        ("给我们一个初步方案", "rep", date(2027, 2, 6))]
    assert steps([("rep", "合同我明天上午发您邮箱，您看完没问题我们就走盖章流程。")]) == [
        ("把合同发您邮箱", "rep", date(2026, 3, 3))]
    assert steps([("rep", "账号我明天开给您，您先试试。")]) == [("账号开给您", "rep", date(2026, 3, 3))]


def test_a_handling_entry_with_its_time_first_is_its_writers():
    text = ("工单编号：A-1\n问题描述：打印机连不上。\n处理记录：\n【09:42 技术支持-沈】已复现。\n"
            "【09:45 技术支持-沈】修复预计今天中午前上线，上线后我会在本工单更新。")
    assert notes(text, "ticket") == [("上线修复", "rep", date(2026, 4, 14)), ("上线后在本工单更新", "rep", None)]


LEAD_INS = [
    pytest.param([("customer", "你回头微信发我吧"), ("rep", "好的，我稍后发您")],
                 [("微信发我", "rep", date(2026, 3, 2))], id="zh-later-is-a-lead-in"),
    pytest.param([("customer", "报表模板那块也太死板了，能调吗？"), ("rep", "可以，模板是后台配的，我明天远程帮您配好")],
                 [("远程把模板配好", "rep", date(2026, 3, 3))], id="zh-for-you-is-no-part-of-the-job"),
    pytest.param([("rep", "我马上为您申请退款。")], [("申请退款", "rep", date(2026, 3, 2))], id="zh-wei-nin"),
    pytest.param([("rep", "试用账号我下周一前开好。"), ("customer", "好的，试用的话我们这边会拉五个客服一起测。")],
                 [("开好试用账号", "rep", date(2026, 3, 9)), ("拉五个客服一起测", "customer", None)],
                 id="zh-together-takes-no-date-from-the-other-side"),
]


@pytest.mark.parametrize(("turns", "expected"), LEAD_INS)
def test_lead_ins_benefactives_and_together(turns, expected):
    assert steps(turns) == expected


def test_an_ask_for_the_materials_listed_above_is_one_step_per_item():
    from tests.extractors.test_rules_next_steps_zh import email

    text = ("张经理：\n\n您好！需要贵司补充以下材料：\n一、加盖公章的营业执照复印件；\n二、近两年的同类项目案例（医疗行业优先）。\n\n"
            "烦请于3月20日前将上述材料发送至本邮箱。\n\n谢谢\n王芳")
    assert email(text) == [("提供加盖公章的营业执照复印件", "rep", date(2026, 3, 20)),
                           ("提供近两年的同类项目案例", "rep", date(2026, 3, 20))]


def test_a_dated_clause_may_open_with_having_someone_do_it():
    assert steps([("rep", "定位的问题我记下了，这周内让技术同事直接联系您。")]) == [
        ("技术同事直接联系您", "rep", date(2026, 3, 6))]


WAITS_AND_NEEDS = [
    pytest.param([("customer", "我们产线周一就等这批料。")], [], id="zh-waiting-is-no-step"),
    pytest.param([("customer", "你们那个插件在新买的电脑上装不上，一装就报错。")], [], id="zh-cannot-install-far-in"),
    pytest.param([("customer", "你们这个系统老出问题。")], [], id="zh-keeps-failing"),
    pytest.param([("agent", "需要贵司IT在域名解析里加上这条记录，一般几个小时生效。")],
                 [("IT在域名解析里加上这条记录", "customer", None)], id="zh-needs-your-it-to"),
    pytest.param([("rep", "价格我会后整理一份跟现在费用的对比表，周五前发给两位。")],
                 [("价格整理一份跟现在费用的对比表", "rep", date(2026, 3, 6))], id="zh-after-the-meeting-now"),
    pytest.param([("rep", "收到，我节后第一天安排产品经理跟您演示一下"), ("customer", "行，节后周二吧"),
                  ("rep", "好的，周二上午十点演示可以吗？"), ("customer", "可以")],
                 [("安排产品经理跟您演示一下", "rep", date(2026, 3, 3))], id="zh-a-short-restatement-dates-it"),
]


@pytest.mark.parametrize(("turns", "expected"), WAITS_AND_NEEDS)
def test_waits_needs_and_restatements(turns, expected):
    assert steps(turns) == expected


def test_a_tickets_demands_field_asks_the_vendor():
    text = "工单：售后-001\n问题：传感器无法入网。\n要求：1）本周内派人到现场处理；2）给出书面说明。\n"
    assert notes(text, "ticket") == [("派人到现场处理", "rep", date(2026, 4, 17)), ("给出书面说明", "rep", None)]


def test_a_tickets_request_field_is_the_requesters_even_when_it_says_wosi():
    text = ("工单类型：账户注销申请\n申请单位：某某医药\n申请内容：\n我司已于4月起切换至其他系统，现有账号不再续费。"
            "请在本月底前协助导出全部客户数据。\n联系人：采购部 潘女士\n")
    assert notes(text, "ticket") == [("协助导出全部客户数据", "rep", date(2026, 4, 30))]
