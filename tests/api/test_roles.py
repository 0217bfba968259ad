"""Each role sees only what it needs: scope (which rows) and masking (which fields), checked
field by field on real ingested sources and real output of the default (combined) extractor."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.api.conftest import Seeded

PERSONAL = ("Maya", "Patel", "maya.patel@northwind.example", "212 555 0143", "Dana",
            "Reyes", "dana@vendor.example")


def _ids(page: dict) -> set[str]:
    return {t["id"] for t in page["touchpoints"]}


def test_each_role_sees_its_own_scope_of_touchpoints(client: TestClient,
                                                    tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    tps = acme.touchpoints
    seen = {role: _ids(client.get("/v1/touchpoints", headers=acme.auth(role)).json())
            for role in ("admin", "evaluator", "rep", "service")}
    assert seen["admin"] == seen["evaluator"] == set(tps.values())
    assert seen["rep"] == {tps["north_email"], tps["ticket"]}  # acc-north is the rep's
    assert seen["service"] == {tps["ticket"]}
    hidden = client.get(f"/v1/touchpoints/{tps['cobalt_email']}", headers=acme.auth("rep"))
    assert hidden.status_code == 404
    assert client.get(f"/v1/touchpoints/{tps['north_email']}",
                      headers=acme.auth("service")).status_code == 404
    assert client.get("/v1/accounts/acc-cobalt", headers=acme.auth("rep")).status_code == 404


def test_evaluators_see_no_emails_phones_or_names_and_offsets_still_hold(
        client: TestClient, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    body = client.get(f"/v1/touchpoints/{acme.touchpoints['north_email']}",
                      headers=acme.auth("evaluator")).json()
    tp, insights = body["touchpoint"], body["insights"]
    for fragment in PERSONAL:
        assert fragment not in str(body), fragment
    assert "Salesforce" in tp["text"] and "revised quote by Friday" in tp["text"]
    assert re.search(r"\*{4} \*{5}", tp["participants"][0]["name"])
    assert set(tp["participants"][0]["email"]) == {"*"}
    assert tp["segments"][0]["speaker"].strip("* ") == ""
    for segment in tp["segments"]:
        assert tp["text"][segment["start"]:segment["end"]] == segment["text"]
    evidence = [*insights["sentiment"]["evidence"], insights["next_steps"][0]["evidence"],
                *(c["evidence"] for c in insights["competitors"])]
    for ev in evidence:
        assert tp["text"][ev["start"]:ev["end"]] == ev["quote"]
    assert list(insights["sentiment"]["by_speaker"]) == ["speaker 1"]
    assert insights["competitors"][0]["name"] == "Salesforce"
    account = client.get("/v1/accounts/acc-north", headers=acme.auth("evaluator")).json()
    assert account["name"] == "Northwind Logistics" and set(account["owner"]) == {"*"}


def test_service_sees_no_deal_values_or_pricing(client: TestClient,
                                               tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    admin = client.get(f"/v1/touchpoints/{acme.touchpoints['ticket']}",
                       headers=acme.auth("admin")).json()
    assert "price" in {o["kind"] for o in admin["insights"]["objections"]}
    assert "$52,000" in admin["touchpoint"]["text"]
    ticket = client.get(f"/v1/touchpoints/{acme.touchpoints['ticket']}",
                        headers=acme.auth("service")).json()
    assert "52,000" not in str(ticket)
    assert ticket["touchpoint"]["text"].index("*******") == admin["touchpoint"]["text"].index(
        "$52,000")
    assert "SSO login fails" in ticket["touchpoint"]["text"]
    assert "Maya" in ticket["touchpoint"]["text"]  # service works with named customers
    insights = ticket["insights"]
    assert all(s["kind"] not in ("pricing", "budget") for s in insights["buying_signals"])
    assert all(o["kind"] != "price" for o in insights["objections"])
    for ev in [insights["ticket"]["issue"]["evidence"], insights["ticket"]["status"]["evidence"]]:
        assert ticket["touchpoint"]["text"][ev["start"]:ev["end"]] == ev["quote"]
    account = client.get("/v1/accounts/acc-north", headers=acme.auth("service")).json()
    assert "deal_value" not in account and account["name"] == "Northwind Logistics"


def test_admins_and_reps_see_everything_in_scope_unmasked(client: TestClient,
                                                         tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    for role in ("admin", "rep"):
        body = client.get(f"/v1/touchpoints/{acme.touchpoints['north_email']}",
                          headers=acme.auth(role)).json()
        assert "maya.patel@northwind.example" in body["touchpoint"]["text"]
        assert "$52,000" in body["touchpoint"]["text"]
        kinds = {o["kind"] for o in body["insights"]["objections"]}
        assert "price" in kinds
        account = client.get("/v1/accounts/acc-north", headers=acme.auth(role)).json()
        assert account["deal_value"] == 52000
