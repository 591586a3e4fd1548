"""What the console's pages read that no other door lists yet: briefings with per-recipient times, the indexed
documents with their metadata, audit decisions filtered for a viewer, and gaps marked handled.

Read-only except `mark_handled`, the one write the console makes besides login links.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from authority.audit import AuditEntry, AuditRecord
from core.audience import Reader, entries
from core.home import connect_read_only
from core.messages import Decision, RepInfo
from core.roster import Rep
from core.settings import Settings
from core.store import Store
from knowledge.index import MANIFEST
from workflows.briefings import DELIVERED, Briefing, BriefingRecipient
from workflows.feedback import Gap, gaps, normalise_question
from workflows.web_state import HandledGap


def visible_ids(store: Store, viewer: RepInfo) -> list[str]:
    """The viewer and everyone below them (what the bot's `can_view` admits), from two roster columns: a
    director's 1,000 reports cost one query, not a thousand roster objects."""
    with store.session() as session:
        pairs = session.execute(select(Rep.rep_id, Rep.manager_id)).all()
    below: dict[str, list[str]] = {}
    for rep_id, manager_id in pairs:
        if manager_id:
            below.setdefault(manager_id, []).append(rep_id)
    found = [viewer.rep_id]
    seen = {viewer.rep_id}
    for rep_id in found:  # grows while walked: breadth first, cycles stopped by `seen`
        for child in sorted(below.get(rep_id, ())):
            if child not in seen:
                seen.add(child)
                found.append(child)
    return found


def has_reports(store: Store, rep_id: str) -> bool:
    """Managers and directors: whoever has someone reporting to them (what the bot's /team asks)."""
    with store.session() as session:
        return session.scalar(select(Rep.rep_id).where(Rep.manager_id == rep_id).limit(1)) is not None


# ------------------------------------------------------------------------------------------------ briefings
@dataclass(frozen=True)
class RecipientLine:
    rep_id: str
    name: str
    state: str
    delivered_at: datetime | None
    acknowledged_at: datetime | None
    overdue: bool


@dataclass(frozen=True)
class BriefingLine:
    id: int
    title: str
    author_id: str
    created_at: datetime
    due_date: date | None
    recipients: list[RecipientLine] = field(default_factory=list)

    @property
    def delivered(self) -> int:
        return sum(1 for r in self.recipients if r.state == DELIVERED)

    @property
    def acknowledged(self) -> int:
        return sum(1 for r in self.recipients if r.acknowledged_at is not None)

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.recipients if r.overdue)


def briefings_sent(store: Store, viewer: RepInfo, *, today: date, limit: int = 50) -> list[BriefingLine]:
    """Briefings the viewer (or, for a director, anyone below them) sent, newest first, with each recipient's
    delivery and acknowledgement times; unacknowledged after the due date is overdue."""
    authors = visible_ids(store, viewer)
    out: list[BriefingLine] = []
    with store.session() as session:
        found: list[Briefing] = []
        for start in range(0, len(authors), 900):
            part = authors[start : start + 900]
            found.extend(session.scalars(select(Briefing).where(Briefing.author_id.in_(part))))
        found.sort(key=lambda b: b.id, reverse=True)
        chosen = found[:limit]
        rows = session.execute(
            select(BriefingRecipient, Rep.name)
            .join(Rep, Rep.rep_id == BriefingRecipient.rep_id, isouter=True)
            .where(BriefingRecipient.briefing_id.in_([b.id for b in chosen]))
            .order_by(BriefingRecipient.briefing_id, BriefingRecipient.rep_id)
        ).all()
    by_briefing: dict[int, list[tuple[BriefingRecipient, str | None]]] = {}
    for rec, name in rows:
        by_briefing.setdefault(rec.briefing_id, []).append((rec, name))
    for briefing in chosen:
        due = briefing.due_date
        out.append(
            BriefingLine(
                id=briefing.id,
                title=briefing.title,
                author_id=briefing.author_id,
                created_at=briefing.created_at,
                due_date=due,
                recipients=[
                    RecipientLine(
                        rep_id=rec.rep_id,
                        name=name or rec.rep_id,
                        state=rec.state,
                        delivered_at=rec.delivered_at,
                        acknowledged_at=rec.acknowledged_at,
                        overdue=due is not None and due < today and rec.acknowledged_at is None,
                    )
                    for rec, name in by_briefing.get(briefing.id, [])
                ],
            )
        )
    return out


# ----------------------------------------------------------------------------------------------------- gaps
@dataclass(frozen=True)
class GapLine:
    gap: Gap
    door: str
    handled_by: str | None


def gap_lines(store: Store, *, include_handled: bool = False) -> list[GapLine]:
    """Content gaps most asked first; asks are recorded by the Telegram door, so that is where they came from."""
    with store.session() as session:
        handled = {row.normalised: row.handled_by for row in session.scalars(select(HandledGap))}
    lines = [GapLine(g, "telegram", handled.get(normalise_question(g.question))) for g in gaps(store)]
    return lines if include_handled else [line for line in lines if line.handled_by is None]


