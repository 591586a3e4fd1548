"""New-product briefings: who may push them, to whom, and the SQL outbox that delivers each exactly once.

Everything here is door-neutral (no telegram import): the CLI and the bot both call these functions, and the
bot's jobs only claim work from the outbox, send it, and confirm it.

Delivery guarantee (the honest version): a recipient row moves pending -> sending (a *claim* with a token
and a timestamp, committed before anything is sent) -> delivered (committed right after Telegram confirms).
A claim never confirmed -- the bot died between the send and the confirm -- is resent once its lease expires.
That is at-least-once: the only possible duplicate is a message that was in flight at the instant of a hard
kill (at most one claim batch), and nothing is ever lost. We chose it over at-most-once because a missed
product briefing costs more than a rare repeated one, and an acknowledgement arriving for a stale claim
confirms it, so such a row is never resent.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError, field_validator
from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    and_,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.audience import person
from core.messages import RepInfo
from core.roster import Rep, UnknownRepError, get_rep, management_chain, reports_of
from core.store import Base, Store
from ingest.language import detect_language
from workflows.state import TelegramLink

if TYPE_CHECKING:
    from ingest.models import IngestRules
    from workflows.services import Services

PUSHING_ROLES = ("manager", "director")
DEFAULT_REMINDER_DAYS: tuple[int, ...] = (2, 0)
DEFAULT_REMINDER_HOUR = 9
DEFAULT_LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 5
MAX_TITLE_CHARS = 200

PENDING, SENDING, DELIVERED, FAILED = "pending", "sending", "delivered", "failed"
SENT, SKIPPED = "sent", "skipped"

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """Naive UTC: what the SQL columns hold (SQLite keeps no time zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------------------------------- tables


class Briefing(Base):
    __tablename__ = "briefings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(MAX_TITLE_CHARS))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    kb_path: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    document_path: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    quiz_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class BriefingRecipient(Base):
    """One row per (briefing, rep): the outbox entry and the acknowledgement."""

    __tablename__ = "briefing_recipients"
    __table_args__ = (Index("ix_briefing_recipients_state", "state", "claimed_at"),)

    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"), primary_key=True)
    rep_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), default=PENDING)
    claim_token: Mapped[str | None] = mapped_column(String(64), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    message_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    quiz_answers: Mapped[str | None] = mapped_column(Text, nullable=True)
    quiz_score: Mapped[float | None] = mapped_column(Float, nullable=True)


class BriefingReminder(Base):
    """The reminder schedule, one row per recipient and reminder time; the bot's jobs are rebuilt from it."""

    __tablename__ = "briefing_reminders"
    __table_args__ = (Index("ix_briefing_reminders_due", "state", "remind_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"), index=True)
    rep_id: Mapped[str] = mapped_column(String(64))
    days_before: Mapped[int] = mapped_column(Integer)
    remind_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(16), default=PENDING)
    claim_token: Mapped[str | None] = mapped_column(String(64), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# --------------------------------------------------------------------------------------------------- errors


class BriefingError(Exception):
    """Base class: str() is one line a person can act on."""


class BriefingPermissionError(BriefingError):
    """The author may not push this briefing (wrong role, or a recipient outside their reports)."""


class BriefingInputError(BriefingError):
    """Bad input: empty title or text, a due date in the past, no recipients, an unknown briefing."""


# --------------------------------------------------------------------------------------------------- quiz


class QuizQuestion(BaseModel):
    """A multiple-choice question; `answer` is the index of the right option. Shared with onboarding."""

    question: str
    options: list[str]
    answer: int
    question_zh: str | None = None
    options_zh: list[str] | None = None

    @field_validator("options", "options_zh", mode="before")
    @classmethod
    def _numbers_are_text(cls, value: object) -> object:
        """YAML reads `[9800, 12800]` as numbers; an option is shown as text either way."""
        if isinstance(value, list):
            return [str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in value]
        return value

    def text(self, language: str) -> str:
        return self.question_zh if language == "zh" and self.question_zh else self.question

    def choices(self, language: str) -> list[str]:
        if language == "zh" and self.options_zh and len(self.options_zh) == len(self.options):
            return self.options_zh
        return self.options


def check_question(question: QuizQuestion) -> str | None:
    """Why a question is unusable (one line), or None when fine."""
    if not question.question.strip():
        return "question: must not be empty"
    if not 2 <= len(question.options) <= 6:
        return f"options: needs 2 to 6 options, got {len(question.options)}"
    if not 0 <= question.answer < len(question.options):
        return f"answer: {question.answer} is not an option index (0..{len(question.options) - 1})"
    if question.options_zh is not None and len(question.options_zh) != len(question.options):
        return f"options_zh: has {len(question.options_zh)} options, options has {len(question.options)}"
    return None


def score_answers(questions: Sequence[QuizQuestion], answers: Sequence[int]) -> float:
    """Share of right answers, 0..1."""
    if not questions:
        return 1.0
    right = sum(1 for q, a in zip(questions, answers, strict=False) if q.answer == a)
    return right / len(questions)


# --------------------------------------------------------------------------------------------------- views


@dataclass(frozen=True)
class Delivery:
    """A claimed outbox entry: everything a door needs to send it, plus the token that confirms it."""

    briefing_id: int
    rep_id: str
    chat_id: int
    token: str
    title: str
    body: str
    author_name: str
    due_date: date | None
    language: str
    document_path: str | None
    quiz: tuple[QuizQuestion, ...]


@dataclass(frozen=True)
class ReminderDue:
    reminder_id: int
    briefing_id: int
    rep_id: str
    chat_id: int
    token: str
    title: str
    due_date: date | None
    days_before: int
    language: str = "en"  # the briefing's: a reminder reads like the briefing it reminds of


class RecipientStatus(BaseModel):
    rep_id: str
    delivered: bool
    acknowledged: bool
    acknowledged_at: str | None


class BriefingStatus(BaseModel):
    """The `brief status --json` contract, exactly these keys."""

    id: int
    title: str
    recipients: list[RecipientStatus]


@dataclass(frozen=True)
class BriefingSummary:
    """One line of `/briefs`: acknowledged/recipients and who is missing."""

    id: int
    title: str
    due_date: date | None
    created_at: datetime
    recipients: int
    delivered: int
    acknowledged: int
    missing: tuple[RepInfo, ...]


def iso(moment: datetime | None) -> str | None:
    """UTC timestamp in ISO 8601 with offset, or None."""
    return None if moment is None else moment.replace(tzinfo=UTC).isoformat(timespec="seconds")


# --------------------------------------------------------------------------------------------------- create


def resolve_recipients(session: Session, author: RepInfo, to: str | Sequence[str]) -> list[RepInfo]:
    """Who receives the briefing: "team" (direct reports; the whole subtree for a director) or named reps.

    Raises BriefingPermissionError when the author may not push or names someone outside their reports.
    """
    if author.role not in PUSHING_ROLES:
        raise BriefingPermissionError(
            f"{author.rep_id} is a {author.role}: only managers and directors may push briefings"
        )
    allowed = reports_of(session, author.rep_id, recursive=author.role == "director")
    if isinstance(to, str):
        to = ["team"] if to.strip().lower() == "team" else [p for p in re.split(r"[,\s]+", to) if p]
    wanted = [t.strip() for t in to if t.strip()]
    if not wanted or [w.lower() for w in wanted] == ["team"]:
        if not allowed:
            raise BriefingInputError(f"{author.rep_id} has no reports to brief")
        return allowed
    by_id = {r.rep_id: r for r in allowed}
    chosen: list[RepInfo] = []
    for rep_id in dict.fromkeys(wanted):
        if rep_id in by_id:
            chosen.append(by_id[rep_id])
            continue
        if get_rep(session, rep_id) is None:
            raise UnknownRepError(rep_id)
        raise BriefingPermissionError(f"{rep_id} does not report to {author.rep_id}: cannot brief them")
    return chosen


def reminder_times(due: date, days_before: Sequence[int], hour: int) -> list[tuple[int, datetime]]:
    """(days_before, when) for each configured reminder, latest first removed of duplicates."""
    out = {d: datetime.combine(due - timedelta(days=d), time(hour=hour)) for d in sorted(set(days_before))}
    return sorted(out.items(), key=lambda item: item[1])


def insert_briefing(
    session: Session,
    *,
    author: RepInfo,
    title: str,
    body: str,
    recipients: Sequence[RepInfo],
    due: date | None,
    now: datetime,
    reminder_days: Sequence[int] = DEFAULT_REMINDER_DAYS,
    reminder_hour: int = DEFAULT_REMINDER_HOUR,
    document_path: str | None = None,
    quiz: Sequence[QuizQuestion] = (),
) -> Briefing:
    """Add the briefing, its outbox rows and its reminder schedule to the session (flushed, not committed)."""
    title = " ".join(title.split())
    if not title:
        raise BriefingInputError("the briefing needs a title")
    if len(title) > MAX_TITLE_CHARS:
        raise BriefingInputError(f"title is {len(title)} characters; keep it under {MAX_TITLE_CHARS}")
    if not body.strip():
        raise BriefingInputError("the briefing text is empty")
    if due is not None and due < now.date():
        raise BriefingInputError(f"due date {due.isoformat()} is in the past")
    if not recipients:
        raise BriefingInputError("the briefing has no recipients")
    for n, question in enumerate(quiz):
        problem = check_question(question)
        if problem:
            raise BriefingInputError(f"quiz[{n}].{problem}")
    briefing = Briefing(
        title=title,
        body=body.strip(),
        author_id=author.rep_id,
        created_at=now,
        due_date=due,
        language=detect_language(title + "\n" + body),
        document_path=document_path,
        quiz_json=json.dumps([q.model_dump() for q in quiz], ensure_ascii=False) if quiz else None,
    )
    session.add(briefing)
    session.flush()
    schedule = reminder_times(due, reminder_days, reminder_hour) if due else []
    for rep in recipients:
        session.add(BriefingRecipient(briefing_id=briefing.id, rep_id=rep.rep_id, state=PENDING, attempts=0))
        for days, when in schedule:
            if when > now:
                session.add(
                    BriefingReminder(
                        briefing_id=briefing.id,
                        rep_id=rep.rep_id,
                        days_before=days,
                        remind_at=when,
                        state=PENDING,
                    )
                )
    session.flush()
    return briefing


def briefing_audience(session: Session, author: RepInfo, recipients: Sequence[RepInfo]) -> list[str]:
    """Who may read a briefing: its recipients, its sender and the sender's management chain, by person."""
    people = [
        *(r.rep_id for r in recipients),
        author.rep_id,
        *(m.rep_id for m in management_chain(session, author.rep_id)),
    ]
    return [person(rep_id) for rep_id in dict.fromkeys(people)]


def briefing_markdown(briefing: Briefing, author: RepInfo, audience: Sequence[str] = ()) -> str:
    """The knowledge-base copy: front matter marks it doc_type briefing so answers cite it as such, and names
    the people who may read it (without `audience` it would be public to every rep and to anonymous askers)."""
    front: dict[str, object] = {
        "title": briefing.title,
        "doc_type": "briefing",
        "language": briefing.language,
        "version": f"briefing-{briefing.id}",
        "effective_date": briefing.created_at.date().isoformat(),
    }
    if audience:
        front["audience"] = list(audience)
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()), "---", ""]
    lines.append(f"# {briefing.title}")
    lines.append("")
    due = f" Due {briefing.due_date.isoformat()}." if briefing.due_date else ""
    lines.append(f"Briefing from {author.name} ({author.role}), {briefing.created_at.date().isoformat()}.{due}")
    lines.append("")
    lines.append(briefing.body)
    lines.append("")
    return "\n".join(lines)


