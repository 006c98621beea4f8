"""After registration: institution sessions, hotline calls, presence on an application, and the
audit trail's account, call and before → after columns (issue 5).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Timestamps are always UTC; the models wrap this type as `UtcDateTime`.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "account_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("account_id", sa.String(32), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("expires_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_account_sessions_account_id_accounts"
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_account_sessions"),
    )
    op.create_index("ix_account_sessions_account_id", "account_sessions", ["account_id"])

    op.create_table(
        "calls",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("application_id", sa.String(16), nullable=True),
        sa.Column("started_at", TIMESTAMP, nullable=False),
        sa.Column("ended_at", TIMESTAMP, nullable=True),
        sa.Column("caller_check", sa.String(16), nullable=True),
        sa.Column("caller_check_reason", sa.Text(), nullable=False),
        sa.Column("caller_check_phone", sa.String(20), nullable=False),
        sa.Column("caller_checked_at", TIMESTAMP, nullable=True),
        sa.Column("wrap_up", sa.String(16), nullable=True),
        sa.Column("wrap_up_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name="fk_calls_application_id_applications"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_calls"),
    )
    op.create_index("ix_calls_operator_started_at", "calls", ["operator", "started_at"])
    op.create_index("ix_calls_application_id", "calls", ["application_id"])

    op.create_table(
        "presence",
        sa.Column("application_id", sa.String(16), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("since", TIMESTAMP, nullable=False),
        sa.Column("seen_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_presence_application_id_applications",
        ),
        sa.PrimaryKeyConstraint("application_id", "operator", name="pk_presence"),
    )

    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("account_id", sa.String(32), nullable=True))
        batch.add_column(sa.Column("call_id", sa.String(16), nullable=True))
        batch.add_column(sa.Column("changes", sa.JSON(), nullable=True))
    op.create_index("ix_audit_events_account_id_at", "audit_events", ["account_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_events_account_id_at", table_name="audit_events")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("changes")
        batch.drop_column("call_id")
        batch.drop_column("account_id")
    for table in ("presence", "calls", "account_sessions"):
        op.drop_table(table)
