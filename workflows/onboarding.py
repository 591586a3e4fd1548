"""Onboarding paths for new hires: the data file, progress in SQL, quiz grading and unlocking, manager views.

A path is chosen by the rep's role and sales model (roster `channel`); its modules point at knowledge-base
sections ("sales-duty-manual.md#Collections > Overdue Escalation") and carry a short quiz. A module unlocks
the next when its quiz reaches the pass mark; a failed attempt is stored and the rep retries. Door-neutral:
the bot renders what these functions return.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from core import catalogue
from core.audience import ReaderLike, as_reader
from core.catalogue import language_of
from core.messages import RepInfo
from core.roster import Rep, all_reps, reports_of
from core.store import Base, Store
from core.yamlfile import yaml_problem
from samples import sample_file
from workflows.briefings import QuizQuestion, check_question, error_path, score_answers, utcnow

BUNDLED_PLAN = sample_file("onboarding.yaml")  # package data of `samples`, so an installed wheel has it


# --------------------------------------------------------------------------------------------------- tables


class OnboardingProgress(Base):
    """Where a rep stands on their path; `answers` holds the attempt in progress, so restarts lose nothing."""

    __tablename__ = "onboarding_progress"

    rep_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    path_id: Mapped[str] = mapped_column(String(64))
    module_index: Mapped[int] = mapped_column(Integer, default=0)
    answers: Mapped[str] = mapped_column(Text, default="[]")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_nudged_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class OnboardingAttempt(Base):
    """Every graded quiz attempt, passed or failed: the manager's view of scores and retries."""

    __tablename__ = "onboarding_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rep_id: Mapped[str] = mapped_column(String(64), index=True)
    path_id: Mapped[str] = mapped_column(String(64))
    module_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    answers: Mapped[str] = mapped_column(Text)
    finished_at: Mapped[datetime] = mapped_column(DateTime)


# ----------------------------------------------------------------------------------------------- data file


class OnboardingDataError(ValueError):
    """The onboarding data file is unusable; str() is one line naming the file and the key."""


class SectionRef(BaseModel):
    """One reading: a KB file name and a heading path below the document title, per language."""

    model_config = ConfigDict(extra="forbid")

    en: str
    zh: str | None = None

    @field_validator("en", "zh")
    @classmethod
    def _has_anchor(cls, value: str | None) -> str | None:
        if value is not None:
            source, sep, section = value.partition("#")
            if not sep or not source.strip() or not section.strip():
                raise ValueError(f"{value!r} must look like 'file.md#Heading > Subheading'")
        return value

    def pick(self, language: str) -> tuple[str, str]:
        """(file name, heading path) in the language asked for, English when there is no twin."""
        chosen = self.zh if language == "zh" and self.zh else self.en
        source, _, section = chosen.partition("#")
        return source.strip(), " > ".join(part.strip() for part in section.split(">"))


class ModuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    title_zh: str | None = None
    read: list[SectionRef] = Field(min_length=1)
    quiz: list[QuizQuestion] = Field(min_length=1, max_length=6)
    pass_mark: float | None = Field(default=None, gt=0, le=1)

    def heading(self, language: str) -> str:
        return self.title_zh if language == "zh" and self.title_zh else self.title


class PathSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: str
    channel: str
    title: str
    title_zh: str | None = None
    modules: list[str] = Field(min_length=1)


class PlanFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pass_mark: float = Field(default=0.75, gt=0, le=1)
    modules: dict[str, ModuleSpec]
    paths: dict[str, PathSpec]


@dataclass(frozen=True)
class Module:
    id: str
    spec: ModuleSpec
    pass_mark: float


@dataclass(frozen=True)
class OnboardingPath:
    id: str
    spec: PathSpec
    modules: tuple[Module, ...]


@dataclass(frozen=True)
class OnboardingPlan:
    """The validated data file: paths by id, looked up by (role, channel)."""

    paths: dict[str, OnboardingPath]
    source: str

    def path_for(self, rep: RepInfo) -> OnboardingPath | None:
        for path in self.paths.values():
            if path.spec.role == rep.role and path.spec.channel == (rep.channel or ""):
                return path
        return None


