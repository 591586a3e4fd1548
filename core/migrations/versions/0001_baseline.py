"""The schema of salescoach 0.1.0, the last release made with `create_all`: every table, frozen here.

A database that release created has exactly these tables and no `alembic_version`; `salescoach db upgrade` stamps
it at this revision (after checking the tables are there) and applies the later revisions. A new database is
created by running every revision from here.

Revision ID: 0001_baseline
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ts", sa.DateTime(), nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("decision", sa.JSON(), nullable=False),
        sa.Column("door", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_audit_decisions_rep_id"), "audit_decisions", ["rep_id"], unique=False)
    op.create_index(op.f("ix_audit_decisions_ts"), "audit_decisions", ["ts"], unique=False)
    op.create_table(
        "briefings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("kb_path", sa.String(length=1000), nullable=True),
        sa.Column("document_path", sa.String(length=1000), nullable=True),
        sa.Column("quiz_json", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_briefings_author_id"), "briefings", ["author_id"], unique=False)
    op.create_table(
        "channel_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("spend", sa.Float(), nullable=False),
        sa.Column("leads", sa.Integer(), nullable=False),
        sa.Column("qualified", sa.Integer(), nullable=False),
        sa.Column("proposals", sa.Integer(), nullable=False),
        sa.Column("won", sa.Integer(), nullable=False),
        sa.Column("revenue", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("rep_id", "period", "channel", name="uq_channel_rep_period_channel"),
    )
    op.create_index(op.f("ix_channel_records_period"), "channel_records", ["period"], unique=False)
    op.create_index(op.f("ix_channel_records_rep_id"), "channel_records", ["rep_id"], unique=False)
    op.create_table(
        "kpi_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("sales_amount", sa.Float(), nullable=False),
        sa.Column("sales_target", sa.Float(), nullable=False),
        sa.Column("billed_amount", sa.Float(), nullable=False),
        sa.Column("collected_amount", sa.Float(), nullable=False),
        sa.Column("overdue_amount", sa.Float(), nullable=False),
        sa.Column("market_share_pct", sa.Float(), nullable=False),
        sa.Column("prev_market_share_pct", sa.Float(), nullable=False),
        sa.Column("new_customers", sa.Integer(), nullable=False),
        sa.Column("active_customers", sa.Integer(), nullable=False),
        sa.Column("repeat_customers", sa.Integer(), nullable=False),
        sa.Column("csat", sa.Float(), nullable=False),
        sa.Column("complaints", sa.Integer(), nullable=False),
        sa.Column("training_hours", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("rep_id", "period", name="uq_kpi_rep_period"),
    )
    op.create_index(op.f("ix_kpi_records_period"), "kpi_records", ["period"], unique=False)
    op.create_index(op.f("ix_kpi_records_rep_id"), "kpi_records", ["rep_id"], unique=False)
    op.create_table(
        "onboarding_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("path_id", sa.String(length=64), nullable=False),
        sa.Column("module_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_onboarding_attempts_rep_id"), "onboarding_attempts", ["rep_id"], unique=False)
    op.create_table(
        "onboarding_progress",
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("path_id", sa.String(length=64), nullable=False),
        sa.Column("module_index", sa.Integer(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("last_nudged_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("rep_id"),
    )
    op.create_table(
        "policies",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "reps",
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.Column("manager_id", sa.String(length=64), nullable=True),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("hire_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("rep_id"),
        sa.UniqueConstraint("telegram_user_id"),
    )
    op.create_index(op.f("ix_reps_manager_id"), "reps", ["manager_id"], unique=False)
    op.create_table(
        "telegram_asks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("normalised", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("grounded", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_telegram_asks_normalised"), "telegram_asks", ["normalised"], unique=False)
    op.create_index(op.f("ix_telegram_asks_rep_id"), "telegram_asks", ["rep_id"], unique=False)
    op.create_table(
        "telegram_invites",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("redeemed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("redeemed_by", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index(op.f("ix_telegram_invites_rep_id"), "telegram_invites", ["rep_id"], unique=False)
    op.create_table(
        "telegram_links",
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("invite_code", sa.String(length=64), nullable=True),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("telegram_user_id"),
    )
    op.create_index(op.f("ix_telegram_links_rep_id"), "telegram_links", ["rep_id"], unique=True)
    op.create_table(
        "briefing_recipients",
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("claim_token", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("quiz_answers", sa.Text(), nullable=True),
        sa.Column("quiz_score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["briefing_id"], ["briefings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("briefing_id", "rep_id"),
    )
    op.create_index("ix_briefing_recipients_state", "briefing_recipients", ["state", "claimed_at"], unique=False)
    op.create_table(
        "briefing_reminders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("remind_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("claim_token", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["briefing_id"], ["briefings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_briefing_reminders_briefing_id"), "briefing_reminders", ["briefing_id"], unique=False)
    op.create_index("ix_briefing_reminders_due", "briefing_reminders", ["state", "remind_at"], unique=False)
    op.create_table(
        "telegram_feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ask_id", sa.Integer(), nullable=False),
        sa.Column("rep_id", sa.String(length=64), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("voted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["ask_id"], ["telegram_asks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ask_id", "rep_id"),
    )
    op.create_index(op.f("ix_telegram_feedback_ask_id"), "telegram_feedback", ["ask_id"], unique=False)
    op.create_table(
        "telegram_handoffs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ask_id", sa.Integer(), nullable=False),
        sa.Column("from_rep_id", sa.String(length=64), nullable=False),
        sa.Column("to_rep_id", sa.String(length=64), nullable=False),
        sa.Column("to_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["ask_id"], ["telegram_asks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ask_id", "to_rep_id"),
    )
    op.create_index(op.f("ix_telegram_handoffs_ask_id"), "telegram_handoffs", ["ask_id"], unique=False)
    op.create_index(op.f("ix_telegram_handoffs_status"), "telegram_handoffs", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_telegram_handoffs_status"), table_name="telegram_handoffs")
    op.drop_index(op.f("ix_telegram_handoffs_ask_id"), table_name="telegram_handoffs")
    op.drop_table("telegram_handoffs")
    op.drop_index(op.f("ix_telegram_feedback_ask_id"), table_name="telegram_feedback")
    op.drop_table("telegram_feedback")
    op.drop_index("ix_briefing_reminders_due", table_name="briefing_reminders")
    op.drop_index(op.f("ix_briefing_reminders_briefing_id"), table_name="briefing_reminders")
    op.drop_table("briefing_reminders")
    op.drop_index("ix_briefing_recipients_state", table_name="briefing_recipients")
    op.drop_table("briefing_recipients")
    op.drop_index(op.f("ix_telegram_links_rep_id"), table_name="telegram_links")
    op.drop_table("telegram_links")
    op.drop_index(op.f("ix_telegram_invites_rep_id"), table_name="telegram_invites")
    op.drop_table("telegram_invites")
    op.drop_index(op.f("ix_telegram_asks_rep_id"), table_name="telegram_asks")
    op.drop_index(op.f("ix_telegram_asks_normalised"), table_name="telegram_asks")
    op.drop_table("telegram_asks")
    op.drop_index(op.f("ix_reps_manager_id"), table_name="reps")
    op.drop_table("reps")
    op.drop_table("policies")
    op.drop_table("onboarding_progress")
    op.drop_index(op.f("ix_onboarding_attempts_rep_id"), table_name="onboarding_attempts")
    op.drop_table("onboarding_attempts")
    op.drop_index(op.f("ix_kpi_records_rep_id"), table_name="kpi_records")
    op.drop_index(op.f("ix_kpi_records_period"), table_name="kpi_records")
    op.drop_table("kpi_records")
    op.drop_index(op.f("ix_channel_records_rep_id"), table_name="channel_records")
    op.drop_index(op.f("ix_channel_records_period"), table_name="channel_records")
    op.drop_table("channel_records")
    op.drop_index(op.f("ix_briefings_author_id"), table_name="briefings")
    op.drop_table("briefings")
    op.drop_index(op.f("ix_audit_decisions_ts"), table_name="audit_decisions")
    op.drop_index(op.f("ix_audit_decisions_rep_id"), table_name="audit_decisions")
    op.drop_table("audit_decisions")
