"""`touchpoint eval`: score an extractor on a gold dataset; `touchpoint eval compare A B`;
`touchpoint eval intervals REPORT` (one run's metrics with bootstrap intervals).

The CLI only loads input, calls the harness and formats its result. Thresholds are checked on
dotted metric names (`competitors.f1`), optionally for one slice
(`by_language.zh.competitors.f1`, `by_channel.email.next_steps.f1`); `--min` is for scores,
`--max` for costs (`latency_ms.p95=50`, `cost_usd=0.5`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

eval_app = typer.Typer(help="Extraction-accuracy evals on gold datasets.",
                       invoke_without_command=True)
MIN_WIDTH = 110  # a metric column plus six slices; Rich assumes 80 when piped
console = Console()
console.width = max(console.width, MIN_WIDTH)
err_console = Console(stderr=True)


def parse_thresholds(values: list[str], option: str = "--min") -> dict[str, float]:
    """`competitors.f1=0.9` -> {"competitors.f1": 0.9}; BadInputError on anything else."""
    from assistant.errors import BadInputError

    parsed = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            parsed[name.strip()] = float(number)
        except ValueError:
            sep = ""
        if not sep or not name.strip():
            raise BadInputError(f"{option} {value!r}: write it as metric=number, "
                                "e.g. competitors.f1=0.9")
    return parsed


def report_metrics(report: dict[str, Any]) -> dict[str, float]:
    """Every thresholdable number: overall names plus `by_language.<lang>.` / `by_channel.<ch>.`."""
    from evals.metrics import flatten

    flat = flatten(report["overall"])
    for slicing in ("by_language", "by_channel"):
        for value, metrics in report.get(slicing, {}).items():
            flat.update({f"{slicing}.{value}.{name}": number
                         for name, number in flatten(metrics).items()})
    return flat


def failed_thresholds(report: dict[str, Any], minimum: dict[str, float],
                      maximum: dict[str, float] | None = None) -> list[str]:
    """One message per threshold not met; BadInputError for a metric the report lacks."""
    from assistant.errors import BadInputError

    flat = report_metrics(report)
    failures = []
    for bound, limits in (("min", minimum), ("max", maximum or {})):
        for name, limit in limits.items():
            if name not in flat:
                known = ", ".join(n for n in sorted(flat) if "." not in n or not n.startswith("by_"))
                raise BadInputError(f"--{bound} {name}: no such metric in this run; known: {known}"
                                    " (prefix by_language.<lang>. or by_channel.<channel>. for a "
                                    "slice)")
            value = flat[name]
            if bound == "min" and value < limit:
                failures.append(f"{name} = {value:.3f} < {limit}")
            if bound == "max" and value > limit:
                failures.append(f"{name} = {value:.3f} > {limit}")
    return failures


def _print_summary(result: dict[str, Any], title: str) -> None:
    """Two tables, by language then by channel, so metric names fit in a terminal."""
    from rich.table import Table

    from evals.report import fmt, headline

    for slicing, heading in (("by_language", "language"), ("by_channel", "channel")):
        table = Table(title=f"{title} — by {heading}")
        table.add_column("metric", no_wrap=True)
        columns = {"all": result["overall"], **result[slicing]}
        for column in columns:
            table.add_column(column, justify="right", no_wrap=True)
        rows = [dict(headline(m)) for m in columns.values()]
        for name, _ in headline(result["overall"]):
            table.add_row(name, *(fmt(row.get(name)) for row in rows))
        console.print(table)


@eval_app.callback()
def run(
    ctx: typer.Context,
    dataset: Path | None = typer.Option(None, help="Gold dataset (.jsonl)."),
    extractor: str | None = typer.Option(
        None, help="rules | learned | combined | llm | hybrid (or a plugin's name); default: the "
                   "configured extractor (TOUCHPOINT_EXTRACTOR, combined unless set)"),
    split: str | None = typer.Option(None, help="Only items whose \"split\" is this, e.g. test."),
    report: Path | None = typer.Option(None, help="Write report.md/.json/.html here."),
    minimum: list[str] = typer.Option([], "--min", help="Fail below, e.g. competitors.f1=0.9"),
    maximum: list[str] = typer.Option([], "--max", help="Fail above, e.g. latency_ms.p95=50"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Estimate LLM tokens and cost only."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Score an extractor on a dataset; exit 1 when a --min or --max threshold is not met."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from assistant.errors import BadInputError
    from evals.harness import run_eval
    from evals.report import write_reports

    if ctx.invoked_subcommand is not None:
        return
    if dataset is None:
        raise BadInputError("--dataset is required, e.g. --dataset evals/datasets/test.jsonl")
    from assistant.bootstrap import build_extractor
    from assistant.cli.context import settings
    from assistant.cli.render import print_json

    lows, highs = parse_thresholds(minimum, "--min"), parse_thresholds(maximum, "--max")
    extractor = extractor or settings().extractor
    if dry_run:
        from evals.estimate import estimate_cost

        estimate = estimate_cost(dataset, settings(), split=split, extractor=extractor)
        if as_json:
            print_json(console, estimate)
        elif "note" in estimate:
            console.print(f"{estimate['items']} items: {estimate['note']}, nothing to pay")
        else:
            console.print(f"{estimate['items']} items in {estimate['chunks']} chunks: about "
                          f"{estimate['input_tokens']:,} input and {estimate['output_tokens']:,} "
                          f"output tokens with {estimate['model']}, about "
                          f"${estimate['cost_usd']:.4f}"
                          + ("" if estimate["priced"] else " (no price known for this model)"))
        return
    from evals.dataset import dataset_catalog
    from extractors.catalog import load_catalog

    catalog = dataset_catalog(dataset) or load_catalog(settings().competitors_file)
    built = build_extractor(settings(), extractor)
    with Progress("eval", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=as_json) as bar:
        task = bar.add_task("eval", total=None)
        result = run_eval(dataset, built, catalog=catalog, split=split,
                          progress=lambda done, total: bar.update(task, completed=done,
                                                                  total=total))
    paths = write_reports(result, report) if report else []
    failures = failed_thresholds(result, lows, highs)
    if as_json:
        print_json(console, {"overall": result["overall"], "by_language": result["by_language"],
                             "by_channel": result["by_channel"], "reports": [str(p) for p in paths],
                             "failed_thresholds": failures})
    else:
        _print_summary(result, f"{extractor} on {dataset.name}"
                       f"{f' ({split})' if split else ''}: {result['overall']['items']} items")
        console.print(f"{len(result['errors'])} errors listed in the report"
                      if paths else f"{len(result['errors'])} errors (use --report DIR to see them)")
        for path in paths:
            console.print(f"wrote {path}")
        for failure in failures:
            console.print(f"[red]threshold not met[/red]: {failure}")
    if failures:
        raise typer.Exit(1)


@eval_app.command("intervals")
def run_intervals(
    report: Path = typer.Argument(..., help="A report.json"),
    language: str | None = typer.Option(None, help="Only the items of this language (en, zh)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Each metric of one run with its 95% bootstrap interval over items."""
    from rich.table import Table

    from evals.compare import intervals, load_report

    rows = intervals(load_report(report), language=language)
    if as_json:
        from assistant.cli.render import print_json

        print_json(console, rows)
        return
    table = Table(title=f"{report}{f' ({language})' if language else ''}")
    for column in ("metric", "value", "95% CI"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for row in rows:
        table.add_row(row["metric"], f"{row['value']:.3f}",
                      f"[{row['ci_low']:.3f}, {row['ci_high']:.3f}]")
    console.print(table)


@eval_app.command("compare")
def compare_runs(
    a: Path = typer.Argument(..., help="Baseline report.json"),
    b: Path = typer.Argument(..., help="Candidate report.json"),
    fail_on_regression: bool = typer.Option(
        False, help="Exit 1 when a metric gets significantly worse (95% interval excludes 0)."),
    include_latency: bool = typer.Option(
        False, help="Count a slower p50/p95 as a regression (only when both ran on one machine)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Deltas B - A with 95% bootstrap confidence intervals over items present in both."""
    from rich.table import Table

    from evals.compare import compare, load_report

    rows = compare(load_report(a), load_report(b), include_latency=include_latency)
    if as_json:
        from assistant.cli.render import print_json

        print_json(console, rows)
    else:
        table = Table(title=f"{b.name} vs {a.name}")
        for column in ("metric", "A", "B", "delta", "95% CI", ""):
            table.add_column(column, justify="left" if column == "metric" else "right")
        for row in rows:
            table.add_row(row["metric"], f"{row['a']:.3f}", f"{row['b']:.3f}",
                          f"{row['delta']:+.3f}", f"[{row['ci_low']:+.3f}, {row['ci_high']:+.3f}]",
                          "[red]regressed[/red]" if row["regressed"] else "")
        console.print(table)
    regressed = [r["metric"] for r in rows if r["regressed"]]
    if fail_on_regression and regressed:
        err_console.print(f"[red]regressed[/red]: {', '.join(regressed)}")
        raise typer.Exit(1)
