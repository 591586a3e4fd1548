"""The `salescoach` command line: one typer app, each feature registering its commands from its own module."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import typer
from rich.markup import escape

from bot.cli import authority, briefings, coaching, compliance, ingest, knowledge, sample, telegram
from bot.cli.common import EXIT_DATA_ERROR, configure_logging, fail
from bot.services import Services
from knowledge.glossary import GlossaryError, load_glossary
from knowledge.settings import Settings

app = typer.Typer(
    name="salescoach",
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
    ctx.obj = Services(settings)
    ctx.call_on_close(ctx.obj.close)


for module in (ingest, knowledge, authority, compliance, coaching, telegram, briefings, sample):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    logging.captureWarnings(True)
    app()