Ingestor = Callable[[Path], int]


class BriefingDesk:
    """Creates briefings (SQL rows + knowledge-base copy, all or nothing) and answers status questions.

    `ingest` indexes one file and returns its chunk count; the edge passes
    `lambda p: ingest.pipeline.ingest_file(p, services.index)`, tests pass a fake.
    """

    def __init__(
        self,
        store: Store,
        home: Path,
        *,
        ingest: Ingestor | None = None,
        clock: Clock = utcnow,
        reminder_days: Sequence[int] = DEFAULT_REMINDER_DAYS,
        reminder_hour: int = DEFAULT_REMINDER_HOUR,
    ) -> None:
        self.store = store
        self.folder = home / "briefings"
        self.ingest = ingest
        self.clock = clock
        self.reminder_days = tuple(reminder_days)
        self.reminder_hour = reminder_hour

    def create(
        self,
        *,
        author_id: str,
        title: str,
        body: str,
        to: str | Sequence[str] = "team",
        due: date | None = None,
        document_path: Path | None = None,
        quiz: Sequence[QuizQuestion] = (),
    ) -> int:
        """Create, write the Markdown copy and ingest it, in one transaction; returns the briefing id."""
        now = self.clock()
        written: Path | None = None
        try:
            with self.store.transaction() as session:
                author = get_rep(session, author_id)
                if author is None:
                    raise UnknownRepError(author_id)
                recipients = resolve_recipients(session, author, to)
                briefing = insert_briefing(
                    session,
                    author=author,
                    title=title,
                    body=body,
                    recipients=recipients,
                    due=due,
                    now=now,
                    reminder_days=self.reminder_days,
                    reminder_hour=self.reminder_hour,
                    document_path=str(document_path.resolve()) if document_path else None,
                    quiz=quiz,
                )
                self.folder.mkdir(parents=True, exist_ok=True)
                written = self.folder / f"{briefing.id}.md"
                audience = briefing_audience(session, author, recipients)
                written.write_text(briefing_markdown(briefing, author, audience), encoding="utf-8")
                briefing.kb_path = str(written.resolve())
                if self.ingest is not None:
                    self.ingest(written)
                return briefing.id
        except BaseException:
            # The SQL rows rolled back; do not leave a knowledge-base file that no briefing owns.
            if written is not None:
                written.unlink(missing_ok=True)
            raise

    def status(self, briefing_id: int) -> BriefingStatus:
        with self.store.session() as session:
            return briefing_status(session, briefing_id)

    def reindex(self) -> int:
        """Rewrite every briefing's knowledge-base copy with its audience and re-ingest the ones that changed;
        returns how many changed. Copies written before briefings had an audience were public: this closes that.
        Idempotent (ingest skips unchanged files by content hash)."""
        changed = 0
        with self.store.session() as session:
            for briefing in session.scalars(select(Briefing).order_by(Briefing.id)):
                author = get_rep(session, briefing.author_id)
                if author is None or not briefing.kb_path:
                    continue
                recipients = [
                    rep
                    for rid in session.scalars(
                        select(BriefingRecipient.rep_id).where(BriefingRecipient.briefing_id == briefing.id)
                    )
                    if (rep := get_rep(session, rid)) is not None
                ]
                path = Path(briefing.kb_path)
                text = briefing_markdown(briefing, author, briefing_audience(session, author, recipients))
                if path.is_file() and path.read_text(encoding="utf-8") == text:
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                if self.ingest is not None:
                    self.ingest(path)
                changed += 1
        return changed


