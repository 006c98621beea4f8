"""找回密码 by email (issue 14): the recovery links, kept as hashes, the requests on the
login page that the limits per account and per address count, and an index to count the
hotline's resends of a link per account.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Timestamps are always UTC; the models wrap this type as `UtcDateTime`.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "password_recoveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("account_id", sa.String(32), nullable=False),
        sa.Column("password_fingerprint", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("expires_at", TIMESTAMP, nullable=False),
        sa.Column("used_at", TIMESTAMP, nullable=True),
        sa.Column("voided_at", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_password_recoveries_account_id_accounts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_password_recoveries"),
        sa.UniqueConstraint("token_hash", name="uq_password_recoveries_token_hash"),
    )
    op.create_index("ix_password_recoveries_account_id", "password_recoveries", ["account_id"])

    op.create_table(
        "recovery_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("client_address", sa.String(64), nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recovery_requests"),
    )
    op.create_index("ix_recovery_requests_subject_at", "recovery_requests", ["subject", "at"])
    op.create_index(
        "ix_recovery_requests_client_address_at", "recovery_requests", ["client_address", "at"]
    )
    op.create_index("ix_outbox_account_id", "outbox", ["account_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_account_id", table_name="outbox")
    op.drop_table("recovery_requests")
    op.drop_table("password_recoveries")
