"""The LLM's output schema, and the named functions that turn its answers into domain models.

Model output is untrusted input. The schema is strict (`extra="forbid"`, every key required, so a
missing field is a validation error the model is asked to fix) and carries quotes but never
offsets: offsets come only from our own grounding. `validate_partially` salvages what is valid
from an answer that failed validation, so a last bad answer still yields its good fields, each
field's validity recorded. `ground_answer` aligns every quote to the source; an item whose quote
cannot be found, or that only cites a flagged injection sentence, is dropped and counted. The
summary obeys the same rule: a summary none of whose quotes grounds is dropped, with a note,
never kept as an unsupported statement about the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from assistant.models import (
    BuyingSignal,
    BuyingSignalKind,
    CompetitorMention,
    Evidence,
    NextStep,
    Objection,
    ObjectionKind,
    PainPoint,
    Question,
    Role,
    Sentiment,
    SentimentLabel,
    Stance,
    Summary,
    TicketField,
    TicketFields,
    Touchpoint,
)
from extractors.base import CompetitorCatalog
from extractors.grounding import DEFAULT_FUZZY_THRESHOLD, evidence_for_span, locate


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LLMSummary(_Strict):
    text: str
    quotes: list[str]


class LLMSentiment(_Strict):
    label: SentimentLabel
    score: float = Field(ge=-1, le=1)
    quotes: list[str]  # the customer's own sentences that carry the sentiment


class LLMCompetitor(_Strict):
    name: str
    stance: Stance
    quote: str


class LLMNextStep(_Strict):
    action: str
    owner: str  # "rep", "customer", or a person's name
    due_date: str | None  # YYYY-MM-DD, resolved against the touchpoint's date
    due_phrase: str | None
    quote: str

    @field_validator("due_date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None:
            date.fromisoformat(value)
        return value


class LLMPainPoint(_Strict):
    text: str
    quote: str


class LLMObjection(_Strict):
    kind: ObjectionKind
    text: str
    quote: str


class LLMBuyingSignal(_Strict):
    kind: BuyingSignalKind
    text: str
    quote: str


class LLMQuestion(_Strict):
    text: str
    asked_by: Role
    quote: str


class LLMTicketValue(_Strict):
    value: str
    quote: str


class LLMTicket(_Strict):
    issue: LLMTicketValue | None
    product: LLMTicketValue | None
    severity: LLMTicketValue | None
    status: LLMTicketValue | None


class LLMInsights(_Strict):
    summary: LLMSummary | None
    sentiment: LLMSentiment | None
    competitors: list[LLMCompetitor]
    next_steps: list[LLMNextStep]
    pain_points: list[LLMPainPoint]
    objections: list[LLMObjection]
    buying_signals: list[LLMBuyingSignal]
    questions: list[LLMQuestion]
    ticket: LLMTicket | None


FIELDS: tuple[str, ...] = tuple(LLMInsights.model_fields)
_LIST_ITEM: dict[str, type[BaseModel]] = {
    "competitors": LLMCompetitor, "next_steps": LLMNextStep, "pain_points": LLMPainPoint,
    "objections": LLMObjection, "buying_signals": LLMBuyingSignal, "questions": LLMQuestion,
}


def empty_answer() -> LLMInsights:
    return LLMInsights(summary=None, sentiment=None, competitors=[], next_steps=[], pain_points=[],
                       objections=[], buying_signals=[], questions=[], ticket=None)


def validate_partially(payload: Any) -> tuple[LLMInsights, dict[str, bool]]:
    """Keep every field (and every list entry) that validates; report each field's validity."""
    if not isinstance(payload, dict):
        return empty_answer(), dict.fromkeys(FIELDS, False)
    kept: dict[str, Any] = {}
    validity: dict[str, bool] = {}
    for name in FIELDS:
        if name not in payload:
            validity[name] = False
            continue
        value = payload[name]
        if name in _LIST_ITEM:
            entries = value if isinstance(value, list) else []
            good = [e for e in (_try(_LIST_ITEM[name], e) for e in entries) if e is not None]
            kept[name] = good
            validity[name] = isinstance(value, list) and len(good) == len(entries)
            continue
        annotation: Any = LLMInsights.model_fields[name].annotation
        try:
            kept[name] = TypeAdapter(annotation).validate_python(value)
            validity[name] = True
        except ValidationError:
            validity[name] = False
    return empty_answer().model_copy(update=kept), validity


def _try(model: type[BaseModel], value: Any) -> Any:
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


@dataclass(frozen=True)
class GroundingScope:
    """Where quotes may come from: a chunk of the text, minus spans that must never be cited."""

    touchpoint: Touchpoint
    start: int = 0
    end: int | None = None
    blocked: tuple[tuple[int, int], ...] = ()  # flagged injection sentences
    catalog: CompetitorCatalog = field(default_factory=CompetitorCatalog)
    fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD


@dataclass
class GroundedAnswer:
    """One answer's items with evidence located in the touchpoint; counts what was dropped."""

    summary: Summary | None = None
    sentiment: Sentiment | None = None
    competitors: list[CompetitorMention] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)
    pain_points: list[PainPoint] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)
    buying_signals: list[BuyingSignal] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    ticket: TicketFields | None = None
    ungrounded_dropped: int = 0
    blocked_dropped: int = 0
    notes: list[str] = field(default_factory=list)