def mark_handled(store: Store, question: str, rep_id: str, *, now: datetime) -> bool:
    """Mark a gap handled (idempotent); False when no such gap exists."""
    key = normalise_question(question)
    if not key or all(normalise_question(g.question) != key for g in gaps(store)):
        return False
    with store.transaction() as session:
        if session.get(HandledGap, key) is None:
            session.add(HandledGap(normalised=key, handled_by=rep_id, handled_at=now))
    return True


# ------------------------------------------------------------------------------------------------ documents
@dataclass(frozen=True)
class DocumentLine:
    source: str
    title: str
    doc_type: str
    language: str
    version: str
    review_by: date | None
    chunks: int
    audience: tuple[str, ...]

    def stale(self, today: date) -> bool:
        return self.review_by is not None and self.review_by < today


def documents(settings: Settings, reader: Reader, *, today: date) -> list[DocumentLine]:
    """Indexed documents the reader may read, stale ones first (oldest review date first), then by title.

    Read from the index manifest alone, read-only: listing documents never loads the embedding model."""
    path = settings.lexical_path / MANIFEST
    if not path.exists():
        return []
    query = (
        "SELECT d.source, d.title, d.chunk_count, "
        "(SELECT c.metadata FROM chunks c WHERE c.source = d.source ORDER BY c.ordinal LIMIT 1) "
        "FROM documents d ORDER BY d.source"
    )
    with closing(connect_read_only(path, timeout=30)) as conn:
        try:
            rows = conn.execute(query).fetchall()
        except sqlite3.OperationalError:  # a manifest from before these tables: nothing indexed to show
            return []
    out: list[DocumentLine] = []
    for source, title, count, raw in rows:
        meta = json.loads(raw) if raw else {}
        audience = str(meta.get("audience") or "")
        if not reader.admits(audience):
            continue
        try:
            review_by = date.fromisoformat(str(meta.get("review_by") or ""))
        except ValueError:
            review_by = None
        out.append(
            DocumentLine(
                source=str(source),
                title=str(title),
                doc_type=str(meta.get("doc_type") or ""),
                language=str(meta.get("language") or ""),
                version=str(meta.get("version") or ""),
                review_by=review_by,
                chunks=int(count),
                audience=tuple(sorted(entries(audience))),
            )
        )
    out.sort(key=lambda d: (not d.stale(today), d.review_by or date.max, d.title.casefold()))
    return out


# ---------------------------------------------------------------------------------------------------- audit
AUDIT_LIMIT = 200


@dataclass(frozen=True)
class AuditFilter:
    rep_id: str | None = None
    kind: str | None = None
    allowed: bool | None = None
    since: date | None = None
    until: date | None = None


def audit_entries(store: Store, viewer: RepInfo, chosen: AuditFilter, *, limit: int = AUDIT_LIMIT) -> list[AuditEntry]:
    """Decisions asked by the viewer or anyone below them, filtered, newest first, at most `limit` (anonymous
    asks belong to nobody's team and are left to the CLI's `audit`).

    Dates and the rep are filtered in SQL; kind and allowed on the stored JSON before anything is parsed, so
    a long trail costs a scan of plain rows, not thousands of validated models."""
    allowed_ids = set(visible_ids(store, viewer))
    if chosen.rep_id is not None:
        allowed_ids &= {chosen.rep_id}
    if not allowed_ids:
        return []
    query = select(AuditRecord.ts, AuditRecord.rep_id, AuditRecord.question, AuditRecord.decision, AuditRecord.door)
    if chosen.rep_id is not None:
        query = query.where(AuditRecord.rep_id == chosen.rep_id)
    if chosen.since is not None:
        query = query.where(AuditRecord.ts >= datetime.combine(chosen.since, time.min))
    if chosen.until is not None:
        query = query.where(AuditRecord.ts <= datetime.combine(chosen.until, time.max))
    query = query.order_by(AuditRecord.ts.desc(), AuditRecord.id.desc())
    out: list[AuditEntry] = []
    with store.session() as session:
        # Streamed in batches: the newest rows come first, so the scan usually stops long before the trail ends.
        for ts, rep_id, question, decision, door in session.execute(query.execution_options(yield_per=250)):
            if rep_id not in allowed_ids:
                continue
            if chosen.kind is not None and decision.get("kind") != chosen.kind:
                continue
            if chosen.allowed is not None and decision.get("allowed") is not chosen.allowed:
                continue
            out.append(
                AuditEntry(
                    ts=ts.replace(tzinfo=UTC), rep_id=rep_id, question=question,
                    decision=Decision.model_validate(decision), door=door,
                )
            )  # fmt: skip
            if len(out) >= limit:
                break
    return out


def audit_kinds() -> Sequence[str]:
    """The decision kinds the authority desk makes (the Decision model's)."""
    return ("discount", "payment_terms", "gift", "contract_value")
