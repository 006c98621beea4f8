"""The console's people: operators and their bearer tokens."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base


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


operators = cast(Table, OperatorRow.__table__)
operator_tokens = cast(Table, OperatorTokenRow.__table__)
