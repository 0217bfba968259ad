"""The touchpoint-level sentiment reading: its blend with the sentence label, and evidence or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from assistant.models import Source, Touchpoint
from extractors.learned.classifier import SentenceClassifier, shipped_classifier
from extractors.learned.encoder import DIMENSIONS
from extractors.learned.reading import SentenceReading
from extractors.learned.sentiment import SentimentOptions, learned_sentiment
from extractors.learned.touchpoint import (
    CHANNELS,
    FEATURES,
    HASHED_WORDS,
    TOUCHPOINT_SENTIMENT_MODEL,
    blended_label,
    hashed_words,
    touchpoint_features,
)
from extractors.rules.sentences import Sentence

OPTIONS = SentimentOptions(strong=0.35, mixed_balance=0.3)
CLASSES = ("mixed", "negative", "neutral", "positive")


def _model(**logits: float) -> SentenceClassifier:
    """A classifier that gives every touchpoint the same probabilities (from its intercepts)."""
    intercept = np.array([logits.get(c, 0.0) for c in CLASSES], np.float32)
    return SentenceClassifier(TOUCHPOINT_SENTIMENT_MODEL, "1", CLASSES,
                              np.zeros((len(CLASSES), FEATURES), np.float32), intercept)


def _touchpoint(text: str, channel: str = "email", language: str = "en") -> Touchpoint:
    return Touchpoint(id="tp", tenant_id="t", channel=channel, language=language, text=text,
                      occurred_at=datetime(2026, 3, 2, tzinfo=UTC),
                      source=Source(uri="test:tp", sha256="0" * 64, media_type="text/plain"))


def _readings(*sentences: tuple[str, float, float]) -> tuple[Touchpoint, list[SentenceReading]]:
    """A customer email of these sentences, each with P(positive) and P(negative)."""
    text = " ".join(s for s, _, _ in sentences)
    readings, at = [], 0
    for i, (s, positive, negative) in enumerate(sentences):
        start = text.index(s, at)
        at = start + len(s)
        embedding = np.zeros(DIMENSIONS, np.float32)
        embedding[i] = 1.0
        readings.append(SentenceReading(Sentence(s, start, at, "customer", None, None),
                                        {"other": 1.0},
                                        {"positive": positive, "negative": negative,
                                         "neutral": 1 - positive - negative}, embedding))
    return _touchpoint(text), readings


@pytest.mark.parametrize(("logits", "sentence_label", "expected"), [
    pytest.param({"negative": 3.0}, "neutral", "negative", id="a-clear-touchpoint-reading-wins"),
    pytest.param({"negative": 0.2}, "neutral", "neutral", id="a-close-call-keeps-the-sentence-label"),
    pytest.param({}, "positive", "positive", id="a-uniform-reading-keeps-the-sentence-label"),
    pytest.param({"mixed": 2.0, "positive": 1.9}, "positive", "positive",
                 id="the-sentence-label-vote-breaks-a-near-tie"),
])
def test_the_blend_gives_the_sentence_label_a_vote(logits: dict[str, float], sentence_label: str,
                                                  expected: str) -> None:
    assert blended_label(_model(**logits), np.zeros(FEATURES, np.float32), sentence_label,
                         0.4) == expected


def test_features_are_the_mean_embeddings_channel_and_language() -> None:
    touchpoint, readings = _readings(("It works.", 0.1, 0.0), ("It fails at night.", 0.0, 0.2))
    touchpoint = touchpoint.model_copy(update={"channel": "ticket", "language": "zh"})
    features = touchpoint_features(touchpoint, readings, readings[1:])
    assert features.shape == (FEATURES,)
    assert features[1] == 1.0 and features[0] == 0.0  # the customer's mean: the second sentence
    assert features[DIMENSIONS] == 0.5 and features[DIMENSIONS + 1] == 0.5  # all sentences
    flags = features[2 * DIMENSIONS : 2 * DIMENSIONS + len(CHANNELS) + 1]
    assert list(flags) == [float(c == "ticket") for c in CHANNELS] + [1.0]
    words = features[2 * DIMENSIONS + len(CHANNELS) + 1 :]  # the customer's only
    assert np.array_equal(words, hashed_words(["It fails at night."]))


@pytest.mark.parametrize(("first", "second", "same"), [
    pytest.param(["The export keeps failing."], ["the EXPORT keeps failing."], True,
                 id="case-folded"),
    pytest.param(["The export keeps failing."], ["The export", "keeps failing."], False,
                 id="word-pairs-stay-within-a-sentence"),
    pytest.param(["Not happy with it."], ["Happy with it, not."], False, id="word-order-counts"),
    pytest.param(["发票又错了。"], ["发票又错了"], True, id="han-characters-are-words"),
])
def test_hashed_words(first: list[str], second: list[str], same: bool) -> None:
    a, b = hashed_words(first), hashed_words(second)
    assert a.shape == (HASHED_WORDS,) and abs(float(np.linalg.norm(a)) - 1) < 1e-5
    assert np.array_equal(a, b) == same


def test_no_words_hash_to_zeros() -> None:
    assert not hashed_words([]).any() and not hashed_words(["..."]).any()


def _relabel_to(label: str):
    return lambda sentence_label, customer: label


def test_a_touchpoint_label_stands_only_with_a_sentence_leaning_its_way() -> None:
    touchpoint, readings = _readings(("We renewed for two years.", 0.3, 0.0),
                                     ("The invoice went to the old address.", 0.0, 0.25))
    plain = learned_sentiment(touchpoint, readings, OPTIONS)
    assert plain is not None and plain.label == "neutral"  # nothing at `strong`
    negative = learned_sentiment(touchpoint, readings, OPTIONS, relabel=_relabel_to("negative"))
    assert negative is not None and negative.label == "negative"
    assert [e.quote for e in negative.evidence] == ["The invoice went to the old address."]
    mixed = learned_sentiment(touchpoint, readings, OPTIONS, relabel=_relabel_to("mixed"))
    assert mixed is not None and mixed.label == "mixed" and len(mixed.evidence) == 2


def test_without_support_the_sentence_label_stays() -> None:
    touchpoint, readings = _readings(("Please send the W-9.", 0.02, 0.0),
                                     ("We go live on the 14th.", 0.5, 0.0))
    base = learned_sentiment(touchpoint, readings, OPTIONS)
    assert base is not None and base.label == "positive"
    for wanted in ("negative", "mixed"):  # no customer sentence leans negative
        kept = learned_sentiment(touchpoint, readings, OPTIONS, relabel=_relabel_to(wanted))
        assert kept is not None and kept.label == "positive", wanted
        assert [e.quote for e in kept.evidence] == ["We go live on the 14th."]
    neutral = learned_sentiment(touchpoint, readings, OPTIONS, relabel=_relabel_to("neutral"))
    assert neutral is not None and neutral.label == "neutral" and neutral.evidence == []


def test_the_shipped_touchpoint_model_reads_the_features() -> None:
    model = shipped_classifier(TOUCHPOINT_SENTIMENT_MODEL)
    assert set(model.classes) == set(CLASSES)
    assert model.coef.shape == (len(CLASSES), FEATURES)
    probabilities = model.probabilities(np.zeros((1, FEATURES), np.float32))
    assert probabilities.shape == (1, 4) and abs(float(probabilities.sum()) - 1) < 1e-5


def test_combined_keeps_the_rules_next_steps_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """The step filter is off by default in English (out of fold it lost more true steps than
    false ones): even sentences the role classifier reads as no step at all keep the rules' steps."""
    from evals.sentence_set import ROLES
    from extractors.base import ExtractionContext
    from extractors.catalog import load_catalog
    from extractors.learned import CombinedExtractor, LearnedOptions, extractor, reading
    from extractors.rules import RulesExtractor

    def no_step_anywhere(touchpoints: list[Touchpoint]) -> list[list[SentenceReading]]:
        roles = {role: 0.0 for role in ROLES} | {"other": 1.0}
        return [[SentenceReading(s, roles, {"neutral": 1.0, "positive": 0.0, "negative": 0.0})
                 for s in reading.touchpoint_sentences(t)] for t in touchpoints]

    monkeypatch.setattr(extractor, "read_touchpoints", no_step_anywhere)
    touchpoint = _touchpoint("Could you send the revised quote by Friday? I'll loop in our CFO "
                             "next week. 我下周三之前把报价发给您。")
    context = ExtractionContext(catalog=load_catalog(None))
    rules = [(s.action, s.owner, s.due) for s in RulesExtractor().extract(touchpoint, context).next_steps]
    combined = CombinedExtractor(LearnedOptions(touchpoint_blend=None)).extract(touchpoint, context)
    filtered = CombinedExtractor(LearnedOptions(keep_step=0.3, touchpoint_blend=None)).extract(
        touchpoint, context)
    assert len(rules) == 3 and [(s.action, s.owner, s.due) for s in combined.next_steps] == rules
    assert filtered.next_steps == []  # the filter, when asked for, drops them


