"""`touchpoint eval retrieval`: the retrieval eval from the command line, with thresholds."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from evals.cli import console, eval_app, parse_thresholds

DATASETS = Path(__file__).parent / "datasets"  # evals/retrieval.py (heavy) is imported on use


@eval_app.command("retrieval")
def retrieval_eval(
    dataset: Path = typer.Option(DATASETS / "retrieval.jsonl", help="Queries (.jsonl)."),
    minimum: list[str] = typer.Option([], "--min", help="Fail below, e.g. hybrid.recall_at_5=0.9"),
    report: Path | None = typer.Option(None, help="Write report.json here."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Recall@5 and MRR of dense, lexical and hybrid search over the gold datasets."""
    from assistant.bootstrap import retrieval_options
    from assistant.cli.context import settings
    from assistant.cli.render import print_json
    from evals.retrieval import MODES, misses, run_retrieval_eval

    lows = parse_thresholds(minimum, "--min")
    result = run_retrieval_eval(dataset, embedder=retrieval_options(settings()).embedder)
    if report is not None:
        report.mkdir(parents=True, exist_ok=True)
        (report / "report.json").write_text(json_text(result), encoding="utf-8")
    flat = {f"{mode}.{name}": value for mode in MODES
            for name, value in result["overall"][mode].items()}
    failures = [f"{name} = {flat.get(name)} < {low}" for name, low in lows.items()
                if flat.get(name, 0.0) < low]
    if as_json:
        print_json(console, {key: value for key, value in result.items() if key != "items"}
                   | {"failed_thresholds": failures, "misses": misses(result)})
    else:
        table = Table(title=f"retrieval on {result['corpus']} touchpoints, "
                            f"{result['queries']} queries")
        table.add_column("slice")
        for mode in MODES:
            table.add_column(f"{mode} R@{result['k']}", justify="right")
            table.add_column(f"{mode} MRR", justify="right")
        for name, scores in [("all", result["overall"]), *result["by_language"].items()]:
            table.add_row(f"{name} ({scores['queries']})", *(
                f"{scores[mode][key]:.3f}" for mode in MODES
                for key in (f"recall_at_{result['k']}", "mrr")))
        console.print(table)
        for miss in misses(result):
            console.print(f"hybrid miss {miss['id']}: {miss['query']} -> {miss['hybrid']['top']}")
        for failure in failures:
            console.print(f"[red]threshold not met[/red]: {failure}")
    if failures:
        raise typer.Exit(1)


def json_text(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=2, default=str)
