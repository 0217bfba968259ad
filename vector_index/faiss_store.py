"""Per-tenant FAISS indexes: a derived cache of the embeddings stored in the database.

The database rows are the truth; each process keeps its own copy of a tenant's index in memory
and on disk (`<data dir>/index/<tenant>/<model>.faiss`) and catches up before every search:
chunks with an id above the index's high-water mark are added, and when the index's size then
differs from the database's count (a deletion by another process, or ids committed out of order
on Postgres) the two id sets are reconciled. So an API process and any number of workers stay
consistent without sharing files.

Exact inner product (`IndexIDMap2` over `IndexFlatIP`, ids = chunk ids) while a tenant has fewer
than `approximate_above` vectors; above, an inverted-file index (`IndexIVFFlat`, ids stored in
its lists) trained on the tenant's own vectors: it builds in seconds where HNSW takes minutes at
a million vectors, and it supports removal by id. Its recall against exact search is measured by
`benchmarks/retrieval.py`. A file is written whole to a temporary name and renamed (atomic), with
a CRC so a torn or corrupt file is detected; such a file is rebuilt from the database, with a
warning, never a crash.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import faiss as _faiss
import numpy as np
from sqlalchemy.orm import Session

from assistant.storage import chunks as chunk_store

# faiss's bundled stubs describe the C++ signatures, not the numpy wrappers we call
faiss: Any = _faiss
log = logging.getLogger(__name__)
_MAGIC = b"TPFAISS1"


@dataclass(frozen=True)
class StoreOptions:
    """Where the cache lives and when it turns approximate."""

    directory: Path
    approximate_above: int = 100_000
    nprobe: int = 16  # inverted lists visited per query (recall vs speed, see the benchmark)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:120] or "_"


def build_index(vectors: np.ndarray, ids: np.ndarray, *, approximate_above: int,
                dim: int) -> Any:
    """Exact (flat, id-mapped) below the threshold, else IVF-flat trained on `vectors`."""
    if len(vectors) < approximate_above:
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
    else:
        # ~2*sqrt(n) lists, trained on 39 points a list for 10 k-means rounds: 1M vectors train
        # quickly enough on 2 cores to rebuild in the background (see benchmarks/retrieval.py)
        nlist = int(2 ** round(math.log2(2 * math.sqrt(len(vectors)))))
        nlist = max(1, min(nlist, len(vectors) // 39))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        index.cp.niter = 10
        sample = vectors[np.random.default_rng(0).permutation(len(vectors))[:nlist * 39]]
        index.train(sample)
    if len(vectors):
        index.add_with_ids(vectors, ids)
    return index


def index_ids(index: Any) -> np.ndarray:
    """Every id stored in an index built by `build_index`."""
    if isinstance(index, faiss.IndexIDMap2):
        return faiss.vector_to_array(index.id_map).astype(np.int64)
    ivf = faiss.extract_index_ivf(index)
    lists = ivf.invlists
    parts = [faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
             for i in range(ivf.nlist) if lists.list_size(i)]
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)


@dataclass
class TenantIndex:
    """One tenant's vectors for one embedding model, kept in step with the database."""

    options: StoreOptions
    tenant_id: str
    model: str
    dim: int
    index: Any = None
    high_water: int = 0
    notices: list[str] = field(default_factory=list)
    _lock: threading.RLock = field(default_factory=threading.RLock)

    @property
    def path(self) -> Path:
        return self.options.directory / _safe(self.tenant_id) / f"{_safe(self.model)}.faiss"

    @property
    def size(self) -> int:
        return int(self.index.ntotal) if self.index is not None else 0

    @property
    def is_exact(self) -> bool:
        return self.index is None or isinstance(self.index, faiss.IndexIDMap2)

    # --- disk --------------------------------------------------------------------------------

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            raw = self.path.read_bytes()
            if raw[:8] != _MAGIC:
                raise ValueError("not a Touchpoint index file")
            header_len = int.from_bytes(raw[8:16], "little")
            header = json.loads(raw[16:16 + header_len])
            body = memoryview(raw)[16 + header_len:]
            if zlib.crc32(body) != header["crc32"]:
                raise ValueError("checksum mismatch (torn or corrupt file)")
            if header["model"] != self.model or header["dim"] != self.dim:
                raise ValueError(f"built for {header['model']} ({header['dim']}-d)")
            self.index = faiss.deserialize_index(np.frombuffer(body, dtype=np.uint8))
            self.high_water = int(header["high_water"])
        except (OSError, ValueError, KeyError, RuntimeError, json.JSONDecodeError) as exc:
            self._notice(f"index file {self.path} could not be used ({exc}); rebuilding it "
                         "from the database")
            self.index, self.high_water = None, 0

    def save(self) -> None:
        """Write the whole index to a temporary file, then rename it over the old one."""
        if self.index is None:
            return
        payload = faiss.serialize_index(self.index)
        header = json.dumps({"model": self.model, "dim": self.dim, "high_water": self.high_water,
                             "tenant": self.tenant_id, "crc32": zlib.crc32(memoryview(payload))}).encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with open(temporary, "wb") as out:
            out.write(_MAGIC + len(header).to_bytes(8, "little") + header)
            out.write(payload.tobytes())
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, self.path)

    def _notice(self, message: str) -> None:
        log.warning(message)
        self.notices.append(message)

    # --- keeping up with the database ----------------------------------------------------

    def rebuild(self, session: Session) -> None:
        """Build from every stored embedding of this tenant and model, then save."""
        with self._lock:
            ids: list[int] = []
            parts: list[np.ndarray] = []
            for batch in chunk_store.iter_embeddings(session, tenant_id=self.tenant_id,
                                                     model=self.model):
                ids += [i for i, _ in batch]
                parts += [np.frombuffer(e, dtype=np.float32) for _, e in batch]
            vectors = np.vstack(parts) if parts else np.zeros((0, self.dim), dtype=np.float32)
            self.index = build_index(vectors, np.asarray(ids, dtype=np.int64),
                                     approximate_above=self.options.approximate_above,
                                     dim=self.dim)
            self.high_water = max(ids, default=0)
            self.save()

    def catch_up(self, session: Session) -> bool:
        """Bring the index level with the database; True when anything changed."""
        with self._lock:
            if self.index is None:
                missing = not self.path.exists()
                self._load()
                if self.index is None:
                    if missing and chunk_store.chunk_stats(session, tenant_id=self.tenant_id,
                                                           model=self.model)[0]:
                        self._notice(f"no index file at {self.path}; building it from the "
                                     "database")
                    self.rebuild(session)
                    return True
            count, highest = chunk_store.chunk_stats(
                session, tenant_id=self.tenant_id, model=self.model)
            changed = False
            if highest > self.high_water:
                self._add(session, after_id=self.high_water)
                self.high_water, changed = highest, True
            if self.size != count:
                self._reconcile(session)
                changed = True
            if self.is_exact and self.size >= self.options.approximate_above:
                self.rebuild(session)  # crossed the threshold: train the approximate index
                return True
            if changed:
                self.save()
            return changed

    def _add(self, session: Session, *, after_id: int = 0, ids: list[int] | None = None) -> None:
        assert self.index is not None
        for batch in chunk_store.iter_embeddings(session, tenant_id=self.tenant_id,
                                                 model=self.model, after_id=after_id, ids=ids):
            if batch:
                vectors = np.vstack([np.frombuffer(e, dtype=np.float32) for _, e in batch])
                self.index.add_with_ids(vectors, np.asarray([i for i, _ in batch], dtype=np.int64))

    def _reconcile(self, session: Session) -> None:
        """Make the index's ids exactly the database's: drop the deleted, add the missing."""
        assert self.index is not None
        stored = np.asarray(chunk_store.chunk_ids(session, tenant_id=self.tenant_id,
                                                  model=self.model), dtype=np.int64)
        present = index_ids(self.index)
        gone = np.setdiff1d(present, stored)
        missing = np.setdiff1d(stored, present)
        if len(gone):
            self.index.remove_ids(gone)
        if len(missing):
            self._add(session, ids=[int(i) for i in missing])

    def remove(self, ids: list[int]) -> int:
        """Drop vectors now (this process, and its file); others drop them when they catch up.
        Returns how many were in the index."""
        with self._lock:
            if self.index is None:
                self._load()
            if self.index is None or not ids:
                return 0
            removed = int(self.index.remove_ids(np.asarray(ids, dtype=np.int64)))
            if removed:
                self.save()
            return removed

    # --- search ------------------------------------------------------------------------------

    def search(self, query: np.ndarray, k: int, allowed: list[int] | None = None
               ) -> list[tuple[int, float]]:
        """(chunk id, inner product) best first for one query vector; `allowed` restricts ids."""
        with self._lock:
            if self.index is None or self.size == 0 or (allowed is not None and not allowed):
                return []
            vector = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
            params = None
            selector = (faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
                        if allowed is not None else None)
            if self.is_exact:
                if selector is not None:
                    params = faiss.SearchParameters(sel=selector)
            else:
                ivf = faiss.extract_index_ivf(self.index)
                nprobe = self.options.nprobe
                if allowed is not None:  # a narrow filter must look in more lists to find k
                    share = len(allowed) / max(self.size, 1)
                    nprobe = ivf.nlist if share < 0.05 else int(nprobe / share)
                params = faiss.SearchParametersIVF(nprobe=min(nprobe, ivf.nlist))
                if selector is not None:
                    params.sel = selector
            scores, ids = self.index.search(vector, min(k, self.size), params=params)
            return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]


