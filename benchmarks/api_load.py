"""HTTP API latency and throughput under 32 concurrent clients on loopback, beside an anchor.

The API runs under uvicorn (one process, as `touchpoint serve`) in a child process; the load
comes from this process (httpx, asyncio, 32 clients), each scenario bounded in time. Scenarios:

- read: GET /v1/touchpoints/{id} with an admin key (auth, tenant scoping, insights);
- ingest: POST /v1/touchpoints (a new email each time) answered 202 — the bytes are received
  and stored and a job is queued (on Redis when it answers, else in-process).

The anchor is a bare Starlette route returning the same JSON body under the same uvicorn, with
no auth and no database: the least any HTTP answer costs here. The ratio is what Touchpoint adds.
The briefing GET has no route yet (the briefing is built on another branch): not measured.

Usage: python benchmarks/api_load.py [--seconds 10] [--clients 32] [--database sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ANCHOR = '''
import json, sys
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
import uvicorn
body = open(sys.argv[2], "rb").read()
async def one(request):
    return Response(body, media_type="application/json")
async def accept(request):
    await request.body()
    return Response(b'{"job_id": "x", "status": "queued"}', status_code=202,
                    media_type="application/json")
app = Starlette(routes=[Route("/one", one), Route("/accept", accept, methods=["POST"])])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
'''
EMAIL = """From: Buyer {n} <buyer{n}@customer{m}.example>
To: rep@vendor.example
Subject: Question {n}
Date: Mon, 02 Mar 2026 10:00:00 +0000
Message-ID: <{uid}@customer{m}.example>

