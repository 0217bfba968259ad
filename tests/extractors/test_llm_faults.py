"""The LLM extractor against a misbehaving endpoint: a real HTTP server on 127.0.0.1, or none.

Closed port, hang, 5xx, 429 with Retry-After, 200 bodies that are not chat completions, and
error bodies that echo the API key. What must hold: a batch against a dead endpoint ends in
bounded time (the breaker makes calls after the first few fail at once), every failure is a
ProviderError naming the endpoint, and no raised text — traceback included — contains the key.
"""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Iterator

import pytest
from fake_openai_server import (
    FakeOpenAIServer,
    closed_port_url,
    failure,
    hang,
    key_echo,
    raw_body,
    reply,
)
from llm_fixtures import english_answer, english_touchpoint, extractor_for

from assistant.errors import (
    AuthenticationError,
    ProviderError,
    ProviderTimeoutError,
    ProviderUnavailableError,
)
from extractors.base import CompetitorCatalog, ExtractionContext
from extractors.llm import LLMExtractor, LLMOptions
from extractors.llm.breaker import breaker_for
from extractors.llm.client import ClientOptions

pytestmark = pytest.mark.integration
CONTEXT = ExtractionContext(catalog=CompetitorCatalog({"Salesforce": ["SFDC"]}))
SECRET_KEY = "sk-proj-Zq81xVt0pLmN4rT7yU2wE9sA"


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    fake = FakeOpenAIServer().start()
    yield fake
    fake.stop()


def default_extractor(base_url: str) -> LLMExtractor:
    """The extractor as shipped: every timeout, retry, backoff and breaker setting at its default."""
    return LLMExtractor(LLMOptions(client=ClientOptions(base_url=base_url, api_key=SECRET_KEY)))


def test_fifty_touchpoints_against_a_closed_port_finish_within_a_minute_and_calls_2_to_50_fail_fast(
) -> None:
    url = closed_port_url()
    durations: list[float] = []
    errors: list[ProviderError] = []
    started = time.perf_counter()
    for i in range(50):
        tp = english_touchpoint().model_copy(update={"id": f"tp_{i}"})
        extractor = default_extractor(url)  # a new extractor each time: the breaker is shared
        began = time.perf_counter()
        with pytest.raises(ProviderUnavailableError) as raised:
            extractor.extract(tp, CONTEXT)
        durations.append(time.perf_counter() - began)
        errors.append(raised.value)
    total = time.perf_counter() - started

    assert total < 60, f"50 touchpoints took {total:.1f}s against a closed port"
    assert durations[0] < 20  # the first pays the retries until the breaker opens (~3 s)
    assert max(durations[1:]) < 0.25, f"slowest of calls 2..50: {max(durations[1:]):.3f}s"
    assert "cannot reach the LLM endpoint" in str(errors[0])
    for error in errors[1:]:
        message = str(error)
        assert f"the LLM endpoint {url} is down" in message
        assert "will be extracted later" in message and "TOUCHPOINT_LLM_BASE_URL" in message
    assert breaker_for(url).state == "open"


def test_a_hanging_endpoint_stops_being_called_once_the_breaker_opens(
    server: FakeOpenAIServer,
) -> None:
    server.script(hang())
    started = time.perf_counter()
    for i in range(50):
        tp = english_touchpoint().model_copy(update={"id": f"tp_{i}"})
        with pytest.raises((ProviderTimeoutError, ProviderUnavailableError)):
            extractor_for(server.base_url, timeout_s=0.3, deadline_s=0.7).extract(tp, CONTEXT)
    assert time.perf_counter() - started < 10
    assert len(server.requests) == 3  # the breaker's threshold; nothing after it opened


def test_the_deadline_bounds_one_call_whatever_the_timeout_and_retries(
    server: FakeOpenAIServer,
) -> None:
    server.script(hang())
    extractor = extractor_for(server.base_url, timeout_s=30, max_retries=10, deadline_s=0.6,
                              breaker_failures=50)
    started = time.perf_counter()
    with pytest.raises(ProviderTimeoutError, match="left of the 0.6s deadline"):
        extractor.extract(english_touchpoint(), CONTEXT)
    assert time.perf_counter() - started < 2.0


