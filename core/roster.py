"""The roster: who is who, their role, their manager, and their Telegram id. Identity and permissions come from here."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.messages import RepInfo
from core.store import Base

CHANNELS = ("direct", "channel", "online")


class Rep(Base):
    __tablename__ = "reps"

    rep_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(64))
    manager_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    telegram_user_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, unique=True)
    region: Mapped[str | None] = mapped_column(String(100), nullable=True)
    channel: Mapped[str | None] = mapped_column(String(32), nullable=True)
    hire_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    def info(self) -> RepInfo:
        return RepInfo(
            rep_id=self.rep_id,
            name=self.name,
            role=self.role,
            manager_id=self.manager_id,
            telegram_user_id=self.telegram_user_id,
            region=self.region,
            channel=self.channel,
            hire_date=self.hire_date,
        )


class UnknownRepError(LookupError):
    """Raised when a rep id is not on the roster; the message names the id."""

    def __init__(self, rep_id: str) -> None:
        super().__init__(f"unknown rep id {rep_id!r}: not on the roster (import it with 'salescoach roster import')")
        self.rep_id = rep_id


def get_rep(session: Session, rep_id: str) -> RepInfo | None:
    rep = session.get(Rep, rep_id)
    return rep.info() if rep else None


def require_rep(session: Session, rep_id: str) -> RepInfo:
    rep = get_rep(session, rep_id)
    if rep is None:
        raise UnknownRepError(rep_id)
    return rep


def rep_by_telegram(session: Session, telegram_user_id: int) -> RepInfo | None:
    rep = session.scalar(select(Rep).where(Rep.telegram_user_id == telegram_user_id))
    return rep.info() if rep else None


def all_reps(session: Session) -> list[RepInfo]:
    return [r.info() for r in session.scalars(select(Rep).order_by(Rep.rep_id))]


def management_chain(session: Session, rep_id: str) -> list[RepInfo]:
    """The rep's managers, nearest first; stops on cycles."""
    chain: list[RepInfo] = []
    seen = {rep_id}
    current = session.get(Rep, rep_id)
    while current is not None and current.manager_id and current.manager_id not in seen:
        seen.add(current.manager_id)
        current = session.get(Rep, current.manager_id)
        if current is not None:
            chain.append(current.info())
    return chain


def reports_of(session: Session, manager_id: str, *, recursive: bool = True) -> list[RepInfo]:
    """Direct reports, or the whole subtree when recursive (directors see their managers' teams)."""
    result: list[RepInfo] = []
    frontier = [manager_id]
    seen = {manager_id}
    while frontier:
        rows = session.scalars(select(Rep).where(Rep.manager_id.in_(frontier)).order_by(Rep.rep_id)).all()
        frontier = []
        for row in rows:
            if row.rep_id in seen:
                continue
            seen.add(row.rep_id)
            result.append(row.info())
            frontier.append(row.rep_id)
        if not recursive:
            break
    return result


def can_view(session: Session, viewer: RepInfo, target_rep_id: str) -> bool:
    """A rep sees only their own data; a manager their reports', recursively."""
    if viewer.rep_id == target_rep_id:
        return True
    return any(r.rep_id == target_rep_id for r in reports_of(session, viewer.rep_id, recursive=True))


DEFAULT_ROLES: tuple[str, ...] = ("junior", "mid", "senior", "manager", "director")
