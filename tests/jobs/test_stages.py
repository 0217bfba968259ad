"""Jobs run through the pipeline's stages: idempotent, transient errors retried with backoff
then dead-lettered, other errors failed at once. The in-process runner is the one under test;
the Celery worker runs the same `run_task` (tests/jobs/test_celery_worker.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_openai_server import FakeOpenAIServer, failure, reply
from llm_fixtures import english_answer, english_touchpoint

from assistant.config import Settings, load_settings
from assistant.errors import ProviderUnavailableError
from assistant.jobs import stages, store
from assistant.jobs.queue import InProcessQueue
from assistant.pipeline import SourceOptions, receive
from assistant.storage import chunks as chunk_store
from assistant.storage import repository, sources
from assistant.storage.db import Database

EMAIL = b"""From: Maya Patel <maya@northwind.example>
To: Dana Reyes <dana@vendor.example>
Subject: Pricing
Date: Mon, 02 Mar 2026 10:00:00 -0500
Message-ID: <jobs-1@northwind.example>

We are using Salesforce today. Could you send the revised quote by Friday?
"""


def _settings(db: Database, data_dir: Path, **overrides: object) -> Settings:
    return load_settings(database_url=db.engine.url.render_as_string(hide_password=False),
                         data_dir=data_dir, vendor_domains=["vendor.example"], **overrides)


def _llm(server: FakeOpenAIServer, db: Database, data_dir: Path, **overrides: object
         ) -> Settings:
    return _settings(db, data_dir, extractor="llm", llm_base_url=server.base_url,
                     openai_api_key="sk-test", llm_max_retries=0, llm_timeout_s=5,
                     **overrides)


def _reextract_job(db: Database, *, extractor: str | None = None) -> tuple[str, str]:
    touchpoint = english_touchpoint().model_copy(update={"status": "extracted"})
    with db.session() as session:
        repository.save_touchpoint(session, touchpoint)
        job = store.create_job(session, tenant_id=touchpoint.tenant_id, kind="extract",
                               params={"touchpoint_id": touchpoint.id, "extractor": extractor})
    return job.id, touchpoint.id


def _job(db: Database, job_id: str) -> store.Job:
    with db.session() as session:
        return store.job_by_id(session, job_id=job_id)


def _runs(db: Database, touchpoint_id: str, tenant: str = "default") -> int:
    with db.session() as session:
        return len(repository.list_insight_runs(session, tenant_id=tenant,
                                                touchpoint_id=touchpoint_id))


def _run(db: Database, settings: Settings, job_id: str) -> store.Job:
    runner = InProcessQueue(db, settings)
    try:
        runner.submit(_job(db, job_id))
        return runner.wait(job_id, timeout=120)
    finally:
        runner.close()


def test_an_ingest_job_parses_and_extracts_and_a_redelivery_adds_nothing(
        db: Database, isolated_data_dir: Path) -> None:
    settings = _settings(db, isolated_data_dir)
    received = receive(db, tenant_id="acme", content=EMAIL, uri="api:mail.eml",
                       options=SourceOptions(), max_bytes=settings.max_upload_bytes)
    with db.session() as session:
        source = sources.get_source(session, tenant_id="acme", source_id=received.source_id)
        sources.finish_stage(session, source, stage="received")  # the API lets go of it
        job = store.create_job(session, tenant_id="acme", kind="ingest",
                               params={"source_ids": [received.source_id]})
    done = _run(db, settings, job.id)
    assert done.status == "succeeded" and len(done.touchpoint_ids) == 1
    touchpoint_id = done.touchpoint_ids[0]
    assert _runs(db, touchpoint_id, "acme") == 1
    for stage, ids in [("parse", {"source_id": received.source_id}),
                       ("extract", {"touchpoint_id": touchpoint_id})]:
        stages.run_task(db, stages.Runtimes(settings), job_id=job.id, stage=stage, ids=ids,
                        send=lambda *_: pytest.fail("a finished job queued more work"))
    with db.session() as session:
        assert len(repository.list_touchpoints(session, tenant_id="acme")) == 1
        assert sources.get_source(session, tenant_id="acme",
                                  source_id=received.source_id).stage == "done"
    assert _runs(db, touchpoint_id, "acme") == 1 and _job(db, job.id).attempts == 2


def test_an_ingest_job_indexes_each_touchpoint_and_a_redelivered_index_task_adds_nothing(
        db: Database, isolated_data_dir: Path) -> None:
    settings = _settings(db, isolated_data_dir, index_on_ingest=True)
    with db.session() as session:
        job, is_final = stages.accept_sources(
            session, tenant_id="acme", received=[(EMAIL, "api:mail.eml")],
            options=SourceOptions(), max_bytes=settings.max_upload_bytes, max_queue_depth=10)
    assert not is_final
    done = _run(db, settings, job.id)
    assert done.status == "succeeded" and done.error is None
    (touchpoint_id,) = done.touchpoint_ids
    with db.session() as session:
        indexed = chunk_store.chunk_signature(session, tenant_id="acme",
                                              touchpoint_id=touchpoint_id)
    assert indexed
    stages.run_task(db, stages.Runtimes(settings), job_id=job.id, stage="index",
                    ids={"touchpoint_id": touchpoint_id}, send=lambda *_: pytest.fail("more"))
    with db.session() as session:
        assert chunk_store.chunk_signature(session, tenant_id="acme",
                                           touchpoint_id=touchpoint_id) == indexed
    assert _job(db, job.id).status == "succeeded"


def test_a_source_that_cannot_be_parsed_fails_the_job_with_the_reason(
        db: Database, isolated_data_dir: Path) -> None:
    settings = _settings(db, isolated_data_dir)
    received = receive(db, tenant_id="acme", content=b"From: nobody\n\n",
                       uri="api:broken.eml", options=SourceOptions(),
                       max_bytes=settings.max_upload_bytes)
    with db.session() as session:
        source = sources.get_source(session, tenant_id="acme", source_id=received.source_id)
        sources.finish_stage(session, source, stage="received")
        job = store.create_job(session, tenant_id="acme", kind="ingest",
                               params={"source_ids": [received.source_id]})
    failed = _run(db, settings, job.id)
    assert failed.status == "failed" and "broken.eml" in (failed.error or "")
    assert failed.attempts == 1


def test_a_reextract_job_adds_one_run_once(db: Database, isolated_data_dir: Path) -> None:
    settings = _settings(db, isolated_data_dir)
    job_id, touchpoint_id = _reextract_job(db, extractor="rules")
    done = _run(db, settings, job_id)
    assert (done.status, done.attempts, done.touchpoint_ids) == ("succeeded", 1, [touchpoint_id])
    stages.run_task(db, stages.Runtimes(settings), job_id=job_id, stage="extract", ids={},
                    send=lambda *_: None)  # a redelivery
    assert _runs(db, touchpoint_id) == 1


def test_a_transient_error_requeues_the_job_and_is_raised_for_a_retry(
        db: Database, isolated_data_dir: Path, llm_server: FakeOpenAIServer) -> None:
    llm_server.script(failure(503), reply(english_answer()))
    settings = _llm(llm_server, db, isolated_data_dir)
    job_id, touchpoint_id = _reextract_job(db)
    runtimes = stages.Runtimes(settings)
    with pytest.raises(ProviderUnavailableError):
        stages.run_task(db, runtimes, job_id=job_id, stage="extract", ids={},
                        send=lambda *_: None)
    waiting = _job(db, job_id)
    assert waiting.status == "queued" and "503" in (waiting.error or "")
    stages.run_task(db, runtimes, job_id=job_id, stage="extract", ids={}, send=lambda *_: None)
    done = _job(db, job_id)
    assert (done.status, done.attempts, done.error) == ("succeeded", 2, None)
    assert _runs(db, touchpoint_id) == 1


def test_the_in_process_runner_retries_then_dead_letters(
        db: Database, isolated_data_dir: Path, llm_server: FakeOpenAIServer) -> None:
    llm_server.script(failure(503))
    settings = _llm(llm_server, db, isolated_data_dir, job_max_retries=2)
    job_id, touchpoint_id = _reextract_job(db)
    job = _run(db, settings, job_id)
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
    job_id, touchpoint_id = _reextract_job(db)
    job = _run(db, settings, job_id)
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
    failed = _run(db, _settings(db, isolated_data_dir), job.id)
    assert failed.status == "failed" and "teleport" in (failed.error or "")
