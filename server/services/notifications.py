"""What the kiosk shows of an application's notifications: the outbox rows, masked, without
their texts (a body may still hold the `{secret}` field of an undelivered secret)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

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
    last_error: str


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
                last_error=row.last_error,
            )
            for row in rows
        ]
    )
