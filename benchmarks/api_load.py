"""HTTP API latency and throughput under 32 concurrent clients on loopback, beside an anchor.

The API runs as `touchpoint serve --workers N` (default 2, one per core of the 2-core target) in
a child process; the load comes from this process, each scenario bounded in time. Scenarios:

- read: GET /v1/touchpoints/{id} with an admin key (auth, tenant scoping, insights);
- briefing: GET /v1/accounts/{id}/briefing for an account with `--briefing-touchpoints`
  ingested, extracted and indexed touchpoints (no agenda unless `--agenda`; no LLM);
- ingest: POST /v1/touchpoints (a new email each time) answered 202 — the bytes are received
  and stored and a job is queued (on Redis when it answers, else in-process); no worker runs,
  so only the acceptance is timed.

The anchor is a bare Starlette app under the same uvicorn with the same number of workers,
answering the read's JSON body (GET) and a fixed 202 (POST), with no auth and no database: the
least any HTTP answer costs here. The ratio is what Touchpoint adds. Besides latency and
throughput, each line gives the CPU time the server processes spent per request (from /proc):
on a machine shared with other work that figure moves much less than the latencies do. Clients are closed loops
(each sends its next request when the last is answered) on keep-alive connections, written on
asyncio streams rather than an HTTP library so that the load generator, which shares the cores,
costs as little as possible. With closed loops the mean latency is clients / throughput, so a
p95 of 50 ms at 32 clients needs about 640+ answers a second from the whole machine.

Usage: python benchmarks/api_load.py [--seconds 8] [--clients 32] [--workers 2]
       [--database postgres|sqlite] [--briefing-touchpoints 40] [--agenda "renewal pricing"]
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
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ANCHOR = '''
import os
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
body = open(os.environ["ANCHOR_BODY"], "rb").read()
async def one(request):
    return Response(body, media_type="application/json")
async def accept(request):
    await request.body()
    return Response(b'{"job_id": "x", "status": "queued"}', status_code=202,
                    media_type="application/json")
app = Starlette(routes=[Route("/one", one), Route("/accept", accept, methods=["POST"])])
'''
EMAIL = """From: Buyer {n} <buyer{n}@customer{m}.example>
To: rep@vendor.example
Subject: Question {n}
Date: Mon, 02 Mar 2026 10:00:00 +0000
Message-ID: <{uid}@customer{m}.example>

