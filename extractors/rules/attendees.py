"""Which side each attendee of written meeting notes is on, from the notes' attendee lines.

Chinese minutes name the people before the talk, grouped by side or by organisation:
"参会：乐购超市 运维部 韩经理、门店运营 罗总；我方 技术总监 许峰、客户经理 沈静", "客户：百川农资 — 邹总、
销售部 何经理", "厂商：讯课科技 区域经理 杜涛、售前 袁菲", "甲方 项目负责人 侯经理：…". Later turns and
action items use the short name only ("罗总：…", "1. 智造云（许诺）：…"), which says nothing of the
side. A group is the vendor's when its label says so (我方, 我司, 乙方, 厂商, 供应商), the customer's
when it says so (客户, 甲方, 贵方, 学校方); a group labelled with an organisation is the other side of
a labelled group, or, between two organisations, the vendor's when only its people hold vendor jobs
(实施顾问, 售前, 客户成功). A line counts only when it reads as a list of people (no sentence
punctuation), so "客户：好的，我明天发您" is a turn, not an attendee line.
"""

from __future__ import annotations

import re
from functools import lru_cache

# the sides' own names for themselves in minutes: "承建方 信联科技", "票务服务商——观澜票务", "委托方：…"
_VENDOR_WORDS = r"(?:承建|承接|承办|服务|供货|物业|供)方|[\u4e00-\u9fff]{0,4}服务商"
_CUSTOMER_WORDS = r"(?:委托|建设|采购|业主|使用|馆|需)方"
# a line of people, after an attendee heading ("参会：", "与会人员：", "主持：") or opening with a side
_LINE = re.compile(r"^[ \t]*(?:[-*•·]|\d{1,2}[.、)）])?[ \t]*(?:(?:参会|与会|出席|列席|在场|参加|参与)(?:人员|人|者|方|单位)?|主持人?)?[ \t]*[:：]?"
                   r"[ \t]*(?P<people>[^\n]{2,120})$", re.M)
_NOT_A_LIST = re.compile(r"[，,。！!？?“”\"|｜@]|\d{1,2}[:：]\d{2}")
_OPENS = re.compile(r"^(?:参会|与会|出席|列席|在场|参加|参与|主持|我方|我司|本司|乙方|厂商|供应商|客户(?!经理|成功|总监)|甲方|贵方|学校方|校方|院方|医院方|买方|"
                    rf"{_VENDOR_WORDS}|{_CUSTOMER_WORDS})")
_GROUPS = re.compile(r"[；;]")
_VENDOR = re.compile(rf"^(?:我方|我司|本司|乙方|厂商|供应商|原厂|{_VENDOR_WORDS})")
_CUSTOMER = re.compile(rf"^(?:客户方?(?!经理|成功|总监)|甲方|贵方|贵司|学校方|校方|院方|医院方|买方|{_CUSTOMER_WORDS})")
_SIDE_WORD = re.compile(r"^(?:我方|我司|本司|乙方|厂商|供应商|原厂|客户方?(?!经理|成功|总监)|甲方|贵方|贵司|学校方|校方|院方|医院方|买方|"
                        rf"{_VENDOR_WORDS}|{_CUSTOMER_WORDS})"
                        r"(?:[（(][^)）]{1,20}[)）])?\s*(?:[:：]|[—–-]+)?\s*")
_VENDOR_JOBS = re.compile(r"实施|售前|售后|客户成功|客户经理|解决方案|顾问|交付|技术支持|区域经理|KA经理|大客户|商务经理")
# jobs only the buying side holds: between two organisations, the one with a buyer is the customer
_BUYER_JOBS = re.compile(r"采购")
_TAG = re.compile(r"[（(][^)）]{0,20}[)）]")
_TAG_WORDS = re.compile(r"[（(]([^)）]{1,20})[)）]")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}$|[A-Z][a-z]+$")
_WORDS = re.compile(r"\s*[—–]+\s*|\s+")
# a department written onto a person's name: "计划科孙科长", "质检部老周"
_AFTER_DEPARTMENT = re.compile(r"(?:科|部|处|组|室|车间|仓库|中心)([\u4e00-\u9fff]{2,3})$")
_BRACKET = re.compile(r"[（()）]")  # what is left of a tag the group split ("（并购组 严律师", "助理 陶宇）")
_ORGANISATION = re.compile(r"^(?P<org>[^\s:：、]{2,12})[:：]\s*(?P<rest>\S.*)$")


def attendee_sides(text: str) -> dict[str, str]:
    """Name or organisation -> "rep" or "customer", from attendee lines ({} when there are none)."""
    return dict(_read(text)[0])


def third_parties(text: str) -> frozenset[str]:
    """Organisations the attendee lines list beside both a vendor's and a customer's group, under
    no side of their own ("鸿运家电（需方）…；华钢物资（我方）…；中储物流 仓储主管 魏工"): third parties."""
    return _read(text)[1]