def parse_plan(raw: Any, source: str) -> OnboardingPlan:
    """Validate parsed YAML into a plan; OnboardingDataError names `source` and the offending key."""
    if not isinstance(raw, dict):
        raise OnboardingDataError(f"{source}: expected a mapping with 'modules' and 'paths'")
    try:
        data = PlanFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise OnboardingDataError(f"{source}: {error_path(err['loc'])}: {err['msg']}") from None
    modules: dict[str, Module] = {}
    for module_id, spec in data.modules.items():
        if not module_id.replace("-", "").replace("_", "").isalnum() or len(module_id) > 24:
            raise OnboardingDataError(
                f"{source}: modules.{module_id}: ids are letters, digits, '-' or '_', at most 24 characters"
            )
        for n, question in enumerate(spec.quiz):
            problem = check_question(question)
            if problem:
                raise OnboardingDataError(f"{source}: modules.{module_id}.quiz[{n}].{problem}")
        modules[module_id] = Module(module_id, spec, spec.pass_mark or data.pass_mark)
    paths: dict[str, OnboardingPath] = {}
    seen: dict[tuple[str, str], str] = {}
    for path_id, path_spec in data.paths.items():
        key = (path_spec.role, path_spec.channel)
        if key in seen:
            raise OnboardingDataError(
                f"{source}: paths.{path_id}: role {key[0]!r} with channel {key[1]!r} is already {seen[key]}"
            )
        seen[key] = path_id
        chosen: list[Module] = []
        for n, module_id in enumerate(path_spec.modules):
            if module_id not in modules:
                raise OnboardingDataError(f"{source}: paths.{path_id}.modules[{n}]: unknown module {module_id!r}")
            if module_id in {m.id for m in chosen}:
                raise OnboardingDataError(f"{source}: paths.{path_id}.modules[{n}]: {module_id!r} is listed twice")
            chosen.append(modules[module_id])
        paths[path_id] = OnboardingPath(path_id, path_spec, tuple(chosen))
    return OnboardingPlan(paths, source)


