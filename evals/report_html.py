"""The eval report as one self-contained HTML page with charts.

Charts are inline SVG written here (no scripts, no CDN, no fonts to fetch), so the file opens
offline in any browser and can be attached to a ticket as is. Every value shown in a chart is also
in a table next to it, and every text from a dataset is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from evals.report import FIELDS, error_value, fmt, headline, provenance_line, slices, title

PALETTE = ("#3b6fd4", "#e08a2c", "#3a9e5c", "#b04a9e", "#6b6b6b", "#c9403a", "#2aa3b0")
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;
margin:2em auto;max-width:1150px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:13px;margin:.5em 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;
padding:.6em 1em;min-width:120px}.card b{display:block;font-size:1.4em}
.errors td{text-align:left;vertical-align:top}.snippet{color:#555}
mark{background:#ffe58a}.muted{color:#777}details{margin:.4em 0}
"""


def grouped_bars(chart_title: str, categories: list[str],
                 series: dict[str, list[float | None]]) -> str:
    """Vertical grouped bars on a 0..1 scale: one group per category, one colour per series."""
    group_width = max(44, 16 * len(series) + 14)
    left, top, plot_h = 90, 40, 180
    width = left + group_width * len(categories) + 20
    height = top + plot_h + 90  # room for the slanted category names
    parts = [f'<svg width="{width}" height="{height}" '
             f'role="img" aria-label="{escape(chart_title)}" font-size="11">',
             f'<text x="0" y="14" font-weight="bold" font-size="13">{escape(chart_title)}</text>']
    for i, (name, _) in enumerate(series.items()):
        key_x = left + i * 110
        parts.append(f'<rect x="{key_x}" y="22" width="10" height="10" fill="{PALETTE[i % 7]}"/>'
                     f'<text x="{key_x + 14}" y="31">{escape(name)}</text>')
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = top + plot_h - tick * plot_h
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y}" y2="{y}" stroke="#eee"/>'
                     f'<text x="{left - 4}" y="{y + 4}" text-anchor="end">{tick:g}</text>')
    bar_w = (group_width - 14) / max(1, len(series))
    for c, category in enumerate(categories):
        gx = left + c * group_width + 7
        for s, values in enumerate(series.values()):
            value = values[c]
            x = gx + s * bar_w
            if value is None:
                parts.append(f'<text x="{x + bar_w / 2}" y="{top + plot_h - 3}" '
                             f'text-anchor="middle" fill="#aaa">–</text>')
                continue
            h = max(0.0, min(1.0, value)) * plot_h
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 2:.1f}" '
                         f'height="{h:.1f}" fill="{PALETTE[s % 7]}"><title>{escape(category)} '
                         f'{escape(list(series)[s])}: {value:.3f}</title></rect>')
        label_x, label_y = gx + (group_width - 14) / 2, top + plot_h + 12
        parts.append(f'<text x="{label_x}" y="{label_y}" text-anchor="end" '
                     f'transform="rotate(-30 {label_x} {label_y})">{escape(category)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def heatmap(chart_title: str, confusion: dict[str, dict[str, int]]) -> str:
    """A confusion matrix as shaded cells, gold labels down, predicted labels across."""
    gold = list(confusion)
    predicted = list(next(iter(confusion.values()))) if confusion else []
    cell, left, top = 56, 80, 46
    peak = max([v for row in confusion.values() for v in row.values()] + [1])
    parts = [f'<svg width="{left + cell * len(predicted) + 10}" '
             f'height="{top + cell * len(gold) + 10}" role="img" '
             f'aria-label="{escape(chart_title)}" font-size="11">',
             f'<text x="0" y="14" font-weight="bold" font-size="13">{escape(chart_title)}</text>']
    for j, label in enumerate(predicted):
        parts.append(f'<text x="{left + j * cell + cell / 2}" y="{top - 6}" '
                     f'text-anchor="middle">{escape(label)}</text>')
    for i, label in enumerate(gold):
        y = top + i * cell
        parts.append(f'<text x="{left - 6}" y="{y + cell / 2 + 4}" '
                     f'text-anchor="end">{escape(label)}</text>')
        for j, column in enumerate(predicted):
            count = confusion[label].get(column, 0)
            shade = count / peak
            colour = "#3a9e5c" if label == column else "#c9403a"
            parts.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 2}" '
                         f'height="{cell - 2}" fill="{colour}" fill-opacity="{0.08 + 0.8 * shade:.2f}"/>'
                         f'<text x="{left + j * cell + cell / 2 - 1}" y="{y + cell / 2 + 4}" '
                         f'text-anchor="middle">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(columns: dict[str, dict[str, Any]], overall: dict[str, Any]) -> str:
    rows = {column: dict(headline(m)) for column, m in columns.items()}
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(f"<tr><td>{escape(name)}</td>"
                   + "".join(f"<td>{fmt(rows[c].get(name))}</td>" for c in columns) + "</tr>"
                   for name, _ in headline(overall))
    return f"<table><tr><th>metric</th>{head}</tr>{body}</table>"