def test_server_errors_open_the_breaker_and_a_probe_after_the_cool_down_closes_it(
    server: FakeOpenAIServer,
) -> None:
    server.script(failure(500, "upstream crashed"))
    extractor = extractor_for(server.base_url, max_retries=5, breaker_cooldown_s=0.5)
    with pytest.raises(ProviderUnavailableError, match="HTTP 500"):
        extractor.extract(english_touchpoint(), CONTEXT)
    assert len(server.requests) == 3  # retries stop when the breaker opens
    with pytest.raises(ProviderUnavailableError, match="is down"):
        extractor.extract(english_touchpoint(), CONTEXT)
    assert len(server.requests) == 3

    server.script(reply(english_answer()))
    time.sleep(0.6)
    insights = extractor_for(server.base_url).extract(english_touchpoint(), CONTEXT)
    assert [c.name for c in insights.competitors] == ["Salesforce"]
    assert breaker_for(server.base_url).state == "closed"


def test_a_failed_probe_opens_the_breaker_for_another_cool_down(server: FakeOpenAIServer) -> None:
    server.script(failure(503))
    extractor = extractor_for(server.base_url, max_retries=5, breaker_cooldown_s=0.3)
    with pytest.raises(ProviderUnavailableError):
        extractor.extract(english_touchpoint(), CONTEXT)
    time.sleep(0.35)
    with pytest.raises(ProviderUnavailableError, match="HTTP 503"):
        extractor.extract(english_touchpoint(), CONTEXT)
    assert len(server.requests) == 4  # one probe, not another round of retries
    with pytest.raises(ProviderUnavailableError, match="is down"):
        extractor.extract(english_touchpoint(), CONTEXT)
    assert len(server.requests) == 4


def test_a_rate_limit_honours_retry_after_and_does_not_count_against_the_endpoint(
    server: FakeOpenAIServer,
) -> None:
    server.script(*[failure(429, headers={"Retry-After": "0.2"})] * 4, reply(english_answer()))
    extractor = extractor_for(server.base_url, max_retries=4, backoff_max_s=1.0)
    started = time.perf_counter()
    insights = extractor.extract(english_touchpoint(), CONTEXT)
    assert time.perf_counter() - started >= 0.8
    assert len(server.requests) == 5 and [c.name for c in insights.competitors] == ["Salesforce"]
    assert breaker_for(server.base_url).state == "closed"


@pytest.mark.parametrize("retry_after", ["3600", "Wed, 21 Oct 2099 07:28:00 GMT"],
                         ids=["an hour in seconds", "an HTTP date far ahead"])
def test_a_retry_after_longer_than_the_backoff_cap_is_capped(
    server: FakeOpenAIServer, retry_after: str,
) -> None:
    server.script(failure(429, headers={"Retry-After": retry_after}), reply(english_answer()))
    started = time.perf_counter()
    extractor_for(server.base_url, backoff_max_s=0.3).extract(english_touchpoint(), CONTEXT)
    assert 0.3 <= time.perf_counter() - started < 3
    assert len(server.requests) == 2


@pytest.mark.parametrize("body", [
    raw_body(b"<html><body>502 Bad Gateway</body></html>", content_type="text/html"),
    raw_body(b"<html>login required</html>"),
    raw_body(b'{"choices": [{"message": {"role": "assistant", "content": "hi"'),
    raw_body(b'{"status": "ok"}'),
    raw_body(b'{"choices": []}'),
    raw_body(b"[1, 2, 3]"),
    raw_body(b""),
    raw_body(b"[" * 100_000 + b"]" * 100_000),
    raw_body(b'{"choices": ' + b"9" * 5000 + b"}"),
], ids=["html page", "html labelled json", "truncated json", "json but not a completion",
        "no choices", "a json list", "empty body", "nested 100000 deep", "a 5000-digit number"])
def test_a_200_that_is_not_a_chat_completion_is_that_touchpoints_provider_error(
    server: FakeOpenAIServer, body: object,
) -> None:
    server.script(body)  # type: ignore[arg-type]
    with pytest.raises(ProviderError, match="not an OpenAI chat completion") as raised:
        extractor_for(server.base_url).extract(english_touchpoint(), CONTEXT)
    assert server.base_url in str(raised.value) and "TOUCHPOINT_LLM_BASE_URL" in str(raised.value)
    assert len(server.requests) == 1  # not transient: not retried
    assert breaker_for(server.base_url).state == "closed"  # the server did answer


def test_a_bad_request_is_not_retried(server: FakeOpenAIServer) -> None:
    server.script(failure(400, "response_format is not supported"))
    with pytest.raises(ProviderError, match="refused the request"):
        extractor_for(server.base_url).extract(english_touchpoint(), CONTEXT)
    assert len(server.requests) == 1


def all_text_of(error: BaseException) -> str:
    """The message, every chained exception and the traceback, as `--debug` would print them."""
    return "".join(traceback.format_exception(error))


