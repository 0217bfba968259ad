"""The index and hybrid search end to end, on SQLite and Postgres, with the real encoder."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.storage import repository
from assistant.storage.chunks import ChunkFilters
from assistant.storage.db import Database
from tests.vector_index.conftest import conversation
from vector_index.faiss_store import forget_open_indexes
from vector_index.indexing import (
    RetrievalOptions,
    index_touchpoint,
    reindex,
    remove_from_index,
)
from vector_index.search import search

CORPUS = [
    ("renewal", [("Dana", "customer", "Our Salesforce renewal is in June, so the contract timing "
                  "matters a lot for us."),
                 ("Alice", "rep", "Understood, I will send the revised quote with annual billing "
                  "by Friday.")], "call", "acme-corp", ["ct-dana"], 2),
    ("sso", [("Marcus", "customer", "The SSO login with Azure AD fails with an invalid redirect "
              "URI error on the pilot tenant."),
             ("Sam", "agent", "We registered the redirect with http instead of https; it is "
              "fixed now, please try again.")], "ticket", "acme-corp", ["ct-marcus"], 3),
    ("zh-price", [("李娜", "customer", "我们在评估销售易，他们的报价比你们便宜百分之十五左右。"),
                  ("王磊", "rep", "明白，我周五前把折扣方案发给您，另外私有化部署也可以谈。")],
     "meeting", "huachen", ["ct-lina"], 4),
    ("export", [("Tom", "customer", "Exporting invoices to CSV fails with error 500 and finance "
                 "cannot close the month."),
                ("Sam", "agent", "Thanks Tom, we are looking into it; could you send the time of "
                 "the last failed export?")], "email", "cobalt", ["ct-tom"], 5),
]


def store(db: Database, options: RetrievalOptions, tenant_id: str = "acme",
          names: list[str] | None = None) -> dict[str, str]:
    ids: dict[str, str] = {}
    for name, turns, channel, account, contacts, day in CORPUS:
        if names is not None and name not in names:
            continue
        tp = conversation(tenant_id=tenant_id, fingerprint=name, turns=turns, channel=channel,
                          account_id=account, contact_ids=contacts, day=day)
        with db.session() as session:
            repository.save_touchpoint(session, tp)
        index_touchpoint(db, tenant_id=tenant_id, touchpoint_id=tp.id, options=options)
        ids[name] = tp.id
    return ids


def top(db: Database, options: RetrievalOptions, query: str, tenant_id: str = "acme",
        **kwargs: object) -> list[str]:
    results = search(db, tenant_id=tenant_id, query=query, options=options, **kwargs)  # type: ignore[arg-type]
    return [hit.touchpoint_id for hit in results.hits]


def test_search_finds_english_chinese_and_cross_language(db: Database,
                                                         options: RetrievalOptions) -> None:
    ids = store(db, options)
    assert top(db, options, "single sign-on problem", limit=1) == [ids["sso"]]
    assert top(db, options, "销售易", limit=1) == [ids["zh-price"]]
    assert top(db, options, "competitor is cheaper, discount", limit=1, mode="dense") == [
        ids["zh-price"]] or ids["zh-price"] in top(db, options, "competitor discount", limit=2)
    assert top(db, options, "error 500", limit=1, mode="lexical") == [ids["export"]]


def test_hits_carry_offsets_into_the_touchpoint_text_and_highlights(
        db: Database, options: RetrievalOptions) -> None:
    ids = store(db, options)
    hit = search(db, tenant_id="acme", query="Azure AD", options=options, limit=1).hits[0]
    with db.session() as session:
        tp = repository.get_touchpoint(session, tenant_id="acme", touchpoint_id=ids["sso"])
    assert tp.text[hit.start:hit.end] == hit.text
    assert [hit.text[a:b] for a, b in hit.highlights] == ["Azure", "AD"]
    assert hit.citation == f"{ids['sso']}:{hit.start}-{hit.end}"


def test_filters_restrict_both_halves(db: Database, options: RetrievalOptions) -> None:
    ids = store(db, options)
    assert set(top(db, options, "quote", filters=ChunkFilters(account_id="cobalt"))) == {
        ids["export"]}
    assert set(top(db, options, "quote", filters=ChunkFilters(channel="meeting"))) == {
        ids["zh-price"]}
    assert set(top(db, options, "quote", filters=ChunkFilters(contact_id="ct-marcus"))) == {
        ids["sso"]}
    from datetime import datetime
    late = ChunkFilters(since=datetime.fromisoformat("2026-03-04T00:00+08:00"))
    assert set(top(db, options, "quote", filters=late)) == {ids["zh-price"], ids["export"]}


def test_reindexing_unchanged_text_embeds_nothing(db: Database, options: RetrievalOptions) -> None:
    ids = store(db, options, names=["renewal"])
    again = index_touchpoint(db, tenant_id="acme", touchpoint_id=ids["renewal"], options=options)
    assert again.unchanged and again.embedded == 0
    rebuilt = reindex(db, tenant_id="acme", options=options)
    assert rebuilt.embedded == 0 and rebuilt.vectors == rebuilt.chunks > 0


def test_deleting_removes_from_results(db: Database, options: RetrievalOptions) -> None:
    ids = store(db, options)
    assert ids["export"] in top(db, options, "CSV export error")
    assert remove_from_index(db, tenant_id="acme", options=options, account_id="cobalt") > 0
    assert ids["export"] not in top(db, options, "CSV export error")
    remove_from_index(db, tenant_id="acme", options=options, contact_id="ct-lina")
    assert ids["zh-price"] not in top(db, options, "销售易 报价")
    with db.session() as session:  # erasing the touchpoint erases its chunks (foreign key)
        repository.delete_touchpoint(session, tenant_id="acme", touchpoint_id=ids["sso"])
    assert ids["sso"] not in top(db, options, "SSO redirect URI Azure AD")


def test_rebuild_gives_the_same_results_as_incremental(db: Database,
                                                       options: RetrievalOptions) -> None:
    store(db, options)
    queries = ["renewal contract", "SSO", "价格", "CSV export", "discount for private deployment"]
    incremental = [top(db, options, q) for q in queries]
    reindex(db, tenant_id="acme", options=options)
    forget_open_indexes()
    assert [top(db, options, q) for q in queries] == incremental


def test_a_query_for_one_tenant_never_returns_another_tenants_chunks(
        db: Database, options: RetrievalOptions) -> None:
    mine = store(db, options, tenant_id="acme", names=["renewal"])
    theirs = store(db, options, tenant_id="other", names=["renewal", "sso", "export"])
    for mode in ("hybrid", "dense", "lexical"):
        found = top(db, options, "Salesforce renewal SSO export", limit=20, mode=mode)
        assert set(found) == {mine["renewal"]}
        assert not set(found) & set(theirs.values())


def test_a_corrupt_index_file_is_rebuilt_with_a_message(db: Database,
                                                        options: RetrievalOptions) -> None:
    ids = store(db, options)
    expected = top(db, options, "SSO login")
    files = list(options.store.directory.rglob("*.faiss"))
    assert files
    for path in files:
        path.write_bytes(path.read_bytes()[:100] + b"garbage")
    forget_open_indexes()
    results = search(db, tenant_id="acme", query="SSO login", options=options)
    assert [h.touchpoint_id for h in results.hits] == expected
    assert any("could not be used" in n and "rebuilding" in n for n in results.notices)
    assert ids["sso"] == expected[0]


def test_a_second_process_sees_new_chunks_after_catching_up(
        db: Database, options: RetrievalOptions, tmp_path: Path) -> None:
    ids = store(db, options, names=["renewal"])
    assert set(top(db, options, "invoices CSV export error 500", mode="dense")) == {ids["renewal"]}
    script = textwrap.dedent(f"""
        from assistant.storage import repository
        from assistant.storage.db import open_database
        from tests.vector_index.conftest import conversation
        from tests.vector_index.test_index import CORPUS
        from vector_index.embedders import EmbedderOptions
        from vector_index.faiss_store import StoreOptions
        from vector_index.indexing import RetrievalOptions, index_touchpoint
        db = open_database({str(db.engine.url.render_as_string(hide_password=False))!r})
        options = RetrievalOptions(store=StoreOptions(directory=__import__('pathlib').Path(
            {str(tmp_path / 'other-worker-index')!r})), embedder=EmbedderOptions(name='usem3'))
        name, turns, channel, account, contacts, day = CORPUS[3]
        tp = conversation(fingerprint=name, turns=turns, channel=channel, account_id=account,
                          contact_ids=contacts, day=day)
        with db.session() as session:
            repository.save_touchpoint(session, tp)
        index_touchpoint(db, tenant_id='acme', touchpoint_id=tp.id, options=options)
        print(tp.id)
    """)
    worker = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=Path(__file__).parents[2], timeout=120)
    assert worker.returncode == 0, worker.stderr
    new_id = worker.stdout.strip().splitlines()[-1]
    assert top(db, options, "invoices CSV export error 500", mode="dense")[0] == new_id


def test_an_approximate_index_serves_above_the_threshold(db: Database,
                                                         options: RetrievalOptions) -> None:
    from dataclasses import replace

    small = replace(options, store=replace(options.store, approximate_above=4, nprobe=64))
    ids = store(db, small)
    results = search(db, tenant_id="acme", query="SSO login Azure", options=small, mode="dense")
    assert results.hits[0].touchpoint_id == ids["sso"]
    from vector_index.embedders import get_embedder
    from vector_index.faiss_store import tenant_index

    model = get_embedder(small.embedder).model_id
    assert not tenant_index(small.store, tenant_id="acme", model=model, dim=512).is_exact


@pytest.mark.parametrize("query", ["", "   ", "的"])
def test_an_empty_or_stopword_query_returns_dense_hits_or_nothing(
        db: Database, options: RetrievalOptions, query: str) -> None:
    store(db, options, names=["renewal"])
    assert len(top(db, options, query, mode="lexical")) == 0
