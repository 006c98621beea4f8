"""The existing-HQMS registry is looked up by organization code (issue 14): callers read out the
full institution code, the 9-character organization code or the credit code that contains it,
and the HQMS office's list holds full codes or bare organization codes. Each row keeps its
organization code (the first 9 characters of its code) in an indexed column.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("hqms_registry") as batch:
        batch.add_column(sa.Column("organization", sa.String(9), nullable=True))
    registry = sa.table("hqms_registry", sa.column("code"), sa.column("organization"))
    op.execute(registry.update().values(organization=sa.func.substr(registry.c.code, 1, 9)))
    with op.batch_alter_table("hqms_registry") as batch:
        batch.alter_column("organization", existing_type=sa.String(9), nullable=False)
    op.create_index("ix_hqms_registry_organization", "hqms_registry", ["organization"])


def downgrade() -> None:
    op.drop_index("ix_hqms_registry_organization", "hqms_registry")
    with op.batch_alter_table("hqms_registry") as batch:
        batch.drop_column("organization")
