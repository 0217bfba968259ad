"""DELETE /v1/contacts/{id} and /v1/accounts/{id}: nothing of the subject stays findable by
list, by id, in the stored sources and their raw bytes, the lookup keys, the events or the LLM
answer cache; the audit record counts what went and holds no personal data."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import select

from assistant.config import Settings
from assistant.models import Event
from assistant.storage import repository
from assistant.storage.api_rows import ErasureAuditRow
from assistant.storage.rows import BlobRow, SourceRow
from extractors.llm.cache import AnswerCache
from tests.api.conftest import Seeded

MAYA = ("Maya", "Patel", "maya.patel@northwind.example", "+12125550143")


def _source_hash(client: TestClient, seeded: Seeded, name: str) -> str:
    body = client.get(f"/v1/touchpoints/{seeded.touchpoints[name]}",
                      headers=seeded.auth("admin")).json()
    return body["touchpoint"]["source"]["sha256"]


def _blobs(database, tenant: str) -> set[str]:
    with database.session() as session:
        return set(session.scalars(select(BlobRow.sha256).where(BlobRow.tenant_id == tenant)))


def _cache_with(settings: Settings, quote: str) -> AnswerCache:
    cache = AnswerCache(settings.data_dir / "llm_cache.sqlite3")
    cache.put("k-maya", prompt_hash="p", model="m", answer={"next_steps": [{"quote": quote}]},
              input_tokens=1, output_tokens=1)
    cache.put("k-other", prompt_hash="p", model="m", answer={"next_steps": [{"quote": "x"}]},
              input_tokens=1, output_tokens=1)
    return cache


def test_erasing_a_contact_leaves_nothing_findable(client: TestClient, database,
                                                   settings: Settings,
                                                   tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    maya = acme.contacts["Maya Patel"]
    with database.session() as session:
        repository.save_event(session, Event(id="ev1", tenant_id="acme", contact_id=maya,
                                             account_id="acc-north", kind="page_viewed",
                                             occurred_at=datetime(2026, 3, 1, tzinfo=UTC)))
    email_hash = _source_hash(client, acme, "north_email")
    cache = _cache_with(settings, "Could you send the revised quote by Friday?")
    erased = client.delete(f"/v1/contacts/{maya}", headers=acme.auth("admin"))
    assert erased.status_code == 200, erased.text
    counts = erased.json()
    assert counts["contacts"] == 1 and counts["touchpoints"] == 2 and counts["events"] == 1
    assert counts["cached_answers"] == 1
    assert cache.get("k-maya") is None and cache.get("k-other") is not None
    assert counts["sources"] == 2
    assert _blobs(database, "acme") == {_source_hash(client, acme, "cobalt_email")}
    assert email_hash in _blobs(database, "globex")  # the same bytes, another tenant: kept

    headers = acme.auth("admin")
    listed = client.get("/v1/touchpoints", headers=headers).json()["touchpoints"]
    assert [t["id"] for t in listed] == [acme.touchpoints["cobalt_email"]]
    for name in ("north_email", "ticket"):
        assert client.get(f"/v1/touchpoints/{acme.touchpoints[name]}",
                          headers=headers).status_code == 404
    assert client.delete(f"/v1/contacts/{maya}", headers=headers).status_code == 404
    with database.session() as session:
        assert repository.find_contacts(session, tenant_id="acme", kind="email",
                                        value=MAYA[2]) == []
        assert repository.list_events(session, tenant_id="acme") == []
        assert len(repository.list_touchpoints(session, tenant_id="globex")) == 3
        audit = session.scalars(select(ErasureAuditRow)).one()
    record = str({c.name: getattr(audit, c.name) for c in ErasureAuditRow.__table__.columns})
    assert audit.subject_kind == "contact" and audit.key_id == acme.key_ids["admin"]
    for personal in (*MAYA, maya, *acme.touchpoints.values()):
        assert personal not in record

    with database.session() as session:
        assert session.scalars(select(SourceRow).where(SourceRow.tenant_id == "acme",
                                                       SourceRow.sha256 == email_hash)).all() == []


def test_erasing_an_account_takes_its_contacts_touchpoints_and_events(
        client: TestClient, database, tenants: dict[str, Seeded]) -> None:
    acme = tenants["acme"]
    with database.session() as session:
        repository.save_event(session, Event(id="ev2", tenant_id="acme", account_id="acc-cobalt",
                                             kind="trial_started",
                                             occurred_at=datetime(2026, 3, 1, tzinfo=UTC)))
    erased = client.delete("/v1/accounts/acc-cobalt", headers=acme.auth("admin")).json()
    assert erased["accounts"] == 1 and erased["contacts"] == 1
    assert erased["touchpoints"] == 1 and erased["events"] == 1
    assert client.get("/v1/accounts/acc-cobalt", headers=acme.auth("admin")).status_code == 404
    remaining = client.get("/v1/touchpoints", headers=acme.auth("admin")).json()["touchpoints"]
    assert acme.touchpoints["cobalt_email"] not in {t["id"] for t in remaining}
    assert len(remaining) == 2
    with database.session() as session:
        assert repository.list_contacts(session, tenant_id="acme", account_id="acc-cobalt") == []


def _file_ids(settings: Settings, tenant: str) -> set[int]:
    """The chunk ids held by the tenant's FAISS file on disk (read fresh, not this process's
    copy in memory)."""
    import json

    from assistant.bootstrap import retrieval_options
    from vector_index.faiss_store import TenantIndex, index_ids

    store = retrieval_options(settings).store
    ids: set[int] = set()
    for path in (store.directory / tenant).glob("*.faiss"):
        raw = path.read_bytes()
        header = json.loads(raw[16:16 + int.from_bytes(raw[8:16], "little")])
        on_disk = TenantIndex(store, tenant, header["model"], header["dim"])
        on_disk._load()
        assert on_disk.index is not None, f"{path} could not be read"
        ids |= {int(i) for i in index_ids(on_disk.index)}
    return ids


def test_erasing_a_contact_removes_their_chunks_and_vectors_from_search(
        client: TestClient, database, settings: Settings, tenants: dict[str, Seeded]) -> None:
    from assistant.bootstrap import retrieval_options
    from assistant.storage.index_rows import ChunkRow, EmbeddingCacheRow
    from vector_index.indexing import index_pending, open_tenant_index

    acme, headers = tenants["acme"], tenants["acme"].auth("admin")
    options = retrieval_options(settings)
    index_pending(database, tenant_id="acme", options=options)
    open_tenant_index(database, tenant_id="acme", options=options)  # writes the FAISS file
    erased_tps = {acme.touchpoints["north_email"], acme.touchpoints["ticket"]}
    with database.session() as session:
        chunks = session.execute(select(ChunkRow.id, ChunkRow.touchpoint_id,
                                        ChunkRow.content_hash)
                                 .where(ChunkRow.tenant_id == "acme")).all()
    erased_chunks = {c for c, tp, _ in chunks if tp in erased_tps}
    erased_hashes = {h for _, tp, h in chunks if tp in erased_tps}
    assert erased_chunks and erased_chunks <= _file_ids(settings, "acme")

    def hits(query: str) -> set[str]:
        found = client.get("/v1/search", headers=headers, params={"q": query})
        assert found.status_code == 200, found.text
        return {hit["touchpoint_id"] for hit in found.json()["hits"]}

    assert hits("revised quote by Friday") & erased_tps

    erased = client.delete(f"/v1/contacts/{acme.contacts['Maya Patel']}", headers=headers)
    assert erased.status_code == 200, erased.text
    assert erased.json()["chunks"] == len(erased_chunks)
    assert erased.json()["vectors"] == len(erased_chunks)
    on_disk = _file_ids(settings, "acme")  # before any search could catch up
    assert not on_disk & erased_chunks and on_disk  # the other account's vectors stay
    with database.session() as session:
        assert session.scalars(select(ChunkRow.id).where(
            ChunkRow.tenant_id == "acme", ChunkRow.touchpoint_id.in_(erased_tps))).all() == []
        cached = set(session.scalars(select(EmbeddingCacheRow.content_hash).where(
            EmbeddingCacheRow.tenant_id == "acme")))
        assert not cached & erased_hashes
    for query in ("revised quote by Friday", "SSO login fails", "Maya Patel Salesforce price"):
        assert not hits(query) & erased_tps, query
