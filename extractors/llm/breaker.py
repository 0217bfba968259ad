"""A circuit breaker per endpoint, so a dead or hung LLM server costs a batch seconds, not hours.

Without it every touchpoint pays the whole retry budget against an endpoint that is down (about
20 s each for a closed port, minutes each for a hung one). After `failure_threshold` transport
failures in a row (connection refused, timeout, HTTP 5xx) the breaker opens: calls fail at once
with `ProviderUnavailableError`, and the pipeline keeps the touchpoint for a later extraction.
After `cooldown_s` one caller is let through as a probe (half-open); its success closes the
breaker, its failure opens it for another cool-down, and while it runs the others still fail fast.
Any answer from the server — even a 401 or a 429 — proves it is up and counts as a success.

State is per base URL and per process, in a module-level registry, so every extractor and client
built for the same endpoint (one per touchpoint, per worker thread, per chunk) shares it.
`clear_breakers()` empties the registry for tests.

pybreaker was the library to use, but it holds one lock for the whole protected call, which
would serialise the concurrent chunk requests this extractor makes; this is the small part of it
we need, with the lock held only to read and update the counters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from assistant.errors import ProviderTimeoutError, ProviderUnavailableError, TouchpointError
from assistant.redaction import redact_secrets

BreakerState = Literal["closed", "open", "half_open"]
TRANSPORT_FAILURES = (ProviderUnavailableError, ProviderTimeoutError)
DEFAULT_FAILURE_THRESHOLD = 3
DEFAULT_COOLDOWN_S = 30.0


@dataclass
class CircuitBreaker:
    """Counts consecutive transport failures of one endpoint and refuses calls while open."""

    endpoint: str
    failure_threshold: int = DEFAULT_FAILURE_THRESHOLD
    cooldown_s: float = DEFAULT_COOLDOWN_S
    service: str = "LLM endpoint"  # how messages name it (an embeddings seam may reuse this)
    setting: str = "TOUCHPOINT_LLM_BASE_URL"  # where the user fixes its address
    failures: int = 0
    last_failure: str = ""
    opened_at: float | None = None  # time.monotonic() when the breaker last opened
    probing: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def state(self) -> BreakerState:
        if self.opened_at is None:
            return "closed"
        if self.probing or time.monotonic() - self.opened_at >= self.cooldown_s:
            return "half_open"
        return "open"

    @property
    def is_open(self) -> bool:
        """True when a call now would be refused without reaching the endpoint."""
        return self.opened_at is not None and (
            self.probing or time.monotonic() - self.opened_at < self.cooldown_s)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Admit one call (or raise at once while open) and record how it ended."""
        self._admit()
        try:
            yield
        except TRANSPORT_FAILURES as exc:
            self._record_failure(str(exc))
            raise
        except TouchpointError:
            self._record_success()  # the server answered, however unhelpfully
            raise
        except BaseException:
            self._release()  # interrupted: says nothing about the endpoint
            raise
        else:
            self._record_success()

    def _admit(self) -> None:
        with self._lock:
            if self.opened_at is None:
                return
            waited = time.monotonic() - self.opened_at
            if waited >= self.cooldown_s and not self.probing:
                self.probing = True  # this caller is the probe
                return
            left = max(self.cooldown_s - waited, 0.0)
            message = (
                f"the {self.service} {self.endpoint} is down ({self.failures} transport failures "
                f"in a row, the last: {self.last_failure}); calls to it are paused "
                + (f"for {left:.0f}s more" if not self.probing else "while one probe runs")
                + ", so this touchpoint is kept and will be extracted later "
                f"(`touchpoint extract --pending`); check {self.setting} and that the server is "
                "running")
        raise ProviderUnavailableError(redact_secrets(message))  # a URL may carry a password

    def _record_failure(self, reason: str) -> None:
        with self._lock:
            self.failures += 1
            self.last_failure = reason.split("; ")[0]  # what failed, without the advice
            if self.probing or self.failures >= self.failure_threshold:
                self.opened_at = time.monotonic()
            self.probing = False

    def _record_success(self) -> None:
        with self._lock:
            self.failures, self.last_failure = 0, ""
            self.opened_at, self.probing = None, False

    def _release(self) -> None:
        with self._lock:
            self.probing = False


_breakers: dict[str, CircuitBreaker] = {}
_registry_lock = threading.Lock()


def breaker_for(endpoint: str, *, failure_threshold: int = DEFAULT_FAILURE_THRESHOLD,
                cooldown_s: float = DEFAULT_COOLDOWN_S, service: str = "LLM endpoint",
                setting: str = "TOUCHPOINT_LLM_BASE_URL") -> CircuitBreaker:
    """The process's breaker for `endpoint` (a base URL); the first caller's settings stand."""
    key = endpoint.rstrip("/")
    with _registry_lock:
        breaker = _breakers.get(key)
        if breaker is None:
            breaker = _breakers[key] = CircuitBreaker(key, failure_threshold, cooldown_s,
                                                      service=service, setting=setting)
        return breaker


def clear_breakers() -> None:
    """Forget every endpoint's state (tests; or after the operator fixed the server)."""
    with _registry_lock:
        _breakers.clear()
