"""Reports: the HTML page is self-contained and well-formed, Markdown lists every error."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from evals.harness import run_eval
from evals.report import to_markdown, write_reports
from evals.report_html import heatmap, to_html
from extractors.rules import RulesExtractor

DATA = Path(__file__).parent.parent / "data" / "evals"


def _report_with_markup(tmp_path: Path) -> dict:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "<b>x</b>", "channel": "email", "language": "en",
        "occurred_at": "2026-03-02T10:00:00+00:00",
        "text": "Hi <script>alert(1)</script>, we use SFDC today.",
        "expected": {"competitors": ["Zoho"], "sentiment": "negative"}}) + "\n", "utf-8")
    return run_eval(gold, RulesExtractor())


def test_the_html_page_has_well_formed_charts_and_nothing_to_fetch(tmp_path):
    report = run_eval(DATA / "tiny.jsonl", RulesExtractor())
    page = to_html(report)
    charts = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(charts) >= 3
    for chart in charts:
        ET.fromstring(chart)  # raises on malformed SVG
    assert not re.search(r"https?://|<script|<link|src=", page)


def test_dataset_text_is_escaped_in_html_and_errors_listed_in_markdown(tmp_path):
    report = _report_with_markup(tmp_path)
    page = to_html(report)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<b>x</b>" not in page
    markdown = to_markdown(report)
    assert "missed**: Zoho" in markdown
    assert "## Sentiment confusion" in markdown


def test_write_reports_writes_three_files_and_the_json_round_trips(tmp_path):
    report = run_eval(DATA / "tiny.jsonl", RulesExtractor())
    paths = write_reports(report, tmp_path / "out")
    assert [p.name for p in paths] == ["report.md", "report.json", "report.html"]
    assert json.loads(paths[1].read_text("utf-8"))["overall"] == json.loads(
        json.dumps(report["overall"]))


def test_the_confusion_heatmap_shows_every_count():
    svg = heatmap("c", {"positive": {"positive": 3, "negative": 1},
                        "negative": {"positive": 0, "negative": 2}})
    ET.fromstring(svg)
    assert [t for t in re.findall(r">(\d+)</text>", svg)] == ["3", "1", "0", "2"]
