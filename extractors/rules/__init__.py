"""The rules extractor: offline, deterministic, English and Chinese.

One pass splits the touchpoint into sentences with roles; each field module reads them and
returns hits with offsets, which become Evidence through `evidence_for_span` (exact by
construction, and re-verified before returning). Nothing is reported without a quote.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from assistant.models import (
    BuyingSignal,
    CompetitorMention,
    Evidence,
    Insights,
    NextStep,
    Objection,
    PainPoint,
    Provenance,
    Question,
    Sentiment,
    SentimentPoint,
    SpeakerSentiment,
    Touchpoint,
)
from extractors.base import CompetitorCatalog, ExtractionContext, Extractor
from extractors.catalog import load_catalog
from extractors.grounding import is_verified
from extractors.rules.competitors import _STANCE_PRIORITY, find_competitors
from extractors.rules.concession import read_concessions
from extractors.rules.contrast import sentence_scores
from extractors.rules.cues import lowered
from extractors.rules.curt import settle_curt
from extractors.rules.fault_report import settle_fault_report
from extractors.rules.internal_meetings import is_internal
from extractors.rules.next_steps import NextStepHit, find_next_steps
from extractors.rules.sarcasm import read_sarcasm
from extractors.rules.sentences import Sentence, split_sentences
from extractors.rules.sentiment import (
    SARCASM_SCORE,
    STRONG,
    customer_sentences,
    is_firm_no,
    label_for,
    settle_resolved,
)
from extractors.rules.signals import (
    find_buying_signals,
    find_objections,
    find_pain_points,
    find_questions,
)
from extractors.rules.status_quo import is_current_customer, is_rival_praise, is_status_quo_pain
from extractors.rules.summary import build_summary
from extractors.rules.thanked import settle_thanked
from extractors.rules.tickets import extract_ticket_fields
from extractors.rules.zh_view import in_script_of, in_traditional, mandarin_text, mandarin_view

TRAJECTORY_POINTS = 5
SENTIMENT_EVIDENCE = 2
SUPPORT_MIN = 0.05  # |score| a sentence needs to be shown as evidence for a label


@lru_cache(maxsize=1)
def _default_catalog() -> CompetitorCatalog:
    return load_catalog(None)


# a catalog product the customer weighs against us is an objection ("comparing you against Zoho")
_IN_PLAY = frozenset({"evaluating", "comparing"})
_SALES_CHANNELS = frozenset({"call", "meeting", "email"})  # a ticket or chat is support: pain is ours


class RulesExtractor(Extractor):
    name = "rules"
    version = "2.0"

    def extract(self, touchpoint: Touchpoint, context: ExtractionContext) -> Insights:
        started = time.perf_counter()
        catalog = context.catalog if context.catalog.aliases else _default_catalog()
        low = lowered(touchpoint.text)
        sentences = split_sentences(touchpoint, low)
        evidence_at: dict[int, Evidence] = {}

        def ev(s: Sentence) -> Evidence:  # one Evidence per sentence, shared by its items
            found = evidence_at.get(s.start)
            if found is None:
                found = evidence_at[s.start] = _sentence_evidence(touchpoint, s)
            return found
        weights: dict[int, float] = defaultdict(float)

        competitors: dict[str, CompetitorMention] = {}
        named: set[int] = set()  # sentences that name a catalog product
        rivals: dict[int, list[tuple[int, int]]] = defaultdict(list)  # a product weighed against us
        for hit in find_competitors(sentences, catalog, touchpoint.text, low):
            weights[hit.sentence.start] += 1.0
            named.add(hit.sentence.start)
            if hit.stance in _IN_PLAY:
                rivals[hit.sentence.start].append((hit.start, hit.end))
            current = competitors.get(hit.name)
            if current is None or _STANCE_PRIORITY[hit.stance] < _STANCE_PRIORITY[current.stance]:
                competitors[hit.name] = CompetitorMention(
                    name=hit.name, alias=hit.alias, stance=hit.stance,
                    evidence=ev(hit.sentence))

        next_steps = []
        for step in _next_steps(sentences, touchpoint):
            weights[step.sentence.start] += 1.5
            next_steps.append(NextStep(action=step.action, owner=step.owner, due=step.due,
                                       due_phrase=step.due_phrase, evidence=ev(step.sentence)))
        if is_internal(touchpoint, sentences):  # a colleague's "could you send me…" asks a colleague
            next_steps = [n.model_copy(update={"owner": "rep"}) if n.owner == "customer" else n
                          for n in next_steps]
        pains = find_pain_points(sentences, touchpoint)
        objections = find_objections(sentences, touchpoint, rivals)
        signals = find_buying_signals(sentences, touchpoint)
        for signal in [*pains, *objections, *signals]:
            weights[signal.sentence.start] += 1.0
        insights = Insights(
            touchpoint_id=touchpoint.id,
            summary=build_summary(touchpoint, sentences, weights, ev),
            sentiment=self._sentiment(touchpoint, sentences, ev, named),
            competitors=list(competitors.values()),
            next_steps=next_steps,
            pain_points=[PainPoint(text=h.text, evidence=ev(h.sentence)) for h in pains],
            objections=[Objection(kind=h.kind, text=h.text, evidence=ev(h.sentence))  # type: ignore[arg-type]
                        for h in objections],
            buying_signals=[BuyingSignal(kind=h.kind, text=h.text, evidence=ev(h.sentence))  # type: ignore[arg-type]
                            for h in signals],
            questions=[Question(text=h.text, asked_by=h.sentence.role, evidence=ev(h.sentence))
                       for h in find_questions(sentences, touchpoint)],
            ticket=extract_ticket_fields(touchpoint, sentences) if touchpoint.channel == "ticket"
            else None,
            provenance=Provenance(extractor=self.name, extractor_version=self.version,
                                  latency_ms=(time.perf_counter() - started) * 1000),
        )
        _verify_all(insights, touchpoint.text)
        return insights

    def _sentiment(self, touchpoint: Touchpoint, sentences: list[Sentence],
                   evidence: Callable[[Sentence], Evidence], named: set[int]) -> Sentiment | None:
        """The customer's stance towards us: pain with their current setup in a sales
        conversation (`status_quo`) is a pain point, not a complaint about us."""
        if not sentences:
            return None
        traditional = in_traditional(sentences)
        scored = [(s, score) for s in sentences for view in [mandarin_view(s) if traditional else s]
                  for score in sentence_scores(view.text, view.cues)]
        customer = {id(s) for s in customer_sentences(sentences)}
        # "Loved it. But four never arrived.": read before status-quo pain is set aside below
        scored = read_concessions(scored, [s.text for s, _ in scored], [s.speaker or s.role for s, _ in scored])
        current: list[bool] = []  # read once, only when a sentence could be status-quo pain

        def is_current() -> bool:
            if not current:
                current.append(any(is_current_customer(s.text, s.cues) for s in sentences))
            return current[0]
        customer_scored = [(s, score) for s, score in scored if id(s) in customer
                           and not (score < 0 and touchpoint.channel in _SALES_CHANNELS
                                    and is_status_quo_pain(s.text, s.start in named, s.cues,
                                                           current_customer=is_current()))
                           and not (score > 0 and is_rival_praise(s.text, s.start in named))]
        customer_scored = read_sarcasm(customer_scored, SARCASM_SCORE, sentences)  # "…again. Fantastic."
        label, score = label_for([score for _, score in customer_scored])
        if label == "mixed" and any(value <= -STRONG and is_firm_no(s.text, s.cues) for s, value in customer_scored):
            label = "negative"  # a firm no is not made mixed by the praise around it ("the team liked it")
        said = [(s.text, v) for s, v in customer_scored]
        label = settle_resolved(label, said, touchpoint.channel)
        label = settle_thanked(label, said, touchpoint.channel, STRONG)  # "…fails at 87%." / "You're a lifesaver."
        label = settle_fault_report(label, said, touchpoint.channel, STRONG)  # "扫描失败，提示无法连接。"
        label = settle_curt(label, said, STRONG)  # "…the tablets. Fine." / "行吧。" after a complaint
        by_speaker: dict[str, list[float]] = defaultdict(list)  # one label_for per speaker below
        for s, value in scored:
            by_speaker[s.speaker or s.role].append(value)
        chunk = max(1, len(scored) // TRAJECTORY_POINTS + (len(scored) % TRAJECTORY_POINTS > 0))
        trajectory = []
        for i in range(0, len(scored), chunk):
            part = scored[i : i + chunk]
            point_label, point_score = label_for([v for _, v in part])
            trajectory.append(SentimentPoint(segment_index=part[0][0].segment_index,
                                             label=point_label, score=point_score))
        return Sentiment(
            label=label, score=score,
            by_speaker={k: SpeakerSentiment(label=speaker_label, score=speaker_score)
                        for k, v in by_speaker.items()
                        for speaker_label, speaker_score in [label_for(v)]},
            trajectory=trajectory,
            evidence=[evidence(s) for s in supporting(label, customer_scored)])


def _next_steps(sentences: list[Sentence], touchpoint: Touchpoint) -> list[NextStepHit]:
    """Next steps; a traditional or Cantonese touchpoint is read through its Mandarin view (the
    step patterns are written in simplified Mandarin) and its steps are given back in the
    writer's own characters, quoting the writer's own sentences."""
    if not in_traditional(sentences):
        return find_next_steps(sentences, touchpoint)
    text = touchpoint.text
    own = {s.start: s for s in sentences}
    view = touchpoint.model_copy(update={"text": mandarin_text(text)})
    return [replace(step, action=in_script_of(step.action, text),
                    due_phrase=step.due_phrase and in_script_of(step.due_phrase, text),
                    sentence=own.get(step.sentence.start, step.sentence))
            for step in find_next_steps([mandarin_view(s) for s in sentences], view)]


def supporting(label: str, scored: list[tuple[Sentence, float]]) -> list[Sentence]:
    """The sentences that show `label`: the strongest of its sign (one of each for mixed), in
    text order; none for neutral, so a positive label never cites a complaint (nor a sentence
    that concedes praise and then complains: that one shows `mixed` only)."""
    positive = sorted((p for p in scored if p[1] >= SUPPORT_MIN), key=lambda p: -p[1])
    negative = sorted((p for p in scored if p[1] <= -SUPPORT_MIN), key=lambda p: p[1])
    both = {p[0].start for p in positive} & {p[0].start for p in negative}
    chosen = {"positive": [p for p in positive if p[0].start not in both][:SENTIMENT_EVIDENCE],
              "negative": [p for p in negative if p[0].start not in both][:SENTIMENT_EVIDENCE],
              "mixed": positive[:1] + negative[:1]}.get(label, [])
    shown = {p[0].start: p[0] for p in chosen}  # a contrast can show both sides of mixed
    return [shown[start] for start in sorted(shown)]


def _sentence_evidence(touchpoint: Touchpoint, sentence: Sentence) -> Evidence:
    """Exact evidence for a sentence; its segment is known from the split, not searched for."""
    index = sentence.segment_index
    segment = touchpoint.segments[index] if index is not None else None
    return Evidence(quote=sentence.text, start=sentence.start, end=sentence.end, segment_index=index,
                    audio_start_s=segment.start_s if segment else None,
                    audio_end_s=segment.end_s if segment else None)


def _verify_all(insights: Insights, text: str) -> None:
    """Every evidence must hold its quote at its offsets; a rule bug must not become a fact."""
    evidence: list[Evidence] = []
    evidence += [c.evidence for c in insights.competitors]
    evidence += [n.evidence for n in insights.next_steps]
    evidence += [p.evidence for p in insights.pain_points]
    evidence += [o.evidence for o in insights.objections]
    evidence += [b.evidence for b in insights.buying_signals]
    evidence += [q.evidence for q in insights.questions]
    if insights.summary:
        evidence += insights.summary.evidence
    if insights.sentiment:
        evidence += insights.sentiment.evidence
    for e in {id(e): e for e in evidence}.values():  # items of one sentence share its Evidence
        if not is_verified(e, text):
            raise AssertionError(f"rules evidence [{e.start}:{e.end}] does not hold {e.quote!r}")
