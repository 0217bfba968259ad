"""Words that name a thing, not a feeling: a card or a punch-in (卡), a gap analysis or a price
difference (差), a place (贵州), a feature named for faults (故障诊断), a rate's name (及时率), "best
price"; a rate said to be high or below the contract is a result; and a row of a notes table (task | owner | date) records, it does not
feel. The feeling words themselves still count, and so do Cantonese ones (鍾意, 好靚, 唔抵)."""

from __future__ import annotations

import pytest

from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import cues_of
from extractors.rules.zh_view import mandarin_text


@pytest.mark.parametrize(("text", "sign"), [
    ("会员到店可以直接刷卡消费，也能用储值卡。", 0),
    ("导购每天早上要在门店拍照打卡。", 0),
    ("这次的差距评估报告下周给到您。", 0),
    ("两家报价的差价大概在三千左右。", 0),
    ("我们贵阳和贵州其他地市的门店都要上。", 0),
    ("| 整理故障工单模板 | 李工 | 4月8日 |", 0),
    ("| Draft the outage runbook | Priya | Mar 14 |", 0),
    ("我们想先看一下故障诊断和故障工单这两块功能。", 0),
    ("上个月的到货及时率是多少，能导一份给我们吗？", 0),
    ("The final price is what I need from you by Friday, your best annual price.", 0),
    ("后台太卡了，点一下要等好久。", -1),
    ("设备这周又出故障了。", -1),
    ("这个月的配送及时率只有八成，低于合同约定。", -1),
    ("分拣准确率偏低，每天都要人工返工。", -1),
    ("新模型上线后识别准确率很高。", 1),
    ("你们的售后服务态度很差。", -1),
    ("The outage last night was a disaster for us.", -1),
], ids=["zh-card-payment", "zh-punch-in", "zh-gap-analysis", "zh-price-difference", "zh-places",
        "zh-table-row", "en-table-row", "zh-fault-as-a-feature-name", "zh-a-rate-asked-for",
        "en-best-annual-price", "zh-lag-still-counts", "zh-a-fault-still-counts", "zh-rate-below-contract",
        "zh-rate-too-low", "zh-rate-high-is-praise", "zh-poor-service-still-counts",
        "en-plain-sentence-still-counts"])
def test_a_name_or_a_record_is_no_feeling(text: str, sign: int) -> None:
    [score] = sentence_scores(text, cues_of(text))
    assert (score > 0) - (score < 0) == sign


@pytest.mark.parametrize(("text", "sign"), [
    ("件衫好靚，我老婆好鍾意。", 1),
    ("你哋個新系統真係好正。", 1),
    ("呢個套餐咁貴，真係唔抵。", -1),
    ("師傅嚟咗兩次都搞唔掂。", -1),
    ("聽日三點得唔得？", 0),
], ids=["yue-lovely-and-liked", "yue-great", "yue-not-worth-it", "yue-could-not-fix", "yue-logistics"])
def test_cantonese_feelings_count_through_the_mandarin_view(text: str, sign: int) -> None:
    view = mandarin_text(text)
    [score] = sentence_scores(view, cues_of(view))
    assert (score > 0) - (score < 0) == sign
