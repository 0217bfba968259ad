"""Domain models shared by the pipeline, the API and the evals.

These are the only shapes that cross stage boundaries. Database rows (`assistant/storage/`) and
the LLM's output schema (`extractors/llm/schema.py`) are separate models, converted to and from
these by small named functions. All offsets are character offsets into `Touchpoint.text`
(start inclusive, end exclusive), so evidence can always be checked against the source.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

Channel = Literal["call", "meeting", "email", "chat", "ticket", "web"]
Direction = Literal["inbound", "outbound"]
Role = Literal["rep", "customer", "agent", "unknown"]
AlignmentStatus = Literal["exact", "normalized", "fuzzy", "ungrounded"]
# parsed -> extracted; "pending" when the extractor's provider was unavailable (extract later)
TouchpointStatus = Literal["received", "parsed", "pending", "extracted", "indexed", "failed"]
# where occurred_at came from: the source or the user said it, or it is an estimate
OccurredAtSource = Literal["explicit", "filename", "file_mtime", "ingest_time"]
SentimentLabel = Literal["positive", "neutral", "negative", "mixed"]
Stance = Literal["using", "evaluating", "switching_from", "comparing", "mentioned", "integration"]
ObjectionKind = Literal["price", "timing", "feature", "security", "contract", "other"]
BuyingSignalKind = Literal["budget", "timeline", "pricing", "decision_maker"]

CHANNELS: tuple[str, ...] = ("call", "meeting", "email", "chat", "ticket", "web")


class _Model(BaseModel):
    # a model's validator is built on its first use, not at import: a command that touches two
    # of these models does not pay for thirty (~15 ms of every CLI start)
    model_config = ConfigDict(extra="forbid", defer_build=True)


# --- who ---------------------------------------------------------------------------------


class Account(_Model):
    id: str
    tenant_id: str
    name: str
    domains: list[str] = Field(default_factory=list)
    timezone: str | None = None
    stage: str | None = None
    deal_value: float | None = None
    owner: str | None = None
    crm_id: str | None = None


class Contact(_Model):
    id: str
    tenant_id: str
    account_id: str | None = None
    name: str | None = None
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)  # E.164
    handles: list[str] = Field(default_factory=list)  # "slack:U123", "wecom:zhangwei"
    timezone: str | None = None
    title: str | None = None
    crm_id: str | None = None
    needs_review: bool = False  # created from an unknown sender, not from an import
    merged_into: str | None = None


class Participant(_Model):
    """Someone who appears in a source, before identity resolution ties them to a Contact."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    handle: str | None = None
    crm_id: str | None = None
    role: Role = "unknown"


# --- what was said ------------------------------------------------------------------------


class Source(_Model):
    uri: str
    sha256: str
    media_type: str
    size_bytes: int = 0


class Segment(_Model):
    """One speaker turn, message or paragraph; `start`/`end` locate it in `Touchpoint.text`."""

    speaker: str | None = None
    role: Role = "unknown"
    start_s: float | None = None
    end_s: float | None = None
    text: str
    start: int = 0
    end: int = 0
    occurred_at: AwareDatetime | None = None
    language: str | None = None  # the language this turn was spoken in, when a recording says


class Attachment(_Model):
    filename: str
    media_type: str
    size_bytes: int = 0


class Touchpoint(_Model):
    id: str
    tenant_id: str
    account_id: str | None = None
    contact_ids: list[str] = Field(default_factory=list)
    channel: Literal["call", "meeting", "email", "chat", "ticket", "web"]
    direction: Direction = "inbound"
    occurred_at: AwareDatetime
    occurred_at_source: OccurredAtSource = "explicit"
    language: str = "other"  # "en", "zh", "other", or "mixed"
    subject: str | None = None
    thread_id: str | None = None
    ticket_id: str | None = None
    source: Source
    segments: list[Segment] = Field(default_factory=list)
    text: str
    participants: list[Participant] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)
    status: TouchpointStatus = "received"
    error: str | None = None
    source_id: str | None = None  # the received source it was parsed from

    @model_validator(mode="after")
    def _segments_point_into_text(self) -> Touchpoint:
        for i, seg in enumerate(self.segments):
            if self.text[seg.start : seg.end] != seg.text:
                raise ValueError(f"segment {i} offsets [{seg.start}:{seg.end}] do not match its text")
        return self


# --- what we concluded --------------------------------------------------------------------


class Evidence(_Model):
    """A quote located in `Touchpoint.text`; `ungrounded` evidence is never shown as fact."""

    quote: str
    start: int
    end: int
    segment_index: int | None = None
    audio_start_s: float | None = None
    audio_end_s: float | None = None
    status: AlignmentStatus = "exact"

    @property
    def is_grounded(self) -> bool:
        return self.status != "ungrounded"


class Summary(_Model):
    text: str
    evidence: list[Evidence] = Field(default_factory=list)


class SpeakerSentiment(_Model):
    label: SentimentLabel
    score: float = Field(ge=-1, le=1)


class SentimentPoint(_Model):
    """The sentiment of one stretch of the conversation, in order."""

    segment_index: int | None = None
    label: SentimentLabel
    score: float = Field(ge=-1, le=1)


