"""`touchpoint demo`: the main job end to end on the bundled sample data, offline.

It uses its own tenant ("demo") in the configured data directory, so running it twice shows the
idempotency: the second run skips every source as a duplicate.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer

from assistant.cli.context import JSON_OPTION, console, settings

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
DEMO_TENANT = "demo"
DEMO_VENDOR_DOMAINS = ["brightlane.io"]
DEMO_REPS = ["Alice Chen", "王磊", "Sam Ortiz"]


cli = typer.Typer()


@cli.command()
def demo(
    audio: bool = typer.Option(True, help="Transcribe the sample recordings (slower)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Ingest the bundled sample data and print what was captured."""
    from assistant import bootstrap
    from assistant.accounts import import_accounts
    from assistant.cli import render
    from assistant.cli.ingest import run_files
    from assistant.events import store_events
    from assistant.ingest.dispatch import AUDIO_SUFFIXES
    from assistant.pipeline import SourceOptions
    from assistant.storage import repository

    s = settings().model_copy(update={
        "tenant": DEMO_TENANT, "vendor_domains": DEMO_VENDOR_DOMAINS, "rep_names": DEMO_REPS})
    db = bootstrap.open_store(s)
    with db.session() as session:
        accounts = SAMPLE_DIR / "accounts.csv"
        import_accounts(session, tenant_id=DEMO_TENANT, content=accounts.read_bytes(),
                        uri=str(accounts))
    from assistant.ingest.files import find_sources

    runtime = bootstrap.runtime(s, audio=audio)
    found, _ = find_sources([str(SAMPLE_DIR)])
    files = [f for f in found if f.path.name not in ("accounts.csv", "events.jsonl")
             and (audio or f.path.suffix.lower() not in AUDIO_SUFFIXES)]
    if not as_json:
        console.print(f"[bold]Touchpoint demo[/bold] — {len(files)} sample sources from {SAMPLE_DIR}")
    outcomes = run_files(db, files, SourceOptions(), runtime, tenant_id=DEMO_TENANT,
                         quiet=as_json)
    events = SAMPLE_DIR / "events.jsonl"
    events_stored, _ = store_events(db, events.read_bytes(), uri=str(events),
                                    options=bootstrap.parse_options(s))
    with db.session() as session:
        touchpoints = repository.list_touchpoints(session, tenant_id=DEMO_TENANT, limit=1000)
        insights = {tp.id: repository.latest_insights(session, tenant_id=DEMO_TENANT,
                                                      touchpoint_id=tp.id) for tp in touchpoints}
    if as_json:
        render.print_json(console, {"outcomes": [o.__dict__ for o in outcomes],
                                    "touchpoints": [tp.id for tp in touchpoints],
                                    "insights": insights, "events_stored": events_stored})
        return
    created = sum(len(o.created) for o in outcomes)
    skipped = sum(len(o.duplicates) for o in outcomes)
    console.print(f"Ingested {created} new touchpoint(s), skipped {skipped} already stored; "
                  f"stored {events_stored} new event(s).")
    for o in outcomes:
        if o.error:
            console.print(f"  [red]failed[/red] {render.escape(o.error)}")
    console.print(render.touchpoint_table(touchpoints, title="Captured touchpoints"))
    _print_totals(insights)
    for tp in touchpoints:
        latest = insights.get(tp.id)
        if latest is not None:
            console.rule(f"{tp.id} · {tp.channel} · {render.escape(tp.subject or '')}")
            render.print_insights(console, latest)


def _print_totals(insights: dict) -> None:
    counts: Counter[str] = Counter()
    for found in insights.values():
        if found is None:
            continue
        counts["competitor mentions"] += len(found.competitors)
        counts["next steps"] += len(found.next_steps)
        counts["pain points"] += len(found.pain_points)
        counts["objections"] += len(found.objections)
        counts["buying signals"] += len(found.buying_signals)
        counts["questions"] += len(found.questions)
    console.print("Extracted: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