_open: dict[tuple[Path, str, str], TenantIndex] = {}
_open_lock = threading.Lock()


def tenant_index(options: StoreOptions, *, tenant_id: str, model: str, dim: int) -> TenantIndex:
    """The process's index for (tenant, model), loaded from disk on first use."""
    key = (options.directory.resolve(), tenant_id, model)
    with _open_lock:
        found = _open.get(key)
        if found is None or found.dim != dim or found.options != options:
            found = _open[key] = TenantIndex(options, tenant_id, model, dim)
        return found


def _header(path: Path) -> dict[str, Any] | None:
    """The JSON header of an index file, or None when it is not one (it is rebuilt on use)."""
    try:
        with open(path, "rb") as raw:
            if raw.read(8) != _MAGIC:
                return None
            size = int.from_bytes(raw.read(8), "little")
            header: dict[str, Any] = json.loads(raw.read(size))
            return header
    except (OSError, ValueError):
        return None


def remove_everywhere(options: StoreOptions, *, tenant_id: str, ids: list[int]) -> int:
    """Drop `ids` from every index file of the tenant (every model) and from this process's
    copies, saving each file atomically; returns how many vectors went. Other processes drop
    them when they next catch up, which they do before every search."""
    if not ids:
        return 0
    removed = 0
    for path in sorted((options.directory / _safe(tenant_id)).glob("*.faiss")):
        header = _header(path)
        if header is None:  # unreadable: rebuilt from the database (without them) on next use
            path.unlink(missing_ok=True)
            continue
        index = tenant_index(options, tenant_id=tenant_id, model=str(header["model"]),
                             dim=int(header["dim"]))
        removed += index.remove(ids)
    with _open_lock:
        loaded = [i for (directory, tenant, _), i in _open.items()
                  if directory == options.directory.resolve() and tenant == tenant_id]
    for index in loaded:  # copies in memory whose file is gone
        if not index.path.exists():
            removed += index.remove(ids)
    return removed


def forget_open_indexes() -> None:
    """Drop this process's in-memory copies (tests simulate a fresh process with this)."""
    with _open_lock:
        _open.clear()
