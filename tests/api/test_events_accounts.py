"""POST /v1/events and POST /v1/accounts:import through the same functions as the CLI."""

from __future__ import annotations

from fastapi.testclient import TestClient

from assistant.storage import repository
from tests.api.conftest import Seeded

CSV = """account_id,account_name,domains,owner,deal_value,contact_name,contact_email
acc-initech,Initech,initech.example,dana@vendor.example,9000,Peter Gibbons,peter@initech.example
acc-initech,Initech,initech.example,dana@vendor.example,9000,Bill Lumbergh,bill@initech.example
"""


def test_events_attach_to_contacts_and_accounts_and_reposting_adds_nothing(
        client: TestClient, database, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    events = {"events": [
        {"kind": "page_viewed", "occurred_at": "2026-03-01T10:00:00+08:00",
         "email": "maya.patel@northwind.example", "properties": {"url": "/pricing"}},
        {"kind": "trial_started", "occurred_at": "2026-03-02T10:00:00Z",
         "account_domain": "cobalt.example"}]}
    first = client.post("/v1/events", json=events, headers=acme.auth("rep"))
    assert first.json() == {"stored": 2, "skipped_duplicates": 0}
    again = client.post("/v1/events", json=events, headers=acme.auth("admin"))
    assert again.json() == {"stored": 0, "skipped_duplicates": 2}
    with database.session() as session:
        stored = repository.list_events(session, tenant_id="acme")
        assert repository.list_events(session, tenant_id="globex") == []
    assert [(e.contact_id, e.account_id) for e in stored] == [
        (acme.contacts["Maya Patel"], "acc-north"), (None, "acc-cobalt")]
    assert client.post("/v1/events", json=events, headers=acme.auth("evaluator")
                       ).status_code == 403
    invalid = client.post("/v1/events", json={"events": [{"kind": "x"}]},
                          headers=acme.auth("admin"))
    assert invalid.status_code == 422 and "occurred_at" in invalid.json()["detail"]


def test_accounts_import_takes_csv_and_json_and_updates_in_place(
        client: TestClient, database, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    headers = {**acme.auth("admin"), "Content-Type": "text/csv"}
    first = client.post("/v1/accounts:import", content=CSV, headers=headers).json()
    assert first == {"accounts": 1, "contacts": 2, "errors": []}
    client.post("/v1/accounts:import", content=CSV, headers=headers)
    updated = client.post("/v1/accounts:import", headers=acme.auth("admin"), json={
        "accounts": [{"id": "acc-initech", "name": "Initech Corp", "domains": ["initech.example"],
                      "deal_value": 12000}]}).json()
    assert updated["accounts"] == 1
    with database.session() as session:
        contacts = repository.list_contacts(session, tenant_id="acme", account_id="acc-initech")
        account = repository.get_account(session, tenant_id="acme", account_id="acc-initech")
        assert repository.list_contacts(session, tenant_id="globex",
                                        account_id="acc-initech") == []
    assert len(contacts) == 2 and (account.name, account.deal_value) == ("Initech Corp", 12000)
    wrong = client.post("/v1/accounts:import", content=b"<xml/>",
                        headers={**acme.auth("admin"), "Content-Type": "application/xml"})
    assert wrong.status_code == 400 and "text/csv" in wrong.json()["detail"]
    assert client.post("/v1/accounts:import", content=CSV,
                       headers={**acme.auth("rep"), "Content-Type": "text/csv"}
                       ).status_code == 403
