"""The hybrid extractor in both modes, with the LLM behind a real local HTTP server.

`CatalogRules` is a small, real, deterministic extractor (catalog names found by position) so
these tests pin the hybrid's merging and fallback without depending on the rules extractor's
exact output; one test also runs the project's RulesExtractor when it is installed.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest
from fake_openai_server import FakeOpenAIServer, failure, key_echo, reply
from llm_fixtures import answer, english_answer, english_touchpoint, extractor_for

from assistant.config import load_settings
from assistant.errors import ConfigError
from assistant.models import CompetitorMention, Insights, Provenance, Touchpoint
from extractors.base import CompetitorCatalog, ExtractionContext, Extractor
from extractors.grounding import evidence_for_span
from extractors.llm.hybrid import HybridExtractor

pytestmark = pytest.mark.integration
CONTEXT = ExtractionContext(catalog=CompetitorCatalog({"Salesforce": ["SFDC"]}))


class CatalogRules(Extractor):
    """Finds the first mention of each catalog name; nothing else."""

    name: ClassVar[str] = "catalog-rules"
    version: ClassVar[str] = "test"

    def extract(self, touchpoint: Touchpoint, context: ExtractionContext) -> Insights:
        mentions = []
        for canonical, aliases in context.catalog.aliases.items():
            for form in (canonical, *aliases):
                at = touchpoint.text.find(form)
                if at >= 0:
                    mentions.append(CompetitorMention(
                        name=canonical, alias=form, stance="mentioned",
                        evidence=evidence_for_span(touchpoint, at, at + len(form))))
                    break
        return Insights(touchpoint_id=touchpoint.id, competitors=mentions,
                        provenance=Provenance(extractor=self.name, extractor_version=self.version))


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    fake = FakeOpenAIServer().start()
    yield fake
    fake.stop()


def down_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/v1"


def test_rules_then_llm_keeps_the_rules_items_and_adds_the_llms(server: FakeOpenAIServer) -> None:
    server.script(reply(english_answer(), prompt_tokens=500, completion_tokens=50))
    hybrid = HybridExtractor(CatalogRules(), extractor_for(server.base_url), "rules_then_llm")
    insights = hybrid.extract(english_touchpoint(), CONTEXT)

    (competitor,) = insights.competitors  # the LLM's Salesforce overlaps the rules' one
    assert (competitor.stance, competitor.evidence.quote) == ("mentioned", "Salesforce")
    assert [n.action for n in insights.next_steps] == ["email the updated pricing"]
    assert insights.summary is not None and insights.sentiment is not None
    p = insights.provenance
    assert (p.extractor, p.model, p.input_tokens) == ("hybrid", "gpt-4o-mini", 500)
    assert p.prompt_hash and p.cost_usd > 0
    assert "rules_then_llm" in p.notes[0]


def test_rules_then_llm_returns_the_rules_result_when_the_endpoint_is_down() -> None:
    url = down_url()
    hybrid = HybridExtractor(CatalogRules(), extractor_for(url, max_retries=0), "rules_then_llm")
    insights = hybrid.extract(english_touchpoint(), CONTEXT)
    assert [c.name for c in insights.competitors] == ["Salesforce"]
    assert insights.next_steps == []
    assert any("LLM step failed" in n and url in n for n in insights.provenance.notes)
    assert insights.provenance.extractor == "hybrid"


def test_llm_with_rules_fallback_uses_the_llm_when_it_answers(server: FakeOpenAIServer) -> None:
    server.script(reply(answer(competitors=[
        {"name": "Salesforce", "stance": "using", "quote": "We use Salesforce today"}])))
    hybrid = HybridExtractor(CatalogRules(), extractor_for(server.base_url),
                             "llm_with_rules_fallback")
    insights = hybrid.extract(english_touchpoint(), CONTEXT)
    assert [(c.name, c.stance) for c in insights.competitors] == [("Salesforce", "using")]
    assert insights.provenance.model == "gpt-4o-mini"


@pytest.mark.parametrize("endpoint", ["down", "500s"], ids=["endpoint down", "server errors"])
def test_llm_with_rules_fallback_falls_back_to_the_rules_when_the_llm_fails(
    server: FakeOpenAIServer, endpoint: str,
) -> None:
    server.script(failure(500))
    url = down_url() if endpoint == "down" else server.base_url
    hybrid = HybridExtractor(CatalogRules(), extractor_for(url, max_retries=1),
                             "llm_with_rules_fallback")
    insights = hybrid.extract(english_touchpoint(), CONTEXT)
    assert [(c.name, c.stance) for c in insights.competitors] == [("Salesforce", "mentioned")]
    assert any("rules fallback used" in n and url in n for n in insights.provenance.notes)


def test_an_unknown_mode_is_a_config_error_naming_the_setting(server: FakeOpenAIServer) -> None:
    with pytest.raises(ConfigError, match="TOUCHPOINT_HYBRID_MODE"):
        HybridExtractor(CatalogRules(), extractor_for(server.base_url), "llm_only")  # type: ignore[arg-type]


def test_from_settings_builds_the_project_rules_and_llm_in_the_configured_mode(
    server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules_module = pytest.importorskip("extractors.rules")
    monkeypatch.setenv("TOUCHPOINT_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("TOUCHPOINT_HYBRID_MODE", "llm_with_rules_fallback")
    server.script(reply(english_answer()))
    hybrid = HybridExtractor.from_settings(load_settings())
    assert isinstance(hybrid.rules, rules_module.RulesExtractor)
    assert hybrid.mode == "llm_with_rules_fallback"
    insights = hybrid.extract(english_touchpoint(), CONTEXT)
    assert insights.provenance.extractor == "hybrid" and len(server.requests) == 1


@pytest.mark.parametrize("mode", ["rules_then_llm", "llm_with_rules_fallback"])
def test_a_batch_against_a_dead_endpoint_keeps_the_rules_result_and_fails_fast_after_the_breaker(
    mode: str,
) -> None:
    url = down_url()
    durations = []
    for i in range(20):
        hybrid = HybridExtractor(CatalogRules(), extractor_for(url), mode)  # type: ignore[arg-type]
        began = time.perf_counter()
        insights = hybrid.extract(english_touchpoint().model_copy(update={"id": f"tp_{i}"}),
                                  CONTEXT)
        durations.append(time.perf_counter() - began)
        assert [c.name for c in insights.competitors] == ["Salesforce"]
    assert max(durations[1:]) < 0.25
    assert any("is down" in n for n in insights.provenance.notes)


def test_a_key_echoed_by_the_endpoint_is_not_kept_in_the_fallback_notes(
    server: FakeOpenAIServer,
) -> None:
    key = "sk-live-Hq2mX7vB9nC4kL1pR8tY"
    server.script(key_echo(401))
    hybrid = HybridExtractor(CatalogRules(), extractor_for(server.base_url, api_key=key),
                             "llm_with_rules_fallback")
    insights = hybrid.extract(english_touchpoint(), CONTEXT)
    assert any("rejected the API key" in n for n in insights.provenance.notes)
    assert key not in insights.model_dump_json()
