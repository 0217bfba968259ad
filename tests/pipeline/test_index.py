"""The index stage after extraction: what `touchpoint ingest` stores, `touchpoint search` finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def test_ingest_indexes_what_it_stored_and_search_finds_it(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOUCHPOINT_INDEX_ON_INGEST", "true")
    call = tmp_path / "call.txt"
    call.write_text("Dana: Our warehouse scanners keep dropping the Wi-Fi connection.\n"
                    "Alice: I will send the firmware update tomorrow.\n", encoding="utf-8")
    first = runner.invoke(app, ["ingest", str(call), "--occurred-at", "2026-03-02", "--json"],
                          catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["indexed"] == 1
    again = runner.invoke(app, ["ingest", str(call), "--json"], catch_exceptions=False)
    assert json.loads(again.stdout)["indexed"] == 0  # idempotent: nothing new to index
    found = runner.invoke(app, ["search", "scanner wifi problems", "--json"],
                          catch_exceptions=False)
    assert found.exit_code == 0, found.output
    assert "scanners" in found.stdout
