"""`touchpoint failures` lists every kind of stop: sources, inputs and dead background jobs."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import load_settings
from assistant.jobs import store
from assistant.storage.db import open_database

runner = CliRunner()


def test_a_job_that_failed_for_good_is_listed_with_its_reason() -> None:
    db = open_database(load_settings().resolved_database_url)
    with db.session() as session:
        job = store.create_job(session, tenant_id="default", kind="ingest", params={})
        store.fail(session, job_id=job.id, error="parse: call.wav: not an audio file")
    shown = runner.invoke(app, ["failures", "--json"], catch_exceptions=False)
    [dead] = json.loads(shown.stdout)["jobs"]
    assert dead["id"] == job.id and "not an audio file" in dead["error"]
    plain = runner.invoke(app, ["failures"], catch_exceptions=False).stdout
    assert f"[job ingest] {job.id}: parse: call.wav" in plain
    other = runner.invoke(app, ["failures", "--tenant", "b", "--json"], catch_exceptions=False)
    assert json.loads(other.stdout)["jobs"] == []