def load_plan(path: Path) -> OnboardingPlan:
    """Read and validate an onboarding YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OnboardingDataError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise OnboardingDataError(yaml_problem(str(path), exc)) from None
    return parse_plan(raw, str(path))


def load_configured_plan(home: Path, configured: Path | None = None) -> OnboardingPlan:
    """The plan the settings point at (see `plan_location`)."""
    return load_plan(plan_location(home, configured))


def plan_location(home: Path, configured: Path | None = None) -> Path:
    """The data file in use: the configured one, else home/onboarding.yaml if present, else the sample."""
    if configured is not None:
        return configured
    local = home / "onboarding.yaml"
    return local if local.exists() else BUNDLED_PLAN


# --------------------------------------------------------------------------------------------------- service


@dataclass(frozen=True)
class ModuleState:
    """What `/onboard` shows: the current module, how far along the path, the attempt in progress."""

    path: OnboardingPath
    module: Module | None  # None once the path is complete
    index: int
    answered: tuple[int, ...]
    attempts: int
    last_score: float | None

    @property
    def total(self) -> int:
        return len(self.path.modules)

    @property
    def completed(self) -> bool:
        return self.module is None


@dataclass(frozen=True)
class AnswerResult:
    """The outcome of one tapped answer: "recorded" (more questions), "passed", "failed", or "stale"."""

    kind: str
    state: ModuleState
    score: float | None = None
    correct: bool | None = None


@dataclass(frozen=True)
class ProgressRow:
    rep_id: str
    name: str
    manager_id: str | None
    path_id: str
    completed_modules: int
    total_modules: int
    current_module: str | None
    attempts: int
    failed_attempts: int
    last_score: float | None
    started_at: datetime | None
    completed_at: datetime | None

    def to_json(self) -> dict[str, object]:
        return {
            "rep_id": self.rep_id,
            "name": self.name,
            "manager_id": self.manager_id,
            "path": self.path_id,
            "completed_modules": self.completed_modules,
            "total_modules": self.total_modules,
            "current_module": self.current_module,
            "attempts": self.attempts,
            "failed_attempts": self.failed_attempts,
            "last_score": self.last_score,
            "started_at": _iso(self.started_at),
            "completed_at": _iso(self.completed_at),
        }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds") + "+00:00"


class OnboardingDesk:
    """Progress, grading and unlocking over the SQL store; one per process, stateless between calls."""

    def __init__(self, store: Store, plan: OnboardingPlan, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.plan = plan
        self.clock = clock

    def current(self, rep: RepInfo) -> ModuleState | None:
        """The rep's module today (starting their path on first call); None when no path fits their role."""
        path = self.plan.path_for(rep)
        if path is None:
            return None
        with self.store.transaction() as session:
            progress = session.get(OnboardingProgress, rep.rep_id)
            if progress is None or progress.path_id != path.id:
                # First visit, or the rep moved to another path (new role or sales model): start it fresh.
                if progress is not None:
                    session.delete(progress)
                    session.flush()
                progress = OnboardingProgress(
                    rep_id=rep.rep_id, path_id=path.id, module_index=0, answers="[]", started_at=self.clock()
                )
                session.add(progress)
                session.flush()
            return self._state(session, path, progress)

    def answer(self, rep: RepInfo, module_id: str, question: int, option: int) -> AnswerResult:
        """Record a tapped answer; grade when the last question is answered (pass unlocks, fail restarts)."""
        state = self.current(rep)
        if state is None:
            raise OnboardingDataError(f"no onboarding path for role {rep.role!r} and channel {rep.channel!r}")
        module = state.module
        if module is None or module.id != module_id or question != len(state.answered):
            return AnswerResult("stale", state)
        quiz = module.spec.quiz
        if not 0 <= option < len(quiz[question].options):
            return AnswerResult("stale", state)
        correct = quiz[question].answer == option
        answers = [*state.answered, option]
        now = self.clock()
        with self.store.transaction() as session:
            progress = session.get(OnboardingProgress, rep.rep_id)
            assert progress is not None  # created by current()
            if len(answers) < len(quiz):
                progress.answers = json.dumps(answers)
                return AnswerResult("recorded", self._state(session, state.path, progress), correct=correct)
            score = score_answers(quiz, answers)
            passed = score >= module.pass_mark - 1e-9
            session.add(
                OnboardingAttempt(
                    rep_id=rep.rep_id,
                    path_id=state.path.id,
                    module_id=module.id,
                    score=score,
                    passed=passed,
                    answers=json.dumps(answers),
                    finished_at=now,
                )
            )
            progress.answers = "[]"
            if passed:
                progress.module_index += 1
                if progress.module_index >= len(state.path.modules):
                    progress.completed_at = now
            session.flush()
            return AnswerResult(
                "passed" if passed else "failed",
                self._state(session, state.path, progress),
                score=score,
                correct=correct,
            )

    def _state(self, session: Any, path: OnboardingPath, progress: OnboardingProgress) -> ModuleState:
        index = min(progress.module_index, len(path.modules))
        module = path.modules[index] if index < len(path.modules) else None
        attempts: list[OnboardingAttempt] = []
        if module is not None:
            attempts = list(
                session.scalars(
                    select(OnboardingAttempt)
                    .where(OnboardingAttempt.rep_id == progress.rep_id, OnboardingAttempt.module_id == module.id)
                    .order_by(OnboardingAttempt.id)
                )
            )
        return ModuleState(
            path=path,
            module=module,
            index=index,
            answered=tuple(json.loads(progress.answers or "[]")),
            attempts=len(attempts),
            last_score=attempts[-1].score if attempts else None,
        )

    def status(self, manager_id: str | None = None) -> list[ProgressRow]:
        """Every rep with a path (a manager's reports only, recursively, when manager_id is given)."""
        with self.store.session() as session:
            reps = reports_of(session, manager_id, recursive=True) if manager_id else all_reps(session)
            rows: list[ProgressRow] = []
            for rep in reps:
                path = self.plan.path_for(rep)
                if path is None:
                    continue
                progress = session.get(OnboardingProgress, rep.rep_id)
                if progress is not None and progress.path_id != path.id:
                    progress = None
                attempts = list(
                    session.scalars(
                        select(OnboardingAttempt)
                        .where(OnboardingAttempt.rep_id == rep.rep_id, OnboardingAttempt.path_id == path.id)
                        .order_by(OnboardingAttempt.id)
                    )
                )
                done = min(progress.module_index, len(path.modules)) if progress else 0
                rows.append(
                    ProgressRow(
                        rep_id=rep.rep_id,
                        name=rep.name,
                        manager_id=rep.manager_id,
                        path_id=path.id,
                        completed_modules=done,
                        total_modules=len(path.modules),
                        current_module=path.modules[done].id if done < len(path.modules) else None,
                        attempts=len(attempts),
                        failed_attempts=sum(1 for a in attempts if not a.passed),
                        last_score=attempts[-1].score if attempts else None,
                        started_at=progress.started_at if progress else None,
                        completed_at=progress.completed_at if progress else None,
                    )
                )
            return rows

    def due_nudges(self, today: date) -> list[tuple[RepInfo, ModuleState]]:
        """Reps on an unfinished path not nudged today, with their module (`mark_nudged` once sent)."""
        out: list[tuple[RepInfo, ModuleState]] = []
        with self.store.session() as session:
            reps = [r.info() for r in session.scalars(select(Rep).order_by(Rep.rep_id))]
            done_or_nudged = {
                p.rep_id
                for p in session.scalars(select(OnboardingProgress))
                if p.completed_at is not None or p.last_nudged_on == today
            }
        for rep in reps:
            if rep.rep_id in done_or_nudged or self.plan.path_for(rep) is None:
                continue
            state = self.current(rep)
            if state is not None and not state.completed:
                out.append((rep, state))
        return out

    def mark_nudged(self, rep_id: str, today: date) -> None:
        """Remember today's nudge went out, so a restart the same day does not send it twice."""
        with self.store.transaction() as session:
            progress = session.get(OnboardingProgress, rep_id)
            if progress is not None:
                progress.last_nudged_on = today


