"""The console's own tables: one-time login links (hashed) and content gaps marked as handled."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.store import Base


class LoginToken(Base):
    """A one-time login link: only its SHA-256 is kept, so a copy of the database logs nobody in."""

    __tablename__ = "web_login_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    rep_id: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class HandledGap(Base):
    """A content gap (a normalised question) a content owner marked as handled, and by whom."""

    __tablename__ = "web_handled_gaps"

    normalised: Mapped[str] = mapped_column(Text, primary_key=True)
    handled_by: Mapped[str] = mapped_column(String(64))
    handled_at: Mapped[datetime] = mapped_column(DateTime)
