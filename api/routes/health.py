"""/healthz (the process answers), /readyz (database and broker reachable), /metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from api.deps import StateDep
from api.problems import problem

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up. Needs no key."""
    return {"status": "ok"}


def _broker_ok(url: str) -> str | None:
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=2) as connection:
            connection.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # kombu raises transport-specific errors with no common root
        return f"{type(exc).__name__}: {exc}"
    return None


@router.get("/readyz", responses={503: {"description": "a dependency is unreachable"}})
def readyz(state: StateDep) -> Any:
    """Ready to serve: the database answers, and the broker does when one is configured."""
    checks: dict[str, str] = {}
    try:
        with state.db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any driver error means not ready
        checks["database"] = f"unreachable: {type(exc).__name__}"
    broker = state.settings.broker_url
    if broker:
        error = _broker_ok(broker)
        checks["broker"] = "ok" if error is None else f"unreachable: {error}"
    else:
        checks["broker"] = "none (jobs run in-process)"
    failing = [name for name, status in checks.items() if status.startswith("unreachable")]
    if failing:
        return problem(503, f"not ready: {', '.join(failing)} unreachable; check "
                            "TOUCHPOINT_DATABASE_URL / TOUCHPOINT_BROKER_URL", checks=checks)
    return JSONResponse({"status": "ready", "checks": checks})


@router.get("/metrics", response_class=Response)
def metrics(state: StateDep) -> Response:
    """Prometheus text format: requests, latencies, job queue depth, extraction failures."""
    registry = state.metrics.registry()
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