We are on Salesforce today but the renewal price is too high. Could you send a quote by Friday?
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server at {url} exited with {process.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {url} did not start within 60 s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def load(make_request, *, clients: int, seconds: float) -> dict[str, float]:
    """`clients` concurrent loops, each sending requests until `seconds` have passed."""
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def loop(worker: int) -> None:
            nonlocal errors
            sent = 0
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    response = await make_request(client, worker, sent)
                    ok = response.status_code in (200, 202)
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok
                sent += 1

        began = time.monotonic()
        await asyncio.gather(*(loop(w) for w in range(clients)))
        elapsed = time.monotonic() - began
    return {"requests": len(latencies), "rps": len(latencies) / elapsed,
            "p50_ms": percentile(latencies, 0.50) * 1000,
            "p95_ms": percentile(latencies, 0.95) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000,
            "error_rate": errors / max(1, len(latencies))}


def seed(env: dict[str, str]) -> tuple[str, str]:
    """An admin key and one ingested touchpoint, through the same functions the CLI uses."""
    from assistant import bootstrap, pipeline
    from assistant.config import load_settings
    from assistant.storage import api_keys

    settings = load_settings(database_url=env["TOUCHPOINT_DATABASE_URL"],
                             data_dir=Path(env["TOUCHPOINT_DATA_DIR"]))
    db = bootstrap.open_store(settings)
    with db.session() as session:
        _, key = api_keys.create_key(session, tenant_id="bench", role="admin")
    outcome = pipeline.ingest_source(
        db, tenant_id="bench", content=EMAIL.format(n=0, m=0, uid="seed").encode(),
        uri="seed.eml", options=pipeline.SourceOptions(),
        runtime=bootstrap.runtime(settings, tenant="bench", audio=False))
    db.close()
    return key, outcome.created[0]


def report(name: str, result: dict[str, float], anchor: dict[str, float] | None = None) -> None:
    line = (f"{name:<32} {result['requests']:>6.0f} req  {result['rps']:>7.1f} req/s  "
            f"p50 {result['p50_ms']:6.1f} ms  p95 {result['p95_ms']:6.1f} ms  "
            f"p99 {result['p99_ms']:6.1f} ms  errors {result['error_rate']:.3%}")
    if anchor:
        line += (f"  | p95 x{result['p95_ms'] / anchor['p95_ms']:.1f}, "
                 f"req/s x{result['rps'] / anchor['rps']:.2f} of the anchor")
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--database", choices=("sqlite", "postgres"),
                        default="postgres" if reachable(5432) else "sqlite")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="touchpoint-api-bench-"))
    scratch = None
    if args.database == "postgres":
        scratch = f"touchpoint_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{scratch}"'))
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{scratch}"
    else:
        url = f"sqlite:///{work / 'bench.db'}"
    env = {**os.environ, "TOUCHPOINT_DATA_DIR": str(work), "TOUCHPOINT_DATABASE_URL": url,
           "TOUCHPOINT_API_RATE_LIMIT": "1000000/minute", "TOUCHPOINT_MAX_QUEUE_DEPTH": "1000000",
           "TOUCHPOINT_JOB_QUEUE": f"touchpoint-bench-{uuid.uuid4().hex[:8]}"}
    if reachable(6379):
        env["TOUCHPOINT_BROKER_URL"] = "redis://127.0.0.1:6379/12"
    key, touchpoint_id = seed(env)
    headers = {"Authorization": f"Bearer {key}"}
    api_port, anchor_port = free_port(), free_port()
    api = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "api.app:app_from_environment",
         "--host", "127.0.0.1", "--port", str(api_port), "--log-level", "warning"], env=env)
    anchor = None
    try:
        base = f"http://127.0.0.1:{api_port}"
        wait_until_up(f"{base}/healthz", api)
        body = httpx.get(f"{base}/v1/touchpoints/{touchpoint_id}", headers=headers).content
        (work / "body.json").write_bytes(body)
        anchor = subprocess.Popen([sys.executable, "-c", ANCHOR, str(anchor_port),
                                   str(work / "body.json")], env=env)
        anchor_base = f"http://127.0.0.1:{anchor_port}"
        wait_until_up(f"{anchor_base}/one", anchor)
        broker = "Redis" if "TOUCHPOINT_BROKER_URL" in env else "in-process"
        print(f"{args.clients} clients, {args.seconds:.0f} s each, {args.database}, jobs to "
              f"{broker}, {os.cpu_count()} cores, response {len(body):,} bytes", flush=True)

        async def anchor_read(client: httpx.AsyncClient, worker: int, n: int) -> httpx.Response:
            return await client.get(f"{anchor_base}/one")

        async def read(client: httpx.AsyncClient, worker: int, n: int) -> httpx.Response:
            return await client.get(f"{base}/v1/touchpoints/{touchpoint_id}", headers=headers)

        async def anchor_post(client: httpx.AsyncClient, worker: int, n: int) -> httpx.Response:
            raw = EMAIL.format(n=n, m=worker, uid=uuid.uuid4().hex)
            return await client.post(f"{anchor_base}/accept",
                                     content=json.dumps({"kind": "email", "raw": raw}))

        async def ingest(client: httpx.AsyncClient, worker: int, n: int) -> httpx.Response:
            raw = EMAIL.format(n=n, m=worker, uid=uuid.uuid4().hex)
            return await client.post(f"{base}/v1/touchpoints", headers=headers,
                                     json={"kind": "email", "raw": raw})

        runs = {name: asyncio.run(load(request, clients=args.clients, seconds=args.seconds))
                for name, request in (("anchor GET (bare JSON)", anchor_read),
                                      ("GET /v1/touchpoints/{id}", read),
                                      ("anchor POST (bare 202)", anchor_post),
                                      ("POST /v1/touchpoints (202)", ingest))}
        report("anchor GET (bare JSON)", runs["anchor GET (bare JSON)"])
        report("GET /v1/touchpoints/{id}", runs["GET /v1/touchpoints/{id}"],
               runs["anchor GET (bare JSON)"])
        report("anchor POST (bare 202)", runs["anchor POST (bare 202)"])
        report("POST /v1/touchpoints (202)", runs["POST /v1/touchpoints (202)"],
               runs["anchor POST (bare 202)"])
        print("GET /v1/accounts/{id}/briefing: not measured (no briefing route on this branch)")
    finally:
        for process in (api, anchor):
            if process is not None:
                process.terminate()
                process.wait(timeout=20)
        if "TOUCHPOINT_BROKER_URL" in env:
            from kombu import Connection

            with Connection(env["TOUCHPOINT_BROKER_URL"]) as connection:
                connection.SimpleQueue(env["TOUCHPOINT_JOB_QUEUE"]).clear()
        if scratch:
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
