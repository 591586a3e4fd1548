"""CLI commands for KPI coaching: `kpi import`, `coach REP_ID`, `team MANAGER_ID`.

Thin: parse, call coaching.importer / coaching.coach, render. Import problems exit 1 with one line each; an
unknown rep, a bad period or a period without data exits 2.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from cli.common import EXIT_DATA_ERROR, EXIT_USAGE, console, err_console, fail, require_file, services
from coaching.coach import KEY_METRICS, Coach, NoDataError, RepReport, TeamReport
from coaching.findings import Finding, format_value
from coaching.importer import ImportFileError, ImportValidationError, import_kpis
from coaching.periods import PeriodError
from coaching.rules import RulesError, load_rules
from core.roster import UnknownRepError

kpi_app = typer.Typer(help="KPI data for coaching.", no_args_is_help=True)
SEVERITY_STYLE = {"high": "bold red", "medium": "dark_orange", "low": "yellow"}
METRIC_UNITS = {
    "sales_attainment": "ratio",
    "collection_rate": "ratio",
    "overdue_ratio": "ratio",
    "market_share_growth": "points",
    "cac": "money",
    "ltv": "money",
    "ltv_cac_ratio": "multiple",
    "lead_conversion": "ratio",
    "csat": "score",
    "complaint_rate": "ratio",
    "repeat_rate": "ratio",
    "training_hours": "hours",
}


@kpi_app.command("import")
def kpi_import(
    ctx: typer.Context,
    kpis: Path = typer.Argument(..., help="KPIS.csv or .xlsx: one row per rep and period."),
    channels: Path | None = typer.Option(None, "--channels", help="CHANNELS.csv or .xlsx: per channel."),
) -> None:
    """Import KPIs (and channel funnels); replaces the periods in the files; any problem imports nothing."""
    for path in (kpis, channels):
        if path is not None:
            require_file(path)
    try:
        summary = import_kpis(services(ctx).store, kpis, channels, progress=True, console=err_console)
    except ImportFileError as exc:
        fail(str(exc), EXIT_DATA_ERROR)
    except ImportValidationError as exc:
        for line in exc.problems:
            err_console.print(f"[bold red]error:[/] {escape(line)}", highlight=False, soft_wrap=True)
        fail(f"{len(exc.problems)} problem(s) found; nothing imported", EXIT_DATA_ERROR)
    for line in summary.warnings:
        err_console.print(f"[yellow]warning:[/] {escape(line)}", highlight=False, soft_wrap=True)
    replaced = ""
    if summary.replaced_kpi_rows or summary.replaced_channel_rows:
        replaced = (
            f" (replaced {summary.replaced_kpi_rows} KPI and {summary.replaced_channel_rows} channel rows)"
        )
    console.print(
        f"imported {summary.kpi_rows} KPI rows and {summary.channel_rows} channel rows for "
        f"{', '.join(summary.periods) or 'no periods'}{replaced}",
        highlight=False,
        soft_wrap=True,
    )


def _coach(ctx: typer.Context, no_sources: bool, rules_path: Path | None) -> Coach:
    svc = services(ctx)
    try:
        rules = load_rules(rules_path) if rules_path is not None else None
        if no_sources:
            # Sources need the knowledge index and its embedding model; --no-sources never loads them.
            return Coach(svc.settings, store=svc.store, rules=rules)
        if rules is not None:
            return Coach(svc.settings, store=svc.store, rules=rules, retriever_factory=lambda: svc.retriever)
        return svc.coach
    except RulesError as exc:
        fail(str(exc), EXIT_DATA_ERROR)


# Options shared by `coach` and `team`.
PeriodOption = Annotated[str | None, typer.Option("--period", help="2026-Q3 or 2026-09; default: the latest.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]
ChartOption = Annotated[Path | None, typer.Option("--chart", help="Also write a PNG chart to this file.")]
NoSourcesOption = Annotated[bool, typer.Option("--no-sources", help="Skip knowledge-base citations.")]
RulesOption = Annotated[Path | None, typer.Option("--rules", help="A tuned copy of coaching/rules.yaml.")]


def _emit(
    make: Callable[[], RepReport | TeamReport],
    as_json: bool,
    printer: Callable[[Any], None],
    chart: Path | None,
    png: Callable[[Any], bytes],
) -> None:
    """Build the report (bad rep or period: exit 2), print it as JSON or a table, and write the chart."""
    try:
        report = make()
    except (UnknownRepError, NoDataError, PeriodError) as exc:
        fail(str(exc), EXIT_USAGE)
    if as_json:
        typer.echo(json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        printer(report)
    if chart is not None:
        _write_chart(chart, png(report))


def coach_command(
    ctx: typer.Context,
    rep_id: str = typer.Argument(..., help="The rep to coach."),
    period: PeriodOption = None,
    as_json: JsonOption = False,
    chart: ChartOption = None,
    no_sources: NoSourcesOption = False,
    rules: RulesOption = None,
) -> None:
    """A rep's KPIs against the team, and what to do about the gaps."""
    coach = _coach(ctx, no_sources, rules)
    _emit(lambda: coach.coach_rep(rep_id, period), as_json, _print_rep, chart, _rep_chart)


