"""POST /v1/touchpoints and /v1/touchpoints/upload: 202 + job + Location, the job's status and
touchpoints, duplicates answered with the existing touchpoint, content types checked."""

from __future__ import annotations

from fastapi.testclient import TestClient

from assistant.jobs.queue import InProcessQueue
from tests.api.conftest import COBALT_EMAIL, Seeded

NEW_EMAIL = COBALT_EMAIL.replace("cobalt-1@", "cobalt-2@").replace(
    "Subject: Renewal", "Subject: Renewal, part two")


def _finish(client: TestClient, queue: InProcessQueue, accepted, headers) -> dict:
    assert accepted.status_code == 202, accepted.text
    assert accepted.headers["location"] == f"/v1/jobs/{accepted.json()['job_id']}"
    queue.wait(accepted.json()["job_id"], timeout=120)
    return client.get(accepted.headers["location"], headers=headers).json()


def test_an_uploaded_email_becomes_a_touchpoint_through_a_job(
        client: TestClient, queue: InProcessQueue, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    headers = acme.auth("admin")
    accepted = client.post("/v1/touchpoints/upload", headers=headers,
                           files=[("file", ("renewal.eml", NEW_EMAIL.encode(), "message/rfc822"))])
    job = _finish(client, queue, accepted, headers)
    assert job["status"] == "succeeded" and len(job["touchpoint_ids"]) == 1
    touchpoint = client.get(f"/v1/touchpoints/{job['touchpoint_ids'][0]}", headers=headers).json()
    assert touchpoint["touchpoint"]["subject"] == "Renewal, part two"
    assert touchpoint["touchpoint"]["account_id"] == "acc-cobalt"
    assert touchpoint["insights"]["competitors"][0]["name"] == "HubSpot"

    again = client.post("/v1/touchpoints/upload", headers=headers,
                        files=[("file", ("copy.eml", NEW_EMAIL.encode(), "message/rfc822"))])
    assert again.status_code == 200
    assert again.json()["touchpoint_ids"] == job["touchpoint_ids"]
    assert again.headers["location"] == f"/v1/touchpoints/{job['touchpoint_ids'][0]}"
    assert len(client.get("/v1/touchpoints", headers=headers).json()["touchpoints"]) == 4


def test_json_sources_of_each_kind_are_ingested(client: TestClient, queue: InProcessQueue,
                                                tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    headers = acme.auth("rep")
    bodies = [
        {"kind": "email", "raw": NEW_EMAIL},
        {"kind": "chat", "timezone": "America/New_York", "account_id": "acc-north",
         "messages": [{"time": "2026-03-05 10:00", "sender": "Maya Patel",
                       "email": "maya.patel@northwind.example",
                       "text": "Can we move the rollout to April?"},
                      {"time": "2026-03-05 10:02", "sender": "Dana", "role": "rep",
                       "text": "Yes, I will send the new plan tomorrow."}]},
        {"kind": "transcript", "channel": "meeting", "subject": "QBR",
         "occurred_at": "2026-03-06T15:00:00-05:00", "account_id": "acc-north",
         "participants": [{"name": "Dana", "role": "rep"}],
         "text": "Dana: Thanks for joining.\nMaya: We are evaluating Zoho as well."},
        {"kind": "ticket", "ticket": {"id": 9, "subject": "Export broken", "status": "open",
                                      "created_at": "2026-03-07T09:00:00Z",
                                      "requester": {"name": "Maya Patel",
                                                    "email": "maya.patel@northwind.example"},
                                      "comments": [{"author": {"name": "Maya Patel",
                                                               "email": "maya.patel@northwind.example",
                                                               "role": "end-user"},
                                                    "created_at": "2026-03-07T09:00:00Z",
                                                    "body": "CSV export fails every time."}]}},
    ]
    channels = []
    for body in bodies:
        job = _finish(client, queue, client.post("/v1/touchpoints", json=body,
                                                 headers=acme.auth("admin")), headers)
        assert job["status"] == "succeeded", job
        tp = client.get(f"/v1/touchpoints/{job['touchpoint_ids'][0]}",
                        headers=acme.auth("admin")).json()["touchpoint"]
        channels.append(tp["channel"])
    assert channels == ["email", "chat", "meeting", "ticket"]


def test_bad_uploads_are_refused_with_the_reason(client: TestClient, queue: InProcessQueue,
                                                 tenants: dict[str, Seeded]) -> None:
    headers = tenants["acme"].auth("admin")
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    image = client.post("/v1/touchpoints/upload", headers=headers,
                        files=[("file", ("call.wav", png, "audio/wav"))])
    assert image.status_code == 415 and "image/png" in image.json()["detail"]
    fake_audio = client.post("/v1/touchpoints/upload", headers=headers,
                             files=[("file", ("call.wav", b"hello there", "audio/wav"))])
    assert fake_audio.status_code == 415 and "call.wav" in fake_audio.json()["detail"]
    unreadable = client.post("/v1/touchpoints/upload", headers=headers,
                             files=[("file", ("notes.docx", b"plain words", "text/plain"))])
    assert unreadable.status_code == 400 and "unsupported file type" in unreadable.json()["detail"]
    broken = client.post("/v1/touchpoints", headers=headers,
                         json={"kind": "transcript", "text": "no speaker here"})
    job = _finish(client, queue, broken, headers)
    assert job["status"] == "failed" and "Speaker" in job["error"]
    assert client.post("/v1/touchpoints", headers=tenants["acme"].auth("evaluator"),
                       json={"kind": "email", "raw": NEW_EMAIL}).status_code == 403
    foreign = client.post("/v1/touchpoints", headers=headers, json={
        "kind": "email", "raw": NEW_EMAIL, "account_id": "acc-nowhere"})
    assert foreign.status_code == 404
