"""/metrics under `touchpoint serve --workers 2`: every worker's requests are counted, whichever
worker answers the scrape (prometheus_client's multiprocess mode, set up by `serve`)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.api.server import free_port

HEALTHZ_200 = re.compile(r'touchpoint_http_requests_total\{method="GET",route="/healthz",'
                         r'status="200"\} (\d+(?:\.\d+)?)')


def _wait_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    pytest.fail(f"serve did not answer within 60 s:\n{log.read_text()}")


def _counted(base: str) -> float:
    found = HEALTHZ_200.search(httpx.get(f"{base}/metrics", timeout=10).text)
    return float(found.group(1)) if found else 0.0


def _pids_that_counted(metrics_dir: Path) -> set[str]:
    return {p.stem.rsplit("_", 1)[1] for p in metrics_dir.glob("counter_*.db")}


def _serve_two_workers(env: dict[str, str], tmp_path: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """`touchpoint serve --workers 2` on a free port, answering; (its base URL, the process)."""
    port, log = free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", "from assistant.cli import main; main()", "serve",
             "--port", str(port), "--workers", "2", "--no-access-log"],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_up(base, server, log)
    except BaseException:
        os.killpg(server.pid, signal.SIGTERM)
        raise
    return base, server


def test_metrics_add_up_every_worker_and_serve_removes_its_directory(
        isolated_data_dir: Path, tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"  # where `serve` makes its metrics directory
    temporary.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    env.update(TMPDIR=str(temporary), TOUCHPOINT_DATA_DIR=str(isolated_data_dir))
    base, server = _serve_two_workers(env, tmp_path)
    try:
        (metrics_dir,) = temporary.glob("touchpoint-metrics-*")
        sent = 1  # _wait_up's answered probe
        with ThreadPoolExecutor(16) as pool:  # fresh connections, so both workers accept some
            for _ in range(20):
                answers = list(pool.map(lambda _: httpx.get(f"{base}/healthz").status_code,
                                        range(32)))
                assert answers == [200] * 32
                sent += 32
                if len(_pids_that_counted(metrics_dir)) >= 2:
                    break
        assert len(_pids_that_counted(metrics_dir)) == 2, "one worker served every request"
        # each scrape, answered by either worker, counts the requests of both
        assert [_counted(base) for _ in range(6)] == [float(sent)] * 6
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert not list(temporary.glob("touchpoint-metrics-*"))


def test_a_given_metrics_directory_is_emptied_of_stale_values_and_kept(
        isolated_data_dir: Path, tmp_path: Path) -> None:
    given = tmp_path / "metrics"
    given.mkdir()
    (given / "counter_999999.db").write_bytes(b"stale")
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(given),
           "TOUCHPOINT_DATA_DIR": str(isolated_data_dir)}
    base, server = _serve_two_workers(env, tmp_path)
    try:
        assert not (given / "counter_999999.db").exists()
        assert _counted(base) == 1.0  # the probe, not the stale file
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert given.is_dir()
