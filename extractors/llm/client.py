"""The one seam to OpenAI-compatible chat endpoints: call, retry, translate errors, count cost.

`openai` and `langchain` are imported here and nowhere else in the extractors. Their exceptions
become `assistant.errors` classes at this seam, so the rest of the code (and the user) only sees
messages that name the endpoint and the fix — and every such message passes `redact_secrets`
with the configured key, because providers echo keys in their error bodies. The translated
error is raised without its openai cause attached, so not even a `--debug` traceback shows one.

Only transient failures are retried (429, 5xx, timeouts, refused connections), with exponential
backoff and jitter by tenacity, stretched to a server's `Retry-After` (capped); 4xx errors and a
200 whose body is not a chat completion fail at once. Every `complete()` has a deadline: the
whole call, retries and waits included, ends within `deadline_s`, each attempt's HTTP timeout
shrunk to the time left. Transport failures feed the endpoint's circuit breaker
(`extractors.llm.breaker`), which makes calls fail fast while the endpoint is down. The openai
SDK's own retries are off so the policy is in one place; a semaphore caps concurrent calls.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
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
from assistant.redaction import redact_secrets
from extractors.llm.breaker import (
    DEFAULT_COOLDOWN_S,
    DEFAULT_FAILURE_THRESHOLD,
    CircuitBreaker,
    breaker_for,
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
    timeout_s: float = 60.0  # one HTTP attempt
    max_retries: int = 4  # transport retries after the first attempt
    concurrency: int = 4
    backoff_initial_s: float = 1.0
    backoff_max_s: float = 30.0  # also caps how long a Retry-After is honoured
    json_mode: bool = True  # ask for response_format json_object
    deadline_s: float = 120.0  # one complete(): every attempt and wait included
    breaker_failures: int = DEFAULT_FAILURE_THRESHOLD  # transport failures in a row to open
    breaker_cooldown_s: float = DEFAULT_COOLDOWN_S  # how long an open breaker refuses calls


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
        if options.deadline_s <= 0 or options.timeout_s <= 0:
            raise ConfigError("TOUCHPOINT_LLM_TIMEOUT_S and TOUCHPOINT_LLM_DEADLINE_S must be "
                              f"positive, got {options.timeout_s:g} and {options.deadline_s:g}")
        if options.breaker_failures < 1 or options.breaker_cooldown_s < 0:
            raise ConfigError("TOUCHPOINT_LLM_BREAKER_FAILURES must be at least 1 and "
                              "TOUCHPOINT_LLM_BREAKER_COOLDOWN_S at least 0, got "
                              f"{options.breaker_failures} and {options.breaker_cooldown_s:g}")
        self.options = options
        self.breaker: CircuitBreaker = breaker_for(
            options.base_url, failure_threshold=options.breaker_failures,
            cooldown_s=options.breaker_cooldown_s)
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
        """One chat completion within the deadline; raises a ProviderError subclass on failure.

        While the endpoint's breaker is open this raises ProviderUnavailableError at once.
        """
        attempts = 0
        started = time.perf_counter()
        deadline = time.monotonic() + self.options.deadline_s
        retrying = Retrying(
            retry=retry_if_exception(self._is_worth_retrying),
            stop=stop_after_attempt(self.options.max_retries + 1)
            | stop_before_delay(self.options.deadline_s),
            wait=self._wait,
            reraise=True,
        )
        for attempt in retrying:
            with attempt, self._slots:
                left = deadline - time.monotonic()  # after waiting for a slot
                if left <= 0:
                    raise ProviderTimeoutError(
                        f"the LLM endpoint {self.options.base_url} did not answer within the "
                        f"{self.options.deadline_s:g}s deadline ({attempts} attempts); raise "
                        "TOUCHPOINT_LLM_DEADLINE_S or lower TOUCHPOINT_LLM_CONCURRENCY")
                attempts += 1
                with self.breaker.guard():
                    message = self._invoke(messages, timeout_s=min(self.options.timeout_s, left))
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

    def _is_worth_retrying(self, failure: BaseException) -> bool:
        """Transient failures only, and never once the breaker has opened on this endpoint."""
        return isinstance(failure, RETRYABLE) and not self.breaker.is_open

    def _wait(self, state: RetryCallState) -> float:
        """Exponential backoff with jitter, stretched to the server's Retry-After (capped)."""
        backoff = wait_exponential_jitter(multiplier=self.options.backoff_initial_s,
                                          max=self.options.backoff_max_s,
                                          jitter=self.options.backoff_initial_s)(state)
        failure = state.outcome.exception() if state.outcome else None
        hint = failure.retry_after_s if isinstance(failure, ServerAskedToWait) else 0.0
        left = self.options.deadline_s - (state.seconds_since_start or 0.0)
        return max(min(max(backoff, hint), self.options.backoff_max_s, left), 0.0)

    def _invoke(self, messages: list[tuple[ChatRole, str]], *, timeout_s: float) -> Any:
        import openai
        from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

        kinds: dict[str, type[BaseMessage]] = {
            "system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
        chat_messages = [kinds[role](content=content) for role, content in messages]
        kwargs: dict[str, Any] = {"timeout": timeout_s}
        if self.options.json_mode:
            kwargs["response_format"] = {"type": "json_object"}
        try:
            return self._chat.invoke(chat_messages, **kwargs)
        except openai.OpenAIError as exc:
            translated = translate_error(exc, self.options, timeout_s=timeout_s)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError,
                RecursionError) as exc:
            # a 200 whose body is not JSON, or JSON that is not a chat completion, fails inside
            # the SDK's parsing (JSONDecodeError, pydantic errors, 'str' has no 'choices', JSON
            # nested thousands deep, ...)
            translated = malformed_reply_error(exc, self.options)
        # raised outside the except blocks: the SDK's exception, which may quote the key, is
        # neither the cause nor the context of ours
        raise translated


