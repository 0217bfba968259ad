"""/healthz, /readyz (database and broker) and /metrics on the real app."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api import create_app
from tests.api.conftest import Seeded, api_settings
from tests.api.server import free_port
from tests.conftest import require_service


def test_ready_without_a_broker_says_jobs_run_in_process(client: TestClient) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json()["checks"] == {"database": "ok", "broker": "none (jobs run in-process)"}


def test_ready_checks_a_configured_broker(db_url: str, isolated_data_dir: Path) -> None:
    require_service("redis", "127.0.0.1", 6379)
    up = api_settings(db_url, isolated_data_dir, broker_url="redis://127.0.0.1:6379/15")
    with TestClient(create_app(up)) as client:
        assert client.get("/readyz").json()["checks"]["broker"] == "ok"
    down = api_settings(db_url, isolated_data_dir,
                        broker_url=f"redis://127.0.0.1:{free_port()}/0")
    with TestClient(create_app(down)) as client:
        answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["checks"]["broker"].startswith("unreachable")
    assert "TOUCHPOINT_BROKER_URL" in answer.json()["detail"]


def test_metrics_count_requests_by_route_template_and_read_job_gauges(
        client: TestClient, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    tp = acme.touchpoints["ticket"]
    for _ in range(3):
        client.get(f"/v1/touchpoints/{tp}", headers=acme.auth("admin"))
    client.get("/v1/touchpoints/tp_missing", headers=acme.auth("admin"))
    text = client.get("/metrics").text
    assert ('touchpoint_http_requests_total{method="GET",route="/v1/touchpoints/{touchpoint_id}"'
            ',status="200"} 3.0') in text
    assert 'route="/v1/touchpoints/{touchpoint_id}",status="404"} 1.0' in text
    assert tp not in text  # ids never become label values
    assert "touchpoint_http_request_duration_seconds_bucket" in text
    assert "touchpoint_job_queue_depth 0.0" in text
    assert "touchpoint_extraction_failures 0.0" in text


def test_openapi_is_served_and_lists_the_v1_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/v1/touchpoints", "/v1/touchpoints/{touchpoint_id}", "/v1/jobs/{job_id}",
            "/v1/events", "/v1/accounts:import", "/v1/contacts/{contact_id}",
            "/healthz", "/readyz", "/metrics"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200
