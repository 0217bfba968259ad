"""Chats stored as records: generic JSON / JSONL / CSV messages and Slack exports.

A Slack export is either one channel-day file (a JSON list of Slack message objects) or the
unzipped export directory: `users.json`, `channels.json` and one folder per channel holding a
JSON file per day. The directory becomes one conversation per channel, because a channel is
what a rep thinks of as "the conversation with that account".
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from assistant.errors import BadInputError
from assistant.ingest.chat_text import ChatMessage
from assistant.ingest.common import ParseOptions
from assistant.ingest.timestamps import parse_timestamp
from assistant.times import ACCEPTED

REQUIRED_CSV_COLUMNS = ("time", "sender", "text")
# the first name is the contract's; the others are what hand-made exports tend to use
_ALIASES = {
    "time": ("time", "timestamp", "created_at", "date", "sent_at", "date_unixtime",
             "timestamp_ms"),
    "sender": ("sender", "from", "author", "name", "user", "sender_name"),
    "text": ("text", "body", "message", "content"),
}
# Slack subtypes that are channel housekeeping, not something anyone said
_SLACK_NOISE = {"channel_join", "channel_leave", "channel_topic", "channel_purpose",
                "channel_name", "channel_archive", "channel_unarchive", "bot_add", "bot_remove",
                "pinned_item", "unpinned_item", "group_join", "group_leave", "group_topic",
                "group_purpose", "group_name", "group_archive", "group_unarchive", "tombstone",
                "channel_convert_to_private", "channel_posting_permissions", "reminder_add",
                "channel_canvas_updated", "sh_room_created"}
# a message that is only an attachment (Telegram, Instagram and Messenger exports)
_MEDIA_KEYS = {"photo", "file", "media_type", "sticker_emoji", "photos", "videos",
               "audio_files", "share", "attachments"}
_SLACK_LINK = re.compile(r"<(?P<target>[@#!]?[^|>]+)(?:\|(?P<label>[^>]+))?>")


def load_json(text: str, uri: str) -> Any:
    """Parsed JSON, or BadInputError with the line and column of the first error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInputError(f"{uri}: not valid JSON ({exc.msg} at line {exc.lineno}, column "
                            f"{exc.colno}); fix the file or export it again") from None


def jsonl_records(text: str, uri: str) -> list[Any]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise BadInputError(f"{uri}: line {number} is not valid JSON ({exc.msg} at column "
                                f"{exc.colno}); every line must be one message object") from None
    return records


def read_csv(text: str, uri: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header (lower-cased) and rows of a CSV; BadInputError names the row that breaks it."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        headers = [h.strip().lower() for h in reader.fieldnames or [] if h]
        rows = [{k.strip().lower(): (v or "").strip() for k, v in row.items()
                 if isinstance(k, str) and k and isinstance(v, str | None)} for row in reader]
    except csv.Error as exc:
        raise BadInputError(f"{uri}: CSV line {reader.line_num} cannot be read ({exc}); check its "
                            "quoting") from None
    return headers, rows


def csv_records(text: str, uri: str) -> list[dict[str, str]]:
    headers, rows = read_csv(text, uri)
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in headers]
    if missing:
        raise BadInputError(f"{uri}: missing CSV column(s) {', '.join(missing)}; the header must "
                            f"include {','.join(REQUIRED_CSV_COLUMNS)} (optional role,email,phone,handle)")
    return rows


def is_slack_message(record: Any) -> bool:
    return isinstance(record, dict) and "ts" in record and record.get("type") == "message"


def _pick(record: dict[str, Any], key: str) -> Any:
    return next((record[k] for k in _ALIASES[key] if record.get(k) not in (None, "")), None)


def record_messages(records: list[Any], options: ParseOptions, uri: str,
                    users: dict[str, dict[str, Any]] | None = None) -> list[ChatMessage]:
    """Messages from generic or Slack records; BadInputError names the message that is wrong."""
    messages = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise BadInputError(f"{uri}: message {number} is not an object but {type(record).__name__}")
        if is_slack_message(record):
            slack = _slack_message(record, options, users or {})
            if slack is not None:
                messages.append(slack)
            continue
        if record.get("type") == "service":
            continue  # Telegram's "X joined the group", "X pinned a message"
        sender, body, raw_time = _pick(record, "sender"), _pick(record, "text"), _pick(record, "time")
        body = _flat_text(body)
        if not body and sender is not None and _MEDIA_KEYS & record.keys():
            continue  # a photo, file or sticker with no words
        missing = [name for name, value in (("sender", sender), ("text", body)) if value is None]
        if missing:
            raise BadInputError(f"{uri}: message {number} has no {' or '.join(missing)}; each "
                                "message needs sender and text (time recommended)")
        when = parse_timestamp(raw_time, options)
        if raw_time is not None and when is None:
            raise BadInputError(f"{uri}: message {number} has time {str(raw_time)[:64]!r}, which "
                                f"is not a time; write {ACCEPTED}")
        messages.append(ChatMessage(
            when=when, sender=str(sender).strip(), text=str(body),
            role=str(record.get("role") or "").strip().lower() or None,
            email=record.get("email") or None, phone=record.get("phone") or None,
            handle=record.get("handle") or None))
    return messages


def _flat_text(body: Any) -> str | None:
    """Telegram writes formatted text as a list of strings and `{"type", "text"}` pieces."""
    if isinstance(body, list):
        return "".join(part if isinstance(part, str) else str(part.get("text") or "")
                       for part in body if isinstance(part, str | dict)) or None
    return None if body is None else str(body)


