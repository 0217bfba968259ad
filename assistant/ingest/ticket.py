"""Support tickets: Zendesk-like JSON ({"ticket"}, {"tickets"} or a list) and CSV exports (one
comment per row), one touchpoint per ticket with one segment per comment.

A ticket's id hashes its ticket id and its content: the same export twice is a duplicate, while
an export taken after a new comment arrived stores the newer version beside the older one (the
history of a ticket is kept, like every other source).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.timestamps import parse_timestamp
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    decode_text,
    detect_language,
    make_source,
    read_source,
    sha256_hex,
    touchpoint_id,
)
from assistant.models import Participant, Role, Segment, Touchpoint

REQUIRED_CSV_COLUMNS = ("ticket_id", "subject", "created_at", "author", "body")
_AGENT_ROLES = {"agent", "admin", "staff", "support"}


def _tickets_from_json(text: str, uri: str) -> list[dict[str, Any]]:
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInputError(f"{uri}: not valid JSON ({exc.msg} at line {exc.lineno}, "
                            f"column {exc.colno})") from None
    if isinstance(loaded, dict) and isinstance(loaded.get("ticket"), dict):
        return [loaded["ticket"]]
    if isinstance(loaded, dict) and isinstance(loaded.get("tickets"), list):
        return loaded["tickets"]
    if isinstance(loaded, list):
        return loaded
    raise BadInputError(f'{uri}: expected {{"ticket": ...}}, {{"tickets": [...]}} or a list')


def _tickets_from_csv(text: str, uri: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in headers]
    if missing:
        raise BadInputError(f"{uri}: missing CSV column(s) {', '.join(missing)}")
    tickets: dict[str, dict[str, Any]] = {}
    for row in reader:
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        ticket = tickets.setdefault(row["ticket_id"], {
            "id": row["ticket_id"], "subject": row["subject"], "status": row.get("status"),
            "priority": row.get("priority"), "product": row.get("product") or None,
            "created_at": row["created_at"], "comments": []})
        ticket["comments"].append({
            "author": {"name": row["author"], "email": row.get("author_email") or None,
                       "role": row.get("author_role") or "end-user"},
            "created_at": row["created_at"], "body": row["body"]})
    return list(tickets.values())


def _role(author: dict[str, Any]) -> Role:
    return "agent" if str(author.get("role", "")).lower() in _AGENT_ROLES else "customer"


def _ticket_to_touchpoint(ticket: dict[str, Any], *, uri: str, content: bytes,
                          options: ParseOptions) -> Touchpoint:
    ticket_key = str(ticket.get("id") or "")
    where = f"{uri} (ticket {ticket_key or '?'})"
    if not ticket_key:
        raise BadInputError(f"{uri}: a ticket has no id")
    comments = [c for c in ticket.get("comments") or [] if str(c.get("body") or "").strip()]
    if not comments:
        raise BadInputError(f"{where}: the ticket has no comments")
    requester = ticket.get("requester") or {}
    segments = []
    for comment in comments:
        author = comment.get("author") or {}
        segments.append(Segment(speaker=author.get("name") or author.get("email") or "?",
                                role=_role(author), text=str(comment["body"]),
                                occurred_at=parse_timestamp(comment.get("created_at"), options)))
    canonical, segments = assemble_text(segments)
    occurred_at = parse_timestamp(ticket.get("created_at"), options) or segments[0].occurred_at \
        or options.occurred_at
    if occurred_at is None:
        raise BadInputError(f"{where}: no created_at; pass --occurred-at")
    people: dict[str, Participant] = {}
    for comment in comments:
        author = comment.get("author") or {}
        name = author.get("name") or author.get("email") or "?"
        people.setdefault(name, Participant(name=name, email=author.get("email"),
                                            role=_role(author)))
    if requester.get("email") and requester.get("name") not in people:
        people[requester.get("name") or requester["email"]] = Participant(
            name=requester.get("name"), email=requester["email"], role="customer")
    fingerprint = f"ticket:{ticket_key}:{sha256_hex(canonical.encode())}"
    return Touchpoint(
        id=touchpoint_id(options.tenant_id, fingerprint), tenant_id=options.tenant_id,
        channel="ticket", direction="inbound", occurred_at=occurred_at,
        language=options.language or detect_language(canonical),
        subject=ticket.get("subject"), ticket_id=ticket_key, thread_id=f"ticket:{ticket_key}",
        source=make_source(uri, content, "application/json" if uri.endswith(".json") else "text/csv"),
        segments=segments, text=canonical, participants=list(people.values()),
        metadata={k: ticket.get(k) for k in ("status", "priority", "product", "tags", "requester",
                                              "assignee") if ticket.get(k)},
    )


def parse_ticket(path: Path, options: ParseOptions) -> list[Touchpoint]:
    """Every ticket in a JSON or CSV export; BadInputError names the file (and the ticket)."""
    content = read_source(path, options)
    text = decode_text(content, str(path))
    if path.suffix.lower() == ".csv":
        tickets = _tickets_from_csv(text, str(path))
    else:
        tickets = _tickets_from_json(text, str(path))
    if not tickets:
        raise BadInputError(f"{path}: no tickets in the file")
    return [_ticket_to_touchpoint(t, uri=str(path), content=content, options=options)
            for t in tickets]