class _Grounder:
    def __init__(self, scope: GroundingScope, result: GroundedAnswer) -> None:
        self.scope = scope
        self.result = result
        tp = scope.touchpoint
        self.end = len(tp.text) if scope.end is None else scope.end
        self.window = tp.text[scope.start : self.end]

    def evidence(self, quote: str) -> Evidence | None:
        span = locate(quote, self.window, fuzzy_threshold=self.scope.fuzzy_threshold)
        if span is None:
            self.result.ungrounded_dropped += 1
            return None
        start, end = self.scope.start + span.start, self.scope.start + span.end
        if any(start < b_end and b_start < end for b_start, b_end in self.scope.blocked):
            self.result.blocked_dropped += 1
            return None
        return evidence_for_span(self.scope.touchpoint, start, end, status=span.status)

    def customer_evidence(self, quote: str) -> Evidence | None:
        """Evidence from a customer turn; a rep's words never carry the customer's sentiment."""
        found = self.evidence(quote)
        tp = self.scope.touchpoint
        if found is None or not any(s.role != "unknown" for s in tp.segments):
            return found
        if found.segment_index is not None and tp.segments[found.segment_index].role == "customer":
            return found
        self.result.notes.append(f"sentiment quote {quote[:60]!r} is not the customer's; dropped")
        return None


def ground_answer(answer: LLMInsights, scope: GroundingScope) -> GroundedAnswer:
    """Turn a validated answer into domain items whose every quote is located in the source."""
    result = GroundedAnswer()
    g = _Grounder(scope, result)
    if answer.summary is not None:
        evidence = [e for e in (g.evidence(q) for q in answer.summary.quotes) if e is not None]
        if evidence:
            result.summary = Summary(text=answer.summary.text, evidence=evidence)
        else:
            result.notes.append(f"summary {answer.summary.text[:60]!r} had no grounded quote; "
                                "dropped (not shown as fact)")
    if answer.sentiment is not None:
        evidence = [e for e in (g.customer_evidence(q) for q in answer.sentiment.quotes) if e]
        if evidence:
            result.sentiment = Sentiment(label=answer.sentiment.label,
                                         score=answer.sentiment.score, evidence=evidence)
        else:
            result.notes.append(f"sentiment {answer.sentiment.label!r} had no grounded customer "
                                "quote; dropped")
    for c in answer.competitors:
        if (ev := g.evidence(c.quote)) is not None:
            result.competitors.append(competitor_mention(c, ev, scope.catalog))
    for n in answer.next_steps:
        if (ev := g.evidence(n.quote)) is not None:
            due = date.fromisoformat(n.due_date) if n.due_date else None
            result.next_steps.append(NextStep(action=n.action, owner=n.owner or "rep", due=due,
                                              due_phrase=n.due_phrase, evidence=ev))
    for p in answer.pain_points:
        if (ev := g.evidence(p.quote)) is not None:
            result.pain_points.append(PainPoint(text=p.text, evidence=ev))
    for o in answer.objections:
        if (ev := g.evidence(o.quote)) is not None:
            result.objections.append(Objection(kind=o.kind, text=o.text, evidence=ev))
    for b in answer.buying_signals:
        if (ev := g.evidence(b.quote)) is not None:
            result.buying_signals.append(BuyingSignal(kind=b.kind, text=b.text, evidence=ev))
    for q in answer.questions:
        if (ev := g.evidence(q.quote)) is not None:
            result.questions.append(Question(text=q.text, asked_by=q.asked_by, evidence=ev))
    if answer.ticket is not None:
        result.ticket = ticket_fields(answer.ticket, g)
    return result


def competitor_mention(
    answer: LLMCompetitor, evidence: Evidence, catalog: CompetitorCatalog
) -> CompetitorMention:
    """Map the reported name onto the tenant catalog; names outside it are marked new."""
    wanted = answer.name.casefold()
    for canonical, aliases in catalog.aliases.items():
        forms = [canonical, *aliases]
        if any(f.casefold() == wanted for f in forms):
            quoted = evidence.quote.casefold()
            alias = next((f for f in forms if f.casefold() in quoted), answer.name)
            return CompetitorMention(name=canonical, alias=alias, stance=answer.stance,
                                     evidence=evidence)
    alias = answer.name if answer.name.casefold() in evidence.quote.casefold() else evidence.quote
    return CompetitorMention(name=answer.name, alias=alias, stance=answer.stance, is_new=True,
                             evidence=evidence)


def ticket_fields(answer: LLMTicket, g: _Grounder) -> TicketFields | None:
    values: dict[str, TicketField] = {}
    for name in ("issue", "product", "severity", "status"):
        reported: LLMTicketValue | None = getattr(answer, name)
        if reported is not None and (ev := g.evidence(reported.quote)) is not None:
            values[name] = TicketField(value=reported.value, evidence=ev)
    return TicketFields(**values) if values else None
