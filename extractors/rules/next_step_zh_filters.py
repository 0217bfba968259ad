"""Chinese clauses that look like steps but report: what happened, what a thing is, what is asked
only to identify the caller, and a check the other side is invited to make after a fix.

- What happened, dated: "你们上礼拜来装的补光灯", "我周四做的光子嫩肤" (a time, a verb and 的: the thing
  it made), "下周二约了用友的演示", "材料我们2号就交了" (a verb done, 了), "这周刚到一批" (刚 arrived),
  "今天批量开具票据时" / "自二月底升级以来" (when or since, the setting of a complaint).
- Asked only to identify: "麻烦提供一下订单号", "提供一下孩子姓名和订单号": answered on the spot.
- A check after a fix: "已补发648元宝，请重新登录查收", "已全部回滚完成，请确认", "您可以重新上传试试".

Each test asks first for a character every match holds, so a clause without it costs one `in`.
"""

from __future__ import annotations

import re

__all__ = ["asks_identity", "is_check_after_fix", "reports_past"]

# a past day, then a short verb and 的 opening the action: "上礼拜来装的补光灯", "(周四)做的光子嫩肤" — the
# thing it made ("按上次谈的价格出报价", "昨天说的文档发我", "回复周二会面的时间" act on a thing described)
_PAST_TIME = re.compile(r"上个?(?:礼拜|星期|周|月)|昨天|前天|去年|上次|(?<![下这本])(?:礼拜|星期|周)[一二三四五六日天末]")
_MADE = re.compile(r"^(?P<made>[^，,。的把]{1,8}?)的")
MAX_MADE_CHARS = 3  # "来装", "做": the verb that made the thing, its day aside
_COVERBS = ("按", "照", "根据", "依", "给", "跟", "和", "对", "向", "为", "帮", "关于", "就")  # "按上次谈的价格…"
# a verb done near the action's start: "约了…", "做了一整盒", "交了材料", "提交了" (not "了解", "为了",
# nor "看了再回复", "弄好了发您", "把合同签了": what follows or the 把 makes it a plan)
_PERFECTIVE = re.compile(r"^[^，,。把]{1,4}?(?<![为除])了(?![解再就之以后发给告通寄传])")
_JUST_ARRIVED = re.compile(r"刚(?:刚)?(?:到|来|出|上|发)")
# someone put in touch, done: "我把你微信推给她了", "我把你电话给他了", "我把你的联系方式给了宋姐"
_PASSED_ON = re.compile(r"^把[^，,。]{1,12}?(?:推|给|转|发)(?:给)?(?:[他她]们?|了)(?:[^，,。]{0,8}了)?$|^把[^，,。]{1,12}?给了")
_LATER = re.compile(r"[今明后]天|下周|马上|待会|一会|回头|稍后|晚点|会|要|等")
_SETTING = ("时", "以来", "的时候")
# what identifies the caller or the order: "订单号", "会员手机号", "孩子姓名", "读者证号和书名" (asked to
# be provided; "发我一下订单号" stays an ask)
_IDENTITY = re.compile(r"^(?:提供|告诉我|报)(?:一下|下)?(?:您|你|孩子)?的?(?:[^，,。]{0,6}?(?:订单号|手机号|电话号?码?|"
                       r"姓名|名字|证号|身份证号?|会员号|账号|工号|车牌号?)(?:[和及、与]|$)){1,3}[^，,。]{0,6}$")
# a check or retry after a fix: "重新登录查收", "核对", "确认", "重新插卡测试", "重新上传试试"
_CHECK = re.compile(r"^(?:您|你)?(?:可以)?(?:再)?(?:重新[^，,。]{1,3}?)?(?:查收|核对|确认|测试|測試|试试|試試|试一下|验证)(?:一下)?$")
_DONE_BEFORE = re.compile(r"已(?:经)?|完成|好了")


def reports_past(clause: str, action: str) -> bool:
    """Whether a Chinese clause reports what happened rather than promising or asking something."""
    if "的" in action and (made := _MADE.match(action)) is not None and not action.startswith(_COVERBS) \
            and len(_PAST_TIME.sub("", made.group("made"))) <= MAX_MADE_CHARS \
            and (past := _PAST_TIME.search(clause)) is not None and past.start() < clause.find(made.group(0)) + len(made.group(0)):
        return True
    if "了" in action and "把" not in action[: action.find("了")] and _PERFECTIVE.match(action) is not None:
        return True
    if "刚" in clause and _JUST_ARRIVED.search(clause) is not None:
        return True
    if "了" in action and _PASSED_ON.match(action) is not None and _LATER.search(clause) is None:
        return True
    return action.endswith(_SETTING)


def asks_identity(action: str) -> bool:
    """Whether a Chinese request only asks for what identifies the customer or the order."""
    return action[:1] in "提告报" and _IDENTITY.match(action) is not None


def is_check_after_fix(action: str, before: str) -> bool:
    """Whether a Chinese request only invites the other side to check or retry after a fix said
    before it in the same sentence ("已为您补发…，请重新登录查收")."""
    return len(action) <= 10 and _CHECK.match(action) is not None and _DONE_BEFORE.search(before) is not None
