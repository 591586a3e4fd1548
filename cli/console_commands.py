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

from core.catalogue import text
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
from workflows.quizzes import QUIZ_LETTERS, QuizItem, quiz_verdict

if TYPE_CHECKING:
    from coaching.coach import RepReport, TeamReport
    from workflows.services import Services

Who = Literal["anyone", "rep", "manager"]

ANONYMOUS = "start with --as REP_ID (make run AS=S003)"


@dataclass
class ChatContext:
    """Who is chatting and the services they reach; `read` asks the next line (the onboarding quiz uses it)."""

    services: Services
    asker: RepInfo | None
    console: Console
    read: Callable[[str], str]
    clock: Callable[[], datetime] = utcnow
    _desk: OnboardingDesk | None = field(default=None, repr=False)

    def say(self, line: str, style: str | None = None) -> None:
        """One plain-text line (never read as console markup)."""
        self.console.print(escape(line), style=style, highlight=False, soft_wrap=True)

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
    """One slash command: its usage line, what it does, who may use it, and the function that runs it."""

    name: str
    usage: str
    summary: str
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
        ctx.say("Type /check followed by the text to check, e.g. /check 全网最低价，保证有效", "yellow")
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
        ctx.say(f"{path}: cannot write chart ({exc.strerror})", "yellow")
        return
    ctx.say(f"chart: {path}", "dim")


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
        ctx.say(text("not_visible", "en", target=args[0]), "yellow")
        return
    try:
        report: RepReport = ctx.services.coach.coach_rep(target, period)
    except PeriodError as exc:
        ctx.say(str(exc), "yellow")
        return
    except NoDataError as exc:
        ctx.say(str(exc) if period else text("no_kpis", "en", target=target), "yellow")
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
        ctx.say(text("team_only", "en"), "yellow")
        return
    period = args[0] if args else None
    onboarding = onboarding_summary(ctx.services.store, rep.rep_id, ctx.desk().plan, "en")
    try:
        report: TeamReport = ctx.services.coach.team_report(rep.rep_id, period)
    except PeriodError as exc:
        ctx.say(str(exc), "yellow")
        return
    except NoDataError as exc:
        ctx.say(str(exc) if period else text("no_kpis", "en", target=f"{rep.name} ({rep.rep_id})"), "yellow")
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
        ctx.say(onboarding_summary(ctx.services.store, rep.rep_id, desk.plan, "en"))
        return
    if state is None:
        ctx.say(f"No onboarding path fits your role ({rep.role}, {rep.channel or '-'}). Ask your manager if that "
                "is wrong.")  # fmt: skip
        return
    if state.module is None:
        ctx.say(f"🎓 You have completed {state.path.spec.title}. Well done!")
        return
    module = state.module
    ctx.console.print(
        f"[bold]Module {state.index + 1}/{state.total}: {escape(module.spec.heading('en'))}[/]", highlight=False
    )
    if state.attempts and state.last_score is not None:
        ctx.say(f"Attempt {state.attempts + 1}; last score {_percent(state.last_score)}.")
    readings = module_readings(ctx.services.index, module, "en", rep.role)
    for reading in readings:
        section = " › ".join(reading.section.split(" > ")[1:]) or reading.section
        version = f" v{reading.version}" if reading.version else ""
        ctx.console.print()
        ctx.console.print(f"📖 [bold]{escape(section)}[/] — [italic]{escape(reading.title + version)}[/]",
                          highlight=False, soft_wrap=True)  # fmt: skip
        ctx.say(reading.text)
    if not readings:
        refs = ", ".join(ref.en for ref in module.spec.read)
        ctx.say(f"(These sections are not in the knowledge base yet: {refs}. Ask your manager.)", "yellow")
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
            ctx.say("Quiz paused: /onboarding picks it up at this question.", "dim")
            return
        result = desk.answer(rep, module.id, n, option)
        if result.kind == "stale":
            ctx.say("That question is no longer open: type /onboarding.", "yellow")
            return
        ctx.say(quiz_verdict(quiz[n], option, "en", reveal=False))
        if result.kind == "recorded":
            n = len(result.state.answered)
            continue
        score = _percent(result.score or 0.0)
        if result.kind == "failed":
            ctx.say(f"Score {score}; the pass mark is {_percent(module.pass_mark)}. Re-read the sections above and "
                    "try again:", "yellow")  # fmt: skip
            n = 0
            continue
        after = result.state
        if after.module is None:
            ctx.say(f"Passed with {score}. 🎓 You have completed {after.path.spec.title}!", "green")
        else:
            ctx.say(f"Passed with {score} (pass mark {_percent(module.pass_mark)}). Next module unlocked: "
                    f"{after.module.spec.heading('en')}. Type /onboarding to read it.", "green")  # fmt: skip
        return