def error_path(parts: Sequence[int | str]) -> str:
    """A pydantic error location as the data file spells it: `modules.intro.quiz[0].options`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_quiz(raw: object, where: str) -> list[QuizQuestion]:
    """Quiz questions from parsed YAML/JSON (a list), with one-line errors naming `where` and the index."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise BriefingInputError(f"{where}: quiz must be a list of questions")
    out: list[QuizQuestion] = []
    for n, item in enumerate(raw):
        if not isinstance(item, dict):
            raise BriefingInputError(f"{where}: quiz[{n}]: must be a mapping with question, options, answer")
        try:
            question = QuizQuestion.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            raise BriefingInputError(f"{where}: quiz[{n}].{error_path(err['loc'])}: {err['msg']}") from None
        problem = check_question(question)
        if problem:
            raise BriefingInputError(f"{where}: quiz[{n}].{problem}")
        out.append(question)
    return out


# --------------------------------------------------------------------------------------------------- status


def get_briefing(session: Session, briefing_id: int) -> Briefing:
    briefing = session.get(Briefing, briefing_id)
    if briefing is None:
        raise BriefingInputError(f"no briefing with id {briefing_id}")
    return briefing


def briefing_quiz(briefing: Briefing) -> tuple[QuizQuestion, ...]:
    if not briefing.quiz_json:
        return ()
    return tuple(QuizQuestion.model_validate(q) for q in json.loads(briefing.quiz_json))


