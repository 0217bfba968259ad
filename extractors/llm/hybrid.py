"""Rules and LLM together, in one of two modes (`TOUCHPOINT_HYBRID_MODE`).

- `rules_then_llm` (default): the rules run first and their items stand (deterministic, exact
  offsets); the LLM adds what they missed — a summary, paraphrased next steps, competitors
  outside the catalog. If the LLM fails, the rules' result is returned with the reason in notes.
- `llm_with_rules_fallback`: the LLM's result is used; when the endpoint is down, rate limited,
  timing out or answering garbage, the rules' result is used instead, and its notes say why.

Either way an endpoint failure never costs the touchpoint its extraction; the failure message
is kept in `Provenance.notes` rather than swallowed.
"""

from __future__ import annotations

import time
from typing import ClassVar, Literal, get_args

from assistant.config import Settings
from assistant.errors import ConfigError, ExtractionOutputInvalidError, ProviderError
from assistant.models import Insights, Provenance, Touchpoint
from extractors.base import ExtractionContext, Extractor, get_extractor_class
from extractors.llm.merge import add_missing

HybridMode = Literal["rules_then_llm", "llm_with_rules_fallback"]
HYBRID_MODES: tuple[str, ...] = get_args(HybridMode)
FALLBACK_ERRORS = (ProviderError, ExtractionOutputInvalidError)


class HybridExtractor(Extractor):
    name: ClassVar[str] = "hybrid"
    version: ClassVar[str] = "1"
    needs_network: ClassVar[bool] = True

    def __init__(self, rules: Extractor, llm: Extractor,
                 mode: HybridMode = "rules_then_llm") -> None:
        if mode not in HYBRID_MODES:
            raise ConfigError(f"unknown hybrid mode {mode!r}; set TOUCHPOINT_HYBRID_MODE to one "
                              f"of {', '.join(HYBRID_MODES)}")
        self.rules, self.llm, self.mode = rules, llm, mode

    @classmethod
    def from_settings(cls, settings: Settings) -> HybridExtractor:
        rules = get_extractor_class("rules").from_settings(settings)
        llm = get_extractor_class("llm").from_settings(settings)
        return cls(rules, llm, settings.hybrid_mode)

    def extract(self, touchpoint: Touchpoint, context: ExtractionContext) -> Insights:
        started = time.perf_counter()
        if self.mode == "rules_then_llm":
            base = self.rules.extract(touchpoint, context)
            try:
                extra = self.llm.extract(touchpoint, context)
            except FALLBACK_ERRORS as exc:
                return self._restamp(base, started, [f"LLM step failed, rules only: {exc}"])
            provenance = self._combined(base.provenance, extra.provenance, started)
            return add_missing(base, extra, provenance=provenance)
        try:
            result = self.llm.extract(touchpoint, context)
        except FALLBACK_ERRORS as exc:
            fallback = self.rules.extract(touchpoint, context)
            return self._restamp(fallback, started, [f"LLM failed, rules fallback used: {exc}"])
        return self._restamp(result, started, [])

    def _restamp(self, insights: Insights, started: float, notes: list[str]) -> Insights:
        p = insights.provenance
        provenance = p.model_copy(update={
            "extractor": self.name, "extractor_version": self.version,
            "latency_ms": (time.perf_counter() - started) * 1000,
            "notes": [f"hybrid mode {self.mode}; items from {p.extractor} {p.extractor_version}",
                      *notes, *p.notes],
        })
        return insights.model_copy(update={"provenance": provenance})

    def _combined(self, rules: Provenance, llm: Provenance, started: float) -> Provenance:
        return llm.model_copy(update={
            "extractor": self.name, "extractor_version": self.version,
            "latency_ms": (time.perf_counter() - started) * 1000,
            "needs_review": rules.needs_review or llm.needs_review,
            "ungrounded_dropped": rules.ungrounded_dropped + llm.ungrounded_dropped,
            "notes": [f"hybrid mode {self.mode}: rules {rules.extractor_version} first, "
                      f"then llm {llm.extractor_version} added", *rules.notes, *llm.notes],
        })
