"""The bot's durable state in the SQL store: Telegram links, invite codes, asked questions, feedback,
hand-offs.

Everything a restart must not lose lives here rather than in memory (python-telegram-bot keeps nothing
across runs).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.store import Base


def utcnow() -> datetime:
    """Timezone-aware now; SQLite drops the zone, so readers go through `as_utc`."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """Values read back from SQLite are naive; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class TelegramLink(Base):
    """A Telegram account linked to a roster rep through a redeemed invite code (one account per rep)."""

    __tablename__ = "telegram_links"

    telegram_user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    rep_id: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    invite_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class InviteCode(Base):
    """A one-time code that links whoever redeems it to `rep_id`; expires at `expires_at`."""

    __tablename__ = "telegram_invites"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    rep_id: Mapped[str] = mapped_column(String(64), index=True)
    created_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    redeemed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    redeemed_by: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class AskRecord(Base):
    """Every question asked in chat, with whether the answer was grounded: the raw material of `gaps`."""

    __tablename__ = "telegram_asks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rep_id: Mapped[str] = mapped_column(String(64), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    question: Mapped[str] = mapped_column(Text)
    normalised: Mapped[str] = mapped_column(Text, index=True)
    answer: Mapped[str] = mapped_column(Text)
    grounded: Mapped[bool] = mapped_column(Boolean)
    language: Mapped[str] = mapped_column(String(8), default="en")
    asked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Feedback(Base):
    """One vote per rep per answer; pressing the other button changes the vote rather than adding one."""

    __tablename__ = "telegram_feedback"
    __table_args__ = (UniqueConstraint("ask_id", "rep_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ask_id: Mapped[int] = mapped_column(ForeignKey("telegram_asks.id", ondelete="CASCADE"), index=True)
    rep_id: Mapped[str] = mapped_column(String(64))
    helpful: Mapped[bool] = mapped_column(Boolean)
    voted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


HANDOFF_PENDING = "pending"
HANDOFF_SENT = "sent"
HANDOFF_UNREACHABLE = "unreachable"


class Handoff(Base):
    """A question forwarded to the rep's manager: the outbox row is written before sending, so a crash
    mid-send
    leaves a `pending` row that the next start delivers."""

    __tablename__ = "telegram_handoffs"
    __table_args__ = (UniqueConstraint("ask_id", "to_rep_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ask_id: Mapped[int] = mapped_column(ForeignKey("telegram_asks.id", ondelete="CASCADE"), index=True)
    from_rep_id: Mapped[str] = mapped_column(String(64))
    to_rep_id: Mapped[str] = mapped_column(String(64))
    to_chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=HANDOFF_PENDING, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
