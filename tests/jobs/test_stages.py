"""run_job: idempotent, transient errors retried with backoff then dead-lettered, other errors
failed at once; the in-process runner applies the same policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_openai_server import FakeOpenAIServer, failure, reply
from llm_fixtures import english_answer, english_touchpoint

from assistant.config import Settings, load_settings
from assistant.errors import ProviderUnavailableError
from assistant.jobs import stages, store
from assistant.jobs.queue import InProcessQueue
from assistant.storage import repository
from assistant.storage.db import Database


def _settings(db: Database, data_dir: Path, **overrides: object) -> Settings:
    return load_settings(database_url=db.engine.url.render_as_string(hide_password=False),
                         data_dir=data_dir, **overrides)


def _llm(server: FakeOpenAIServer, db: Database, data_dir: Path, **overrides: object
         ) -> Settings:
    return _settings(db, data_dir, extractor="llm", llm_base_url=server.base_url,
                     openai_api_key="sk-test", llm_max_retries=0, llm_timeout_s=5,
                     **overrides)


def _stored_job(db: Database, *, extractor: str | None = None) -> tuple[str, str]:
    touchpoint = english_touchpoint()
    with db.session() as session:
        repository.save_touchpoint(session, touchpoint)
        job = store.create_job(session, tenant_id=touchpoint.tenant_id, kind="extract",
                               params={"touchpoint_id": touchpoint.id, "extractor": extractor})
    return job.id, touchpoint.id


def _job(db: Database, job_id: str) -> store.Job:
    with db.session() as session:
        return store.get_job(session, tenant_id="default", job_id=job_id)


def _runs(db: Database, touchpoint_id: str) -> int:
    with db.session() as session:
        return len(repository.list_insight_runs(session, tenant_id="default",
                                                touchpoint_id=touchpoint_id))


def test_running_a_job_twice_stores_one_run(db: Database, isolated_data_dir: Path) -> None:
    settings = _settings(db, isolated_data_dir)
    job_id, touchpoint_id = _stored_job(db, extractor="rules")
    assert stages.run_job(db, settings, job_id) is not None
    assert stages.run_job(db, settings, job_id) is None  # a redelivery: nothing to do
    job = _job(db, job_id)
    assert (job.status, job.attempts, job.touchpoint_ids) == ("succeeded", 1, [touchpoint_id])
    assert _runs(db, touchpoint_id) == 1


def test_a_transient_error_requeues_the_job_and_is_raised_for_a_retry(
        db: Database, isolated_data_dir: Path, llm_server: FakeOpenAIServer) -> None:
    llm_server.script(failure(503), reply(english_answer()))
    settings = _llm(llm_server, db, isolated_data_dir)
    job_id, touchpoint_id = _stored_job(db)
    with pytest.raises(ProviderUnavailableError):
        stages.run_job(db, settings, job_id)
    waiting = _job(db, job_id)
    assert waiting.status == "queued" and "503" in (waiting.error or "")
    stages.run_job(db, settings, job_id)  # the retry
    done = _job(db, job_id)
    assert (done.status, done.attempts, done.error) == ("succeeded", 2, None)
    assert _runs(db, touchpoint_id) == 1


def test_the_in_process_runner_retries_then_dead_letters(
        db: Database, isolated_data_dir: Path, llm_server: FakeOpenAIServer) -> None:
    llm_server.script(failure(503))
    settings = _llm(llm_server, db, isolated_data_dir, job_max_retries=2)
    job_id, touchpoint_id = _stored_job(db)
    runner = InProcessQueue(db, settings)
    runner.submit(_job(db, job_id))
    runner.wait(job_id, timeout=60)
    runner.close()
    job = _job(db, job_id)
    assert (job.status, job.attempts) == ("failed", 3)
    assert job.error and job.error.startswith("gave up after retries")
    assert len(llm_server.requests) == 3
    with db.session() as session:
        dead = store.list_jobs(session, tenant_id="default", status="failed")
        touchpoint = repository.get_touchpoint(session, tenant_id="default",
                                               touchpoint_id=touchpoint_id)
    assert [j.id for j in dead] == [job_id]
    assert touchpoint.status != "failed"  # a provider outage says nothing about the source


def test_a_permanent_error_fails_at_once_without_retrying(
        db: Database, isolated_data_dir: Path, llm_server: FakeOpenAIServer) -> None:
    llm_server.script(failure(401, "invalid api key"))
    settings = _llm(llm_server, db, isolated_data_dir, job_max_retries=3)
    job_id, touchpoint_id = _stored_job(db)
    runner = InProcessQueue(db, settings)
    runner.submit(_job(db, job_id))
    runner.wait(job_id, timeout=60)
    runner.close()
    job = _job(db, job_id)
    assert (job.status, job.attempts) == ("failed", 1)
    assert "rejected the API key" in (job.error or "")
    assert len(llm_server.requests) == 1
    with db.session() as session:
        touchpoint = repository.get_touchpoint(session, tenant_id="default",
                                               touchpoint_id=touchpoint_id)
    assert touchpoint.status == "failed" and "extract:" in (touchpoint.error or "")


def test_an_unknown_job_kind_fails_with_a_message_naming_it(db: Database,
                                                            isolated_data_dir: Path) -> None:
    with db.session() as session:
        job = store.create_job(session, tenant_id="default", kind="teleport", params={})
    stages.run_job(db, _settings(db, isolated_data_dir), job.id)
    failed = _job(db, job.id)
    assert failed.status == "failed" and "teleport" in (failed.error or "")