def briefing_status(session: Session, briefing_id: int) -> BriefingStatus:
    briefing = get_briefing(session, briefing_id)
    rows = session.scalars(
        select(BriefingRecipient).where(BriefingRecipient.briefing_id == briefing_id).order_by(BriefingRecipient.rep_id)
    ).all()
    return BriefingStatus(
        id=briefing.id,
        title=briefing.title,
        recipients=[
            RecipientStatus(
                rep_id=r.rep_id,
                delivered=r.state == DELIVERED,
                acknowledged=r.acknowledged_at is not None,
                acknowledged_at=iso(r.acknowledged_at),
            )
            for r in rows
        ],
    )


def can_see_briefing(session: Session, viewer: RepInfo, briefing: Briefing) -> bool:
    """The author, and anyone above the author in the roster, may see a briefing's status."""
    if viewer.rep_id == briefing.author_id:
        return True
    return any(r.rep_id == briefing.author_id for r in reports_of(session, viewer.rep_id, recursive=True))


def summaries_for(session: Session, viewer: RepInfo, *, limit: int = 20) -> list[BriefingSummary]:
    """The briefings a manager pushed (a director also sees their managers'), newest first."""
    authors = [viewer.rep_id, *(r.rep_id for r in reports_of(session, viewer.rep_id, recursive=True))]
    briefings = session.scalars(
        select(Briefing).where(Briefing.author_id.in_(authors)).order_by(Briefing.id.desc()).limit(limit)
    ).all()
    out: list[BriefingSummary] = []
    for briefing in briefings:
        rows = session.execute(
            select(BriefingRecipient, Rep)
            .join(Rep, Rep.rep_id == BriefingRecipient.rep_id, isouter=True)
            .where(BriefingRecipient.briefing_id == briefing.id)
            .order_by(BriefingRecipient.rep_id)
        ).all()
        missing = tuple(
            rep.info() if rep is not None else RepInfo(rep_id=rec.rep_id, name=rec.rep_id, role="?")
            for rec, rep in rows
            if rec.acknowledged_at is None
        )
        out.append(
            BriefingSummary(
                id=briefing.id,
                title=briefing.title,
                due_date=briefing.due_date,
                created_at=briefing.created_at,
                recipients=len(rows),
                delivered=sum(1 for rec, _ in rows if rec.state == DELIVERED),
                acknowledged=sum(1 for rec, _ in rows if rec.acknowledged_at is not None),
                missing=missing,
            )
        )
    return out


