"""A real Celery worker process on the local Redis, against Postgres.

The API (CeleryQueue) sends tasks carrying only ids; `touchpoint worker` runs them. A worker
killed with SIGKILL in the middle of a task leaves the message unacknowledged (acks_late); it is
redelivered to the next worker and completed exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_openai_server import Answer, FakeOpenAIServer, reply
from fastapi.testclient import TestClient
from llm_fixtures import english_answer, english_touchpoint

from api import create_app
from assistant.config import Settings, load_settings
from assistant.storage import api_keys, repository
from assistant.storage import chunks as chunk_store
from assistant.storage.db import Database, open_database
from tests.conftest import require_service, scratch_postgres

pytestmark = pytest.mark.integration
REDIS = "redis://127.0.0.1:6379/13"
RABBITMQ = "amqp://guest:guest@127.0.0.1:5672//"


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from scratch_postgres()


@pytest.fixture
def worker_env(pg_url: str, isolated_data_dir: Path) -> dict[str, str]:
    require_service("redis", "127.0.0.1", 6379)
    return {"TOUCHPOINT_DATABASE_URL": pg_url, "TOUCHPOINT_BROKER_URL": REDIS,
            "TOUCHPOINT_JOB_QUEUE": f"touchpoint-test-{uuid.uuid4().hex[:8]}",
            "TOUCHPOINT_DATA_DIR": str(isolated_data_dir),
            "TOUCHPOINT_JOB_VISIBILITY_TIMEOUT_S": "3"}


def _settings(env: dict[str, str], **overrides: object) -> Settings:
    values = {k.removeprefix("TOUCHPOINT_").lower(): v for k, v in env.items()
              if k.startswith("TOUCHPOINT_")}
    values.update(overrides)
    return load_settings(**values)


class Workers:
    """Starts `touchpoint worker` processes (each in its own process group) and reaps them."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env, self.logs, self.started = env, logs, []  # type: ignore[var-annotated]

    def start(self, **extra_env: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, **self.env, **extra_env}
        log = (self.logs / f"worker-{len(self.started)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-c", "from assistant.cli import main; main()", "worker",
             "--pool", "solo", "--loglevel", "INFO"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.started.append(process)
        return process

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.logs.glob("*.log")))


@pytest.fixture
def workers(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Workers]:
    running = Workers(worker_env, tmp_path)
    yield running
    running.stop_all()
    from kombu import Connection

    with Connection(worker_env["TOUCHPOINT_BROKER_URL"], connect_timeout=3) as connection:
        queue = connection.SimpleQueue(worker_env["TOUCHPOINT_JOB_QUEUE"])
        queue.clear()
        if worker_env["TOUCHPOINT_BROKER_URL"].startswith("amqp"):
            queue.queue.delete()  # a RabbitMQ queue outlives its consumers
        queue.close()


def _wait_for(condition: Callable[[], bool], timeout: float, what: str,
              workers: Workers) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}\n{workers.log_text()}")
        time.sleep(0.2)


def _seed(db: Database) -> tuple[str, str]:
    touchpoint = english_touchpoint()
    with db.session() as session:
        repository.save_touchpoint(session, touchpoint)
        _, key = api_keys.create_key(session, tenant_id="default", role="admin")
    return touchpoint.id, key


def _job(client: TestClient, location: str, key: str) -> dict:
    return client.get(location, headers={"Authorization": f"Bearer {key}"}).json()


@pytest.mark.parametrize("broker", ["redis", "rabbitmq"])
def test_a_worker_process_runs_an_extract_job_sent_through_the_api(
        worker_env: dict[str, str], workers: Workers, broker: str) -> None:
    if broker == "rabbitmq":
        require_service("rabbitmq", "127.0.0.1", 5672)
        worker_env["TOUCHPOINT_BROKER_URL"] = RABBITMQ
    settings = _settings(worker_env)
    db = open_database(settings.resolved_database_url)
    touchpoint_id, key = _seed(db)
    workers.start()
    with TestClient(create_app(settings)) as client:
        assert client.get("/readyz").json()["checks"]["broker"] == "ok"
        accepted = client.post(f"/v1/touchpoints/{touchpoint_id}/extract",
                               json={"extractor": "rules"},
                               headers={"Authorization": f"Bearer {key}"})
        assert accepted.status_code == 202
        location = accepted.headers["location"]
        _wait_for(lambda: _job(client, location, key)["status"] == "succeeded", 90,
                  "the worker to finish the job", workers)
        job = _job(client, location, key)
    assert job["touchpoint_ids"] == [touchpoint_id] and job["attempts"] == 1
    with db.session() as session:
        runs = repository.list_insight_runs(session, tenant_id="default",
                                            touchpoint_id=touchpoint_id)
    assert [r.insights.provenance.extractor for r in runs] == ["rules"]
    db.close()


SAMPLE_AUDIO = Path(__file__).parents[2] / "assistant/sample_data/audio/call-en-northwind.ogg"
EMAIL = b"""From: Maya Patel <maya@northwind.example>
To: Dana Reyes <dana@vendor.example>
Subject: Rollout
Date: Mon, 02 Mar 2026 10:00:00 -0500
Message-ID: <worker-1@northwind.example>

We are moving off Salesforce. Could you send the rollout plan by Friday?
"""


