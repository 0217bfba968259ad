"""The one seam to OpenAI-compatible chat endpoints: call, retry, translate errors, count cost.

`openai` and `langchain` are imported here and nowhere else in the extractors. Their exceptions
become `assistant.errors` classes at this seam, so the rest of the code (and the user) only sees
messages that name the endpoint and the fix. Transport failures (429, 5xx, timeouts, refused
connections) are retried with exponential backoff and jitter by tenacity, inside the client,
and never reach the prompt; schema failures are the caller's business (one re-ask). The
openai SDK's own retries are switched off so the retry policy is in one place. A semaphore caps
concurrent calls per client across threads.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from assistant.errors import (
    AuthenticationError,
    ConfigError,
    ProviderError,
    ProviderTimeoutError,
    ProviderUnavailableError,
    RateLimitedError,
)

ChatRole = Literal["system", "user", "assistant"]
RETRYABLE = (RateLimitedError, ProviderUnavailableError, ProviderTimeoutError)

# USD per 1M tokens (input, output), list prices when this table was written; override or extend
# with TOUCHPOINT_LLM_PRICES_FILE. Unknown models cost 0 and the result says so in its notes.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "deepseek-chat": (0.27, 1.10),
    "qwen-plus": (0.40, 1.20),
}


def load_prices(path: Path | None) -> dict[str, tuple[float, float]]:
    """The default price table, overridden by a YAML file of `model: {input: x, output: y}`."""
    prices = dict(DEFAULT_PRICES)
    if path is None:
        return prices
    try:
        table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the LLM price table ({exc}); fix "
                          "TOUCHPOINT_LLM_PRICES_FILE or the file") from exc
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: the price table must map model -> {{input, output}}")
    for model, price in table.items():
        if not isinstance(price, dict) or not {"input", "output"} <= price.keys():
            raise ConfigError(f"{path}: model {model!r} needs `input` and `output` USD per 1M "
                              "tokens")
        prices[str(model)] = (float(price["input"]), float(price["output"]))
    return prices


def cost_usd(model: str, input_tokens: int, output_tokens: int,
             prices: dict[str, tuple[float, float]]) -> float | None:
    """Cost of one call in USD, or None when the model is not in the price table."""
    price = prices.get(model)
    if price is None:
        return None
    return (input_tokens * price[0] + output_tokens * price[1]) / 1_000_000


@dataclass(frozen=True)
class ClientOptions:
    """How to reach the endpoint; defaults mirror Settings."""

    base_url: str
    model: str = "gpt-4o-mini"
    api_key: str | None = None
    timeout_s: float = 60.0
    max_retries: int = 4  # transport retries after the first attempt
    concurrency: int = 4
    backoff_initial_s: float = 1.0
    backoff_max_s: float = 30.0
    json_mode: bool = True  # ask for response_format json_object


@dataclass(frozen=True)
class ChatReply:
    content: str
    input_tokens: int
    output_tokens: int
    latency_ms: float
    attempts: int


class LLMClient:
    """A langchain ChatOpenAI at temperature 0 behind retries, a concurrency cap and our errors."""

    def __init__(self, options: ClientOptions) -> None:
        from langchain_openai import ChatOpenAI

        if options.concurrency < 1:
            raise ConfigError(f"llm_concurrency must be at least 1, got {options.concurrency}")
        self.options = options
        # local servers (Ollama, llama.cpp, vLLM) accept any key; the SDK insists on one
        self._chat = ChatOpenAI(
            base_url=options.base_url,
            api_key=options.api_key or "sk-local-endpoint-without-key",
            model=options.model,
            temperature=0,
            timeout=options.timeout_s,
            max_retries=0,
        )
        self._slots = threading.BoundedSemaphore(options.concurrency)

    def complete(self, messages: list[tuple[ChatRole, str]]) -> ChatReply:
        """One chat completion; raises a ProviderError subclass once retries are used up."""
        attempts = 0
        started = time.perf_counter()
        retrying = Retrying(
            retry=retry_if_exception_type(RETRYABLE),
            stop=stop_after_attempt(self.options.max_retries + 1),
            wait=self._wait,
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                attempts += 1
                with self._slots:
                    message = self._invoke(messages)
        usage = getattr(message, "usage_metadata", None) or {}
        content = message.content
        text = content if isinstance(content, str) else "".join(
            part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
        return ChatReply(
            content=text,
            input_tokens=int(usage.get("input_tokens", 0)),
            output_tokens=int(usage.get("output_tokens", 0)),
            latency_ms=(time.perf_counter() - started) * 1000,
            attempts=attempts,
        )

    def _wait(self, state: RetryCallState) -> float:
        """Exponential backoff with jitter, stretched to the server's Retry-After (capped)."""
        backoff = wait_exponential_jitter(multiplier=self.options.backoff_initial_s,
                                          max=self.options.backoff_max_s,
                                          jitter=self.options.backoff_initial_s)(state)
        failure = state.outcome.exception() if state.outcome else None
        hint = failure.retry_after_s if isinstance(failure, ServerAskedToWait) else 0.0
        return min(max(backoff, hint), self.options.backoff_max_s)

    def _invoke(self, messages: list[tuple[ChatRole, str]]) -> Any:
        import openai
        from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

        kinds: dict[str, type[BaseMessage]] = {
            "system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
        chat_messages = [kinds[role](content=content) for role, content in messages]
        kwargs: dict[str, Any] = {}
        if self.options.json_mode:
            kwargs["response_format"] = {"type": "json_object"}
        try:
            return self._chat.invoke(chat_messages, **kwargs)
        except openai.OpenAIError as exc:
            raise translate_error(exc, self.options) from exc


class ServerAskedToWait(RateLimitedError):
    """A 429 that carried a Retry-After header; the backoff honours it."""

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


def _retry_after_s(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None  # an HTTP date; the exponential backoff applies


def translate_error(exc: Exception, options: ClientOptions) -> ProviderError:
    """Our error for an openai SDK failure, naming the endpoint and what to check."""
    import openai

    url, model = options.base_url, options.model
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return AuthenticationError(f"the LLM endpoint {url} rejected the API key ({detail}); "
                                   "check OPENAI_API_KEY")
    if isinstance(exc, openai.RateLimitError):
        message = (f"the LLM endpoint {url} is rate limiting model {model} ({detail}); lower "
                   "TOUCHPOINT_LLM_CONCURRENCY or retry later")
        retry_after = _retry_after_s(exc)
        if retry_after is not None:
            return ServerAskedToWait(message, retry_after)
        return RateLimitedError(message)
    if isinstance(exc, openai.APITimeoutError):
        return ProviderTimeoutError(f"the LLM endpoint {url} did not answer within "
                                    f"{options.timeout_s:g}s; raise TOUCHPOINT_LLM_TIMEOUT_S or "
                                    "check the server's load")
    if isinstance(exc, openai.APIConnectionError):
        return ProviderUnavailableError(f"cannot reach the LLM endpoint {url} ({detail}); check "
                                        "TOUCHPOINT_LLM_BASE_URL and that the server is running")
    if isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
        return ProviderUnavailableError(f"the LLM endpoint {url} failed with HTTP "
                                        f"{exc.status_code} ({detail}); retry later or check "
                                        "the server's logs")
    if isinstance(exc, openai.NotFoundError):
        return ProviderError(f"the LLM endpoint {url} does not know model {model!r} or the "
                             f"route ({detail}); check TOUCHPOINT_LLM_MODEL and "
                             "TOUCHPOINT_LLM_BASE_URL (it usually ends in /v1)")
    return ProviderError(f"the LLM endpoint {url} refused the request ({detail}); check "
                         "TOUCHPOINT_LLM_MODEL and the server's logs")
