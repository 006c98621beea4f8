"""The database schema: SQLAlchemy 2 typed tables (the Alembic migrations follow this file).

Table and column names are a contract with the migrations and with the demo seeder
(`server.demo`), which bulk-inserts rows: rename nothing without a migration.

Timestamps are UTC (`UtcDateTime`). Phones are stored normalized (`13800138000`, see
`domain.normalize_mobile`) so that a lookup by phone is one indexed equality. Institution codes
are stored normalized (`domain.normalize_institution_code`), `""` while a draft has none yet.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The statuses in which an application is "open": at most one per institution code (DESIGN §2).
OPEN_STATUSES = ("draft", "pending")
_ONE_OPEN_PER_CODE = text("status IN ('draft', 'pending') AND code <> ''")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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


class AccountRow(Base):
    """An institution's account in the influenza monitoring system, created by approval."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    login_name: Mapped[str] = mapped_column(String(64), unique=True)
    admin_phone: Mapped[str] = mapped_column(String(20))
    admin_name: Mapped[str] = mapped_column(String(100), default="")
    admin_email: Mapped[str] = mapped_column(String(200), default="")
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    # NULL until the initial password is set; argon2 hash, never the password.
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("ix_accounts_admin_phone", "admin_phone"),
        Index("ix_accounts_code", "code"),
    )


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


class OperatorRow(Base):
    """A hotline operator, reviewer or administrator of the console."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(16))  # domain.Role
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class OperatorTokenRow(Base):
    """A bearer token of an operator, stored as the SHA-256 of the token only."""

    __tablename__ = "operator_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Written at most once a minute (idle expiry needs no finer grain).
    last_used_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())  # absolute expiry

    __table_args__ = (Index("ix_operator_tokens_operator_id", "operator_id"),)


class AuditEventRow(Base):
    """One line of the audit trail and of an application's timeline (who, when, what)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(100))  # operator username, "applicant", "system"
    action: Mapped[str] = mapped_column(String(64))  # e.g. created, form_saved, submitted, note
    detail: Mapped[str] = mapped_column(Text, default="")  # never secrets nor unmasked data

    __table_args__ = (Index("ix_audit_events_application_id_at", "application_id", "at"),)


class HqmsRegistryRow(Base):
    """Institutions that already send 病案首页 data to HQMS and keep their HQMS account."""

    __tablename__ = "hqms_registry"

    # The normalized 22-character institution code, or the 9-character organization code.
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")


class VerificationRow(Base):
    """An SMS code sent to a phone for one purpose (DESIGN §5); only hashes are stored.

    Confirming it gives a verification token (stored as its hash), good for one use within
    `token_expires_at`.
    """

    __tablename__ = "verifications"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    phone: Mapped[str] = mapped_column(String(20))  # normalized
    purpose: Mapped[str] = mapped_column(String(16))  # register, reset_password, …
    code_hash: Mapped[str] = mapped_column(String(64))  # sha256 hex of salt + code
    salt: Mapped[str] = mapped_column(String(32))
    attempts_left: Mapped[int] = mapped_column(Integer, default=5)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    token_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    token_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    # The application the token was used for (created, or its admin mobile changed).
    application_id: Mapped[str | None] = mapped_column(String(16), nullable=True)

    __table_args__ = (
        Index("ix_verifications_phone_purpose_created_at", "phone", "purpose", "created_at"),
        Index("ix_verifications_token_hash", "token_hash"),
    )


class ApplicantSessionRow(Base):
    """A used `register` verification token, now the applicant's bearer for one application."""

    __tablename__ = "applicant_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"))
    phone: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index("ix_applicant_sessions_application_id", "application_id"),)


class OutboxRow(Base):
    """A notification to deliver (DESIGN §4), written in the transaction of its cause.

    `body` holds `{name}` placeholders, never a secret; `secrets` holds their values until
    delivery, then NULL.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(8))  # email | sms
    recipient: Mapped[str] = mapped_column(String(200))  # full; never served unmasked
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    secrets: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    purpose: Mapped[str] = mapped_column(String(32))  # verification_code, approval, …
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), nullable=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    __table_args__ = (
        Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_outbox_application_id", "application_id"),
    )


class OutboxAttachmentRow(Base):
    """A file mailed with an outbox message (the two PDFs of `documents/send`)."""

    __tablename__ = "outbox_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox.id"))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = (Index("ix_outbox_attachments_message_id", "message_id"),)


class IdempotencyKeyRow(Base):
    """The first response to a mutating POST with an `Idempotency-Key`, replayed for 24 h."""

    __tablename__ = "idempotency_keys"

    actor: Mapped[str] = mapped_column(String(64), primary_key=True)  # operator:12, applicant:…
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(300))
    request_hash: Mapped[str] = mapped_column(String(64))  # sha256 of method, path, body
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[bytes] = mapped_column(LargeBinary)
    response_headers: Mapped[dict[str, Any]] = mapped_column(JSON)  # ETag, Location, …
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index("ix_idempotency_keys_created_at", "created_at"),)


applications = cast(Table, ApplicationRow.__table__)
form_revisions = cast(Table, FormRevisionRow.__table__)
accounts = cast(Table, AccountRow.__table__)
files = cast(Table, FileRow.__table__)
file_blobs = cast(Table, FileBlobRow.__table__)
operators = cast(Table, OperatorRow.__table__)
operator_tokens = cast(Table, OperatorTokenRow.__table__)
audit_events = cast(Table, AuditEventRow.__table__)
hqms_registry = cast(Table, HqmsRegistryRow.__table__)
verifications = cast(Table, VerificationRow.__table__)
applicant_sessions = cast(Table, ApplicantSessionRow.__table__)
outbox = cast(Table, OutboxRow.__table__)
outbox_attachments = cast(Table, OutboxAttachmentRow.__table__)
idempotency_keys = cast(Table, IdempotencyKeyRow.__table__)
