"""The harness end to end with real Extractor subclasses that follow a script."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest

from assistant.errors import ProviderUnavailableError
from assistant.models import CompetitorMention, Evidence, Insights, NextStep, Provenance
from evals.harness import run_eval, snippet
from extractors.base import Extractor
from extractors.grounding import ground
from extractors.rules import RulesExtractor

DATA = Path(__file__).parent.parent / "data" / "evals"


class SalesforceOnly(Extractor):
    """Reports Salesforce wherever the word appears and nothing else; 100 tokens a call."""

    name: ClassVar[str] = "scripted-salesforce"

    def extract(self, touchpoint, context) -> Insights:
        found = []
        if "Salesforce" in touchpoint.text:
            found.append(CompetitorMention(name="Salesforce", alias="Salesforce",
                                           evidence=ground("Salesforce", touchpoint)))
        return Insights(touchpoint_id=touchpoint.id, competitors=found,
                        provenance=Provenance(extractor=self.name, extractor_version="1",
                                              input_tokens=100, output_tokens=10,
                                              cost_usd=0.001))


class Overeager(Extractor):
    """Claims HubSpot in every touchpoint, quoting its first word, plus one ungrounded step."""

    name: ClassVar[str] = "scripted-overeager"

    def extract(self, touchpoint, context) -> Insights:
        first_word = touchpoint.text.split()[0]
        return Insights(
            touchpoint_id=touchpoint.id,
            competitors=[CompetitorMention(name="HubSpot", alias="HubSpot",
                                           evidence=ground(first_word, touchpoint))],
            next_steps=[NextStep(action="sign the contract", owner="customer",
                                 evidence=Evidence(quote="sign the contract", start=0, end=0,
                                                   status="ungrounded"))],
            provenance=Provenance(extractor=self.name, extractor_version="1"))


class Unavailable(Extractor):
    name: ClassVar[str] = "scripted-unavailable"

    def extract(self, touchpoint, context) -> Insights:
        raise ProviderUnavailableError("http://127.0.0.1:9/v1 refused the connection")


def test_a_scripted_extractor_scores_exactly_as_computed_by_hand():
    report = run_eval(DATA / "tiny.jsonl", SalesforceOnly())
    overall = report["overall"]
    # gold competitors: {Salesforce}, {销售易}, {}; predicted {Salesforce}, {}, {}
    assert overall["competitors"]["precision"] == 1.0
    assert overall["competitors"]["recall"] == 0.5
    assert overall["competitors"]["macro_recall"] == 0.5  # Salesforce 1, 销售易 0
    assert overall["next_steps"]["recall"] == 0.0
    assert overall["next_steps"]["owner_accuracy"] is None
    assert overall["grounding_rate"] == 1.0
    assert overall["tokens"] == {"input": 300, "output": 30}
    assert overall["cost_usd"] == pytest.approx(0.003)
    assert overall["sentiment"]["confusion"]["negative"]["none"] == 1
    assert report["by_language"]["zh"]["competitors"]["recall"] == 0.0
    assert report["by_channel"]["call"]["competitors"]["recall"] == 1.0
    assert report["provenance"]["extractor"] == "scripted-salesforce"


def test_each_miss_is_shown_with_the_passage_it_refers_to():
    report = run_eval(DATA / "tiny.jsonl", SalesforceOnly())
    errors = {(e["item"], e["field"], e["kind"]): e for e in report["errors"]}
    assert "[[销售易]]" in errors[("zh-1", "competitors", "missed")]["snippet"]
    step = errors[("en-1", "next_steps", "missed")]
    assert "[[" in step["snippet"] and "revised quote" in step["snippet"]
    assert step["language"] == "en" and step["channel"] == "call"


def test_false_positives_point_at_their_evidence_and_ungrounded_items_lower_the_rate():
    report = run_eval(DATA / "tiny.jsonl", Overeager())
    false_positives = [e for e in report["errors"]
                       if e["field"] == "competitors" and e["kind"] == "false_positive"]
    assert {e["item"] for e in false_positives} == {"en-1", "zh-1", "en-2"}
    assert any(e["snippet"].startswith("[[Hi,]]") for e in false_positives)
    # per item: one grounded competitor, one ungrounded next step
    assert report["overall"]["grounding_rate"] == 0.5
    assert report["overall"]["competitors"]["precision"] == 0.0


def test_a_failed_extraction_is_recorded_and_the_run_goes_on():
    report = run_eval(DATA / "tiny.jsonl", Unavailable())
    failures = [e for e in report["errors"] if e["kind"] == "extraction_failed"]
    assert len(failures) == 3 and "refused the connection" in failures[0]["value"]
    assert report["overall"]["competitors"]["recall"] == 0.0
    # nothing predicted while gold had names: precision is 0, not undefined
    assert report["overall"]["competitors"]["precision"] == 0.0


def test_the_rules_extractor_runs_on_path_and_text_items_with_the_dataset_catalog():
    report = run_eval(DATA / "split" / "gold.jsonl", RulesExtractor(), split="test")
    assert report["split"] == "test" and report["overall"]["items"] == 2
    assert report["overall"]["competitors"]["recall"] == 1.0  # 赛富时 only in competitors.yaml
    json.dumps(report, ensure_ascii=False)  # the report is plain JSON


@pytest.mark.parametrize(("start", "end", "expected"), [
    (0, 2, "[[ab]]cdef"),
    (2, 4, "ab[[cd]]ef"),
    (6, 6, "abcdef[[]]"),
], ids=["at the start", "in the middle", "empty at the end"])
def test_snippets_mark_the_span_in_its_context(start, end, expected):
    assert snippet("abcdef", start, end) == expected


def test_long_snippets_are_cut_with_ellipses_and_kept_on_one_line():
    text = "x" * 100 + "\nHubSpot\n" + "y" * 100
    shown = snippet(text, 101, 108, context=5)
    assert shown == "…xxxx / [[HubSpot]] / yyyy…"
