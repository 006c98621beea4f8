"""Institutions: the accounts approval creates, and those already known to HQMS."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    String,
    Table,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base


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


class AccountSessionRow(Base):
    """An institution's signed-in session (`POST /v1/accounts/login`), stored as its token's
    hash; a password reset or a new administrator ends all of them."""

    __tablename__ = "account_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())

    __table_args__ = (Index("ix_account_sessions_account_id", "account_id"),)


def _organization_of_code(context: DefaultExecutionContext) -> str:
    return str(context.get_current_parameters()["code"])[:9]


class HqmsRegistryRow(Base):
    """Institutions that already send 病案首页 data to HQMS and keep their HQMS account: the
    list the HQMS office keeps (`hqms-desk registry import`, `POST /v1/registry/imports`)."""

    __tablename__ = "hqms_registry"

    # The normalized 22-character institution code, or the 9-character organization code.
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    # The first 9 characters of `code`: what a lookup matches, because callers read out the
    # organization code or the credit code (which contains it) as often as the full code, and
    # the office's list holds either. Filled in from `code` when an insert leaves it out.
    organization: Mapped[str] = mapped_column(String(9), default=_organization_of_code)

    __table_args__ = (Index("ix_hqms_registry_organization", "organization"),)


accounts = cast(Table, AccountRow.__table__)
hqms_registry = cast(Table, HqmsRegistryRow.__table__)
account_sessions = cast(Table, AccountSessionRow.__table__)
