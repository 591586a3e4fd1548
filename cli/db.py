"""`salescoach db upgrade` and `salescoach db current`: the database schema's revision, and bringing it forward.

These commands open the database as it is (every other command refuses one at another revision, naming
`salescoach db upgrade`), so they build their own Store without the schema check.
"""

from __future__ import annotations

import typer
from rich.markup import escape

from cli.common import EXIT_DATA_ERROR, console, fail, services
from core.migrations import SchemaError, current_lines, describe
from core.migrations import upgrade as upgrade_schema
from core.store import Store

db_app = typer.Typer(help="The database schema: its revision, and upgrades after a new release.", no_args_is_help=True)


def _store(ctx: typer.Context) -> Store:
    svc = services(ctx)
    return Store.from_settings(svc.settings, svc.access, check_schema=False)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply the migrations this release has and the database lacks, one line per revision applied."""
    store = _store(ctx)
    try:
        with store.engine.begin() as connection:
            applied = upgrade_schema(
                connection,
                on_applied=lambda rev: console.print(f"applied {rev}: {escape(describe(rev))}", soft_wrap=True),
                on_stamped=lambda rev: console.print(
                    f"found the tables of {rev} (no revision recorded): stamped {rev}", soft_wrap=True
                ),
            )
    except SchemaError as exc:
        fail(escape(str(exc)), EXIT_DATA_ERROR)
    finally:
        store.dispose()
    if not applied:
        console.print("up to date")


@db_app.command("current")
def current(ctx: typer.Context) -> None:
    """Show the database's revision and whether it needs `salescoach db upgrade`."""
    store = _store(ctx)
    try:
        with store.engine.connect() as connection:
            for line in current_lines(connection):
                console.print(escape(line), soft_wrap=True)
    finally:
        store.dispose()


def register(app: typer.Typer) -> None:
    """Attach `db` to the root app."""
    app.add_typer(db_app, name="db")
