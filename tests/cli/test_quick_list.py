"""`touchpoint touchpoints list` is judged as a whole process, imports included: on a SQLite
store at the newest schema it reads with `sqlite3` and never imports SQLAlchemy; on a store that
does not exist yet it opens (creates) the store as every other command does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from tests.cli.test_cli import EMAIL

REPO = Path(__file__).resolve().parents[2]
LIST_AND_REPORT_IMPORTS = """\
import json, sys
from assistant.cli import app
try:
    app(["touchpoints", "list", "--json"])
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(m for m in sys.modules if m.partition(".")[0] == "sqlalchemy")),
      file=sys.stderr)
"""


def _list_in_a_new_process() -> tuple[dict, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", LIST_AND_REPORT_IMPORTS], env=env, cwd=REPO,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout), json.loads(done.stderr.strip().splitlines()[-1])


def test_listing_a_current_sqlite_store_imports_no_sqlalchemy(tmp_path: Path) -> None:
    (tmp_path / "pricing.eml").write_text(EMAIL, encoding="utf-8")
    ingested = CliRunner().invoke(app, ["ingest", str(tmp_path / "pricing.eml"), "--no-extract"])
    assert ingested.exit_code == 0, ingested.output
    listed, sqlalchemy_modules = _list_in_a_new_process()
    assert [tp["subject"] for tp in listed["touchpoints"]] == ["Pricing follow-up"]
    assert sqlalchemy_modules == []


def test_listing_before_any_store_exists_creates_it(isolated_data_dir: Path) -> None:
    listed, sqlalchemy_modules = _list_in_a_new_process()
    assert listed == {"touchpoints": [], "next_cursor": None}
    assert (isolated_data_dir / "touchpoint.db").is_file()
    assert sqlalchemy_modules  # the store was opened (and migrated) through SQLAlchemy
