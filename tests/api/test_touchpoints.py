"""GET /v1/touchpoints (filters, cursor pagination), GET one with insights and evidence,
POST .../extract as a job (202, Location, status), earlier runs kept."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from assistant.jobs.queue import InProcessQueue
from assistant.storage import repository
from tests.api.conftest import Seeded
from tests.storage.factories import SHANGHAI, make_touchpoint


def _walk(client: TestClient, headers: dict[str, str], **params: object) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor = None
    while True:
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        body = client.get("/v1/touchpoints", params=query, headers=headers).json()
        pages.append([t["id"] for t in body["touchpoints"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


def test_cursor_pages_cover_every_touchpoint_once_newest_first(
        client: TestClient, database, tenants: dict[str, Seeded]) -> None:
    base = datetime(2026, 2, 1, 9, 0, tzinfo=SHANGHAI)
    with database.session() as session:
        for i in range(23):  # pairs share a time: the id breaks the tie
            repository.save_touchpoint(session, make_touchpoint(
                tenant_id="acme", fingerprint=f"page-{i}",
                occurred_at=base + timedelta(hours=i // 2)))
    pages = _walk(client, tenants["acme"].auth("admin"), limit=7)
    flat = [i for page in pages for i in page]
    assert [len(p) for p in pages] == [7, 7, 7, 5]
    assert len(flat) == len(set(flat)) == 26
    with database.session() as session:
        expected = [t.id for t in repository.list_touchpoints(session, tenant_id="acme")]
    assert flat == expected


def test_filters_narrow_the_list(client: TestClient, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    headers = acme.auth("admin")

    def ids(**params: str) -> set[str]:
        body = client.get("/v1/touchpoints", params=params, headers=headers).json()
        return {t["id"] for t in body["touchpoints"]}

    tps = acme.touchpoints
    assert ids(channel="ticket") == {tps["ticket"]}
    assert ids(account_id="acc-cobalt") == {tps["cobalt_email"]}
    assert ids(contact_id=acme.contacts["Maya Patel"]) == {tps["north_email"], tps["ticket"]}
    assert ids(since="2026-03-03T00:00:00Z") == {tps["cobalt_email"], tps["ticket"]}
    assert ids(until="2026-03-03T00:00:00Z") == {tps["north_email"]}
    bad = client.get("/v1/touchpoints", params={"channel": "fax"}, headers=headers)
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    cursor = client.get("/v1/touchpoints", params={"cursor": "garbage!"}, headers=headers)
    assert cursor.status_code == 400 and "next_cursor" in cursor.json()["detail"]


def test_one_touchpoint_comes_with_insights_whose_evidence_points_into_its_text(
        client: TestClient, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    body = client.get(f"/v1/touchpoints/{acme.touchpoints['north_email']}",
                      headers=acme.auth("admin")).json()
    text = body["touchpoint"]["text"]
    assert body["runs"] == 1
    steps = body["insights"]["next_steps"]
    assert steps and steps[0]["due"] == "2026-03-06"
    for item in [*steps, *body["insights"]["competitors"]]:
        ev = item["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"] and ev["status"] == "exact"


def test_extract_again_is_a_job_and_keeps_the_earlier_run(
        client: TestClient, queue: InProcessQueue, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    tp = acme.touchpoints["cobalt_email"]
    accepted = client.post(f"/v1/touchpoints/{tp}/extract", json={"extractor": "rules"},
                           headers=acme.auth("admin"))
    assert accepted.status_code == 202
    job_id = accepted.json()["job_id"]
    assert accepted.headers["location"] == f"/v1/jobs/{job_id}"
    queue.wait(job_id, timeout=60)
    job = client.get(accepted.headers["location"], headers=acme.auth("evaluator")).json()
    assert job["status"] == "succeeded" and job["touchpoint_ids"] == [tp]
    assert job["attempts"] == 1 and job["error"] is None
    detail = client.get(f"/v1/touchpoints/{tp}", headers=acme.auth("admin")).json()
    assert detail["runs"] == 2
    assert client.get("/v1/jobs/job_nope", headers=acme.auth("admin")).status_code == 404


@pytest.mark.parametrize("extractor", ["combined", "learned"])
def test_extract_again_runs_the_learned_extractors_by_name(
        client: TestClient, queue: InProcessQueue, tenants: dict[str, Seeded],
        extractor: str) -> None:
    acme = tenants["acme"]
    tp = acme.touchpoints["north_email"]
    accepted = client.post(f"/v1/touchpoints/{tp}/extract", json={"extractor": extractor},
                           headers=acme.auth("admin"))
    assert accepted.status_code == 202
    queue.wait(accepted.json()["job_id"], timeout=60)
    detail = client.get(f"/v1/touchpoints/{tp}", headers=acme.auth("admin")).json()
    assert detail["runs"] == 2 and detail["insights"]["provenance"]["extractor"] == extractor
    unknown = client.post(f"/v1/touchpoints/{tp}/extract", json={"extractor": "regex"},
                          headers=acme.auth("admin"))
    assert unknown.status_code == 422


def test_a_full_queue_answers_429_with_retry_after(
        client: TestClient, database, tenants: dict[str, Seeded]) -> None:
    from assistant.jobs import store

    state = client.app.state.touchpoint  # type: ignore[attr-defined]
    with database.session() as session:
        for _ in range(state.settings.max_queue_depth):
            store.create_job(session, tenant_id="globex", kind="extract", params={})
    acme = tenants["acme"]
    refused = client.post(f"/v1/touchpoints/{acme.touchpoints['ticket']}/extract",
                          headers=acme.auth("admin"))
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert "queued" in refused.json()["detail"]
