"""KPI metrics, computed for every rep of a period at once with numpy (a team report covers 1,000 reps).

Formulas (ratios are fractions, 0.62 = 62%; a zero denominator gives None, never an error):

- sales_attainment = sales_amount / sales_target
- collection_rate = collected_amount / billed_amount
- overdue_ratio = overdue_amount / billed_amount
- market_share_growth = market_share_pct - prev_market_share_pct (percentage points)
- cac = sum(spend) / sum(won) over the rep's channels (blended); cac_by_channel = spend / won per channel
- ltv = annual revenue per active customer x gross_margin x customer_lifetime_years, where annual revenue per
  customer = sales_amount / active_customers x periods per year (4 for quarters, 12 for months); margin and
  lifetime come from Settings (SALESCOACH_GROSS_MARGIN, SALESCOACH_CUSTOMER_LIFETIME_YEARS)
- ltv_cac_ratio = ltv / cac
- lead_conversion = sum(won) / sum(leads)
- stage_conversion.lead_to_qualified = qualified / leads; .qualified_to_proposal = proposals / qualified;
  .proposal_to_won = won / proposals (all summed over channels)
- csat = csat (1-5 survey average, as imported)
- complaint_rate = complaints / active_customers
- repeat_rate = repeat_customers / active_customers
- training_hours = training_hours (as imported)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from coaching.periods import periods_per_year
from coaching.records import CHANNEL_NUMERIC, KPI_NUMERIC, ChannelRecord, KpiRecord

STAGES: dict[str, tuple[str, str]] = {
    "lead_to_qualified": ("leads", "qualified"),
    "qualified_to_proposal": ("qualified", "proposals"),
    "proposal_to_won": ("proposals", "won"),
}
METRIC_NAMES: tuple[str, ...] = (
    "sales_attainment",
    "collection_rate",
    "overdue_ratio",
    "market_share_growth",
    "cac",
    "ltv",
    "ltv_cac_ratio",
    "lead_conversion",
    *(f"stage_conversion.{stage}" for stage in STAGES),
    "csat",
    "complaint_rate",
    "repeat_rate",
    "training_hours",
)
KPI_TUPLE: tuple[str, ...] = ("rep_id", *KPI_NUMERIC)
CHANNEL_TUPLE: tuple[str, ...] = ("rep_id", "channel", *CHANNEL_NUMERIC)
FORMULAS: dict[str, str] = {
    "sales_attainment": "sales_amount / sales_target",
    "collection_rate": "collected_amount / billed_amount",
    "overdue_ratio": "overdue_amount / billed_amount",
    "market_share_growth": "market_share_pct - prev_market_share_pct (points)",
    "cac": "spend / won (per channel, and blended over channels)",
    "ltv": "sales_amount / active_customers x periods per year x gross_margin x customer_lifetime_years",
    "ltv_cac_ratio": "ltv / cac",
    "lead_conversion": "won / leads",
    "stage_conversion": "qualified / leads, proposals / qualified, won / proposals",
    "csat": "csat (1-5)",
    "complaint_rate": "complaints / active_customers",
    "repeat_rate": "repeat_customers / active_customers",
    "training_hours": "training_hours",
}


def safe_ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """Element-wise numerator / denominator with NaN where the denominator is 0 or missing."""
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=(den != 0) & ~np.isnan(den))
    return out


def scalar(value: Any) -> float | None:
    """A numpy value as a JSON-friendly float, None for NaN."""
    number = float(value)
    return None if np.isnan(number) else number


@dataclass
class PeriodData:
    """Raw KPI and channel columns of one period, one row per rep (reps with either kind of row).

    `kpi[col]` has shape (reps,), NaN where a rep has no KPI row; `channel[col]` has shape (reps, channels),
    0 where a rep did not use the channel.
    """

    period: str
    rep_ids: list[str]
    kpi: dict[str, np.ndarray]
    channels: list[str]
    channel: dict[str, np.ndarray]
    has_kpi: np.ndarray
    has_channels: np.ndarray

    @property
    def index(self) -> dict[str, int]:
        return {rep_id: i for i, rep_id in enumerate(self.rep_ids)}

    @classmethod
    def from_rows(
        cls, period: str, kpi_rows: Iterable[Mapping[str, Any]], channel_rows: Iterable[Mapping[str, Any]]
    ) -> PeriodData:
        """Build from dict-like rows (tests, generators); see `from_tuples` for the column order."""
        return cls.from_tuples(
            period,
            [tuple(r[c] for c in KPI_TUPLE) for r in kpi_rows],
            [tuple(r[c] for c in CHANNEL_TUPLE) for r in channel_rows],
        )

    @classmethod
    def from_tuples(
        cls, period: str, kpi_rows: Sequence[Sequence[Any]], channel_rows: Sequence[Sequence[Any]]
    ) -> PeriodData:
        """Build from plain tuples in KPI_TUPLE / CHANNEL_TUPLE order, column by column with numpy."""
        kpi_ids = [r[0] for r in kpi_rows]
        chan_ids = [r[0] for r in channel_rows]
        rep_ids = sorted(set(kpi_ids) | set(chan_ids))
        channels = sorted({r[1] for r in channel_rows})
        where = {rep_id: i for i, rep_id in enumerate(rep_ids)}
        where_channel = {name: j for j, name in enumerate(channels)}
        n, c = len(rep_ids), len(channels)
        kpi = {col: np.full(n, np.nan) for col in KPI_NUMERIC}
        has_kpi = np.zeros(n, dtype=bool)
        if kpi_rows:
            rows = np.fromiter((where[r] for r in kpi_ids), dtype=np.intp, count=len(kpi_ids))
            has_kpi[rows] = True
            values = np.array([r[1:] for r in kpi_rows], dtype=float)
            for k, col in enumerate(KPI_NUMERIC):
                kpi[col][rows] = values[:, k]
        channel = {col: np.zeros((n, c)) for col in CHANNEL_NUMERIC}
        has_channels = np.zeros(n, dtype=bool)
        if channel_rows:
            rows = np.fromiter((where[r] for r in chan_ids), dtype=np.intp, count=len(chan_ids))
            names = (where_channel[r[1]] for r in channel_rows)
            cols = np.fromiter(names, dtype=np.intp, count=len(chan_ids))
            has_channels[rows] = True
            values = np.array([r[2:] for r in channel_rows], dtype=float)
            for k, col in enumerate(CHANNEL_NUMERIC):
                channel[col][rows, cols] = values[:, k]
        return cls(period, rep_ids, kpi, channels, channel, has_kpi, has_channels)


def load_period(session: Session, period: str) -> PeriodData:
    """Every rep's rows of one period, read as plain tuples (no ORM objects: 10k rows stay fast)."""
    kpi_cols = [getattr(KpiRecord, c) for c in KPI_TUPLE]
    kpi_rows = session.execute(select(*kpi_cols).where(KpiRecord.period == period)).all()
    chan_cols = [getattr(ChannelRecord, c) for c in CHANNEL_TUPLE]
    chan_rows = session.execute(select(*chan_cols).where(ChannelRecord.period == period)).all()
    return PeriodData.from_tuples(period, kpi_rows, chan_rows)


