"""The per-endpoint circuit breaker on its own: counting, cool-down, the single probe, the registry."""

from __future__ import annotations

import threading
import time

import pytest

from assistant.errors import (
    AuthenticationError,
    ProviderTimeoutError,
    ProviderUnavailableError,
    RateLimitedError,
)
from extractors.llm.breaker import CircuitBreaker, breaker_for, clear_breakers

URL = "http://127.0.0.1:9/v1"


def fail(breaker: CircuitBreaker, error: Exception) -> None:
    with pytest.raises(type(error)), breaker.guard():
        raise error


def succeed(breaker: CircuitBreaker) -> None:
    with breaker.guard():
        pass


def test_it_opens_after_the_threshold_of_consecutive_transport_failures() -> None:
    breaker = CircuitBreaker(URL, failure_threshold=3, cooldown_s=60)
    fail(breaker, ProviderUnavailableError("refused"))
    fail(breaker, ProviderTimeoutError("timed out"))
    assert breaker.state == "closed"
    fail(breaker, ProviderUnavailableError("HTTP 502"))
    assert breaker.state == "open"
    with pytest.raises(ProviderUnavailableError, match=r"is down \(3 transport failures.*HTTP 502"):
        succeed(breaker)


@pytest.mark.parametrize("answer", [None, AuthenticationError("401"), RateLimitedError("429")],
                         ids=["a good answer", "a 401", "a 429"])
def test_any_answer_from_the_server_resets_the_count(answer: Exception | None) -> None:
    breaker = CircuitBreaker(URL, failure_threshold=2, cooldown_s=60)
    fail(breaker, ProviderUnavailableError("refused"))
    if answer is None:
        succeed(breaker)
    else:
        fail(breaker, answer)
    fail(breaker, ProviderUnavailableError("refused"))
    assert breaker.state == "closed" and breaker.failures == 1


def test_after_the_cool_down_exactly_one_probe_is_let_through() -> None:
    breaker = CircuitBreaker(URL, failure_threshold=1, cooldown_s=0.05)
    fail(breaker, ProviderUnavailableError("refused"))
    time.sleep(0.06)
    assert breaker.state == "half_open"
    probe_inside, release = threading.Event(), threading.Event()

    def probe() -> None:
        with breaker.guard():
            probe_inside.set()
            release.wait(5)

    thread = threading.Thread(target=probe)
    thread.start()
    assert probe_inside.wait(5)
    with pytest.raises(ProviderUnavailableError, match="while one probe runs"):
        succeed(breaker)
    release.set()
    thread.join()
    assert breaker.state == "closed"
    succeed(breaker)


def test_an_interrupted_probe_frees_the_slot_for_the_next_one() -> None:
    breaker = CircuitBreaker(URL, failure_threshold=1, cooldown_s=0.0)
    fail(breaker, ProviderUnavailableError("refused"))
    with pytest.raises(KeyboardInterrupt), breaker.guard():
        raise KeyboardInterrupt
    succeed(breaker)
    assert breaker.state == "closed"


def test_the_registry_shares_one_breaker_per_base_url() -> None:
    first = breaker_for(URL)
    assert breaker_for(URL + "/") is first
    assert breaker_for("http://127.0.0.1:10/v1") is not first
    clear_breakers()
    assert breaker_for(URL) is not first
