"""Proof of a phone: SMS verifications and the applicant sessions they open."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base


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


verifications = cast(Table, VerificationRow.__table__)
applicant_sessions = cast(Table, ApplicantSessionRow.__table__)
