"""`salescoach ingest PATH...`: sync the knowledge index with files and folders, one line per broken file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from bot.cli.common import EXIT_DATA_ERROR, EXIT_USAGE, err_console, fail, services
from bot.services import Services
from ingest.models import IngestRules
from ingest.pipeline import sync_paths
from knowledge.embeddings import EmbeddingModelError


def ingest_rules(svc: Services) -> IngestRules:
    """The size limit from the settings and the roles of the imported policy (the defaults before one)."""
    from knowledge.policy import DEFAULT_ROLES, load_policy

    policy = load_policy(svc.store)
    return IngestRules.from_settings(svc.settings, roles=tuple(policy.roles) if policy else DEFAULT_ROLES)


def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Files and folders of .md, .txt, .pdf, .docx, .html."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Hide the progress bar."),
    rebuild: bool = typer.Option(
        False,
        "--rebuild",
        help="Drop the whole index first and ingest PATHs from scratch (after changing the embedding model).",
    ),
) -> None:
    """Add new files, replace changed ones, skip unchanged ones and drop files gone from the folders."""
    missing = [str(path) for path in paths if not path.exists()]
    if rebuild and missing:
        # A rebuild from a mistyped path would leave an empty index: refuse before dropping anything.
        fail(f"--rebuild: {', '.join(missing)}: no such file or folder; nothing was dropped", EXIT_USAGE)
    try:
        svc = services(ctx)
        rules = ingest_rules(svc)
        index = svc.index
        if rebuild:
            index.rebuild()
        report = sync_paths(paths, index, progress=not quiet, console=err_console, rules=rules)
    except EmbeddingModelError as exc:  # includes EmbedderMismatchError
        fail(escape(str(exc)), EXIT_DATA_ERROR)
    # Every line names a file; str() of an IngestError is already escaped (knowledge.printable), and
    # escape() keeps a name like "[red]x.md" from being read as console markup.
    for skipped in report.skipped:
        err_console.print(f"[yellow]skipped:[/] {escape(str(skipped))}", highlight=False, soft_wrap=True)
    for error in report.errors:
        err_console.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(EXIT_DATA_ERROR)


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""
    app.command("ingest")(ingest)
