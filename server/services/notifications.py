"""What the kiosk shows of an application's notifications: the outbox rows, masked, without
their texts (a body may still hold the `{secret}` field of an undelivered secret)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, SerializationInfo, field_serializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import Message, ParamValue, render, serialization_language

from ..outbox.delivery import masked_recipient
from ..storage import queries
from ..storage.tables import outbox
from .applications import not_found


class Notification(BaseModel):
    id: int
    channel: str  # email | sms
    purpose: str
    recipient: str  # masked
    status: str  # pending | sent | failed
    attempts: int
    created_at: datetime
    delivered_at: datetime | None
    next_attempt_at: datetime | None  # while pending
    error_code: str = Field(
        default="", description="why the last attempt failed: a `delivery` code (docs/messages.md)"
    )
    error_params: dict[str, ParamValue] = Field(default_factory=dict)
    last_error: str = Field(default="", description="that reason, in the request's language")

    @field_serializer("last_error")
    def _rendered(self, last_error: str, info: SerializationInfo) -> str:
        if last_error or not self.error_code:
            return last_error
        message = Message(code=self.error_code, params=self.error_params)
        return render("delivery", message, serialization_language(info)) or self.error_code


class NotificationPage(BaseModel):
    items: list[Notification]


def application_notifications(session: Session, application_id: str) -> NotificationPage:
    """Oldest first; raises NotFound for an unknown application."""
    if not queries.application_exists(session, application_id):
        raise not_found(application_id)
    rows = session.execute(
        select(
            outbox.c.id,
            outbox.c.channel,
            outbox.c.purpose,
            outbox.c.recipient,
            outbox.c.status,
            outbox.c.attempts,
            outbox.c.created_at,
            outbox.c.delivered_at,
            outbox.c.next_attempt_at,
            outbox.c.last_error,
            outbox.c.last_error_params,
        )
        .where(outbox.c.application_id == application_id)
        .order_by(outbox.c.id)
    ).all()
    return NotificationPage(
        items=[
            Notification(
                id=row.id,
                channel=row.channel,
                purpose=row.purpose,
                recipient=masked_recipient(row.channel, row.recipient),
                status=row.status,
                attempts=row.attempts,
                created_at=row.created_at,
                delivered_at=row.delivered_at,
                next_attempt_at=row.next_attempt_at if row.status == "pending" else None,
                error_code=row.last_error,
                error_params=row.last_error_params or {},
            )
            for row in rows
        ]
    )
