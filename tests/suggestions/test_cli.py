"""`touchpoint suggest` on the bundled sample data: the demo's "today" fires the sample's rules
with their reasons, feedback hides a dismissed suggestion, and bad input is one clear line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.cli.demo import DEMO_NOW

runner = CliRunner()
AT = DEMO_NOW.isoformat()


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    # one demo run for the module (its own data dir; the autouse fixture is per test)
    import os

    data_dir = tmp_path_factory.mktemp("demo-data")
    previous = os.environ.get("TOUCHPOINT_DATA_DIR")
    os.environ["TOUCHPOINT_DATA_DIR"] = str(data_dir)
    try:
        result = invoke("demo", "--no-audio", "--json")
        assert result.exit_code == 0, result.output
        return {"data_dir": str(data_dir), "report": json.loads(result.stdout)}
    finally:
        if previous is None:
            os.environ.pop("TOUCHPOINT_DATA_DIR", None)
        else:
            os.environ["TOUCHPOINT_DATA_DIR"] = previous


def test_the_demo_prints_suggestions_from_the_sample_data(demo_report: dict):
    suggestions = demo_report["report"]["suggestions"]
    rules = {s["rule_id"] for s in suggestions}
    assert {"inquiry_unanswered", "ticket_unassigned", "trial_day", "pricing_page_views",
            "competitor_evaluating", "negative_sentiment", "next_step_due"} <= rules
    first = suggestions[0]
    assert first["time_critical"] and first["rule_id"] in ("inquiry_unanswered",
                                                           "ticket_unassigned")
    for suggestion in suggestions:
        assert suggestion["explanation"].startswith("Why: ")
        assert suggestion["citations"] and suggestion["value_components"]


def test_suggest_lists_and_feedback_hides_a_dismissed_one(demo_report: dict,
                                                          monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TOUCHPOINT_DATA_DIR", demo_report["data_dir"])
    listed = invoke("suggest", "--tenant", "demo", "--at", AT, "--owner", "王磊", "--json")
    assert listed.exit_code == 0, listed.output
    shown = json.loads(listed.stdout)
    assert shown and {s["owner"] for s in shown} == {"王磊"}
    target = shown[0]["id"]
    done = invoke("suggest", "feedback", target, "dismissed", "--tenant", "demo",
                  "--note", "already called")
    assert done.exit_code == 0 and "dismissed" in done.output
    again = json.loads(invoke("suggest", "--tenant", "demo", "--at", AT, "--json").stdout)
    assert target not in {s["id"] for s in again}
    text = invoke("suggest", "--tenant", "demo", "--at", AT, "--account", "northwind",
                  "--limit", "3")
    assert text.exit_code == 0 and "Why:" in text.output and "Value:" in text.output


@pytest.mark.parametrize("args, message", [
    (("suggest", "--at", "yesterday"), "not ISO-8601"),
    (("suggest", "feedback", "sg_missing", "done"), "no suggestion 'sg_missing'"),
    (("suggest", "dnc", "nobody"), "no contact 'nobody'"),
], ids=["bad-at", "unknown-suggestion", "unknown-contact"])
def test_bad_input_is_one_clear_line(args, message):
    result = invoke(*args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_eval_suggestions_prints_the_backtest_and_writes_its_report(tmp_path):
    report = tmp_path / "backtest.json"
    result = invoke("eval-suggestions", "--contacts", "15", "--weeks", "6", "--report",
                    str(report))
    assert result.exit_code == 0, result.output
    assert "learned vs last_contact_hour" in result.output and "95% CI" in result.output
    saved = json.loads(report.read_text(encoding="utf-8"))
    assert set(saved["methods"]) == {"learned", "last_contact_hour", "weekday_10am",
                                     "immediately"}