def _read_all_as(role: str, probability: float
                 ) -> Callable[[list[Touchpoint]], list[list[SentenceReading]]]:
    """A stand-in for read_touchpoints: every sentence read as `role` with `probability`."""
    from evals.sentence_set import ROLES
    from extractors.learned import reading

    def read(touchpoints: list[Touchpoint]) -> list[list[SentenceReading]]:
        rest = (1 - probability) / (len(ROLES) - 1)
        roles = {r: rest for r in ROLES} | {role: probability}
        return [[SentenceReading(s, roles, {"neutral": 1.0, "positive": 0.0, "negative": 0.0})
                 for s in reading.touchpoint_sentences(t)] for t in touchpoints]
    return read


def test_combined_filters_chinese_next_steps_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """In Chinese (keep_step_zh) a rules step whose sentence the classifier reads as no step goes;
    the same step stays where the classifier reads a request."""
    from extractors.base import ExtractionContext
    from extractors.catalog import load_catalog
    from extractors.learned import CombinedExtractor, LearnedOptions, extractor
    from extractors.rules import RulesExtractor

    touchpoint = _touchpoint("我下周三之前把报价发给您。麻烦您周五前把用户名单发过来。", language="zh")
    context = ExtractionContext(catalog=load_catalog(None))
    rules = RulesExtractor().extract(touchpoint, context).next_steps
    combined = CombinedExtractor(LearnedOptions(touchpoint_blend=None))
    monkeypatch.setattr(extractor, "read_touchpoints", _read_all_as("other", 0.95))
    assert len(rules) == 2 and combined.extract(touchpoint, context).next_steps == []
    monkeypatch.setattr(extractor, "read_touchpoints", _read_all_as("request", 0.6))
    kept = combined.extract(touchpoint, context).next_steps
    assert [(s.action, s.owner, s.due) for s in kept] == [(s.action, s.owner, s.due) for s in rules]


