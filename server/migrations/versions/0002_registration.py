"""The registration flow: SMS verifications, applicant sessions, the notification outbox and
its attachments, idempotency keys (docs/registration-flow.md).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Timestamps are always UTC; the models wrap this type as `UtcDateTime`.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "verifications",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("salt", sa.String(32), nullable=False),
        sa.Column("attempts_left", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("expires_at", TIMESTAMP, nullable=False),
        sa.Column("confirmed_at", TIMESTAMP, nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=True),
        sa.Column("token_expires_at", TIMESTAMP, nullable=True),
        sa.Column("token_used_at", TIMESTAMP, nullable=True),
        sa.Column("application_id", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_verifications"),
    )
    # Resend interval and daily cap: the latest rows of a phone (and purpose).
    op.create_index(
        "ix_verifications_phone_purpose_created_at",
        "verifications",
        ["phone", "purpose", "created_at"],
    )
    op.create_index("ix_verifications_token_hash", "verifications", ["token_hash"])

    op.create_table(
        "applicant_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("application_id", sa.String(16), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("expires_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_applicant_sessions_application_id_applications",
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_applicant_sessions"),
    )
    op.create_index(
        "ix_applicant_sessions_application_id", "applicant_sessions", ["application_id"]
    )

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("recipient", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("secrets", sa.JSON(), nullable=True),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("application_id", sa.String(16), nullable=True),
        sa.Column("account_id", sa.String(32), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TIMESTAMP, nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("delivered_at", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name="fk_outbox_application_id_applications"
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_outbox_account_id_accounts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
    )
    # The delivery worker's query: due pending messages.
    op.create_index("ix_outbox_status_next_attempt_at", "outbox", ["status", "next_attempt_at"])
    op.create_index("ix_outbox_application_id", "outbox", ["application_id"])

    op.create_table(
        "outbox_attachments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"], ["outbox.id"], name="fk_outbox_attachments_message_id_outbox"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_outbox_attachments"),
    )
    op.create_index("ix_outbox_attachments_message_id", "outbox_attachments", ["message_id"])

    op.create_table(
        "idempotency_keys",
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("path", sa.String(300), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.LargeBinary(), nullable=False),
        sa.Column("response_headers", sa.JSON(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("actor", "key", name="pk_idempotency_keys"),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])


def downgrade() -> None:
    for table in (
        "idempotency_keys",
        "outbox_attachments",
        "outbox",
        "applicant_sessions",
        "verifications",
    ):
        op.drop_table(table)