@lru_cache(maxsize=64)
def _read(text: str) -> tuple[dict[str, str], frozenset[str]]:
    if not any(word in text for word in ("参会", "与会", "出席", "在场", "参加", "主持", "我方", "厂商", "甲方", "乙方", "客户",
                                         "委托方", "承接方", "承建方", "承办方", "服务商", "参与", "业主方",
                                         "物业方", "服务方", "采购方", "需方", "、")):
        return {}, frozenset()
    if "｜" in text or "|" in text:  # "会议时长：52分钟 ｜ 参会人：…": one header line, several fields
        text = re.sub(r"[ \t]*[｜|][ \t]*", "\n", text)
    groups: list[tuple[str | None, str, list[str]]] = []  # (side, organisation, people)
    for line in _LINE.finditer(text):
        people = line.group("people").strip()
        if _NOT_A_LIST.search(people) or not ("、" in people or " " in people):
            continue
        if not _OPENS.match(line.group(0).strip().lstrip("-*•·0123456789.、)） \t")) and not _ORG_LINE.match(people):
            continue
        if (units := _units(people)) is not None:
            groups.extend(units)
            continue
        groups.extend(_group(_unwrapped(group.strip())) for group in _GROUPS.split(people) if group.strip())
    labelled = {side for side, _, _ in groups if side is not None}
    outside: frozenset[str] = frozenset()
    if labelled == {"rep", "customer"}:
        outside = frozenset(org for side, org, _ in groups if side is None and org)
    if len(labelled) == 1:
        other = "customer" if labelled == {"rep"} else "rep"
        groups = [(side or other, org, people) for side, org, people in groups]
    elif not labelled and len({org for _, org, _ in groups}) == 2:
        vendors = {org for _, org, people in groups if any(_VENDOR_JOBS.search(p) for p in people)}
        buyers = {org for _, org, people in groups if any(_BUYER_JOBS.search(p) for p in people)}
        if len(buyers) == 1 and buyers != vendors:
            vendors = {org for _, org, _ in groups} - buyers
        if not vendors:  # "骑迹 / 轨迹云", "城投安居 / 智房云": a software maker's name says the vendor
            vendors = {org for _, org, _ in groups if _VENDOR_NAME.search(org)}
        if len(vendors) == 1:
            groups = [("rep" if org in vendors else "customer", org, people) for _, org, people in groups]
    sides: dict[str, str] = {}
    for side, org, people in groups:
        if side is None:
            continue
        if org:
            sides.setdefault(org, side)
        for person in people:
            if name := _name_of(person):
                sides.setdefault(name, side)
    return sides, outside


# a line that lists one organisation's people by job and name, with no heading before it:
# "城投安居：物业管理部 部长 蒋卫东、报修中心 班长 田芳" (each person a job, a space, a name)
# (a name may carry its title: "营销中心 何婧（总监）")
_ORG_LINE = re.compile(r"^[^\s:：、]{2,12}[:：]\s*(?:[^\s、]+ )+[^\s、（(]{2,4}(?:[（(][^\s、（()）]{1,8}[)）])?"
                       r"(?:、(?:[^\s、]+ )+[^\s、（(]{2,4}(?:[（(][^\s、（()）]{1,8}[)）])?)+$")
# a software or technology company's name, between two organisations of unknown side
_VENDOR_NAME = re.compile(r"(?:云|科技|软件|信息|智能|数据|系统)$")
# a group whose people sit in brackets after its side or organisation: "我方（售前 简宁、销售 老秦）"
_WRAPPED = re.compile(r"^(?P<head>[^（(、\s]{2,12})[（(](?P<people>[^（()）]*[、\s][^（()）]*)[)）]$")


# one organisation with its role in the project: "数途科技（承建方）", "省交投高速运营公司（业主）"
_UNIT = re.compile(r"^(?P<org>[^\s（()）、]{2,16})[（(](?P<role>[^（()）]{1,8})[)）]$")
_OWNER_ROLE = re.compile(r"^(?:业主|客户|甲方|建设单位|使用单位)$")


def _units(people: str) -> list[tuple[str | None, str, list[str]]] | None:
    """One group per organisation of a "参会单位" line that lists organisations by their roles
    ("A公司（业主）、B监理（监理）、C科技（承建方）"), each on the side its role says (None for a role
    of neither side: a third party); None when the line is not such a list."""
    parts = people.split("、")
    units = [_UNIT.match(part.strip()) for part in parts]
    if len(parts) < 2 or any(u is None for u in units):
        return None
    out: list[tuple[str | None, str, list[str]]] = []
    for unit in units:
        assert unit is not None
        role = unit.group("role")
        side = "rep" if _VENDOR.match(role) else "customer" if _CUSTOMER.match(role) or _OWNER_ROLE.match(role) \
            else None
        out.append((side, unit.group("org"), []))
    return out if any(side is not None for side, _, _ in out) else None


