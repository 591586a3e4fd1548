"""Turn a rep's metrics and benchmarks into prioritised findings with suggestions (rules from rules.yaml).

A KPI is a finding only when it is beyond the team's weak quartile; the gap to the team median sets the
severity and the trend against the previous period moves it one step (see the header of rules.yaml). The CAC
finding explains which channel drives the cost and estimates the effect of moving budget at team rates; the
funnel gives one `stage_conversion` finding for the weakest stage. Sources are attached later by the Coach
from each finding's `query`, so this module stays free of the retriever.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from coaching.benchmarks import GroupBenchmark, Quartiles, RepBenchmarks
from coaching.metrics import STAGES, MetricTable
from coaching.rules import SEVERITIES, KpiRule, Rules, Severity, Thresholds
from core.messages import Citation

SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}
MONEY_BASES = {"sales_target", "billed_amount", "spend"}


class Finding(BaseModel):
    """One coaching point; `query` (not serialised) is the knowledge-base search behind `sources`."""

    kpi: str
    severity: Severity
    value: float | None
    benchmark: float | None
    message: str
    suggestions: list[str] = Field(default_factory=list)
    recommended_channels: list[str] = Field(default_factory=list)
    stage: str | None = None
    sources: list[Citation] = Field(default_factory=list)
    query: str = Field(default="", exclude=True)
    gap: float = Field(default=0.0, exclude=True)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def format_value(value: float | None, unit: str) -> str:
    """Human form of a metric value: 62%, +1.2 pts, 8,000 CNY, 4.10, 12 h, 3.1x."""
    if value is None or math.isnan(value):
        return "n/a"
    if unit == "ratio":
        return f"{value:.1%}" if abs(value) < 0.1 else f"{value:.0%}"
    if unit == "points":
        return f"{value:+.1f} pts"
    if unit == "money":
        return f"{value:,.0f} CNY"
    if unit == "score":
        return f"{value:.2f}"
    if unit == "hours":
        return f"{value:.0f} h"
    if unit == "multiple":
        return f"{value:.1f}x"
    return f"{value:g}"


@dataclass
class Assessment:
    severity: Severity | None
    gap: float
    trend: str | None  # "worsening", "improving" or None


def _step(severity: Severity | None, steps: int) -> Severity | None:
    """Move a severity up (steps < 0) or down (steps > 0) the high/medium/low ladder; below low is None."""
    if severity is None:
        return None
    rank = SEVERITY_RANK[severity] + steps
    if rank >= len(SEVERITIES):
        return None
    return SEVERITIES[max(rank, 0)]


def assess(
    value: float | None,
    quartiles: Quartiles,
    previous: float | None,
    *,
    higher_is_better: bool,
    relative: bool,
    thresholds: Thresholds,
    trend_change: float,
    max_severity: Severity = "high",
) -> Assessment:
    """Severity of one value against its group's quartiles and its own previous value."""
    median, p25, p75 = quartiles.median, quartiles.p25, quartiles.p75
    if value is None or median is None or p25 is None or p75 is None:
        return Assessment(None, 0.0, None)
    beyond = value < p25 if higher_is_better else value > p75
    if not beyond:
        return Assessment(None, 0.0, None)
    shortfall = (median - value) if higher_is_better else (value - median)
    if relative:
        scale = max(abs(median), abs(p75 - p25))
        gap = shortfall / scale if scale > 0 else math.inf
    else:
        gap = shortfall
    severity = thresholds.severity(gap)
    trend = None
    if previous is not None:
        change = (previous - value) if higher_is_better else (value - previous)
        if relative:
            change = change / abs(previous) if previous != 0 else (math.inf if change > 0 else 0.0)
        if change >= trend_change and change > 0:
            trend = "worsening"
        elif -change >= trend_change and change < 0:
            trend = "improving"
    if trend == "worsening":
        severity = _step(severity, -1)
    elif trend == "improving":
        severity = _step(severity, 1)
    if severity is not None and SEVERITY_RANK[severity] < SEVERITY_RANK[max_severity]:
        severity = max_severity
    return Assessment(severity, gap, trend)


