"""Identity: importing accounts, resolving participants to contacts, merging contacts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.accounts import import_accounts
from assistant.errors import BadInputError
from assistant.identity import (
    merge_contacts,
    normalize_phone,
    resolve_identity,
)
from assistant.models import Participant
from assistant.storage import repository
from assistant.storage.db import Database
from tests.sources import source
from tests.storage import conftest as backends
from tests.storage.factories import make_touchpoint

IDENTITY = Path(__file__).parent / "data" / "identity"
TENANT = "acme"

# the storage suite's fixtures: every identity test runs on SQLite and on Postgres
postgres_url, db_url, db = backends.postgres_url, backends.db_url, backends.db


@pytest.fixture
def imported(db: Database) -> Database:
    with db.session() as session:
        import_accounts(session, tenant_id=TENANT, **source(IDENTITY / "accounts.csv"))
    return db


def _resolve(db: Database, *participants: Participant, region: str = "US"):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return resolve_identity(session, make_touchpoint(tenant_id=TENANT,
                                                         participants=list(participants)),
                                default_region=region)


def _contact_named(db: Database, name: str):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return next(c for c in repository.list_contacts(session, tenant_id=TENANT)
                    if c.name == name)


# --- import --------------------------------------------------------------------------------


def test_importing_the_csv_creates_accounts_and_contacts_and_reports_bad_rows(db: Database
                                                                            ) -> None:
    with db.session() as session:
        summary = import_accounts(session, tenant_id=TENANT, **source(IDENTITY / "accounts.csv"))
    assert (summary.accounts, summary.contacts) == (4, 5)
    assert summary.errors == [
        "accounts.csv row 6: gmail.com is a free-mail domain; it will never match an account "
        "(list the company's own domain instead)",
        "accounts.csv row 7: an account needs an id and a name",
        "accounts.csv row 8: deal_value 'lots' is not a number",
        "accounts.csv row 9: '12345' is not a valid phone number for region US (skipped; "
        "write it as +<country code><number>)",
    ]
    maya = _contact_named(db, "Maya Patel")
    assert (maya.account_id, maya.phones, maya.handles) == (
        "acc-northwind", ["+12125550143"], ["slack:U0NW1"])
    assert maya.timezone == "America/New_York"  # the account's, when the row leaves it empty
    assert _contact_named(db, "李娜").phones == ["+8613900139000"]  # from the WhatsApp handle
    with db.session() as session:
        hengda = repository.get_account(session, tenant_id=TENANT, account_id="acc-hengda")
    assert (hengda.name, hengda.domains, hengda.deal_value) == ("恒达制造", ["hengda.cn"], 350000)


def test_reimporting_updates_in_place_and_never_duplicates(imported: Database) -> None:
    with imported.session() as session:
        before = repository.list_contacts(session, tenant_id=TENANT)
        import_accounts(session, tenant_id=TENANT, **source(IDENTITY / "accounts.csv"))
        summary = import_accounts(session, tenant_id=TENANT, **source(IDENTITY / "accounts.json"),
                                  default_region="CN")
    with imported.session() as session:
        after = repository.list_contacts(session, tenant_id=TENANT)
        northwind = repository.get_account(session, tenant_id=TENANT, account_id="acc-northwind")
    assert (summary.accounts, summary.contacts) == (2, 3)
    assert len(after) == len(before) + 2  # 王芳 and "No Address" are new; Maya is updated
    maya = _contact_named(imported, "Maya Patel")
    assert maya.id in {c.id for c in before}
    assert maya.title == "COO"
    assert maya.emails == ["maya.patel@northwind.com", "maya@northwind.co.uk"]
    assert (northwind.stage, northwind.deal_value) == ("proposal", 52000)


def test_importing_the_json_reads_local_numbers_in_the_default_region(db: Database) -> None:
    with db.session() as session:
        summary = import_accounts(session, tenant_id=TENANT, **source(IDENTITY / "accounts.json"),
                                  default_region="CN")
    assert summary.errors == [
        "accounts.json account 2 contact 2: 'not-an-email' is not an email address (skipped)",
        "accounts.json account 3: an account needs an id and a name",
        "accounts.json account 4: expected an account object, got str",
    ]
    assert _contact_named(db, "王芳").phones == ["+8613700137000"]


@pytest.mark.parametrize("content, suffix, problem", [
    ('{"accounts": {"id": 1}}', ".json", "expected"),
    ("{not json", ".json", "not valid JSON"),
    ("name,domain\nAcme,acme.com\n", ".csv", "missing column"),
], ids=["accounts not a list", "broken json", "csv without account columns"])
def test_an_unusable_import_file_is_refused_with_the_reason(
        db: Database, tmp_path: Path, content: str, suffix: str, problem: str) -> None:
    path = tmp_path / f"accounts{suffix}"
    path.write_text(content, encoding="utf-8")
    with db.session() as session, pytest.raises(BadInputError, match=problem):
        import_accounts(session, tenant_id=TENANT, **source(path))


# --- resolution ----------------------------------------------------------------------------


@pytest.mark.parametrize("who, account, contact", [
    (Participant(email="Maya.Patel@Northwind.com", role="customer"), "acc-northwind",
     "Maya Patel"),
    (Participant(phone="212-555-0143", role="customer"), "acc-northwind", "Maya Patel"),
    (Participant(phone="+86 138-0013-8000", role="unknown"), "acc-hengda", "张伟"),
    (Participant(handle="wecom:zhangwei", role="customer"), "acc-hengda", "张伟"),
    (Participant(handle="U0NW1", role="customer"), "acc-northwind", "Maya Patel"),
    (Participant(handle="whatsapp:+8613900139000", role="customer"), "acc-hengda", "李娜"),
    (Participant(crm_id="SF-C-102", role="customer"), "acc-northwind", "Tom Reed"),
], ids=["email, any case", "local phone", "chinese mobile", "wecom handle",
        "bare slack id", "whatsapp handle", "crm id"])
def test_a_known_participant_resolves_to_their_contact_and_account(
        imported: Database, who: Participant, account: str, contact: str) -> None:
    resolved = _resolve(imported, who)
    assert resolved.account_id == account
    assert resolved.contact_ids == [_contact_named(imported, contact).id]


def test_an_unknown_sender_at_a_known_domain_is_a_new_contact_of_that_account(
        imported: Database) -> None:
    resolved = _resolve(imported, Participant(name="Sam Ortiz", email="sam@northwind.co.uk",
                                              role="customer"))
    sam = _contact_named(imported, "Sam Ortiz")
    assert resolved.account_id == "acc-northwind"
    assert resolved.contact_ids == [sam.id]
    assert (sam.account_id, sam.needs_review, sam.emails) == (
        "acc-northwind", True, ["sam@northwind.co.uk"])


@pytest.mark.parametrize("email", ["someone@gmail.com", "lisi@qq.com", "wang@163.com"],
                         ids=["gmail", "qq", "163"])
def test_a_free_mail_sender_gets_a_contact_but_never_an_account(imported: Database,
                                                                 email: str) -> None:
    resolved = _resolve(imported, Participant(name="Free Mail", email=email, role="customer"))
    contact = _contact_named(imported, "Free Mail")
    assert resolved.account_id is None  # not even acc-solo, which listed gmail.com
    assert resolved.contact_ids == [contact.id]
    assert (contact.account_id, contact.needs_review) == (None, True)


def test_reps_agents_and_bare_names_create_no_contacts(imported: Database) -> None:
    with imported.session() as session:
        before = len(repository.list_contacts(session, tenant_id=TENANT))
    resolved = _resolve(
        imported,
        Participant(name="Dana Brooks", email="dana@brightlane.io", role="rep"),
        Participant(name="Support Bot", email="help@brightlane.io", role="agent"),
        Participant(name="Somebody", role="customer"),
    )
    with imported.session() as session:
        after = len(repository.list_contacts(session, tenant_id=TENANT))
    assert (resolved.account_id, resolved.contact_ids, after) == (None, [], before)


def test_resolving_the_same_unknown_sender_twice_reuses_one_contact(imported: Database) -> None:
    who = Participant(name="新客户", phone="13512345678", role="customer")
    first = _resolve(imported, who, region="CN")
    second = _resolve(imported, who, region="CN")
    assert first.contact_ids == second.contact_ids
    assert _contact_named(imported, "新客户").phones == ["+8613512345678"]


def test_a_later_account_import_is_picked_up_by_an_earlier_unknown_sender(db: Database) -> None:
    early = _resolve(db, Participant(name="Amy", email="amy.new@quill.health", role="customer"))
    assert early.account_id is None
    with db.session() as session:
        import_accounts(session, tenant_id=TENANT, **source(IDENTITY / "accounts.csv"))
    late = _resolve(db, Participant(name="Amy", email="amy.new@quill.health", role="customer"))
    assert late.account_id == "acc-quill"
    assert late.contact_ids == early.contact_ids
    assert _contact_named(db, "Amy").account_id == "acc-quill"


def test_identity_never_crosses_tenants(imported: Database) -> None:
    with imported.session() as session:
        resolved = resolve_identity(session, make_touchpoint(
            tenant_id="other", participants=[Participant(email="maya.patel@northwind.com",
                                                         role="customer")]))
    assert resolved.account_id is None
    with imported.session() as session:
        stranger = repository.list_contacts(session, tenant_id="other")
    assert [c.needs_review for c in stranger] == [True]


@pytest.mark.parametrize("raw, region, expected", [
    ("(212) 555-0143", "US", "+12125550143"),
    ("+44 20 7946 0958", "US", "+442079460958"),
    ("138 0013 8000", "CN", "+8613800138000"),
    ("12345", "US", None),
    ("call me", "US", None),
], ids=["us local", "uk international", "cn mobile", "too short", "not a number"])
def test_phones_are_normalized_to_e164(raw: str, region: str, expected: str | None) -> None:
    assert normalize_phone(raw, region) == expected


# --- merge ---------------------------------------------------------------------------------


def test_merging_an_anonymous_contact_moves_its_identifiers_and_touchpoints(
        imported: Database) -> None:
    anonymous = Participant(name="Unknown caller", phone="+1 917 555 0199", role="customer")
    with imported.session() as session:
        tp = resolve_identity(session, make_touchpoint(tenant_id=TENANT, participants=[anonymous]))
        repository.save_touchpoint(session, tp)
    source_id = tp.contact_ids[0]
    tom = _contact_named(imported, "Tom Reed")
    with imported.session() as session:
        merged = merge_contacts(session, tenant_id=TENANT, source_id=source_id, target_id=tom.id)
    with imported.session() as session:
        stored = repository.get_touchpoint(session, tenant_id=TENANT, touchpoint_id=tp.id)
        source = repository.get_contact(session, tenant_id=TENANT, contact_id=source_id)
        visible = {c.id for c in repository.list_contacts(session, tenant_id=TENANT)}
    assert merged.phones == ["+19175550199"]
    assert (stored.contact_ids, stored.account_id) == ([tom.id], "acc-northwind")
    assert (source.merged_into, source.phones) == (tom.id, [])
    assert source_id not in visible
    assert _resolve(imported, anonymous).contact_ids == [tom.id]  # the number now means Tom


@pytest.mark.parametrize("pair", ["self", "already merged"])
def test_a_merge_that_makes_no_sense_is_refused(imported: Database, pair: str) -> None:
    maya, tom = _contact_named(imported, "Maya Patel"), _contact_named(imported, "Tom Reed")
    if pair == "already merged":
        with imported.session() as session:
            merge_contacts(session, tenant_id=TENANT, source_id=tom.id, target_id=maya.id)
    with imported.session() as session, pytest.raises(BadInputError, match="merge"):
        merge_contacts(session, tenant_id=TENANT, source_id=tom.id,
                       target_id=tom.id if pair == "self" else maya.id)


def test_importing_a_sender_first_seen_in_chat_confirms_them_and_keeps_the_handle(
        db: Database) -> None:
    seen = _resolve(db, Participant(name="Maya", email="maya.patel@northwind.com",
                                    handle="whatsapp:+12125550143", role="customer"))
    with db.session() as session:
        assert [c.id for c in repository.list_contacts(session, tenant_id=TENANT,
                                                        needs_review=True)] == seen.contact_ids
        import_accounts(session, tenant_id=TENANT, **source(IDENTITY / "accounts.csv"))
    maya = _contact_named(db, "Maya Patel")
    assert [maya.id] == seen.contact_ids
    assert maya.needs_review is False
    assert maya.handles == ["slack:U0NW1", "whatsapp:+12125550143"]
    with db.session() as session:
        assert repository.list_contacts(session, tenant_id=TENANT, needs_review=True) == []


def test_a_merge_dedupes_touchpoints_naming_both_and_leaves_others_alone(
        imported: Database) -> None:
    maya, tom = _contact_named(imported, "Maya Patel"), _contact_named(imported, "Tom Reed")
    both = make_touchpoint(tenant_id=TENANT, fingerprint="both").model_copy(
        update={"contact_ids": [tom.id, maya.id], "account_id": "acc-northwind"})
    only_maya = make_touchpoint(tenant_id=TENANT, fingerprint="maya").model_copy(
        update={"contact_ids": [maya.id]})
    with imported.session() as session:
        for tp in (both, only_maya):
            repository.save_touchpoint(session, tp)
        merge_contacts(session, tenant_id=TENANT, source_id=tom.id, target_id=maya.id)
    with imported.session() as session:
        stored = {tp.id: tp.contact_ids
                  for tp in repository.list_touchpoints(session, tenant_id=TENANT)}
    assert stored == {both.id: [maya.id], only_maya.id: [maya.id]}


def test_bad_fields_are_reported_with_their_row_and_the_rest_imported(
        db: Database, tmp_path: Path) -> None:
    path = tmp_path / "accounts.json"
    path.write_text(json.dumps({"accounts": [
        {"id": "acc-1", "name": "Good Co", "domains": ["good.co"], "timezone": "Mars/Olympus",
         "contacts": [{"name": ["not", "a", "name"], "emails": ["a@good.co"]},
                      {"name": "Bea", "emails": ["bea@good.co"], "timezone": "Asia/Shanghai"}]},
    ]}), encoding="utf-8")
    with db.session() as session:
        summary = import_accounts(session, tenant_id=TENANT, **source(path))
    assert (summary.accounts, summary.contacts) == (1, 1)
    assert summary.errors[0] == ("accounts.json account 1: 'Mars/Olympus' is not an IANA "
                                 "timezone such as Asia/Shanghai (left empty)")
    assert summary.errors[1].startswith("accounts.json account 1 contact 1: name:")
    assert _contact_named(db, "Bea").timezone == "Asia/Shanghai"