def _ask(ctx: ChatContext, question: QuizItem, n: int, total: int) -> int | None:
    """Print question n (0-based) with its lettered options and read the answer; None pauses the quiz."""
    choices = question.choices("en")
    letters = QUIZ_LETTERS[: len(choices)]
    ctx.console.print()
    ctx.say(text("quiz_question", "en", n=n + 1, total=total, question=question.text("en")))
    for letter, choice in zip(letters, choices, strict=False):
        ctx.say(f"{letter}. {choice}")
    return _read_option(ctx, letters)


def _read_option(ctx: ChatContext, letters: str) -> int | None:
    """The option a typed letter (or number) names; None to pause the quiz; EOF pauses it too."""
    while True:
        try:
            answer = ctx.read("answer> ").strip().upper()
        except (EOFError, KeyboardInterrupt):
            return None
        if not answer or answer in {"/CANCEL", "/QUIT", "/Q", "/EXIT"}:
            return None
        if len(answer) == 1 and answer in letters:
            return letters.index(answer)
        if answer.isdigit() and 1 <= int(answer) <= len(letters):
            return int(answer) - 1
        ctx.say(f"Answer with one letter, {', '.join(letters)} (an empty line or /cancel pauses the quiz).", "yellow")


def briefs(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/briefs: the briefings sent to you (with /ack for the open ones); a manager's own pushed briefings too."""
    assert rep is not None
    with ctx.services.store.session() as session:
        received = received_by(session, rep.rep_id)
        pushed = summaries_for(session, rep) if rep.role in PUSHING_ROLES else None
    if not received:
        ctx.say("No briefings have been sent to you.")
    else:
        ctx.console.print("[bold]Briefings for you[/]")
        for b in received:
            due = f", due {b.due_date.isoformat()}" if b.due_date else ""
            state = (
                f"acknowledged {b.acknowledged_at:%Y-%m-%d}" if b.acknowledged_at else f"to acknowledge: /ack {b.id}"
            )
            if b.quiz_questions and b.quiz_score is None:
                state += f" · quiz: /quiz {b.id}"
            ctx.say(f"#{b.id} {b.title} — from {b.author_name}{due} · {state}")
            if b.acknowledged_at is None:
                ctx.say(f"   {summary_of(b.body, 300)}", "dim")
    if pushed is None:
        return
    ctx.console.print()
    if not pushed:
        ctx.say("You have not pushed any briefings yet (salescoach brief create, or /brief in Telegram).")
        return
    ctx.console.print("[bold]Your briefings[/]")
    for row in pushed:
        due = f", due {row.due_date.isoformat()}" if row.due_date else ""
        ctx.say(f"#{row.id} {row.title}: {row.acknowledged}/{row.recipients} acknowledged{due}")
        if row.missing:
            ctx.say("   missing: " + ", ".join(f"{r.name} ({r.rep_id})" for r in row.missing), "dim")


def ack(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/ack ID: acknowledge a briefing sent to you (as the bot's Acknowledge button)."""
    assert rep is not None
    briefing_id = _briefing_id(ctx, args, "ack")
    if briefing_id is None:
        return
    outcome = acknowledge(ctx.services.store, briefing_id, rep.rep_id, now=ctx.clock())
    if outcome is None:
        ctx.say("This briefing was not sent to you.", "yellow")
    else:
        ctx.say("Thanks, acknowledged." if outcome else "Already acknowledged.")


def _briefing_id(ctx: ChatContext, args: list[str], command: str) -> int | None:
    raw = args[0].lstrip("#") if args else ""
    if not raw.isdigit():
        ctx.say(f"Usage: /{command} ID (the number /briefs shows before the title)", "yellow")
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
        ctx.say("This briefing was not sent to you.", "yellow")
        return
    if not questions:
        ctx.say(f"Briefing #{briefing_id} has no quiz.")
        return
    n = len(answers)
    while n < len(questions):
        option = _ask(ctx, questions[n], n, len(questions))
        if option is None:
            ctx.say(f"Quiz paused: /quiz {briefing_id} picks it up at this question.", "dim")
            return
        progress = record_quiz_answer(store, briefing_id, rep.rep_id, n, option)
        if progress is None:
            return
        ctx.say(quiz_verdict(questions[n], option, "en", reveal=True))
        n = len(progress[0])
    answers = quiz_answers(store, briefing_id, rep.rep_id) or []
    right = sum(1 for q, a in zip(questions, answers, strict=False) if q.answer == a)
    ctx.say(f"Quiz done: {right}/{len(questions)} right.")


def whoami(ctx: ChatContext, rep: RepInfo | None, args: list[str], rest: str) -> None:
    """/whoami: the roster entry you chat as, and your manager."""
    assert rep is not None
    with ctx.services.store.session() as session:
        chain = management_chain(session, rep.rep_id)
    manager = f", reporting to {chain[0].name} ({chain[0].rep_id})" if chain else ""
    ctx.say(f"You are {rep.name} ({rep.rep_id}), {rep.role}{manager}.")


COMMANDS: tuple[ConsoleCommand, ...] = (
    ConsoleCommand("check", "/check DRAFT", "compliance check of a sales text", "anyone", check),
    ConsoleCommand("coach", "/coach [PERIOD]", "your KPI coaching and chart (latest period by default)", "rep", coach),
    ConsoleCommand(
        "onboarding",
        "/onboarding",
        "your onboarding module: read it, then take its quiz",
        "rep",
        onboarding,
        aliases=("onboard",),
    ),
    ConsoleCommand("briefs", "/briefs", "briefings sent to you (managers: also the ones you pushed)", "rep", briefs),
    ConsoleCommand("ack", "/ack ID", "acknowledge a briefing sent to you", "rep", ack),
    ConsoleCommand("quiz", "/quiz ID", "take a briefing's quiz", "rep", quiz),
    ConsoleCommand("whoami", "/whoami", "who you are chatting as", "rep", whoami),
    ConsoleCommand("team", "/team [PERIOD]", "your team's KPIs, chart and new hires' onboarding", "manager", team),
)
_BY_NAME = {name: c for c in COMMANDS for name in (c.name, *c.aliases)}


def help_text(ctx: ChatContext) -> str:
    """The commands this user may use, and nothing else."""
    lines = ["Type a question in English or Chinese and press Enter (or /ask QUESTION)."]
    for command in COMMANDS:
        if not command.allowed(ctx):
            continue
        usage = command.usage
        summary = command.summary
        if command.name == "coach" and ctx.has_reports():
            usage = "/coach [REP_ID] [PERIOD]"
            summary = "KPI coaching and chart for you or one of your reports"
        elif command.name == "onboarding" and ctx.asker is not None and ctx.asker.role in PUSHING_ROLES:
            summary = "your new hires' onboarding progress (or your own module, if you are on a path)"
        lines.append(f"  {usage:<26} {summary}")
    lines.append(f"  {'/help':<26} this help")
    lines.append(f"  {'/quit':<26} leave (Ctrl-D works too)")
    if ctx.asker is None:
        lines.append(f"Coaching, onboarding, briefings and /whoami: {ANONYMOUS}.")
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
        ctx.say(f"/{command.name} needs to know who you are: {ANONYMOUS}.", "yellow")
        return True
    try:
        command.run(ctx, ctx.asker, rest.split(), rest)
    except OnboardingDataError as exc:  # a broken configured onboarding file: named in one line, the chat goes on
        ctx.say(f"error: {exc}", "red")
    return True
