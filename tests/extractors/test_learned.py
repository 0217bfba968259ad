"""The learned layer: shipped classifiers, the learned and combined extractors."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pytest

from assistant.models import Source, Touchpoint
from evals.dataset import load_dataset, to_touchpoint
from evals.sentence_set import ROLES, SENTIMENTS
from extractors.base import ExtractionContext, get_extractor_class
from extractors.grounding import is_verified
from extractors.learned import CombinedExtractor, LearnedExtractor
from extractors.learned.classifier import ROLES_MODEL, SENTIMENT_MODEL, load_classifier
from extractors.learned.encoder import encode_sentences
from extractors.learned.sentiment import SentimentOptions, label_of

pytestmark = pytest.mark.slow  # loads the bundled encoder
DEV = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "dev.jsonl"
CONTEXT = ExtractionContext()


def _touchpoint(text: str, *, channel: str = "call", language: str = "en") -> Touchpoint:
    return Touchpoint(id="tp-learned", tenant_id="t1", channel=channel,  # type: ignore[arg-type]
                      occurred_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC), language=language,
                      source=Source(uri="test:learned", sha256="0" * 64, media_type="text/plain"),
                      text=text)


def _role_of(text: str) -> str:
    roles = load_classifier(ROLES_MODEL)
    return roles.classes[int(roles.probabilities(encode_sentences([text])).argmax())]


def test_the_shipped_classifiers_load_from_package_data_with_every_label() -> None:
    roles, sentiment = load_classifier(ROLES_MODEL), load_classifier(SENTIMENT_MODEL)
    assert sorted(roles.classes) == sorted(ROLES)
    assert sorted(sentiment.classes) == sorted(SENTIMENTS)
    assert roles.coef.shape == (len(ROLES), 512) and sentiment.coef.shape == (3, 512)


def test_predictions_are_deterministic_and_batching_does_not_change_them() -> None:
    texts = ["Could you send the signed DPA before Thursday?", "麻烦下周一之前把实施计划发我一份",
             "The numbers still don't match.", "稍等一下"]
    roles = load_classifier(ROLES_MODEL)
    batched = roles.probabilities(encode_sentences(texts))
    again = roles.probabilities(encode_sentences(texts))
    one_by_one = np.vstack([roles.probabilities(encode_sentences([t])) for t in texts])
    assert np.array_equal(batched, again)
    assert np.allclose(batched, one_by_one, atol=1e-4)
    assert np.allclose(batched.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize(("text", "role"), [
    ("Could you send the signed DPA before Thursday?", "request"),
    ("Please loop in your implementation lead next week.", "request"),
    ("请尽快安排工程师上门。", "request"),
    ("I'll send over the updated security questionnaire tomorrow.", "commitment"),
    ("我们产品经理下周给您演示新版本。", "commitment"),
    ("If you sign this quarter we could include onboarding.", "offer"),
    ("如果您需要，我们也可以安排培训。", "offer"),
    ("Does it connect to Zendesk?", "question"),
    ("上周五的数据到现在还没同步。", "complaint"),
    ("稍等一下。", "other"),
], ids=["en-request", "en-request-loop-in", "zh-request", "en-commitment", "zh-team-commitment",
        "en-offer", "zh-offer", "en-question", "zh-complaint", "zh-filler"])
def test_sentence_roles_from_the_issue(text: str, role: str) -> None:
    assert _role_of(text) == role


@pytest.mark.parametrize(("polarities", "label"), [
    ([], "neutral"), ([0.1, -0.2], "neutral"), ([0.8, 0.1], "positive"), ([-0.9, 0.0], "negative"),
    ([0.8, -0.7], "mixed"), ([0.9, 0.8, -0.45], "positive"),
], ids=["empty", "weak", "praise", "complaint", "both", "mostly-praise"])
def test_touchpoint_label_follows_the_clear_sentences(polarities: list[float], label: str) -> None:
    assert label_of(polarities, SentimentOptions(strong=0.4, mixed_balance=0.5))[0] == label


@pytest.mark.parametrize("name", ["learned", "combined"])
def test_learned_extractors_are_registered_through_entry_points(name: str) -> None:
    cls = get_extractor_class(name)
    assert issubclass(cls, LearnedExtractor) and cls.name == name


@pytest.mark.parametrize("cls", [LearnedExtractor, CombinedExtractor], ids=["learned", "combined"])
def test_every_item_on_the_dev_split_is_grounded(cls: type[LearnedExtractor]) -> None:
    items = [i for i in load_dataset(DEV) if i.text is not None][:40]
    touchpoints = [to_touchpoint(i) for i in items]
    extractor = cls()
    for touchpoint, insights in zip(touchpoints, extractor.extract_many(touchpoints, CONTEXT),
                                    strict=True):
        evidence = [*(n.evidence for n in insights.next_steps),
                    *(p.evidence for p in insights.pain_points),
                    *(o.evidence for o in insights.objections),
                    *(b.evidence for b in insights.buying_signals),
                    *(q.evidence for q in insights.questions),
                    *(c.evidence for c in insights.competitors),
                    *(insights.sentiment.evidence if insights.sentiment else [])]
        assert all(is_verified(e, touchpoint.text) for e in evidence), touchpoint.id
        assert insights.provenance.extractor == cls.name


def test_extract_many_gives_the_same_items_as_one_at_a_time() -> None:
    touchpoints = [to_touchpoint(i) for i in load_dataset(DEV) if i.text is not None][:12]
    extractor = CombinedExtractor()
    batched = extractor.extract_many(touchpoints, CONTEXT)
    for touchpoint, many in zip(touchpoints, batched, strict=True):
        one = extractor.extract(touchpoint, CONTEXT)
        assert [n.action for n in one.next_steps] == [n.action for n in many.next_steps]
        assert [p.text for p in one.pain_points] == [p.text for p in many.pain_points]
        assert one.sentiment and many.sentiment and one.sentiment.label == many.sentiment.label


def test_combined_keeps_a_request_with_its_due_date_and_skips_an_offer() -> None:
    touchpoint = _touchpoint("Rep: If you sign this quarter we could include onboarding.\n"
                             "Customer: Could you send the signed DPA before Thursday?\n"
                             "Rep: Sure.")
    steps = CombinedExtractor().extract(touchpoint, CONTEXT).next_steps
    assert len(steps) == 1
    assert "DPA" in steps[0].action and steps[0].owner == "rep"
    assert steps[0].due == date(2026, 3, 12)


def test_sentiment_evidence_supports_the_label() -> None:
    touchpoint = _touchpoint("Rep: How is the rollout going?\n"
                             "Customer: Honestly the sync has been failing every day since Monday "
                             "and my team is fed up.\n"
                             "Customer: We won't be extending the contract.\n"
                             "Customer: Thanks for your time.")
    sentiment = CombinedExtractor().extract(touchpoint, CONTEXT).sentiment
    assert sentiment is not None and sentiment.label == "negative"
    assert sentiment.evidence
    assert all("Thanks" not in e.quote for e in sentiment.evidence)


def test_a_missing_weights_file_names_the_fix(tmp_path: Path) -> None:
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match="make train"):
        load_classifier(ROLES_MODEL, directory=tmp_path)