@dataclass(frozen=True)
class ReceivedBriefing:
    """A briefing as its recipient sees it (the console's `/briefs`): what it says and whether it is acknowledged."""

    id: int
    title: str
    body: str
    author_name: str
    due_date: date | None
    acknowledged_at: datetime | None
    quiz_questions: int = 0
    quiz_score: float | None = None  # set once every question is answered


def received_by(session: Session, rep_id: str, *, limit: int = 20) -> list[ReceivedBriefing]:
    """The briefings sent to `rep_id`, newest first: a door that does not push them lists them here."""
    rows = session.execute(
        select(Briefing, BriefingRecipient, Rep.name)
        .join(BriefingRecipient, BriefingRecipient.briefing_id == Briefing.id)
        .join(Rep, Rep.rep_id == Briefing.author_id, isouter=True)
        .where(BriefingRecipient.rep_id == rep_id)
        .order_by(Briefing.id.desc())
        .limit(limit)
    ).all()
    return [
        ReceivedBriefing(b.id, b.title, b.body, name or b.author_id, b.due_date, row.acknowledged_at,
                         len(briefing_quiz(b)), row.quiz_score)
        for b, row, name in rows
    ]  # fmt: skip


# --------------------------------------------------------------------------------------------------- outbox


def _chat_column() -> Any:
    """Where a rep is reached: their redeemed invite link, else the roster's Telegram id (as workflows.identity)."""
    return func.coalesce(TelegramLink.telegram_user_id, Rep.telegram_user_id)


