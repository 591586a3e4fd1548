"""The console chat's slash commands: what the Telegram bot's commands do, with the bot's permissions, in text.

Each command parses its arguments, calls the same door-neutral code the bot's handlers call (roster visibility,
the coach, the compliance checker, the onboarding desk, the briefing tables) and prints plain text; reports and
check results are printed by the CLI's own renderers of the same objects. Nothing here decides who may see what
on its own: `core.roster.can_view` and `reports_of` do, for both doors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.console import Console
from rich.markup import escape

from core.catalogue import PLAIN, Language, Markup, text
from core.messages import RepInfo
from core.roster import can_view, management_chain, reports_of
from workflows.briefings import (
    PUSHING_ROLES,
    BriefingError,
    acknowledge,
    briefing_quiz,
    get_briefing,
    quiz_answers,
    received_by,
    record_quiz_answer,
    summaries_for,
    summary_of,
    utcnow,
)
from workflows.onboarding import (
    OnboardingDataError,
    OnboardingDesk,
    load_configured_plan,
    module_readings,
    onboarding_summary,
)
from workflows.quizzes import QUIZ_LETTERS, QuizItem, quiz_question_line, quiz_verdict

if TYPE_CHECKING:
    from coaching.coach import RepReport, TeamReport
    from workflows.services import Services

Who = Literal["anyone", "rep", "manager"]

# The catalogue's emphasis drawn as rich console markup (the values put into a text are escaped for it).
RICH: Markup = {"b": "[bold]", "/b": "[/bold]", "i": "[italic]", "/i": "[/italic]", "mono": "", "/mono": ""}


@dataclass
class ChatContext:
    """Who is chatting and the services they reach; `read` asks the next line (the onboarding quiz uses it)."""

    services: Services
    asker: RepInfo | None
    console: Console
    read: Callable[[str], str]
    clock: Callable[[], datetime] = utcnow
    language: Language = "en"
    _desk: OnboardingDesk | None = field(default=None, repr=False)

    def say(self, line: str, style: str | None = None) -> None:
        """One plain-text line (never read as console markup)."""
        self.console.print(escape(line), style=style, highlight=False, soft_wrap=True)

    def words(self, key: str, **values: object) -> str:
        """The catalogue's text `key` in the chat's language, plain (for a line `say` prints or a value)."""
        return text(key, self.language, markup=PLAIN, **values)

    def tell(self, key: str, style: str | None = None, **values: object) -> None:
        """The catalogue's text `key` as one line, its emphasis drawn by the terminal, its values printed as
        typed (escaped, so a value is never read as console markup)."""
        escaped = {name: escape(str(value)) for name, value in values.items()}
        self.console.print(
            text(key, self.language, markup=RICH, **escaped), style=style, highlight=False, soft_wrap=True
        )

    def desk(self) -> OnboardingDesk:
        """The onboarding desk over the configured plan, as the bot builds it at start."""
        if self._desk is None:
            settings = self.services.settings
            self._desk = OnboardingDesk(
                self.services.store, load_configured_plan(settings.home, settings.onboarding_file), clock=self.clock
            )
        return self._desk

    def has_reports(self) -> bool:
        if self.asker is None:
            return False
        with self.services.store.session() as session:
            return bool(reports_of(session, self.asker.rep_id, recursive=False))


@dataclass(frozen=True)
class ConsoleCommand:
    """One slash command: who may use it and the function that runs it; its usage line and what it does are the
    catalogue's `console.usage.<name>` and `console.cmd.<name>`."""

    name: str
    who: Who
    run: Callable[[ChatContext, RepInfo | None, list[str], str], None]
    aliases: tuple[str, ...] = ()

    def allowed(self, ctx: ChatContext) -> bool:
        """Whether /help lists it for this user (the command itself refuses as the bot does)."""
        if self.who == "anyone":
            return True
        if ctx.asker is None:
            return False
        return self.who == "rep" or ctx.has_reports()


# ------------------------------------------------------------------------------------------------ commands
def check(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/check DRAFT: the compliance check the bot's /check and `salescoach check` run."""
    from cli.compliance import _print_human

    draft = rest.strip()
    if not draft:
        ctx.tell("console.check_usage", "yellow")
        return
    _print_human(ctx.services.checker.check(draft, with_sources=True), draft)


def _charts_folder(ctx: ChatContext) -> Path:
    return ctx.services.settings.home / "charts"


def _save_chart(ctx: ChatContext, name: str, png: Callable[[], bytes]) -> None:
    """Write a chart under the home's charts folder and print its path (a terminal shows no photos)."""
    path = _charts_folder(ctx) / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png())
    except OSError as exc:
        ctx.tell("console.chart_failed", "yellow", path=path, reason=exc.strerror)
        return
    ctx.tell("console.chart", "dim", path=path)


