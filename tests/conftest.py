"""Shared fixtures: every test gets its own data directory; service fixtures skip or fail."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REQUIRE_SERVICES = os.environ.get("TOUCHPOINT_REQUIRE_SERVICES") == "1"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data directory at tmp_path so no test touches the user's files."""
    data_dir = tmp_path / "touchpoint-data"
    monkeypatch.setenv("TOUCHPOINT_DATA_DIR", str(data_dir))
    for name in ("TOUCHPOINT_DATABASE_URL", "TOUCHPOINT_BROKER_URL", "TOUCHPOINT_CONFIG",
                 "TOUCHPOINT_LLM_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return data_dir


@pytest.fixture
def data_path() -> Path:
    return DATA


def service_available(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Skip when a service is absent, or fail when CI requires it (TOUCHPOINT_REQUIRE_SERVICES=1)."""
    if service_available(host, port):
        return
    message = f"{name} is not reachable on {host}:{port}"
    if REQUIRE_SERVICES:
        pytest.fail(message + " and TOUCHPOINT_REQUIRE_SERVICES=1")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def fresh_llm_breakers() -> None:
    """Every test starts with closed breakers: a port one test found dead may serve the next."""
    from extractors.llm.breaker import clear_breakers

    clear_breakers()
