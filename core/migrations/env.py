"""Alembic's entry point: runs the revisions on the connection the caller put in the Config (no alembic.ini).

Called only through `core.migrations` (which builds the Config); `target_metadata` lets `alembic revision
--autogenerate` compare the models with a database when a developer writes the next revision.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from alembic import context
from alembic.migration import MigrationContext, MigrationInfo

from core.store import Base

connection = context.config.attributes["connection"]
on_applied = context.config.attributes.get("on_applied")


def _applied(ctx: MigrationContext, step: MigrationInfo, heads: Collection[Any], run_args: Mapping[str, Any]) -> None:
    """Alembic's per-revision hook: tell the caller each revision as it is applied (for `db upgrade`)."""
    if on_applied is not None and step.is_upgrade:
        on_applied(step.up_revision_id)


# The tables registered on Base: a developer autogenerating a revision calls
# workflows.schema.load_models() first (the kernel imports no feature module).
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters a table by copying it
    compare_type=True,
    on_version_apply=_applied,
)
with context.begin_transaction():
    context.run_migrations()
