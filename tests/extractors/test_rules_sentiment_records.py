"""Words that name a thing, not a feeling: a card or a punch-in (卡), a gap analysis or a price
difference (差), a place (贵州); and a row of a notes table (task | owner | date) records, it does not
feel. The feeling words themselves still count."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import cues_of


@pytest.mark.parametrize(("text", "sign"), [
    ("会员到店可以直接刷卡消费，也能用储值卡。", 0),
    ("导购每天早上要在门店拍照打卡。", 0),
    ("这次的差距评估报告下周给到您。", 0),
    ("两家报价的差价大概在三千左右。", 0),
    ("我们贵阳和贵州其他地市的门店都要上。", 0),
    ("| 整理故障工单模板 | 李工 | 4月8日 |", 0),
    ("| Draft the outage runbook | Priya | Mar 14 |", 0),
    ("后台太卡了，点一下要等好久。", -1),
    ("你们的售后服务态度很差。", -1),
    ("The outage last night was a disaster for us.", -1),
], ids=["zh-card-payment", "zh-punch-in", "zh-gap-analysis", "zh-price-difference", "zh-places",
        "zh-table-row", "en-table-row", "zh-lag-still-counts", "zh-poor-service-still-counts",
        "en-plain-sentence-still-counts"])
def test_a_name_or_a_record_is_no_feeling(text: str, sign: int) -> None:
    [score] = sentence_scores(text, cues_of(text))
    assert (score > 0) - (score < 0) == sign
