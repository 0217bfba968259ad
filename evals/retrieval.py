"""Retrieval eval: recall@k and MRR of the dense, lexical and hybrid halves side by side.

A retrieval set is JSON Lines of `{"id", "query", "language", "relevant": [item ids]}` whose ids
name items of the extraction gold datasets (the corpus: `dev.jsonl` and `test.jsonl` by
default), so queries are scored against real, varied touchpoints. The corpus goes through the
production index stage (chunking, embedding, FTS) in a scratch database; a touchpoint counts as
retrieved at the rank of its first chunk.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from assistant.errors import BadInputError
from assistant.storage import repository
from assistant.storage.db import open_database
from evals.dataset import load_dataset, to_touchpoint
from vector_index.embedders import EmbedderOptions
from vector_index.faiss_store import StoreOptions
from vector_index.indexing import RetrievalOptions, index_touchpoint
from vector_index.search import search

MODES = ("dense", "lexical", "hybrid")
DATASETS = Path(__file__).parent / "datasets"


@dataclass(frozen=True)
class Query:
    id: str
    query: str
    language: str
    relevant: tuple[str, ...]


def load_queries(path: Path) -> list[Query]:
    queries: list[Query] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            queries.append(Query(id=record["id"], query=record["query"],
                                 language=record.get("language", "other"),
                                 relevant=tuple(record["relevant"])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise BadInputError(f"{path}:{number}: a query needs id, query and relevant "
                                f"({exc})") from exc
    return queries


def _rank(found: list[str], relevant: tuple[str, ...]) -> int | None:
    for rank, item in enumerate(found, start=1):
        if item in relevant:
            return rank
    return None


def run_retrieval_eval(queries_path: Path, *, corpus: list[Path] | None = None,
                       embedder: EmbedderOptions | None = None, k: int = 5,
                       depth: int = 10) -> dict[str, Any]:
    """Index the corpus in a scratch store, run every query in every mode, score."""
    queries = load_queries(queries_path)
    items = [item for path in corpus or [DATASETS / "dev.jsonl", DATASETS / "test.jsonl"]
             for item in load_dataset(path)]
    known = {item.id for item in items}
    unknown = sorted({r for q in queries for r in q.relevant} - known)
    if unknown:
        raise BadInputError(f"{queries_path}: relevant ids not in the corpus: {unknown[:5]}")
    with tempfile.TemporaryDirectory(prefix="touchpoint-retrieval-eval-") as scratch:
        db = open_database(f"sqlite:///{Path(scratch) / 'eval.db'}")
        options = RetrievalOptions(store=StoreOptions(directory=Path(scratch) / "index"),
                                   embedder=embedder or EmbedderOptions())
        by_touchpoint: dict[str, str] = {}
        started = time.perf_counter()
        for item in items:
            tp = to_touchpoint(item)
            by_touchpoint[tp.id] = item.id
            with db.session() as session:
                repository.save_touchpoint(session, tp)
            index_touchpoint(db, tenant_id=tp.tenant_id, touchpoint_id=tp.id, options=options)
        index_seconds = time.perf_counter() - started
        rows: list[dict[str, Any]] = []
        for query in queries:
            row: dict[str, Any] = {"id": query.id, "query": query.query,
                                   "language": query.language, "relevant": list(query.relevant)}
            for mode in MODES:
                hits = search(db, tenant_id="eval", query=query.query, options=options,
                              limit=depth * 3, mode=mode).hits  # type: ignore[arg-type]
                found = list(dict.fromkeys(by_touchpoint[h.touchpoint_id] for h in hits))[:depth]
                row[mode] = {"rank": _rank(found, query.relevant), "top": found[:k]}
            rows.append(row)
        db.close()
    return {"queries": len(queries), "corpus": len(items), "k": k, "depth": depth,
            "index_seconds": round(index_seconds, 1),
            "overall": _score(rows, k), "by_language": {
                lang: _score([r for r in rows if r["language"] == lang], k)
                for lang in sorted({r["language"] for r in rows})},
            "items": rows}


def _score(rows: list[dict[str, Any]], k: int) -> dict[str, Any]:
    scores: dict[str, Any] = {"queries": len(rows)}
    for mode in MODES:
        ranks = [r[mode]["rank"] for r in rows]
        scores[mode] = {
            f"recall_at_{k}": round(mean(1.0 if rank and rank <= k else 0.0 for rank in ranks), 3),
            "mrr": round(mean(1.0 / rank if rank else 0.0 for rank in ranks), 3),
        }
    return scores


def misses(report: dict[str, Any], mode: str = "hybrid") -> list[dict[str, Any]]:
    k = report["k"]
    return [r for r in report["items"] if not r[mode]["rank"] or r[mode]["rank"] > k]