def _claimable(now: datetime, lease: timedelta) -> object:
    return or_(
        BriefingRecipient.state == PENDING,
        and_(BriefingRecipient.state == SENDING, BriefingRecipient.claimed_at < now - lease),
    )


def claim_deliveries(store: Store, *, now: datetime, limit: int, lease: timedelta = DEFAULT_LEASE) -> list[Delivery]:
    """Claim up to `limit` unsent entries whose rep is reachable in Telegram; the claims commit before return.

    Each claim is a conditional UPDATE, so two bot workers sweeping the same store never claim the same row.
    Stale claims (older than `lease`, never confirmed) are claimable again: that is the resend after a kill.
    """
    token = uuid.uuid4().hex
    claimed: list[Delivery] = []
    with store.transaction() as session:
        chat = _chat_column()
        rows = session.execute(
            select(BriefingRecipient.briefing_id, BriefingRecipient.rep_id, chat)
            .join(Rep, Rep.rep_id == BriefingRecipient.rep_id)
            .join(TelegramLink, TelegramLink.rep_id == BriefingRecipient.rep_id, isouter=True)
            .where(_claimable(now, lease), chat.is_not(None))  # type: ignore[arg-type]
            .order_by(BriefingRecipient.briefing_id, BriefingRecipient.rep_id)
            .limit(limit)
        ).all()
        cache: dict[int, tuple[Briefing, str]] = {}
        for briefing_id, rep_id, chat_id in rows:
            result = session.execute(
                update(BriefingRecipient)
                .where(
                    BriefingRecipient.briefing_id == briefing_id,
                    BriefingRecipient.rep_id == rep_id,
                    _claimable(now, lease),  # type: ignore[arg-type]
                )
                .values(
                    state=SENDING,
                    claim_token=token,
                    claimed_at=now,
                    attempts=BriefingRecipient.attempts + 1,
                )
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                continue
            if briefing_id not in cache:
                briefing = get_briefing(session, briefing_id)
                author = get_rep(session, briefing.author_id)
                cache[briefing_id] = (briefing, author.name if author else briefing.author_id)
            briefing, author_name = cache[briefing_id]
            claimed.append(
                Delivery(
                    briefing_id=briefing_id,
                    rep_id=rep_id,
                    chat_id=int(chat_id),
                    token=token,
                    title=briefing.title,
                    body=briefing.body,
                    author_name=author_name,
                    due_date=briefing.due_date,
                    language=briefing.language,
                    document_path=briefing.document_path,
                    quiz=briefing_quiz(briefing),
                )
            )
    return claimed


def confirm_delivery(store: Store, delivery: Delivery, *, message_id: int | None, now: datetime) -> bool:
    """Mark a claimed entry delivered; False when the claim is no longer ours (another worker took it)."""
    with store.transaction() as session:
        result = session.execute(
            update(BriefingRecipient)
            .where(
                BriefingRecipient.briefing_id == delivery.briefing_id,
                BriefingRecipient.rep_id == delivery.rep_id,
                BriefingRecipient.claim_token == delivery.token,
                BriefingRecipient.state == SENDING,
            )
            .values(state=DELIVERED, delivered_at=now, message_id=message_id, last_error=None)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


def release_delivery(store: Store, delivery: Delivery, *, error: str, permanent: bool = False) -> None:
    """Give a claim back after a failed send: pending to retry; failed when permanent or tried too often."""
    with store.transaction() as session:
        row = session.get(BriefingRecipient, (delivery.briefing_id, delivery.rep_id))
        if row is None or row.claim_token != delivery.token or row.state != SENDING:
            return
        row.state = FAILED if permanent or row.attempts >= MAX_ATTEMPTS else PENDING
        row.last_error = error[:500]
        row.claim_token = None


def acknowledge(store: Store, briefing_id: int, rep_id: str, *, now: datetime) -> bool | None:
    """Record an acknowledgement: True the first time, False if already done, None if not a recipient.

    An acknowledgement proves the message arrived, so a still-unconfirmed claim becomes delivered (no resend).
    """
    with store.transaction() as session:
        row = session.get(BriefingRecipient, (briefing_id, rep_id))
        if row is None:
            return None
        if row.acknowledged_at is not None:
            return False
        row.acknowledged_at = now
        if row.state != DELIVERED:
            row.state = DELIVERED
            row.delivered_at = row.delivered_at or now
        return True


def quiz_answers(store: Store, briefing_id: int, rep_id: str) -> list[int] | None:
    """The quiz answers a recipient has given so far, or None if they are not a recipient."""
    with store.session() as session:
        row = session.get(BriefingRecipient, (briefing_id, rep_id))
        if row is None:
            return None
        answers: list[int] = json.loads(row.quiz_answers) if row.quiz_answers else []
        return answers


def record_quiz_answer(
    store: Store, briefing_id: int, rep_id: str, question: int, option: int
) -> tuple[list[int], float | None] | None:
    """Store one quiz answer; returns (answers so far, score once complete), or None if not a recipient."""
    with store.transaction() as session:
        row = session.get(BriefingRecipient, (briefing_id, rep_id))
        briefing = session.get(Briefing, briefing_id)
        if row is None or briefing is None:
            return None
        quiz = briefing_quiz(briefing)
        answers: list[int] = json.loads(row.quiz_answers) if row.quiz_answers else []
        if question == len(answers) and question < len(quiz):
            answers.append(option)
            row.quiz_answers = json.dumps(answers)
        if len(answers) == len(quiz) and quiz:
            row.quiz_score = score_answers(quiz, answers)
        return answers, row.quiz_score


# ----------------------------------------------------------------------------------------------- reminders


def claim_reminders(store: Store, *, now: datetime, limit: int, lease: timedelta = DEFAULT_LEASE) -> list[ReminderDue]:
    """Claim due reminders for recipients who still have not acknowledged; settle the rest as skipped.

    Skipped: already acknowledged; not delivered yet or delivered after the reminder fell due (the delivery
    itself is the fresh notice); an older reminder when a later one is also due (the bot was down).
    """
    token = uuid.uuid4().hex
    due: list[ReminderDue] = []
    with store.transaction() as session:
        rows = session.execute(
            select(BriefingReminder, BriefingRecipient, _chat_column())
            .join(
                BriefingRecipient,
                and_(
                    BriefingRecipient.briefing_id == BriefingReminder.briefing_id,
                    BriefingRecipient.rep_id == BriefingReminder.rep_id,
                ),
            )
            .join(Rep, Rep.rep_id == BriefingReminder.rep_id, isouter=True)
            .join(TelegramLink, TelegramLink.rep_id == BriefingReminder.rep_id, isouter=True)
            .where(
                BriefingReminder.remind_at <= now,
                or_(
                    BriefingReminder.state == PENDING,
                    and_(BriefingReminder.state == SENDING, BriefingReminder.claimed_at < now - lease),
                ),
            )
            .order_by(BriefingReminder.remind_at.desc())
            .limit(limit)
        ).all()
        seen: set[tuple[int, str]] = set()
        for reminder, recipient, chat_id in rows:
            key = (reminder.briefing_id, reminder.rep_id)
            stale_delivery = recipient.delivered_at is None or recipient.delivered_at >= reminder.remind_at
            if (
                recipient.acknowledged_at is not None
                or recipient.state != DELIVERED
                or stale_delivery
                or chat_id is None
                or key in seen
            ):
                reminder.state = SKIPPED
                continue
            seen.add(key)
            reminder.state = SENDING
            reminder.claim_token = token
            reminder.claimed_at = now
            briefing = get_briefing(session, reminder.briefing_id)
            due.append(
                ReminderDue(
                    reminder_id=reminder.id,
                    briefing_id=reminder.briefing_id,
                    rep_id=reminder.rep_id,
                    chat_id=int(chat_id),
                    token=token,
                    title=briefing.title,
                    due_date=briefing.due_date,
                    days_before=reminder.days_before,
                    language=briefing.language,
                )
            )
    return due


def confirm_reminder(store: Store, reminder: ReminderDue, *, now: datetime) -> bool:
    with store.transaction() as session:
        result = session.execute(
            update(BriefingReminder)
            .where(BriefingReminder.id == reminder.reminder_id, BriefingReminder.claim_token == reminder.token)
            .values(state=SENT, sent_at=now)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


def release_reminder(store: Store, reminder: ReminderDue, *, permanent: bool = False) -> None:
    with store.transaction() as session:
        session.execute(
            update(BriefingReminder)
            .where(BriefingReminder.id == reminder.reminder_id, BriefingReminder.claim_token == reminder.token)
            .values(state=SKIPPED if permanent else PENDING, claim_token=None)
        )


def next_reminder_at(store: Store) -> datetime | None:
    """When the earliest pending reminder falls due: the bot schedules a job for it at start-up."""
    with store.session() as session:
        return session.scalar(
            select(BriefingReminder.remind_at)
            .where(BriefingReminder.state == PENDING)
            .order_by(BriefingReminder.remind_at)
            .limit(1)
        )


def briefing_desk(services: Services, *, clock: Clock = utcnow) -> BriefingDesk:
    """The desk wired to the services: SQL store, home folder, knowledge ingest and reminder settings."""
    from ingest.pipeline import ingest_file

    settings = services.settings
    return BriefingDesk(
        services.store,
        settings.home,
        ingest=lambda path: ingest_file(path, services.index),
        clock=clock,
        reminder_days=settings.briefing_reminder_days,
        reminder_hour=settings.briefing_reminder_hour,
    )


TEXT_SUFFIXES = (".md", ".markdown", ".txt")


def read_briefing_file(path: Path, rules: IngestRules | None = None) -> tuple[str, bool]:
    """The briefing text from a file, and whether the original should go out as an attached document.

    Markdown and plain text are the message itself (front matter dropped); PDF, Word and HTML are parsed for
    the knowledge base and the summary, and the original file is attached. IngestError names the file.
    """
    from ingest.frontmatter import split_front_matter
    from ingest.loaders import decode_text, parse_file
    from ingest.models import IngestRules
    from ingest.sources import read_limited

    rules = rules or IngestRules()  # the same size limit and parser safety as any ingested file
    if path.suffix.lower() in TEXT_SUFFIXES:
        data = read_limited(path, rules.max_bytes)
        _front, body, _lines = split_front_matter(decode_text(path, data), path, roles=rules.roles)
        return body.strip(), False
    document = parse_file(path, rules)
    parts = []
    for section in document.sections:
        heading = " > ".join(section.heading_path[1:])
        parts.append(f"## {heading}\n\n{section.text}" if heading else section.text)
    return "\n\n".join(parts).strip(), True


def summary_of(body: str, limit: int = 700) -> str:
    """The opening of a long briefing, cut at a paragraph or sentence end, for a caption or preview."""
    if len(body) <= limit:
        return body
    paragraph = body.rfind("\n\n", 0, limit)
    sentence = max(body.rfind(". ", 0, limit - 1), body.rfind("。", 0, limit - 1)) + 1
    # The later of the two breaks, unless it would leave almost nothing; then any paragraph break at all.
    cut = max(paragraph, sentence)
    if cut < limit // 4:
        cut = paragraph if paragraph > 0 else limit
    return body[:cut].rstrip() + " …"
