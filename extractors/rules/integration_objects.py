"""Which product an integration cue is about, when the sentence says so.

"We're on Salesforce and want your Slack integration", "We use Pipedrive and need to sync with
Zendesk", "我们用的是销售易，想和企业微信打通": an integration cue near a catalog name makes it a tool
kept alongside us only when the cue is about that name. The cue's parties are read off the words
next to it: the object after its preposition ("sync with X", "plugin for X", "接入X", "和X打通"),
and the name right before it ("X integration", "Zendesk can sync", "X插件", "X的接口"). A cue with
an explicit party that is another word ("Slack", "our calendar", "微信") is not about the
name; a cue with no explicit party, or only a pronoun or the vendor ("integrate with it", "能和
你们打通吗", "Can you sync tickets both ways?"), is about whatever the sentence names, as before.
Only run where an integration cue stands near a catalog name, so never on most sentences.
"""

from __future__ import annotations

import re

Span = tuple[int, int]  # sentence offsets

# the object of an English cue: "<cue> [up to two words] with|to|into|from|for [det] OBJECT"
_EN_OBJECT = re.compile(
    r"(?:\s+(?!(?:with|to|into|from|for|between|and|or|but|so|if)\b)[a-z]+){0,2}?"
    r"\s+(?:with|to|into|from|for|between)\s+(?:(?:our|your|the|their|my|a|an|its|both|all|each)\s+)*"
    r"(?:[A-Z][\w\-]*['’]s\s+)?"  # the owner of what is named: "into Brightwater's HubSpot"
    r"(?P<object>[A-Za-z][\w\-]*(?:\.[A-Za-z]\w*)*)", re.I)
# an English cue that is its own preposition ends in one ("sync with", "connect to", "alongside")
# ("keep" stands for "keep X for <another job>": the name is its object)
_EN_ENDS_WITH_PREPOSITION = re.compile(r"(?:\b(?:with|to|into|from|for|in|of)|alongside|"
                                       r"\bkeep(?:s|ing)?(?: using)?)$", re.I)
_EN_BARE_OBJECT = re.compile(r"\s+(?:(?:our|your|the|their|my|a|an|its|both|all|each)\s+)*"
                             r"(?:[A-Z][\w\-]*['’]s\s+)?(?P<object>[A-Za-z][\w\-]*(?:\.[A-Za-z]\w*)*)", re.I)
# the name right before a cue: "Zendesk integration", "HubSpot's API", "Zendesk can sync"
_EN_BEFORE = re.compile(r"(?P<party>[A-Za-z][\w\-]*(?:\.[A-Za-z]\w*)*)(?:'s|’s)?(?:\s+(?:native|built-in|new|old|"
                        r"official|existing|two-way|one-way|bidirectional|can|could|does|doesn't|"
                        r"will|would|should|won't|can't|needs? to|has to|to|must|also|already|"
                        r"still|just|not))*\s*$", re.I)
# words that name no third party: the vendor, a pronoun back to the name, or a generic thing
_NO_PARTY = frozenset({
    "it", "them", "this", "that", "these", "those", "one", "you", "yours", "us", "ours", "we",
    "everything", "anything", "something", "platform", "product", "tool", "system", "app",
    "solution", "software", "crm", "api", "data", "side", "end", "there"})
# "use you for call analysis": the words after name a job, not a party
_JOB_CUE = re.compile(r"use\b", re.I)
_POSSESSIVE = re.compile(r"['’]s?(?:\s+(?:offer|proposal|quote|pricing|price|bid|terms|deal)\b|"
                         r"(?=[.,;!?]|\s*$))")
_OWN_PART = re.compile(r"api|webhooks?", re.I)
_HAN_PRONOUN = re.compile(r"^(?:你们|您们|您|你|贵司|贵方|它|它们|他们|这个|那个|咱们|我们)(?:的?(?:系统|产品|平台|CRM))?$")
# Chinese: "和/跟/与/同 Y [能/可以…] 打通", the party between; "接入/对接/同步到 Y", the party after
_ZH_WITH = re.compile(r"(?:和|跟|与|同|及)(?P<party>[^，。！？,.!?；;\s]{1,14}?)"
                      r"(?:能不能|能否|可不可以|是否|能|可以|要|需要|也|都|进行|做|之间)*$")
_ZH_AFTER = re.compile(r"^(?:到|至|进|给|一下)?(?P<party>[A-Za-z][\w\-]*(?:\.[A-Za-z]\w*)*|微信|公众号|小程序|邮箱|"
                       r"短信|财务系统|财务|呼叫中心|工单系统|官网|ERP|OA)")
# between a name and the cue it owns: "钉钉插件", "钉钉的接口", "企业微信的会话存档接口"
_ZH_BEFORE = re.compile(r"(?:(?:里|上)?的[^，。！？,.!?；;\s的]{0,6})?$")
_HEAD_WORDS = frozenset({"does", "do", "can", "could", "will", "would", "should", "is", "are",
                         "was", "were", "has", "have", "had", "i", "we", "you", "they", "it",
                         "please", "also", "and", "but", "so"})


_VERB = re.compile(r"(?:connect|integrate|sync|plug|push|pull|feed|hook|work|talk|play|land|"
                   r"show|flow|embed|log)\w*(?:\s.*)?",
                   re.I)


def _is_verb(cue_text: str) -> bool:
    return bool(_VERB.fullmatch(cue_text)) and not cue_text.lower().startswith(
        ("integration", "connector", "connection"))


def _overlaps(span: Span, other: Span) -> bool:
    return span[0] < other[1] and other[0] < span[1]


_LIST_GAP = re.compile(r"[\s,，、/&;；]*(?:and|or|as well as|plus|和|与|及|以及|还有|或)?[\s,，、/&]*",
                       re.I)


