"""Schema migrations (Alembic), shipped inside the package and run with a Config built in code.

Why: the schema used to be made by `create_all`, which never changes a table that exists, so a deployed database
could not gain a column. Now every change is a revision in `versions/`; a new database is created by running them
all, an existing one is brought forward by `salescoach db upgrade`, and a database this release cannot use as it
is (older, or from a newer release) is refused before anything reads it.

A database made by 0.1.0 (`create_all`, no `alembic_version` table) is recognised by its tables: `upgrade` stamps
it at the newest revision whose tables and columns it holds exactly, then applies the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, inspect

SCRIPTS = Path(__file__).resolve().parent
UPGRADE_COMMAND = "salescoach db upgrade"
VERSION_TABLE = "alembic_version"

Schema = dict[str, frozenset[str]]  # table name -> its column names


class SchemaError(Exception):
    """The database cannot be used or migrated as it is; str() is one line that says what to do."""


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands: `current` is its revision (None when un-versioned), `empty` when it has no table."""

    current: str | None
    head: str
    empty: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def known(self) -> bool:
        """False for a revision this release does not have (a database from a newer release)."""
        return self.current is None or self.current in revisions()


def config(connection: Connection, on_applied: Callable[[str], None] | None = None) -> Config:
    """An Alembic Config for `connection`, with no alembic.ini: env.py reads the connection from attributes."""
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["connection"] = connection
    cfg.attributes["on_applied"] = on_applied
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory(str(SCRIPTS))


def head() -> str:
    """The newest revision of this release."""
    current = _scripts().get_current_head()
    if current is None:  # pragma: no cover - the package always ships its revisions
        raise SchemaError(f"{SCRIPTS}: no migration revisions found")
    return current


def revisions() -> list[str]:
    """Every revision, oldest first."""
    return [script.revision for script in reversed(list(_scripts().walk_revisions()))]


def describe(revision: str) -> str:
    """The first line of a revision's docstring: what it changes."""
    script = _scripts().get_revision(revision)
    doc = script.doc if script is not None else ""
    return doc.strip().splitlines()[0] if doc.strip() else revision


def status(connection: Connection) -> SchemaStatus:
    """The database's revision and whether it holds any table (one or two cheap queries)."""
    tables = set(inspect(connection).get_table_names())
    current = MigrationContext.configure(connection).get_current_revision() if VERSION_TABLE in tables else None
    return SchemaStatus(current=current, head=head(), empty=not tables)


def outdated_message(where: str, state: SchemaStatus) -> str:
    """The one line a command prints when the database needs `db upgrade` (or a newer release)."""
    if not state.known:
        return (
            f"{where}: the database is at revision {state.current}, made by a newer release than this one "
            f"(which knows up to {state.head}): upgrade salescoach"
        )
    at = f"revision {state.current}" if state.current else "un-versioned (salescoach 0.1.0)"
    return f"{where}: the database schema is {at}, this release needs {state.head}: run: {UPGRADE_COMMAND}"


def create(connection: Connection) -> list[str]:
    """Create the whole schema on an empty database by running every revision; returns the revisions applied."""
    return upgrade(connection)


def upgrade(
    connection: Connection,
    on_applied: Callable[[str], None] | None = None,
    on_stamped: Callable[[str], None] | None = None,
) -> list[str]:
    """Bring the database to the head revision, in one transaction where the database allows it.

    An un-versioned database is first stamped at the revision whose tables it matches (see module docstring;
    `on_stamped` hears which); one that matches none is refused, unchanged. Returns the revisions applied, oldest
    first.
    """
    applied: list[str] = []

    def note(revision: str) -> None:
        applied.append(revision)
        if on_applied is not None:
            on_applied(revision)

    state = status(connection)
    if not state.known:
        raise SchemaError(outdated_message("database", state))
    if state.current is None and not state.empty:
        found = recognise(read_schema(connection))
        command.stamp(config(connection), found)
        if on_stamped is not None:
            on_stamped(found)
    command.upgrade(config(connection, note), "head")
    return applied


def read_schema(connection: Connection) -> Schema:
    """Tables and their columns, without Alembic's own table."""
    inspector = inspect(connection)
    return {
        name: frozenset(column["name"] for column in inspector.get_columns(name))
        for name in inspector.get_table_names()
        if name != VERSION_TABLE
    }


def recognise(found: Schema) -> str:
    """The newest revision whose schema is exactly `found`; SchemaError naming the difference otherwise."""
    best: tuple[str, Schema] | None = None
    for revision, schema in _schemas_by_revision():
        if schema == found:
            best = (revision, schema)
    if best is not None:
        return best[0]
    first = _schemas_by_revision()[0][1]
    missing = sorted(set(first) - set(found))
    odd = sorted(name for name in found if name in first and not first[name] <= found[name])
    detail = f"missing tables: {', '.join(missing)}" if missing else f"columns differ in: {', '.join(odd) or '?'}"
    raise SchemaError(
        f"the database has no revision and its tables match no release of salescoach ({detail}): "
        "restore it from a backup, or move it aside and load the data again"
    )


@cache
def _schemas_by_revision() -> tuple[tuple[str, Schema], ...]:
    """The schema after each revision, built once in a throwaway in-memory SQLite database."""
    engine: Engine = create_engine("sqlite://")
    found: list[tuple[str, Schema]] = []
    try:
        with engine.begin() as connection:
            for revision in revisions():
                command.upgrade(config(connection), revision)
                found.append((revision, read_schema(connection)))
    finally:
        engine.dispose()
    return tuple(found)


def current_lines(connection: Connection) -> list[str]:
    """What `db current` prints: the revision and what it is, and whether an upgrade is due."""
    state = status(connection)
    if state.empty:
        return [f"no schema yet (a new database is created at {state.head})"]
    line = f"{state.current} ({describe(state.current)})" if state.current and state.known else None
    lines = [line or (state.current or "un-versioned (salescoach 0.1.0)")]
    lines.append("up to date" if state.up_to_date else outdated_message("database", state))
    return lines