@pytest.mark.parametrize(("channel", "direction", "owner"), [
    ("meeting", "inbound", "rep"),  # nobody knows who asked: the rep, as the rules read it
    ("email", "outbound", "customer"),  # the rep asks: the customer acts
], ids=["unknown-speaker-meeting", "rep-email"])
def test_combined_adds_a_chinese_step_the_rules_missed(monkeypatch: pytest.MonkeyPatch, channel: str,
                                                       direction: str, owner: str) -> None:
    """A sentence without a rules step that the classifier reads as a request at >= add_step_zh
    becomes a step, its action cut from the sentence."""
    from extractors.base import ExtractionContext
    from extractors.catalog import load_catalog
    from extractors.learned import CombinedExtractor, LearnedOptions, extractor

    touchpoint = _touchpoint("请把测试环境的账号开通一下。", channel=channel, language="zh"
                             ).model_copy(update={"direction": direction})
    context = ExtractionContext(catalog=load_catalog(None))
    combined = CombinedExtractor(LearnedOptions(touchpoint_blend=None))
    without_steps = combined.rules.extract(touchpoint, context).model_copy(update={"next_steps": []})
    monkeypatch.setattr(combined.rules, "extract", lambda *_: without_steps)
    monkeypatch.setattr(extractor, "read_touchpoints", _read_all_as("request", 0.9))
    steps = combined.extract(touchpoint, context).next_steps
    assert [(s.action, s.owner, s.evidence.quote) for s in steps] == [
        ("把测试环境的账号开通一下", owner, "请把测试环境的账号开通一下。")]
    monkeypatch.setattr(extractor, "read_touchpoints", _read_all_as("request", 0.7))
    assert combined.extract(touchpoint, context).next_steps == []  # below add_step_zh


POLITE_COMPLAINTS = [
    pytest.param("Hi Dana,\n\nThank you for taking the time to walk us through the roadmap last week. "
                 "I appreciate the effort your team has put in. That said, I have to be candid: the "
                 "last three releases each broke our invoice export, and our finance team spent most "
                 "of March reconciling by hand. We raised this twice with support and were told it "
                 "would be looked at. At this point we are not confident the platform can support "
                 "our month-end close, and we will be reviewing alternatives before the renewal in "
                 "June.\n\nKind regards,\nMarta", "en", id="en"),
    pytest.param("王经理您好，\n\n感谢您上周抽时间给我们介绍新版本。不过坦白说，最近三次更新都导致我们的对账报表出错，"
                 "财务部门整个三月都在手工核对。我们已经两次向客服反映，但至今没有解决。"
                 "目前我们对这个系统能否支持月结没有信心，续约前我们会评估其他方案。\n\n此致\n李娜", "zh",
                 id="zh"),
]


