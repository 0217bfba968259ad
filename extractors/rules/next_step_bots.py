"""Requests a bot or an auto-reply makes: scripted prompts, not steps.

Support chats and tickets open with a bot or a system message that asks the user for something
("[机器人] 请提供您的型号", "智能客服：请输入订单号", "系统：请点击【申请售后】"). The prompt asks every
user the same thing and is answered on the spot, so it is no ask of the conversation; a person's
request later in the thread still is. A bot's promise ("系统将在24小时内自动退款") is left alone:
the reader holds the vendor to it.
"""

from __future__ import annotations

import re

from extractors.rules.sentences import Sentence

__all__ = ["is_bot_prompt"]

# a speaker label or a bracketed lead that names a bot or an automatic message
_BOT = re.compile(r"机器人|智能(?:客服|助手|助理)|自动回复|^系统(?:消息|通知|提示)?$|\bbot\b|auto-?reply", re.I)
_LEAD = re.compile(r"^\s*[\[【](?P<label>[^\]】]{1,8})[\]】]")


def is_bot_prompt(sentence: Sentence) -> bool:
    """Whether `sentence` is said by a bot or an auto-reply (its speaker label or bracketed lead)."""
    if sentence.speaker and _BOT.search(sentence.speaker):
        return True
    lead = _LEAD.match(sentence.text)
    return lead is not None and _BOT.search(lead.group("label")) is not None