We are on Salesforce today but the renewal price is too high. Could you send a quote by Friday?
"""
BRIEFING_ACCOUNT = {"accounts": [{
    "id": "acc-bench", "name": "Bench Logistics", "domains": ["bench.example"],
    "owner": "rep@vendor.example", "deal_value": 52000, "stage": "proposal",
    "contacts": [{"name": "Maya Bench", "emails": ["maya@bench.example"]}]}]}
BRIEFING_LINES = [
    "We are on Salesforce today but the renewal price is too high for a team our size.",
    "Could you send the revised quote by Friday? Our CFO approved the budget this quarter.",
    "We are also evaluating HubSpot; security needs your SOC 2 report first.",
    "The export keeps failing and nobody got back to us, which is frustrating.",
    "Legal will push back on the auto-renewal terms; can we review them next Tuesday?"]

CITED_SECTIONS = ("who", "timeline", "next_steps", "competitors", "sentiment", "tickets",
                  "snippets", "talking_points", "risks")


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
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server at {url} exited with {process.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {url} did not start within 90 s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


# --- a minimal HTTP/1.1 keep-alive client -------------------------------------------------------


class Client:
    """One keep-alive connection; `send` returns the status (0 when the connection failed)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, request: bytes) -> int:
        try:
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            assert self.reader is not None
            self.writer.write(request)
            head = await self.reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length, closing = 0, False
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"connection" and value.strip().lower() == b"close":
                    closing = True
                elif name == b"transfer-encoding":
                    raise ValueError("chunked answers are not expected here")
            await self.reader.readexactly(length)
            if closing:
                self.close()
            return status
        except (OSError, asyncio.IncompleteReadError, ValueError):
            self.close()
            return 0

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def get(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def post_json(path: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             f"Content-Length: {len(body)}"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


MakeRequest = Callable[[int, int], bytes]  # (client number, request number) -> request bytes


async def load(port: int, make_request: MakeRequest, *, clients: int, seconds: float
               ) -> dict[str, float]:
    """`clients` closed loops, each sending requests until `seconds` have passed.

    Each client first connects and sends one untimed request, one client after another, as
    clients arriving over time would: 32 connects in the same millisecond let one uvicorn
    worker's accept loop take most of them, and its clients then wait twice as long as the
    other worker's for the whole run (per-client means of 20 vs 50 ms were measured)."""
    latencies: list[float] = []
    errors = 0
    connected = [Client(port) for _ in range(clients)]
    for number, client in enumerate(connected):
        await client.send(make_request(number, -1))
        await asyncio.sleep(0.002)
    deadline = time.monotonic() + seconds

    async def loop(number: int) -> None:
        nonlocal errors
        client = connected[number]
        sent = 0
        while time.monotonic() < deadline:
            request = make_request(number, sent)
            started = time.perf_counter()
            status = await client.send(request)
            latencies.append(time.perf_counter() - started)
            errors += status not in (200, 202)
            sent += 1
        client.close()

    began = time.monotonic()
    await asyncio.gather(*(loop(n) for n in range(clients)))
    elapsed = time.monotonic() - began
    return {"requests": len(latencies), "rps": len(latencies) / elapsed,
            "p50_ms": percentile(latencies, 0.50) * 1000,
            "p95_ms": percentile(latencies, 0.95) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000,
            "error_rate": errors / max(1, len(latencies)), "errors": errors}


def run_load(port: int, make_request: MakeRequest, *, clients: int, seconds: float
             ) -> dict[str, float]:
    try:
        import uvloop

        factory: Callable[[], asyncio.AbstractEventLoop] | None = uvloop.new_event_loop
    except ImportError:
        factory = None
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(load(port, make_request, clients=clients, seconds=seconds))


# --- seeding, through the same functions the CLI uses --------------------------------------------


def seed(env: dict[str, str], *, briefing_touchpoints: int) -> tuple[str, str]:
    """An admin key, one ingested touchpoint, and the briefing's account with its touchpoints
    extracted and indexed (as `touchpoint ingest` leaves them)."""
    from assistant import bootstrap, pipeline
    from assistant.accounts import import_accounts
    from assistant.config import load_settings
    from assistant.storage import api_keys
    from vector_index.indexing import index_pending

    settings = load_settings(database_url=env["TOUCHPOINT_DATABASE_URL"],
                             data_dir=Path(env["TOUCHPOINT_DATA_DIR"]))
    db = bootstrap.open_store(settings)
    with db.session() as session:
        _, key = api_keys.create_key(session, tenant_id="bench", role="admin")
        import_accounts(session, tenant_id="bench", uri="accounts.json",
                        content=json.dumps(BRIEFING_ACCOUNT).encode())
    runtime = bootstrap.runtime(settings, tenant="bench", audio=False)
    outcome = pipeline.ingest_source(
        db, tenant_id="bench", content=EMAIL.format(n=0, m=0, uid="seed").encode(),
        uri="seed.eml", options=pipeline.SourceOptions(), runtime=runtime)
    for n in range(briefing_touchpoints):
        body = " ".join(BRIEFING_LINES[(n + i) % len(BRIEFING_LINES)] for i in range(3))
        email = (f"From: Maya Bench <maya@bench.example>\nTo: rep@vendor.example\n"
                 f"Subject: Renewal {n}\nDate: Mon, {1 + n % 28:02d} Jun 2026 10:00:00 +0000\n"
                 f"Message-ID: <brief-{n}@bench.example>\n\n{body}\n")
        pipeline.ingest_source(db, tenant_id="bench", content=email.encode(),
                               uri=f"brief-{n}.eml", options=pipeline.SourceOptions(),
                               runtime=runtime)
    index_pending(db, tenant_id="bench", options=bootstrap.retrieval_options(settings))
    db.close()
    return key, outcome.created[0]


def report(name: str, result: dict[str, float], anchor: dict[str, float] | None = None) -> None:
    line = (f"{name:<31} {result['requests']:>6.0f} req {result['rps']:>7.1f} req/s  "
            f"p50 {result['p50_ms']:6.1f}  p95 {result['p95_ms']:6.1f}  "
            f"p99 {result['p99_ms']:6.1f} ms  errors {result['error_rate']:.3%}  "
            f"server CPU {result['cpu_ms']:.2f} ms/req")
    if anchor:
        line += (f"  | x{result['p95_ms'] / anchor['p95_ms']:.1f} p95, "
                 f"x{result['rps'] / anchor['rps']:.3f} req/s, "
                 f"x{result['cpu_ms'] / anchor['cpu_ms']:.1f} CPU of the anchor")
    print(line, flush=True)


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (the uvicorn workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (Linux; 0 elsewhere)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0, help="per scenario")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--database", choices=("sqlite", "postgres"),
                        default="postgres" if reachable(5432) else "sqlite")
    parser.add_argument("--briefing-touchpoints", type=int, default=40)
    parser.add_argument("--agenda", default=None, help="briefing agenda (runs the search)")
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
    began = time.monotonic()
    key, touchpoint_id = seed(env, briefing_touchpoints=args.briefing_touchpoints)
    seeded_s = time.monotonic() - began
    auth = {"Authorization": f"Bearer {key}"}
    api_port, anchor_port = free_port(), free_port()
    api = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--host", "127.0.0.1",
         "--port", str(api_port), "--workers", str(args.workers), "--no-access-log"], env=env)
    anchor = None
    try:
        base = f"http://127.0.0.1:{api_port}"
        wait_until_up(f"{base}/healthz", api)
        body = httpx.get(f"{base}/v1/touchpoints/{touchpoint_id}", headers=auth).content
        (work / "body.json").write_bytes(body)
        (work / "bench_anchor.py").write_text(ANCHOR)
        anchor = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "bench_anchor:app", "--app-dir", str(work),
             "--host", "127.0.0.1", "--port", str(anchor_port), "--workers", str(args.workers),
             "--log-level", "warning", "--no-access-log"],
            env={**env, "ANCHOR_BODY": str(work / "body.json")})
        wait_until_up(f"http://127.0.0.1:{anchor_port}/one", anchor)
        briefing_path = "/v1/accounts/acc-bench/briefing"
        if args.agenda:
            briefing_path += "?agenda=" + args.agenda.replace(" ", "+")
        first = httpx.get(f"{base}{briefing_path}", headers=auth, timeout=60)
        if not first.is_success:
            raise SystemExit(f"the briefing answered {first.status_code}: {first.text[:300]}")
        lines = sum(len(first.json()["briefing"][k]) for k in CITED_SECTIONS)
        broker = "Redis" if "TOUCHPOINT_BROKER_URL" in env else "in-process"
        print(f"{args.clients} clients, {args.seconds:.0f} s a scenario, {args.database}, "
              f"`touchpoint serve --workers {args.workers}` (anchor: uvicorn, same workers), "
              f"jobs to {broker}, {os.cpu_count()} cores; read answer {len(body):,} bytes; "
              f"briefing over {args.briefing_touchpoints} touchpoints ({len(first.content):,} "
              f"bytes, {lines} cited lines, agenda {args.agenda!r}); seeded in "
              f"{seeded_s:.0f} s; load average {load_average()}", flush=True)

        read_request = get(f"/v1/touchpoints/{touchpoint_id}", auth)
        briefing_request = get(briefing_path, auth)
        anchor_get = get("/one", {})

        def anchor_post(client: int, n: int) -> bytes:
            raw = EMAIL.format(n=n, m=client, uid=uuid.uuid4().hex)
            return post_json("/accept", {}, json.dumps({"kind": "email", "raw": raw}).encode())

        def ingest(client: int, n: int) -> bytes:
            raw = EMAIL.format(n=n, m=client, uid=uuid.uuid4().hex)
            return post_json("/v1/touchpoints", auth,
                             json.dumps({"kind": "email", "raw": raw}).encode())

        scenarios: list[tuple[str, int, MakeRequest, str | None]] = [
            ("anchor GET (bare JSON)", anchor_port, lambda c, n: anchor_get, None),
            ("GET /v1/touchpoints/{id}", api_port, lambda c, n: read_request,
             "anchor GET (bare JSON)"),
            ("GET /v1/accounts/{id}/briefing", api_port, lambda c, n: briefing_request,
             "anchor GET (bare JSON)"),
            ("anchor POST (bare 202)", anchor_port, anchor_post, None),
            ("POST /v1/touchpoints (202)", api_port, ingest, "anchor POST (bare 202)"),
        ]
        results: dict[str, dict[str, float]] = {}
        servers = {api_port: process_tree(api.pid), anchor_port: process_tree(anchor.pid)}
        for name, port, make_request, anchor_name in scenarios:
            before = cpu_seconds(servers[port])
            results[name] = run_load(port, make_request, clients=args.clients,
                                     seconds=args.seconds)
            used = cpu_seconds(servers[port]) - before
            results[name]["cpu_ms"] = 1000 * used / max(1, results[name]["requests"])
            report(name, results[name], results[anchor_name] if anchor_name else None)
        print(f"load average after: {load_average()}", flush=True)
    finally:
        for process in (api, anchor):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
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
