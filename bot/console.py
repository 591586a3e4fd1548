"""The console door: render a Reply for a terminal with rich, and the `salescoach chat` conversation loop.

Same assistant core as the Telegram bot; this module only reads lines and renders replies.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from knowledge.messages import Citation, RepInfo, Reply, Request

if TYPE_CHECKING:
    from bot.assistant import Assistant

HELP = "Type a question in English or Chinese and press Enter.\n  /help   this help\n  /quit   leave (Ctrl-D works too)"
QUIT_COMMANDS = frozenset({"/quit", "/exit", "/q"})
_TAG = re.compile(r"<[^>]+>")


def citation_line(number: int, citation: Citation) -> str:
    """ "[n] title — section (v. version)", plain text."""
    line = f"[{number}] {citation.title}"
    if citation.section and citation.section != citation.title:
        line += f" — {citation.section}"
    if citation.version:
        line += f" (v. {citation.version.removeprefix('v')})"
    if citation.stale:
        line += " ⚠ past review date"
    return line


def decision_line(reply: Reply) -> str | None:
    """The authority decision as plain text, reusing the bot's wording (its HTML tags stripped)."""
    if reply.decision is None:
        return None
    from bot.formatting import format_decision

    return html.unescape(_TAG.sub("", format_decision(reply.decision, reply.language)))


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
        console.print("Sources:" if reply.language == "en" else "来源：", style="dim")
        for n, citation in enumerate(shown, start=1):
            console.print(escape(citation_line(n, citation)), style="dim", highlight=False, soft_wrap=True)


def run_chat(
    assistant: Assistant,
    *,
    asker: RepInfo | None,
    console: Console,
    read_line: Callable[[str], str] | None = None,
) -> None:
    """Read questions until /quit or end of input; answers come from the same core as every other door."""
    read = read_line or console.input
    who = f"{asker.name} ({asker.role})" if asker else "anonymous (public documents only)"
    console.print(f"[bold]salescoach[/] chat — asking as {escape(who)}. /help for help, /quit to leave.")
    while True:
        try:
            line = read("[bold cyan]you>[/] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT_COMMANDS:
            break
        if text.lower() in {"/help", "/start", "?"}:
            console.print(escape(HELP), highlight=False)
            continue
        if text.startswith("/"):
            console.print(f"unknown command {escape(text.split()[0])}: /help lists the commands", style="yellow")
            continue
        reply = assistant.ask(Request(text=text, asker=asker, door="chat"))
        render_reply(console, reply)
        console.print()
    console.print("bye", style="dim")
