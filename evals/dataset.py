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
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions, sha256_hex, touchpoint_id
from assistant.models import CHANNELS, Source, Touchpoint
from extractors.base import CompetitorCatalog

SCORED_KEYS = ("competitors", "sentiment", "next_steps", "pain_points", "objections",
               "buying_signals", "questions")


@dataclass(frozen=True)
class GoldItem:
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
    return GoldItem(id=str(record["id"]), channel=record["channel"],
                    language=str(record.get("language") or "other"), occurred_at=occurred_at,
                    expected=expected, text=record.get("text"),
                    path=(base / record["path"]) if record.get("path") else None,
                    extra={k: v for k, v in record.items()
                           if k not in ("id", "channel", "language", "occurred_at", "expected",
                                        "text", "path")})


def load_dataset(path: Path) -> list[GoldItem]:
    """Every item in a JSONL dataset; BadInputError names the line and the problem."""
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
    return items


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
        from assistant.ingest.dispatch import parse_path

        options = ParseOptions(tenant_id=tenant_id, occurred_at=item.occurred_at,
                               language=item.language if item.language in ("en", "zh") else None,
                               rep_names=tuple(item.extra.get("rep_names", ())),
                               vendor_domains=tuple(item.extra.get("vendor_domains", ())))
        touchpoints = parse_path(item.path, options)
        if len(touchpoints) != 1:
            raise BadInputError(f"{item.path}: an eval item must hold exactly one touchpoint")
        return touchpoints[0].model_copy(update={"channel": item.channel})
    text = item.text or ""
    return Touchpoint(
        id=touchpoint_id(tenant_id, f"eval:{item.id}"), tenant_id=tenant_id,
        channel=item.channel, direction=item.extra.get("direction", "inbound"),  # type: ignore[arg-type]
        occurred_at=item.occurred_at, language=item.language, text=text,
        source=Source(uri=f"eval:{item.id}", sha256=sha256_hex(text.encode()),
                      media_type="text/plain", size_bytes=len(text.encode())),
    )