def _looks_like_rep_id(value: str) -> bool:
    """Letters first (S003, M001): a period starts with its year (2026-Q3)."""
    return value[:1].isalpha()


def coach(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/coach [REP_ID] [PERIOD]: your KPIs, or a report's; unknown ids and other teams' reps answered alike."""
    from cli.coaching import _print_rep, _rep_chart
    from coaching.coach import NoDataError
    from coaching.periods import PeriodError

    assert rep is not None
    if args and not _looks_like_rep_id(args[0]):
        args = [rep.rep_id, *args]  # "/coach 2026-Q3": your own KPIs for that period
    target = args[0].upper() if args else rep.rep_id
    period = args[1] if len(args) > 1 else None
    with ctx.services.store.session() as session:
        visible = can_view(session, rep, target)
    if not visible:
        ctx.tell("not_visible", "yellow", target=args[0])
        return
    try:
        report: RepReport = ctx.services.coach.coach_rep(target, period)
    except PeriodError as exc:
        ctx.say(str(exc), "yellow")
        return
    except NoDataError as exc:
        ctx.say(str(exc) if period else ctx.words("no_kpis", target=target), "yellow")
        return
    _print_rep(report)
    _save_chart(ctx, f"coach-{report.rep_id}-{report.period}.png", lambda: _rep_chart(report))


def team(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/team [PERIOD]: the team report of a manager (a director's covers every team below), with onboarding."""
    from cli.coaching import _print_team, _team_chart
    from coaching.coach import NoDataError
    from coaching.periods import PeriodError

    assert rep is not None
    if not ctx.has_reports():
        ctx.tell("team_only", "yellow")
        return
    period = args[0] if args else None
    onboarding = onboarding_summary(ctx.services.store, rep.rep_id, ctx.desk().plan, ctx.language)
    try:
        report: TeamReport = ctx.services.coach.team_report(rep.rep_id, period)
    except PeriodError as exc:
        ctx.say(str(exc), "yellow")
        return
    except NoDataError as exc:
        ctx.say(str(exc) if period else ctx.words("no_kpis", target=f"{rep.name} ({rep.rep_id})"), "yellow")
        ctx.say(onboarding)
        return
    _print_team(report)
    ctx.console.print()
    ctx.say(onboarding)
    _save_chart(ctx, f"team-{rep.rep_id}-{report.period}.png", lambda: _team_chart(report))


def _percent(score: float) -> str:
    return f"{score:.0%}"


def onboarding(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/onboarding: the current module's readings, then its quiz; a pass unlocks the next module."""
    assert rep is not None
    desk = ctx.desk()
    state = desk.current(rep)
    if state is None and rep.role in PUSHING_ROLES:  # as the bot's /onboarding for managers: their new hires
        ctx.say(onboarding_summary(ctx.services.store, rep.rep_id, desk.plan, ctx.language))
        return
    if state is None:
        ctx.tell("onboarding.no_path", role=rep.role, channel=rep.channel or "-")
        return
    if state.module is None:
        ctx.tell("onboarding.done", path=state.path.spec.title)
        return
    module = state.module
    ctx.tell("onboarding.module", n=state.index + 1, total=state.total, title=module.spec.heading(ctx.language))
    if state.attempts and state.last_score is not None:
        ctx.tell("onboarding.attempt", n=state.attempts + 1, score=_percent(state.last_score))
    readings = module_readings(ctx.services.index, module, ctx.language, rep.role)
    for reading in readings:
        section = " › ".join(reading.section.split(" > ")[1:]) or reading.section
        version = f" v{reading.version}" if reading.version else ""
        ctx.console.print()
        ctx.tell("console.reading", section=section, title=reading.title + version)
        ctx.say(reading.text)
    if not readings:
        refs = ", ".join(ref.en for ref in module.spec.read)
        ctx.tell("onboarding.missing", "yellow", refs=refs)
    _quiz(ctx, rep, len(state.answered))


def _quiz(ctx: ChatContext, rep: RepInfo, n: int) -> None:
    """Ask from question n on until the module is graded; an empty line or /cancel pauses (progress is kept)."""
    desk = ctx.desk()
    while True:
        state = desk.current(rep)
        if state is None or state.module is None:
            return
        module = state.module
        quiz = module.spec.quiz
        option = _ask(ctx, quiz[n], n, len(quiz))
        if option is None:
            ctx.tell("console.onboarding_paused", "dim")
            return
        result = desk.answer(rep, module.id, n, option)
        if result.kind == "stale":
            ctx.tell("console.onboarding_stale", "yellow")
            return
        ctx.say(quiz_verdict(quiz[n], option, ctx.language, reveal=False))
        if result.kind == "recorded":
            n = len(result.state.answered)
            continue
        score = _percent(result.score or 0.0)
        if result.kind == "failed":
            ctx.tell("onboarding.failed", "yellow", score=score, mark=_percent(module.pass_mark))
            n = 0
            continue
        after = result.state
        if after.module is None:
            ctx.tell("onboarding.passed_last", "green", score=score, path=after.path.spec.title)
        else:
            next_module = after.module.spec.heading(ctx.language)
            mark = _percent(module.pass_mark)
            ctx.tell("console.onboarding_passed", "green", score=score, mark=mark, next=next_module)
        return


def _ask(ctx: ChatContext, question: QuizItem, n: int, total: int) -> int | None:
    """Print question n (0-based) with its lettered options and read the answer; None pauses the quiz."""
    choices = question.choices(ctx.language)
    letters = QUIZ_LETTERS[: len(choices)]
    ctx.console.print()
    ctx.say(quiz_question_line(question.text(ctx.language), n, total, ctx.language))
    for letter, choice in zip(letters, choices, strict=False):
        ctx.say(f"{letter}. {choice}")
    return _read_option(ctx, letters)


def _read_option(ctx: ChatContext, letters: str) -> int | None:
    """The option a typed letter (or number) names; None to pause the quiz; EOF pauses it too."""
    while True:
        try:
            answer = ctx.read(ctx.words("console.answer_prompt")).strip().upper()
        except (EOFError, KeyboardInterrupt):
            return None
        if not answer or answer in {"/CANCEL", "/QUIT", "/Q", "/EXIT"}:
            return None
        if len(answer) == 1 and answer in letters:
            return letters.index(answer)
        if answer.isdigit() and 1 <= int(answer) <= len(letters):
            return int(answer) - 1
        ctx.tell("console.answer_with", "yellow", letters=", ".join(letters))


def briefs(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/briefs: the briefings sent to you (with /ack for the open ones); a manager's own pushed briefings too."""
    assert rep is not None
    with ctx.services.store.session() as session:
        received = received_by(session, rep.rep_id)
        pushed = summaries_for(session, rep) if rep.role in PUSHING_ROLES else None
    if not received:
        ctx.tell("console.no_briefings")
    else:
        ctx.tell("console.briefings_for_you")
        for b in received:
            due = ctx.words("brief.list_due", due=b.due_date.isoformat()) if b.due_date else ""
            if b.acknowledged_at:
                state = ctx.words("console.acknowledged_on", date=f"{b.acknowledged_at:%Y-%m-%d}")
            else:
                state = ctx.words("console.to_acknowledge", id=b.id)
            if b.quiz_questions and b.quiz_score is None:
                state += ctx.words("console.quiz_open", id=b.id)
            ctx.tell("console.brief_line", id=b.id, title=b.title, author=b.author_name, due=due, state=state)
            if b.acknowledged_at is None:
                ctx.say(f"   {summary_of(b.body, 300)}", "dim")
    if pushed is None:
        return
    ctx.console.print()
    if not pushed:
        ctx.tell("console.none_pushed")
        return
    ctx.tell("brief.list_header")
    for row in pushed:
        due = ctx.words("brief.list_due", due=row.due_date.isoformat()) if row.due_date else ""
        ctx.tell("brief.list_line", id=row.id, title=row.title, acked=row.acknowledged, total=row.recipients, due=due)
        if row.missing:
            ctx.tell("brief.missing", "dim", names=", ".join(f"{r.name} ({r.rep_id})" for r in row.missing))


def ack(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/ack ID: acknowledge a briefing sent to you (as the bot's Acknowledge button)."""
    assert rep is not None
    briefing_id = _briefing_id(ctx, args, "ack")
    if briefing_id is None:
        return
    outcome = acknowledge(ctx.services.store, briefing_id, rep.rep_id, now=ctx.clock())
    if outcome is None:
        ctx.tell("brief.not_yours", "yellow")
    else:
        ctx.tell("brief.acked" if outcome else "brief.already")


def _briefing_id(ctx: ChatContext, args: list[str], command: str) -> int | None:
    raw = args[0].lstrip("#") if args else ""
    if not raw.isdigit():
        ctx.tell("console.id_usage", "yellow", command=command)
        return None
    return int(raw)


def quiz(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/quiz ID: a briefing's quiz (as the bot's Quiz button): each answer is recorded, the right letter shown."""
    assert rep is not None
    briefing_id = _briefing_id(ctx, args, "quiz")
    if briefing_id is None:
        return
    store = ctx.services.store
    try:
        with store.session() as session:
            questions = briefing_quiz(get_briefing(session, briefing_id))
    except BriefingError:
        questions = ()
    answers = quiz_answers(store, briefing_id, rep.rep_id)
    if answers is None:  # no such briefing, or not yours: the same words
        ctx.tell("brief.not_yours", "yellow")
        return
    if not questions:
        ctx.tell("console.no_quiz", id=briefing_id)
        return
    n = len(answers)
    while n < len(questions):
        option = _ask(ctx, questions[n], n, len(questions))
        if option is None:
            ctx.tell("console.quiz_paused", "dim", id=briefing_id)
            return
        progress = record_quiz_answer(store, briefing_id, rep.rep_id, n, option)
        if progress is None:
            return
        ctx.say(quiz_verdict(questions[n], option, ctx.language, reveal=True))
        n = len(progress[0])
    answers = quiz_answers(store, briefing_id, rep.rep_id) or []
    right = sum(1 for q, a in zip(questions, answers, strict=False) if q.answer == a)
    ctx.tell("brief.score", right=right, total=len(questions))


def whoami(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/whoami: the roster entry you chat as, and your manager."""
    assert rep is not None
    with ctx.services.store.session() as session:
        chain = management_chain(session, rep.rep_id)
    manager = ctx.words("whoami_manager", manager=f"{chain[0].name} ({chain[0].rep_id})") if chain else ""
    ctx.tell("whoami", name=rep.name, rep_id=rep.rep_id, role=rep.role, manager=manager)


COMMANDS: tuple[ConsoleCommand, ...] = (
    ConsoleCommand("check", "anyone", check),
    ConsoleCommand("coach", "rep", coach),
    ConsoleCommand("onboarding", "rep", onboarding, aliases=("onboard",)),
    ConsoleCommand("briefs", "rep", briefs),
    ConsoleCommand("ack", "rep", ack),
    ConsoleCommand("quiz", "rep", quiz),
    ConsoleCommand("whoami", "rep", whoami),
    ConsoleCommand("team", "manager", team),
)
_BY_NAME = {name: c for c in COMMANDS for name in (c.name, *c.aliases)}


def help_text(ctx: ChatContext) -> str:
    """The commands this user may use, and nothing else."""
    lines = [ctx.words("console.help_intro")]
    for command in COMMANDS:
        if not command.allowed(ctx):
            continue
        # A manager coaches their reports too; a manager's /onboarding shows their new hires.
        manager_view = (command.name == "coach" and ctx.has_reports()) or (
            command.name == "onboarding" and ctx.asker is not None and ctx.asker.role in PUSHING_ROLES
        )
        key = f"{command.name}_manager" if manager_view else command.name
        usage, summary = ctx.words(f"console.usage.{key}"), ctx.words(f"console.cmd.{key}")
        lines.append(f"  {usage:<26} {summary}")
    lines.append(f"  {'/help':<26} {ctx.words('console.help_help')}")
    lines.append(f"  {'/quit':<26} {ctx.words('console.help_quit')}")
    if ctx.asker is None:
        lines.append(ctx.words("console.help_anonymous", how=ctx.words("console.how_to_identify")))
    return "\n".join(lines)


def run_command(ctx: ChatContext, line: str) -> bool:
    """Run a slash command line; False when it names no command (the caller says so)."""
    head, _, rest = line.partition(" ")
    if "\n" in head:
        head, _, more = head.partition("\n")
        rest = f"{more} {rest}".strip()
    command = _BY_NAME.get(head.lstrip("/").lower())
    if command is None:
        return False
    if command.who != "anyone" and ctx.asker is None:
        ctx.tell("console.needs_identity", "yellow", command=command.name, how=ctx.words("console.how_to_identify"))
        return True
    try:
        command.run(ctx, ctx.asker, rest.split(), rest)
    except OnboardingDataError as exc:  # a broken configured onboarding file: named in one line, the chat goes on
        ctx.tell("console.error", "red", error=exc)
    return True
