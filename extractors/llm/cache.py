"""A SQLite cache of validated LLM answers, keyed by (prompt hash, model, input hash).

Re-running extraction on unchanged input with an unchanged prompt and model costs nothing: the
stored answer is replayed and the result is marked `cached`. Only answers that passed schema
validation are stored, so a bad reply is never replayed. The file lives under the data
directory; sqlite3 from the standard library is enough for one writer per process, and each
call opens its own connection so worker threads never share one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS llm_answers (
    key TEXT PRIMARY KEY,
    prompt_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    answer TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)
"""


def cache_key(prompt_hash: str, model: str, input_text: str) -> str:
    input_hash = hashlib.sha256(input_text.encode()).hexdigest()
    return hashlib.sha256(f"{prompt_hash}\x00{model}\x00{input_hash}".encode()).hexdigest()


@dataclass(frozen=True)
class CachedAnswer:
    answer: dict[str, Any]
    input_tokens: int
    output_tokens: int


class AnswerCache:
    """Validated answers on disk; `get` returns None on a miss."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            with connection:  # commits on success, rolls back on error
                yield connection
        finally:
            connection.close()

    def get(self, key: str) -> CachedAnswer | None:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT answer, input_tokens, output_tokens FROM llm_answers WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return CachedAnswer(answer=json.loads(row[0]), input_tokens=row[1], output_tokens=row[2])

    def put(self, key: str, *, prompt_hash: str, model: str, answer: dict[str, Any],
            input_tokens: int, output_tokens: int) -> None:
        with self._connect() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO llm_answers "
                "(key, prompt_hash, model, answer, input_tokens, output_tokens) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, prompt_hash, model, json.dumps(answer, ensure_ascii=False),
                 input_tokens, output_tokens),
            )
