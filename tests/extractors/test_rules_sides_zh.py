"""Which side each Chinese speaker is on: service labels (店小二, 远程支持, 提交人), transcript
headers with a clock ("说话人1 00:01:12"), companies named before a department ("云帆技术",
"宏达生产部"), the vendor's "我方" tags, a speaker named in full once and short after, and the words
of speakers known by a name or a number only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.rules.sentences import role_from_label, split_sentences
from extractors.rules.sides import organisation_of


def roles_of(text: str, channel: str = "meeting") -> dict[str, str]:
    tp = Touchpoint(id="tp", tenant_id="t", channel=channel,  # type: ignore[arg-type]
                    occurred_at=datetime(2026, 4, 14, tzinfo=UTC), text=text, language="zh",
                    source=Source(uri="mem://", sha256="0" * 64, media_type="text/plain"))
    return {s.speaker: s.role for s in split_sentences(tp) if s.speaker is not None}


@pytest.mark.parametrize(("label", "role"), [
    ("店小二", "agent"), ("商家", "agent"), ("在线客服", "agent"), ("客服阿琳", "agent"),
    ("远程支持-孟师傅", "agent"), ("售后-丁工", "agent"), ("值班工程师", "agent"),
    ("提交人", "customer"), ("报修人", "customer"), ("采购部 温经理", "customer"),
    ("买家", "customer"), ("访客", "customer"),
    ("客服经理 韦琳", "unknown"), ("客服主管", "unknown"), ("说话人2", "unknown"), ("乙", "unknown"),
])
def test_chinese_service_labels(label: str, role: str) -> None:
    assert role_from_label(label) == role


@pytest.mark.parametrize(("label", "organisation"), [
    ("贺工（星河技术）", "星河"), ("姜总（蓝鲸物流IT）", "蓝鲸物流"), ("严主任（和泰 客服运营）", "和泰"),
    ("蒋工（集成商，恒远科技）", "恒远科技"), ("孔雪（我方实施）", None), ("白露（客户 创始人）", None),
])
def test_a_chinese_tag_names_its_company_before_the_job(label: str, organisation: str | None) -> None:
    assert organisation_of(label) == organisation


CASES = [
    pytest.param(  # a transcript's "speaker clock" header: not a label cut at the clock's colon
        "说话人1 00:00:05\n我们现在库存都是靠Excel记，月底对账特别痛苦。\n"
        "说话人2 00:00:19\n明白，这块我们有现成的方案，我这边帮您做一次导入。\n"
        "说话人1 00:00:31\n行，那你们先出个方案。\n",
        "call", {"说话人1": "customer", "说话人2": "rep"}, id="numbered-speakers-with-clock-headers"),
    pytest.param(
        "田静 2026/5/8 09:41\n你们这个后台导出老是超时\n"
        "小温 2026/5/8 09:44\n亲，非常抱歉，帮您反馈给技术了\n",
        "chat", {"田静": "customer", "小温": "rep"}, id="wechat-name-date-clock-headers"),
    pytest.param(  # "云帆技术" is a company and its team; the named speaker by words
        "易峰：你们那个回调文档写得太乱了，我们调了一天还是报错\n"
        "贺工（星河技术）：抱歉，文档确实有错，我下午帮你们看一下\n"
        "易峰：好\n",
        "chat", {"易峰": "customer", "贺工（星河技术）": "rep"}, id="company-named-before-its-team"),
    pytest.param(  # "我方" says who the vendor is; every company named is the customer's
        "柳工（蓝鲸生产部）：今天的工单又没同步过来\n"
        "孔雪（我方实施）：收到，我马上查\n"
        "姜总（蓝鲸）：这周第二次了，说实话同步这块太影响现场了\n"
        "魏然（我方客户经理）：姜总，非常抱歉\n"
        "蒋工（集成商，恒远科技）：网络这边我们明天配合排查\n",
        "chat", {"柳工（蓝鲸生产部）": "customer", "姜总（蓝鲸）": "customer", "孔雪（我方实施）": "rep",
                 "魏然（我方客户经理）": "rep", "蒋工（集成商，恒远科技）": "customer"},
        id="our-side-tags-make-the-companies-customers"),
    pytest.param(  # named in full once, by the name alone after
        "采购部 温经理：你们的报价比另一家高了不少\n"
        "我方 商务 丁宁：我们的报价里含了一年的运维\n"
        "温经理：这个我们再核实\n"
        "丁宁：好的，周一前给您最终报价\n",
        "meeting", {"采购部 温经理": "customer", "温经理": "customer", "我方 商务 丁宁": "rep",
                    "丁宁": "rep"}, id="full-label-then-short-name"),
    pytest.param(  # three people by number: discovery questions and promises against how things work today
        "说话人1：今天主要想看看你们的工单系统。\n"
        "说话人2：好的，咱们现在用的是哪家的系统？\n"
        "说话人1：自己做的，很多功能都没有。\n"
        "说话人3：我们现在只能每天手工导表，客服组长都得加班。\n"
        "说话人2：明白，这块我们是有的，周五前发给两位一个方案。\n"
        "说话人3：那价格呢？\n",
        "meeting", {"说话人1": "customer", "说话人2": "rep", "说话人3": "customer"},
        id="numbered-speakers-by-words"),
    pytest.param(  # a chat of names only: the complaint against the apology and the shop's "亲"
        "小李：你们这个系统又崩了，怎么还没修好\n阿May：亲，非常抱歉，我帮您反馈一下\n小李：说好的昨天修好呢\n",
        "chat", {"小李": "customer", "阿May": "rep"}, id="names-complaint-and-apology"),
    pytest.param(
        "甲：请问你们支持私有化部署吗？\n乙：支持的，我们有现成的方案，我把资料发您\n甲：好的，多少钱？\n",
        "call", {"甲": "customer", "乙": "rep"}, id="jia-yi-question-and-answer"),
    pytest.param(  # the agent opens the chat: its greeting outweighs who spoke first
        "A：您好，很高兴为您服务\nB：我的订单怎么还没发货\nA：亲，帮您查一下\n",
        "chat", {"A": "rep", "B": "customer"}, id="agent-opens-the-chat"),
    pytest.param(
        "王芳 10:32\n在吗，发票还没收到\n周小舟 10:35\n您好，这边帮您查一下，今天给您重开\n",
        "chat", {"王芳": "customer", "周小舟": "rep"}, id="wechat-name-clock-headers"),
    pytest.param(
        "高远：我们最大的痛点是排班，现在全靠店长手工排\n林夕：明白，这块我们有现成的方案\n孟可：还有报表也不好用\n",
        "meeting", {"高远": "customer", "林夕": "rep"}, id="pain-point-said-by-name"),
    pytest.param(
        "说话人1：喂，您好，是华通的李总吗？我是云帆的小赵\n说话人2：对，你说\n"
        "说话人1：想了解下咱们现在考勤是怎么管的？\n说话人2：就是打卡机，月底人工算，经常算错\n",
        "call", {"说话人1": "rep", "说话人2": "customer"}, id="cold-call-discovery"),
    pytest.param(  # "贵司" is either side's formal "your company": the vendor's accounts team uses it too
        "会计（星河）：您好，我是星河软件财务部的，贵司有一笔服务费还没结算\n"
        "严会计：知道的，不好意思，我们流程还在走\n",
        "call", {"会计（星河）": "rep", "严会计": "customer"}, id="vendor-finance-calls-with-guisi"),
    pytest.param(  # a form's name before its first field is no speaker; the requester replies by name
        "【售后报修单】设备编号：PX-2291\n联系人：前台 乔伊\n打印机一直卡纸，换了纸也不行。\n"
        "驻场工程师-包师傅：已更换搓纸轮，请再试打。\n乔伊：好了，可以打了。\n",
        "ticket", {"驻场工程师-包师傅": "agent", "乔伊": "customer"}, id="ticket-form-name-then-requester"),
]


@pytest.mark.parametrize(("text", "channel", "expected"), CASES)
def test_chinese_speakers_get_their_sides(text: str, channel: str, expected: dict[str, str]) -> None:
    roles = roles_of(text, channel)
    side = {"agent": "rep"}
    assert {k: side.get(roles.get(k, ""), roles.get(k)) for k in expected} \
        == {k: side.get(v, v) for k, v in expected.items()}