@dataclass
class MetricTable:
    """Every metric for every rep of a period: `values[name]` is an array aligned with `data.rep_ids`."""

    data: PeriodData
    values: dict[str, np.ndarray]
    cac_by_channel: np.ndarray  # (reps, channels)
    conversion_by_channel: np.ndarray  # (reps, channels): won / leads
    _index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index = self.data.index

    @property
    def period(self) -> str:
        return self.data.period

    @property
    def rep_ids(self) -> list[str]:
        return self.data.rep_ids

    def has(self, rep_id: str) -> bool:
        return rep_id in self._index

    def row(self, rep_id: str) -> int:
        return self._index[rep_id]

    def value(self, rep_id: str, name: str) -> float | None:
        if rep_id not in self._index:
            return None
        return scalar(self.values[name][self._index[rep_id]])

    def rep_metrics(self, rep_id: str) -> dict[str, float | None]:
        """Flat metrics of one rep (`stage_conversion.proposal_to_won` style names)."""
        i = self._index[rep_id]
        return {name: scalar(array[i]) for name, array in self.values.items()}

    def rep_channels(self, rep_id: str) -> dict[str, dict[str, float | None]]:
        """Per channel the rep used: spend, won, leads, cac, conversion and share of the rep's spend."""
        i = self._index[rep_id]
        spend = self.data.channel["spend"][i]
        total = spend.sum()
        out: dict[str, dict[str, float | None]] = {}
        for j, name in enumerate(self.data.channels):
            if spend[j] == 0 and self.data.channel["leads"][i, j] == 0:
                continue
            out[name] = {
                "spend": float(spend[j]),
                "leads": float(self.data.channel["leads"][i, j]),
                "won": float(self.data.channel["won"][i, j]),
                "cac": scalar(self.cac_by_channel[i, j]),
                "conversion": scalar(self.conversion_by_channel[i, j]),
                "spend_share": float(spend[j] / total) if total > 0 else None,
            }
        return out

    def base(self, rep_id: str, column: str) -> float:
        """A raw quantity of the rep (KPI column, or a channel column summed over channels); NaN if absent."""
        i = self._index[rep_id]
        if column in self.data.kpi:
            return float(self.data.kpi[column][i])
        return float(self.data.channel[column][i].sum())


