"""The shipped form of a fitted classifier decides what scikit-learn's fit decides."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from evals.train_learned import classifier_of


@pytest.mark.parametrize("labels", [("other", "pain"), ("negative", "neutral", "positive")],
                         ids=["binary", "three-classes"])
def test_the_shipped_classifier_gives_scikit_learns_probabilities(labels):
    rng = np.random.default_rng(7)
    x = rng.normal(size=(60, 8))
    y = [labels[i % len(labels)] for i in range(60)]
    fitted = LogisticRegression(max_iter=500).fit(x, y)
    shipped = classifier_of("test", fitted)
    assert shipped.classes == labels
    assert np.allclose(shipped.probabilities(x.astype(np.float32)), fitted.predict_proba(x),
                       atol=1e-5)
