"""The Coach: one rep's report or a whole team's, from stored KPIs, the roster, the rules and the KB.

Permission checks belong to the doors (bot, CLI): they call `can_view` before asking for a report, and
`visible_reps` lists what a viewer may open. Everything here is read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field
from sqlalchemy import func, select

from coaching.benchmarks import Benchmarks
from coaching.findings import SEVERITY_RANK, Finding, FindingContext, find, format_value
from coaching.metrics import MetricTable, compute_metrics, load_period, nest
from coaching.periods import normalise_period, period_sort_key, previous_period
from coaching.records import ChannelRecord, KpiRecord
from coaching.rules import Rules, Severity, load_rules
from core.messages import Citation, RepInfo
from core.roster import Rep, reports_of, require_rep
from core.settings import Settings
from core.store import Store

if TYPE_CHECKING:
    from knowledge.retriever import ScoredChunk

KEY_METRICS: tuple[str, ...] = (
    "sales_attainment",
    "collection_rate",
    "cac",
    "lead_conversion",
    "csat",
    "market_share_growth",
)
KEY_UNITS: dict[str, str] = {
    "sales_attainment": "ratio",
    "collection_rate": "ratio",
    "cac": "money",
    "lead_conversion": "ratio",
    "csat": "score",
    "market_share_growth": "points",
}
SOURCES_PER_FINDING = 2
_WEIGHT = {"high": 3, "medium": 2, "low": 1}


class NoDataError(ValueError):
    """No KPI data for the asked rep/team and period; the message lists the periods that do exist."""


class Searcher(Protocol):
    """What the Coach needs from the retriever (knowledge.retriever.HybridRetriever fits)."""

    def search(
        self, query: str, k: int | None = None, audience_role: str | None = None
    ) -> Sequence[ScoredChunk]: ...


class RepReport(BaseModel):
    """One rep's coaching report for one period."""

    rep: RepInfo
    period: str
    previous_period: str | None
    metrics: dict[str, float | None]
    channels: dict[str, dict[str, float | None]]
    benchmarks: dict[str, Any]
    findings: list[Finding] = Field(default_factory=list)

    @property
    def rep_id(self) -> str:
        return self.rep.rep_id

    def to_json_dict(self) -> dict[str, Any]:
        """The `coach --json` contract."""
        metrics = nest(self.metrics)
        metrics["cac_by_channel"] = {name: c["cac"] for name, c in self.channels.items()}
        return {
            "rep_id": self.rep.rep_id,
            "period": self.period,
            "metrics": metrics,
            "benchmarks": self.benchmarks,
            "findings": [f.to_json_dict() for f in self.findings],
        }


class MemberSummary(BaseModel):
    """One report's line in a team report: key metrics and a severity flag per KPI with a finding."""

    rep_id: str
    name: str
    role: str
    manager_id: str | None
    metrics: dict[str, float | None]
    flags: dict[str, Severity]
    findings: list[Finding] = Field(default_factory=list, exclude=True)


class Priority(BaseModel):
    """A coaching priority for the team: one KPI (and stage), who is affected, what to do first."""

    kpi: str
    stage: str | None = None
    severity: Severity
    reps: list[str]
    message: str
    suggestions: list[str] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)


class TeamReport(BaseModel):
    """A manager's whole team (recursively) for one period, with the top three coaching priorities."""

    manager: RepInfo
    period: str
    members: list[MemberSummary]
    without_data: list[str] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "manager_id": self.manager.rep_id,
            "period": self.period,
            "members": [
                {**m.model_dump(mode="json"), "metrics": nest(m.metrics)} for m in self.members
            ],
            "without_data": self.without_data,
            "priorities": [p.model_dump(mode="json") for p in self.priorities],
        }


@dataclass
class _PeriodView:
    """Metrics and benchmarks of one period (and its predecessor), shared by every rep judged in it."""

    current: MetricTable
    previous: MetricTable | None
    bench: Benchmarks


