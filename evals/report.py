"""Eval reports: Markdown for people, JSON for machines, one self-contained HTML page.

All three are rendered from the report dict `evals.harness.run_eval` returns, so they always
agree; the JSON is that dict itself and is what `touchpoint eval compare` reads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIELDS = ("competitors", "next_steps", "pain_points", "objections", "buying_signals", "questions")
MAX_ERRORS_LISTED = 300


def fmt(value: Any) -> str:
    """A metric for a table cell: 3 decimals, integers as is, missing as a dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def headline(metrics: dict[str, Any]) -> list[tuple[str, Any]]:
    """(dotted metric name, value) rows in reading order, for tables and thresholds."""
    rows: list[tuple[str, Any]] = []
    for name in FIELDS:
        if name in metrics:
            m = metrics[name]
            rows += [(f"{name}.precision", m["precision"]), (f"{name}.recall", m["recall"]),
                     (f"{name}.f1", m["f1"])]
            if name == "competitors" and "macro_f1" in m:
                rows.append(("competitors.macro_f1", m["macro_f1"]))
            if name == "next_steps":
                rows += [("next_steps.owner_accuracy", m["owner_accuracy"]),
                         ("next_steps.due_accuracy", m["due_accuracy"])]
    if "sentiment" in metrics:
        rows += [("sentiment.accuracy", metrics["sentiment"]["accuracy"]),
                 ("sentiment.macro_f1", metrics["sentiment"]["macro_f1"])]
    rows += [("grounding_rate", metrics.get("grounding_rate")),
             ("latency_ms.p50", metrics["latency_ms"]["p50"]),
             ("latency_ms.p95", metrics["latency_ms"]["p95"]),
             ("tokens.input", metrics["tokens"]["input"]),
             ("tokens.output", metrics["tokens"]["output"]), ("cost_usd", metrics["cost_usd"])]
    return rows


def slices(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Column name -> metrics: all, then each language, then each channel."""
    return {"all": report["overall"],
            **{f"lang={k}": v for k, v in report["by_language"].items()},
            **{f"channel={k}": v for k, v in report["by_channel"].items()}}


def error_value(value: Any) -> str:
    """An error's value on one line: strings as is, next steps as JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def title(report: dict[str, Any]) -> str:
    split = f" ({report['split']} split)" if report.get("split") else ""
    return f"Eval: {report['extractor']} on {Path(report['dataset']).name}{split}"


def provenance_line(report: dict[str, Any]) -> str:
    prov = report.get("provenance") or {}
    parts = [f"{report['overall']['items']} items", report["created_at"]]
    parts += [f"{k} {v}" for k, v in prov.items() if v]
    threshold = (report.get("options") or {}).get("match_threshold")
    if threshold is not None:
        parts.append(f"match threshold {threshold}")
    return " · ".join(str(p) for p in parts)


def to_markdown(report: dict[str, Any]) -> str:
    """The whole report as Markdown: metric table by slice, per-competitor table, confusion,
    then every error with its source passage (span marked [[like this]])."""
    lines = [f"# {title(report)}", "", provenance_line(report), ""]
    columns = slices(report)
    rows = {column: dict(headline(m)) for column, m in columns.items()}
    lines.append("| metric | " + " | ".join(columns) + " |")
    lines.append("|---|" + "---:|" * len(columns))
    for name, _ in headline(report["overall"]):
        lines.append(f"| {name} | " + " | ".join(fmt(rows[c].get(name)) for c in columns) + " |")
    by_name = report["overall"].get("competitors_by_name")
    if by_name:
        lines += ["", "## Competitors by canonical name", "",
                  "| competitor | precision | recall | f1 | support |", "|---|---:|---:|---:|---:|"]
        lines += [f"| {name} | {fmt(m['precision'])} | {fmt(m['recall'])} | {fmt(m['f1'])} | "
                  f"{m['support']} |" for name, m in by_name.items()]
    if "sentiment" in report["overall"]:
        confusion = report["overall"]["sentiment"]["confusion"]
        predicted = list(next(iter(confusion.values())))
        lines += ["", "## Sentiment confusion (rows gold, columns predicted)", "",
                  "| gold \\ predicted | " + " | ".join(predicted) + " |",
                  "|---|" + "---:|" * len(predicted)]
        lines += [f"| {g} | " + " | ".join(str(confusion[g].get(p, 0)) for p in predicted) + " |"
                  for g in confusion]
    errors = report["errors"]
    lines += ["", f"## Errors ({len(errors)})", ""]
    if len(errors) > MAX_ERRORS_LISTED:
        lines += [f"The first {MAX_ERRORS_LISTED} are listed; report.json has them all.", ""]
    for e in errors[:MAX_ERRORS_LISTED]:
        lines.append(f"- `{e['item']}` {e['field']} **{e['kind']}**: {error_value(e['value'])}"
                     + (f" — _{e['snippet']}_" if e.get("snippet") else ""))
    return "\n".join(lines) + "\n"


def write_reports(report: dict[str, Any], directory: Path) -> list[Path]:
    """report.md, report.json and report.html in `directory` (created if needed)."""
    from evals.report_html import to_html

    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / "report.md", directory / "report.json", directory / "report.html"]
    paths[0].write_text(to_markdown(report), encoding="utf-8")
    paths[1].write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    paths[2].write_text(to_html(report), encoding="utf-8")
    return paths
