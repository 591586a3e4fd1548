"""KPI tables: one row per rep and period (`kpi_records`), one per rep, period and acquisition channel.

No foreign key to `reps`: the roster can be re-imported independently, and the importer already refuses
rep ids that are not on the roster at import time.
"""

from __future__ import annotations

from sqlalchemy import Float, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.store import Base

# Column order is the CSV contract (`salescoach kpi import KPIS.csv`).
KPI_COLUMNS: tuple[str, ...] = (
    "rep_id",
    "period",
    "sales_amount",
    "sales_target",
    "billed_amount",
    "collected_amount",
    "overdue_amount",
    "market_share_pct",
    "prev_market_share_pct",
    "new_customers",
    "active_customers",
    "repeat_customers",
    "csat",
    "complaints",
    "training_hours",
)
CHANNEL_COLUMNS: tuple[str, ...] = (
    "rep_id",
    "period",
    "channel",
    "spend",
    "leads",
    "qualified",
    "proposals",
    "won",
    "revenue",
)
KPI_NUMERIC: tuple[str, ...] = KPI_COLUMNS[2:]
CHANNEL_NUMERIC: tuple[str, ...] = CHANNEL_COLUMNS[3:]


class KpiRecord(Base):
    """A rep's KPIs for one period; money in the company currency (CNY)."""

    __tablename__ = "kpi_records"
    __table_args__ = (UniqueConstraint("rep_id", "period", name="uq_kpi_rep_period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rep_id: Mapped[str] = mapped_column(String(64), index=True)
    period: Mapped[str] = mapped_column(String(16), index=True)
    sales_amount: Mapped[float] = mapped_column(Float)
    sales_target: Mapped[float] = mapped_column(Float)
    billed_amount: Mapped[float] = mapped_column(Float)
    collected_amount: Mapped[float] = mapped_column(Float)
    overdue_amount: Mapped[float] = mapped_column(Float)
    market_share_pct: Mapped[float] = mapped_column(Float)
    prev_market_share_pct: Mapped[float] = mapped_column(Float)
    new_customers: Mapped[int] = mapped_column(Integer)
    active_customers: Mapped[int] = mapped_column(Integer)
    repeat_customers: Mapped[int] = mapped_column(Integer)
    csat: Mapped[float] = mapped_column(Float)
    complaints: Mapped[int] = mapped_column(Integer)
    training_hours: Mapped[float] = mapped_column(Float)


class ChannelRecord(Base):
    """A rep's acquisition funnel and spend in one channel for one period."""

    __tablename__ = "channel_records"
    __table_args__ = (UniqueConstraint("rep_id", "period", "channel", name="uq_channel_rep_period_channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rep_id: Mapped[str] = mapped_column(String(64), index=True)
    period: Mapped[str] = mapped_column(String(16), index=True)
    channel: Mapped[str] = mapped_column(String(64))
    spend: Mapped[float] = mapped_column(Float)
    leads: Mapped[int] = mapped_column(Integer)
    qualified: Mapped[int] = mapped_column(Integer)
    proposals: Mapped[int] = mapped_column(Integer)
    won: Mapped[int] = mapped_column(Integer)
    revenue: Mapped[float] = mapped_column(Float)
