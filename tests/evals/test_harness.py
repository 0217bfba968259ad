"""The harness end to end: a real extractor subclass, reports, thresholds, compare."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.models import CompetitorMention, Insights, Provenance
from evals.compare import compare, load_report
from evals.harness import run_eval
from evals.report import write_reports
from extractors.base import Extractor
from extractors.grounding import ground
from extractors.rules import RulesExtractor

DATA = Path(__file__).parent.parent / "data" / "evals"
runner = CliRunner()


class FirstCompetitorOnly(Extractor):
    """Reports Salesforce wherever it appears, and nothing else: a known, scripted behaviour."""

    name = "scripted"

    def extract(self, touchpoint, context) -> Insights:
        found = []
        if "Salesforce" in touchpoint.text:
            found.append(CompetitorMention(name="Salesforce", alias="Salesforce",
                                           evidence=ground("Salesforce", touchpoint)))
        return Insights(touchpoint_id=touchpoint.id, competitors=found,
                        provenance=Provenance(extractor=self.name, extractor_version="1"))


def test_a_scripted_extractor_scores_exactly_as_computed_by_hand():
    report = run_eval(DATA / "tiny.jsonl", FirstCompetitorOnly())
    overall = report["overall"]
    # gold competitors: {Salesforce}, {销售易}, {}; predicted {Salesforce}, {}, {}
    assert overall["competitors"]["precision"] == 1.0
    assert overall["competitors"]["recall"] == 0.5
    assert overall["next_steps"]["recall"] == 0.0
    assert overall["grounding_rate"] == 1.0
    assert report["by_language"]["zh"]["competitors"]["recall"] == 0.0
    kinds = {(e["item"], e["field"], e["kind"]) for e in report["errors"]}
    assert ("zh-1", "competitors", "missed") in kinds


def test_reports_are_written_and_two_runs_compare(tmp_path: Path):
    weak = run_eval(DATA / "tiny.jsonl", FirstCompetitorOnly())
    strong = run_eval(DATA / "tiny.jsonl", RulesExtractor())
    paths = write_reports(weak, tmp_path / "a") + write_reports(strong, tmp_path / "b")
    html = (tmp_path / "a" / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "http" not in html.split("<body>")[1][:2000]
    assert all(p.stat().st_size > 0 for p in paths)
    rows = compare(load_report(tmp_path / "a" / "report.json"),
                   load_report(tmp_path / "b" / "report.json"))
    by_name = {r["metric"]: r for r in rows}
    assert by_name["competitors.recall"]["delta"] == 0.5
    again = compare(load_report(tmp_path / "a" / "report.json"),
                    load_report(tmp_path / "b" / "report.json"))
    assert rows == again  # fixed seed: same intervals


def test_cli_thresholds_fail_the_run_and_name_the_metric(tmp_path: Path):
    ok = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"), "--extractor", "rules",
                             "--report", str(tmp_path), "--json"])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "report.html").exists()
    failing = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"),
                                  "--min", "competitors.f1=1.01"])
    assert failing.exit_code == 1
    assert "competitors.f1" in failing.output
    bad = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"), "--min", "nope"])
    assert bad.exit_code == 1 and "metric=number" in bad.output


def test_dry_run_estimates_tokens_without_an_endpoint():
    result = runner.invoke(app, ["eval", "--dataset", str(DATA / "tiny.jsonl"), "--extractor",
                                 "llm", "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    estimate = json.loads(result.stdout)
    assert estimate["items"] == 3 and estimate["input_tokens"] > 0
