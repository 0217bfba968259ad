"""Support tickets: Zendesk JSON (every API shape `zendesk.py` reads: ticket, tickets, search
results, comments, audits) and CSV exports (one comment per row, grouped by ticket_id), one
touchpoint per ticket, one segment per comment.

Versioning: a ticket's id hashes the tenant, the ticket id and the sha256 of the ticket's
canonical content (subject, status, priority, product, tags, assignee and every comment's
author, role, time and body, serialised with sorted keys). So the same ticket exported twice -
even in a different file, key order or alongside other tickets - is one touchpoint, while an
export taken after a new comment or a status change stores a new version beside the older one:
the history of a ticket is kept, like every other source.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.chat_records import jsonl_records, load_json, read_csv
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    check_size,
    choose_occurred_at,
    decode_text,
    detect_language,
    make_source,
    role_for,
    sha256_hex,
    touchpoint_id,
)
from assistant.ingest.timestamps import parse_timestamp
from assistant.ingest.zendesk import zendesk_tickets
from assistant.models import Participant, Role, Segment, Source, Touchpoint

REQUIRED_CSV_COLUMNS = ("ticket_id", "subject", "created_at", "author", "body")
_AGENT_ROLES = {"agent", "admin", "staff", "support"}
_CUSTOMER_ROLES = {"end-user", "end_user", "enduser", "customer", "requester"}
_VERSIONED_FIELDS = ("subject", "status", "priority", "product", "tags", "assignee")


def _tickets_from_json(text: str, uri: str) -> list[dict[str, Any]]:
    first, _, rest = text.strip().partition("\n")
    if rest.lstrip().startswith("{") and first.rstrip().endswith("}") and _is_object(first):
        # Zendesk's full JSON export: one ticket (or API answer) a line
        return [t for line in jsonl_records(text, uri) for t in zendesk_tickets(line, uri)]
    return zendesk_tickets(load_json(text, uri), uri)


def _is_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _tickets_from_csv(text: str, uri: str) -> list[dict[str, Any]]:
    headers, rows = read_csv(text, uri)
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in headers]
    if missing:
        raise BadInputError(f"{uri}: missing CSV column(s) {', '.join(missing)}; the header must "
                            "include ticket_id,subject,status,priority,created_at,author,"
                            "author_email,author_role,body")
    tickets: dict[str, dict[str, Any]] = {}
    for row_number, row in enumerate(rows, start=2):
        if not row["ticket_id"]:
            raise BadInputError(f"{uri}: row {row_number} has no ticket_id")
        ticket = tickets.setdefault(row["ticket_id"], {
            "id": row["ticket_id"], "subject": row["subject"], "status": row.get("status") or None,
            "priority": row.get("priority") or None, "product": row.get("product") or None,
            "tags": [t for t in row.get("tags", "").replace(";", " ").split() if t],
            "created_at": row["created_at"], "comments": []})
        role = (row.get("author_role") or "").lower()
        author = {"name": row["author"], "email": row.get("author_email") or None, "role": role}
        if role in _CUSTOMER_ROLES and "requester" not in ticket:
            ticket["requester"] = {"name": row["author"], "email": row.get("author_email") or None}
        ticket["comments"].append({"author": author, "created_at": row["created_at"],
                                   "body": row["body"], "public": True})
    for ticket in tickets.values():  # a ticket opens with its earliest comment
        times = [c["created_at"] for c in ticket["comments"] if c["created_at"]]
        ticket["created_at"] = min(times, key=_sort_key) if times else ticket["created_at"]
    return list(tickets.values())


def _sort_key(raw: str) -> str:
    moment = parse_timestamp(raw, ParseOptions())
    return moment.isoformat() if moment else raw


def _role(author: dict[str, Any], options: ParseOptions) -> Role:
    declared = str(author.get("role") or "").lower()
    if declared in _AGENT_ROLES:
        return "agent"
    if declared in _CUSTOMER_ROLES:
        return "customer"
    side = role_for(name=author.get("name"), email=author.get("email"), options=options)
    return "agent" if side == "rep" else "customer"


def _time(raw: Any, options: ParseOptions, where: str, field: str) -> datetime | None:
    moment = parse_timestamp(raw, options)
    if raw not in (None, "") and moment is None:
        raise BadInputError(f"{where}: {field} {raw!r} is not ISO-8601 "
                            "(e.g. 2026-03-04T09:00:00-08:00)")
    return moment


def _comments(ticket: dict[str, Any]) -> list[dict[str, Any]]:
    comments = [c for c in ticket.get("comments") or [] if isinstance(c, dict)
                and str(c.get("body") or "").strip()]
    if not comments and str(ticket.get("description") or "").strip():
        # a ticket exported without its comments still has the requester's first message
        comments = [{"author": {**(ticket.get("requester") or {}), "role": "end-user"},
                     "created_at": ticket.get("created_at"), "body": ticket["description"]}]
    return comments


def canonical_ticket_content(ticket: dict[str, Any], comments: list[dict[str, Any]]) -> str:
    """What a person sees of a ticket, serialised stably: the basis of its version hash."""
    visible = {k: ticket.get(k) for k in _VERSIONED_FIELDS}
    visible["comments"] = [{"author": (c.get("author") or {}).get("name"),
                            "email": (c.get("author") or {}).get("email"),
                            "role": (c.get("author") or {}).get("role"),
                            "created_at": c.get("created_at"), "body": str(c["body"]).strip(),
                            "public": c.get("public", True)} for c in comments]
    return json.dumps(visible, sort_keys=True, ensure_ascii=False, default=str)


def _ticket_to_touchpoint(ticket: dict[str, Any], *, uri: str, source: Source,
                          options: ParseOptions) -> Touchpoint:
    ticket_key = str(ticket.get("id") or "").strip()
    if not ticket_key:
        raise BadInputError(f"{uri}: a ticket (subject {ticket.get('subject')!r}) has no id")
    where = f"{uri} (ticket {ticket_key})"
    comments = _comments(ticket)
    if not comments:
        raise BadInputError(f"{where}: the ticket has no comments with a body")
    turns, private = [], []
    for index, comment in enumerate(comments):
        author = comment.get("author") or {}
        if comment.get("public") is False:
            private.append(index)
        turns.append(Segment(speaker=author.get("name") or author.get("email") or "unknown",
                             role=_role(author, options), text=str(comment["body"]),
                             occurred_at=_time(comment.get("created_at"), options, where,
                                               f"comment {index + 1} created_at")))
    canonical, segments = assemble_text(turns)
    occurred_at, occurred_at_source = choose_occurred_at(
        _time(ticket.get("created_at"), options, where, "created_at") or segments[0].occurred_at,
        options, uri=where, hint="a created_at field")
    people: dict[str, Participant] = {}
    for comment, segment in zip(comments, segments, strict=True):
        author = comment.get("author") or {}
        people.setdefault(segment.speaker or "unknown", Participant(
            name=author.get("name"), email=author.get("email"), role=segment.role))
    requester = ticket.get("requester") or {}
    if isinstance(requester, dict) and (requester.get("email") or requester.get("name")):
        people.setdefault(requester.get("name") or requester["email"], Participant(
            name=requester.get("name"), email=requester.get("email"), role="customer"))
    metadata: dict[str, Any] = {k: ticket.get(k) for k in
                                ("status", "priority", "product", "tags", "requester", "assignee")
                                if ticket.get(k)}
    metadata["comments"] = len(segments)
    metadata["format"] = "json" if source.media_type == "application/json" else "csv"
    if private:
        metadata["private_comment_indexes"] = private
    version = sha256_hex(canonical_ticket_content(ticket, comments).encode())
    return Touchpoint(
        id=touchpoint_id(options.tenant_id, f"ticket:{ticket_key}:{version}"),
        tenant_id=options.tenant_id, channel="ticket",
        direction="outbound" if segments[0].role == "agent" else "inbound",
        occurred_at=occurred_at, occurred_at_source=occurred_at_source,
        language=options.language or detect_language(canonical),
        subject=str(ticket["subject"]) if ticket.get("subject") else None, ticket_id=ticket_key,
        thread_id=f"ticket:{ticket_key}", source=source,
        segments=segments, text=canonical, participants=list(people.values()), metadata=metadata,
    )


def parse_ticket(content: bytes, *, uri: str, options: ParseOptions) -> list[Touchpoint]:
    """Every ticket in a JSON or CSV export's bytes, one touchpoint each.

    BadInputError names the source (and the ticket): undecodable, invalid JSON with line and
    column, CSV columns missing, a ticket without id or comments, or an unreadable created_at.
    """
    check_size(content, uri=uri, options=options)
    text = decode_text(content, uri)
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        tickets, media_type = _tickets_from_json(text, uri), "application/json"
    else:
        tickets, media_type = _tickets_from_csv(text, uri), "text/csv"
    if not tickets:
        raise BadInputError(f"{uri}: the export holds no tickets")
    source = make_source(uri, content, media_type)  # hashed once, shared by every ticket
    return [_ticket_to_touchpoint(t, uri=uri, source=source, options=options) for t in tickets]
