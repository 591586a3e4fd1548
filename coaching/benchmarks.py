"""Benchmarks per period: the team (same manager), the company, and peers of the same role.

Each group gets the median and quartiles (p25, p75) of every metric, computed with one numpy call per group
over the stacked metric matrix, plus pooled per-channel CAC and conversion (team spend / team won), which is
what "paid_search costs 8,000 CNY per won customer across the team" means.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coaching.metrics import MetricTable, nest, safe_ratio, scalar
from coaching.rules import BenchmarkRules


@dataclass(frozen=True)
class Quartiles:
    """Median and quartiles of one metric over a group; None where no member has a value."""

    median: float | None
    p25: float | None
    p75: float | None
    n: int

    def to_dict(self) -> dict[str, float | int | None]:
        return {"median": self.median, "p25": self.p25, "p75": self.p75, "n": self.n}


@dataclass
class GroupBenchmark:
    """One comparison group in one period."""

    scope: str  # "team", "company" or "peers"
    label: str  # e.g. "team of M001", "company", "junior peers"
    members: list[str]
    quartiles: dict[str, Quartiles]
    channel_cac: dict[str, float | None]
    channel_conversion: dict[str, float | None]
    channel_won: dict[str, float]
    channel_spend: dict[str, float]

    @property
    def size(self) -> int:
        return len(self.members)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "label": self.label,
            "size": self.size,
            "metrics": nest({name: q.to_dict() for name, q in self.quartiles.items()}),
            "cac_by_channel": self.channel_cac,
            "conversion_by_channel": self.channel_conversion,
        }


@dataclass
class RepBenchmarks:
    """The groups a rep is compared with; `reference` is what findings use (team, or company if too small)."""

    team: GroupBenchmark | None
    company: GroupBenchmark
    peers: GroupBenchmark | None
    reference: GroupBenchmark

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference.scope,
            "team": self.team.to_dict() if self.team else None,
            "company": self.company.to_dict(),
            "peers": self.peers.to_dict() if self.peers else None,
        }


@dataclass
class Benchmarks:
    """Lazily computed, cached groups over one period's MetricTable."""

    table: MetricTable
    managers: Mapping[str, str | None]  # rep_id -> manager_id (from the roster)
    roles: Mapping[str, str]  # rep_id -> role
    rules: BenchmarkRules
    _matrix: np.ndarray = field(init=False)
    _names: list[str] = field(init=False)
    _cache: dict[tuple[str, str], GroupBenchmark] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._names = list(self.table.values)
        self._matrix = np.column_stack([self.table.values[n] for n in self._names])
        ids = self.table.rep_ids
        self._manager_of = np.array([self.managers.get(r) or "" for r in ids], dtype=object)
        self._role_of = np.array([self.roles.get(r) or "" for r in ids], dtype=object)

    def company(self) -> GroupBenchmark:
        return self._group("company", "", "company", np.ones(len(self.table.rep_ids), dtype=bool))

    def team(self, manager_id: str | None) -> GroupBenchmark | None:
        """Direct reports of `manager_id` with data this period; None for reps without a manager."""
        if not manager_id:
            return None
        mask = self._manager_of == manager_id
        if not mask.any():
            return None
        return self._group("team", manager_id, f"team of {manager_id}", mask)

    def peers(self, role: str | None) -> GroupBenchmark | None:
        """Company-wide reps of the same role; None below `min_peers`."""
        if not role:
            return None
        mask = self._role_of == role
        if int(mask.sum()) < self.rules.min_peers:
            return None
        return self._group("peers", role, f"{role} peers", mask)

    def for_rep(self, rep_id: str) -> RepBenchmarks:
        team = self.team(self.managers.get(rep_id))
        company = self.company()
        reference = team if team is not None and team.size >= self.rules.min_team_size else company
        peers = self.peers(self.roles.get(rep_id))
        return RepBenchmarks(team=team, company=company, peers=peers, reference=reference)

    def _group(self, scope: str, key: str, label: str, mask: np.ndarray) -> GroupBenchmark:
        cached = self._cache.get((scope, key))
        if cached is not None:
            return cached
        rows = self._matrix[mask]
        counts = (~np.isnan(rows)).sum(axis=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns give NaN, reported as None
            if rows.shape[0]:
                p25, median, p75 = np.nanpercentile(rows, [25, 50, 75], axis=0)
            else:
                p25 = median = p75 = np.full(len(self._names), np.nan)
        quartiles = {
            name: Quartiles(scalar(median[j]), scalar(p25[j]), scalar(p75[j]), int(counts[j]))
            for j, name in enumerate(self._names)
        }
        channel = self.table.data.channel
        spend = channel["spend"][mask].sum(axis=0)
        won = channel["won"][mask].sum(axis=0)
        leads = channel["leads"][mask].sum(axis=0)
        cac = safe_ratio(spend, won)
        conversion = safe_ratio(won, leads)
        names = self.table.data.channels
        group = GroupBenchmark(
            scope=scope,
            label=label,
            members=[r for r, m in zip(self.table.rep_ids, mask, strict=True) if m],
            quartiles=quartiles,
            channel_cac={c: scalar(cac[j]) for j, c in enumerate(names)},
            channel_conversion={c: scalar(conversion[j]) for j, c in enumerate(names)},
            channel_won={c: float(won[j]) for j, c in enumerate(names)},
            channel_spend={c: float(spend[j]) for j, c in enumerate(names)},
        )
        self._cache[(scope, key)] = group
        return group
