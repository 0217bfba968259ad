"""Web and product events (page viewed, trial started, form submitted) from JSON Lines.

Each line: {"kind", "occurred_at", "email" or "account_domain", "properties"}. Events are not
touchpoints: they carry no conversation, only signals for suggestions, so they are parsed here
and stored as `Event`s. An event's id hashes the tenant and the line, so re-importing is a no-op.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions, read_source
from assistant.models import Event


def parse_events(path: Path, options: ParseOptions) -> list[Event]:
    """All events in a JSONL file; BadInputError names the first bad line and what is wrong."""
    content = read_source(path, options)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    events: list[Event] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        events.append(_event(record, path=path, number=number, options=options, line=line))
    if not events:
        raise BadInputError(f"{path}: no events in the file")
    return events


def _event(record: Any, *, path: Path, number: int, options: ParseOptions, line: str) -> Event:
    where = f"{path}:{number}"
    if not isinstance(record, dict):
        raise BadInputError(f"{where}: each line must be a JSON object")
    missing = [key for key in ("kind", "occurred_at") if not record.get(key)]
    if missing:
        raise BadInputError(f"{where}: missing {', '.join(missing)}")
    try:
        occurred_at = datetime.fromisoformat(str(record["occurred_at"]))
    except ValueError:
        raise BadInputError(f"{where}: occurred_at {record['occurred_at']!r} is not ISO-8601") from None
    if occurred_at.tzinfo is None:
        occurred_at = occurred_at.replace(tzinfo=options.tz)
    properties = dict(record.get("properties") or {})
    for key in ("email", "account_domain", "handle"):
        if record.get(key):
            properties[key] = record[key]
    digest = hashlib.sha256(f"{options.tenant_id}\x00{line.strip()}".encode()).hexdigest()
    return Event(id="ev_" + digest[:24], tenant_id=options.tenant_id, kind=str(record["kind"]),
                 occurred_at=occurred_at, properties=properties)
