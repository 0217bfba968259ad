"""A support ticket or chat ending in real thanks for the help is positive; praise of one feature
beside a complaint about another, or a bare "Thanks.", is not (extractors/rules/thanked.py)."""

from __future__ import annotations

import pytest

from extractors.rules.thanked import settle_thanked

PROBLEM = ("The booking page rejects every card payment.", -0.5)


@pytest.mark.parametrize(("label", "scored", "channel", "settled"), [
    ("mixed", [PROBLEM, ("Thank you so much, you're a star!", 0.6)], "ticket", "positive"),
    ("mixed", [PROBLEM, ("That's a lifesaver, honestly.", 0.5)], "chat", "positive"),
    ("mixed", [PROBLEM, ("You saved our whole open day.", 0.45)], "ticket", "positive"),
    ("mixed", [("收款页面一直报错。", -0.5), ("处理得真快，太感谢了！", 0.7)], "ticket", "positive"),
    ("mixed", [("门票核销失败。", -0.5), ("多亏你们，活动顺利开场。", 0.5)], "chat", "positive"),
    # praise of one feature beside a complaint about another thanks nobody
    ("mixed", [PROBLEM, ("Love the new seating map though.", 0.7)], "chat", "mixed"),
    ("mixed", [("导出又超时了。", -0.5), ("新版的排班模板倒是不错。", 0.5)], "chat", "mixed"),
    # the complaint comes after the thanks: it still stands
    ("mixed", [("Thank you, you're amazing.", 0.6), PROBLEM], "ticket", "mixed"),
    # a bare thanks is courtesy, scored near zero
    ("mixed", [PROBLEM, ("Fixed now, love it.", 0.6), ("Thanks.", 0.0)], "ticket", "mixed"),
    # not a support channel, or not mixed
    ("mixed", [PROBLEM, ("Thank you so much, you're a star!", 0.6)], "call", "mixed"),
    ("negative", [PROBLEM, ("Thanks for nothing.", -0.6)], "ticket", "negative"),
], ids=["en-star", "en-lifesaver", "en-saved", "zh-thanks", "zh-thanks-to", "en-feature",
        "zh-feature", "en-thanks-first", "en-bare-thanks", "call", "negative"])
def test_only_thanks_after_the_last_complaint_settles_positive(label: str, scored: list, channel: str,
                                                               settled: str) -> None:
    assert settle_thanked(label, scored, channel, 0.3) == settled  # type: ignore[arg-type]
