"""What the stages need to know: per source (stored with it) and per process (the runtime).

`SourceOptions` travel with a source: they are written into its row at `receive`, so a stage
run later by another process (a Celery worker, a re-run after a crash) reads exactly what the
user asked for. `Runtime` is what a process builds once from its settings: parser defaults,
the extractor, the transcription options, and the secrets to keep out of any error text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from assistant.ingest.common import ParseOptions
from assistant.models import OccurredAtSource
from assistant.redaction import redact_secrets

if TYPE_CHECKING:  # both pull in heavy modules; a runtime is built only where it is used
    from assistant.transcribe import TranscribeOptions
    from extractors.base import ExtractionContext, Extractor


@dataclass(frozen=True)
class SourceOptions:
    """The user's choices for one source; all optional."""

    occurred_at: datetime | None = None  # from a flag or a sidecar: explicit
    fallback_occurred_at: datetime | None = None  # the input layer's estimate
    fallback_source: OccurredAtSource = "ingest_time"
    language: str | None = None
    timezone: str | None = None  # for times written without an offset
    rep_names: tuple[str, ...] = ()
    account_id: str | None = None  # explicit (`--account`): wins over resolution
    account_hint: str | None = None  # a sidecar's account: used when resolution finds none
    contact_ids: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        stored: dict[str, Any] = {}
        for name, value in self.__dict__.items():
            if isinstance(value, datetime):
                stored[name] = value.isoformat()
            elif isinstance(value, tuple):
                stored[name] = list(value)
            else:
                stored[name] = value
        return {k: v for k, v in stored.items() if v not in (None, [], "ingest_time")}

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> SourceOptions:
        values: dict[str, Any] = dict(stored)
        for name in ("occurred_at", "fallback_occurred_at"):
            if values.get(name):
                values[name] = datetime.fromisoformat(values[name])
        for name in ("rep_names", "contact_ids"):
            values[name] = tuple(values.get(name) or ())
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in values.items() if k in known})


@dataclass
class Runtime:
    """One process's way of running the stages, built from its settings."""

    parse: ParseOptions = field(default_factory=ParseOptions)
    extractor: Extractor | None = None
    context: ExtractionContext | None = None  # None: an empty catalog
    transcribe: TranscribeOptions | None = None
    phone_region: str = "US"
    secrets: tuple[str, ...] = ()

    def parse_options(self, tenant_id: str, options: SourceOptions) -> ParseOptions:
        """The parser's options for one source of `tenant_id`."""
        base = self.parse
        return replace(
            base, tenant_id=tenant_id, occurred_at=options.occurred_at,
            fallback_occurred_at=options.fallback_occurred_at,
            fallback_source=options.fallback_source,
            language=options.language or base.language,
            default_timezone=options.timezone or base.default_timezone,
            rep_names=(*base.rep_names, *options.rep_names))

    def redact(self, text: str) -> str:
        return redact_secrets(text, secrets=self.secrets)
