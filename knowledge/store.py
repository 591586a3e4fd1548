"""The SQL store: one SQLAlchemy engine for roster, audit, KPIs, feedback, links and briefings.

SQLite under SALESCOACH_HOME by default, any SQLAlchemy URL (PostgreSQL) through settings. Imports run in one
transaction (`Store.transaction()`), so an import either applies whole or not at all.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from knowledge.settings import Settings

# Every module that declares tables on Base; imported before create_all so the schema is complete.
MODEL_MODULES: tuple[str, ...] = (
    "knowledge.roster",
    "knowledge.policy",
    "knowledge.audit",
    "coaching.records",
    "bot.state",
    "bot.briefings",
    "bot.onboarding",
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
    """Owns the engine and hands out sessions; create one per process."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        connect_args = {"check_same_thread": False, "timeout": 30} if url.startswith("sqlite") else {}
        self.engine: Engine = create_engine(url, echo=echo, connect_args=connect_args)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        _import_models()
        Base.metadata.create_all(self.engine)

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        settings.ensure_home()
        return cls(settings.db_url)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits on success and rolls back entirely on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Foreign keys on, and WAL so the bot's readers never block an import's writer."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