@pytest.mark.slow  # the bundled encoder reads the sentences
@pytest.mark.parametrize(("text", "language"), POLITE_COMPLAINTS)
def test_a_long_polite_complaint_reads_negative(text: str, language: str) -> None:
    from extractors.base import ExtractionContext
    from extractors.catalog import load_catalog
    from extractors.learned import CombinedExtractor

    touchpoint = _touchpoint(text, language=language)
    sentiment = CombinedExtractor().extract(touchpoint, ExtractionContext(
        catalog=load_catalog(None))).sentiment
    assert sentiment is not None and sentiment.label == "negative"
    assert sentiment.evidence and all(e.quote in text for e in sentiment.evidence)


@pytest.mark.slow  # the bundled encoder reads the sentences
def test_the_extractor_reads_the_features_training_uses(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """evals/train_touchpoint.py builds its rows the way CombinedExtractor builds the features it
    hands the touchpoint model: same sentences, same embeddings, same customer side."""
    from evals.dataset import load_dataset, to_touchpoint
    from evals.sentence_set import DATASETS
    from evals.train_touchpoint import touchpoint_rows
    from extractors.base import ExtractionContext
    from extractors.catalog import load_catalog
    from extractors.learned import CombinedExtractor, extractor

    lines = (DATASETS / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    items = [line for line in lines if '"sentiment"' in line and '"path"' not in line][:6]
    (tmp_path / "dev.jsonl").write_text("\n".join(items) + "\n", encoding="utf-8")
    x, labels, splits, ids = touchpoint_rows(tmp_path)
    assert len(ids) == 6 and set(splits) == {"dev"} and x.shape == (6, FEATURES)

    seen: list[np.ndarray] = []
    blended = extractor.blended_label
    monkeypatch.setattr(extractor, "blended_label",
                        lambda model, features, label, blend: seen.append(features)
                        or blended(model, features, label, blend))
    context = ExtractionContext(catalog=load_catalog(None))
    for item, row in zip(load_dataset(tmp_path / "dev.jsonl"), x, strict=True):
        seen.clear()
        CombinedExtractor().extract(to_touchpoint(item), context)
        assert len(seen) == 1
        np.testing.assert_allclose(seen[0], row, atol=1e-5)


@pytest.mark.parametrize(("probabilities", "sentence_label", "expected"), [
    ((0.14, 0.16, 0.01, 0.69), "negative", "negative"),  # positive is barred: the next best
    ((0.60, 0.10, 0.05, 0.25), "negative", "mixed"),     # may move to mixed
    ((0.05, 0.75, 0.10, 0.10), "positive", "positive"),  # never to negative: the label stands
    ((0.05, 0.55, 0.35, 0.05), "positive", "neutral"),   # or goes to the best other one
    ((0.05, 0.10, 0.15, 0.70), "neutral", "positive"),   # from neutral anything goes
])
def test_the_touchpoint_reading_never_flips_polarity(probabilities: tuple[float, ...],
                                                    sentence_label: str, expected: str) -> None:
    from extractors.learned.touchpoint import vote

    classes = ("mixed", "negative", "neutral", "positive")
    assert vote(np.array(probabilities), classes, sentence_label, blend=0.2) == expected


@pytest.mark.parametrize(("text", "probability", "expected"), [
    pytest.param("The price is too high for us this year.", 0.0,
                 ["The price is too high for us this year"],
                 id="a-rules-objection-stays-whatever-the-classifier-reads"),
    pytest.param("我们觉得价格太高了。", 0.0, ["我们觉得价格太高了"], id="zh-rules-objection-stays"),
    pytest.param("We will sit on this until the new budget cycle.", 0.65,
                 ["We will sit on this until the new budget cycle"],
                 id="a-customer-sentence-read-as-an-objection-at-0.65-is-added"),
    pytest.param("We will sit on this until the new budget cycle.", 0.55, [],
                 id="below-the-add-threshold-nothing-is-added"),
])
def test_combined_objections_by_default(monkeypatch: pytest.MonkeyPatch, text: str,
                                        probability: float, expected: list[str]) -> None:
    """Out of fold the keep filter only lost objections under the roles model at C 1 (keep 0),
    and adding from P(objection) >= 0.6 read best (extractors/learned/extractor.py)."""
    from extractors.base import ExtractionContext
    from extractors.catalog import load_catalog
    from extractors.learned import CombinedExtractor, LearnedOptions, extractor

    monkeypatch.setattr(extractor, "read_touchpoints", _read_all_as("objection", probability))
    language = "zh" if "价" in text else "en"
    touchpoint = _touchpoint(text, language=language)
    insights = CombinedExtractor(LearnedOptions(touchpoint_blend=None)).extract(
        touchpoint, ExtractionContext(catalog=load_catalog(None)))
    assert [o.text for o in insights.objections] == expected
