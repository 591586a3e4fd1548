"""Small helpers shared by the CLI command modules: the services from the context, errors, exit codes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console

from workflows.services import Services

EXIT_DATA_ERROR = 1
EXIT_USAGE = 2

console = Console()
err_console = Console(stderr=True)


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # httpx logs full request URLs, which contain the bot token: keep it quiet.
    logging.getLogger("httpx").setLevel(logging.WARNING)


def services(ctx: typer.Context) -> Services:
    obj = ctx.obj
    if not isinstance(obj, Services):  # pragma: no cover - only when a command is invoked outside the app
        raise RuntimeError("salescoach services not initialised")
    return obj


def require_file(path: Path) -> Path:
    """The path of an input file, or a usage error (exit 2) that says what is wrong with it."""
    if path.is_dir():
        fail(f"{path}: is a folder; give the file to import", EXIT_USAGE)
    if not path.is_file():
        fail(f"{path}: no such file", EXIT_USAGE)
    return path


def fail(message: str, code: int = EXIT_DATA_ERROR) -> NoReturn:
    """Print a one-line error to stderr and exit with the given code."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)
