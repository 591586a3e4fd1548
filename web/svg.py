"""Charts as inline SVG: drawn in microseconds, sharp on any screen, readable without JavaScript or images.

Colours pass WCAG contrast on white; severities are also written as text next to the bars.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

SEVERITY_COLOURS = {"high": "#b3261e", "medium": "#9a5b00", "low": "#5f6b00"}
BAND = "#c9d6ea"
MEDIAN = "#1f3b63"
DOT = "#0b57d0"


def team_flags(rows: Sequence[tuple[str, Mapping[str, int]]], title: str) -> str:
    """Horizontal stacked bars: per KPI label, how many reps are flagged high, medium and low."""
    width, label_w, row_h = 640, 190, 28
    height = 40 + row_h * len(rows)
    most = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    scale = (width - label_w - 70) / most
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for number, (label, counts) in enumerate(rows):
        y = 20 + number * row_h
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="13">{escape(label)}</text>')
        x = float(label_w)
        for severity in ("high", "medium", "low"):
            n = counts.get(severity, 0)
            if not n:
                continue
            w = n * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 4}" width="{max(w, 1):.1f}" height="{row_h - 10}" '
                f'fill="{SEVERITY_COLOURS[severity]}"><title>{severity}: {n}</title></rect>'
            )
            x += w
        total = sum(counts.values())
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 17}" font-size="12">{total}</text>')
    legend_y = height - 8
    for i, severity in enumerate(("high", "medium", "low")):
        lx = label_w + i * 90
        parts.append(f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{SEVERITY_COLOURS[severity]}"/>')
        parts.append(f'<text x="{lx + 16}" y="{legend_y}" font-size="12">{severity}</text>')
    parts.append("</svg>")
    return "".join(parts)


def rep_ranges(
    rows: Sequence[tuple[str, float | None, Mapping[str, float | None] | None, str | None]], title: str
) -> str:
    """Per KPI: the team's middle half as a band, its median as a bar, the rep as a dot (red when flagged).

    Each row has its own scale (money and ratios do not share an axis); rows without data are labelled n/a."""
    width, label_w, row_h = 640, 190, 30
    left, right = label_w + 10, width - 20
    height = 16 + row_h * len(rows)
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for number, (label, value, quartiles, severity) in enumerate(rows):
        y = 8 + number * row_h
        mid = y + row_h / 2
        parts.append(
            f'<text x="{label_w - 8}" y="{mid + 4:.1f}" text-anchor="end" font-size="13">{escape(label)}</text>'
        )
        points = [v for v in (value, *((quartiles or {}).get(k) for k in ("p25", "median", "p75"))) if v is not None]
        if not points:
            parts.append(f'<text x="{left}" y="{mid + 4:.1f}" font-size="12">n/a</text>')
            continue
        low, high = min(points), max(points)
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad

        def at(v: float, low: float = low, high: float = high) -> float:
            return left + (v - low) / (high - low) * (right - left)

        parts.append(f'<line x1="{left}" y1="{mid:.1f}" x2="{right}" y2="{mid:.1f}" stroke="#8a8a8a"/>')
        if quartiles and quartiles.get("p25") is not None and quartiles.get("p75") is not None:
            x1, x2 = at(float(quartiles["p25"] or 0)), at(float(quartiles["p75"] or 0))
            parts.append(
                f'<rect x="{min(x1, x2):.1f}" y="{mid - 8:.1f}" width="{abs(x2 - x1) or 2:.1f}" height="16" '
                f'fill="{BAND}"/>'
            )
        if quartiles and quartiles.get("median") is not None:
            xm = at(float(quartiles["median"] or 0))
            parts.append(f'<rect x="{xm - 1.5:.1f}" y="{mid - 10:.1f}" width="3" height="20" fill="{MEDIAN}"/>')
        if value is not None:
            colour = SEVERITY_COLOURS.get(severity or "", DOT)
            parts.append(
                f'<circle cx="{at(value):.1f}" cy="{mid:.1f}" r="7" fill="{colour}">'
                f"<title>{escape(label)}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)