def _unwrapped(group: str) -> str:
    """"骑迹：运维主管 邵兵、数据组 小林" of "骑迹（运维主管 邵兵、数据组 小林）"; other groups as they are."""
    m = _WRAPPED.match(group)
    return f"{m.group('head')}：{m.group('people')}" if m else group


def _group(group: str) -> tuple[str | None, str, list[str]]:
    """One side's group: its side if labelled, its organisation if named first, and its people
    ("乐购超市 运维部 韩经理、门店运营 罗总", "我方 技术总监 许峰、客户经理 沈静", "智造云 — 高翔（项目经理）")."""
    side: str | None = "rep" if _VENDOR.match(group) else "customer" if _CUSTOMER.match(group) else None
    rest = _SIDE_WORD.sub("", group) if side is not None else group
    parts = [p for p in re.split(r"[、，,/]", rest) if p.strip()]
    if side is None:  # "车云 王经理（我方）、实施小詹（我方）": the people's tags say the side
        tagged = {"rep" if _VENDOR.match(tag) else "customer" if _CUSTOMER.match(tag) else ""
                  for tag in _TAG_WORDS.findall(rest)}
        if len(tagged) == 1 and "" not in tagged:
            side = tagged.pop()
    organisation = ""
    if parts and (named := _ORGANISATION.match(parts[0])) is not None:  # "百草堂：采购总监 许文"
        organisation, parts[0] = named.group("org"), named.group("rest")
    elif parts:
        # "乐购超市 运维部 韩经理"; a labelled group names its organisation before a job and a name
        # ("承建方 信联科技 项目经理 贺军"), not before a name alone ("我方 技术总监 许峰")
        words = [w for w in _WORDS.split(_TAG.sub(" ", parts[0]).strip()) if w]
        if len(words) >= (2 if side is None else 3):
            organisation = words[0]
    return side, organisation, parts


def _name_of(person: str) -> str:
    """The name a person is called by in the talk: "运维部 韩经理" -> "韩经理", "钱总（生产副总）" -> "钱总"."""
    words = [w for w in _WORDS.split(_BRACKET.sub(" ", _TAG.sub(" ", person)).strip()) if w]
    name = words[-1] if words else ""
    if len(name) > 4 and (glued := _AFTER_DEPARTMENT.search(name)) is not None:
        name = glued.group(1)  # "计划科孙科长" is called "孙科长"
    return name if 2 <= len(name) <= 4 and _NAME.search(name) else ""


def side_of_name(sides: dict[str, str], label: str) -> str | None:
    """The side of a speaker label or an item's owner ("罗总", "甲方 项目负责人 侯经理", "精锐") by the
    attendee lines: the label itself, its last word, or an organisation it begins."""
    words = [w for w in _WORDS.split(_TAG.sub(" ", label).strip()) if w]
    for word in (label.strip(), words[-1] if words else ""):
        if word in sides:
            return sides[word]
    head = words[0] if words else ""
    if len(head) >= 2:
        for name, side in sides.items():
            if len(name) > 4 and name.startswith(head):  # "精锐" of "精锐汽配"
                return side
    return None


def named_roles(labels: dict[str, str], sides: dict[str, str]) -> dict[str, str]:
    """Speaker label -> side for labels of unknown side (`labels` maps each label to its side or
    ""), by the attendee lines or by a longer label of the same person with a side
    ("甲方 项目负责人 侯经理：…" then "侯经理：…")."""
    known = dict(sides)
    for label, side in labels.items():
        words = [w for w in _WORDS.split(_TAG.sub(" ", label).strip()) if w]
        if side and len(words) > 1 and _name_of(words[-1]):
            known.setdefault(words[-1], side)
    return {label: side for label, side_known in labels.items()
            if not side_known and (side := side_of_name(known, label) or "")}


# a group chat's "Organisation-Name" label: "悦颜-罗院长", "美客通-小何", "Acme - Dana"
_PREFIXED = re.compile(r"^(?P<org>[^\s\-－—·:：]{2,8})\s*[-－—·]\s*\S")


def prefix_sides(labels: dict[str, str]) -> dict[str, str]:
    """Label -> side for labels of unknown side (`labels` maps each label to its side or "") that
    share an organisation prefix: with a known member, the group's side; with two prefixes and one
    side known, the other side for the other group."""
    groups: dict[str, list[str]] = {}
    for label in labels:
        if (m := _PREFIXED.match(label)) is not None:
            groups.setdefault(m.group("org"), []).append(label)
    if len(groups) < 2:
        return {}
    side_of_group: dict[str, str] = {}
    for org, members in groups.items():
        sides = {labels[m] for m in members if labels[m]}
        if len(sides) == 1:
            side_of_group[org] = sides.pop()
    if len(groups) == 2 and len(side_of_group) == 1:
        (known, side), = side_of_group.items()
        other = next(org for org in groups if org != known)
        side_of_group[other] = "customer" if side == "rep" else "rep"
    return {label: side_of_group[org] for org, members in groups.items() if org in side_of_group
            for label in members if not labels[label]}
