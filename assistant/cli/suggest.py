"""`touchpoint suggest`: today's ranked follow-ups with their reasons; `suggest feedback`,
`suggest dnc`; `touchpoint eval-suggestions`: the timing backtest. Thin: each command calls the
suggestions service (or the backtest) and prints. `cli` is mounted by `cli/app.py`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli.context import JSON_OPTION, TENANT_OPTION, console, settings

if TYPE_CHECKING:
    from assistant.models import Suggestion
    from assistant.storage.db import Database

cli: typer.Typer = typer.Typer()  # mounted by cli/app.py
suggest_app = typer.Typer(help="Ranked follow-ups: who, when, on which channel, and why.",
                          invoke_without_command=True)
cli.add_typer(suggest_app, name="suggest")


def _when(value: str | None, option: str) -> datetime | None:
    from assistant.errors import BadInputError

    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"{option} {value!r} is not ISO-8601 (e.g. 2026-03-12T09:00+08:00)"
                            ) from None


@suggest_app.callback()
def suggest(
    ctx: typer.Context,
    owner: str | None = typer.Option(None, help="Only this account owner's suggestions."),
    account: str | None = typer.Option(None, help="Only this account (refreshes only it)."),
    at: str | None = typer.Option(None, help="As of this moment (ISO-8601); default now."),
    limit: int = typer.Option(20, help="How many to print."),
    details: bool = typer.Option(True, help="Print each suggestion's explanation and value."),
    workers: int = typer.Option(1, help="Processes for a whole-tenant refresh (large tenants)."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Refresh and print the ranked suggestions."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.suggestions import list_suggestions, load_policy, refresh_suggestions

    if ctx.invoked_subcommand is not None:
        return
    s = settings()
    tenant_id = tenant or s.tenant
    db = bootstrap.open_store(s)
    refresh_suggestions(db, tenant_id=tenant_id, account_id=account, now=_when(at, "--at"),
                        policy=load_policy(s.suggestions_file, tenant_id=tenant_id),
                        default_timezone=s.default_timezone, workers=workers)
    shown = list_suggestions(db, tenant_id=tenant_id, account_id=account, owner=owner,
                             limit=limit)
    if as_json:
        render.print_json(console, shown)
        return
    print_suggestions(shown, details=details, names=contact_names(db, tenant_id))


def print_suggestions(shown: list[Suggestion], *, details: bool = True,
                      names: dict[str, str] | None = None) -> None:
    """One block per suggestion: rank, score, rule, who, channel, when, then the action; with
    `details`, the explanation (evidence cited), the value components and the other windows."""
    from rich.markup import escape

    if not shown:
        console.print("No suggestions right now.")
        return
    names = names or {}
    for rank, sg in enumerate(shown, start=1):
        when = ("NOW" if sg.time_critical else f"{sg.window_start:%a %d %b %H:%M}–"
                f"{sg.window_end:%H:%M}")
        reply = f"reply {sg.windows[0].reply_probability:.0%}" if sg.windows else ""
        who = sg.account_id + (f" / {names.get(sg.contact_id, sg.contact_id)}"
                               if sg.contact_id else "")
        status = "" if sg.status == "open" else f" [{sg.status}]"
        console.print(f"[bold]#{rank}[/bold] {sg.score:5.1f}  [bold]{sg.rule_id}[/bold] · "
                      f"{escape(who)} · {sg.channel} · {when} {sg.timezone} · {reply}"
                      f"{status}  [dim]{sg.id}[/dim]", highlight=False)
        console.print(f"    {escape(sg.action)}", highlight=False)
        if not details:
            continue
        for line in sg.explanation.splitlines():
            console.print(f"    [dim]{escape(line)}[/dim]", highlight=False)
        console.print("    [dim]Value: " + escape(", ".join(
            f"{c.name} {c.value:.2f}×{c.weight:.2f}={c.contribution:.1f} ({c.detail})"
            for c in sg.value_components)) + "[/dim]", highlight=False)
        if len(sg.windows) > 1:
            console.print("    [dim]Other windows: " + "; ".join(
                f"{w.start:%a %d %b %H:%M}–{w.end:%H:%M} {w.reply_probability:.0%}"
                for w in sg.windows[1:]) + "[/dim]", highlight=False)


def contact_names(db: Database, tenant_id: str) -> dict[str, str]:
    from assistant.storage import repository

    with db.session() as session:
        return {c.id: c.name or c.id for c in repository.list_contacts(session,
                                                                        tenant_id=tenant_id)}


@suggest_app.command("feedback")
def feedback(
    suggestion_id: str = typer.Argument(..., help="A suggestion id (sg_...)."),
    outcome: str = typer.Argument(..., help="accepted | dismissed | snoozed | done"),
    note: str | None = typer.Option(None, help="Why, in a few words."),
    until: str | None = typer.Option(None, help="For snoozed: until when (default +24 h)."),
    tenant: str | None = TENANT_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record what happened to a suggestion; dismissed ones stay hidden until something new."""
    from assistant import bootstrap
    from assistant.cli import render
    from assistant.suggestions import record_feedback

    s = settings()
    db = bootstrap.open_store(s)
    stored = record_feedback(db, tenant_id=tenant or s.tenant, suggestion_id=suggestion_id,
                             outcome=outcome, note=note, snooze_until=_when(until, "--until"))
    if as_json:
        render.print_json(console, stored)
    else:
        console.print(f"Recorded {stored.outcome} for {suggestion_id}.")


@suggest_app.command("dnc")
def do_not_contact(
    contact_id: str = typer.Argument(..., help="The contact id."),
    off: bool = typer.Option(False, "--off", help="Lift the block."),
    reason: str | None = typer.Option(None, help="Why (kept with the block)."),
    tenant: str | None = TENANT_OPTION,
) -> None:
    """Mark a contact do-not-contact (or lift it with --off): no suggestion will reach them."""
    from assistant import bootstrap
    from assistant.suggestions import set_do_not_contact

    s = settings()
    set_do_not_contact(bootstrap.open_store(s), tenant_id=tenant or s.tenant,
                       contact_id=contact_id, is_blocked=not off, reason=reason)
    console.print(f"{contact_id}: {'may be contacted again' if off else 'do not contact'}.")


@cli.command("eval-suggestions")
def eval_suggestions(
    contacts: int = typer.Option(120, help="Contacts in the generated history."),
    weeks: int = typer.Option(16, help="Weeks of generated history."),
    noise: float = typer.Option(0.1, help="Share of replies at random times (0..1)."),
    seed: int = typer.Option(7),
    report: Path | None = typer.Option(None, help="Also write the JSON report here."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Backtest the learned reply windows against two baselines on a generated history."""
    import json

    from assistant.cli import render
    from evals.suggestion_backtest import format_report, run_backtest

    result = run_backtest(contacts=contacts, weeks=weeks, noise=noise, seed=seed)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
    if as_json:
        render.print_json(console, result)
    else:
        console.print(format_report(result), highlight=False)
