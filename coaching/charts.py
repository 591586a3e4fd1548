"""PNG charts for coaching reports (matplotlib, Agg, no pyplot state): the bot sends the bytes as photos.

- `funnel_png`: the rep's stage conversions against the benchmark group's median and middle half.
- `kpis_png`: each KPI as the group's p25-p75 band, its median, and the rep's dot coloured by severity.
- `rep_png`: both side by side (what `salescoach coach --chart` writes).
- `team_png`: reps x key metrics, cells coloured by finding severity (what `salescoach team --chart` writes).
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from coaching.coach import KEY_METRICS, KEY_UNITS, RepReport, TeamReport
from coaching.findings import format_value
from coaching.metrics import STAGES

SEVERITY_COLOURS: dict[str | None, str] = {
    "high": "#d62728",
    "medium": "#ff7f0e",
    "low": "#e6c229",
    None: "#2ca02c",
}
REP_COLOUR = "#1f77b4"
TEAM_COLOUR = "#9a9a9a"
KPI_CHART: tuple[tuple[str, str, str], ...] = (
    ("sales_attainment", "Sales attainment", "ratio"),
    ("collection_rate", "Collection rate", "ratio"),
    ("overdue_ratio", "Overdue ratio", "ratio"),
    ("market_share_growth", "Market share growth", "points"),
    ("cac", "CAC", "money"),
    ("lead_conversion", "Lead conversion", "ratio"),
    ("csat", "CSAT", "score"),
    ("complaint_rate", "Complaint rate", "ratio"),
    ("repeat_rate", "Repeat rate", "ratio"),
    ("training_hours", "Training hours", "hours"),
)


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return buffer.getvalue()


def _reference(report: RepReport) -> tuple[str, dict[str, Any]]:
    scope = report.benchmarks["reference"]
    group = report.benchmarks[scope]
    return group["label"], group["metrics"]


def _draw_funnel(ax: Axes, report: RepReport) -> None:
    label, metrics = _reference(report)
    stages = list(STAGES)
    mine = [report.metrics.get(f"stage_conversion.{s}") for s in stages]
    quartiles = [metrics["stage_conversion"][s] for s in stages]
    positions = range(len(stages))
    width = 0.38
    ax.bar([p - width / 2 for p in positions], [v or 0.0 for v in mine], width, label=report.rep_id,
           color=REP_COLOUR)
    medians = [q["median"] or 0.0 for q in quartiles]
    lower = [max((q["median"] or 0.0) - (q["p25"] or 0.0), 0.0) for q in quartiles]
    upper = [max((q["p75"] or 0.0) - (q["median"] or 0.0), 0.0) for q in quartiles]
    ax.bar([p + width / 2 for p in positions], medians, width, yerr=[lower, upper], capsize=4,
           label=f"{label} median (p25-p75)", color=TEAM_COLOUR)
    for p, value in zip(positions, mine, strict=True):
        ax.annotate(format_value(value, "ratio"), (p - width / 2, value or 0.0), ha="center", va="bottom",
                    fontsize=8)
    ax.set_xticks(list(positions), [s.replace("_", " ") for s in stages])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("conversion")
    ax.set_title(f"Funnel, {report.period}")
    ax.legend(fontsize=8, loc="upper right")


def _severities(report: RepReport) -> dict[str, str]:
    return {f.kpi if not f.stage else f"stage_conversion.{f.stage}": f.severity for f in report.findings}


def _draw_kpis(axes: list[Axes], report: RepReport) -> None:
    label, metrics = _reference(report)
    flags = _severities(report)
    for ax, (name, title, unit) in zip(axes, KPI_CHART, strict=True):
        q = metrics.get(name, {})
        value = report.metrics.get(name)
        points = [v for v in (q.get("p25"), q.get("median"), q.get("p75"), value) if v is not None]
        if q.get("p25") is not None and q.get("p75") is not None:
            ax.barh(0, q["p75"] - q["p25"], left=q["p25"], height=0.5, color="#d9d9d9")
        if q.get("median") is not None:
            ax.plot([q["median"]] * 2, [-0.3, 0.3], color="#555555", linewidth=2)
        if value is not None:
            ax.plot([value], [0], "o", markersize=9, color=SEVERITY_COLOURS.get(flags.get(name)))
        if points:
            low, high = min(points), max(points)
            pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
            ax.set_xlim(low - pad, high + pad)
        ax.set_yticks([])
        ax.set_ylim(-0.6, 0.6)
        ax.set_ylabel(f"{title}\n{format_value(value, unit)}", rotation=0, ha="right", va="center", fontsize=8)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos, unit=unit: _tick(x, unit)))
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.tick_params(axis="x", labelsize=7)
    axes[0].set_title(f"{report.rep_id} against {label} (band p25-p75, line median)", fontsize=9, loc="left")


def _tick(value: float, unit: str) -> str:
    """Axis tick text: like format_value but compact (no currency, one decimal for small percentages)."""
    if unit == "money":
        return f"{value:,.0f}"
    if unit == "ratio":
        return f"{value:.2%}" if abs(value) < 0.1 else f"{value:.1%}"
    if unit == "hours":
        return f"{value:.1f} h"
    return format_value(value, unit)


def funnel_png(report: RepReport) -> bytes:
    figure = Figure(figsize=(6, 4))
    _draw_funnel(figure.add_subplot(), report)
    return _png(figure)


def kpis_png(report: RepReport) -> bytes:
    figure = Figure(figsize=(6, 0.55 * len(KPI_CHART) + 0.6))
    axes = list(figure.subplots(len(KPI_CHART), 1))
    _draw_kpis(axes, report)
    figure.subplots_adjust(hspace=1.0, left=0.3)
    return _png(figure)


def rep_png(report: RepReport) -> bytes:
    figure = Figure(figsize=(13, 6.5))
    grid = figure.add_gridspec(len(KPI_CHART), 2, width_ratios=[1.1, 1], hspace=1.0, wspace=0.45)
    _draw_funnel(figure.add_subplot(grid[:, 0]), report)
    _draw_kpis([figure.add_subplot(grid[i, 1]) for i in range(len(KPI_CHART))], report)
    figure.suptitle(f"{report.rep.name} ({report.rep_id}), {report.period}")
    return _png(figure)


def team_png(report: TeamReport) -> bytes:
    """Members x key metrics, each cell coloured by the member's finding severity on that metric."""
    members = report.members
    rows = max(len(members), 1)
    figure = Figure(figsize=(1.6 * len(KEY_METRICS) + 2, 0.35 * rows + 1.5))
    ax = figure.add_subplot()
    for i, member in enumerate(members):
        for j, name in enumerate(KEY_METRICS):
            colour = SEVERITY_COLOURS[member.flags.get(name)]
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=colour, alpha=0.55, edgecolor="white"))
            ax.text(j + 0.5, i + 0.5, format_value(member.metrics.get(name), KEY_UNITS[name]), ha="center",
                    va="center", fontsize=7)
    ax.set_xlim(0, len(KEY_METRICS))
    ax.set_ylim(rows, 0)
    ax.set_xticks([j + 0.5 for j in range(len(KEY_METRICS))], [n.replace("_", " ") for n in KEY_METRICS],
                  fontsize=8, rotation=20)
    ax.set_yticks([i + 0.5 for i in range(len(members))], [m.rep_id for m in members], fontsize=7)
    ax.set_title(f"Team of {report.manager.rep_id}, {report.period} (red high, orange medium, yellow low)",
                 fontsize=9)
    return _png(figure)
