"""Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, vLLM, Ollama, ...).

`openai` is imported here and nowhere else in vector_index. Its exceptions become our errors at
this seam, and transport failures (429, 5xx, timeouts, refused connections) are retried with
backoff by tenacity (the SDK's own retries are off so the policy is in one place).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from assistant.errors import (
    AuthenticationError,
    ConfigError,
    ProviderError,
    ProviderTimeoutError,
    ProviderUnavailableError,
    RateLimitedError,
)
from vector_index.embedders import Embedder, EmbedderOptions, normalize

_RETRYABLE = (RateLimitedError, ProviderUnavailableError, ProviderTimeoutError)


class OpenAIEmbedder(Embedder):
    """Calls `POST {base_url}/embeddings` with a batch of texts; vectors come back in order."""

    name = "openai"
    is_local = False

    def __init__(self, options: EmbedderOptions) -> None:
        import openai

        if not options.base_url or not options.model:
            raise ConfigError("the openai embedder needs TOUCHPOINT_EMBEDDING_BASE_URL and "
                              "TOUCHPOINT_EMBEDDING_MODEL (e.g. http://localhost:11434/v1 and "
                              "bge-m3)")
        self.options = options
        self.model = options.model
        self.dim = options.dimensions or 0  # learned from the first answer when not configured
        self._client = openai.OpenAI(base_url=options.base_url,
                                     api_key=options.api_key or "sk-local-endpoint-without-key",
                                     timeout=options.timeout_s, max_retries=0)

    @property
    def model_id(self) -> str:
        return f"openai:{self.model}" + (f"@{self.options.dimensions}" if self.options.dimensions
                                         else "")

    @classmethod
    def from_options(cls, options: EmbedderOptions) -> Embedder:
        return cls(options)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        retrying = Retrying(retry=retry_if_exception_type(_RETRYABLE),
                            stop=stop_after_attempt(self.options.max_retries + 1),
                            wait=wait_exponential_jitter(multiplier=0.5, max=20, jitter=0.5), reraise=True)
        for attempt in retrying:
            with attempt:
                rows = self._request(list(texts))
        vectors = normalize(np.asarray(rows, dtype=np.float32))
        if vectors.shape[0] != len(texts) or vectors.ndim != 2:
            raise ProviderError(f"the embeddings endpoint {self.options.base_url} returned "
                                f"{vectors.shape[0]} vectors for {len(texts)} texts; check that "
                                "it implements /v1/embeddings")
        if self.dim and vectors.shape[1] != self.dim:
            raise ProviderError(f"model {self.model} returned {vectors.shape[1]}-d vectors, "
                                f"expected {self.dim}; set TOUCHPOINT_EMBEDDING_DIMENSIONS to match "
                                "and run `touchpoint reindex`")
        self.dim = vectors.shape[1]
        return vectors

    def _request(self, texts: list[str]) -> list[list[float]]:
        import openai

        # floats, not the SDK's default base64, which some local servers do not implement
        kwargs: dict[str, Any] = {"model": self.model, "input": texts, "encoding_format": "float"}
        if self.options.dimensions:
            kwargs["dimensions"] = self.options.dimensions
        try:
            answer = self._client.embeddings.create(**kwargs)
        except openai.OpenAIError as exc:
            raise self._translate(exc) from exc
        ordered = sorted(answer.data, key=lambda item: item.index)
        return [item.embedding for item in ordered]

    def _translate(self, exc: Exception) -> ProviderError:
        """Our error for an SDK failure, naming the endpoint and what to check."""
        import openai

        url = self.options.base_url
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return AuthenticationError(f"the embeddings endpoint {url} rejected the API key "
                                       f"({detail}); check OPENAI_API_KEY")
        if isinstance(exc, openai.RateLimitError):
            return RateLimitedError(f"the embeddings endpoint {url} is rate limiting ({detail}); "
                                    "lower TOUCHPOINT_EMBEDDING_BATCH_SIZE or retry later")
        if isinstance(exc, openai.APITimeoutError):
            return ProviderTimeoutError(f"the embeddings endpoint {url} did not answer within "
                                        f"{self.options.timeout_s:g}s; check the server's load")
        if isinstance(exc, openai.APIConnectionError):
            return ProviderUnavailableError(f"cannot reach the embeddings endpoint {url} "
                                            f"({detail}); check TOUCHPOINT_EMBEDDING_BASE_URL "
                                            "and that the server is running")
        if isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
            return ProviderUnavailableError(f"the embeddings endpoint {url} failed with HTTP "
                                            f"{exc.status_code} ({detail}); retry later")
        return ProviderError(f"the embeddings endpoint {url} refused model {self.model!r} "
                             f"({detail}); check TOUCHPOINT_EMBEDDING_MODEL and "
                             "TOUCHPOINT_EMBEDDING_BASE_URL (it usually ends in /v1)")
