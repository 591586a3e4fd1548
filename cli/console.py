"""The console door: render a Reply for a terminal with rich, and the `salescoach chat` conversation loop.

Same assistant core as the Telegram bot; this module only reads lines and renders replies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from core.catalogue import Language, text
from core.messages import Citation, RepInfo, Reply, Request

if TYPE_CHECKING:
    from workflows.assistant import Assistant

QUIT_COMMANDS = frozenset({"/quit", "/exit", "/q"})
# What a rep id looks like on a roster (S003, M001, d001): letters then digits, nothing else on the line.
REP_ID = re.compile(r"[A-Za-z]{1,4}-?\d{1,6}")


def citation_line(number: int, citation: Citation, language: Language = "en") -> str:
    """ "[n] title — section (v. version)", plain text."""
    line = f"[{number}] {citation.title}"
    if citation.section and citation.section != citation.title:
        line += f" — {citation.section}"
    if citation.version:
        line += f" (v. {citation.version.removeprefix('v')})"
    if citation.stale:
        line += " " + text("console.past_review", language)
    return line


def decision_line(reply: Reply) -> str | None:
    """The authority decisions as plain text, one line each, in the authority desk's one wording."""
    if reply.decision is None:
        return None
    # Imported here: the authority desk brings the SQL store, which a document answer never needs.
    from authority.decisions import decision_lines

    return decision_lines(reply.decisions or [reply.decision], reply.language)


def render_reply(console: Console, reply: Reply) -> None:
    """Print decision, answer, warnings not already in the answer, then the numbered sources."""
    decision = decision_line(reply)
    if decision:
        console.print(escape(decision), style="bold", highlight=False)
    style = None if reply.grounded else "yellow"
    console.print(escape(reply.answer), style=style, highlight=False, soft_wrap=True)
    for warning in reply.warnings:
        if warning not in reply.answer:
            console.print(f"⚠ {escape(warning)}", style="yellow", highlight=False, soft_wrap=True)
    shown = reply.shown_citations()
    if shown:
        console.print(text("console.sources", reply.language), style="dim")
        for n, citation in enumerate(shown, start=1):
            line = citation_line(n, citation, reply.language)
            console.print(escape(line), style="dim", highlight=False, soft_wrap=True)


def _roster_lookup(assistant: Assistant) -> Callable[[str], RepInfo | None]:
    """Find a rep by id in the assistant's store (the console's only way to learn who someone is)."""
    from core.roster import get_rep

    def lookup(rep_id: str) -> RepInfo | None:
        with assistant.services.store.session() as session:
            return get_rep(session, rep_id)

    return lookup


def _awaits_rep_id(reply: Reply) -> bool:
    """An authority question asked anonymously: the reply has no yes or no until we know who asks."""
    return any(decision.allowed is None and not decision.cash_equivalent for decision in reply.decisions)


def run_chat(
    assistant: Assistant,
    *,
    asker: RepInfo | None,
    console: Console,
    read_line: Callable[[str], str] | None = None,
    find_rep: Callable[[str], RepInfo | None] | None = None,
    language: Language = "en",
) -> None:
    """Read questions and slash commands until /quit or end of input; answers come from the same core as every
    other door, and the commands (cli.console_commands) have the Telegram bot's permissions.

    Asked anonymously, an authority question gets the limits table and a request for the rep id; a rep id
    typed next decides that question as that rep (once: the chat stays anonymous, and says how to start it
    as the rep). A rep id is never sent to the assistant as a question of its own. `language` is the chat's
    own wording (greeting, help, command replies); answers follow the language of each question."""
    # The chat's slash commands (briefings, onboarding, KPIs) load with the chat, not with `salescoach ask`.
    from cli.console_commands import ChatContext, help_text, run_command

    read = read_line or console.input
    commands = ChatContext(assistant.services, asker, console, read, language=language)
    lookup = find_rep or _roster_lookup(assistant)
    pending: str | None = None  # the anonymous authority question waiting for a rep id
    words = commands.words
    who = words("console.who", name=asker.name, role=asker.role) if asker else words("console.who_anonymous")
    commands.tell("console.greeting", who=who)
    while True:
        try:
            line = read("[bold cyan]you>[/] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        line_text = line.strip()
        if not line_text:
            continue
        if line_text.lower() in QUIT_COMMANDS:
            break
        if line_text.lower() in {"/help", "/start", "?"}:
            console.print(escape(help_text(commands)), highlight=False, soft_wrap=True)
            continue
        command, _, question = line_text.partition(" ")
        if command.lower() == "/ask":  # the bot's /ask QUESTION: the same as typing the question
            line_text = question.strip()
            if not line_text:
                commands.tell("console.ask_usage", "yellow")
                continue
        elif line_text.startswith("/"):
            if not run_command(commands, line_text):
                commands.tell("console.unknown", "yellow", command=line_text.split()[0])
            console.print()
            continue
        rep = lookup(line_text.upper()) if asker is None and REP_ID.fullmatch(line_text) else None
        # Just asked for a rep id, a wrong one is still an id (AX-100 or K7 at any other time is a question).
        if rep is not None or (pending is not None and REP_ID.fullmatch(line_text)):
            rep_id = line_text.upper()
            start = words("console.start_as", rep_id=rep_id)
            if pending is None or rep is None:
                problem = "console.not_on_roster" if rep is None else "console.id_not_question"
                commands.tell(problem, "yellow", rep_id=rep_id, start=start)
                continue
            commands.tell("console.deciding_as", "dim", name=rep.name, rep_id=rep.rep_id, role=rep.role, start=start)
            render_reply(console, assistant.ask(Request(text=pending, asker=rep, door="chat")))
            pending = None
            console.print()
            continue
        reply = assistant.ask(Request(text=line_text, asker=asker, door="chat"))
        pending = line_text if asker is None and _awaits_rep_id(reply) else None
        render_reply(console, reply)
        console.print()
    commands.tell("console.bye", "dim")