class ServerAskedToWait(RateLimitedError):
    """A 429 that carried a Retry-After header; the backoff honours it."""

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


def _retry_after_s(exc: Exception) -> float | None:
    """Seconds from a Retry-After header, given as seconds or as an HTTP date; None if absent."""
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # unreadable; the exponential backoff applies
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def malformed_reply_error(exc: Exception, options: ClientOptions) -> ProviderError:
    """Our error for a reply the SDK could not read as a chat completion."""
    detail = _first_line(exc)
    return ProviderError(redact_secrets(
        f"the LLM endpoint {options.base_url} answered with a body that is not an "
        f"OpenAI chat completion ({detail}); check that TOUCHPOINT_LLM_BASE_URL is the "
        "server's OpenAI-compatible API (it usually ends in /v1), not a web page or a proxy",
        secrets=[options.api_key]))


def _first_line(exc: Exception) -> str:
    text = str(exc)
    return text.splitlines()[0][:200] if text.strip() else type(exc).__name__


def translate_error(exc: Exception, options: ClientOptions, *,
                    timeout_s: float | None = None) -> ProviderError:
    """Our error for an openai SDK failure, naming the endpoint and what to check.

    `timeout_s` is the attempt's own timeout when the deadline shortened it. The message is
    redacted: provider error bodies echo API keys and Authorization headers.
    """
    error = _translate(exc, options, timeout_s or options.timeout_s)
    error.args = tuple(redact_secrets(str(arg), secrets=[options.api_key]) for arg in error.args)
    return error


def _translate(exc: Exception, options: ClientOptions, timeout_s: float) -> ProviderError:
    import openai

    url, model = options.base_url, options.model
    detail = _first_line(exc)
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
        limit = (f"{timeout_s:g}s" if timeout_s >= options.timeout_s else
                 f"{timeout_s:.3g}s, what was left of the {options.deadline_s:g}s deadline")
        return ProviderTimeoutError(f"the LLM endpoint {url} did not answer within {limit}; "
                                    "raise TOUCHPOINT_LLM_TIMEOUT_S / TOUCHPOINT_LLM_DEADLINE_S "
                                    "or check the server's load")
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
