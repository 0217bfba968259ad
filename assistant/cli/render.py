"""How touchpoints and insights look in a terminal; `--json` output bypasses this."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from assistant.models import Evidence, Insights, Touchpoint, TouchpointSummary


def print_json(console: Console, value: Any) -> None:
    """Plain JSON on stdout (no colour, no wrapping) so scripts can parse it."""
    def default(obj: Any) -> Any:
        if isinstance(obj, BaseModel):
            return obj.model_dump(mode="json")
        return str(obj)

    console.file.write(json.dumps(value, default=default, ensure_ascii=False, indent=2) + "\n")


def touchpoint_table(touchpoints: list[Touchpoint] | list[TouchpointSummary],
                     title: str = "Touchpoints") -> Table:
    """One row a touchpoint; an estimated time (from a file name or mtime) is marked `~`."""
    from assistant.storage.list_pages import summary_of

    table = Table(title=title, show_lines=False)
    for column, width in (("id", 27), ("when", 10), ("channel", 7), ("lang", 5),
                          ("account", 10), ("status", 9)):
        table.add_column(column, no_wrap=True, min_width=width)
    table.add_column("subject / first line", no_wrap=True, overflow="ellipsis", max_width=50)
    for found in touchpoints:
        tp = found if isinstance(found, TouchpointSummary) else summary_of(found)
        when = tp.occurred_at.strftime("%Y-%m-%d")
        if tp.occurred_at_source != "explicit":
            when = "~" + when
        table.add_row(tp.id, when, tp.channel, tp.language, tp.account_id or "-",
                      tp.status + (" !" if tp.has_error else ""),
                      escape((tp.subject or tp.first_line)[:70]))
    return table


_LINE = "{id:<27}  {when:<11}  {channel:<7}  {lang:<5}  {account:<12}  {status:<10}  {first}\n"


def write_touchpoint_lines(console: Console, touchpoints: list[TouchpointSummary]) -> None:
    """The same columns as `touchpoint_table`, as plain aligned lines: a page of a thousand
    rows prints at once (a Rich table lays out every cell first, seconds for 1,000 rows)."""
    out = console.file
    out.write(_LINE.format(id="id", when="when", channel="channel", lang="lang",
                           account="account", status="status", first="subject / first line"))
    for tp in touchpoints:
        when = tp.occurred_at.strftime("%Y-%m-%d")
        out.write(_LINE.format(
            id=tp.id, when=when if tp.occurred_at_source == "explicit" else "~" + when,
            channel=tp.channel, lang=tp.language, account=(tp.account_id or "-")[:12],
            status=tp.status + (" !" if tp.has_error else ""),
            first=" ".join((tp.subject or tp.first_line).split())[:70]))


def _quote(evidence: Evidence) -> str:
    where = f"[{evidence.start}:{evidence.end}]"
    if evidence.audio_start_s is not None:
        where += f" @{evidence.audio_start_s:.1f}s"
    flag = "" if evidence.status == "exact" else f" ({evidence.status})"
    return f'[dim]“{escape(evidence.quote)}” {where}{flag}[/dim]'


def print_insights(console: Console, insights: Insights) -> None:
    prov = insights.provenance
    console.print(f"[bold]Insights[/bold] by {prov.extractor} {prov.extractor_version}"
                  + (f", model {prov.model}" if prov.model else "")
                  + (f", prompt {prov.prompt_id} {prov.prompt_hash[:10]}" if prov.prompt_hash
                     and prov.prompt_id else "")
                  + (" [yellow]needs review[/yellow]" if prov.needs_review else ""))
    if insights.summary and insights.summary.evidence:
        console.print(f"  [bold]summary[/bold]: {escape(insights.summary.text)}")
        for ev in insights.summary.evidence[:2]:
            console.print(f"      {_quote(ev)}")
    elif insights.summary:  # stored before summaries had to ground: never shown as fact
        console.print("  [bold]summary[/bold]: [yellow]withheld, no grounded evidence[/yellow] "
                      "(re-run `touchpoint extract` to replace it)")
    if insights.sentiment:
        s = insights.sentiment
        speakers = ", ".join(f"{escape(k)} {v.label} {v.score:+.2f}" for k, v in s.by_speaker.items())
        console.print(f"  [bold]sentiment[/bold]: {s.label} {s.score:+.2f}"
                      + (f" ({speakers})" if speakers else ""))
        for ev in s.evidence[:2]:
            console.print(f"      {_quote(ev)}")
    rows: list[tuple[str, str, Evidence]] = []
    rows += [("competitor", f"{c.name} ({c.stance}{', new' if c.is_new else ''})", c.evidence)
             for c in insights.competitors]
    rows += [("next step", f"{n.action} — owner {n.owner}"
              + (f", due {n.due.isoformat()}" if n.due else "")
              + (f" ({n.due_phrase})" if n.due_phrase else ""), n.evidence)
             for n in insights.next_steps]
    rows += [("pain point", p.text, p.evidence) for p in insights.pain_points]
    rows += [(f"objection/{o.kind}", o.text, o.evidence) for o in insights.objections]
    rows += [(f"signal/{b.kind}", b.text, b.evidence) for b in insights.buying_signals]
    rows += [("question", q.text, q.evidence) for q in insights.questions]
    if insights.ticket:
        for name in ("issue", "product", "severity", "status"):
            field = getattr(insights.ticket, name)
            if field is not None:
                rows.append((f"ticket/{name}", field.value, field.evidence))
    for label, value, evidence in rows:
        console.print(f"  [bold]{label}[/bold]: {escape(value)}")
        console.print(f"      {_quote(evidence)}")
    if not rows and not insights.sentiment:
        console.print("  (nothing extracted)")