class Sentiment(_Model):
    label: SentimentLabel
    score: float = Field(ge=-1, le=1)
    by_speaker: dict[str, SpeakerSentiment] = Field(default_factory=dict)
    trajectory: list[SentimentPoint] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class CompetitorMention(_Model):
    name: str  # canonical name from the catalog, or as reported when is_new
    alias: str  # the surface form matched in the text
    stance: Stance = "mentioned"
    is_new: bool = False  # reported by the LLM, not in the tenant's catalog
    evidence: Evidence


class NextStep(_Model):
    action: str
    owner: str = "rep"  # "rep", "customer", or a person's name
    due: date | None = None
    due_phrase: str | None = None
    evidence: Evidence


class PainPoint(_Model):
    text: str
    evidence: Evidence


class Objection(_Model):
    kind: ObjectionKind = "other"
    text: str
    evidence: Evidence


class BuyingSignal(_Model):
    kind: BuyingSignalKind
    text: str
    evidence: Evidence


class Question(_Model):
    text: str
    asked_by: Role = "unknown"
    evidence: Evidence


class TicketField(_Model):
    value: str
    evidence: Evidence


class TicketFields(_Model):
    issue: TicketField | None = None
    product: TicketField | None = None
    severity: TicketField | None = None  # low | normal | high | urgent
    status: TicketField | None = None  # new | open | pending | solved | closed


class Provenance(_Model):
    extractor: str
    extractor_version: str
    prompt_id: str | None = None
    prompt_hash: str | None = None
    model: str | None = None
    latency_ms: float = 0.0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    cached: bool = False
    needs_review: bool = False
    field_validity: dict[str, bool] = Field(default_factory=dict)
    ungrounded_dropped: int = 0
    notes: list[str] = Field(default_factory=list)


class Insights(_Model):
    touchpoint_id: str
    summary: Summary | None = None
    sentiment: Sentiment | None = None
    competitors: list[CompetitorMention] = Field(default_factory=list)
    next_steps: list[NextStep] = Field(default_factory=list)
    pain_points: list[PainPoint] = Field(default_factory=list)
    objections: list[Objection] = Field(default_factory=list)
    buying_signals: list[BuyingSignal] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    ticket: TicketFields | None = None
    provenance: Provenance
    created_at: AwareDatetime | None = None


# --- signals and recommendations ----------------------------------------------------------


class Event(_Model):
    id: str
    tenant_id: str
    account_id: str | None = None
    contact_id: str | None = None
    kind: str  # "page_viewed", "trial_started", "form_submitted", ...
    occurred_at: AwareDatetime
    properties: dict[str, Any] = Field(default_factory=dict)


class Suggestion(_Model):
    id: str
    tenant_id: str
    account_id: str
    contact_id: str | None = None
    action: str
    channel: Channel
    score: float
    window_start: datetime
    window_end: datetime
    timezone: str
    reason_codes: list[str] = Field(default_factory=list)
    explanation: str
    evidence_refs: list[str] = Field(default_factory=list)  # "touchpoint_id:start-end"
    rule_id: str
    # appended for the suggestions engine (assistant/suggestions/); see the classes below
    owner: str | None = None
    status: SuggestionStatus = "open"
    time_critical: bool = False  # a candidate that is never delayed to a "better" window
    due_by: AwareDatetime | None = None  # the rule's deadline (reply in 5 min, recover in 24 h)
    last_signal_at: AwareDatetime | None = None  # newest evidence; newer than feedback revives it
    windows: list[ReplyWindow] = Field(default_factory=list)
    value_components: list[ValueComponent] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)


class TouchpointSummary(_Model):
    """A touchpoint as a list shows it: no text or segments, so a page of them is cheap."""

    id: str
    tenant_id: str
    account_id: str | None = None
    contact_ids: list[str] = Field(default_factory=list)
    channel: Channel
    direction: Direction = "inbound"
    occurred_at: AwareDatetime
    occurred_at_source: OccurredAtSource = "explicit"
    language: str = "other"
    subject: str | None = None
    first_line: str = ""
    status: TouchpointStatus = "received"
    has_error: bool = False


SuggestionStatus = Literal["open", "accepted", "snoozed", "dismissed", "done"]
FeedbackOutcome = Literal["accepted", "dismissed", "snoozed", "done"]


class ReplyWindow(_Model):
    """A time to reach the contact, in their timezone, and how likely a reply is inside it."""

    start: AwareDatetime
    end: AwareDatetime
    reply_probability: float = Field(ge=0, le=1)


class ValueComponent(_Model):
    """One part of a suggestion's score: its value (0..1), its weight and what it added."""

    name: str
    value: float = Field(ge=0, le=1)
    weight: float = Field(ge=0)
    contribution: float
    detail: str = ""


class Citation(_Model):
    """A touchpoint, a grounded quote from its insights, or an event behind a suggestion."""

    kind: Literal["touchpoint", "quote", "event"]
    label: str
    occurred_at: AwareDatetime | None = None
    touchpoint_id: str | None = None
    event_id: str | None = None
    evidence: Evidence | None = None


class SuggestionFeedback(_Model):
    suggestion_id: str
    tenant_id: str
    outcome: FeedbackOutcome
    note: str | None = None
    actor: str | None = None
    snooze_until: AwareDatetime | None = None
    created_at: AwareDatetime