@pytest.mark.parametrize(("status", "kind"), [(401, AuthenticationError), (400, ProviderError),
                                              (403, AuthenticationError), (500, ProviderError)],
                         ids=["401 quoting the key", "400 quoting the Authorization header",
                              "403 quoting both", "500 quoting both"])
def test_an_error_body_echoing_the_key_never_reaches_a_raised_text(
    server: FakeOpenAIServer, status: int, kind: type[Exception],
) -> None:
    server.script(key_echo(status))
    with pytest.raises(kind) as raised:
        extractor_for(server.base_url, api_key=SECRET_KEY).extract(english_touchpoint(), CONTEXT)
    assert server.headers[0]["authorization"] == f"Bearer {SECRET_KEY}"  # the key was sent
    text = all_text_of(raised.value)
    assert SECRET_KEY not in text and SECRET_KEY[8:20] not in text
    assert "[REDACTED]" in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None


def test_a_key_in_the_base_url_is_not_shown_by_the_breaker() -> None:
    url = closed_port_url().replace("http://", "http://proxyuser:hunter2secret@")
    for _ in range(2):
        with pytest.raises(ProviderUnavailableError) as raised:
            extractor_for(url, max_retries=5).extract(english_touchpoint(), CONTEXT)
        assert "hunter2secret" not in all_text_of(raised.value)


def test_an_invented_summary_is_dropped_not_stored_as_fact(server: FakeOpenAIServer) -> None:
    invented = english_answer()
    invented["summary"] = {"text": "The customer signed a three-year contract.",
                           "quotes": ["We will sign the three-year contract today."]}
    server.script(reply(invented))
    insights = extractor_for(server.base_url).extract(english_touchpoint(), CONTEXT)
    assert insights.summary is None
    assert any("summary" in n and "no grounded quote" in n for n in insights.provenance.notes)
    assert "three-year" not in json.dumps(insights.model_dump(exclude={"provenance"}), default=str)
    assert [c.name for c in insights.competitors] == ["Salesforce"]  # grounded items stay


def test_a_summary_without_quotes_is_dropped_and_a_grounded_one_keeps_its_evidence(
    server: FakeOpenAIServer,
) -> None:
    unquoted = english_answer()
    unquoted["summary"] = {"text": "A pleasant call.", "quotes": []}
    server.script(reply(unquoted), reply(english_answer()))
    assert extractor_for(server.base_url).extract(english_touchpoint(), CONTEXT).summary is None
    grounded = extractor_for(server.base_url).extract(english_touchpoint(), CONTEXT).summary
    assert grounded is not None and grounded.evidence
    assert grounded.evidence[0].quote == "it is far too slow for our team"


@pytest.mark.parametrize(("content", "problem"), [
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
    ('{"summary": ' + "7" * 5000 + "}", "a number too long"),
], ids=["model answer nested 50000 deep", "model answer with a 5000-digit number"])
def test_a_pathological_model_answer_is_re_asked_then_kept_empty_for_review(
    server: FakeOpenAIServer, content: str, problem: str,
) -> None:
    server.script(reply(content))
    insights = extractor_for(server.base_url).extract(english_touchpoint(), CONTEXT)
    assert len(server.requests) == 2
    assert problem in server.requests[1]["messages"][-1]["content"]
    assert insights.provenance.needs_review and insights.competitors == []


def test_the_deadline_and_breaker_come_from_settings(
    server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.config import load_settings

    monkeypatch.setenv("TOUCHPOINT_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("TOUCHPOINT_LLM_DEADLINE_S", "7.5")
    monkeypatch.setenv("TOUCHPOINT_LLM_BREAKER_FAILURES", "5")
    monkeypatch.setenv("TOUCHPOINT_LLM_BREAKER_COOLDOWN_S", "12")
    extractor = LLMExtractor.from_settings(load_settings())
    client = extractor.options.client
    assert (client.deadline_s, client.breaker_failures, client.breaker_cooldown_s) == (7.5, 5, 12)
    assert (extractor.client.breaker.failure_threshold, extractor.client.breaker.cooldown_s) == (
        5, 12)


@pytest.mark.parametrize("options", [{"deadline_s": 0}, {"timeout_s": -1},
                                     {"breaker_failures": 0}, {"breaker_cooldown_s": -5}],
                         ids=["zero deadline", "negative timeout", "breaker opening before any failure",
                              "negative cool-down"])
def test_impossible_fault_settings_are_a_config_error_naming_the_variable(
    options: dict[str, float],
) -> None:
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError, match="TOUCHPOINT_LLM_"):
        extractor_for(closed_port_url(), **options)
