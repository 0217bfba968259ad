"""A failure that persists after a try ("重启了还是打不开", "还是启动不了") is a complaint even
without a feeling word; a condition ("如果还是…不了") or a plain "还是" (still, or rather) is not.
Every example is invented for this file."""

from __future__ import annotations

import pytest

from extractors.rules.sentiment import STRONG, score_sentence


@pytest.mark.parametrize("text", [
    pytest.param("2号泵还是启动不了，第三天了", id="still-wont-start"),
    pytest.param("重启了还是打不开", id="restarted-still-wont-open"),
    pytest.param("清了缓存还是登录不进去", id="still-cant-log-in"),
    pytest.param("换了个浏览器还是导不出来。", id="still-cant-export"),
])
def test_a_persisting_failure_complains(text: str) -> None:
    assert score_sentence(text) <= -STRONG


@pytest.mark.parametrize("text", [
    pytest.param("如果还是启动不了，我再打给你", id="condition-ruguo"),
    pytest.param("要是还是启动不了，就发视频给我", id="condition-yaoshi"),
    pytest.param("我们还是选你们吧", id="rather-choose"),
    pytest.param("还是老样子，周三送货", id="same-as-usual"),
    pytest.param("还是用原来的账号登录", id="still-use-old-account"),
])
def test_still_without_a_failure_stays_neutral(text: str) -> None:
    assert abs(score_sentence(text)) < STRONG
