"""Chats into touchpoints: one per file or conversation (one per channel of a Slack export).

Formats: generic JSON / JSONL / CSV (`chat_records`; Telegram and Instagram exports read through
the same aliases), plain `[time] name: text` logs and WeCom/WeChat text exports (`chat_text`),
WhatsApp exports in every locale (`whatsapp`), Slack channel-day files, and zips as the apps hand
them out: a Slack export (one touchpoint per channel) or a WhatsApp chat beside its media.
The format is sniffed from the content (`sniff_text_format`), so a misnamed file still parses;
the extension only breaks ties. Message times without an offset are read in the configured
default timezone. The id hashes the tenant and the bytes of the source, so ingesting the same
export twice stores it once.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.archive import is_zip, read_zip
from assistant.ingest.chat_records import (
    REQUIRED_CSV_COLUMNS,
    csv_records,
    is_slack_export,
    is_slack_message,
    jsonl_records,
    load_json,
    record_messages,
    slack_channel_days,
    slack_users,
)
from assistant.ingest.chat_text import ChatMessage, sniff_text_log, text_log_messages
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
    suffix_of,
    touchpoint_id,
)
from assistant.models import Participant, Role, Segment, Touchpoint

__all__ = ["is_slack_export", "parse_chat", "sniff_text_format"]

_MEDIA_TYPES = {"json": "application/json", "slack": "application/json",
                "jsonl": "application/x-ndjson", "csv": "text/csv"}
_SLACK_HEAD = re.compile(r'^\s*\[\s*\{[^{}]*"(?:type|ts)"\s*:')


def sniff_text_format(text: str) -> str | None:
    """The chat format of `text` (the whole file or its first kilobytes), or None.

    One of "slack", "json", "jsonl", "csv", "plain", "whatsapp", "wecom", "slack_copy".
    """
    head = text.lstrip("\ufeff \t\r\n")
    if re.match(r"\[\s*[{\]]", head):
        return "slack" if _SLACK_HEAD.match(head) and '"message"' in head[:4000] else "json"
    if head.startswith("{"):
        first_line = head.split("\n", 1)[0].strip()
        rest = head.split("\n", 1)[1].lstrip() if "\n" in head else ""
        if rest.startswith("{") and _is_json_object(first_line):
            return "jsonl"
        return "json"
    header = head.split("\n", 1)[0].strip().lower()
    columns = {c.strip().strip('"') for c in re.split(r"[,;]", header)}
    if len(columns) >= 3 and set(REQUIRED_CSV_COLUMNS) <= columns:
        return "csv"
    log_format, _ = sniff_text_log(text)
    if log_format is None and re.match(r'\[\s*["{\[\]]', head):
        return "json"  # a list that breaks somewhere: the JSON reader says where
    return log_format


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # not JSON, or nested past the stack: the reader says
        return False


def parse_chat(content: bytes, *, uri: str, options: ParseOptions) -> list[Touchpoint]:
    """A chat's bytes (or a zipped Slack export) into touchpoints, one per conversation.

    BadInputError names the source and the problem: undecodable, invalid JSON (with line and
    column), CSV columns missing, no messages, or no date anywhere (pass --occurred-at).
    """
    check_size(content, uri=uri, options=options)
    if is_zip(content):
        return _parse_archive(content, uri=uri, options=options)
    text = decode_text(content, uri)
    kind = sniff_text_format(text)
    suffix = suffix_of(uri)
    if kind is None and suffix == ".csv":
        kind = "csv"  # let the CSV reader name the missing columns
    if kind == "json" and suffix == ".jsonl":
        kind = "jsonl"  # one message on one line looks like a JSON object
    header: dict[str, Any] = {}
    notes: dict[str, object] = {}
    if kind in ("json", "slack"):
        loaded = load_json(text, uri)
        if _chat_list(loaded):
            return _parse_chat_list(_chat_list(loaded), content=content, uri=uri, options=options)
        records, header = _json_records(loaded, uri)
        kind = "slack" if records and all(is_slack_message(r) for r in records) else "json"
        messages = record_messages(records, options, uri)
    elif kind == "jsonl":
        messages = record_messages(jsonl_records(text, uri), options, uri)
    elif kind == "csv":
        messages = record_messages(csv_records(text, uri), options, uri)
    elif kind is not None:
        messages, notes = text_log_messages(text, kind, options, uri)
    else:
        raise BadInputError(
            f"{uri}: not a chat format Touchpoint reads (JSON, JSONL, CSV with time,sender,text, "
            "'[time] name: text' logs, Slack, WhatsApp or WeCom exports); if it is a call "
            "transcript, ingest it as a transcript")
    return [_touchpoint(messages, uri=uri, content=content, media_type=_MEDIA_TYPES.get(
        kind, "text/plain"), fingerprint=sha256_hex(content), options=options,
        subject=header.get("subject"), thread_id=header.get("thread_id"),
        metadata={"format": kind, **notes})]


def _parse_archive(content: bytes, *, uri: str, options: ParseOptions) -> list[Touchpoint]:
    """A zipped Slack export (one touchpoint per channel) or a zipped WhatsApp chat export:
    `_chat.txt` or `WhatsApp Chat with X.txt`, maybe in a folder, beside media (never expanded)
    and other .txt files people shared (the chat is the one that reads as a chat)."""
    members = read_zip(content, uri=uri, max_bytes=options.max_bytes,
                       wanted=lambda name: name.lower().endswith((".json", ".txt")))
    channels = slack_channel_days(members)
    if channels:
        return _parse_slack_export(channels, slack_users(members, uri), uri=uri, options=options)
    chat = _chat_member(members)
    if chat is not None:
        return parse_chat(members[chat], uri=f"{uri}#{chat}", options=options)
    texts = [n for n in members if n.lower().endswith(".txt")]
    raise BadInputError(f"{uri}: the zip is neither a Slack export (channel folders of "
                        "YYYY-MM-DD.json files) nor a WhatsApp chat export (a .txt chat such as "
                        f"_chat.txt); it holds {len(texts)} .txt file(s), none of them a chat")


def _chat_member(members: dict[str, bytes]) -> str | None:
    """The chat among an archive's .txt files that read as a chat: the one named as WhatsApp
    names it (`_chat.txt`, `WhatsApp Chat with X.txt`, localized), else the most chat-like."""
    best: tuple[bool, float, str] | None = None
    for name, data in members.items():
        if not name.lower().endswith(".txt"):
            continue
        base = name.rsplit("/", 1)[-1].lower()
        named = base == "_chat.txt" or "whatsapp" in base
        fmt, share = sniff_text_log(data[:64 * 1024].decode("utf-8-sig", errors="replace"))
        if fmt is None:
            continue
        if best is None or (named, share) > best[:2]:
            best = (named, share, name)
    return best[2] if best else None


def _chat_list(loaded: Any) -> list[dict[str, Any]]:
    """The chats of an export holding many (Telegram's `{"chats": {"list": [...]}}`)."""
    chats = loaded.get("chats") if isinstance(loaded, dict) else None
    listed = chats.get("list") if isinstance(chats, dict) else chats
    if isinstance(listed, list) and listed and all(
            isinstance(c, dict) and isinstance(c.get("messages"), list) for c in listed):
        return listed
    return []


def _parse_chat_list(chats: list[dict[str, Any]], *, content: bytes, uri: str,
                     options: ParseOptions) -> list[Touchpoint]:
    touchpoints = []
    for number, chat in enumerate(chats, start=1):
        where = f"{uri}#chat{number}"
        records, header = _json_records(chat, where)
        messages = record_messages(records, options, where)
        if not any(m.text.strip() for m in messages):
            continue
        touchpoints.append(_touchpoint(
            messages, uri=where, content=content, media_type="application/json",
            fingerprint=f"{sha256_hex(content)}:chat:{chat.get('id', number)}", options=options,
            subject=header.get("subject"), thread_id=header.get("thread_id"),
            metadata={"format": "json"}))
    if not touchpoints:
        raise BadInputError(f"{uri}: none of the {len(chats)} chats has a message with text")
    return touchpoints


def _json_records(loaded: Any, uri: str) -> tuple[list[Any], dict[str, Any]]:
    if isinstance(loaded, list):
        return loaded, {}
    if isinstance(loaded, dict) and isinstance(loaded.get("messages"), list):
        header = {k: str(loaded[k]) for k in ("subject", "thread_id") if loaded.get(k)}
        title = loaded.get("name") or loaded.get("title")  # Telegram, Instagram, Messenger
        if "subject" not in header and isinstance(title, str) and title:
            header["subject"] = title
        return loaded["messages"], header
    raise BadInputError(f'{uri}: expected {{"messages": [...]}} or a list of messages, found '
                        f"{type(loaded).__name__} with keys {sorted(loaded)[:5] if isinstance(loaded, dict) else []}")


def _parse_slack_export(channels: dict[str, list[tuple[str, bytes]]],
                        users: dict[str, dict[str, Any]], *, uri: str, options: ParseOptions
                        ) -> list[Touchpoint]:
    touchpoints = []
    for channel, days in channels.items():
        messages: list[ChatMessage] = []
        for name, day_content in days:
            where = f"{uri}#{name}"
            loaded = load_json(decode_text(day_content, where), where)
            if not isinstance(loaded, list):
                raise BadInputError(f"{where}: a Slack day file must be a JSON list of messages")
            messages.extend(record_messages(loaded, options, where, users))
        if not any(m.text.strip() for m in messages):
            continue
        messages.sort(key=lambda m: (m.when is None, m.when))
        content = b"".join(day_content for _, day_content in days)
        touchpoints.append(_touchpoint(
            messages, uri=f"{uri}#{channel}", content=content, media_type="application/json",
            fingerprint=f"{sha256_hex(content)}:slack:{channel}", options=options,
            subject=f"#{channel}", thread_id=f"slack:{channel}",
            metadata={"format": "slack", "slack_channel": channel, "day_files": len(days)}))
    if not touchpoints:
        raise BadInputError(f"{uri}: the Slack export has no channel with messages")
    return touchpoints


def _role(message: ChatMessage, options: ParseOptions) -> Role:
    if message.role in ("rep", "customer", "agent", "unknown"):
        return message.role  # type: ignore[return-value]
    role = role_for(name=message.sender, email=message.email, options=options)
    if role == "customer" and message.handle:
        handles = {n.casefold() for n in options.rep_names}
        if message.handle.casefold() in handles or message.handle.split(":", 1)[-1].casefold() in handles:
            return "rep"
    return role


def _touchpoint(messages: list[ChatMessage], *, uri: str, content: bytes, media_type: str,
                fingerprint: str, options: ParseOptions, subject: str | None,
                thread_id: str | None, metadata: dict[str, object]) -> Touchpoint:
    messages = [m for m in messages if m.text.strip()]
    if len(messages) > 1 and all(m.when for m in messages) and messages[0].when > messages[-1].when:  # type: ignore[operator]
        messages.reverse()  # Instagram and Messenger export the newest message first
    if not messages:
        raise BadInputError(f"{uri}: the chat has no messages; export the conversation again")
    occurred_at, occurred_at_source = choose_occurred_at(
        next((m.when for m in messages if m.when), None), options, uri=uri)
    roles = [_role(m, options) for m in messages]
    turns = [Segment(speaker=m.sender, role=role, text=m.text.strip(), occurred_at=m.when)
             for m, role in zip(messages, roles, strict=True)]
    canonical, segments = assemble_text(turns)
    people: dict[str, Participant] = {}
    for message, role in zip(messages, roles, strict=True):
        people.setdefault(message.sender, Participant(
            name=message.sender, email=message.email, phone=message.phone,
            handle=message.handle, role=role))
    return Touchpoint(
        id=touchpoint_id(options.tenant_id, fingerprint), tenant_id=options.tenant_id,
        channel="chat", direction="inbound" if roles[0] == "customer" else "outbound",
        occurred_at=occurred_at, occurred_at_source=occurred_at_source,
        language=options.language or detect_language(canonical), subject=subject, thread_id=thread_id, source=make_source(uri, content, media_type),
        segments=segments, text=canonical, participants=list(people.values()),
        metadata={**metadata, "messages": len(segments)},
    )
