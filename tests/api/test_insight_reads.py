"""Briefing, ticket summary, search and suggestions over HTTP: the CLI's service functions,
scoped by tenant and role."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import Seeded

pytestmark = pytest.mark.integration


def test_a_rep_gets_the_briefing_of_an_account_they_own_with_citations(
        client: TestClient, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    answer = client.get("/v1/accounts/acc-north/briefing", params={"agenda": "pricing"},
                        headers=acme.auth("rep"))
    assert answer.status_code == 200, answer.text
    assert "Northwind" in answer.text and acme.touchpoints["north_email"] in answer.text
    assert client.get("/v1/accounts/acc-cobalt/briefing",  # another rep's account
                      headers=acme.auth("rep")).status_code == 404
    assert client.get("/v1/accounts/acc-north/briefing",
                      headers=acme.auth("evaluator")).status_code == 403


def test_a_briefing_for_another_tenants_account_is_not_found(
        client: TestClient, tenants: dict[str, Seeded], database) -> None:
    from assistant.models import Account
    from assistant.storage import repository

    with database.session() as session:
        repository.upsert_account(session, Account(id="acc-globex-only", tenant_id="globex",
                                                   name="Globex Only"))
    answer = client.get("/v1/accounts/acc-globex-only/briefing",
                        headers=tenants["acme"].auth("admin"))
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_the_service_team_gets_a_ticket_summary_and_reps_do_not(
        client: TestClient, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    answer = client.get("/v1/tickets/7001/summary", headers=acme.auth("service"))
    assert answer.status_code == 200, answer.text
    assert "SSO" in answer.text
    assert client.get("/v1/tickets/7001/summary", headers=acme.auth("rep")).status_code == 403
    assert client.get("/v1/tickets/9999/summary",
                      headers=acme.auth("service")).status_code == 404


def test_search_keeps_each_role_to_what_it_may_see(client: TestClient,
                                                   tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    rep = client.get("/v1/search", params={"q": "price quote"}, headers=acme.auth("rep"))
    assert rep.status_code == 200, rep.text
    assert rep.json()["hits"] and {h["account_id"] for h in rep.json()["hits"]} == {"acc-north"}
    service = client.get("/v1/search", params={"q": "login"}, headers=acme.auth("service"))
    assert {h["channel"] for h in service.json()["hits"]} <= {"ticket"}
    assert client.get("/v1/search", params={"q": "x"},
                      headers=acme.auth("evaluator")).status_code == 403


def test_suggestions_list_and_feedback_for_an_unknown_id(client: TestClient,
                                                         tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    listed = client.get("/v1/suggestions", headers=acme.auth("rep"))
    assert listed.status_code == 200 and isinstance(listed.json()["suggestions"], list)
    unknown = client.post("/v1/suggestions/sg_nope/feedback", json={"outcome": "done"},
                          headers=acme.auth("rep"))
    assert unknown.status_code == 404
