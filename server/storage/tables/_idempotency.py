"""Replayable first answers to mutating requests that carried an `Idempotency-Key`."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base


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


idempotency_keys = cast(Table, IdempotencyKeyRow.__table__)
