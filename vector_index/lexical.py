"""The lexical half of hybrid search: terms we analyse ourselves, indexed by the database.

Why our own terms instead of the databases' tokenizers: FTS5's trigram tokenizer cannot match a
query shorter than three characters, and most Chinese words are two (评估, 价格, 续约); Postgres'
text-search parser drops CJK characters under the C locale. So each chunk stores a string of
terms: Latin words and numbers lower-cased (NFKC, so full-width letters match), jieba's
search-mode words for Chinese, plus every CJK character bigram, so a query segmented differently
from the text still meets it. SQLite indexes that string with an FTS5 table (unicode61 over the
spaces), ranked by BM25; Postgres with a GIN index over `array_to_tsvector(...)`, ranked by
`ts_rank`. A query matches chunks sharing any term (OR); more and rarer terms rank higher.
Both live in the tenant's database rows, so nothing is rebuilt at start.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence

from sqlalchemy import ColumnElement, cast, column, func, literal_column, select, table
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import Session

from assistant.storage.index_rows import ChunkRow

_FTS = table("chunks_fts", column("rowid"), column("terms"))

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"[0-9a-z]+(?:[._-][0-9a-z]+)*")
_STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "but", "by", "do", "for", "from", "has", "have", "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "that", "the", "their", "them", "they", "this", "to", "us", "was", "we", "were", "what", "when", "which", "who", "will", "with", "you", "your", "的", "了", "是", "在", "我", "你", "他", "她", "们", "和", "也", "就", "都", "这", "那", "有", "吗", "呢", "吧", "啊", "一下", "我们", "你们", "他们"])


def _jieba_words(run: str) -> list[str]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [w for w in jieba.cut_for_search(run) if len(w) >= 2]


def analyze(value: str) -> list[str]:
    """Terms of a text in order (with repeats): lower-cased Latin words, Chinese words, bigrams."""
    folded = unicodedata.normalize("NFKC", value).lower()
    terms: list[str] = []
    for match in _LATIN.finditer(folded):
        word = match.group()
        terms.append(word)
        if any(ch in word for ch in "._-"):
            terms.extend(p for p in re.split(r"[._-]", word) if p)
    for run in _CJK_RUN.findall(folded):
        if len(run) == 1:
            terms.append(run)
            continue
        terms.extend(_jieba_words(run))
        terms.extend(run[i:i + 2] for i in range(len(run) - 1))
    return [t for t in terms if t not in _STOPWORDS]


def terms_string(value: str) -> str:
    return " ".join(analyze(value))


def query_terms(query: str) -> list[str]:
    """Distinct terms of a query, in order."""
    return list(dict.fromkeys(analyze(query)))


def coverage(terms: list[str], chunk_terms: str) -> float:
    """The share of the query's terms that occur in a chunk's terms."""
    present = set(chunk_terms.split())
    return sum(1 for t in terms if t in present) / len(terms) if terms else 0.0


def search_lexical(session: Session, *, tenant_id: str, model: str, query: str, limit: int,
                   conditions: Sequence[ColumnElement[bool]] = (), min_coverage: float = 0.0
                   ) -> list[tuple[int, float]]:
    """(chunk id, score) best first, higher is better; `conditions` filter `ChunkRow`.

    `min_coverage` drops chunks sharing fewer than that share of the query's terms: a match on
    one common word is noise that would outvote the dense half in fusion (it buried every
    cross-language answer in the retrieval eval).
    """
    terms = query_terms(query)
    if not terms:
        return []
    where = [ChunkRow.tenant_id == tenant_id, ChunkRow.model == model, *conditions]
    if session.get_bind().dialect.name == "sqlite":
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        bm25 = func.bm25(literal_column("chunks_fts"))
        statement = (select(ChunkRow.id, bm25, ChunkRow.terms).select_from(ChunkRow)
                     .join(_FTS, _FTS.c.rowid == ChunkRow.id)
                     .where(literal_column("chunks_fts").op("MATCH")(match), *where)
                     .order_by(bm25).limit(limit))
        return [(int(i), -float(score)) for i, score, chunk_terms in session.execute(statement)
                if coverage(terms, chunk_terms) >= min_coverage]
    tsquery = cast(" | ".join("'" + t.replace("\\", "").replace("'", "''") + "'" for t in terms),
                   TSQUERY)
    vector = func.array_to_tsvector(func.string_to_array(ChunkRow.terms, " "))
    rank = func.ts_rank(vector, tsquery)
    statement = (select(ChunkRow.id, rank, ChunkRow.terms).where(vector.op("@@")(tsquery), *where)
                 .order_by(rank.desc(), ChunkRow.id).limit(limit))
    return [(int(i), float(score)) for i, score, chunk_terms in session.execute(statement)
            if coverage(terms, chunk_terms) >= min_coverage]
