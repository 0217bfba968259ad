"""A real app over a real database (SQLite and Postgres), seeded for two tenants.

Both tenants get the same accounts, contacts and sources, ingested by the same service
functions the CLI calls (`accounts.import_accounts`, `pipeline.ingest_source`): every id a test
needs from the other tenant exists there, so isolation is tested with real ids. Each tenant has
one key per role; rep keys own `acc-north` only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from api import create_app
from assistant import bootstrap, pipeline
from assistant.accounts import import_accounts
from assistant.config import Settings, load_settings
from assistant.jobs.queue import InProcessQueue
from assistant.storage import api_keys, repository
from assistant.storage.db import Database
from assistant.storage.rows import Base
from tests.storage.conftest import db_url, postgres_url  # noqa: F401

TENANTS = ("acme", "globex")
REP_OWNER = "dana@vendor.example"

ACCOUNTS = {"accounts": [
    {"id": "acc-north", "name": "Northwind Logistics", "domains": ["northwind.example"],
     "owner": REP_OWNER, "deal_value": 52000, "stage": "proposal",
     "contacts": [{"name": "Maya Patel", "emails": ["maya.patel@northwind.example"],
                   "phones": ["+1 212 555 0143"], "title": "COO"}]},
    {"id": "acc-cobalt", "name": "Cobalt Health", "domains": ["cobalt.example"],
     "owner": "lee@vendor.example", "deal_value": 18000,
     "contacts": [{"name": "Omar Haddad", "emails": ["omar@cobalt.example"]}]},
]}

NORTHWIND_EMAIL = """\
From: Maya Patel <maya.patel@northwind.example>
To: Dana Reyes <dana@vendor.example>
Subject: Pricing follow-up
Date: Mon, 02 Mar 2026 10:00:00 -0500
Message-ID: <north-1@northwind.example>
Content-Type: text/plain; charset=utf-8

Hi Dana,

We are currently using Salesforce but the price is too high for us: $52,000 a year.
Could you send the revised quote by Friday? Call me at +1 212 555 0143 or write to
maya.patel@northwind.example.

Thanks,
Maya Patel
"""

COBALT_EMAIL = """\
From: Omar Haddad <omar@cobalt.example>
To: Lee Park <lee@vendor.example>
Subject: Renewal
Date: Tue, 03 Mar 2026 09:00:00 +0000
Message-ID: <cobalt-1@cobalt.example>
Content-Type: text/plain; charset=utf-8

Hello Lee, we are evaluating HubSpot before the renewal. Please send the contract draft by
next Tuesday.

Omar
"""

TICKET = {"ticket": {
    "id": 7001, "subject": "SSO login fails", "status": "open", "priority": "high",
    "created_at": "2026-03-04T09:00:00-05:00",
    "requester": {"name": "Maya Patel", "email": "maya.patel@northwind.example"},
    "comments": [
        {"author": {"name": "Maya Patel", "email": "maya.patel@northwind.example",
                    "role": "end-user"}, "created_at": "2026-03-04T09:00:00-05:00",
         "body": "SSO login fails for every user since this morning. At $52,000 a year the "
                 "price is too high for a product that does not work. What is the price of the "
                 "enterprise plan?", "public": True},
        {"author": {"name": "Sam Ortiz", "email": "sam@vendor.example", "role": "agent"},
         "created_at": "2026-03-04T10:00:00-05:00",
         "body": "Thanks Maya, we are looking into it.", "public": True}]}}


@dataclass
class Seeded:
    """What one tenant got: keys by role, and touchpoint / contact ids by name."""

    tenant: str
    keys: dict[str, str] = field(default_factory=dict)
    key_ids: dict[str, str] = field(default_factory=dict)
    touchpoints: dict[str, str] = field(default_factory=dict)
    contacts: dict[str, str] = field(default_factory=dict)

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}


def write_sources(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"north_email": folder / "north.eml", "cobalt_email": folder / "cobalt.eml",
             "ticket": folder / "ticket.json"}
    paths["north_email"].write_text(NORTHWIND_EMAIL, encoding="utf-8")
    paths["cobalt_email"].write_text(COBALT_EMAIL, encoding="utf-8")
    paths["ticket"].write_text(json.dumps(TICKET), encoding="utf-8")
    return paths


def seed_tenant(db: Database, settings: Settings, tenant: str, folder: Path) -> Seeded:
    seeded = Seeded(tenant=tenant)
    folder.mkdir(parents=True, exist_ok=True)
    with db.session() as session:
        import_accounts(session, tenant_id=tenant, content=json.dumps(ACCOUNTS).encode(),
                        uri="accounts.json")
        for contact in repository.list_contacts(session, tenant_id=tenant):
            seeded.contacts[contact.name or contact.id] = contact.id
        for role in api_keys.ROLES:
            key, secret = api_keys.create_key(session, tenant_id=tenant, role=role,
                                              owner=REP_OWNER if role == "rep" else None)
            seeded.keys[role], seeded.key_ids[role] = secret, key.id
    runtime = bootstrap.runtime(settings, tenant=tenant, audio=False)
    for name, path in write_sources(folder / "sources").items():
        outcome = pipeline.ingest_source(db, tenant_id=tenant, content=path.read_bytes(),
                                         uri=str(path), options=pipeline.SourceOptions(),
                                         runtime=runtime)
        assert outcome.is_ok and len(outcome.created) == 1, outcome
        seeded.touchpoints[name] = outcome.created[0]
    return seeded


def api_settings(url: str, data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"database_url": url, "data_dir": data_dir,
                                 "vendor_domains": ["vendor.example"],
                                 "api_rate_limit": "100000/minute"}
    values.update(overrides)
    return load_settings(**values)


def wipe(url: str) -> None:
    """Postgres databases outlive a test: empty every table afterwards."""
    if not url.startswith("postgresql"):
        return
    engine = create_engine(url)
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    engine.dispose()


@pytest.fixture
def settings(db_url: str, isolated_data_dir: Path) -> Iterator[Settings]:  # noqa: F811
    yield api_settings(db_url, isolated_data_dir)
    wipe(db_url)


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    db = bootstrap.open_store(settings)
    yield db
    db.close()


@pytest.fixture
def tenants(database: Database, settings: Settings, tmp_path: Path) -> dict[str, Seeded]:
    return {t: seed_tenant(database, settings, t, tmp_path / t) for t in TENANTS}


@pytest.fixture
def queue(database: Database, settings: Settings) -> Iterator[InProcessQueue]:
    runner = InProcessQueue(database, settings)
    yield runner
    runner.close()


@pytest.fixture
def client(settings: Settings, queue: InProcessQueue) -> Iterator[TestClient]:
    with TestClient(create_app(settings, queue=queue), raise_server_exceptions=False) as test:
        yield test
