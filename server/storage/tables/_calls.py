"""The hotline's own records: calls (with caller check and wrap-up) and who has what open."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base


class CallRow(Base):
    """One hotline call: the number that rang, the application it was about, how the caller
    was identified and how the call ended (`domain.Call`)."""

    __tablename__ = "calls"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    operator: Mapped[str] = mapped_column(String(100))  # operator username
    phone: Mapped[str] = mapped_column(String(20), default="")  # normalized, as typed
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), nullable=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    # domain.CallerCheckMethod: "sms" (a verify_caller code read back) or "waived" (with reason).
    caller_check: Mapped[str | None] = mapped_column(String(16), nullable=True)
    caller_check_reason: Mapped[str] = mapped_column(Text, default="")
    caller_check_phone: Mapped[str] = mapped_column(String(20), default="")
    caller_checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    wrap_up: Mapped[str | None] = mapped_column(String(16), nullable=True)  # domain.WrapUp
    wrap_up_note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_calls_operator_started_at", "operator", "started_at"),
        Index("ix_calls_application_id", "application_id"),
    )


class PresenceRow(Base):
    """An operator's heartbeat on an open application: who else is on it right now."""

    __tablename__ = "presence"

    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), primary_key=True)
    operator: Mapped[str] = mapped_column(String(100), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    since: Mapped[datetime] = mapped_column(UtcDateTime())
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime())


calls = cast(Table, CallRow.__table__)
presence = cast(Table, PresenceRow.__table__)
