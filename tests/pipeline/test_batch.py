"""Batch ingest: grouped writes, the same results as one source at a time, and no source that
can cost the others anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant.models import Insights, Touchpoint
from assistant.pipeline import Runtime, SourceOptions
from assistant.pipeline.batch import SourceInput, ingest_batch
from assistant.storage.db import Database, open_database
from assistant.storage.rows import InsightRunRow, SourceRow
from extractors.base import ExtractionContext, Extractor
from extractors.rules import RulesExtractor
from tests.pipeline.test_resume import email_bytes

TENANT = "t1"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(f"sqlite:///{tmp_path / 'tp.db'}")


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
