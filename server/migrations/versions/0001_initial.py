"""Initial schema: applications and their form revisions, accounts, files, operators and
their tokens, the audit trail, the existing-HQMS registry.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Timestamps are always UTC; the models wrap this type as `UtcDateTime`.
TIMESTAMP = sa.DateTime(timezone=True)
ONE_OPEN_PER_CODE = sa.text("status IN ('draft', 'pending') AND code <> ''")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("login_name", sa.String(64), nullable=False),
        sa.Column("admin_phone", sa.String(20), nullable=False),
        sa.Column("admin_name", sa.String(100), nullable=False),
        sa.Column("admin_email", sa.String(200), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("login_name", name="uq_accounts_login_name"),
    )
    op.create_index("ix_accounts_admin_phone", "accounts", ["admin_phone"])
    op.create_index("ix_accounts_code", "accounts", ["code"])

    op.create_table(
        "hqms_registry",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_hqms_registry"),
    )

    op.create_table(
        "operators",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", TIMESTAMP, nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_operators"),
        sa.UniqueConstraint("username", name="uq_operators_username"),
    )

    op.create_table(
        "applications",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("form_number", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("admin_phone", sa.String(20), nullable=False),
        sa.Column("legal_rep_phone", sa.String(20), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.Column("submitted_at", TIMESTAMP, nullable=True),
        sa.Column("parent_id", sa.String(16), nullable=True),
        sa.Column("account_id", sa.String(32), nullable=True),
        sa.Column("review_reason", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.String(100), nullable=True),
        sa.Column("reviewed_at", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_applications_account_id_accounts"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["applications.id"], name="fk_applications_parent_id_applications"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_applications"),
    )
    # The hotline's main key: a caller's phone, as admin or legal representative.
    op.create_index("ix_applications_admin_phone", "applications", ["admin_phone"])
    op.create_index("ix_applications_legal_rep_phone", "applications", ["legal_rep_phone"])
    op.create_index("ix_applications_code", "applications", ["code"])
    op.create_index("ix_applications_status_updated_at", "applications", ["status", "updated_at"])
    op.create_index("ix_applications_updated_at_id", "applications", ["updated_at", "id"])
    op.create_index("ix_applications_account_id", "applications", ["account_id"])
    op.create_index("ix_applications_parent_id", "applications", ["parent_id"])
    op.create_index(
        "uq_applications_open_code",
        "applications",
        ["code"],
        unique=True,
        sqlite_where=ONE_OPEN_PER_CODE,
        postgresql_where=ONE_OPEN_PER_CODE,
    )

    op.create_table(
        "operator_tokens",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("last_used_at", TIMESTAMP, nullable=False),
        sa.Column("expires_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name="fk_operator_tokens_operator_id_operators"
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_operator_tokens"),
    )
    op.create_index("ix_operator_tokens_operator_id", "operator_tokens", ["operator_id"])

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.String(16), nullable=True),
        sa.Column("at", TIMESTAMP, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_audit_events_application_id_applications",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_application_id_at", "audit_events", ["application_id", "at"])

    op.create_table(
        "files",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("application_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("form_number", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", TIMESTAMP, nullable=False),
        sa.Column("uploaded_by", sa.String(100), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name="fk_files_application_id_applications"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_files"),
    )
    op.create_index("ix_files_application_id", "files", ["application_id"])

    op.create_table(
        "form_revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("application_id", sa.String(16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("form", sa.JSON(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_form_revisions_application_id_applications",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_form_revisions"),
        sa.UniqueConstraint(
            "application_id", "number", name="uq_form_revisions_application_id_number"
        ),
    )

    op.create_table(
        "file_blobs",
        sa.Column("file_id", sa.String(32), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["file_id"], ["files.id"], name="fk_file_blobs_file_id_files"),
        sa.PrimaryKeyConstraint("file_id", name="pk_file_blobs"),
    )


def downgrade() -> None:
    for table in (
        "file_blobs",
        "form_revisions",
        "files",
        "audit_events",
        "operator_tokens",
        "applications",
        "operators",
        "hqms_registry",
        "accounts",
    ):
        op.drop_table(table)