@pytest.mark.slow
def test_a_worker_ingests_an_uploaded_email_and_a_recording_end_to_end(
        worker_env: dict[str, str], workers: Workers) -> None:
    settings = _settings(worker_env)
    db = open_database(settings.resolved_database_url)
    _, key = _seed(db)
    headers = {"Authorization": f"Bearer {key}"}
    workers.start(TOUCHPOINT_WHISPER_BEAM_SIZE="1")
    with TestClient(create_app(settings)) as client:
        accepted = client.post("/v1/touchpoints/upload", headers=headers, data={
            "language": "en", "occurred_at": "2026-03-02T11:00:00-05:00"}, files=[
            ("file", ("rollout.eml", EMAIL, "message/rfc822")),
            ("file", ("call.ogg", SAMPLE_AUDIO.read_bytes(), "audio/ogg"))])
        assert accepted.status_code == 202, accepted.text
        location = accepted.headers["location"]
        _wait_for(lambda: _job(client, location, key)["status"] in ("succeeded", "failed"), 300,
                  "the worker to ingest both sources", workers)
        job = _job(client, location, key)
        assert job["status"] == "succeeded" and len(job["touchpoint_ids"]) == 2, job
        shown = [client.get(f"/v1/touchpoints/{i}", headers=headers).json()
                 for i in job["touchpoint_ids"]]
        again = client.post("/v1/touchpoints/upload", headers=headers, files=[
            ("file", ("call-again.ogg", SAMPLE_AUDIO.read_bytes(), "audio/ogg"))])
    by_channel = {t["touchpoint"]["channel"]: t for t in shown}
    assert set(by_channel) == {"email", "call"}
    call = by_channel["call"]["touchpoint"]
    assert len(call["text"].split()) > 20 and call["segments"][0]["start_s"] is not None
    assert by_channel["email"]["insights"]["competitors"][0]["name"] == "Salesforce"
    assert all(t["touchpoint"]["status"] == "extracted" for t in shown)
    assert again.status_code == 200 and again.json()["touchpoint_ids"] == [call["id"]]
    db.close()


def test_a_worker_indexes_what_it_ingests_before_the_job_succeeds(
        worker_env: dict[str, str], workers: Workers) -> None:
    worker_env["TOUCHPOINT_INDEX_ON_INGEST"] = "true"
    settings = _settings(worker_env)
    db = open_database(settings.resolved_database_url)
    _, key = _seed(db)
    headers = {"Authorization": f"Bearer {key}"}
    workers.start()
    with TestClient(create_app(settings)) as client:
        accepted = client.post("/v1/touchpoints", headers=headers,
                               json={"kind": "email", "raw": EMAIL.decode()})
        assert accepted.status_code == 202, accepted.text
        location = accepted.headers["location"]
        _wait_for(lambda: _job(client, location, key)["status"] in ("succeeded", "failed"), 180,
                  "the worker to parse, extract and index the email", workers)
        job = _job(client, location, key)
        assert job["status"] == "succeeded" and job["error"] is None, job
        (touchpoint_id,) = job["touchpoint_ids"]
        with db.session() as session:  # before any search could catch up
            chunks = chunk_store.chunk_signature(session, tenant_id="default",
                                                 touchpoint_id=touchpoint_id)
        assert chunks and "touchpoint.index" in workers.log_text()
        found = client.get("/v1/search", headers=headers,
                           params={"q": "rollout plan by Friday"}).json()
    assert touchpoint_id in [hit["touchpoint_id"] for hit in found["hits"]]
    db.close()


def test_a_worker_killed_mid_task_is_replaced_and_the_task_completes_exactly_once(
        worker_env: dict[str, str], workers: Workers, llm_server: FakeOpenAIServer) -> None:
    # the first request hangs (the worker is killed while it waits), the redelivery is answered
    llm_server.script(Answer(content="{}", delay_s=60), reply(english_answer()))
    llm = {"TOUCHPOINT_LLM_BASE_URL": llm_server.base_url, "OPENAI_API_KEY": "sk-test",
           "TOUCHPOINT_LLM_MAX_RETRIES": "0", "TOUCHPOINT_LLM_TIMEOUT_S": "90"}
    settings = _settings(worker_env)
    db = open_database(settings.resolved_database_url)
    touchpoint_id, key = _seed(db)
    first = workers.start(**llm)
    with TestClient(create_app(settings)) as client:
        accepted = client.post(f"/v1/touchpoints/{touchpoint_id}/extract",
                               json={"extractor": "llm"},
                               headers={"Authorization": f"Bearer {key}"})
        location = accepted.headers["location"]
        _wait_for(lambda: len(llm_server.requests) == 1, 90, "the first worker to call the LLM",
                  workers)
        assert _job(client, location, key)["status"] == "running"
        workers.kill(first)
        workers.start(**llm)
        _wait_for(lambda: _job(client, location, key)["status"] == "succeeded", 120,
                  "the redelivered task to complete", workers)
        job = _job(client, location, key)
    assert job["attempts"] == 2 and job["touchpoint_ids"] == [touchpoint_id]
    assert len(llm_server.requests) == 2
    with db.session() as session:
        runs = repository.list_insight_runs(session, tenant_id="default",
                                            touchpoint_id=touchpoint_id)
    assert len(runs) == 1 and runs[0].insights.competitors[0].name == "Salesforce"
    db.close()
