"""Web and product events (page viewed, trial started, form submitted) from JSON Lines.

Each line: {"kind", "occurred_at", "email" or "account_domain", "properties"}. Events are not
touchpoints: they carry no conversation, only signals for suggestions, so they are parsed here
and stored as `Event`s. An event's id hashes the tenant and the line, so re-importing is a no-op.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.common import ParseOptions, check_size
from assistant.models import Event
from assistant.times import to_instant


def parse_events(content: bytes, *, uri: str, options: ParseOptions) -> list[Event]:
    """All events in a JSONL file's bytes; BadInputError names the first bad line and the fault."""
    check_size(content, uri=uri, options=options)
    path = uri
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


def _event(record: Any, *, path: str, number: int, options: ParseOptions, line: str) -> Event:
    where = f"{path}:{number}"
    if not isinstance(record, dict):
        raise BadInputError(f"{where}: each line must be a JSON object")
    missing = [key for key in ("kind", "occurred_at") if not record.get(key)]
    if missing:
        raise BadInputError(f"{where}: missing {', '.join(missing)}")
    occurred_at = to_instant(record["occurred_at"], tz=options.tz, what=f"{where}: occurred_at")
    properties = dict(record.get("properties") or {})
    for key in ("email", "account_domain", "handle"):
        if record.get(key):
            properties[key] = record[key]
    digest = hashlib.sha256(f"{options.tenant_id}\x00{line.strip()}".encode()).hexdigest()
    return Event(id="ev_" + digest[:24], tenant_id=options.tenant_id, kind=str(record["kind"]),
                 occurred_at=occurred_at, properties=properties)
