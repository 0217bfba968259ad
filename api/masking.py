"""Role-based views: each role sees only the fields it needs.

- `admin`, `rep`: everything in scope (scope itself is the data layer's job).
- `service`: no deal values, no pricing: accounts lose `deal_value`; budget and pricing buying
  signals and price objections are dropped; money amounts in texts are masked.
- `evaluator`: emails, phone numbers and person names masked in every text, quote, subject,
  participant and speaker label.

Masks keep length (each masked character becomes `*`), so every evidence offset still points at
its quote in the masked text: an evaluator can check grounding on what it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import phonenumbers

from assistant.models import Account, Insights, Touchpoint

MASK = "*"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MONEY = re.compile(
    r"(?:[$€£¥￥]|USD|EUR|RMB|CNY)\s?\d[\d,.]*\s?(?:[kKmM万千]|million|thousand)?"
    r"|\d[\d,.]*\s?(?:[kKmM]\b|万元|元|块|万|million|thousand)?\s?"
    r"(?:USD|EUR|RMB|CNY|dollars|euros|元|美元|人民币)")
# structural fields: ids, enums, offsets and timestamps, never personal text
_KEEP = {"id", "tenant_id", "account_id", "contact_ids", "channel", "direction", "occurred_at",
         "language", "ticket_id", "sha256", "media_type", "size_bytes", "status",
         "role", "label", "score", "stance", "kind", "start", "end", "start_s", "end_s",
         "segment_index", "audio_start_s", "audio_end_s", "extractor", "extractor_version",
         "prompt_id", "prompt_hash", "model", "created_at", "touchpoint_id", "due", "is_new",
         "name_canonical", "error"}


def _spans(text: str, names: Iterable[str], region: str, *, money: bool, people: bool
           ) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if people:
        spans += [m.span() for m in EMAIL.finditer(text)]
        spans += [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, region)]
        for name in names:
            spans += [m.span() for m in re.finditer(re.escape(name), text, re.IGNORECASE)]
    if money:
        spans += [m.span() for m in MONEY.finditer(text)]
    return spans


class Masker:
    """Masks one role's sensitive spans in any string, keeping its length."""

    def __init__(self, role: str, *, names: Iterable[str] = (), region: str = "US") -> None:
        self.people = role == "evaluator"
        self.money = role == "service"
        parts = {p for n in names if n for p in [n, *n.split()] if len(p.strip()) >= 2}
        self.names = sorted(parts, key=len, reverse=True)
        self.region = region

    @property
    def is_active(self) -> bool:
        return self.people or self.money

    def text(self, text: str) -> str:
        if not self.is_active or not text:
            return text
        chars = list(text)
        for start, end in _spans(text, self.names, self.region, money=self.money,
                                 people=self.people):
            for i in range(start, end):
                if not chars[i].isspace():
                    chars[i] = MASK
        return "".join(chars)

    def walk(self, value: Any, key: str | None = None) -> Any:
        """Mask every string below `value` except structural fields."""
        if isinstance(value, dict):
            masked = {k: v if k in _KEEP else self.walk(v, k) for k, v in value.items()}
            if key == "by_speaker" and self.people:
                masked = {f"speaker {i + 1}": v for i, v in enumerate(masked.values())}
            return masked
        if isinstance(value, list):
            return [self.walk(v, key) for v in value]
        if isinstance(value, str):
            return self.text(value)
        return value


def _realign(value: Any, text: str) -> Any:
    """Quotes and segment texts become their masked text slice, so offsets stay exact."""
    if isinstance(value, dict):
        out = {k: _realign(v, text) for k, v in value.items()}
        if isinstance(out.get("start"), int) and isinstance(out.get("end"), int):
            for field in ("quote", "text"):
                if isinstance(out.get(field), str) and out["end"] - out["start"] == len(
                        out[field]):
                    out[field] = text[out["start"]:out["end"]]
        return out
    if isinstance(value, list):
        return [_realign(v, text) for v in value]
    return value


_PRICING_SIGNALS = {"budget", "pricing"}


def touchpoint_view(touchpoint: Touchpoint, masker: Masker, *, full: bool = True
                    ) -> dict[str, Any]:
    body = touchpoint.model_dump(mode="json", exclude=None if full else {"text", "segments"})
    if not masker.is_active:
        return body
    masked = masker.walk(body)
    if full:
        masked["text"] = masker.text(touchpoint.text)
        masked = _realign(masked, masked["text"])
    return masked


def insights_view(insights: Insights | None, touchpoint: Touchpoint, masker: Masker
                  ) -> dict[str, Any] | None:
    if insights is None:
        return None
    body = insights.model_dump(mode="json")
    if masker.money:
        body["buying_signals"] = [s for s in body["buying_signals"]
                                  if s["kind"] not in _PRICING_SIGNALS]
        body["objections"] = [o for o in body["objections"] if o["kind"] != "price"]
    if not masker.is_active:
        return body
    provenance = body.pop("provenance")
    masked = _realign(masker.walk(body), masker.text(touchpoint.text))
    provenance["notes"] = [masker.text(note) for note in provenance.get("notes", [])]
    masked["provenance"] = provenance
    return masked


def account_view(account: Account, role: str) -> dict[str, Any]:
    body = account.model_dump(mode="json")
    if role == "service":
        body.pop("deal_value", None)
    if role == "evaluator" and body.get("owner"):
        body["owner"] = MASK * len(body["owner"])  # the owner is a person (a rep)
    return body
