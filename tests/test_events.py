"""Stored events are tied to the contact (by email) or the account (by domain) they came from."""

from pathlib import Path

from assistant.accounts import import_accounts
from assistant.events import store_events
from assistant.ingest.common import ParseOptions
from assistant.storage import repository
from assistant.storage.db import open_database
from tests.sources import source


def test_events_attach_to_their_contact_or_account_and_reimport_adds_nothing(tmp_path: Path):
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("account_id,account_name,domains,contact_name,contact_email\n"
                        "hv,Harborview,harborview.example,Dana,Dana@harborview.example\n",
                        encoding="utf-8")
    with db.session() as session:
        import_accounts(session, tenant_id="t", **source(accounts))
    events = tmp_path / "events.jsonl"
    events.write_text(
        '{"kind": "page_viewed", "occurred_at": "2026-03-01T09:00:00+00:00", "email": "dana@harborview.example"}\n'
        '{"kind": "trial_started", "occurred_at": "2026-03-02T09:00:00+00:00", "account_domain": "harborview.example"}\n'
        '{"kind": "page_viewed", "occurred_at": "2026-03-03T09:00:00+00:00", "email": "x@unknown.example"}\n',
        encoding="utf-8")
    assert store_events(db, events.read_bytes(), uri=str(events), options=ParseOptions(tenant_id="t")) == (3, 0)
    assert store_events(db, events.read_bytes(), uri=str(events), options=ParseOptions(tenant_id="t")) == (0, 3)
    with db.session() as session:
        stored = repository.list_events(session, tenant_id="t")
        [dana] = repository.list_contacts(session, tenant_id="t")
    assert [(e.kind, e.contact_id, e.account_id) for e in stored] == [
        ("page_viewed", dana.id, "hv"), ("trial_started", None, "hv"), ("page_viewed", None, None)]