@dataclass
class FindingContext:
    """Everything needed to judge one rep in one period."""

    rep_id: str
    current: MetricTable
    previous: MetricTable | None
    bench: RepBenchmarks
    rules: Rules


def find(ctx: FindingContext) -> list[Finding]:
    """All findings of a rep, most severe (then largest gap) first."""
    findings: list[Finding] = []
    for kpi, rule in ctx.rules.kpis.items():
        finding = _kpi_finding(ctx, kpi, rule)
        if finding is not None:
            if kpi == "cac":
                _explain_channels(ctx, finding)
            findings.append(finding)
    stage_finding = _funnel_finding(ctx)
    if stage_finding is not None:
        findings.append(stage_finding)
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], -min(f.gap, 1e9)))
    return findings


def _previous(ctx: FindingContext, name: str) -> float | None:
    return ctx.previous.value(ctx.rep_id, name) if ctx.previous is not None else None


def _trend_text(trend: str | None, previous: float | None, unit: str, ctx: FindingContext) -> str:
    if trend is None or previous is None or ctx.previous is None:
        return ""
    word = "down from" if trend == "worsening" else "improving from"
    return f", {word} {format_value(previous, unit)} in {ctx.previous.period}"


def _peers_text(name: str, unit: str, ctx: FindingContext) -> str:
    peers = ctx.bench.peers
    if peers is None:
        return ""
    q = peers.quartiles[name]
    return f" {peers.label.capitalize()} across the company have a median of {format_value(q.median, unit)}."


def _kpi_finding(ctx: FindingContext, kpi: str, rule: KpiRule) -> Finding | None:
    reference = ctx.bench.reference
    value = ctx.current.value(ctx.rep_id, kpi)
    if rule.sample is not None and not ctx.current.base(ctx.rep_id, rule.sample.column) >= rule.sample.min:
        return None
    quartiles = reference.quartiles[kpi]
    previous = _previous(ctx, kpi)
    relative = rule.gap == "relative"
    result = assess(
        value,
        quartiles,
        previous,
        higher_is_better=rule.direction == "higher",
        relative=relative,
        thresholds=ctx.rules.thresholds_for(kpi),
        trend_change=rule.trend_change if rule.trend_change is not None else ctx.rules.trend.change,
        max_severity=rule.max_severity,
    )
    if result.severity is None or value is None or quartiles.median is None:
        return None
    unit = rule.unit
    amount = None
    if rule.amount_base:
        base = ctx.current.base(ctx.rep_id, rule.amount_base)
        amount = abs(quartiles.median - value) * base
    message = (
        f"Your {rule.label} is {format_value(value, unit)} against a median of "
        f"{format_value(quartiles.median, unit)} in the {reference.label} (middle half "
        f"{format_value(quartiles.p25, unit)} to "
        f"{format_value(quartiles.p75, unit)}){_trend_text(result.trend, previous, unit, ctx)}."
        f"{_peers_text(kpi, unit, ctx)} {rule.why}"
    ).strip()
    fields = _template_fields(value, quartiles, unit, result.gap, relative, amount, rule.amount_base)
    return Finding(
        kpi=kpi,
        severity=result.severity,
        value=value,
        benchmark=quartiles.median,
        message=message,
        suggestions=[s.format_map(fields) for s in rule.suggestions],
        query=rule.query,
        gap=result.gap,
    )


def _template_fields(
    value: float,
    quartiles: Quartiles,
    unit: str,
    gap: float,
    relative: bool,
    amount: float | None,
    amount_base: str | None,
) -> dict[str, str]:
    if amount is None or math.isnan(amount):
        amount_text = "n/a"
    elif amount_base in MONEY_BASES:
        amount_text = format_value(amount, "money")
    else:
        amount_text = f"{amount:,.0f}"
    return {
        "value": format_value(value, unit),
        "benchmark": format_value(quartiles.median, unit),
        "p25": format_value(quartiles.p25, unit),
        "p75": format_value(quartiles.p75, unit),
        "gap": f"{gap:.0%}" if relative else format_value(gap, unit),
        "amount": amount_text,
    }


