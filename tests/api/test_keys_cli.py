"""`touchpoint keys create|list|revoke`: shown once, stored hashed, usable, revocable."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api import create_app
from assistant.cli import app
from assistant.config import load_settings

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_a_created_key_works_once_listed_without_its_secret_and_stops_when_revoked() -> None:
    created = invoke("keys", "create", "--tenant", "acme", "--role", "evaluator",
                     "--name", "eval bot", "--json")
    assert created.exit_code == 0, created.output
    made = json.loads(created.stdout)
    assert set(made) == {"id", "key", "tenant", "role"}
    assert (made["tenant"], made["role"]) == ("acme", "evaluator")
    listed = invoke("keys", "list", "--json")
    assert made["key"] not in listed.stdout
    assert [k["id"] for k in json.loads(listed.stdout)] == [made["id"]]
    headers = {"Authorization": f"Bearer {made['key']}"}
    with TestClient(create_app(load_settings())) as client:
        assert client.get("/v1/touchpoints", headers=headers).status_code == 200
        assert invoke("keys", "revoke", made["id"]).exit_code == 0
        assert client.get("/v1/touchpoints", headers=headers).status_code == 401


def test_bad_roles_and_rep_keys_without_an_owner_are_refused_with_the_fix() -> None:
    bad = invoke("keys", "create", "--tenant", "acme", "--role", "boss")
    assert bad.exit_code == 1 and "rep, service, evaluator, admin" in bad.output
    rep = invoke("keys", "create", "--tenant", "acme", "--role", "rep")
    assert rep.exit_code == 1 and "--owner" in rep.output
    missing = invoke("keys", "revoke", "000000000000")
    assert missing.exit_code == 1 and "touchpoint keys list" in missing.output