def compute_metrics(data: PeriodData, *, gross_margin: float, lifetime_years: float) -> MetricTable:
    """All metrics of METRIC_NAMES for every rep of `data` (see the module docstring for the formulas)."""
    k = data.kpi
    ch = data.channel
    totals = {col: ch[col].sum(axis=1) for col in CHANNEL_NUMERIC}
    # Reps without channel rows have no funnel: NaN rather than a misleading 0 / 0 -> None anyway.
    for col in totals:
        totals[col] = np.where(data.has_channels, totals[col], np.nan)
    annual_revenue_per_customer = safe_ratio(k["sales_amount"], k["active_customers"]) * periods_per_year(
        data.period
    )
    ltv = annual_revenue_per_customer * gross_margin * lifetime_years
    cac = safe_ratio(totals["spend"], totals["won"])
    values: dict[str, np.ndarray] = {
        "sales_attainment": safe_ratio(k["sales_amount"], k["sales_target"]),
        "collection_rate": safe_ratio(k["collected_amount"], k["billed_amount"]),
        "overdue_ratio": safe_ratio(k["overdue_amount"], k["billed_amount"]),
        "market_share_growth": k["market_share_pct"] - k["prev_market_share_pct"],
        "cac": cac,
        "ltv": ltv,
        "ltv_cac_ratio": safe_ratio(ltv, cac),
        "lead_conversion": safe_ratio(totals["won"], totals["leads"]),
    }
    for stage, (before, after) in STAGES.items():
        values[f"stage_conversion.{stage}"] = safe_ratio(totals[after], totals[before])
    values["csat"] = k["csat"].copy()
    values["complaint_rate"] = safe_ratio(k["complaints"], k["active_customers"])
    values["repeat_rate"] = safe_ratio(k["repeat_customers"], k["active_customers"])
    values["training_hours"] = k["training_hours"].copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        cac_by_channel = safe_ratio(ch["spend"], ch["won"])
        conversion = safe_ratio(ch["won"], ch["leads"])
    return MetricTable(data, {name: values[name] for name in METRIC_NAMES}, cac_by_channel, conversion)


def nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """`{"stage_conversion.lead_to_qualified": x}` -> `{"stage_conversion": {"lead_to_qualified": x}}`."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        head, _, tail = key.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = value
        else:
            out[key] = value
    return out