def _explain_channels(ctx: FindingContext, finding: Finding) -> None:
    """Say whether the channel mix or conversion within channels drives a high CAC, name the channel,
    recommend cheaper team channels and estimate the effect of moving budget at team rates.

    Mix vs execution: price the rep's own spend at the team's CAC per channel. If that alone lands well above
    the team median (`mix_cac_ratio`), the mix is the cause and the problem channel is the expensive channel
    with the most spend; otherwise the rep converts worse within channels and the problem channel is the one
    with the most spend beyond what the team would need for the same customers.
    """
    rules = ctx.rules.channels
    team = ctx.bench.reference
    spent = {n: c for n, c in ctx.current.rep_channels(ctx.rep_id).items() if (c["spend"] or 0) > 0}
    if not spent or finding.value is None or not finding.benchmark:
        return
    priced = {n: c for n, c in spent.items() if team.channel_cac.get(n)}
    at_team_rates = sum((c["spend"] or 0.0) / (team.channel_cac[n] or 1.0) for n, c in priced.items())
    mix_cac = sum((c["spend"] or 0.0) for c in priced.values()) / at_team_rates if at_team_rates else None
    overall = _pooled_cac(team)
    mix_problem = mix_cac is not None and mix_cac >= rules.mix_cac_ratio * finding.benchmark
    if mix_problem:
        expensive = [n for n in priced if _above(team.channel_cac.get(n), overall)]
        problem = max(expensive or list(priced), key=lambda n: spent[n]["spend"] or 0.0)
    else:

        def excess(name: str) -> float:
            """Spend beyond what the team would have needed for the same customers in this channel."""
            c = spent[name]
            return (c["spend"] or 0.0) - (c["won"] or 0.0) * (team.channel_cac.get(name) or 0.0)

        problem = max(spent, key=excess)
    problem_team_cac = team.channel_cac.get(problem)
    recommended = sorted(
        (
            name
            for name, cac in team.channel_cac.items()
            if name != problem
            and cac is not None
            and problem_team_cac is not None
            and cac <= rules.recommend_max_cac_ratio * problem_team_cac
            and team.channel_won.get(name, 0.0) >= rules.min_team_won
        ),
        key=lambda name: team.channel_cac[name] or 0.0,
    )
    channel = spent[problem]
    share = channel["spend_share"] or 0.0
    ratio = finding.value / finding.benchmark
    head = (
        f"Your CAC is {ratio:.1f}x the {team.scope} median ({format_value(finding.value, 'money')} against "
        f"{format_value(finding.benchmark, 'money')} per won customer)"
    )
    if mix_problem:
        message = (
            f"{head}: {share:.0%} of your spend goes to {problem}, which costs "
            f"{format_value(problem_team_cac, 'money')} per won customer across the {team.scope}"
        )
        if recommended:
            best = recommended[0]
            message += f", while {best} comes at {format_value(team.channel_cac[best], 'money')}"
        message += "."
    else:
        own_cost = (
            f"your CAC is {format_value(channel['cac'], 'money')}"
            if channel["cac"] is not None
            else f"you spent {format_value(channel['spend'], 'money')} and won no customer"
        )
        message = (
            f"{head}, and your channel mix is not the cause: at the {team.scope}'s cost per customer in each "
            f"channel your spend would cost {format_value(mix_cac, 'money')} per customer. You win fewer "
            f"customers for the money within channels: in {problem} ({share:.0%} of your spend) {own_cost} "
            f"where the {team.scope} pays {format_value(problem_team_cac, 'money')} per customer, with lead "
            f"conversion "
            f"{format_value(channel['conversion'], 'ratio')} against "
            f"{format_value(team.channel_conversion.get(problem), 'ratio')}."
        )
    suggestions: list[str] = []
    if not mix_problem:
        suggestions.append(
            "Fix conversion before adding budget: start with your weakest funnel stage against the team."
        )
    if recommended and problem_team_cac:
        best = recommended[0]
        best_cac = team.channel_cac[best] or 0.0
        moved = rules.shift_share * (channel["spend"] or 0.0)
        net = moved / best_cac - moved / problem_team_cac if best_cac > 0 else 0.0
        suggestions.append(
            f"Moving {rules.shift_share:.0%} of next period's {problem} budget "
            f"({format_value(moved, 'money')}) to {best} would win about {net:.0f} more customers at "
            f"{team.scope} rates."
        )
    own = channel["cac"]
    if own is not None and _above(own, _times(problem_team_cac, rules.own_cac_ratio)):
        suggestions.append(
            f"Ask a colleague with a lower {problem} CAC to review your targeting and follow-up there."
        )
    finding.message = f"{message} {ctx.rules.kpis['cac'].why}".strip()
    finding.suggestions = suggestions + finding.suggestions
    finding.recommended_channels = recommended