# ------------------------------------------------------------------------------------------------ readings


@dataclass(frozen=True)
class Reading:
    """One cited section of a module, as stored in the knowledge index."""

    title: str
    section: str
    version: str | None
    language: str
    text: str


class SectionIndex(Protocol):
    """The parts of knowledge.index.KnowledgeIndex the readings lookup uses."""

    def documents(self) -> dict[str, str]: ...

    @property
    def collection(self) -> Any: ...

    def fetch(self, chunk_ids: Sequence[str]) -> dict[str, Any]: ...


def _section_matches(stored: str, wanted: str) -> bool:
    """Stored heading paths start with the document title; `wanted` is the path below it (or a prefix)."""
    parts = [p.strip() for p in stored.split(">")]
    want = [p.strip() for p in wanted.split(">")]
    return any(parts[i : i + len(want)] == want for i in range(len(parts) - len(want) + 1))


def visible_to(audience: str, who: ReaderLike) -> bool:
    """A chunk's `audience` (comma-joined entries, "" for everyone) admits the reader (a Reader or a bare role);
    None sees public ones only, as the retriever does."""
    return as_reader(who).admits(audience)


def lookup_section(index: SectionIndex, file_name: str, section: str, role: ReaderLike = None) -> list[Reading]:
    """The live chunks of `file_name` under `section` (and its subsections) that `role` may see, in document
    order."""
    sources = [s for s in index.documents() if Path(s).name == file_name]
    readings: list[tuple[int, Reading]] = []
    for source in sources:
        found = index.collection.get(where={"source": source}, include=[])
        for chunk in index.fetch(list(found["ids"])).values():
            meta = chunk.metadata
            if not visible_to(str(meta.get("audience") or ""), role):
                continue  # a module pointing at a managers-only section must not show it to a new hire
            if _section_matches(str(meta.get("section", "")), section):
                reading = Reading(
                    title=str(meta.get("title", file_name)),
                    section=str(meta.get("section", section)),
                    version=str(meta.get("version") or "") or None,
                    language=str(meta.get("language", "en")),
                    text=chunk.text,
                )
                readings.append((int(meta.get("ordinal", 0)), reading))
    return [r for _, r in sorted(readings, key=lambda item: item[0])]


def module_readings(index: SectionIndex, module: Module, language: str, role: ReaderLike = None) -> list[Reading]:
    """A module's readings that `role` may see, in the rep's language; English when the twin is not indexed."""
    out: list[Reading] = []
    for ref in module.spec.read:
        found = lookup_section(index, *ref.pick(language), role=role)
        if not found and language != "en":
            found = lookup_section(index, *ref.pick("en"), role=role)
        out.extend(found)
    return out


def onboarding_summary(store: Store, manager_id: str, plan: OnboardingPlan | None = None, language: str = "en") -> str:
    """Plain-text lines of a manager's new hires' progress, for `/team` to append ("zh": in Chinese)."""
    plan = plan or load_plan(BUNDLED_PLAN)
    rows = OnboardingDesk(store, plan).status(manager_id)
    lang = language_of(language)
    if not rows:
        return catalogue.text("onboarding.summary_none", lang)
    lines = [catalogue.text("onboarding.summary_head", lang)]
    for row in rows:
        lines.append(f"- {row.name} ({row.rep_id}): {progress_text(row, language)}")
    return "\n".join(lines)


def progress_text(row: ProgressRow, language: str = "en") -> str:
    """'3/7 modules, on demo-basics, 1 failed attempt, last score 67%' (or its Chinese) -- shared by the CLI and
    the bot; the words are the catalogue's `onboarding.progress_*`."""
    lang = language_of(language)
    total = row.total_modules
    if row.completed_at is not None:
        text = catalogue.text("onboarding.progress_completed", lang, total=total)
    elif row.started_at is None:
        text = catalogue.text("onboarding.progress_not_started", lang, total=total)
    else:
        module = row.current_module
        text = catalogue.text("onboarding.progress_on", lang, done=row.completed_modules, total=total, module=module)
    if row.failed_attempts == 1:
        text += catalogue.text("onboarding.progress_failed_one", lang)
    elif row.failed_attempts:
        text += catalogue.text("onboarding.progress_failed", lang, failed=row.failed_attempts)
    if row.last_score is not None:
        text += catalogue.text("onboarding.progress_score", lang, score=row.last_score)
    return text
