"""Gold datasets in the DESIGN.md eval format: JSON Lines, one labelled touchpoint a line.

An item has `text`, or `path` to a file next to the dataset that goes through the production
parsers. A `competitors.yaml` beside the dataset becomes the competitor catalog. Text items
become a touchpoint without segments; the extractors split "Speaker: text" lines themselves, so
the eval measures exactly what production does with pasted text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, get_args

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions, detect_language, sha256_hex, touchpoint_id
from assistant.models import CHANNELS, SentimentLabel, Source, Touchpoint
from extractors.base import CompetitorCatalog

SENTIMENT_LABELS: tuple[str, ...] = get_args(SentimentLabel)


@dataclass(frozen=True)
class GoldItem:
    """One labelled touchpoint; `extra` keeps unknown keys (split, direction, rep_names, ...)."""

    id: str
    channel: str
    language: str
    occurred_at: datetime
    expected: dict[str, Any]
    text: str | None = None
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _item(record: Any, where: str, base: Path) -> GoldItem:
    if not isinstance(record, dict):
        raise BadInputError(f"{where}: each line must be a JSON object")
    missing = [k for k in ("id", "channel", "occurred_at", "expected") if k not in record]
    if "text" not in record and "path" not in record:
        missing.append("text or path")
    if missing:
        raise BadInputError(f"{where}: missing {', '.join(missing)}")
    if record.get("direction", "inbound") not in ("inbound", "outbound"):
        raise BadInputError(f"{where}: direction must be inbound or outbound")
    if record["channel"] not in CHANNELS:
        raise BadInputError(f"{where}: channel {record['channel']!r} is not one of {CHANNELS}")
    try:
        occurred_at = datetime.fromisoformat(str(record["occurred_at"]))
    except ValueError:
        raise BadInputError(f"{where}: occurred_at is not ISO-8601") from None
    if occurred_at.tzinfo is None:
        raise BadInputError(f"{where}: occurred_at needs a UTC offset")
    expected = record["expected"]
    if not isinstance(expected, dict):
        raise BadInputError(f"{where}: expected must be an object")
    _check_expected(expected, where)
    path = (base / str(record["path"])) if record.get("path") else None
    if path is not None and not path.is_file():
        raise BadInputError(f"{where}: path {record['path']!r} is not a file next to the dataset "
                            f"(looked for {path})")
    text = record.get("text")
    if path is None and not isinstance(text, str):
        raise BadInputError(f"{where}: text must be a string")
    if path is not None and not record.get("language"):
        raise BadInputError(f"{where}: an item given by path needs a language (en, zh, mixed)")
    language = str(record.get("language") or detect_language(text or ""))
    return GoldItem(id=str(record["id"]), channel=record["channel"],
                    language=language, occurred_at=occurred_at,
                    expected=expected, text=text, path=path,
                    extra={k: v for k, v in record.items()
                           if k not in ("id", "channel", "language", "occurred_at", "expected",
                                        "text", "path")})


def _check_expected(expected: dict[str, Any], where: str) -> None:
    """Reject labels the scorer would misread, naming the key and the shape it needs."""
    for key in ("competitors", "pain_points", "objections", "buying_signals", "questions"):
        if key in expected and not (isinstance(expected[key], list)
                                    and all(isinstance(v, str) for v in expected[key])):
            raise BadInputError(f"{where}: expected.{key} must be a list of strings")
    sentiment = expected.get("sentiment")
    if sentiment is not None and sentiment not in SENTIMENT_LABELS:
        raise BadInputError(f"{where}: expected.sentiment {sentiment!r} is not one of "
                            f"{', '.join(SENTIMENT_LABELS)}")
    steps = expected.get("next_steps", [])
    if not isinstance(steps, list) or not all(
            isinstance(step, dict) and isinstance(step.get("action"), str) for step in steps):
        raise BadInputError(f"{where}: expected.next_steps must be a list of objects with an "
                            '"action" string (and optional "owner", "due": "YYYY-MM-DD")')


def load_dataset(path: Path, *, split: str | None = None) -> list[GoldItem]:
    """Every item in a JSONL dataset; BadInputError names the line and the problem.

    `split` keeps only the items whose `"split"` field equals it (e.g. "dev" or "test").
    """
    if not path.is_file():
        raise BadInputError(f"{path}: no such dataset")
    items: list[GoldItem] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInputError(f"{where}: not valid JSON ({exc.msg})") from None
        item = _item(record, where, path.parent)
        if item.id in seen:
            raise BadInputError(f"{where}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise BadInputError(f"{path}: the dataset has no items")
    if split is None:
        return items
    chosen = [item for item in items if item.extra.get("split") == split]
    if not chosen:
        splits = sorted({str(item.extra.get("split")) for item in items if "split" in item.extra})
        raise BadInputError(f"{path}: no items with split {split!r}; the dataset has "
                            f"{', '.join(splits) if splits else 'no split field'}")
    return chosen


def dataset_catalog(path: Path) -> CompetitorCatalog | None:
    """The `competitors.yaml` next to the dataset, if there is one."""
    candidate = path.parent / "competitors.yaml"
    if not candidate.is_file():
        return None
    from extractors.catalog import load_catalog

    return load_catalog(candidate)


def to_touchpoint(item: GoldItem, *, tenant_id: str = "eval") -> Touchpoint:
    """The touchpoint production would see for this item."""
    if item.path is not None:
        from assistant.ingest.dispatch import parse_content

        options = ParseOptions(tenant_id=tenant_id, occurred_at=item.occurred_at,
                               language=item.language if item.language in ("en", "zh") else None,
                               rep_names=tuple(item.extra.get("rep_names", ())),
                               vendor_domains=tuple(item.extra.get("vendor_domains", ())))
        touchpoints = parse_content(item.path.read_bytes(), uri=str(item.path),
                                    options=options).touchpoints
        if len(touchpoints) != 1:
            raise BadInputError(f"{item.path}: an eval item must hold exactly one touchpoint")
        return touchpoints[0].model_copy(update={"channel": item.channel})
    text = item.text or ""
    return Touchpoint(
        id=touchpoint_id(tenant_id, f"eval:{item.id}"), tenant_id=tenant_id,
        channel=item.channel,  # type: ignore[arg-type]
        direction=item.extra.get("direction", "inbound"),
        occurred_at=item.occurred_at, language=item.language, text=text,
        source=Source(uri=f"eval:{item.id}", sha256=sha256_hex(text.encode()),
                      media_type="text/plain", size_bytes=len(text.encode())),
    )
