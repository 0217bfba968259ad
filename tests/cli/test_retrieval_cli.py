"""search, reindex, brief and tickets through the real CLI on the bundled sample data."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def invoke(*args: str) -> dict | list:  # type: ignore[type-arg]
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stdout + str(result.exception)
    return json.loads(result.stdout)


def test_search_brief_tickets_and_reindex_on_the_demo_tenant() -> None:
    assert runner.invoke(app, ["demo", "--no-audio", "--json"]).exit_code == 0
    found = invoke("search", "销售易", "--tenant", "demo", "--account", "huachen", "--json")
    assert found["hits"] and all(h["account_id"] == "huachen" for h in found["hits"])
    assert "销售易" in found["hits"][0]["text"]
    briefing = invoke("brief", "--account", "northwind", "--agenda", "renewal pricing",
                      "--now", "2026-03-12T09:00:00+00:00", "--tenant", "demo", "--json")
    assert briefing["account"]["id"] == "northwind" and briefing["snippets"]
    tickets = invoke("tickets", "list", "--tenant", "demo", "--json")
    assert {t["ticket_id"] for t in tickets} >= {"4411", "5102"}
    summary = invoke("tickets", "summarize", "4411", "--now", "2026-03-12T00:00:00+00:00",
                     "--tenant", "demo", "--json")
    assert summary["sla"][0]["state"] == "breached"
    rebuilt = invoke("reindex", "--tenant", "demo", "--json")
    assert rebuilt["embedded"] == 0 and rebuilt["vectors"] == rebuilt["chunks"]


def test_an_unknown_account_is_one_line_naming_the_closest() -> None:
    assert runner.invoke(app, ["demo", "--no-audio", "--json"]).exit_code == 0
    result = runner.invoke(app, ["brief", "--account", "Northwnd", "--tenant", "demo"])
    assert result.exit_code == 1
    assert "closest: Northwind Logistics" in result.output