def _snippet(text: str) -> str:
    marked = escape(text).replace("[[", "<mark>").replace("]]", "</mark>")
    return f'<span class="snippet">{marked}</span>'


def _errors(errors: list[dict[str, Any]]) -> str:
    by_field: dict[str, list[dict[str, Any]]] = {}
    for e in errors:
        by_field.setdefault(e["field"], []).append(e)
    blocks = []
    for field, listed in by_field.items():
        rows = "".join(
            f"<tr><td>{escape(e['item'])}</td><td>{escape(e['kind'])}</td>"
            f"<td>{escape(error_value(e['value']))}</td><td>{_snippet(e.get('snippet') or '')}"
            "</td></tr>" for e in listed)
        blocks.append(f"<details><summary>{escape(field)} ({len(listed)})</summary>"
                      "<table class='errors'><tr><th>item</th><th>kind</th><th>value</th>"
                      f"<th>source</th></tr>{rows}</table></details>")
    return "".join(blocks) or "<p class='muted'>No errors.</p>"


def _cards(overall: dict[str, Any]) -> str:
    cards = [("items", overall["items"]), ("grounding rate", overall.get("grounding_rate")),
             ("latency p50 ms", overall["latency_ms"]["p50"]),
             ("latency p95 ms", overall["latency_ms"]["p95"]),
             ("tokens in / out", f"{overall['tokens']['input']:,} / {overall['tokens']['output']:,}"),
             ("cost USD", overall["cost_usd"])]
    return "<div class='cards'>" + "".join(
        f"<div class='card'><span class='muted'>{escape(name)}</span><b>{escape(fmt(value))}</b>"
        "</div>" for name, value in cards) + "</div>"


def to_html(report: dict[str, Any]) -> str:
    """The report page: summary cards, F1 charts by language and channel, confusion, errors."""
    overall = report["overall"]
    fields = [name for name in FIELDS if name in overall]
    labels = fields + (["sentiment"] if "sentiment" in overall else [])

    def f1s(metrics: dict[str, Any]) -> list[float | None]:
        values: list[float | None] = [metrics[n]["f1"] if n in metrics else None for n in fields]
        if "sentiment" in overall:
            values.append(metrics["sentiment"]["macro_f1"] if "sentiment" in metrics else None)
        return values

    by_language = {"all": f1s(overall), **{k: f1s(v) for k, v in report["by_language"].items()}}
    by_channel = {k: f1s(v) for k, v in report["by_channel"].items()}
    charts = [grouped_bars("F1 by field and language (sentiment: macro-F1)", labels, by_language),
              grouped_bars("F1 by field and channel", labels, by_channel)]
    by_name = overall.get("competitors_by_name") or {}
    if by_name:
        charts.append(grouped_bars("Competitors by canonical name", list(by_name), {
            key: [m[key] for m in by_name.values()] for key in ("precision", "recall", "f1")}))
    if "sentiment" in overall:
        charts.append(heatmap("Sentiment confusion (rows gold, columns predicted)",
                              overall["sentiment"]["confusion"]))
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(title(report))}</title><style>{CSS}</style></head><body>"
            f"<h1>{escape(title(report))}</h1><p class='muted'>{escape(provenance_line(report))}</p>"
            + _cards(overall) + "<h2>Charts</h2>" + "".join(f"<div>{c}</div>" for c in charts)
            + "<h2>Metrics by slice</h2>" + _table(slices(report), overall)
            + f"<h2>Errors ({len(report['errors'])})</h2>"
            "<p class='muted'>Each miss, false positive and wrong owner, due date or sentiment, "
            "with the source passage it refers to (highlighted).</p>"
            + _errors(report["errors"]) + "</body></html>")
