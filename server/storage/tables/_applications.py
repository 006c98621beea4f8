"""An application (申请) with its form versions, stamped scans and timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base

# The statuses in which an application is "open": at most one per institution code (DESIGN §2).
OPEN_STATUSES = ("draft", "pending")
_ONE_OPEN_PER_CODE = text("status IN ('draft', 'pending') AND code <> ''")


class ApplicationRow(Base):
    """An application (申请): its state and the searchable copy of its current form."""

    __tablename__ = "applications"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)  # e.g. HQ7K-M2XP
    kind: Mapped[str] = mapped_column(String(16))  # domain.Kind
    status: Mapped[str] = mapped_column(String(16))  # domain.Status
    # Bumped by every change of form or state: the ETag and If-Match value.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # `form_revisions.number` of the current form; 0 while no form was saved yet.
    form_number: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(200), default="")
    admin_phone: Mapped[str] = mapped_column(String(20))
    legal_rep_phone: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    # For a `change` application: the approved application it amends.
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), nullable=True)
    # The account this application created (approved `new`) or changes (`change`).
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    review_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    reviewer: Mapped[str | None] = mapped_column(String(100), nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    __table_args__ = (
        Index("ix_applications_admin_phone", "admin_phone"),
        Index("ix_applications_legal_rep_phone", "legal_rep_phone"),
        Index("ix_applications_code", "code"),
        Index("ix_applications_status_updated_at", "status", "updated_at"),
        Index("ix_applications_updated_at_id", "updated_at", "id"),
        Index("ix_applications_account_id", "account_id"),
        Index("ix_applications_parent_id", "parent_id"),
        Index(
            "uq_applications_open_code",
            "code",
            unique=True,
            sqlite_where=_ONE_OPEN_PER_CODE,
            postgresql_where=_ONE_OPEN_PER_CODE,
        ),
    )


class FormRevisionRow(Base):
    """Every saved version of an application's form (填写资料), never overwritten."""

    __tablename__ = "form_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"))
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, … per application
    form: Mapped[dict[str, Any]] = mapped_column(JSON)  # domain.Form, unmasked
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (UniqueConstraint("application_id", "number"),)


class FileRow(Base):
    """A stamped scan uploaded to an application (content in `file_blobs`)."""

    __tablename__ = "files"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"))
    kind: Mapped[str] = mapped_column(String(16))  # domain.FileKind
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # The application's form_number when uploaded: a stamped form of an older one is stale.
    form_number: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    uploaded_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (Index("ix_files_application_id", "application_id"),)


class FileBlobRow(Base):
    """The bytes of an upload, apart from its metadata so listing files never loads them."""

    __tablename__ = "file_blobs"

    file_id: Mapped[str] = mapped_column(ForeignKey("files.id"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEventRow(Base):
    """One line of the audit trail and of an application's timeline (who, when, what)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(100))  # operator username, "applicant", "system"
    # What happened: a code of the `event` catalogue namespace (created, form_saved, note…)
    # and its parameters, rendered into a sentence only when read (docs/messages.md). Never
    # secrets nor unmasked personal data.
    action: Mapped[str] = mapped_column(String(64))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Account-level events (password reset, sessions ended) also name the account.
    account_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # The hotline call the change happened in (`calls.id`), when an operator made it in one.
    call_id: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # For data changes: [{"field", "before", "after"}] with personal values masked.
    changes: Mapped[list[dict[str, str]] | None] = mapped_column(JSON, nullable=True)

    __table_args__ = (
        Index("ix_audit_events_application_id_at", "application_id", "at"),
        Index("ix_audit_events_account_id_at", "account_id", "at"),
    )


applications = cast(Table, ApplicationRow.__table__)
form_revisions = cast(Table, FormRevisionRow.__table__)
files = cast(Table, FileRow.__table__)
file_blobs = cast(Table, FileBlobRow.__table__)
audit_events = cast(Table, AuditEventRow.__table__)
