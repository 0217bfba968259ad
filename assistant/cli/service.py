"""`touchpoint keys create|list|revoke`, `touchpoint serve`, `touchpoint worker`, `touchpoint jobs`.

Keys are shown once at creation (`--json` gives {"id", "key", "tenant", "role"}); only their
hash is stored. `serve` runs the HTTP API under uvicorn; `worker` runs a Celery worker on
TOUCHPOINT_BROKER_URL; `jobs` lists jobs, and `jobs list --failed` is the dead-letter list.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import typer

from assistant.cli.context import JSON_OPTION, TENANT_OPTION, console, settings
from assistant.cli.context import tenant as tenant_of

cli = typer.Typer()
keys_app = typer.Typer(help="API keys: each has a tenant and a role.", no_args_is_help=True)
jobs_app = typer.Typer(help="Background jobs and the dead-letter list.", no_args_is_help=True)
cli.add_typer(keys_app, name="keys")
cli.add_typer(jobs_app, name="jobs")


@keys_app.command("create")
def create_key(
    tenant: str = typer.Option(..., "--tenant", help="The tenant the key may see."),
    role: str = typer.Option(..., "--role", help="rep | service | evaluator | admin"),
    name: str | None = typer.Option(None, "--name", help="A label, e.g. the tool using it."),
    owner: str | None = typer.Option(None, "--owner",
                                     help="rep keys: the Account.owner of the rep's accounts."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Create a key and print it once; it cannot be shown again."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.storage import api_keys

    with bootstrap.open_store(settings()).session() as session:
        key, secret = api_keys.create_key(session, tenant_id=tenant, role=role, name=name,
                                          owner=owner)
    if as_json:
        render.print_json(console, {"id": key.id, "key": secret, "tenant": key.tenant_id,
                                    "role": key.role})
        return
    console.print(f"Key {key.id} for tenant {key.tenant_id}, role {key.role}:\n{secret}\n"
                  "Store it now: it is not shown again.", highlight=False, soft_wrap=True)


@keys_app.command("list")
def list_keys(tenant: str | None = typer.Option(None, "--tenant", help="Only this tenant."),
              as_json: bool = JSON_OPTION) -> None:
    """Keys (never their secrets), revoked ones included."""
    from rich.table import Table

    from assistant import bootstrap
    from assistant.cli import render
    from assistant.storage import api_keys

    with bootstrap.open_store(settings()).session() as session:
        found = api_keys.list_keys(session, tenant_id=tenant)
    if as_json:
        render.print_json(console, [
            {"id": k.id, "tenant": k.tenant_id, "role": k.role, "name": k.name,
             "owner": k.owner, "created_at": k.created_at, "revoked_at": k.revoked_at}
            for k in found])
        return
    table = Table(title="API keys")
    for column in ("id", "tenant", "role", "name", "owner", "created", "revoked"):
        table.add_column(column)
    for k in found:
        table.add_row(k.id, k.tenant_id, k.role, render.escape(k.name or ""),
                      render.escape(k.owner or ""), f"{k.created_at:%Y-%m-%d %H:%M}",
                      f"{k.revoked_at:%Y-%m-%d %H:%M}" if k.revoked_at else "")
    console.print(table)


@keys_app.command("revoke")
def revoke_key(key_id: str = typer.Argument(..., help="The key's id (from `keys list`)."),
               as_json: bool = JSON_OPTION) -> None:
    """Revoke a key; requests with it are refused from now on."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.storage import api_keys

    with bootstrap.open_store(settings()).session() as session:
        key = api_keys.revoke_key(session, key_id=key_id)
    if as_json:
        render.print_json(console, {"id": key.id, "revoked_at": key.revoked_at})
    else:
        console.print(f"Revoked {key.id}.")


@cli.command()
def serve(host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          workers: int = typer.Option(1, help="Server processes (each opens the database); "
                                               "one per core is a good start."),
          access_log: bool = typer.Option(True, help="Log every request (uvicorn's access log)."),
          ) -> None:
    """Run the HTTP API (uvicorn); OpenAPI at /docs."""
    import uvicorn

    from assistant import bootstrap

    s = settings()
    bootstrap.open_store(s).close()  # migrate once here, not in every worker process
    with _metrics_shared_by(workers, s.prometheus_multiproc_dir):
        uvicorn.run("api.app:app_from_environment", factory=True, host=host, port=port,
                    workers=workers, proxy_headers=True, log_level="info",
                    access_log=access_log)


@contextlib.contextmanager
def _metrics_shared_by(workers: int, given: Path | None) -> Iterator[None]:
    """With several workers, a directory where each writes its metrics, so /metrics adds them
    up: PROMETHEUS_MULTIPROC_DIR if set (emptied first, as prometheus_client requires), else a
    temporary one removed at exit. The workers inherit it through the environment."""
    if workers <= 1:
        yield
        return
    import shutil
    import tempfile

    made = None
    if given is None:
        given = made = Path(tempfile.mkdtemp(prefix="touchpoint-metrics-"))
    given.mkdir(parents=True, exist_ok=True)
    for stale in given.glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(given)
    try:
        yield
    finally:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)


@cli.command()
def worker(concurrency: int = typer.Option(2, help="Tasks run at once (processes)."),
           pool: str = typer.Option("prefork", help="prefork | solo | threads"),
           loglevel: str = typer.Option("INFO")) -> None:
    """Run a Celery worker on TOUCHPOINT_BROKER_URL (Redis or RabbitMQ)."""
    from assistant import bootstrap
    from assistant.jobs.celery_app import make_celery

    s = settings()
    bootstrap.open_store(s).close()
    celery = make_celery(s)
    celery.worker_main(["worker", f"--loglevel={loglevel}", f"--concurrency={concurrency}",
                        f"--pool={pool}", "-Q", s.job_queue, "--without-gossip",
                        "--without-mingle"])


@jobs_app.command("list")
def list_jobs(failed: bool = typer.Option(False, "--failed", help="Only the dead letters."),
              limit: int = typer.Option(50), tenant: str | None = TENANT_OPTION,
              as_json: bool = JSON_OPTION) -> None:
    """Jobs newest first; `--failed` lists those that failed for good, with the reason."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.jobs import store

    s = settings()
    with bootstrap.open_store(s).session() as session:
        found = store.list_jobs(session, tenant_id=tenant_of(tenant),
                                status="failed" if failed else None, limit=limit)
    if as_json:
        render.print_json(console, [j.__dict__ for j in found])
        return
    for job in found:
        console.print(f"{job.created_at:%Y-%m-%d %H:%M:%S} {job.id} {job.kind} {job.status}"
                      + (f" - {render.escape(job.error)}" if job.error else ""), highlight=False)