class Coach:
    """Builds rep and team reports; `retriever_factory` is called lazily, when a finding needs sources."""

    def __init__(
        self,
        settings: Settings,
        *,
        store: Store,
        retriever_factory: Callable[[], Searcher] | None = None,
        rules: Rules | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.rules = rules or load_rules()
        self._retriever_factory = retriever_factory

    # -- periods ---------------------------------------------------------------------------------------

    def periods(self, rep_id: str) -> list[str]:
        """Periods with KPI or channel data for the rep, oldest first (UnknownRepError if not on roster)."""
        with self.store.session() as session:
            require_rep(session, rep_id)
            return self._periods_of(session, [rep_id])

    def _periods_of(self, session: Any, rep_ids: Sequence[str]) -> list[str]:
        found: set[str] = set()
        for model in (KpiRecord, ChannelRecord):
            for start in range(0, len(rep_ids), 900):  # stay under SQLite's bound-parameter limit
                part = list(rep_ids[start : start + 900])
                found.update(session.scalars(select(model.period).where(model.rep_id.in_(part)).distinct()))
        return sorted(found, key=period_sort_key)

    def _choose_period(self, who: str, available: list[str], period: str | None) -> str:
        if not available:
            raise NoDataError(f"no KPI data for {who}: import it with 'salescoach kpi import KPIS.csv'")
        if period is None:
            return available[-1]
        wanted = normalise_period(period)
        if wanted not in available:
            raise NoDataError(f"no KPI data for {who} in {wanted}; available periods: {', '.join(available)}")
        return wanted

    def visible_reps(self, viewer: RepInfo) -> list[str]:
        """Rep ids the viewer may coach: themself and, for managers, everyone below them."""
        with self.store.session() as session:
            return [viewer.rep_id, *(r.rep_id for r in reports_of(session, viewer.rep_id, recursive=True))]

    # -- reports ---------------------------------------------------------------------------------------

    def coach_rep(self, rep_id: str, period: str | None = None) -> RepReport:
        """A rep's metrics, benchmarks and findings (with KB sources) for a period (default: their latest)."""
        with self.store.session() as session:
            rep = require_rep(session, rep_id)
            chosen = self._choose_period(rep_id, self._periods_of(session, [rep_id]), period)
            view = self._view(session, chosen)
        bench = view.bench.for_rep(rep_id)
        findings = find(FindingContext(rep_id, view.current, view.previous, bench, self.rules))
        cache: dict[str, list[Citation]] = {}
        for finding in findings:
            finding.sources = self._sources(finding.query, rep.role, cache)
        return RepReport(
            rep=rep,
            period=chosen,
            previous_period=view.previous.period if view.previous is not None else None,
            metrics=view.current.rep_metrics(rep_id),
            channels=view.current.rep_channels(rep_id),
            benchmarks=bench.to_dict(),
            findings=findings,
        )

    def team_report(self, manager_id: str, period: str | None = None) -> TeamReport:
        """Key metrics and flags for everyone under the manager, and the team's top three priorities."""
        with self.store.session() as session:
            manager = require_rep(session, manager_id)
            members = reports_of(session, manager_id, recursive=True)
            if not members:
                raise NoDataError(f"{manager_id} has no reports on the roster")
            ids = [m.rep_id for m in members]
            chosen = self._choose_period(f"the team of {manager_id}", self._periods_of(session, ids), period)
            view = self._view(session, chosen)
        summaries: list[MemberSummary] = []
        without: list[str] = []
        for member in members:
            if not view.current.has(member.rep_id):
                without.append(member.rep_id)
                continue
            bench = view.bench.for_rep(member.rep_id)
            findings = find(FindingContext(member.rep_id, view.current, view.previous, bench, self.rules))
            values = view.current.rep_metrics(member.rep_id)
            summaries.append(
                MemberSummary(
                    rep_id=member.rep_id,
                    name=member.name,
                    role=member.role,
                    manager_id=member.manager_id,
                    metrics={name: values[name] for name in KEY_METRICS},
                    flags={_flag_key(f): f.severity for f in findings},
                    findings=findings,
                )
            )
        return TeamReport(
            manager=manager,
            period=chosen,
            members=summaries,
            without_data=without,
            priorities=self._priorities(summaries, manager.role),
        )

    def _view(self, session: Any, period: str) -> _PeriodView:
        # Three columns of the roster, not RepInfo objects: a company of 1,000 reps is read on every report.
        roster = session.execute(select(Rep.rep_id, Rep.manager_id, Rep.role)).all()
        current = self._metrics(session, period)
        before = previous_period(period)
        has_before = session.scalar(select(func.count()).where(KpiRecord.period == before)) or session.scalar(
            select(func.count()).where(ChannelRecord.period == before)
        )
        previous = self._metrics(session, before) if has_before else None
        bench = Benchmarks(
            current,
            managers={rep_id: manager_id for rep_id, manager_id, _ in roster},
            roles={rep_id: role for rep_id, _, role in roster},
            rules=self.rules.benchmarks,
        )
        return _PeriodView(current, previous, bench)

    def _metrics(self, session: Any, period: str) -> MetricTable:
        return compute_metrics(
            load_period(session, period),
            gross_margin=self.settings.gross_margin,
            lifetime_years=self.settings.customer_lifetime_years,
        )

    def _priorities(self, members: list[MemberSummary], role: str) -> list[Priority]:
        """Group findings by KPI (and stage); weight high 3, medium 2, low 1; keep the top three."""
        groups: dict[tuple[str, str | None], list[tuple[MemberSummary, Finding]]] = {}
        for member in members:
            for finding in member.findings:
                groups.setdefault((finding.kpi, finding.stage), []).append((member, finding))
        ranked = sorted(
            groups.items(),
            key=lambda item: (
                -sum(_WEIGHT[f.severity] for _, f in item[1]),
                min(SEVERITY_RANK[f.severity] for _, f in item[1]),
                item[0][0],
            ),
        )
        cache: dict[str, list[Citation]] = {}
        priorities: list[Priority] = []
        for (kpi, stage), hits in ranked[:3]:
            hits.sort(key=lambda pair: (SEVERITY_RANK[pair[1].severity], -min(pair[1].gap, 1e9)))
            worst_member, worst = hits[0]
            label = self._label(kpi, stage)
            unit = self.unit(kpi)
            counts = {s: sum(1 for _, f in hits if f.severity == s) for s in ("high", "medium", "low")}
            spread = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
            listed = ", ".join(f"{m.rep_id} ({f.severity})" for m, f in hits[:8])
            more = f" and {len(hits) - 8} more" if len(hits) > 8 else ""
            message = (
                f"{label}: {len(hits)} of {len(members)} reps off their benchmark ({spread}): "
                f"{listed}{more}. Worst: {worst_member.rep_id} ({worst_member.name}) at "
                f"{format_value(worst.value, unit)} against {format_value(worst.benchmark, unit)}."
            )
            priorities.append(
                Priority(
                    kpi=kpi,
                    stage=stage,
                    severity=hits[0][1].severity,
                    reps=[m.rep_id for m, _ in hits],
                    message=message,
                    suggestions=[f"With {worst_member.rep_id}: {s}" for s in worst.suggestions[:2]],
                    sources=self._sources(worst.query, role, cache),
                )
            )
        return priorities

    def _label(self, kpi: str, stage: str | None) -> str:
        if stage is not None and stage in self.rules.funnel.stages:
            return self.rules.funnel.stages[stage].label.capitalize()
        rule = self.rules.kpis.get(kpi)
        return rule.label.capitalize() if rule else kpi

    def unit(self, kpi: str) -> str:
        """The display unit of a KPI (rules file), "ratio" for stage conversions and unknown names."""
        rule = self.rules.kpis.get(kpi)
        return rule.unit if rule else KEY_UNITS.get(kpi, "ratio")

    # -- sources ---------------------------------------------------------------------------------------

    def _sources(self, query: str, role: str | None, cache: dict[str, list[Citation]]) -> list[Citation]:
        """Knowledge-base citations for a finding's query; none without a retriever or a relevant passage."""
        if not query or self._retriever_factory is None:
            return []
        if query not in cache:
            hits = self._retriever_factory().search(query, k=SOURCES_PER_FINDING, audience_role=role)
            cache[query] = _citations(hits, self.settings.relevance_threshold)
        return cache[query]


def _flag_key(finding: Finding) -> str:
    return f"stage_conversion.{finding.stage}" if finding.stage else finding.kpi


def _citations(hits: Sequence[ScoredChunk], threshold: float) -> list[Citation]:
    """Retriever hits as one Citation per source section, dropping passages below the relevance threshold."""
    out: list[Citation] = []
    seen: set[tuple[str, str]] = set()
    today = date.today()
    for hit in hits:
        relevance = float(hit.relevance)
        if relevance < threshold:
            continue
        key = (str(hit.metadata.get("source", "")), str(hit.metadata.get("section", "")))
        if key in seen:
            continue
        seen.add(key)
        text = " ".join(hit.text.split())
        snippet = text[:240] + ("..." if len(text) > 240 else "")
        out.append(Citation.from_metadata(hit.metadata, score=relevance, snippet=snippet, today=today))
    return out
