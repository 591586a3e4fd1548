"""`salescoach sample`: load the bundled sample company (policy, roster, knowledge base, KPIs) for a demo.

`make run` calls it with `--if-missing`, so a second run starts the chat at once: tables that already hold data
are left alone, and the knowledge base sync skips unchanged files by content hash.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from sqlalchemy import func, select

import samples
from authority.policy import PolicyError, import_policy, load_policy
from cli.common import EXIT_DATA_ERROR, err_console, fail, services
from coaching.importer import ImportFileError, ImportValidationError, import_kpis
from coaching.records import KpiRecord
from core.roster import Rep
from ingest.pipeline import sync_paths
from knowledge.embeddings import EmbeddingModelError
from workflows.roster_import import RosterImportError, import_roster

SAMPLES = samples.folder()  # installed with the package (importlib.resources), so a wheel has it


def sample(
    ctx: typer.Context,
    if_missing: bool = typer.Option(
        False, "--if-missing", help="Only load what is not loaded yet (roster, policy and KPIs left as they are)."
    ),
    folder: Path = typer.Option(SAMPLES, "--folder", help="Folder holding the sample files."),
) -> None:
    """Load the sample policy, roster, knowledge base and KPIs into SALESCOACH_HOME."""
    if not (folder / "kb").is_dir():
        fail(f"{folder}: not a sample folder (no kb/ inside)", 2)
    svc = services(ctx)
    store = svc.store
    with store.session() as session:
        has_reps = bool(session.scalar(select(func.count()).select_from(Rep)))
        has_kpis = bool(session.scalar(select(func.count()).select_from(KpiRecord)))
    try:
        if not (if_missing and load_policy(store) is not None):
            import_policy(store, folder / "policy.yaml")
            err_console.print("policy: loaded sample/policy.yaml")
        if not (if_missing and has_reps):
            summary = import_roster(store, folder / "roster.csv")
            err_console.print(f"roster: {summary.line()}", soft_wrap=True)
        if not (if_missing and has_kpis):
            kpi = import_kpis(store, folder / "kpis.csv", folder / "channels.csv")
            err_console.print(f"kpis: {kpi.kpi_rows} KPI rows, {kpi.channel_rows} channel rows", soft_wrap=True)
    except (PolicyError, RosterImportError, ImportValidationError, ImportFileError) as exc:
        fail(str(exc), EXIT_DATA_ERROR)
    try:
        report = sync_paths([folder / "kb"], svc.index, progress=True, console=err_console)
    except EmbeddingModelError as exc:  # no model on disk, or an index built with another model
        fail(escape(str(exc)), EXIT_DATA_ERROR)
    for error in report.errors:
        err_console.print(f"[bold red]error:[/] {error}", highlight=False)
    err_console.print(f"knowledge base: {report.summary()}", soft_wrap=True)
    if report.failed:
        raise typer.Exit(EXIT_DATA_ERROR)


def register(app: typer.Typer) -> None:
    """Attach the sample loader to the root app."""
    app.command("sample")(sample)
