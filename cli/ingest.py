"""`salescoach ingest PATH...`: sync the knowledge index with files and folders, one line per broken file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from cli.common import EXIT_DATA_ERROR, EXIT_USAGE, err_console, fail, services
from core.documents import SECTION_SEPARATOR
from core.printable import printable
from ingest.chunker import ChunkStats, TokenBudget, chunk_document, sizing
from ingest.loaders import parse_file
from ingest.models import IngestError, IngestRules
from ingest.pipeline import sync_paths
from knowledge.embeddings import EmbeddingModelError
from workflows.services import Services


def ingest_rules(svc: Services) -> IngestRules:
    """The size limit from the settings and the roles of the imported policy (the defaults before one)."""
    from authority.policy import load_policy
    from core.roster import DEFAULT_ROLES

    policy = load_policy(svc.store)
    return IngestRules.from_settings(svc.settings, roles=tuple(policy.roles) if policy else DEFAULT_ROLES)


def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Files and folders of .md, .txt, .pdf, .docx, .html."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Hide the progress bar."),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also say which passages were split to fit the embedding model."
    ),
    show: bool = typer.Option(
        False, "--show", help="Index nothing: print what each file keeps (sections) and drops (boilerplate)."
    ),
    rebuild: bool = typer.Option(
        False,
        "--rebuild",
        help="Drop the whole index first and ingest PATHs from scratch (after changing the embedding model).",
    ),
) -> None:
    """Add new files, replace changed ones, skip unchanged ones and drop files gone from the folders."""
    if show:
        svc = services(ctx)
        raise typer.Exit(show_files(paths, ingest_rules(svc), _show_budget(svc)))
    missing = [printable(path) for path in paths if not path.exists()]
    if rebuild and missing:
        # A rebuild from a mistyped path would leave an empty index: refuse before dropping anything.
        fail(escape(f"--rebuild: {', '.join(missing)}: no such file or folder; nothing was dropped"), EXIT_USAGE)
    try:
        svc = services(ctx)
        rules = ingest_rules(svc)
        index = svc.index
        if rebuild:
            index.rebuild()
        stats = ChunkStats()
        with sizing(TokenBudget.of(index.embeddings), stats):
            report = sync_paths(paths, index, progress=not quiet, console=err_console, rules=rules)
    except EmbeddingModelError as exc:  # includes EmbedderMismatchError
        fail(escape(str(exc)), EXIT_DATA_ERROR)
    # Every line names a file; str() of an IngestError is already escaped (core.printable), and
    # escape() keeps a name like "[red]x.md" from being read as console markup.
    for skipped in report.skipped:
        err_console.print(f"[yellow]skipped:[/] {escape(str(skipped))}", highlight=False, soft_wrap=True)
    for error in report.errors:
        err_console.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
    for source, dropped in sorted(stats.boilerplate.items()):
        if dropped:
            name = escape(printable(Path(source).name))
            err_console.print(f"{name}: skipped {dropped} boilerplate lines", highlight=False)
    if verbose:
        limit = TokenBudget.of(index.embeddings).max_tokens
        err_console.print(f"split {stats.split} passages to fit the embedding model ({limit} tokens)", highlight=False)
        for passage in stats.passages:
            err_console.print(f"  split: {escape(passage)}", highlight=False, soft_wrap=True)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(EXIT_DATA_ERROR)


def _show_budget(svc: Services) -> TokenBudget:
    """The configured embedding model's budget, so `--show` counts the passages `ingest` would make; the
    default one (said in one line) when the model cannot be loaded, since --show indexes nothing."""
    try:
        return TokenBudget.of(svc.embeddings)
    except EmbeddingModelError as exc:
        err_console.print(f"[yellow]note:[/] {escape(str(exc))}; passages counted with the default budget")
        return TokenBudget()


def show_files(paths: list[Path], rules: IngestRules, budget: TokenBudget | None = None) -> int:
    """Print, per file, the sections it keeps (title, heading paths, passages as the embedding model's
    `budget` cuts them) and the lines it drops as boilerplate with the reason, so a content owner can check
    both; returns the exit code."""
    budget = budget or TokenBudget()
    failed = 0
    for path in paths:
        try:
            document = parse_file(path, rules)  # the size limit and parser safety of a real ingest
        except IngestError as exc:
            err_console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
            failed += 1
            continue
        chunks = chunk_document(document, budget=budget)
        typer.echo(f"== {printable(path)}")
        typer.echo(f"title: {document.meta.title}")
        passages = f"{len(chunks)} passages sized for {budget.max_tokens} model tokens"
        typer.echo(f"kept: {len(document.sections)} sections, {passages}")
        for section in document.sections:
            typer.echo(f"  [{SECTION_SEPARATOR.join(section.heading_path)}]")
            for line in section.text.splitlines():
                typer.echo(f"    {line}")
        typer.echo(f"dropped: {len(document.dropped)} boilerplate lines")
        for dropped in document.dropped:
            typer.echo(f"  - {dropped.line}   ({dropped.reason})")
    return EXIT_DATA_ERROR if failed else 0


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""
    app.command("ingest")(ingest)
