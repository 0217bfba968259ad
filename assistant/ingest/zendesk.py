"""Zendesk's API answers as they come back, turned into the ticket shape ticket.py reads.

Shapes: `{"ticket": {...}}` (optionally with side-loaded `users`, `comments` or `audits`),
`{"tickets": [...]}` (list and show_many), search `{"results": [...]}` (tickets only),
`{"comments": [...]}` (a ticket's comments), `{"audits": [...]}` / `{"audit": {...}}` (comment
events inside audits) and a bare ticket object (a line of Zendesk's full JSON export). Authors are resolved from side-loaded `users` (name, email, role); the
requester from the ticket's `requester`, its `requester_id` among the users, or the address the
ticket came from (`via.source.from`); an author known only by id is "user <id>".
"""

from __future__ import annotations

from typing import Any

from assistant.errors import BadInputError

Ticket = dict[str, Any]
_SHAPES = ('{"ticket": {...}}, {"tickets": [...]}, {"results": [...]} (search), '
           '{"comments": [...]}, {"audits": [...]} or a list of tickets')


def zendesk_tickets(loaded: Any, uri: str) -> list[Ticket]:
    """The tickets in a Zendesk export or API answer, comments attached and authors named."""
    if isinstance(loaded, list):
        return [_ticket(t, {}, uri) for t in _objects(loaded, uri)]
    if not isinstance(loaded, dict):
        raise BadInputError(f"{uri}: expected {_SHAPES}")
    users = _users(loaded.get("users"))
    if isinstance(loaded.get("ticket"), dict):
        ticket = dict(loaded["ticket"])
        if not ticket.get("comments"):
            ticket["comments"] = _loose_comments(loaded)
        return [_ticket(ticket, users, uri)]
    if isinstance(loaded.get("tickets"), list):
        return [_ticket(t, users, uri) for t in _objects(loaded["tickets"], uri)]
    if isinstance(loaded.get("results"), list):
        found = [r for r in _objects(loaded["results"], uri)
                 if r.get("result_type", "ticket") == "ticket"]
        return [_ticket(t, users, uri) for t in found]
    if "id" in loaded and {"subject", "description", "requester_id", "status"} & loaded.keys():
        return [_ticket(loaded, users, uri)]  # one ticket a line (Zendesk's full JSON export)
    comments = _loose_comments(loaded)
    if comments:
        ticket_ids = {c.get("ticket_id") for c in comments if c.get("ticket_id")}
        return [_ticket({"id": next(iter(ticket_ids)) if len(ticket_ids) == 1 else
                         f"comments-{comments[0].get('id') or 1}", "comments": comments},
                        users, uri)]
    raise BadInputError(f"{uri}: expected {_SHAPES}; found keys {sorted(loaded)[:6]}")


def _objects(values: list[Any], uri: str) -> list[dict[str, Any]]:
    for number, value in enumerate(values, start=1):
        if not isinstance(value, dict):
            raise BadInputError(f"{uri}: ticket {number} is not an object")
    return values


def _users(raw: Any) -> dict[str, dict[str, Any]]:
    return {str(u["id"]): u for u in _list(raw) if isinstance(u, dict) and "id" in u}


def _list(value: Any) -> list[Any]:
    """`value` if it is a list, else empty: an export's field of the wrong shape is ignored."""
    return value if isinstance(value, list) else []


def _sender(holder: dict[str, Any]) -> dict[str, Any]:
    """`via.source.from` of a ticket or comment, or {} wherever the path is not objects."""
    found: Any = holder
    for key in ("via", "source", "from"):
        found = found.get(key) if isinstance(found, dict) else None
    return found if isinstance(found, dict) else {}


def _loose_comments(loaded: dict[str, Any]) -> list[dict[str, Any]]:
    """Comments given beside a ticket or alone: the comments endpoint, or audits' events."""
    if isinstance(loaded.get("comments"), list):
        return [c for c in loaded["comments"] if isinstance(c, dict)]
    audits: list[Any] = loaded["audits"] if isinstance(loaded.get("audits"), list) else (
        [loaded["audit"]] if isinstance(loaded.get("audit"), dict) else [])
    comments = []
    for audit in audits:
        for event in _list(audit.get("events")) if isinstance(audit, dict) else []:
            if isinstance(event, dict) and event.get("type") in ("Comment", "VoiceComment"):
                comments.append({**event, "author_id": event.get("author_id", audit.get(
                    "author_id")), "created_at": event.get("created_at", audit.get(
                        "created_at")), "ticket_id": audit.get("ticket_id"),
                                 "via": event.get("via") or audit.get("via")})
    return comments


def _requester(ticket: Ticket, users: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    given = ticket.get("requester")
    if isinstance(given, dict) and (given.get("name") or given.get("email")):
        return given
    user = users.get(str(ticket.get("requester_id")))
    if user:
        return {"name": user.get("name"), "email": user.get("email"), "id": user["id"]}
    sender = _sender(ticket)
    if sender.get("address") or sender.get("name"):
        return {"name": sender.get("name"), "email": sender.get("address"),
                "id": ticket.get("requester_id")}
    return None


def _ticket(ticket: Ticket, users: dict[str, dict[str, Any]], uri: str) -> Ticket:
    ticket = dict(ticket)
    requester = _requester(ticket, users)
    if requester:
        ticket["requester"] = {k: v for k, v in requester.items() if k != "id" and v}
    comments = []
    for comment in _list(ticket.get("comments")):
        if not isinstance(comment, dict):
            continue
        body = comment.get("body") or comment.get("plain_body") or ""
        author = comment.get("author") if isinstance(comment.get("author"), dict) else _author(
            comment.get("author_id"), ticket, users, requester, comment)
        comments.append({**comment, "body": body, "author": author})
    ticket["comments"] = comments
    return ticket


def _author(author_id: Any, ticket: Ticket, users: dict[str, dict[str, Any]],
            requester: dict[str, Any] | None, comment: dict[str, Any]) -> dict[str, Any]:
    user = users.get(str(author_id))
    if user:
        return {"name": user.get("name"), "email": user.get("email"), "role": user.get("role")}
    sender = _sender(comment)
    if sender.get("address") or sender.get("name"):
        return {"name": sender.get("name") or sender.get("address"), "email": sender.get("address")}
    if requester and author_id is not None and str(author_id) == str(ticket.get("requester_id")):
        return {"name": requester.get("name"), "email": requester.get("email"), "role": "end-user"}
    if author_id is not None and str(author_id) == str(ticket.get("assignee_id")):
        return {"name": f"agent {author_id}", "role": "agent"}
    return {"name": f"user {author_id}" if author_id is not None else None}
