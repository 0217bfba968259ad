"""`touchpoint eval` and `touchpoint eval compare` through the real CLI app."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.models import CompetitorMention, Insights, Provenance
from evals.compare import compare, load_report
from evals.harness import run_eval
from evals.report import write_reports
from extractors.base import Extractor, register
from extractors.grounding import ground

DATA = Path(__file__).parent.parent / "data" / "evals"
runner = CliRunner()


class FindsHubSpot(Extractor):
    """Reports HubSpot whenever the text names it: the strong side of a comparison."""

    name: ClassVar[str] = "scripted-hubspot"

    def extract(self, touchpoint, context) -> Insights:
        found = [CompetitorMention(name="HubSpot", alias="HubSpot",
                                   evidence=ground("HubSpot", touchpoint))
                 ] if "HubSpot" in touchpoint.text else []
        return Insights(touchpoint_id=touchpoint.id, competitors=found,
                        provenance=Provenance(extractor=self.name, extractor_version="1"))


class FindsNothing(Extractor):
    name: ClassVar[str] = "scripted-nothing"

    def extract(self, touchpoint, context) -> Insights:
        return Insights(touchpoint_id=touchpoint.id,
                        provenance=Provenance(extractor=self.name, extractor_version="1"))


@pytest.fixture
def hubspot_dataset(tmp_path: Path) -> Path:
    """20 items, 15 naming HubSpot: enough for a bootstrap interval to exclude zero."""
    path = tmp_path / "hubspot.jsonl"
    lines = [json.dumps({"id": f"item-{i:02d}", "channel": "email", "language": "en",
                         "occurred_at": "2026-03-02T10:00:00+00:00",
                         "text": f"Note {i}: " + ("we also trialled HubSpot." if i % 4 else "ok."),
                         "expected": {"competitors": ["HubSpot"] if i % 4 else []}})
             for i in range(20)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_registered_plugin_extractor_runs_by_name_and_writes_reports(hubspot_dataset, tmp_path):
    register(FindsHubSpot)
    result = runner.invoke(app, ["eval", "--dataset", str(hubspot_dataset), "--extractor",
                                 "scripted-hubspot", "--report", str(tmp_path / "r"), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["overall"]["competitors"]["f1"] == 1.0 and summary["failed_thresholds"] == []
    assert {p.name for p in (tmp_path / "r").iterdir()} == {"report.md", "report.json",
                                                            "report.html"}


@pytest.mark.parametrize(("args", "named"), [
    (["--min", "competitors.f1=1.01"], "competitors.f1"),
    (["--min", "by_language.zh.competitors.recall=1.5"], "by_language.zh.competitors.recall"),
    (["--max", "latency_ms.p95=-1"], "latency_ms.p95"),
], ids=["overall score", "one language's score", "latency ceiling"])
def test_a_threshold_not_met_exits_1_naming_the_metric(args, named):
    result = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"), *args], catch_exceptions=False)
    assert result.exit_code == 1
    assert named in result.output


def test_thresholds_that_are_met_exit_0():
    result = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"),
                                 "--min", "competitors.f1=0", "--max", "cost_usd=0"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--min", "nope"], "metric=number"),
    (["--min", "competitors.f2=0.5"], "no such metric"),
    (["--split", "train"], "no items with split"),
], ids=["not name=value", "unknown metric", "unknown split"])
def test_bad_options_exit_1_with_a_message_that_says_how_to_fix_them(args, message):
    dataset = DATA / ("split/gold.jsonl" if "--split" in args else "tiny.jsonl")
    result = runner.invoke(app, ["eval", "--dataset", str(dataset), *args], catch_exceptions=False)
    assert result.exit_code == 1 and message in result.output


def test_dry_run_estimates_llm_tokens_without_an_endpoint():
    result = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"), "--extractor",
                                 "llm", "--dry-run", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    estimate = json.loads(result.stdout)
    assert estimate["items"] == 3 and estimate["chunks"] == 3
    assert estimate["input_tokens"] > 3 * 50 and estimate["output_tokens"] > 0
    rules = json.loads(runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"),
                                           "--dry-run", "--json"], catch_exceptions=False).stdout)
    assert rules["input_tokens"] == 0 and "no LLM calls" in rules["note"]


def _reports(dataset: Path, tmp_path: Path) -> tuple[Path, Path]:
    strong = write_reports(run_eval(dataset, FindsHubSpot()), tmp_path / "strong")[1]
    weak = write_reports(run_eval(dataset, FindsNothing()), tmp_path / "weak")[1]
    return strong, weak


def test_compare_is_deterministic_and_flags_a_significant_drop(hubspot_dataset, tmp_path):
    strong, weak = _reports(hubspot_dataset, tmp_path)
    rows = compare(load_report(strong), load_report(weak))
    assert rows == compare(load_report(strong), load_report(weak))  # fixed seed
    recall = {r["metric"]: r for r in rows}["competitors.recall"]
    assert recall["delta"] == -1.0 and recall["ci_high"] < 0 and recall["regressed"]
    assert not any(r["metric"].endswith((".support", ".predicted")) for r in rows)
    improved = {r["metric"]: r for r in compare(load_report(weak), load_report(strong))}
    assert not improved["competitors.recall"]["regressed"]


def test_compare_cli_exits_1_on_regression_only_when_asked(hubspot_dataset, tmp_path):
    strong, weak = _reports(hubspot_dataset, tmp_path)
    shown = runner.invoke(app, ["eval", "compare", str(strong), str(weak)], catch_exceptions=False)
    assert shown.exit_code == 0 and "competitors.recall" in shown.output
    failing = runner.invoke(app, ["eval", "compare", str(strong), str(weak),
                                  "--fail-on-regression"], catch_exceptions=False)
    assert failing.exit_code == 1 and "competitors.recall" in failing.output
    fine = runner.invoke(app, ["eval", "compare", str(weak), str(strong),
                               "--fail-on-regression", "--json"], catch_exceptions=False)
    assert fine.exit_code == 0, fine.output
    assert any(r["metric"] == "competitors.f1" for r in json.loads(fine.stdout))


def test_compare_rejects_a_file_that_is_not_a_report(tmp_path):
    other = tmp_path / "other.json"
    other.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["eval", "compare", str(other), str(other)], catch_exceptions=False)
    assert result.exit_code == 1 and "not an eval report" in result.output


def test_slower_latency_is_a_regression_only_when_asked(hubspot_dataset, tmp_path):
    report = run_eval(hubspot_dataset, FindsNothing())
    slower = json.loads(json.dumps(report))
    for item in slower["items"]:
        item["latency_ms"] += 50.0
    rows = {r["metric"]: r for r in compare(report, slower)}
    assert rows["latency_ms.p50"]["delta"] == pytest.approx(50.0)
    assert not rows["latency_ms.p50"]["regressed"]
    strict = {r["metric"]: r for r in compare(report, slower, include_latency=True)}
    assert strict["latency_ms.p50"]["regressed"] and strict["latency_ms.p50"]["ci_low"] > 0


def test_intervals_hold_the_value_and_narrow_to_it_when_every_item_agrees(hubspot_dataset, tmp_path):
    from evals.compare import intervals

    strong, weak = _reports(hubspot_dataset, tmp_path)
    rows = {r["metric"]: r for r in intervals(load_report(strong))}
    recall = rows["competitors.recall"]
    assert recall["ci_low"] == recall["value"] == recall["ci_high"] == 1.0
    assert all(r["ci_low"] <= r["value"] <= r["ci_high"] for r in rows.values()
               if not r["metric"].startswith(("latency_ms.", "tokens.", "cost_usd")))
    shown = runner.invoke(app, ["eval", "intervals", str(weak), "--json"], catch_exceptions=False)
    assert shown.exit_code == 0
    assert {r["metric"]: r for r in json.loads(shown.stdout)}["competitors.recall"]["value"] == 0.0


@pytest.mark.parametrize(("configured", "used"), [(None, "combined"), ("rules", "rules")],
                         ids=["default", "TOUCHPOINT_EXTRACTOR"])
def test_eval_without_extractor_scores_the_configured_one(configured, used, monkeypatch, tmp_path):
    """The extractor ingest uses (combined unless configured) is the one `eval` scores."""
    from assistant.cli.context import state

    if configured:
        monkeypatch.setenv("TOUCHPOINT_EXTRACTOR", configured)
    monkeypatch.setattr(state, "settings", None)
    result = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"), "--report",
                                 str(tmp_path / "r")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert report["extractor"] == used
