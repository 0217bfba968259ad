"""Repository behaviour on SQLite and Postgres: idempotence, runs, isolation, atomicity."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import pytest

from assistant.errors import NotFoundError
from assistant.models import Account, Contact, Event
from assistant.storage import repository
from assistant.storage.db import Database
from tests.storage.factories import SHANGHAI, make_insights, make_touchpoint


def test_saving_the_same_touchpoint_twice_creates_it_once(db: Database) -> None:
    tp = make_touchpoint()
    with db.session() as session:
        assert repository.save_touchpoint(session, tp) is True
    changed = tp.model_copy(update={"subject": "changed"})
    with db.session() as session:
        assert repository.save_touchpoint(session, changed) is False
        stored = repository.get_touchpoint(session, tenant_id="acme", touchpoint_id=tp.id)
    assert stored.subject == "Pricing call"
    assert stored == tp


def test_a_touchpoint_read_back_keeps_its_local_offset_and_segments(db: Database) -> None:
    tp = make_touchpoint()
    with db.session() as session:
        repository.save_touchpoint(session, tp)
    with db.session() as session:
        stored = repository.get_touchpoint(session, tenant_id="acme", touchpoint_id=tp.id)
    assert stored.occurred_at.utcoffset() == timedelta(hours=8)
    assert stored.occurred_at == tp.occurred_at
    assert [s.text for s in stored.segments] == [s.text for s in tp.segments]
    assert stored.text[stored.segments[0].start:stored.segments[0].end].startswith("我们")


def test_status_update_records_the_error(db: Database) -> None:
    tp = make_touchpoint()
    with db.session() as session:
        repository.save_touchpoint(session, tp)
        repository.update_touchpoint_status(session, tenant_id="acme", touchpoint_id=tp.id,
                                            status="failed", error="extractor timed out")
    with db.session() as session:
        stored = repository.get_touchpoint(session, tenant_id="acme", touchpoint_id=tp.id)
        counts = repository.count_touchpoints_by_status(session, tenant_id="acme")
        failed = repository.list_touchpoints(session, tenant_id="acme", status="failed")
    assert (stored.status, stored.error) == ("failed", "extractor timed out")
    assert counts == {"failed": 1}
    assert [t.id for t in failed] == [tp.id]


def test_a_missing_touchpoint_is_not_found_and_named(db: Database) -> None:
    with db.session() as session, pytest.raises(NotFoundError, match="tp_nope"):
        repository.get_touchpoint(session, tenant_id="acme", touchpoint_id="tp_nope")


def test_every_extraction_run_is_kept_and_the_latest_wins(db: Database) -> None:
    tp = make_touchpoint()
    with db.session() as session:
        repository.save_touchpoint(session, tp)
        first = repository.save_insights(session, tenant_id="acme",
                                         insights=make_insights(tp, summary="first"))
        second = repository.save_insights(session, tenant_id="acme",
                                          insights=make_insights(tp, extractor="llm",
                                                                 summary="second"))
        third = repository.save_insights(session, tenant_id="acme",
                                         insights=make_insights(tp, version="2", summary="third"))
    with db.session() as session:
        runs = repository.list_insight_runs(session, tenant_id="acme", touchpoint_id=tp.id)
        latest = repository.latest_insights(session, tenant_id="acme", touchpoint_id=tp.id)
        latest_llm = repository.latest_insights(session, tenant_id="acme", touchpoint_id=tp.id,
                                                extractor="llm")
    assert [r.run_id for r in runs] == [first, second, third]
    assert [r.insights.summary.text for r in runs if r.insights.summary] == [
        "first", "second", "third"]
    assert latest is not None and latest.summary is not None
    assert latest.summary.text == "third"
    assert latest.provenance.extractor_version == "2"
    assert latest_llm is not None and latest_llm.provenance.prompt_hash == "f" * 64


def test_insights_for_an_unknown_touchpoint_are_refused(db: Database) -> None:
    tp = make_touchpoint()
    with db.session() as session, pytest.raises(NotFoundError):
        repository.save_insights(session, tenant_id="acme", insights=make_insights(tp))


def test_listing_filters_by_channel_and_date_newest_first(db: Database) -> None:
    base = datetime(2026, 3, 1, 9, 0, tzinfo=SHANGHAI)
    with db.session() as session:
        for day in range(5):
            repository.save_touchpoint(session, make_touchpoint(
                fingerprint=f"tp-{day}", occurred_at=base + timedelta(days=day),
                channel="email" if day % 2 else "call", account_id="acc-1" if day < 3 else None))
    with db.session() as session:
        calls = repository.list_touchpoints(session, tenant_id="acme", channel="call")
        recent = repository.list_touchpoints(session, tenant_id="acme",
                                             since=base + timedelta(days=3))
        page = repository.list_touchpoints(session, tenant_id="acme", limit=2, offset=1)
        of_account = repository.list_touchpoints(session, tenant_id="acme", account_id="acc-1")
    assert [t.occurred_at.day for t in calls] == [5, 3, 1]
    assert [t.occurred_at.day for t in recent] == [5, 4]
    assert [t.occurred_at.day for t in page] == [4, 3]
    assert len(of_account) == 3


def test_tenant_b_never_sees_tenant_a_rows(db: Database) -> None:
    tp = make_touchpoint(tenant_id="tenant-a")
    with db.session() as session:
        repository.save_touchpoint(session, tp)
        repository.save_insights(session, tenant_id="tenant-a", insights=make_insights(tp))
        repository.upsert_account(session, Account(id="acc-1", tenant_id="tenant-a", name="Acme"))
        repository.upsert_contact(session, Contact(id="ct-1", tenant_id="tenant-a", name="Li"))
        repository.record_ingest_failure(session, tenant_id="tenant-a", source_uri="/x.eml",
                                         sha256=None, error="x.eml: not an email")
        repository.save_event(session, Event(id="ev-1", tenant_id="tenant-a", kind="page_viewed",
                                             occurred_at=tp.occurred_at))
    with db.session() as session:
        assert not repository.touchpoint_exists(session, tenant_id="tenant-b", touchpoint_id=tp.id)
        assert repository.list_touchpoints(session, tenant_id="tenant-b") == []
        assert repository.count_touchpoints_by_status(session, tenant_id="tenant-b") == {}
        assert repository.latest_insights(session, tenant_id="tenant-b",
                                          touchpoint_id=tp.id) is None
        assert repository.list_accounts(session, tenant_id="tenant-b") == []
        assert repository.list_contacts(session, tenant_id="tenant-b") == []
        assert repository.list_ingest_failures(session, tenant_id="tenant-b") == []
        assert repository.list_events(session, tenant_id="tenant-b") == []
        with pytest.raises(NotFoundError):
            repository.get_touchpoint(session, tenant_id="tenant-b", touchpoint_id=tp.id)
        with pytest.raises(NotFoundError):
            repository.get_account(session, tenant_id="tenant-b", account_id="acc-1")
        with pytest.raises(NotFoundError):
            repository.get_contact(session, tenant_id="tenant-b", contact_id="ct-1")
        with pytest.raises(NotFoundError):
            repository.update_touchpoint_status(session, tenant_id="tenant-b",
                                                touchpoint_id=tp.id, status="failed")


def test_the_same_id_in_two_tenants_is_two_touchpoints(db: Database) -> None:
    tp = make_touchpoint(tenant_id="tenant-a")
    with db.session() as session:
        assert repository.save_touchpoint(session, tp)
        assert repository.save_touchpoint(session, tp.model_copy(update={"tenant_id": "tenant-b"}))
    with db.session() as session:
        assert len(repository.list_touchpoints(session, tenant_id="tenant-a")) == 1
        assert len(repository.list_touchpoints(session, tenant_id="tenant-b")) == 1


class _Crash(RuntimeError):
    pass


def test_an_error_mid_transaction_leaves_nothing_half_written(db: Database) -> None:
    tp = make_touchpoint()
    with pytest.raises(_Crash), db.session() as session:
        repository.save_touchpoint(session, tp)
        repository.save_insights(session, tenant_id="acme", insights=make_insights(tp))
        repository.upsert_account(session, Account(id="acc-1", tenant_id="acme", name="Acme"))
        raise _Crash("extraction blew up")
    with db.session() as session:
        assert not repository.touchpoint_exists(session, tenant_id="acme", touchpoint_id=tp.id)
        assert repository.list_insight_runs(session, tenant_id="acme", touchpoint_id=tp.id) == []
        assert repository.list_accounts(session, tenant_id="acme") == []


def test_a_duplicate_insert_inside_a_failed_transaction_is_rolled_back_too(db: Database) -> None:
    first, second = make_touchpoint(fingerprint="one"), make_touchpoint(fingerprint="two")
    with db.session() as session:
        repository.save_touchpoint(session, first)
    with pytest.raises(_Crash), db.session() as session:
        assert repository.save_touchpoint(session, second) is True
        assert repository.save_touchpoint(session, first) is False
        raise _Crash("later step failed")
    with db.session() as session:
        assert [t.id for t in repository.list_touchpoints(session, tenant_id="acme")] == [first.id]


def test_upserting_an_account_updates_it_in_place(db: Database) -> None:
    with db.session() as session:
        repository.upsert_account(session, Account(id="acc-1", tenant_id="acme", name="Acme",
                                                   domains=["acme.cn"], stage="trial"))
    with db.session() as session:
        repository.upsert_account(session, Account(id="acc-1", tenant_id="acme", name="Acme Ltd",
                                                   domains=["acme.cn", "acme.com"], stage="won"))
    with db.session() as session:
        accounts = repository.list_accounts(session, tenant_id="acme")
    assert [(a.name, a.domains, a.stage) for a in accounts] == [
        ("Acme Ltd", ["acme.cn", "acme.com"], "won")]


def test_events_are_saved_once_and_listed_by_kind(db: Database) -> None:
    at = datetime(2026, 3, 2, 9, 30, tzinfo=SHANGHAI)
    viewed = Event(id="ev-1", tenant_id="acme", account_id="acc-1", kind="page_viewed",
                   occurred_at=at, properties={"url": "https://brightlane.io/pricing"})
    with db.session() as session:
        assert repository.save_event(session, viewed) is True
        assert repository.save_event(session, viewed) is False
        repository.save_event(session, Event(id="ev-2", tenant_id="acme", kind="trial_started",
                                             occurred_at=at + timedelta(hours=1)))
    with db.session() as session:
        views = repository.list_events(session, tenant_id="acme", kind="page_viewed")
        everything = repository.list_events(session, tenant_id="acme")
        later = repository.list_events(session, tenant_id="acme", since=at + timedelta(minutes=1))
    assert views == [viewed]
    assert [e.id for e in everything] == ["ev-1", "ev-2"]
    assert [e.id for e in later] == ["ev-2"]


def test_ingest_failures_are_listed_newest_first(db: Database) -> None:
    with db.session() as session:
        repository.record_ingest_failure(session, tenant_id="acme", source_uri="/a.eml",
                                         sha256="a" * 64, error="a.eml: empty")
        repository.record_ingest_failure(session, tenant_id="acme", source_uri="/b.vtt",
                                         sha256=None, error="b.vtt: no cues")
    with db.session() as session:
        failures = repository.list_ingest_failures(session, tenant_id="acme")
    assert [(f.source_uri, f.error) for f in failures] == [
        ("/b.vtt", "b.vtt: no cues"), ("/a.eml", "a.eml: empty")]


def test_two_writers_creating_the_same_contact_at_once_both_succeed(db: Database) -> None:
    contact = Contact(id="ct-new", tenant_id="acme", emails=["sam@northwind.com"],
                      needs_review=True)
    outcome: list[BaseException | None] = []

    def second_writer() -> None:
        try:
            with db.session() as session:
                repository.upsert_contact(session, contact.model_copy(update={"name": "Sam"}))
            outcome.append(None)
        except BaseException as exc:  # reported by the assertion below
            outcome.append(exc)

    with db.session() as session:
        repository.upsert_contact(session, contact)
        writer = threading.Thread(target=second_writer)
        writer.start()
        time.sleep(0.3)  # the second writer now waits on our uncommitted row
    writer.join(timeout=30)
    assert outcome == [None]
    with db.session() as session:
        stored = repository.list_contacts(session, tenant_id="acme")
    assert [(c.id, c.name) for c in stored] == [("ct-new", "Sam")]


def test_erasing_a_touchpoint_erases_its_runs_and_nothing_else(db: Database) -> None:
    erased, kept = make_touchpoint(fingerprint="erase-me"), make_touchpoint(fingerprint="keep")
    with db.session() as session:
        for tp in (erased, kept):
            repository.save_touchpoint(session, tp)
            repository.save_insights(session, tenant_id="acme", insights=make_insights(tp))
    with db.session() as session:
        repository.delete_touchpoint(session, tenant_id="acme", touchpoint_id=erased.id)
    with db.session() as session:
        assert [t.id for t in repository.list_touchpoints(session, tenant_id="acme")] == [kept.id]
        assert repository.list_insight_runs(session, tenant_id="acme",
                                            touchpoint_id=erased.id) == []
        assert len(repository.list_insight_runs(session, tenant_id="acme",
                                                touchpoint_id=kept.id)) == 1
        with pytest.raises(NotFoundError):
            repository.delete_touchpoint(session, tenant_id="other", touchpoint_id=kept.id)
