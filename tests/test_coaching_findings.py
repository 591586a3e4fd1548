"""Findings on the generated team, finding by finding: planted problems found, the healthy rep left alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures_coaching import (  # noqa: F401
    FakeRetriever,
    coach,
    loaded_store,
    retriever,
    settings,
    store,
    team_data,
)

from coaching import synthetic
from coaching.benchmarks import Quartiles
from coaching.coach import Coach, NoDataError
from coaching.findings import SEVERITY_RANK, assess
from coaching.rules import RulesError, Thresholds, default_rules_text, load_rules, parse_rules
from core.roster import UnknownRepError
from core.settings import Settings
from core.store import Store

PLANTED = sorted(synthetic.EXPECTED_FINDING.items())


@pytest.mark.parametrize(("problem", "expected"), PLANTED, ids=[p for p, _ in PLANTED])
def test_planted_problem_is_found_high_or_medium(
    coach: Coach,  # noqa: F811
    team_data: synthetic.SyntheticData,  # noqa: F811
    problem: str,
    expected: tuple[str, str | None],
) -> None:
    kpi, stage = expected
    for rep_id in team_data.reps_with(problem):  # one per team
        findings = coach.coach_rep(rep_id).findings
        match = [f for f in findings if f.kpi == kpi and f.stage == stage]
        assert match, f"{rep_id} ({problem}): no {kpi} finding in {[(f.kpi, f.stage) for f in findings]}"
        assert match[0].severity in ("high", "medium")
        assert match[0].value is not None and match[0].benchmark is not None


def test_healthy_rep_gets_no_high_finding(coach: Coach, team_data: synthetic.SyntheticData) -> None:  # noqa: F811
    for rep_id in team_data.reps_with("healthy"):
        assert not [f for f in coach.coach_rep(rep_id).findings if f.severity == "high"]


def test_findings_are_sorted_most_severe_first(coach: Coach, team_data: synthetic.SyntheticData) -> None:  # noqa: F811
    for rep_id in list(team_data.planted)[:8]:
        ranks = [SEVERITY_RANK[f.severity] for f in coach.coach_rep(rep_id).findings]
        assert ranks == sorted(ranks)


def test_high_cac_names_the_channel_and_recommends_cheaper_ones(
    coach: Coach,  # noqa: F811
    team_data: synthetic.SyntheticData,  # noqa: F811
) -> None:
    rep_id = team_data.reps_with("high_cac")[0]
    report = coach.coach_rep(rep_id)
    cac = next(f for f in report.findings if f.kpi == "cac")
    team = report.benchmarks["team"]
    team_cac = team["cac_by_channel"]
    assert "paid_search" not in cac.recommended_channels
    assert cac.recommended_channels, "cheaper channels exist in the generated team"
    costs = [team_cac[name] for name in cac.recommended_channels]
    assert costs == sorted(costs)
    assert all(cost <= 0.6 * team_cac["paid_search"] for cost in costs)
    share = report.channels["paid_search"]["spend_share"]
    assert f"{share:.0%} of your spend goes to paid_search" in cac.message
    assert f"{cac.value / cac.benchmark:.1f}x the team median" in cac.message
    # The estimate is computed from the team's channel rates, not canned.
    best = cac.recommended_channels[0]
    moved = 0.3 * report.channels["paid_search"]["spend"]
    expected = moved / team_cac[best] - moved / team_cac["paid_search"]
    estimate = next(s for s in cac.suggestions if s.startswith("Moving 30%"))
    assert f"to {best} would win about {expected:.0f} more customers" in estimate


def test_weak_closing_cac_is_blamed_on_conversion_not_mix(
    coach: Coach,  # noqa: F811
    team_data: synthetic.SyntheticData,  # noqa: F811
) -> None:
    rep_id = team_data.reps_with("weak_closing")[0]
    findings = coach.coach_rep(rep_id).findings
    stage = next(f for f in findings if f.kpi == "stage_conversion")
    assert stage.stage == "proposal_to_won"
    assert re.search(r"would have won about \d+ more deals", stage.suggestions[0])
    cac = [f for f in findings if f.kpi == "cac"]
    if cac:
        assert "your channel mix is not the cause" in cac[0].message


def test_sources_come_from_the_retriever_per_kpi_query(
    coach: Coach,  # noqa: F811
    retriever: FakeRetriever,  # noqa: F811
    team_data: synthetic.SyntheticData,  # noqa: F811
) -> None:
    rep_id = team_data.reps_with("poor_collections")[0]
    report = coach.coach_rep(rep_id)
    collection = next(f for f in report.findings if f.kpi == "collection_rate")
    assert [c.section for c in collection.sources] == ["Collections > Overdue Escalation"]
    assert collection.sources[0].title == "Sales Duty Manual" and collection.sources[0].version == "3.2"
    assert ("overdue escalation collections", 2, report.rep.role) in retriever.calls
    # one search per distinct query, even though collection_rate and overdue_ratio share it
    queries = [q for q, _, _ in retriever.calls]
    assert len(queries) == len(set(queries))
    closing = coach.coach_rep(team_data.reps_with("weak_closing")[0]).findings
    stage = next(f for f in closing if f.kpi == "stage_conversion")
    assert "Negotiation and Contracts > Proposals and Closing" in [c.section for c in stage.sources]


def test_irrelevant_passages_are_not_cited(
    settings: Settings,  # noqa: F811
    loaded_store: Store,  # noqa: F811
    team_data: synthetic.SyntheticData,  # noqa: F811
) -> None:
    weak = FakeRetriever(relevance=0.01)
    report = Coach(settings, store=loaded_store, retriever_factory=lambda: weak).coach_rep(
        team_data.reps_with("poor_collections")[0]
    )
    assert report.findings and all(not f.sources for f in report.findings)


def test_without_retriever_there_are_no_sources(
    settings: Settings,  # noqa: F811
    loaded_store: Store,  # noqa: F811
    team_data: synthetic.SyntheticData,  # noqa: F811
) -> None:
    report = Coach(settings, store=loaded_store).coach_rep(team_data.reps_with("low_satisfaction")[0])
    assert report.findings and all(f.sources == [] for f in report.findings)


def test_report_json_contract(coach: Coach, team_data: synthetic.SyntheticData) -> None:  # noqa: F811
    data = coach.coach_rep(team_data.reps_with("high_cac")[0], "2026-Q3").to_json_dict()
    assert set(data) == {"rep_id", "period", "metrics", "benchmarks", "findings"}
    assert data["period"] == "2026-Q3"
    assert set(data["metrics"]["stage_conversion"]) == {
        "lead_to_qualified",
        "qualified_to_proposal",
        "proposal_to_won",
    }
    assert "paid_search" in data["metrics"]["cac_by_channel"]
    assert set(data["benchmarks"]["team"]["metrics"]["collection_rate"]) == {"median", "p25", "p75", "n"}
    assert set(data["findings"][0]) == {
        "kpi",
        "severity",
        "value",
        "benchmark",
        "message",
        "suggestions",
        "recommended_channels",
        "stage",
        "sources",
    }


def test_periods_and_clear_errors(coach: Coach, team_data: synthetic.SyntheticData) -> None:  # noqa: F811
    rep_id = team_data.reps_with("healthy")[0]
    assert coach.periods(rep_id) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert coach.coach_rep(rep_id).period == "2026-Q4"
    with pytest.raises(
        NoDataError, match=r"in 2025-Q1; available periods: 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4"
    ):
        coach.coach_rep(rep_id, "2025-q1")
    with pytest.raises(NoDataError, match="no KPI data for GM001"):
        coach.coach_rep("GM001")
    with pytest.raises(UnknownRepError, match="NOPE"):
        coach.coach_rep("NOPE")


def test_team_report_flags_and_top_three_priorities(
    coach: Coach,  # noqa: F811
    team_data: synthetic.SyntheticData,  # noqa: F811
) -> None:
    report = coach.team_report("GM001")
    assert [m.rep_id for m in report.members] == [f"GR{i:04d}" for i in range(1, 9)]
    assert len(report.priorities) == 3
    flagged = {m.rep_id: m.flags for m in report.members}
    assert flagged["GR0003"]["collection_rate"] in ("high", "medium")
    assert flagged["GR0004"]["stage_conversion.proposal_to_won"] == "high"
    assert not any(s == "high" for s in flagged["GR0001"].values())
    for priority in report.priorities:
        assert priority.reps and priority.message and priority.suggestions
    whole = coach.team_report("GD1", "2026-Q3")
    assert len(whole.members) == 16 and whole.without_data == ["GM001", "GM002"]


def test_visible_reps(coach: Coach) -> None:  # noqa: F811
    from core.messages import RepInfo

    manager = RepInfo(rep_id="GM002", name="m", role="manager")
    assert coach.visible_reps(manager) == ["GM002", *(f"GR{i:04d}" for i in range(9, 17))]
    rep = RepInfo(rep_id="GR0001", name="r", role="senior")
    assert coach.visible_reps(rep) == ["GR0001"]


Q = Quartiles(median=0.9, p25=0.85, p75=0.95, n=8)
T = Thresholds(high=0.35, medium=0.15, low=0.0)


@pytest.mark.parametrize(
    ("value", "previous", "severity"),
    [
        (0.88, None, None),  # inside the middle half: no finding however it moved
        (0.84, None, "low"),
        (0.70, None, "medium"),
        (0.70, 0.90, "high"),  # worsening raises one step
        (0.70, 0.60, "low"),  # improving lowers one step
        (0.84, 0.70, None),  # a low finding that improves is dropped
        (0.40, None, "high"),
    ],
    ids=["inside", "low", "medium", "worsening", "improving", "improving-low", "high"],
)
def test_assess_uses_quartiles_gap_and_trend(
    value: float, previous: float | None, severity: str | None
) -> None:
    result = assess(value, Q, previous, higher_is_better=True, relative=True, thresholds=T, trend_change=0.1)
    assert result.severity == severity


def test_assess_lower_is_better_and_cap() -> None:
    q = Quartiles(median=1000.0, p25=900.0, p75=1100.0, n=8)
    result = assess(3000.0, q, None, higher_is_better=False, relative=True, thresholds=T, trend_change=0.1)
    assert result.severity == "high"
    capped = assess(
        3000.0,
        q,
        None,
        higher_is_better=False,
        relative=True,
        thresholds=T,
        trend_change=0.1,
        max_severity="medium",
    )
    assert capped.severity == "medium"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("direction: higher", "direction: upward"), r"kpis\.sales_attainment\.direction"),
        (("{amount} of sales", "{amout} of sales"), r"unknown placeholder \{amout\}"),
        (("  collection_rate:\n", "  collection_ratio:\n"), r"rules\.yaml: kpis\.collection_ratio: unknown KPI"),
        (("  min_team_won: 5", "  min_team_won: five"), r"channels\.min_team_won"),
        (("high: 0.35", "high: 0.01"), r"severity: .*high >= medium >= low"),
    ],
    ids=["direction", "placeholder", "kpi-name", "number", "order"],
)
def test_bad_rules_name_the_key(edit: tuple[str, str], message: str) -> None:
    text = default_rules_text()
    assert edit[0] in text
    with pytest.raises(RulesError, match=message):
        parse_rules(text.replace(edit[0], edit[1], 1), "rules.yaml")


def test_rules_file_loads_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(default_rules_text().replace("min_team_won: 5", "min_team_won: 9"))
    assert load_rules(path).channels.min_team_won == 9
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules(tmp_path / "missing.yaml")


def test_monthly_periods_compare_with_the_previous_month(settings: Settings, store: Store) -> None:  # noqa: F811
    reps = [synthetic.RepSpec("MM1", "Manager", "manager", None)] + [
        synthetic.RepSpec(f"MR{i}", f"Rep {i}", "mid", "MM1") for i in range(8)
    ]
    planted = {f"MR{i}": p for i, p in enumerate([*synthetic.PROBLEMS, "ordinary", "ordinary"])}
    data = synthetic.generate_for(reps, planted, ["2026-07", "2026-08", "2026-09"], seed=3)
    synthetic.load(store, data)
    monthly = Coach(settings, store=store)
    report = monthly.coach_rep("MR2")  # poor collections
    assert (report.period, report.previous_period) == ("2026-09", "2026-08")
    collection = next(f for f in report.findings if f.kpi == "collection_rate")
    assert "in 2026-08" in collection.message and collection.severity == "high"
    assert monthly.coach_rep("MR0").findings == []
