"""The leave-one-split-out reading of the tuning items: each split read by classifiers that never saw it."""

from __future__ import annotations

import numpy as np

from evals.sentence_set import LabelledSentence
from evals.train_learned import Split
from evals.train_touchpoint import split_out_classifiers


def _row(text: str, role: str, sentiment: str, source: str) -> LabelledSentence:
    return LabelledSentence(text, "en", role, sentiment, source, "train")


def test_a_splits_classifiers_never_saw_its_gold_sentences() -> None:
    """Only dev's gold sentences are objections and positive: dev's classifiers know neither."""
    rows = [_row("t1", "other", "neutral", "template:en/other/neutral/0"),
            _row("t2", "complaint", "negative", "template:en/complaint/negative/0"),
            _row("d1", "objection", "positive", "gold:dev-1"),
            _row("b1", "complaint", "neutral", "gold:blind-1"),
            _row("b2", "other", "negative", "gold:blind-2")]
    rng = np.random.default_rng(0)
    embedded = Split([r.text for r in rows], rng.normal(size=(len(rows), 4)).astype(np.float32),
                     rows)
    split_of = {"dev-1": "dev", "blind-1": "blind", "blind-2": "blind"}
    models = split_out_classifiers(["dev", "blind"], split_of, embedded,
                                   {"roles": 1.0, "sentiment": 1.0})
    assert "objection" not in models[("dev", "roles")].classes
    assert "positive" not in models[("dev", "sentiment")].classes
    assert "objection" in models[("blind", "roles")].classes
    assert set(models[("blind", "sentiment")].classes) == {"negative", "neutral", "positive"}


def test_never_read_splits_stay_out_of_the_score_variants_are_chosen_on() -> None:
    """The mean a variant is chosen on holds only the readable splits; the others sit apart."""
    from datetime import UTC, datetime

    from assistant.models import Source, Touchpoint
    from evals.touchpoint_loso import scores
    from evals.train_touchpoint import TuningTouchpoint

    def row(split: str, label: str) -> TuningTouchpoint:
        touchpoint = Touchpoint(id=f"{split}-{label}", tenant_id="t", channel="email",
                                language="en", text="x", occurred_at=datetime(2026, 3, 2, tzinfo=UTC),
                                source=Source(uri="test:x", sha256="0" * 64,
                                              media_type="text/plain"))
        return TuningTouchpoint(touchpoint.id, split, label, touchpoint, [])

    rows = [row("dev", "negative"), row("blind7", "positive"), row("blind12", "negative"),
            row("real1", "neutral")]
    result = scores(rows, ["negative", "positive", "positive", "positive"])
    assert set(result["splits"]) == {"dev", "blind7"} and result["accuracy"] == 1.0
    assert set(result["never_read"]["splits"]) == {"blind12", "real1"}
    assert result["never_read"]["accuracy"] == 0.0
