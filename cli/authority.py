"""CLI commands for the authority feature: `roster import`, `policy import|show`, `audit`.

Thin on purpose: parse arguments, call the core (workflows.roster_import, authority.policy, authority.audit),
print. Data problems exit 1 with one line per problem; bad arguments exit 2.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from authority.audit import list_decisions
from authority.decisions import decision_line, format_amount
from authority.policy import SECTIONS, PolicyError, import_policy, load_policy
from cli.common import EXIT_DATA_ERROR, EXIT_USAGE, console, err_console, fail, require_file, services
from core.messages import Decision
from core.roster import get_rep
from workflows.roster_import import RosterImportError, import_roster

roster_app = typer.Typer(help="The sales roster: who is who, their role and manager.", no_args_is_help=True)
policy_app = typer.Typer(help="The authority policy: limits by role.", no_args_is_help=True)


def _problems(problems: list[str]) -> None:
    """Print every problem on its own line, then exit 1."""
    for line in problems:
        err_console.print(f"[bold red]error:[/] {escape(line)}", highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_DATA_ERROR)


@roster_app.command("import")
def roster_import(
    ctx: typer.Context, file: Path = typer.Argument(..., help="Roster CSV (rep_id,name,role,...).")
) -> None:
    """Replace the roster with FILE.csv; any bad row changes nothing."""
    store = services(ctx).store
    try:
        summary = import_roster(store, require_file(file))
    except RosterImportError as exc:
        _problems(exc.problems)
    console.print(summary.line(), highlight=False, soft_wrap=True)


@policy_app.command("import")
def policy_import(
    ctx: typer.Context, file: Path = typer.Argument(..., help="Policy YAML (roles + limits sections).")
) -> None:
    """Make FILE.yaml the active authority policy; any problem changes nothing."""
    store = services(ctx).store
    try:
        policy = import_policy(store, require_file(file))
    except PolicyError as exc:
        _problems(exc.problems)
    sections = [SECTIONS[kind][0] for kind in SECTIONS if policy.limits(kind) is not None]
    if policy.credit_hold is not None:
        sections.append("credit_hold")
    if policy.citations:
        sections.append("citations")
    console.print(
        f"imported policy: {len(policy.roles)} roles ({', '.join(policy.roles)}), sections: {', '.join(sections)}",
        highlight=False,
        soft_wrap=True,
    )


@policy_app.command("show")
def policy_show(ctx: typer.Context) -> None:
    """Print the active policy's limits by role."""
    policy = load_policy(services(ctx).store)
    if policy is None:
        fail("no policy imported yet: run 'salescoach policy import FILE.yaml'")
    table = Table(title="Authority limits by role")
    table.add_column("role")
    kinds = [kind for kind in SECTIONS if policy.limits(kind) is not None]
    for kind in kinds:
        table.add_column(kind, justify="right")
    for role in policy.roles:
        cells = [format_amount((policy.limits(kind) or {})[role], kind, "en") for kind in kinds]
        table.add_row(role, *cells)
    console.print(table)
    hold = policy.credit_hold
    if hold is not None:
        console.print(
            f"credit_hold: a customer more than {hold.overdue_days:g} days overdue gets no new payment terms "
            f"below {hold.approver_role}",
            highlight=False,
            soft_wrap=True,
        )
    for name, sources in (policy.citations or {}).items():
        cited = "; ".join(f"{source.document} › {source.section}" for source in sources) or "(none)"
        console.print(f"cites for {name}: {escape(cited)}", highlight=False, soft_wrap=True)


def _parse_since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--since {value!r}: expected a date YYYY-MM-DD", EXIT_USAGE)


def audit(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--since", help="Only decisions on or after this date (YYYY-MM-DD, UTC)."),
    rep: str | None = typer.Option(None, "--rep", help="Only decisions asked by this rep id."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list instead of a table."),
) -> None:
    """List recorded authority decisions (when, who, question, decision)."""
    start = _parse_since(since)
    with services(ctx).store.session() as session:
        entries = list_decisions(session, since=start, rep_id=rep)
        # A rep who has left the roster keeps their audit trail; an id that was never anyone's is a typo.
        if rep is not None and not entries and get_rep(session, rep) is None:
            fail(f"unknown rep id {rep!r}: not on the roster and no decisions recorded for it", EXIT_USAGE)
    if as_json:
        typer.echo(json.dumps([entry.model_dump(mode="json") for entry in entries], ensure_ascii=False))
        return
    if not entries:
        console.print("no decisions recorded" + (" for these filters" if since or rep else ""))
        return
    table = Table(title=f"Authority decisions ({len(entries)})")
    table.add_column("when (UTC)", no_wrap=True)
    table.add_column("rep", no_wrap=True)
    table.add_column("door", no_wrap=True)
    table.add_column("question", ratio=3)
    table.add_column("decision", ratio=2)
    for entry in entries:
        table.add_row(
            entry.ts.strftime("%Y-%m-%d %H:%M"),
            entry.rep_id or "-",
            entry.door or "-",
            entry.question,
            _summary(entry.decision),
        )
    console.print(table)


def _summary(d: Decision) -> str:
    """One cell: the decision in the authority desk's one wording (as the bot and the chat showed it), and the
    approver's rep id, which an audit needs where a name can be shared."""
    line = decision_line(d, "en")
    return f"{line} [{d.approver.rep_id}]" if d.approver is not None else line


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""
    app.add_typer(roster_app, name="roster")
    app.add_typer(policy_app, name="policy")
    app.command("audit")(audit)
