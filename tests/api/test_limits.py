"""Size limits on a real server: a 2 GB upload is refused with 413 from its headers, before the
body is read; a body without a length is cut off at the limit."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

from api import create_app
from tests.api.conftest import Seeded, api_settings
from tests.api.server import running

TWO_GB = 2 * 1024**3


def _status_and_body(response: bytes) -> tuple[int, bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def test_a_2_gb_upload_is_refused_from_its_headers_without_reading_it(
        db_url: str, isolated_data_dir: Path, tenants: dict[str, Seeded]) -> None:
    settings = api_settings(db_url, isolated_data_dir)
    with running(create_app(settings)) as base:
        url = urlparse(base)
        sent = 0
        started = time.monotonic()
        with socket.create_connection((url.hostname, url.port), timeout=10) as conn:
            conn.sendall(
                b"POST /v1/touchpoints/upload HTTP/1.1\r\nHost: localhost\r\n"
                + f"Authorization: Bearer {tenants['acme'].keys['admin']}\r\n".encode()
                + b"Content-Type: multipart/form-data; boundary=b\r\n"
                + f"Content-Length: {TWO_GB}\r\n\r\n".encode())
            conn.sendall(b"\0" * 65536)
            sent += 65536
            response = b""
            while b"\r\n\r\n" not in response or not response.rstrip().endswith(b"}"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                response += chunk
        status, body = _status_and_body(response)
    assert status == 413
    assert b"over the limit" in body and b"TOUCHPOINT_MAX_UPLOAD_BYTES" in body
    assert sent < TWO_GB // 1000 and time.monotonic() - started < 10


def test_a_body_without_a_length_is_cut_off_at_the_limit(
        db_url: str, isolated_data_dir: Path, tenants: dict[str, Seeded]) -> None:
    settings = api_settings(db_url, isolated_data_dir, max_request_bytes=100_000)

    def chunks():
        yield b'{"events": ['
        for _ in range(200):
            yield b'{"kind": "page_viewed", "occurred_at": "2026-03-01T00:00:00Z"},' * 20

    with running(create_app(settings)) as base:
        answer = httpx.post(f"{base}/v1/events", content=chunks(), timeout=30,
                            headers={**tenants["acme"].auth("admin"),
                                     "Content-Type": "application/json"})
    assert answer.status_code == 413
    assert answer.headers["content-type"] == "application/problem+json"
    assert "100,000" in answer.json()["detail"]


def test_json_routes_have_the_smaller_request_limit(
        db_url: str, isolated_data_dir: Path, tenants: dict[str, Seeded]) -> None:
    from fastapi.testclient import TestClient

    settings = api_settings(db_url, isolated_data_dir, max_request_bytes=1000)
    with TestClient(create_app(settings)) as client:
        big = client.post("/v1/events", content=b"x" * 5000,
                          headers={**tenants["acme"].auth("admin"),
                                   "Content-Type": "application/json"})
        small = client.post("/v1/events", json={"events": [
            {"kind": "page_viewed", "occurred_at": "2026-03-01T00:00:00Z",
             "email": "maya.patel@northwind.example"}]}, headers=tenants["acme"].auth("admin"))
    assert big.status_code == 413
    assert small.status_code == 200 and small.json() == {"stored": 1, "skipped_duplicates": 0}
