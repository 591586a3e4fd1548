"""The `salescoach` command line: one typer app, each feature registering its commands from its own module.

A feature's module is imported only when one of its commands runs (or `--help` lists them all): `salescoach ask`
must not pay for the compliance rules, the KPI stack, the bot or the web console before its first answer.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import typer
from rich.markup import escape
from typer.core import TyperGroup

from cli.common import EXIT_DATA_ERROR, configure_logging, fail
from core.home import HomeAccess, HomeError
from core.settings import Settings
from knowledge.glossary import GlossaryError, load_glossary
from workflows.services import Services

# Commands that load data create SALESCOACH_HOME; commands that change data need an existing, writable one;
# every other command only reads an existing one (and works on a read-only home). A mistyped home is then
# "no data at ..." instead of a fresh empty home answering "unknown rep id".
HOME_CREATORS = {"ingest", "sample", "roster import", "policy import", "kpi import"}
HOME_WRITERS = {"bot", "invite", "brief create", "brief reindex", "web", "web-link"}
_ACCESS = "salescoach.home_access"


def home_access(command: str) -> HomeAccess:
    """What `command` ("ask", "roster import") does with the home."""
    if command in HOME_CREATORS:
        return "create"
    return "write" if command in HOME_WRITERS else "read"


# One small loader per feature module, each import written out (readers and the layout checks see every arrow).
def _ingest() -> ModuleType:
    from cli import ingest

    return ingest


def _knowledge() -> ModuleType:
    from cli import knowledge

    return knowledge


def _authority() -> ModuleType:
    from cli import authority

    return authority


def _compliance() -> ModuleType:
    from cli import compliance

    return compliance


def _coaching() -> ModuleType:
    from cli import coaching

    return coaching


def _telegram() -> ModuleType:
    from cli import telegram

    return telegram


def _briefings() -> ModuleType:
    from cli import briefings

    return briefings


def _sample() -> ModuleType:
    from cli import sample

    return sample


def _db() -> ModuleType:
    from cli import db

    return db


def _web() -> ModuleType:
    from cli import web

    return web


# Every top-level command (or command group) -> the loader of the module whose `register(app)` defines it, in the
# order `--help` lists them (commands first, then groups, as typer orders an eagerly built app).
COMMAND_MODULES: dict[str, Callable[[], ModuleType]] = {
    "ingest": _ingest,
    "ask": _knowledge,
    "chat": _knowledge,
    "eval": _knowledge,
    "audit": _authority,
    "check": _compliance,
    "coach": _coaching,
    "team": _coaching,
    "bot": _telegram,
    "invite": _telegram,
    "gaps": _telegram,
    "sample": _sample,
    "web": _web,
    "web-link": _web,
    "roster": _authority,
    "policy": _authority,
    "kpi": _coaching,
    "brief": _briefings,
    "onboarding": _briefings,
    "db": _db,
}


@cache
def feature_commands(load: Callable[[], ModuleType]) -> dict[str, Any]:
    """The click commands one feature module registers, built once (typer turns functions into commands)."""
    feature = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    load().register(feature)
    return dict(typer.main.get_group(feature).commands)


class _Root(TyperGroup):
    """The root command: notes which command runs (for its home access) and reports a broken home in one line.

    Every command reaches the home through Services, so a HomeError (a damaged database, a read-only folder,
    no data) from any of them is printed here, once, as `error: <file>: <what to do>` with exit 1.
    Commands are looked up in COMMAND_MODULES and built on first use (see the module docstring).
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return list(dict.fromkeys([*COMMAND_MODULES, *self.commands]))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMAND_MODULES:
            command = feature_commands(COMMAND_MODULES[cmd_name]).get(cmd_name)
        return command

    # The context and command types are typer's vendored click (typer._click), which is private: hence Any.
    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        words = [name or ""]
        if isinstance(command, TyperGroup) and rest and not rest[0].startswith("-"):
            words.append(rest[0])
        ctx.meta[_ACCESS] = home_access(" ".join(words))
        return name, command, rest

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except HomeError as exc:
            fail(escape(str(exc)), EXIT_DATA_ERROR)


app = typer.Typer(
    name="salescoach",
    cls=_Root,
    help="Sales assistant: cited answers, authority decisions, compliance checks and KPI coaching.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    home: Path | None = typer.Option(None, "--home", help="State folder (default: $SALESCOACH_HOME or ./.salescoach)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log debug details to stderr."),
) -> None:
    """Build the settings once, at the edge, and hand the services to every command."""
    configure_logging(verbose)
    # Offline by construction: the embedding model ships in an installed package; nothing may download weights.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    settings = Settings(home=home) if home is not None else Settings()
    if settings.glossary_enabled and settings.glossary_path is not None:
        # A company glossary with a typo should stop the command here, named, not fail every question later.
        try:
            load_glossary(settings.glossary_path.expanduser())
        except GlossaryError as exc:
            fail(escape(str(exc)), EXIT_DATA_ERROR)
    ctx.obj = Services(settings, access=ctx.meta.get(_ACCESS, "read"))
    ctx.call_on_close(ctx.obj.close)



def main() -> None:
    """Console-script entry point."""
    logging.captureWarnings(True)
    app()
