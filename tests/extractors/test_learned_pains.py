"""Pain points of the combined extractor: each complaint clause once, phrased like a person would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.models import Source, Touchpoint
from extractors.base import ExtractionContext
from extractors.learned import CombinedExtractor
from extractors.learned.reading import SentenceReading
from extractors.rules.sentences import split_sentences

ROLES = ("commitment", "request", "offer", "question", "complaint", "objection", "buying_signal",
         "other")


def _touchpoint(text: str, *, channel: str = "ticket") -> Touchpoint:
    return Touchpoint(id="tp-pains", tenant_id="t1", channel=channel, direction="inbound",  # type: ignore[arg-type]
                      occurred_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC),
                      source=Source(uri="test:pains", sha256="0" * 64, media_type="text/plain"),
                      text=text)


def _read_as(touchpoint: Touchpoint, role: str) -> list[SentenceReading]:
    """Every sentence read as `role` with certainty: what the combined extractor does with it
    depends on the rules and the phrasing only, not on the shipped weights."""
    roles = {r: float(r == role) for r in ROLES}
    return [SentenceReading(s, roles, {"negative": 1.0, "neutral": 0.0, "positive": 0.0})
            for s in split_sentences(touchpoint)]


@pytest.mark.parametrize("text", [
    pytest.param("客户：今天早上开始所有人都收不到短信验证码，登录不了系统，请尽快处理！", id="zh-two-clauses"),
    pytest.param("Customer: the import has failed three times this week and nobody got back to us.",
                 id="en-two-clauses"),
    pytest.param("客户：导出的Excel打开是乱码，附件也全都丢了。", id="zh-rules-and-classifier"),
])
def test_a_complaint_sentence_gives_each_of_its_pains_once(text):
    touchpoint = _touchpoint(text)
    extractor = CombinedExtractor()
    base = extractor.rules.extract(touchpoint, ExtractionContext())
    pains = extractor._build(touchpoint, _read_as(touchpoint, "complaint"), base).pain_points
    phrases = [p.text for p in pains]
    assert len(phrases) >= 2
    assert len(set(phrases)) == len(phrases), phrases


@pytest.mark.parametrize("text", [
    pytest.param("Customer: The sync times out on big files, we've been splitting them by hand.\n"
                 "Rep: I'll look into it.", id="en-flat-complaint-the-lexicon-reads-as-positive"),
    pytest.param("客户：从昨天开始就收不到验证码了。\n销售：收到。", id="zh-defect"),
])
def test_every_rules_pain_point_stays_as_the_rules_phrase_it(text):
    """Neither the classifier nor the lexicon vetoes a rules pain ("splitting" reads as positive)."""
    touchpoint = _touchpoint(text, channel="call")
    extractor = CombinedExtractor()
    base = extractor.rules.extract(touchpoint, ExtractionContext())
    combined = extractor._build(touchpoint, _read_as(touchpoint, "other"), base).pain_points
    assert base.pain_points
    assert [p.text for p in combined] == [p.text for p in base.pain_points]


@pytest.mark.parametrize("text", [
    pytest.param("Customer: Main thing for us: everything runs in Zendesk, so tickets need to sync "
                 "both ways.", id="en-requirement-read-as-complaint"),
    pytest.param("客户：审批我们都在钉钉上走，这块不想动。", id="zh-situation-read-as-complaint"),
])
def test_a_complaint_only_the_classifier_sees_needs_a_clause_that_says_what_is_wrong(text):
    touchpoint = _touchpoint(text, channel="call")
    extractor = CombinedExtractor()
    base = extractor.rules.extract(touchpoint, ExtractionContext())
    assert base.pain_points == []
    assert extractor._build(touchpoint, _read_as(touchpoint, "complaint"), base).pain_points == []


def _read_with_pain(touchpoint: Touchpoint, pain: float, complaint: float) -> list[SentenceReading]:
    roles = {r: (complaint if r == "complaint" else (1 - complaint) / (len(ROLES) - 1))
             for r in ROLES}
    return [SentenceReading(s, roles, {"negative": 1.0, "neutral": 0.0, "positive": 0.0},
                            pain=pain) for s in split_sentences(touchpoint)]


@pytest.mark.parametrize(("pain", "complaint", "added"), [
    pytest.param(0.9, 0.3, True, id="the-pain-model-sure-the-role-model-unsure"),
    pytest.param(0.3, 0.3, False, id="both-unsure"),
])
def test_a_sentence_of_an_untagged_call_is_a_pain_when_both_models_together_read_one(
        pain, complaint, added):
    """Without speaker tags nobody is known to be the customer; the sentence still counts, and
    the mean of P(pain) and P(complaint) decides whatever the sentence's most likely role is."""
    touchpoint = _touchpoint("月底对账特别痛苦，大家都很烦。下周再聊。", channel="call")
    extractor = CombinedExtractor()
    base = extractor.rules.extract(touchpoint, ExtractionContext())
    assert base.pain_points == []
    pains = extractor._build(touchpoint, _read_with_pain(touchpoint, pain, complaint),
                             base).pain_points
    assert [p.text for p in pains] == (["月底对账特别痛苦", "大家都很烦"] if added else [])


def test_a_sentence_the_rep_says_is_never_a_pain_the_classifiers_add():
    touchpoint = _touchpoint("Rep: Our month-end close is a nightmare with the current setup.\n"
                             "Customer: ok.", channel="call")
    extractor = CombinedExtractor()
    base = extractor.rules.extract(touchpoint, ExtractionContext())
    assert extractor._build(touchpoint, _read_with_pain(touchpoint, 1.0, 1.0),
                            base).pain_points == []


def test_pain_probability_is_the_mean_of_both_models_or_the_role_model_alone():
    sentence = split_sentences(_touchpoint("客户：系统又崩了。"))[0]
    roles = {r: float(r == "complaint") * 0.6 for r in ROLES}
    sentiment = {"negative": 1.0, "neutral": 0.0, "positive": 0.0}
    assert SentenceReading(sentence, roles, sentiment, pain=0.2).pain_probability == \
        pytest.approx(0.4)
    assert SentenceReading(sentence, roles, sentiment).pain_probability == pytest.approx(0.6)
