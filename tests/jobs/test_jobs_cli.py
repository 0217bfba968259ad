"""`touchpoint jobs list [--failed]`: the dead-letter list on the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant import bootstrap
from assistant.cli import app
from assistant.config import load_settings
from assistant.jobs import store


def test_failed_jobs_are_listed_with_their_reason_and_only_for_the_tenant() -> None:
    db = bootstrap.open_store(load_settings())
    with db.session() as session:
        ok = store.create_job(session, tenant_id="default", kind="extract", params={})
        dead = store.create_job(session, tenant_id="default", kind="extract", params={})
        other = store.create_job(session, tenant_id="globex", kind="extract", params={})
        store.fail(session, job_id=dead.id, error="gave up after retries: endpoint down")
        store.fail(session, job_id=other.id, error="elsewhere")
    db.close()
    runner = CliRunner()
    failed = runner.invoke(app, ["jobs", "list", "--failed", "--json"], catch_exceptions=False)
    listed = json.loads(failed.stdout)
    assert [j["id"] for j in listed] == [dead.id]
    assert listed[0]["error"] == "gave up after retries: endpoint down"
    every = runner.invoke(app, ["jobs", "list"], catch_exceptions=False).stdout
    assert ok.id in every and dead.id in every and other.id not in every
    assert "endpoint down" in every
