"""Eval reports: Markdown for people, JSON for machines, one self-contained HTML page.

The HTML draws its charts as inline SVG (no scripts, no CDN), so the file opens offline in any
browser and can be attached to a ticket as is.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

FIELDS = ("competitors", "next_steps", "pain_points", "objections", "buying_signals", "questions")
MAX_ERRORS_LISTED = 200


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def headline(metrics: dict[str, Any]) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for name in FIELDS:
        if name in metrics:
            m = metrics[name]
            rows += [(f"{name}.precision", m["precision"]), (f"{name}.recall", m["recall"]),
                     (f"{name}.f1", m["f1"])]
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


def to_markdown(report: dict[str, Any]) -> str:
    lines = [f"# Eval: {report['extractor']} on {Path(report['dataset']).name}", "",
             f"{report['overall']['items']} items · {report['created_at']}", ""]
    slices = {"all": report["overall"], **{f"lang={k}": v for k, v in report["by_language"].items()},
              **{f"channel={k}": v for k, v in report["by_channel"].items()}}
    names = [name for name, _ in headline(report["overall"])]
    lines.append("| metric | " + " | ".join(slices) + " |")
    lines.append("|---|" + "---|" * len(slices))
    for name in names:
        values = [dict(headline(m)).get(name) for m in slices.values()]
        lines.append(f"| {name} | " + " | ".join(_fmt(v) for v in values) + " |")
    if "sentiment" in report["overall"]:
        confusion = report["overall"]["sentiment"]["confusion"]
        labels = list(confusion)
        lines += ["", "## Sentiment confusion (rows gold, columns predicted)", "",
                  "| gold \\ predicted | " + " | ".join(labels) + " |",
                  "|---|" + "---|" * len(labels)]
        lines += [f"| {g} | " + " | ".join(str(confusion[g].get(p, 0)) for p in labels) + " |"
                  for g in labels]
    lines += ["", f"## Errors ({len(report['errors'])})", ""]
    for e in report["errors"][:MAX_ERRORS_LISTED]:
        value = json.dumps(e["value"], ensure_ascii=False) if not isinstance(e["value"], str) \
            else e["value"]
        lines.append(f"- `{e['item']}` {e['field']} **{e['kind']}**: {value}"
                     + (f" — _{e['snippet'][:100]}_" if e.get("snippet") else ""))
    return "\n".join(lines) + "\n"


def _bars(title: str, values: list[tuple[str, float | None]]) -> str:
    width, row = 520, 22
    height = row * len(values) + 30
    parts = [f'<svg width="{width}" height="{height}" role="img" aria-label="{html.escape(title)}">',
             f'<text x="0" y="14" font-weight="bold">{html.escape(title)}</text>']
    for i, (label, value) in enumerate(values):
        y = 24 + i * row
        bar = int(300 * (value or 0))
        parts.append(f'<text x="0" y="{y + 14}" font-size="12">{html.escape(label)}</text>')
        parts.append(f'<rect x="180" y="{y + 2}" width="{bar}" height="16" fill="#4a7bd0"/>')
        parts.append(f'<text x="{186 + bar}" y="{y + 14}" font-size="12">{_fmt(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def to_html(report: dict[str, Any]) -> str:
    overall = report["overall"]
    f1s = [(name, overall[name]["f1"]) for name in FIELDS if name in overall]
    if "sentiment" in overall:
        f1s.append(("sentiment acc", overall["sentiment"]["accuracy"]))
    by_lang = [(lang, m.get("competitors", {}).get("f1")) for lang, m in report["by_language"].items()]
    by_lang_ns = [(lang, m.get("next_steps", {}).get("f1")) for lang, m in report["by_language"].items()]
    markdown = html.escape(to_markdown(report))
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Touchpoint eval</title>"
            "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
            "pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body>"
            f"<h1>Eval: {html.escape(report['extractor'])} on "
            f"{html.escape(Path(report['dataset']).name)}</h1>"
            f"<p>{overall['items']} items · grounding rate {_fmt(overall.get('grounding_rate'))}"
            f" · latency p50 {_fmt(overall['latency_ms']['p50'])} ms</p>"
            + _bars("F1 by field", f1s) + _bars("Competitors F1 by language", by_lang)
            + _bars("Next steps F1 by language", by_lang_ns)
            + f"<h2>Details</h2><pre>{markdown}</pre></body></html>")


def write_reports(report: dict[str, Any], directory: Path) -> list[Path]:
    """report.md, report.json and report.html in `directory` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / "report.md", directory / "report.json", directory / "report.html"]
    paths[0].write_text(to_markdown(report), encoding="utf-8")
    paths[1].write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    paths[2].write_text(to_html(report), encoding="utf-8")
    return paths
