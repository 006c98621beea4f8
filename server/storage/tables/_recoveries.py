"""找回密码 by email: the single-use links mailed to an account's administrator, and the requests
on the login page that the rate limits count."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import ForeignKey, Index, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base


class PasswordRecoveryRow(Base):
    """A recovery link: only the SHA-256 of its 256-bit token is kept, never the token.

    A link works once (`used_at`), for 30 minutes (`expires_at`), while it is the account's
    newest (`voided_at` is set when another is mailed) and while the password is still the one
    it was mailed for (`password_fingerprint`, the SHA-256 of the account's password hash then):
    a reset, a change or a new administrator in between makes it useless.
    """

    __tablename__ = "password_recoveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    password_fingerprint: Mapped[str] = mapped_column(String(64))
    # `system` for a request on the login page, else the operator who resent it.
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    __table_args__ = (Index("ix_password_recoveries_account_id", "account_id"),)


class RecoveryRequestRow(Base):
    """One request on the login page, counted by the limits per account and per address.

    `subject` is the account's id, or for a login that names no account a hash of it, so an
    unknown login is limited exactly like a known one and a refusal tells nothing. Rows older
    than two days are deleted as new ones arrive.
    """

    __tablename__ = "recovery_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject: Mapped[str] = mapped_column(String(64))
    client_address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (
        Index("ix_recovery_requests_subject_at", "subject", "at"),
        Index("ix_recovery_requests_client_address_at", "client_address", "at"),
    )


password_recoveries = cast(Table, PasswordRecoveryRow.__table__)
recovery_requests = cast(Table, RecoveryRequestRow.__table__)
