"""The web console's tables: one-time login links (hashed) and content gaps marked as handled.

Revision ID: 0002_web_console
Revises: 0001_baseline
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_web_console"
down_revision: str | None = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_handled_gaps",
        sa.Column("normalised", sa.Text(), nullable=False),
        sa.Column("handled_by", sa.String(length=64), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("normalised"),
    )
    op.create_table(
        "web_login_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index(op.f("ix_web_login_tokens_rep_id"), "web_login_tokens", ["rep_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_web_login_tokens_rep_id"), table_name="web_login_tokens")
    op.drop_table("web_login_tokens")
    op.drop_table("web_handled_gaps")
