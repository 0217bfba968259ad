"""A key of tenant A never sees tenant B's rows, by any route: B's ids answer 404 (as if they
did not exist), lists never hold them, and nothing of B changes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.jobs import store
from assistant.models import Account
from assistant.storage import repository
from tests.api.conftest import Seeded

ROLES = ("admin", "rep", "service", "evaluator")


@pytest.fixture
def foreign(database, tenants: dict[str, Seeded]) -> dict[str, str]:
    """Ids that exist only in globex."""
    globex = tenants["globex"]
    with database.session() as session:
        repository.upsert_account(session, Account(id="acc-globex-only", tenant_id="globex",
                                                   name="Globex Only", owner="dana@vendor.example"))
        job = store.create_job(session, tenant_id="globex", kind="extract",
                               params={"touchpoint_id": globex.touchpoints["ticket"]})
    return {"touchpoint": globex.touchpoints["ticket"], "email": globex.touchpoints["north_email"],
            "contact": globex.contacts["Maya Patel"], "account": "acc-globex-only",
            "job": job.id, "key": globex.key_ids["evaluator"]}


def _routes(ids: dict[str, str]) -> list[tuple[str, str, dict | None]]:
    return [
        ("GET", f"/v1/touchpoints/{ids['touchpoint']}", None),
        ("GET", f"/v1/touchpoints/{ids['email']}", None),
        ("POST", f"/v1/touchpoints/{ids['touchpoint']}/extract", {}),
        ("POST", f"/v1/touchpoints/{ids['email']}/extract", {}),
        ("GET", f"/v1/jobs/{ids['job']}", None),
        ("GET", f"/v1/accounts/{ids['account']}", None),
        ("DELETE", f"/v1/accounts/{ids['account']}", None),
        ("DELETE", f"/v1/contacts/{ids['contact']}", None),
        ("DELETE", f"/v1/keys/{ids['key']}", None),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_404_for_another_tenants_ids(
        client: TestClient, tenants: dict[str, Seeded], foreign: dict[str, str],
        role: str) -> None:
    acme = tenants["acme"]
    for method, path, body in _routes(foreign):
        answer = client.request(method, path, headers=acme.auth(role), json=body)
        if answer.status_code == 403:  # the role may not use the route at all, whatever the id
            assert "may not" in answer.json()["detail"], (method, path)
            continue
        assert answer.status_code == 404, (role, method, path, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"


def test_lists_never_hold_another_tenants_rows(client: TestClient, tenants: dict[str, Seeded],
                                              foreign: dict[str, str]) -> None:
    acme, globex = tenants["acme"], tenants["globex"]
    globex_ids = set(globex.touchpoints.values())
    for role in ROLES:
        page = client.get("/v1/touchpoints", headers=acme.auth(role)).json()
        assert page["touchpoints"], role
        assert {t["tenant_id"] for t in page["touchpoints"]} == {"acme"}
        assert not {t["id"] for t in page["touchpoints"]} & globex_ids
    filtered = client.get("/v1/touchpoints", params={"account_id": "acc-globex-only"},
                          headers=acme.auth("admin")).json()
    assert filtered["touchpoints"] == []
    by_contact = client.get("/v1/touchpoints", params={"contact_id": foreign["contact"]},
                            headers=acme.auth("admin")).json()
    assert by_contact["touchpoints"] == []
    jobs = client.get("/v1/jobs", headers=acme.auth("admin")).json()
    assert foreign["job"] not in {j["id"] for j in jobs}
    keys = client.get("/v1/keys", headers=acme.auth("admin")).json()
    assert {k["tenant"] for k in keys} == {"acme"}


def test_failed_cross_tenant_writes_change_nothing_in_the_other_tenant(
        client: TestClient, database, tenants: dict[str, Seeded], foreign: dict[str, str]
) -> None:
    acme = tenants["acme"]
    for method, path, body in _routes(foreign):
        client.request(method, path, headers=acme.auth("admin"), json=body)
    with database.session() as session:
        assert repository.get_contact(session, tenant_id="globex",
                                      contact_id=foreign["contact"])
        assert repository.get_account(session, tenant_id="globex", account_id="acc-globex-only")
        assert len(repository.list_touchpoints(session, tenant_id="globex")) == 3
        assert store.list_jobs(session, tenant_id="globex") and len(
            store.list_jobs(session, tenant_id="acme")) == 0
    assert client.get("/v1/keys", headers=tenants["globex"].auth("admin")).json()
    assert all(k["revoked_at"] is None
               for k in client.get("/v1/keys", headers=tenants["globex"].auth("admin")).json())
