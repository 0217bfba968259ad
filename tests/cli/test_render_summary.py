"""A summary is printed only with its grounded evidence; one stored without evidence is withheld."""

from __future__ import annotations

from llm_fixtures import english_touchpoint
from rich.console import Console

from assistant.cli.render import print_insights
from assistant.models import Insights, Provenance, Summary
from extractors.grounding import evidence_for_span


def rendered(insights: Insights) -> str:
    console = Console(record=True, width=200)
    print_insights(console, insights)
    return console.export_text()


def insights_with(summary: Summary) -> Insights:
    return Insights(touchpoint_id="tp_test", summary=summary,
                    provenance=Provenance(extractor="llm", extractor_version="1"))


def test_a_grounded_summary_is_printed_with_its_quote() -> None:
    tp = english_touchpoint()
    at = tp.text.index("it is far too slow")
    evidence = evidence_for_span(tp, at, at + len("it is far too slow for our team"))
    text = rendered(insights_with(Summary(text="Salesforce is too slow for them.",
                                          evidence=[evidence])))
    assert "summary: Salesforce is too slow for them." in text
    assert "“it is far too slow for our team”" in text


def test_a_summary_stored_without_evidence_is_withheld_not_shown_as_fact() -> None:
    text = rendered(insights_with(Summary(text="The customer signed a three-year contract.")))
    assert "three-year" not in text
    assert "withheld, no grounded evidence" in text
