"""CLI commands for briefings and onboarding: `brief create|status|list|reindex` and `onboarding status`.

Thin on purpose: parse arguments, call workflows.briefings / workflows.onboarding, print. A refusal (wrong role, someone
outside the author's reports, bad arguments) exits 2; unusable data (a file that cannot be read) exits 1.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from cli.common import EXIT_DATA_ERROR, EXIT_USAGE, console, fail, require_file, services
from core.roster import UnknownRepError, get_rep
from ingest.models import IngestError, IngestRules
from workflows.briefings import (
    BriefingInputError,
    BriefingPermissionError,
    briefing_desk,
    load_quiz,
    read_briefing_file,
    summaries_for,
)
from workflows.onboarding import OnboardingDataError, OnboardingDesk, load_configured_plan, progress_text

brief_app = typer.Typer(help="New-product briefings pushed by managers to their reports.", no_args_is_help=True)
onboarding_app = typer.Typer(help="Onboarding paths for new hires.", no_args_is_help=True)


def _due(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--due {value!r}: expected a date as YYYY-MM-DD", EXIT_USAGE)


@brief_app.command("create")
def brief_create(
    ctx: typer.Context,
    by: str = typer.Option(..., "--by", help="Rep id of the manager or director pushing it."),
    title: str = typer.Option(..., "--title", help="Short title shown to recipients."),
    file: Path = typer.Option(..., "--file", help="The briefing: .md/.txt as the message, or a PDF/Word/HTML."),
    to: str = typer.Option("team", "--to", help="'team' (your reports) or rep ids separated by commas."),
    due: str | None = typer.Option(None, "--due", help="Acknowledge by this date (YYYY-MM-DD)."),
    quiz: Path | None = typer.Option(None, "--quiz", help="Optional YAML list of quiz questions."),
) -> None:
    """Create a briefing, ingest it into the knowledge base, queue it for the bot; prints the id last."""
    import yaml

    require_file(file)
    if quiz is not None:
        require_file(quiz)
    due_date = _due(due)
    svc = services(ctx)
    try:
        body, attach = read_briefing_file(file, IngestRules.from_settings(svc.settings))
        questions = load_quiz(yaml.safe_load(quiz.read_text(encoding="utf-8")), str(quiz)) if quiz else []
        desk = briefing_desk(svc)
        briefing_id = desk.create(
            author_id=by,
            title=title,
            body=body,
            to=to,
            due=due_date,
            document_path=file if attach else None,
            quiz=questions,
        )
    except (BriefingPermissionError, UnknownRepError, BriefingInputError) as exc:
        fail(str(exc), EXIT_USAGE)
    except (IngestError, yaml.YAMLError) as exc:
        fail(str(exc).splitlines()[0], EXIT_DATA_ERROR)
    status = desk.status(briefing_id)
    console.print(
        f"briefing {briefing_id} created for {len(status.recipients)} recipients; "
        "the running bot delivers it within seconds (unlinked reps get it when they link)",
        highlight=False,
        soft_wrap=True,
    )
    console.print(str(briefing_id), highlight=False)


@brief_app.command("status")
def brief_status(
    ctx: typer.Context,
    briefing_id: int = typer.Argument(..., help="The briefing id printed by 'brief create'."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Who received and who acknowledged a briefing."""
    try:
        status = briefing_desk(services(ctx)).status(briefing_id)
    except BriefingInputError as exc:
        fail(str(exc), EXIT_USAGE)
    if as_json:
        print(status.model_dump_json())
        return
    acked = sum(1 for r in status.recipients if r.acknowledged)
    table = Table(title=f"Briefing {status.id}: {escape(status.title)} ({acked}/{len(status.recipients)} acknowledged)")
    for column in ("rep", "delivered", "acknowledged at"):
        table.add_column(column)
    for row in status.recipients:
        table.add_row(row.rep_id, "yes" if row.delivered else "no", row.acknowledged_at or "-")
    console.print(table)


@brief_app.command("list")
def brief_list(ctx: typer.Context, by: str = typer.Option(..., "--by", help="Manager or director rep id.")) -> None:
    """The briefings a manager pushed (a director also sees their managers'), newest first."""
    store = services(ctx).store
    with store.session() as session:
        viewer = get_rep(session, by)
        if viewer is None:
            fail(str(UnknownRepError(by)), EXIT_USAGE)
        rows = summaries_for(session, viewer)
    if not rows:
        console.print("no briefings yet")
        return
    for row in rows:
        missing = ", ".join(r.rep_id for r in row.missing) or "nobody"
        due = f", due {row.due_date.isoformat()}" if row.due_date else ""
        counts = f"{row.acknowledged}/{row.recipients} acknowledged{due}"
        console.print(
            f"{row.id}  {escape(row.title)}: {counts}; missing: {missing}",
            highlight=False,
            soft_wrap=True,
        )


@brief_app.command("reindex")
def brief_reindex(ctx: typer.Context) -> None:
    """Rewrite the knowledge-base copy of every briefing with its audience (recipients, sender, sender's
    managers) and re-ingest what changed. Run once after upgrading from a release whose briefings were public."""
    changed = briefing_desk(services(ctx)).reindex()
    console.print(f"{changed} briefing(s) re-indexed with their audience", highlight=False)


@onboarding_app.command("status")
def onboarding_status(
    ctx: typer.Context,
    manager: str | None = typer.Option(None, "--manager", help="Only this manager's new hires (recursive)."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Each new hire's progress on their onboarding path."""
    svc = services(ctx)
    try:
        plan = load_configured_plan(svc.settings.home, svc.settings.onboarding_file)
    except OnboardingDataError as exc:
        fail(str(exc), EXIT_DATA_ERROR)
    if manager is not None:
        with svc.store.session() as session:
            if get_rep(session, manager) is None:
                fail(str(UnknownRepError(manager)), EXIT_USAGE)
    rows = OnboardingDesk(svc.store, plan).status(manager)
    if as_json:
        print(json.dumps([row.to_json() for row in rows], ensure_ascii=False))
        return
    if not rows:
        console.print("no new hires on an onboarding path")
        return
    table = Table(title="Onboarding progress")
    for column in ("rep", "name", "path", "progress"):
        table.add_column(column)
    for row in rows:
        table.add_row(row.rep_id, escape(row.name), row.path_id, escape(progress_text(row)))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Attach `brief` and `onboarding` to the root app."""
    app.add_typer(brief_app, name="brief")
    app.add_typer(onboarding_app, name="onboarding")
