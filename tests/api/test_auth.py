"""Keys on every route but health: 401 without one, 403 for a role that may not, 429 over the
rate limit; errors are problem+json naming the fix."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from api import create_app
from assistant.storage import api_keys
from tests.api.conftest import Seeded, api_settings


def test_health_needs_no_key_and_everything_else_does(client: TestClient,
                                                       tenants: dict[str, Seeded]) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    answer = client.get("/v1/touchpoints")
    assert answer.status_code == 401
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers["www-authenticate"] == "Bearer"
    problem = answer.json()
    assert problem["status"] == 401 and "touchpoint keys create" in problem["detail"]


def test_a_malformed_or_unknown_or_revoked_key_is_refused(client: TestClient, database,
                                                          tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    assert client.get("/v1/touchpoints", headers={"Authorization": "Bearer nope"}
                      ).status_code == 401
    forged = acme.keys["admin"][:-4] + "AAAA"
    assert client.get("/v1/touchpoints", headers={"Authorization": f"Bearer {forged}"}
                      ).status_code == 401
    assert client.get("/v1/touchpoints", headers=acme.auth("admin")).status_code == 200
    with database.session() as session:
        api_keys.revoke_key(session, key_id=acme.key_ids["admin"])
    refused = client.get("/v1/touchpoints", headers=acme.auth("admin"))
    assert refused.status_code == 401 and "revoked" in refused.json()["detail"]


def test_keys_are_stored_hashed(database, tenants: dict[str, Seeded]) -> None:
    from sqlalchemy import select

    from assistant.storage.api_rows import ApiKeyRow

    with database.session() as session:
        stored = {r.key_hash for r in session.scalars(select(ApiKeyRow))}
    secrets = {k for seeded in tenants.values() for k in seeded.keys.values()}
    assert stored == {hashlib.sha256(k.encode()).hexdigest() for k in secrets}
    assert not any(k.split("_", 2)[2] in h for h in stored for k in secrets)


def test_roles_that_may_not_act_get_403_naming_the_role_needed(
        client: TestClient, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    contact = acme.contacts["Maya Patel"]
    for role in ("rep", "service", "evaluator"):
        answer = client.delete(f"/v1/contacts/{contact}", headers=acme.auth(role))
        assert answer.status_code == 403, role
        assert "admin" in answer.json()["detail"]
    assert client.get("/v1/keys", headers=acme.auth("rep")).status_code == 403
    evaluator = client.post(f"/v1/touchpoints/{acme.touchpoints['north_email']}/extract",
                            headers=acme.auth("evaluator"))
    assert evaluator.status_code == 403


def test_a_key_over_its_rate_limit_gets_429_with_retry_after(
        db_url: str, isolated_data_dir: Path, tenants: dict[str, Seeded]) -> None:
    settings = api_settings(db_url, isolated_data_dir, api_rate_limit="3/minute")
    acme = tenants["acme"]
    with TestClient(create_app(settings)) as client:
        codes = [client.get("/v1/touchpoints", headers=acme.auth("admin")).status_code
                 for _ in range(4)]
        other = client.get("/v1/touchpoints", headers=acme.auth("evaluator"))
        last = client.get("/v1/touchpoints", headers=acme.auth("admin"))
    assert codes == [200, 200, 200, 429]
    assert other.status_code == 200  # the budget is per key
    assert last.status_code == 429 and int(last.headers["retry-after"]) >= 1
    assert "rate limit" in last.json()["detail"]


def test_a_key_revoked_by_another_process_stops_working_within_the_cache_time(
        db_url: str, isolated_data_dir: Path, database, tenants: dict[str, Seeded]) -> None:
    """Another process's revocation is only a row update here: this process's memory of the
    key is not cleared, so the key keeps working until TOUCHPOINT_API_KEY_CACHE_S ends."""
    import time

    from sqlalchemy import update

    from assistant.storage.api_rows import ApiKeyRow

    api_keys.forget_verified_keys()
    settings = api_settings(db_url, isolated_data_dir, api_key_cache_s=2.0)
    acme = tenants["acme"]
    with TestClient(create_app(settings)) as client:
        assert client.get("/v1/touchpoints", headers=acme.auth("admin")).status_code == 200
        verified_by = time.monotonic()  # the key was remembered before this response returned
        with database.session() as session:  # as `touchpoint keys revoke` in another process
            session.execute(update(ApiKeyRow).where(ApiKeyRow.id == acme.key_ids["admin"])
                            .values(revoked_at=datetime.now(UTC)))
        assert client.get("/v1/touchpoints", headers=acme.auth("admin")).status_code == 200
        time.sleep(max(0.0, 2.2 - (time.monotonic() - verified_by)))
        assert client.get("/v1/touchpoints", headers=acme.auth("admin")).status_code == 401
    api_keys.forget_verified_keys()
    uncached = api_settings(db_url, isolated_data_dir, api_key_cache_s=0)
    with TestClient(create_app(uncached)) as client:  # 0: every request looks its key up
        assert client.get("/v1/touchpoints", headers=acme.auth("evaluator")).status_code == 200
        with database.session() as session:
            session.execute(update(ApiKeyRow).where(ApiKeyRow.id == acme.key_ids["evaluator"])
                            .values(revoked_at=datetime.now(UTC)))
        assert client.get("/v1/touchpoints", headers=acme.auth("evaluator")).status_code == 401