def _slack_message(record: dict[str, Any], options: ParseOptions,
                   users: dict[str, dict[str, Any]]) -> ChatMessage | None:
    if record.get("subtype") in _SLACK_NOISE:
        return None
    comment: dict[str, Any] = record["comment"] if isinstance(record.get("comment"), dict) else {}
    user_id = record.get("user") or comment.get("user") or record.get("bot_id")
    user = users.get(str(user_id), {})
    profile = record.get("user_profile") or user.get("profile") or {}
    is_bot = bool(record.get("bot_id")) and not record.get("user") or record.get(
        "subtype") == "bot_message"
    attachments = [a for a in record.get("attachments") or [] if isinstance(a, dict)]
    bot_name = ((record.get("bot_profile") or {}).get("name") or record.get("username")
                or next((a.get("author_name") or a.get("service_name") for a in attachments
                         if a.get("author_name") or a.get("service_name")), None))
    sender = (profile.get("real_name") or user.get("real_name") or record.get("user_name")
              or (bot_name if is_bot else record.get("username")) or user.get("name")
              or (f"bot {user_id}" if is_bot else user_id) or "unknown")
    # bots and integrations often write nothing but attachments or blocks; a file comment
    # carries its words in `comment`
    raw = str(comment.get("comment") or record.get("text") or "") or _rich_text(record, attachments)
    return ChatMessage(
        when=parse_timestamp(str(record["ts"]), options), sender=str(sender),
        text=_slack_text(raw, users), role="unknown" if is_bot else None,
        email=profile.get("email") or None,
        handle=f"slack:{user_id}" if user_id else None,
        extra={"thread_ts": str(record["thread_ts"])} if record.get("thread_ts") else {})


def _rich_text(record: dict[str, Any], attachments: list[dict[str, Any]]) -> str:
    """What a person reads of a message made of blocks or attachments only."""
    parts = [_block_text(block) for block in record.get("blocks") or []]
    for attachment in attachments:
        parts.append(attachment.get("fallback") or "\n".join(
            str(attachment[k]) for k in ("pretext", "title", "text") if attachment.get(k)))
    return "\n".join(p for p in parts if p.strip())


def _block_text(block: Any) -> str:
    """Text of a Slack block (section, header, context, rich_text and their elements)."""
    if isinstance(block, list):
        return "".join(_block_text(b) for b in block)
    if not isinstance(block, dict):
        return ""
    kind = block.get("type")
    if kind in ("text", "mrkdwn", "plain_text") and isinstance(block.get("text"), str):
        return str(block["text"])
    if kind == "link":
        return str(block.get("text") or block.get("url") or "")
    if kind == "user":
        return f"<@{block.get('user_id')}>"
    if kind == "emoji":
        return f":{block.get('name')}:"
    inner = [_block_text(block.get("text")), _block_text(block.get("elements") or []),
             "\n".join(_block_text(f) for f in block.get("fields") or [])]
    joined = "".join(p for p in inner[:2] if p)
    return "\n".join(p for p in (joined, inner[2]) if p) + ("\n" if kind in (
        "rich_text_section", "rich_text_preformatted", "rich_text_quote") and joined else "")


def _slack_text(text: str, users: dict[str, dict[str, Any]]) -> str:
    """Slack's `<@U123>`, `<#C1|general>` and `<https://x|label>` markup as a person reads it."""
    def readable(match: re.Match[str]) -> str:
        target, label = match.group("target"), match.group("label")
        if target.startswith("@"):
            user = users.get(target[1:], {})
            name = label or (user.get("profile") or {}).get("real_name") or user.get("real_name")
            return "@" + str(name or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return "@" + (label or target[1:])
        return label or target
    return _SLACK_LINK.sub(readable, text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_DAY_FILE = re.compile(r"^(?:.*/)?([^/]+)/(\d{4}-\d{2}-\d{2})\.json$")


def is_slack_export(path: Path) -> bool:
    """A directory that looks like an unzipped Slack export (channel folders of day files)."""
    if not path.is_dir():
        return False
    if (path / "channels.json").is_file() or (path / "users.json").is_file():
        return True
    return any(child.is_dir() and any(child.glob("????-??-??.json")) for child in path.iterdir())


def slack_channel_days(members: dict[str, bytes]) -> dict[str, list[tuple[str, bytes]]]:
    """An export's day files by channel name, each channel's days in order; empty when the
    archive is not a Slack export."""
    channels: dict[str, list[tuple[str, bytes]]] = {}
    for name in sorted(members):
        match = _DAY_FILE.match(name)
        if match:
            channels.setdefault(match.group(1), []).append((name, members[name]))
    return channels


def slack_users(members: dict[str, bytes], uri: str) -> dict[str, dict[str, Any]]:
    """The export's users.json by user id (at the archive's top or one folder down)."""
    name = next((n for n in sorted(members, key=len) if n.rsplit("/", 1)[-1] == "users.json"), None)
    if name is None:
        return {}
    loaded = load_json(members[name].decode("utf-8-sig", errors="replace"), f"{uri}#{name}")
    if not isinstance(loaded, list):
        raise BadInputError(f"{uri}#{name}: expected a list of Slack users")
    return {str(u["id"]): u for u in loaded if isinstance(u, dict) and "id" in u}