def listed_together(text: str, one: Span, other: Span, spans: list[Span]) -> bool:
    """Whether two names stand in one list ("Salesforce, Zendesk and Slack", "钉钉、飞书"),
    through the other names in `spans` between them."""
    left, right = sorted((one, other))
    chain = sorted(span for span in spans if left[1] <= span[0] and span[1] <= right[0])
    at = left[1]
    for span in [*chain, right]:
        if not _LIST_GAP.fullmatch(text, at, span[0]):
            return False
        at = span[1]
    return True


def _is_joined(text: str, mention: Span | None, party: Span, others: list[Span]) -> bool:
    """"钉钉和企业微信插件", "integrations with Salesforce, Zendesk and Slack": the name is listed
    with the party the cue names."""
    return mention is not None and not _overlaps(mention, party) and listed_together(
        text, mention, party, others)


def cue_is_about(text: str, cue: Span, mention: Span | None, others: list[Span]) -> bool | None:
    """Whether the integration cue at `cue` in sentence `text` is about the name at `mention`.

    True: the name is the cue's object or the name right before it. False: the cue names
    another party (another catalog name in `others`, a capitalized word, a plain noun object).
    None: the cue names no party of its own (then nearness decides, as for any cue).
    """
    start, end = cue
    cue_text = text[start:end]
    if _JOB_CUE.match(cue_text):
        return None
    is_han = not cue_text.isascii()
    named_other = False
    # the party after the cue
    if is_han:
        after = _ZH_AFTER.match(text, end)
        party = after.span("party") if after else None
        if party is None:
            for other in [*others, *([mention] if mention else [])]:
                if end <= other[0] <= end + 1:
                    party = other
    else:
        after = (_EN_BARE_OBJECT.match(text, end) if _EN_ENDS_WITH_PREPOSITION.search(cue_text)
                 else _EN_OBJECT.match(text, end))
        party = after.span("object") if after else None
        if party is not None and text[party[0]:party[1]].casefold() in _NO_PARTY:
            if text[party[0]:party[1]].casefold() in ("it", "them", "there"):
                return None  # back to a name said before: "Does Acme integrate with it?"
            party = None
    if party is not None and not is_han and _POSSESSIVE.match(text, party[1]):
        return False  # "reviewed your offer alongside HubSpot's": their offer, not their product
    if party is not None:
        if mention is not None and (_overlaps(party, mention)
                                    or _is_joined(text, mention, party, others)):
            return True
        named_other = True
    # the party before the cue
    if is_han:
        # "和Y打通" connects with Y; "X和Y插件" is two plugins (and "X和Y打通" connects both)
        with_party = (None if cue_text in ("插件", "接口")
                      else _ZH_WITH.search(text, max(0, start - 20), start))
        if with_party is not None:
            span = with_party.span("party")
            if mention is not None and (span[0] <= mention[0] and mention[1] <= span[1]
                                        or mention[1] == with_party.start()):
                return True
            if not _HAN_PRONOUN.match(with_party.group("party")):
                return False
        gap = _ZH_BEFORE.search(text, max(0, start - 9), start)
        before_end = gap.start() if gap else start
        if mention is not None and mention[1] == before_end:
            return True
        for other in others:
            if other[1] == before_end:
                return _is_joined(text, mention, other, others)
    else:
        before = _EN_BEFORE.search(text, max(0, start - 60), start)
        if before is not None and _OWN_PART.fullmatch(cue_text) and text.startswith(
                ("'s", "’s"), before.end("party")):
            before = None  # "Salesforce's API limits": its own API, nothing to connect
        if before is not None:
            span = before.span("party")
            if mention is not None and _overlaps(span, mention):
                # "HubSpot syncs with Gmail": its own integration with a third party, not us
                return not (named_other and _is_verb(cue_text))
            word = before.group("party")
            if any(_overlaps(span, other) and _is_joined(text, mention, other, others)
                   for other in others):
                return True
            is_named = any(_overlaps(span, other) for other in others) or (
                word[0].isupper() and span[0] > 0 and word.casefold() not in _HEAD_WORDS)
            if is_named:
                return False
    return False if named_other else None


# an integration cue that points back at a name said before it in the sentence reaches it this
# far: "we'll stay on HubSpot whatever …, so your tool has to push activities back into it"
POINTS_BACK_REACH = 200
_BACK_AFTER = re.compile(r"(?:\s+(?:with|to|into|from|in))?\s+(?:it|them|there)\b|过去|进去|回去",
                         re.I)
_BACK_BEFORE = re.compile(r"(?:跟|和|与|同)(?:它|它们)(?:能不能|能否|可以|要|需要|也|都)*$")
# a cue whose object is every name said ("a tool that connects both", "把它们都打通")
_EVERY_NAME_AFTER = re.compile(r"\s*(?:both|them all|all of them|all three|each other|(?:the )?two)\b"
                               r"|(?:它们|两个|两边|这两个|三个)", re.I)


def points_back(text: str, cue: Span, here: Span, others: list[Span]) -> bool:
    """Whether the integration cue at `cue` points back ("sync with it", "跟它同步", "回写过去")
    to the name at `here` before it, within reach and with no other name between them."""
    start, end = cue
    return (here[1] <= start <= here[1] + POINTS_BACK_REACH
            and not any(here[1] <= other[0] and other[1] <= start for other in others)
            and (_BACK_AFTER.match(text, end) is not None
                 or _BACK_BEFORE.search(text, max(0, start - 8), start) is not None))


def names_every_party(text: str, end: int) -> bool:
    """Whether the cue ending at `end` takes every name said as its object ("connects both")."""
    return _EVERY_NAME_AFTER.match(text, end) is not None
