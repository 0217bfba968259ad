"""Message and comment times as chat, transcript and ticket exports write them.

A thin seam over `assistant.times`, the one reader of times: exports pass their ParseOptions,
whose default timezone reads any time written without an offset.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assistant.ingest.common import ParseOptions
from assistant.times import infer_day_first, parse_instant

__all__ = ["infer_day_first", "parse_timestamp"]


def parse_timestamp(raw: Any, options: ParseOptions, *, day_first: bool = False) -> datetime | None:
    """An aware datetime from an export's time value, or None when it is empty or unreadable.

    `day_first` reads `02/03/2026` as 2 March (most WhatsApp locales); without it, as 3 February.
    """
    return parse_instant(raw, tz=options.tz, day_first=day_first)
