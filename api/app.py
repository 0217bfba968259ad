"""The FastAPI app factory: `create_app(settings)` builds one app over one database and queue.

Routes are thin: each checks the caller, calls the same service function the CLI calls, and
shapes the answer for the caller's role. Everything is under /v1 except /healthz, /readyz and
/metrics; OpenAPI lives at /docs and /openapi.json.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from api import problems
from api.deps import AppState
from api.limits import BodyLimit, KeyRateLimiter
from api.metrics import Metrics, MetricsMiddleware
from api.routes import (
    accounts,
    contacts,
    events,
    health,
    ingest,
    insight_reads,
    jobs,
    keys,
    touchpoints,
)
from assistant import bootstrap
from assistant.config import Settings, load_settings
from assistant.jobs.queue import JobQueue, open_queue

V1_ROUTERS = (ingest.router, touchpoints.router, jobs.router, events.router, accounts.router,
              contacts.router, keys.router, insight_reads.router)


def create_app(settings: Settings | None = None, *, queue: JobQueue | None = None) -> FastAPI:
    """An app for `settings` (default: read from the environment)."""
    settings = settings or load_settings()
    db = bootstrap.open_store(settings)
    state = AppState(settings=settings, db=db, queue=queue or open_queue(db, settings),
                     rate_limiter=KeyRateLimiter(settings.api_rate_limit,
                                                 settings.rate_limit_storage),
                     metrics=Metrics(db, multiprocess_dir=settings.prometheus_multiproc_dir))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # sync routes run on anyio's thread pool (40 threads by default); a request holds the
        # GIL for most of its time, so fewer threads contend less: measured, 16 per process
        # served reads at a higher rate with a shorter tail than 40 (benchmarks/api_load.py)
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.api_threads
        yield
        state.queue.close()
        db.close()

    app = FastAPI(title="Touchpoint API", version="1",
                  description="Customer touchpoints as grounded, structured fields.",
                  lifespan=lifespan)
    app.state.touchpoint = state
    problems.install(app)
    app.include_router(health.router)
    for router in V1_ROUTERS:
        app.include_router(router, prefix="/v1")
    app.add_middleware(BodyLimit, default_bytes=settings.max_request_bytes,
                       upload_bytes=settings.max_upload_bytes)
    app.add_middleware(MetricsMiddleware, metrics=state.metrics)
    return app


def app_from_environment() -> FastAPI:
    """For `uvicorn --factory api.app:app_from_environment` (what `touchpoint serve` runs)."""
    app = create_app()
    # what exists now (modules, the app, its routes and models) lives as long as the server
    # process: moved out of the collector's reach, full collections stay short under load
    gc.collect()
    gc.freeze()
    return app
