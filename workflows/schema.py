"""The whole SQL schema: every module that declares tables on `core.store.Base`, imported by name here.

The kernel never imports feature modules (the arrows point from features to core); instead the edge, the service
container every door builds, calls `load_models()` before it opens a store, so the ORM and Alembic's autogenerate
see every table. A module that declares tables is listed here (tests/test_architecture.py checks it).
"""

from __future__ import annotations

from types import ModuleType

from sqlalchemy import MetaData

from authority import audit, policy
from coaching import records
from core import roster
from core.store import Base
from workflows import briefings, onboarding, state, web_state

TABLE_MODULES: tuple[ModuleType, ...] = (roster, policy, audit, records, state, briefings, onboarding, web_state)


def load_models() -> MetaData:
    """The metadata holding every table of the project (importing this module registered them all)."""
    return Base.metadata
