"""Batch ingest: grouped writes, the same results as one source at a time, and no source that
can cost the others anything."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from assistant.models import Account, Insights, Touchpoint
from assistant.pipeline import Runtime, SourceOptions
from assistant.pipeline.batch import SourceInput, ingest_batch
from assistant.storage import bulk, repository, sources
from assistant.storage.db import Database, open_database
from assistant.storage.rows import ContactRow, InsightRunRow, SourceRow, TouchpointRow
from extractors.base import ExtractionContext, Extractor
from extractors.rules import RulesExtractor
from tests.conftest import scratch_postgres
from tests.pipeline.test_resume import email_bytes

TENANT = "t1"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.integration)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    urls = iter([f"sqlite:///{tmp_path / 'tp.db'}"]) if request.param == "sqlite" \
        else scratch_postgres()
    for url in urls:
        database = open_database(url)
        yield database
        database.close()


def inputs(*numbers: int) -> list[SourceInput]:
    return [SourceInput(f"m{n}.eml", email_bytes(n), SourceOptions()) for n in numbers]


def test_a_batch_stores_extracts_and_completes_every_good_source_and_reports_the_rest(
        db: Database) -> None:
    batch = [*inputs(1, 2, 3), SourceInput("empty.eml", b"", SourceOptions()),
             SourceInput("junk.eml", b"\x00\x01binary" * 50, SourceOptions()), *inputs(1)]
    outcomes = ingest_batch(db, tenant_id=TENANT, inputs=batch,
                            runtime=Runtime(extractor=RulesExtractor()))
    assert [o.uri for o in outcomes] == [i.uri for i in batch]
    assert [len(o.created) for o in outcomes] == [1, 1, 1, 0, 0, 0]
    assert [o.extracted == o.created for o in outcomes[:3]] == [True] * 3
    assert "is empty" in (outcomes[3].error or "") and outcomes[3].error_stage == "receive"
    assert "binary" in (outcomes[4].error or "") and outcomes[4].error_stage == "parse"
    assert outcomes[5].duplicates == outcomes[0].created  # the same bytes twice in one batch
    with db.session() as session:
        stages = dict(session.execute(select(SourceRow.uri, SourceRow.stage)).all())
        claimed = session.scalar(select(func.count()).select_from(SourceRow)
                                 .where(SourceRow.claimed_by.is_not(None)))
        runs = session.scalar(select(func.count()).select_from(InsightRunRow))
    assert stages == {"m1.eml": "done", "m2.eml": "done", "m3.eml": "done", "junk.eml": "failed"}
    assert claimed == 0 and runs == 3


def test_without_an_extractor_a_batch_leaves_sources_parsed_and_unclaimed(db: Database) -> None:
    ingest_batch(db, tenant_id=TENANT, inputs=inputs(4, 5), runtime=Runtime())
    with db.session() as session:
        rows = session.execute(select(SourceRow.stage, SourceRow.claimed_by)).all()
    assert rows == [("parsed", None), ("parsed", None)]


class _WrongIdExtractor(Extractor):
    """Answers for a touchpoint that does not exist once: its stored run cannot be written."""

    name = "wrong-id"
    version = "1"

    def extract(self, touchpoint: Touchpoint, context: ExtractionContext) -> Insights:
        insights = RulesExtractor().extract(touchpoint, context)
        if "Question 7" in (touchpoint.subject or ""):
            return insights.model_copy(update={"touchpoint_id": "tp_nowhere"})
        return insights


def test_a_grouped_write_that_fails_falls_back_to_one_source_at_a_time(db: Database) -> None:
    outcomes = ingest_batch(db, tenant_id=TENANT, inputs=inputs(6, 7, 8),
                            runtime=Runtime(extractor=_WrongIdExtractor()))
    good = [o for o in outcomes if o.uri != "m7.eml"]
    [bad] = [o for o in outcomes if o.uri == "m7.eml"]
    assert all(len(o.created) == 1 and o.extracted == o.created for o in good)
    assert bad.error_stage == "extract" and "tp_nowhere" in (bad.error or "")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(InsightRunRow)) == 2


def landed(db: Database) -> dict[str, Any]:
    """What the batch left in storage, in a form two runs can be compared by."""
    with db.session() as session:
        return {
            "sources": sorted(session.execute(select(
                SourceRow.uri, SourceRow.stage, SourceRow.error_stage,
                SourceRow.claimed_by.is_(None))).all()),
            "touchpoints": sorted(session.execute(select(
                TouchpointRow.subject, TouchpointRow.status, TouchpointRow.account_id,
                TouchpointRow.claimed_by.is_(None))).all()),
            "runs": session.scalar(select(func.count()).select_from(InsightRunRow)),
            "contacts": sorted(session.execute(select(ContactRow.id, ContactRow.account_id,
                                                      ContactRow.emails)).all()),
        }


def _failing(*_: object, **__: object) -> None:
    raise RuntimeError("injected: the grouped write failed")


def with_account(db: Database) -> None:
    with db.session() as session:
        repository.upsert_account(session, Account(id="acme", tenant_id=TENANT, name="Acme",
                                                   domains=["customer3.example"]))


@pytest.mark.parametrize("grouped_write", [
    "insert_sources", "save_blobs", "contacts_by_keys", "upsert_contacts", "save_touchpoints",
    "set_stages", "save_insight_runs", "set_touchpoint_results", "finish_sources"])
def test_when_any_grouped_write_fails_every_source_still_lands_one_at_a_time(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        grouped_write: str) -> None:
    with_account(db)
    batch = [*inputs(1, 2, 3, 10), SourceInput("junk.eml", b"\x00\x01binary" * 50,
                                               SourceOptions())]
    expected_outcomes = ingest_batch(db, tenant_id=TENANT, inputs=batch,
                                     runtime=Runtime(extractor=RulesExtractor()))
    expected = landed(db)
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    with_account(other)
    monkeypatch.setattr(bulk, grouped_write, _failing)
    outcomes = ingest_batch(other, tenant_id=TENANT, inputs=batch,
                            runtime=Runtime(extractor=RulesExtractor()))
    assert [(o.uri, len(o.created), len(o.extracted), o.error_stage) for o in outcomes] == [
        (o.uri, len(o.created), len(o.extracted), o.error_stage) for o in expected_outcomes]
    assert landed(other) == expected
    assert expected["runs"] == 4 and ("Question 3", "extracted", "acme", True) in \
        expected["touchpoints"]


def test_a_source_that_cannot_be_received_costs_the_batch_nothing(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    real = sources.insert_source

    def refuse_m2(session: Any, row: SourceRow) -> bool:
        if row.uri == "m2.eml":
            raise RuntimeError("m2.eml: the database refused the row")
        return real(session, row)

    monkeypatch.setattr(bulk, "insert_sources", _failing)
    monkeypatch.setattr(sources, "insert_source", refuse_m2)
    outcomes = ingest_batch(db, tenant_id=TENANT, inputs=inputs(1, 2, 3),
                            runtime=Runtime(extractor=RulesExtractor()))
    assert [(o.uri, len(o.extracted), o.error_stage) for o in outcomes] == [
        ("m1.eml", 1, None), ("m2.eml", 0, "receive"), ("m3.eml", 1, None)]
    assert "refused the row" in (outcomes[1].error or "")
    assert [s for *s, _ in landed(db)["sources"]] == [["m1.eml", "done", None],
                                                       ["m3.eml", "done", None]]


def test_a_touchpoint_that_cannot_be_stored_fails_its_source_alone(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    real = repository.save_touchpoint

    def refuse_question_2(session: Any, touchpoint: Touchpoint, **kwargs: Any) -> bool:
        if touchpoint.subject == "Question 2":
            raise RuntimeError("the database refused the touchpoint")
        return real(session, touchpoint, **kwargs)

    monkeypatch.setattr(bulk, "save_touchpoints", _failing)
    monkeypatch.setattr(repository, "save_touchpoint", refuse_question_2)
    outcomes = ingest_batch(db, tenant_id=TENANT, inputs=inputs(1, 2, 3),
                            runtime=Runtime(extractor=RulesExtractor()))
    assert [(o.uri, len(o.extracted), o.error_stage) for o in outcomes] == [
        ("m1.eml", 1, None), ("m2.eml", 0, "parse"), ("m3.eml", 1, None)]
    stored = landed(db)
    assert [s for *s, _ in stored["sources"]] == [["m1.eml", "done", None],
                                                   ["m2.eml", "failed", "parse"],
                                                   ["m3.eml", "done", None]]
    assert stored["runs"] == 2


def _from(sender: str, number: int, message_id: str | None = None) -> SourceInput:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "rep@vendor.example"
    message["Subject"] = f"Note {number}"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message["Message-ID"] = message_id or f"<n{number}@customer.example>"
    message.set_content(f"Could you send the quote by Friday? ({number})")
    return SourceInput(f"n{number}.eml", bytes(message), SourceOptions())


def test_a_senders_emails_in_one_batch_share_the_contact_the_first_one_created(
        db: Database) -> None:
    with_account(db)
    batch = [_from("Ann <ann@customer3.example>", 1), _from("Bo <bo@elsewhere.example>", 2),
             _from("Ann Lee <ANN@customer3.example>", 3)]
    ingest_batch(db, tenant_id=TENANT, inputs=batch, runtime=Runtime(extractor=RulesExtractor()))
    with db.session() as session:
        by_subject = dict(session.execute(select(TouchpointRow.subject,
                                                 TouchpointRow.contact_ids)).all())
        [ann] = repository.find_contacts(session, tenant_id=TENANT, kind="email",
                                         value="ann@customer3.example")
    assert ann.account_id == "acme" and ann.name == "Ann"  # as the first email created her
    assert ann.id in by_subject["Note 1"] and by_subject["Note 1"] == by_subject["Note 3"]
    assert ann.id not in by_subject["Note 2"]


def test_the_same_message_in_two_files_of_one_batch_is_stored_once_by_the_first(
        db: Database) -> None:
    first = _from("Ann <ann@customer3.example>", 1, message_id="<same@customer.example>")
    copy = _from("Ann <ann@customer3.example>", 2, message_id="<same@customer.example>")
    outcomes = ingest_batch(db, tenant_id=TENANT, inputs=[first, copy],
                            runtime=Runtime(extractor=RulesExtractor()))
    assert len(outcomes[0].created) == 1 and outcomes[0].extracted == outcomes[0].created
    assert outcomes[1].created == [] and outcomes[1].duplicates == outcomes[0].created
    stored = landed(db)
    assert [s[:2] for s in stored["sources"]] == [("n1.eml", "done"), ("n2.eml", "done")]
    assert stored["runs"] == 1
