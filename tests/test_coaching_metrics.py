"""Metric formulas (including zero denominators), periods, and team/company/peer benchmarks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from coaching.benchmarks import Benchmarks
from coaching.metrics import METRIC_NAMES, PeriodData, compute_metrics, nest
from coaching.periods import PeriodError, normalise_period, period_sort_key, previous_period
from coaching.rules import BenchmarkRules

KPI: dict[str, Any] = {
    "rep_id": "A",
    "sales_amount": 900_000.0,
    "sales_target": 1_000_000.0,
    "billed_amount": 800_000.0,
    "collected_amount": 600_000.0,
    "overdue_amount": 100_000.0,
    "market_share_pct": 12.5,
    "prev_market_share_pct": 13.0,
    "new_customers": 6,
    "active_customers": 50,
    "repeat_customers": 20,
    "csat": 4.2,
    "complaints": 5,
    "training_hours": 12.0,
}


def channel(rep: str, name: str, spend: float, leads: int, qualified: int, proposals: int, won: int) -> dict:
    return {
        "rep_id": rep,
        "channel": name,
        "spend": spend,
        "leads": leads,
        "qualified": qualified,
        "proposals": proposals,
        "won": won,
        "revenue": won * 10_000.0,
    }


CHANNELS = [
    channel("A", "paid_search", 30_000.0, 100, 40, 20, 4),
    channel("A", "referrals", 10_000.0, 50, 30, 10, 6),
]


def metrics_of(kpi: dict[str, Any], channels: list[dict], period: str = "2026-Q3") -> dict[str, float | None]:
    table = compute_metrics(
        PeriodData.from_rows(period, [kpi], channels), gross_margin=0.4, lifetime_years=2.5
    )
    return table.rep_metrics(kpi["rep_id"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sales_attainment", 0.9),
        ("collection_rate", 0.75),
        ("overdue_ratio", 0.125),
        ("market_share_growth", -0.5),
        ("cac", 40_000 / 10),
        ("ltv", 900_000 / 50 * 4 * 0.4 * 2.5),
        ("ltv_cac_ratio", (900_000 / 50 * 4 * 0.4 * 2.5) / 4_000),
        ("lead_conversion", 10 / 150),
        ("stage_conversion.lead_to_qualified", 70 / 150),
        ("stage_conversion.qualified_to_proposal", 30 / 70),
        ("stage_conversion.proposal_to_won", 10 / 30),
        ("csat", 4.2),
        ("complaint_rate", 5 / 50),
        ("repeat_rate", 20 / 50),
        ("training_hours", 12.0),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_metric_formulas(name: str, expected: float) -> None:
    assert metrics_of(KPI, CHANNELS)[name] == pytest.approx(expected)


def test_every_metric_is_computed() -> None:
    assert set(metrics_of(KPI, CHANNELS)) == set(METRIC_NAMES)


def test_monthly_ltv_annualises_by_twelve() -> None:
    assert metrics_of(KPI, CHANNELS, "2026-09")["ltv"] == pytest.approx(900_000 / 50 * 12 * 0.4 * 2.5)


def test_per_channel_cac_and_conversion() -> None:
    table = compute_metrics(
        PeriodData.from_rows("2026-Q3", [KPI], CHANNELS), gross_margin=0.4, lifetime_years=2
    )
    channels = table.rep_channels("A")
    assert channels["paid_search"]["cac"] == pytest.approx(7_500)
    assert channels["referrals"]["cac"] == pytest.approx(10_000 / 6)
    assert channels["paid_search"]["spend_share"] == pytest.approx(0.75)
    assert channels["referrals"]["conversion"] == pytest.approx(6 / 50)


def test_zero_denominators_give_none_not_errors() -> None:
    zero = {**KPI, "sales_target": 0, "billed_amount": 0, "active_customers": 0, "repeat_customers": 0}
    no_wins = [channel("A", "paid_search", 5_000.0, 0, 0, 0, 0)]
    with np.errstate(all="raise"):  # no hidden division warnings either
        values = metrics_of(zero, no_wins)
    for name in (
        "sales_attainment",
        "collection_rate",
        "overdue_ratio",
        "cac",
        "ltv",
        "ltv_cac_ratio",
        "lead_conversion",
        "stage_conversion.lead_to_qualified",
        "stage_conversion.proposal_to_won",
        "complaint_rate",
        "repeat_rate",
    ):
        assert values[name] is None, name
    assert values["csat"] == 4.2


def test_rep_without_channel_rows_has_no_funnel() -> None:
    values = metrics_of(KPI, [])
    assert values["cac"] is None and values["lead_conversion"] is None
    assert values["collection_rate"] == pytest.approx(0.75)


def test_nest_groups_stage_metrics() -> None:
    assert nest({"a": 1, "stage_conversion.x": 2, "stage_conversion.y": 3}) == {
        "a": 1,
        "stage_conversion": {"x": 2, "y": 3},
    }


@pytest.mark.parametrize(
    ("text", "canonical", "before"),
    [("2026-q1", "2026-Q1", "2025-Q4"), ("2026-Q3", "2026-Q3", "2026-Q2"), ("2026-01", "2026-01", "2025-12")],
    ids=["quarter-lowercase", "quarter", "month-january"],
)
def test_periods(text: str, canonical: str, before: str) -> None:
    assert normalise_period(text) == canonical
    assert previous_period(canonical) == before


def test_period_errors_and_order() -> None:
    with pytest.raises(PeriodError, match="2026-13"):
        normalise_period("2026-13")
    assert sorted(["2026-Q2", "2025-12", "2026-01", "2026-Q1"], key=period_sort_key) == [
        "2025-12",
        "2026-Q1",
        "2026-01",
        "2026-Q2",
    ]


def _team_table() -> tuple[Benchmarks, list[float]]:
    """Two teams: T1 has five reps with collection rates .5 .6 .7 .8 .9, T2 has two reps; roles differ."""
    rates = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]
    rows = []
    for i, rate in enumerate(rates):
        rows.append({**KPI, "rep_id": f"R{i}", "billed_amount": 100.0, "collected_amount": rate * 100})
    table = compute_metrics(PeriodData.from_rows("2026-Q3", rows, []), gross_margin=0.4, lifetime_years=2)
    managers = {f"R{i}": ("T1" if i < 5 else "T2") for i in range(7)}
    roles = {f"R{i}": ("junior" if i < 3 else "senior") for i in range(7)}
    return Benchmarks(table, managers, roles, BenchmarkRules(min_team_size=3, min_peers=3)), rates


def test_team_and_company_quartiles() -> None:
    bench, rates = _team_table()
    team = bench.for_rep("R0")
    q = team.team.quartiles["collection_rate"] if team.team else None
    assert q is not None
    assert (q.p25, q.median, q.p75, q.n) == pytest.approx((0.6, 0.7, 0.8, 5))
    company = team.company.quartiles["collection_rate"]
    assert company.median == pytest.approx(float(np.median(rates)))
    assert company.p25 == pytest.approx(float(np.percentile(rates, 25)))
    assert team.reference.scope == "team"


def test_small_team_falls_back_to_company_and_peers_need_three() -> None:
    bench, _ = _team_table()
    small = bench.for_rep("R5")
    assert small.team is not None and small.team.size == 2
    assert small.reference.scope == "company"
    assert small.peers is not None and small.peers.size == 4  # seniors R3..R6
    assert bench.peers("director") is None
    assert bench.for_rep("R0").peers is not None


def test_pooled_channel_cac_across_the_team() -> None:
    rows = [{**KPI, "rep_id": "A"}, {**KPI, "rep_id": "B"}]
    chans = [
        channel("A", "paid_search", 8_000, 50, 20, 10, 1),
        channel("B", "paid_search", 16_000, 80, 30, 12, 2),
    ]
    table = compute_metrics(PeriodData.from_rows("2026-Q3", rows, chans), gross_margin=0.4, lifetime_years=2)
    bench = Benchmarks(table, {"A": "M", "B": "M"}, {}, BenchmarkRules(min_team_size=1, min_peers=3))
    team = bench.team("M")
    assert team is not None
    assert team.channel_cac["paid_search"] == pytest.approx(24_000 / 3)
    assert team.channel_conversion["paid_search"] == pytest.approx(3 / 130)
