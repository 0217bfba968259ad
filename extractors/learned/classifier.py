"""A softmax classifier over sentence embeddings, stored as a small versioned .npz.

Training uses scikit-learn (evals/train_learned.py); inference here is one matrix product and a
softmax in numpy, so extraction neither imports scikit-learn nor unpickles anything: the file holds
only arrays (classes, coefficients, intercepts, version). The shipped models (sentence roles,
sentence sentiment, sentence pain, touchpoint sentiment) live in `weights/` next to this module and
load from package data offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.errors import ConfigError

WEIGHTS_DIR = Path(__file__).parent / "weights"
ROLES_MODEL = "roles"
SENTIMENT_MODEL = "sentiment"
PAIN_MODEL = "pain"  # binary: does the sentence tell a pain point (classes other, pain)
MODEL_VERSION = "1"


@dataclass(frozen=True)
class SentenceClassifier:
    name: str
    version: str
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, 512)
    intercept: np.ndarray  # (classes,)

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, classes) probabilities, rows summing to 1, columns in `classes` order."""
        logits = embeddings @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def column(self, label: str) -> int:
        return self.classes.index(label)

    def save(self, directory: Path = WEIGHTS_DIR) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{self.name}-v{self.version}.npz"
        np.savez_compressed(path, classes=np.array(self.classes), version=np.array(self.version),
                            coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32))
        return path


def load_classifier(name: str, *, version: str = MODEL_VERSION,
                    directory: Path = WEIGHTS_DIR) -> SentenceClassifier:
    """The shipped classifier `name` (roles or sentiment); ConfigError when the file is absent."""
    path = directory / f"{name}-v{version}.npz"
    if not path.is_file():
        raise ConfigError(f"learned model {path} is missing; run `make train` to write it or "
                          f"reinstall Touchpoint")
    with np.load(path, allow_pickle=False) as stored:
        return SentenceClassifier(name=name, version=str(stored["version"]),
                                  classes=tuple(str(c) for c in stored["classes"]),
                                  coef=np.asarray(stored["coef"], dtype=np.float32),
                                  intercept=np.asarray(stored["intercept"], dtype=np.float32))


@lru_cache(maxsize=8)
def shipped_classifier(name: str) -> SentenceClassifier:
    return load_classifier(name)
