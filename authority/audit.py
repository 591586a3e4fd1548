"""The audit trail of authority decisions: when, who (or nobody, for anonymous asks), what, what was decided.

Kept in the SQL store so it survives restarts and can be queried by date and rep (`salescoach audit`).
Timestamps are stored as naive UTC (SQLite has no time zones) and handed back as aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from pydantic import BaseModel
from sqlalchemy import JSON, DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.messages import Decision
from core.store import Base


class AuditRecord(Base):
    __tablename__ = "audit_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ts: Mapped[datetime] = mapped_column(DateTime, index=True)
    rep_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    question: Mapped[str] = mapped_column(Text)
    decision: Mapped[dict[str, Any]] = mapped_column(JSON)
    door: Mapped[str | None] = mapped_column(String(32), nullable=True)


class AuditEntry(BaseModel):
    """One audited decision as the `audit` command lists it."""

    ts: datetime
    rep_id: str | None
    question: str
    decision: Decision
    door: str | None


def record_decision(
    session: Session,
    *,
    rep_id: str | None,
    question: str,
    decision: Decision,
    door: str | None,
    ts: datetime | None = None,
) -> AuditRecord:
    """Add one decision to the trail (the caller's transaction commits it)."""
    when = ts or datetime.now(UTC)
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    record = AuditRecord(
        ts=when, rep_id=rep_id, question=question, decision=decision.model_dump(mode="json"), door=door
    )
    session.add(record)
    return record


def list_decisions(
    session: Session, *, since: date | datetime | None = None, rep_id: str | None = None
) -> list[AuditEntry]:
    """Decisions in time order; `since` a date means from that day's start (UTC)."""
    query = select(AuditRecord).order_by(AuditRecord.ts, AuditRecord.id)
    if since is not None:
        start = since if isinstance(since, datetime) else datetime.combine(since, time.min, tzinfo=UTC)
        if start.tzinfo is not None:
            start = start.astimezone(UTC).replace(tzinfo=None)
        query = query.where(AuditRecord.ts >= start)
    if rep_id is not None:
        query = query.where(AuditRecord.rep_id == rep_id)
    return [
        AuditEntry(
            ts=row.ts.replace(tzinfo=UTC),
            rep_id=row.rep_id,
            question=row.question,
            decision=Decision.model_validate(row.decision),
            door=row.door,
        )
        for row in session.scalars(query)
    ]
