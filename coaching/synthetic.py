"""A seeded, generated sales force with planted problems, for tests, the bench and the sample data.

Every team has the same shape: a healthy rep exactly on the typical profile, reps with one planted problem
each (high CAC from paid_search, poor collections, weak proposal-to-won, falling market share, low
satisfaction) that worsens period by period, and ordinary reps with small random noise. Channel economics are
shared, so the team's per-channel CAC is predictable: referrals and distributors are cheap, paid_search costs
several times more per won customer.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from coaching.periods import previous_period
from coaching.records import CHANNEL_COLUMNS, KPI_COLUMNS, ChannelRecord, KpiRecord
from core.roster import Rep
from core.store import Store

CHANNELS: tuple[str, ...] = ("trade_show", "paid_search", "online_marketplace", "distributors", "referrals")
# cost per lead (CNY), lead->qualified, qualified->proposal, proposal->won
CHANNEL_ECONOMICS: dict[str, tuple[float, float, float, float]] = {
    "trade_show": (400.0, 0.50, 0.50, 0.35),
    "paid_search": (300.0, 0.30, 0.40, 0.25),
    "online_marketplace": (120.0, 0.35, 0.45, 0.30),
    "distributors": (150.0, 0.50, 0.50, 0.40),
    "referrals": (80.0, 0.60, 0.55, 0.45),
}
TYPICAL_MIX: dict[str, float] = {
    "trade_show": 0.20,
    "paid_search": 0.20,
    "online_marketplace": 0.20,
    "distributors": 0.25,
    "referrals": 0.15,
}
PROBLEMS: tuple[str, ...] = (
    "healthy",
    "high_cac",
    "poor_collections",
    "weak_closing",
    "falling_share",
    "low_satisfaction",
)
# The finding each planted problem must produce: (kpi, stage).
EXPECTED_FINDING: dict[str, tuple[str, str | None]] = {
    "high_cac": ("cac", None),
    "poor_collections": ("collection_rate", None),
    "weak_closing": ("stage_conversion", "proposal_to_won"),
    "falling_share": ("market_share_growth", None),
    "low_satisfaction": ("csat", None),
}
ROLES = ("senior", "mid", "junior")


@dataclass(frozen=True)
class RepSpec:
    rep_id: str
    name: str
    role: str
    manager_id: str | None


@dataclass
class SyntheticData:
    """Roster entries, KPI rows, channel rows, and which rep carries which planted problem."""

    reps: list[RepSpec]
    periods: list[str]
    kpi_rows: list[dict[str, Any]] = field(default_factory=list)
    channel_rows: list[dict[str, Any]] = field(default_factory=list)
    planted: dict[str, str] = field(default_factory=dict)

    def reps_with(self, problem: str) -> list[str]:
        return [rep for rep, p in self.planted.items() if p == problem]


def quarters(count: int, last: str = "2026-Q4") -> list[str]:
    """`count` consecutive quarters ending with `last`, oldest first."""
    out = [last]
    while len(out) < count:
        out.append(previous_period(out[-1]))
    return out[::-1]


def generate(
    *, teams: int = 1, team_size: int = 8, periods: int = 4, seed: int = 7, last_period: str = "2026-Q4"
) -> SyntheticData:
    """A director (GD1), `teams` managers (GM001...) with `team_size` reps each (GR0001...).

    In every team, the first reps carry PROBLEMS in order (healthy first); the rest are ordinary.
    """
    reps = [RepSpec("GD1", "Generated Director", "director", None)]
    planted: dict[str, str] = {}
    number = 0
    for t in range(1, teams + 1):
        manager = f"GM{t:03d}"
        reps.append(RepSpec(manager, f"Generated Manager {t}", "manager", "GD1"))
        for i in range(team_size):
            number += 1
            rep_id = f"GR{number:04d}"
            reps.append(RepSpec(rep_id, f"Generated Rep {number}", ROLES[i % len(ROLES)], manager))
            planted[rep_id] = PROBLEMS[i] if i < len(PROBLEMS) else "ordinary"
    return generate_for(reps, planted, quarters(periods, last_period), seed=seed)


def generate_for(
    reps: list[RepSpec],
    planted: dict[str, str],
    periods: list[str],
    *,
    seed: int = 7,
    healthy_noise: float = 0.0,
) -> SyntheticData:
    """KPI and channel rows for the given reps (those in `planted`; others, e.g. managers, get no rows).

    `healthy_noise` (0..1) lets the healthy rep vary a little (sample data); 0 keeps them exactly typical.
    """
    rng = random.Random(seed)
    data = SyntheticData(reps=reps, periods=periods, planted=dict(planted))
    for spec in reps:
        problem = planted.get(spec.rep_id)
        if problem is None:
            continue
        profile = _RepProfile(rng, problem, healthy_noise)
        for step, period in enumerate(periods):
            # Planted problems grow from half strength in the first period to full strength in the last.
            strength = 0.5 + 0.5 * step / max(len(periods) - 1, 1)
            kpi, channels = profile.period_rows(spec.rep_id, period, strength)
            data.kpi_rows.append(kpi)
            data.channel_rows.extend(channels)
    return data


class _RepProfile:
    """One rep's stable traits plus per-period noise; `healthy` reps get no noise at all."""

    def __init__(self, rng: random.Random, problem: str, healthy_noise: float) -> None:
        self.rng = rng
        self.problem = problem
        self.noise = healthy_noise if problem == "healthy" else 1.0
        self.target = 1_200_000 * self._jitter(0.10)
        self.budget = 80_000 * self._jitter(0.10)
        self.share = 20.0 * self._jitter(0.25)
        self.active = round(120 * self._jitter(0.15))

    def _jitter(self, spread: float) -> float:
        return 1.0 + self.noise * self.rng.uniform(-spread, spread)

    def period_rows(
        self, rep_id: str, period: str, strength: float
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        p = self.problem
        channels = self._channels(rep_id, period, strength)
        won = sum(c["won"] for c in channels)
        sales = self.target * 0.97 * self._jitter(0.06)
        billed = sales * 0.95
        collection = 0.93 * self._jitter(0.02)
        overdue = 0.06 * self._jitter(0.2)
        if p == "poor_collections":
            collection = 0.93 - 0.35 * strength
            overdue = 0.06 + 0.30 * strength
        growth = 0.3 + self.noise * self.rng.uniform(-0.3, 0.3)
        if p == "falling_share":
            growth = -1.0 * strength - 0.3
        prev_share = self.share
        self.share = max(0.5, self.share + growth)
        csat = 4.3 + self.noise * self.rng.uniform(-0.12, 0.12)
        complaints = round(self.active * 0.03 * self._jitter(0.3))
        if p == "low_satisfaction":
            csat = 4.2 - 1.2 * strength
            complaints = round(self.active * (0.03 + 0.12 * strength))
        kpi = {
            "rep_id": rep_id,
            "period": period,
            "sales_amount": round(sales, 2),
            "sales_target": round(self.target, 2),
            "billed_amount": round(billed, 2),
            "collected_amount": round(billed * collection, 2),
            "overdue_amount": round(billed * overdue, 2),
            "market_share_pct": round(self.share, 2),
            "prev_market_share_pct": round(prev_share, 2),
            "new_customers": won,
            "active_customers": self.active,
            "repeat_customers": round(self.active * 0.55 * self._jitter(0.08)),
            "csat": round(csat, 2),
            "complaints": complaints,
            "training_hours": round(16 * self._jitter(0.1), 1),
        }
        return kpi, channels

    def _channels(self, rep_id: str, period: str, strength: float) -> list[dict[str, Any]]:
        mix = dict(TYPICAL_MIX)
        if self.problem == "high_cac":
            paid = 0.45 + 0.25 * strength
            rest = (1 - paid) / (len(mix) - 1)
            mix = {c: (paid if c == "paid_search" else rest) for c in mix}
        budget = self.budget * self._jitter(0.05)
        rows = []
        for channel in CHANNELS:
            cost_per_lead, to_qualified, to_proposal, to_won = CHANNEL_ECONOMICS[channel]
            if self.problem == "weak_closing":
                to_won *= 1.0 - 0.75 * strength
            spend = budget * mix[channel]
            leads = round(spend / (cost_per_lead * self._jitter(0.05)))
            qualified = round(leads * to_qualified * self._jitter(0.05))
            proposals = round(qualified * to_proposal * self._jitter(0.05))
            won = round(proposals * to_won * self._jitter(0.05))
            revenue = won * 20_000 * self._jitter(0.1)
            rows.append(
                {
                    "rep_id": rep_id,
                    "period": period,
                    "channel": channel,
                    "spend": round(spend, 2),
                    "leads": leads,
                    "qualified": qualified,
                    "proposals": proposals,
                    "won": won,
                    "revenue": round(revenue, 2),
                }
            )
        return rows


def add_roster(store: Store, reps: list[RepSpec]) -> None:
    """Insert the roster directly (tests must not depend on the roster importer)."""
    with store.transaction() as session:
        session.execute(
            insert(Rep),
            [{"rep_id": r.rep_id, "name": r.name, "role": r.role, "manager_id": r.manager_id} for r in reps],
        )


def store_rows(store: Store, data: SyntheticData) -> None:
    """Insert KPI and channel rows directly, bypassing the importer (fast set-up for coaching tests)."""
    with store.transaction() as session:
        if data.kpi_rows:
            session.execute(insert(KpiRecord), data.kpi_rows)
        if data.channel_rows:
            session.execute(insert(ChannelRecord), data.channel_rows)


def load(store: Store, data: SyntheticData) -> None:
    add_roster(store, data.reps)
    store_rows(store, data)


def write_csv(data: SyntheticData, folder: Path) -> tuple[Path, Path]:
    """Write kpis.csv and channels.csv in the import format; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    kpis = folder / "kpis.csv"
    channels = folder / "channels.csv"
    outputs = ((kpis, KPI_COLUMNS, data.kpi_rows), (channels, CHANNEL_COLUMNS, data.channel_rows))
    for path, columns, rows in outputs:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return kpis, channels
