"""`touchpoint eval`: score an extractor on a gold dataset; `touchpoint eval compare A B`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from assistant.errors import BadInputError
from evals.compare import compare, load_report
from evals.harness import run_eval
from evals.metrics import flatten
from evals.report import headline, write_reports

eval_app = typer.Typer(help="Extraction-accuracy evals on gold datasets.",
                       invoke_without_command=True)
console = Console()


def parse_thresholds(values: list[str]) -> dict[str, float]:
    """`competitors.f1=0.9` -> {"competitors.f1": 0.9}; BadInputError on anything else."""
    parsed = {}
    for value in values:
        name, sep, number = value.partition("=")
        try:
            parsed[name.strip()] = float(number)
        except ValueError:
            sep = ""
        if not sep or not name.strip():
            raise BadInputError(f"--min {value!r}: write it as metric=number, e.g. competitors.f1=0.9")
    return parsed


def failed_thresholds(metrics: dict, thresholds: dict[str, float]) -> list[str]:
    flat = flatten(metrics)
    failures = []
    for name, minimum in thresholds.items():
        if name not in flat:
            raise BadInputError(f"--min {name}: no such metric; known: {', '.join(sorted(flat))}")
        if flat[name] < minimum:
            failures.append(f"{name} = {flat[name]:.3f} < {minimum}")
    return failures


@eval_app.callback()
def run(
    ctx: typer.Context,
    dataset: Path | None = typer.Option(None, help="Gold dataset (.jsonl)."),
    extractor: str = typer.Option("rules", help="rules | llm | hybrid"),
    report: Path | None = typer.Option(None, help="Write report.md/.json/.html here."),
    minimum: list[str] = typer.Option([], "--min", help="Fail below, e.g. competitors.f1=0.9"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Estimate LLM tokens and cost only."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Score an extractor on a dataset; exit 1 when a --min threshold is not met."""
    if ctx.invoked_subcommand is not None:
        return
    if dataset is None:
        raise BadInputError("--dataset is required, e.g. --dataset evals/datasets/test.jsonl")
    from assistant.bootstrap import build_extractor
    from assistant.cli.app import settings
    from assistant.cli.render import print_json

    thresholds = parse_thresholds(minimum)
    if dry_run:
        from evals.estimate import estimate_cost

        estimate = estimate_cost(dataset, settings())
        if as_json:
            print_json(console, estimate)
        else:
            console.print(f"{estimate['items']} items, about {estimate['input_tokens']:,} input "
                          f"and {estimate['output_tokens']:,} output tokens with "
                          f"{estimate['model']}: about ${estimate['cost_usd']:.4f}")
        return
    result = run_eval(dataset, build_extractor(settings(), extractor))
    paths = write_reports(result, report) if report else []
    failures = failed_thresholds(result["overall"], thresholds)
    if as_json:
        print_json(console, {"overall": result["overall"], "by_language": result["by_language"],
                             "by_channel": result["by_channel"], "reports": [str(p) for p in paths],
                             "failed_thresholds": failures})
    else:
        table = Table(title=f"{extractor} on {dataset.name} ({result['overall']['items']} items)")
        table.add_column("metric")
        for column in ["all", *result["by_language"]]:
            table.add_column(column, justify="right")
        slices = [result["overall"], *result["by_language"].values()]
        for name, _ in headline(result["overall"]):
            cells = [dict(headline(m)).get(name) for m in slices]
            table.add_row(name, *("–" if v is None else f"{v:.3f}" for v in cells))
        console.print(table)
        for path in paths:
            console.print(f"wrote {path}")
        for failure in failures:
            console.print(f"[red]below threshold[/red]: {failure}")
    if failures:
        raise typer.Exit(1)


@eval_app.command("compare")
def compare_runs(
    a: Path = typer.Argument(..., help="Baseline report.json"),
    b: Path = typer.Argument(..., help="Candidate report.json"),
    fail_on_regression: bool = typer.Option(False, help="Exit 1 when a metric regresses."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Deltas B - A with 95% bootstrap confidence intervals."""
    rows = compare(load_report(a), load_report(b))
    if as_json:
        from assistant.cli.render import print_json

        print_json(console, rows)
    else:
        table = Table(title=f"{b.name} vs {a.name}")
        for column in ("metric", "A", "B", "delta", "95% CI", ""):
            table.add_column(column)
        for row in rows:
            table.add_row(row["metric"], f"{row['a']:.3f}", f"{row['b']:.3f}",
                          f"{row['delta']:+.3f}", f"[{row['ci_low']:+.3f}, {row['ci_high']:+.3f}]",
                          "[red]regressed[/red]" if row["regressed"] else "")
        console.print(table)
    if fail_on_regression and any(r["regressed"] for r in rows):
        raise typer.Exit(1)
