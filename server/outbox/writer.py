"""Writing notifications to the outbox, in the transaction of the change that causes them.

`enqueue` inserts and never commits: the caller's service commits the change and its message
together, so a message exists exactly when its cause does (DESIGN §4). The delivery worker
(elsewhere in this package) fills the `{name}` fields of `body` from `secrets` at delivery and
scrubs `secrets` afterwards, so no code or password stays stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..storage.tables import outbox, outbox_attachments

CHANNELS = frozenset({"email", "sms"})


class Attachment(NamedTuple):
    """A file mailed with a message (e.g. one of the two generated PDFs); a plain
    `(filename, content_type, content)` tuple works as well."""

    filename: str
    content_type: str
    content: bytes


def enqueue(
    session: Session,
    *,
    channel: str,
    recipient: str,
    subject: str,
    body: str,
    secrets: Mapping[str, str] | None = None,
    purpose: str,
    application_id: str | None = None,
    account_id: str | None = None,
    attachments: Iterable[Attachment] = (),
    now: datetime | None = None,
) -> int:
    """A pending message due now; returns its id. No commit.

    `body` (and `subject`) may hold `{name}` fields whose values are in `secrets`; the
    secret values themselves must never be written into `body`.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown outbox channel {channel!r}")
    at = now or datetime.now(UTC)
    message_id = session.execute(
        insert(outbox)
        .values(
            channel=channel,
            recipient=recipient,
            subject=subject,
            body=body,
            secrets=dict(secrets) if secrets else None,
            purpose=purpose,
            application_id=application_id,
            account_id=account_id,
            status="pending",
            attempts=0,
            next_attempt_at=at,
            last_error="",
            created_at=at,
            delivered_at=None,
        )
        .returning(outbox.c.id)
    ).scalar_one()
    for filename, content_type, content in attachments:
        session.execute(
            insert(outbox_attachments).values(
                message_id=message_id,
                filename=filename,
                content_type=content_type,
                content=content,
            )
        )
    return int(message_id)