def team_command(
    ctx: typer.Context,
    manager_id: str = typer.Argument(..., help="The manager (or director) whose team to report."),
    period: PeriodOption = None,
    as_json: JsonOption = False,
    chart: ChartOption = None,
    no_sources: NoSourcesOption = False,
    rules: RulesOption = None,
) -> None:
    """Every report's key metrics with flags, and the team's top three coaching priorities."""
    coach = _coach(ctx, no_sources, rules)
    _emit(lambda: coach.team_report(manager_id, period), as_json, _print_team, chart, _team_chart)


# matplotlib is imported only when a chart is asked for: it costs half a second at start-up.
def _rep_chart(report: RepReport) -> bytes:
    from coaching.charts import rep_png

    return rep_png(report)


def _team_chart(report: TeamReport) -> bytes:
    from coaching.charts import team_png

    return team_png(report)


def _write_chart(path: Path, png: bytes) -> None:
    try:
        path.write_bytes(png)
    except OSError as exc:
        fail(f"{path}: cannot write chart ({exc.strerror})", EXIT_DATA_ERROR)
    err_console.print(f"chart written to {path}", highlight=False)


def _value(name: str, value: float | None) -> str:
    return format_value(value, METRIC_UNITS.get(name, "ratio"))


def _print_findings(findings: list[Finding]) -> None:
    if not findings:
        console.print("No findings: every KPI is within the team's middle half or better.")
        return
    for number, finding in enumerate(findings, start=1):
        style = SEVERITY_STYLE[finding.severity]
        title = finding.kpi + (f" ({finding.stage})" if finding.stage else "")
        console.print(f"\n{number}. [{style}]{finding.severity.upper()}[/] {escape(title)}", highlight=False)
        console.print(escape(finding.message), highlight=False, soft_wrap=True)
        for suggestion in finding.suggestions:
            console.print(f"  - {escape(suggestion)}", highlight=False, soft_wrap=True)
        if finding.recommended_channels:
            channels = ", ".join(finding.recommended_channels)
            console.print(f"  Recommended channels: {channels}", highlight=False)
        for source in finding.sources:
            version = f" v{source.version}" if source.version else ""
            section = source.section.removeprefix(f"{source.title} > ")
            where = f"{escape(source.title)}{version} > {escape(section)}"
            console.print(f"  Source: {where}", highlight=False)


def _print_rep(report: RepReport) -> None:
    console.print(f"[bold]{escape(report.rep.name)} ({report.rep_id}), {report.period}[/]", highlight=False)
    scope = report.benchmarks["reference"]
    group = report.benchmarks[scope]
    table = Table(title=f"KPIs against {group['label']} ({group['size']} reps)")
    for column in ("metric", "value", "median", "p25", "p75"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    flat = {**report.metrics}
    for name, value in flat.items():
        head, _, stage = name.partition(".")
        q = group["metrics"][head][stage] if stage else group["metrics"][name]
        table.add_row(name, _value(head, value), *(_value(head, q[k]) for k in ("median", "p25", "p75")))
    console.print(table)
    if report.channels:
        channels = Table(title="Acquisition channels (yours against the team's)")
        columns = ("channel", "spend share", "your CAC", "team CAC", "your conversion", "team conversion")
        for column in columns:
            channels.add_column(column, justify="left" if column == "channel" else "right")
        for name, c in report.channels.items():
            channels.add_row(
                name,
                format_value(c["spend_share"], "ratio"),
                format_value(c["cac"], "money"),
                format_value(group["cac_by_channel"].get(name), "money"),
                format_value(c["conversion"], "ratio"),
                format_value(group["conversion_by_channel"].get(name), "ratio"),
            )
        console.print(channels)
    _print_findings(report.findings)


def _print_team(report: TeamReport) -> None:
    manager = report.manager
    title = f"Team of {escape(manager.name)} ({manager.rep_id}), {report.period}"
    console.print(f"[bold]{title}[/]", highlight=False)
    table = Table()
    table.add_column("rep")
    for name in KEY_METRICS:
        table.add_column(name.replace("_", " "), justify="right")
    table.add_column("flags")
    for member in report.members:
        cells = []
        for name in KEY_METRICS:
            severity = member.flags.get(name)
            text = _value(name, member.metrics.get(name))
            # The severity is written out, not only coloured: piped or colourless output must still show it.
            cells.append(f"[{SEVERITY_STYLE[severity]}]{text} ({severity})[/]" if severity else text)
        flags = ", ".join(f"{k} {v}" for k, v in member.flags.items() if k not in KEY_METRICS)
        table.add_row(f"{member.rep_id} {escape(member.name)}", *cells, escape(flags))
    console.print(table)
    if report.without_data:
        console.print(f"No data for {report.period}: {', '.join(report.without_data)}", highlight=False)
    console.print("\n[bold]Top coaching priorities[/]")
    if not report.priorities:
        console.print("None: every rep is within the team's middle half or better.")
    for number, priority in enumerate(report.priorities, start=1):
        style = SEVERITY_STYLE[priority.severity]
        console.print(f"\n{number}. [{style}]{priority.severity.upper()}[/] {escape(priority.message)}",
                      highlight=False, soft_wrap=True)
        for suggestion in priority.suggestions:
            console.print(f"  - {escape(suggestion)}", highlight=False, soft_wrap=True)
        for source in priority.sources:
            section = source.section.removeprefix(f"{source.title} > ")
            console.print(f"  Source: {escape(source.title)} > {escape(section)}", highlight=False)


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""
    app.add_typer(kpi_app, name="kpi")
    app.command("coach")(coach_command)
    app.command("team")(team_command)
