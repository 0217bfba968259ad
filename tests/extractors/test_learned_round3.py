"""The learned layer's classes of errors fixed in the third round (issue 10), en and zh."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.learned.reading import read_touchpoints

pytestmark = pytest.mark.slow  # loads the bundled encoder


def _touchpoint(text: str, *, channel: str = "call", direction: str = "inbound") -> Touchpoint:
    return Touchpoint(id="tp-round3", tenant_id="t1", channel=channel, direction=direction,  # type: ignore[arg-type]
                      occurred_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
                      source=Source(uri="test:round3", sha256="0" * 64, media_type="text/plain"),
                      text=text)


QUOTED = [
    pytest.param("陈静你好，\n试用了一周，手机端经常闪退。\n谭敏\n-----原始邮件-----\n"
                 "发件人: 陈静\n主题: 试用账号已开通\n谭经理您好，试用账号已经开通。", "试用账号已经开通",
                 id="zh-outlook-original-message"),
    pytest.param("Hi Jo,\nThe sync failed again.\nSam\n-----Original Message-----\nFrom: Jo\n"
                 "Sent: Monday\nYour trial is ready.", "trial is ready", id="en-original-message"),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTED)
def test_the_classifiers_never_read_the_quoted_earlier_message(text, quoted):
    readings = read_touchpoints([_touchpoint(text, channel="email")])[0]
    assert readings and all(quoted not in r.sentence.text for r in readings)
