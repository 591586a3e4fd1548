"""`salescoach ingest PATH...`: sync the knowledge index with files and folders, one line per broken file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from bot.cli.common import EXIT_DATA_ERROR, EXIT_USAGE, err_console, fail, services
from ingest.pipeline import sync_paths
from knowledge.embeddings import EmbeddingModelError


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
        index = services(ctx).index
        if rebuild:
            index.rebuild()
        report = sync_paths(paths, index, progress=not quiet, console=err_console)
    except EmbeddingModelError as exc:  # includes EmbedderMismatchError
        fail(escape(str(exc)), EXIT_DATA_ERROR)
    for error in report.errors:
        err_console.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(EXIT_DATA_ERROR)


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""
    app.command("ingest")(ingest)
