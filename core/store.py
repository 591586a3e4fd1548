"""The SQL store: one SQLAlchemy engine for roster, audit, KPIs, feedback, links and briefings.

SQLite under SALESCOACH_HOME by default, any SQLAlchemy URL (PostgreSQL) through settings. Imports run in one
transaction (`Store.transaction()`), so an import either applies whole or not at all. The schema comes from the
Alembic revisions in knowledge/migrations: an empty database is created at the newest one; a database at an older
(or unknown) revision is refused with one line naming `salescoach db upgrade`, before anything reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from core.home import (
    HomeAccess,
    HomeError,
    check_home,
    connect_read_only,
    file_writable,
    no_data,
    read_only_error,
    sqlite_problem,
)
from core.settings import Settings

DAMAGED_DB_REMEDY = (
    "restore it from a backup, or move it aside and load the data again (`salescoach roster import`, "
    "`policy import`, `kpi import`; `salescoach sample` for the demo); its audit history is lost then"
)


class Base(DeclarativeBase):
    """Declarative base shared by every table of the project."""


class OutdatedSchemaError(HomeError):
    """The database is at another revision than this release's: `salescoach db upgrade` (or a newer release)."""


class Store:
    """Owns the engine and hands out sessions; create one per process.

    A SQLite file (`sqlite_file`) gets its problems reported as one-line HomeErrors naming it; `read_only` opens
    it without writing anything, so questions and reports work on a home this process cannot write.
    """

    def __init__(
        self,
        url: str,
        *,
        echo: bool = False,
        read_only: bool = False,
        sqlite_file: Path | None = None,
        home: Path | None = None,
        check_schema: bool = True,
    ) -> None:
        self.read_only = read_only
        connect_args = {"check_same_thread": False, "timeout": 30} if url.startswith("sqlite") else {}
        if read_only and sqlite_file is not None:
            path = sqlite_file
            self.engine: Engine = create_engine(
                url, echo=echo, creator=lambda: connect_read_only(path, check_same_thread=False, timeout=30)
            )
        else:
            self.engine = create_engine(url, echo=echo, connect_args=connect_args)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas if not read_only else _sqlite_read_pragmas)
        if sqlite_file is not None:
            event.listen(self.engine, "handle_error", _Translator(sqlite_file, home or sqlite_file.parent))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._where = str(sqlite_file) if sqlite_file is not None else make_url(url).render_as_string(True)
        if check_schema:  # `salescoach db` opens the database as it is, to report or upgrade it
            self._prepare_schema()

    def _prepare_schema(self) -> None:
        """Create an empty database at the head revision; refuse one at any other revision."""
        # Alembic loads with the first store, not with every module that declares a table.
        from core.migrations import create as create_schema
        from core.migrations import outdated_message
        from core.migrations import status as schema_status

        with self.engine.connect() as connection:
            state = schema_status(connection)
        if state.empty:  # on a read-only file the first write is reported as read-only
            try:
                with self.engine.begin() as connection:
                    create_schema(connection)
            except Exception:
                with self.engine.connect() as connection:  # another process created it first: fine
                    if not schema_status(connection).up_to_date:
                        raise
            return
        if not state.up_to_date:
            raise OutdatedSchemaError(outdated_message(self._where, state))

    @classmethod
    def from_settings(cls, settings: Settings, access: HomeAccess = "create", *, check_schema: bool = True) -> Store:
        """The store of `settings`; `access` says whether the home may be created, must be written or is only read
        (see core.home). A SQLite file that a "read"/"write" command finds missing is "no data" there."""
        if settings.database_url:  # a server, or a SQLite file of the operator's choosing: theirs to manage
            if access == "create":
                settings.ensure_home()
            return cls(settings.db_url, check_schema=check_schema)
        writable = check_home(settings.home, access)
        path = Path(make_url(settings.db_url).database or "")  # the SQLite file Settings puts under home
        if access != "create" and not path.exists():
            raise no_data(settings.home, path)
        if path.exists() and writable:
            writable = file_writable(path)
        if not writable and access != "read":
            raise read_only_error(path, settings.home)
        return cls(
            settings.db_url,
            read_only=not writable,
            sqlite_file=path,
            home=settings.home,
            check_schema=check_schema,
        )

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits on success and rolls back entirely on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


class _Translator:
    """SQLAlchemy `handle_error` hook: a damaged or read-only database file becomes a one-line HomeError."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.home = home

    def __call__(self, context: ExceptionContext) -> None:
        problem = sqlite_problem(self.path, self.home, context.original_exception, DAMAGED_DB_REMEDY)
        if problem is not None:
            raise problem from context.original_exception


def _sqlite_read_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Foreign keys on; the journal mode is left as the file has it (changing it would be a write)."""
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Foreign keys on, and WAL so the bot's readers never block an import's writer."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
