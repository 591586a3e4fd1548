"""The SQL store: one SQLAlchemy engine for roster, audit, KPIs, feedback, links and briefings.

SQLite under SALESCOACH_HOME by default, any SQLAlchemy URL (PostgreSQL) through settings. Imports run in one
transaction (`Store.transaction()`), so an import either applies whole or not at all.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from knowledge.home import (
    HomeAccess,
    check_home,
    connect_read_only,
    file_writable,
    no_data,
    read_only_error,
    sqlite_problem,
)
from knowledge.settings import Settings

DAMAGED_DB_REMEDY = (
    "restore it from a backup, or move it aside and load the data again (`salescoach roster import`, "
    "`policy import`, `kpi import`; `salescoach sample` for the demo); its audit history is lost then"
)

# Every module that declares tables on Base; imported before create_all so the schema is complete.
MODEL_MODULES: tuple[str, ...] = (
    "knowledge.roster",
    "knowledge.policy",
    "knowledge.audit",
    "coaching.records",
    "bot.state",
    "bot.briefings",
    "bot.onboarding",
    "web.models",
)


class Base(DeclarativeBase):
    """Declarative base shared by every table of the project."""


def _import_models() -> None:
    for name in MODEL_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # A feature module not present in this build simply has no tables.
            if exc.name != name:
                raise


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
        _import_models()
        # Reads only when every table exists; on a read-only file an older schema is reported as read-only.
        Base.metadata.create_all(self.engine)

    @classmethod
    def from_settings(cls, settings: Settings, access: HomeAccess = "create") -> Store:
        """The store of `settings`; `access` says whether the home may be created, must be written or is only read
        (see knowledge.home). A SQLite file that a "read"/"write" command finds missing is "no data" there."""
        if settings.database_url:  # a server, or a SQLite file of the operator's choosing: theirs to manage
            if access == "create":
                settings.ensure_home()
            return cls(settings.db_url)
        writable = check_home(settings.home, access)
        path = Path(make_url(settings.db_url).database or "")  # the SQLite file Settings puts under home
        if access != "create" and not path.exists():
            raise no_data(settings.home, path)
        if path.exists() and writable:
            writable = file_writable(path)
        if not writable and access != "read":
            raise read_only_error(path, settings.home)
        return cls(settings.db_url, read_only=not writable, sqlite_file=path, home=settings.home)

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
