"""Markdown for people: briefings and ticket summaries, each line followed by its sources."""

from __future__ import annotations

from assistant.briefing.build import Briefing
from assistant.briefing.phrases import say
from assistant.citations import Citation, CitedLine
from assistant.tickets import TicketSummary


def _source(citation: Citation) -> str:
    when = f"{citation.occurred_at:%Y-%m-%d} " if citation.occurred_at else ""
    where = f"{when}{citation.channel or ''} `{citation.ref}`".strip()
    if citation.quote:
        quote = citation.quote.replace("\n", " ")
        return f"“{quote}” — {where}"
    return where


def _lines(lines: list[CitedLine]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out.append(f"- {line.text.replace(chr(10), ' ')}")
        for citation in line.citations:
            if citation.quote and citation.quote.replace("\n", " ") in line.text.replace("\n", " "):
                out.append(f"  - `{citation.ref}`")
            else:
                out.append(f"  - {_source(citation)}")
    return out


def render_briefing(briefing: Briefing) -> str:
    lang = briefing.language
    name = briefing.account.name + (f" / {briefing.contact.name}" if briefing.contact
                                    and briefing.contact.name else "")
    out = [f"# {say(lang, 'title', name=name)}", ""]
    if briefing.agenda:
        out += [say(lang, "agenda", agenda=briefing.agenda), ""]
    if briefing.narrative:
        out += [" ".join(f"{line.text} ({', '.join(f'`{c.ref}`' for c in line.citations[:3])})"
                         for line in briefing.narrative), ""]
    for key in ("who", "timeline", "next_steps", "competitors", "sentiment", "tickets",
                "snippets", "talking_points", "risks"):
        lines: list[CitedLine] = getattr(briefing, key)
        if lines:
            out += [f"## {say(lang, key)}", "", *_lines(lines), ""]
    if briefing.notes:
        out += [f"## {say(lang, 'notes')}", "", *[f"- {n}" for n in briefing.notes], ""]
    return "\n".join(out)


def render_ticket(summary: TicketSummary) -> str:
    labels = summary.labels
    out = [f"# #{summary.ticket_id} {summary.subject or ''}".rstrip(), ""]
    if summary.versions > 1:
        out += [f"({summary.versions} stored versions; the newest is summarised)", ""]
    sections: list[tuple[str, list[CitedLine]]] = [
        (labels["issue"], [summary.issue] if summary.issue else []),
        (labels["status"], summary.fields),
        (labels["impact"], summary.impact),
        (labels["tried"], summary.tried),
        (labels["asked"], summary.asked),
        (labels["promised"], summary.promised),
        (labels["next"], [summary.next_action] if summary.next_action else []),
        (labels["sentiment"], [summary.sentiment] if summary.sentiment else []),
        (labels["timeline"], summary.timeline),
    ]
    for title, lines in sections:
        if lines:
            out += [f"## {title}", "", *_lines(lines), ""]
    if summary.sla:
        out += [f"## {labels['sla']}", ""]
        for check in summary.sla:
            out.append(f"- {check.name}: **{check.state}** ({check.elapsed_minutes} min, target "
                       f"{check.target_minutes} min)" + (f"; {check.note}" if check.note else ""))
            out += [f"  - {_source(c)}" for c in check.citations]
        out.append("")
    if summary.escalation:
        esc = summary.escalation
        out += [f"## {labels['escalation']}", "",
                f"- the same issue at {esc.touchpoints} touchpoints ({', '.join(esc.channels)})",
                *[f"  - {_source(c)}" for c in esc.citations], ""]
    if summary.data_quality:
        out += [f"## {labels['quality']}", "", *[f"- {flag}" for flag in summary.data_quality], ""]
    return "\n".join(out)
