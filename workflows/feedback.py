"""What reps asked and what they thought of the answers: recorded asks, votes, hand-offs, and the
content gaps.

`gaps` is for content owners: the questions the knowledge base could not ground, or whose answers were
voted down,
most frequent first, so the next document written answers the most people.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import case, func, select, update

from core.store import Store
from workflows.state import (
    HANDOFF_PENDING,
    HANDOFF_SENT,
    HANDOFF_UNREACHABLE,
    AskRecord,
    Feedback,
    Handoff,
    as_utc,
    utcnow,
)


def normalise_question(text: str) -> str:
    """The grouping key for `gaps`: case and spacing do not make a different question."""
    return " ".join(text.casefold().split())


def record_ask(
    store: Store, *, rep_id: str, chat_id: int, question: str, answer: str, grounded: bool, language: str
) -> int:
    """Store one asked question and its answer; returns the id the answer's buttons carry."""
    with store.transaction() as session:
        record = AskRecord(
            rep_id=rep_id,
            chat_id=chat_id,
            question=question,
            normalised=normalise_question(question),
            answer=answer,
            grounded=grounded,
            language=language,
        )
        session.add(record)
        session.flush()
        return record.id


def get_ask(store: Store, ask_id: int) -> AskRecord | None:
    with store.session() as session:
        return session.get(AskRecord, ask_id)


def record_vote(store: Store, *, ask_id: int, rep_id: str, helpful: bool) -> bool:
    """Store (or change) a rep's vote on an answer they received; False when the answer is not theirs."""
    with store.transaction() as session:
        ask = session.get(AskRecord, ask_id)
        if ask is None or ask.rep_id != rep_id:
            return False
        vote = session.scalar(select(Feedback).where(Feedback.ask_id == ask_id, Feedback.rep_id == rep_id))
        if vote is None:
            session.add(Feedback(ask_id=ask_id, rep_id=rep_id, helpful=helpful))
        else:
            vote.helpful = helpful
            vote.voted_at = utcnow()
        return True


@dataclass(frozen=True)
class Gap:
    """One question content owners should look at."""

    question: str
    asks: int
    ungrounded: int
    not_helpful: int
    helpful: int
    last_asked: datetime

    def to_json_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["last_asked"] = self.last_asked.isoformat()
        return data


def gaps(store: Store, *, limit: int | None = None) -> list[Gap]:
    """Ungrounded or down-voted questions grouped by normalised text, most asked first."""
    with store.session() as session:
        votes = (
            select(
                Feedback.ask_id,
                func.sum(case((Feedback.helpful.is_(False), 1), else_=0)).label("down"),
                func.sum(case((Feedback.helpful.is_(True), 1), else_=0)).label("up"),
            )
            .group_by(Feedback.ask_id)
            .subquery()
        )
        rows = session.execute(
            select(
                AskRecord.normalised,
                func.min(AskRecord.id),
                func.count(AskRecord.id),
                func.sum(case((AskRecord.grounded.is_(False), 1), else_=0)),
                func.coalesce(func.sum(votes.c.down), 0),
                func.coalesce(func.sum(votes.c.up), 0),
                func.max(AskRecord.asked_at),
            )
            .outerjoin(votes, votes.c.ask_id == AskRecord.id)
            .group_by(AskRecord.normalised)
        ).all()
        # Shown as first asked: later spellings of the same question differ only in case and spacing.
        rows = [row for row in rows if (row[3] or 0) > 0 or row[4] > 0]
        spelled: dict[int, str] = {}
        first_ids = [row[1] for row in rows]
        for start in range(0, len(first_ids), 500):  # stay far below SQLite's bound-parameter limit
            chosen = AskRecord.id.in_(first_ids[start : start + 500])
            for ask_id, question in session.execute(select(AskRecord.id, AskRecord.question).where(chosen)):
                spelled[ask_id] = question
    found = [
        Gap(
            question=spelled[first_id],
            asks=int(asks),
            ungrounded=int(ungrounded or 0),
            not_helpful=int(down),
            helpful=int(up),
            last_asked=as_utc(last),
        )
        for _key, first_id, asks, ungrounded, down, up, last in rows
    ]
    found.sort(key=lambda g: (-g.asks, -(g.ungrounded + g.not_helpful), g.question))
    return found[:limit] if limit is not None else found


# ------------------------------------------------------------------------------------------- hand-offs
@dataclass(frozen=True)
class PendingHandoff:
    """An outbox entry: what to send to whom."""

    id: int
    to_chat_id: int
    from_rep_id: str
    question: str
    answer: str
    language: str


def open_handoff(store: Store, *, ask_id: int, from_rep_id: str, to_rep_id: str, to_chat_id: int | None) -> int | None:
    """Write the outbox row before sending; None when this answer was already handed to that manager."""
    with store.transaction() as session:
        existing = session.scalar(select(Handoff).where(Handoff.ask_id == ask_id, Handoff.to_rep_id == to_rep_id))
        if existing is not None and existing.status == HANDOFF_SENT:
            return None
        if existing is not None:
            existing.to_chat_id = to_chat_id
            existing.status = HANDOFF_PENDING if to_chat_id is not None else HANDOFF_UNREACHABLE
            return existing.id
        row = Handoff(
            ask_id=ask_id,
            from_rep_id=from_rep_id,
            to_rep_id=to_rep_id,
            to_chat_id=to_chat_id,
            status=HANDOFF_PENDING if to_chat_id is not None else HANDOFF_UNREACHABLE,
        )
        session.add(row)
        session.flush()
        return row.id


def mark_handoff(store: Store, handoff_id: int, status: str) -> None:
    with store.transaction() as session:
        session.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id)
            .values(status=status, sent_at=utcnow() if status == HANDOFF_SENT else None)
        )


def pending_handoffs(store: Store) -> list[PendingHandoff]:
    """Hand-offs written but not confirmed sent (the bot stopped mid-send): delivered again at start."""
    with store.session() as session:
        rows = session.execute(
            select(Handoff, AskRecord)
            .join(AskRecord, AskRecord.id == Handoff.ask_id)
            .where(Handoff.status == HANDOFF_PENDING, Handoff.to_chat_id.is_not(None))
            .order_by(Handoff.id)
        ).all()
    return [
        PendingHandoff(h.id, int(h.to_chat_id), h.from_rep_id, a.question, a.answer, a.language)
        for h, a in rows
        if h.to_chat_id is not None
    ]


__all__ = [
    "HANDOFF_PENDING",
    "HANDOFF_SENT",
    "HANDOFF_UNREACHABLE",
    "Gap",
    "PendingHandoff",
    "gaps",
    "get_ask",
    "mark_handoff",
    "normalise_question",
    "open_handoff",
    "pending_handoffs",
    "record_ask",
    "record_vote",
]
