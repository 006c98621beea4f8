"""Notifications to deliver (DESIGN §4) and the files mailed with them."""

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
)
from sqlalchemy.orm import Mapped, mapped_column

from ..types import UtcDateTime
from ._base import Base


class OutboxRow(Base):
    """A notification to deliver (DESIGN §4), written in the transaction of its cause.

    `body` holds `{name}` fields, never a secret; `secrets` holds their values until
    delivery, then NULL.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    channel: Mapped[str] = mapped_column(String(8))  # email | sms
    recipient: Mapped[str] = mapped_column(String(200))  # full; never served unmasked
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    # none_as_null: a scrubbed row holds SQL NULL, not the JSON text "null" (DESIGN §4).
    secrets: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    purpose: Mapped[str] = mapped_column(String(32))  # verification_code, approval, …
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), nullable=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Why the last attempt failed: a code of the `delivery` catalogue namespace and its
    # parameters (docs/messages.md); empty when none failed or the message went.
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_error_params: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    __table_args__ = (
        Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_outbox_application_id", "application_id"),
        # The hotline's recovery-link resends are limited per account (`send_limits`).
        Index("ix_outbox_account_id", "account_id"),
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


outbox = cast(Table, OutboxRow.__table__)
outbox_attachments = cast(Table, OutboxAttachmentRow.__table__)