def _pooled_cac(group: GroupBenchmark) -> float | None:
    spend = sum(group.channel_spend.values())
    won = sum(group.channel_won.values())
    return spend / won if won > 0 else None


def _times(value: float | None, factor: float) -> float | None:
    return value * factor if value is not None else None


def _above(value: float | None, limit: float | None) -> bool:
    return value is not None and limit is not None and value > limit


def _funnel_finding(ctx: FindingContext) -> Finding | None:
    """The weakest funnel stage against the team, if any stage is beyond the team's weak quartile."""
    funnel = ctx.rules.funnel
    if ctx.current.base(ctx.rep_id, "leads") < funnel.min_leads:
        return None
    reference = ctx.bench.reference
    worst: tuple[str, Assessment, float, Quartiles] | None = None
    for stage in STAGES:
        if stage not in funnel.stages:
            continue
        name = f"stage_conversion.{stage}"
        value = ctx.current.value(ctx.rep_id, name)
        quartiles = reference.quartiles[name]
        result = assess(
            value,
            quartiles,
            _previous(ctx, name),
            higher_is_better=True,
            relative=True,
            thresholds=ctx.rules.severity,
            trend_change=ctx.rules.trend.change,
        )
        if result.severity is None or value is None:
            continue
        if worst is None or result.gap > worst[1].gap:
            worst = (stage, result, value, quartiles)
    if worst is None:
        return None
    stage, result, value, quartiles = worst
    rule = funnel.stages[stage]  # type: ignore[index]
    before, _after = STAGES[stage]
    name = f"stage_conversion.{stage}"
    previous = _previous(ctx, name)
    amount = abs((quartiles.median or 0.0) - value) * ctx.current.base(ctx.rep_id, before)
    message = (
        f"Your weakest funnel stage is {stage.replace('_', ' ')}: {rule.label} is "
        f"{format_value(value, 'ratio')} against a median of {format_value(quartiles.median, 'ratio')} in the "
        f"{reference.label} (middle half "
        f"{format_value(quartiles.p25, 'ratio')} to {format_value(quartiles.p75, 'ratio')})"
        f"{_trend_text(result.trend, previous, 'ratio', ctx)}.{_peers_text(name, 'ratio', ctx)} {rule.why}"
    ).strip()
    fields = _template_fields(value, quartiles, "ratio", result.gap, True, amount, before)
    assert result.severity is not None
    return Finding(
        kpi="stage_conversion",
        severity=result.severity,
        value=value,
        benchmark=quartiles.median,
        message=message,
        suggestions=[s.format_map(fields) for s in rule.suggestions],
        stage=stage,
        query=rule.query,
        gap=result.gap,
    )
