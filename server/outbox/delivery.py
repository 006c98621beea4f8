"""The delivery worker of DESIGN §4: due `pending` outbox rows leave by SMTP or the SMS gateway.

Each message is its own transaction: select one due row (`FOR UPDATE SKIP LOCKED` on
PostgreSQL, so several server processes never send the same message; SQLite renders no lock
and its single process runs one worker), fill its `{name}` fields from `secrets` in
memory, send it, and record the outcome before committing. On success the row becomes
`sent` and its `secrets` NULL; on failure `attempts` grows and the next try waits 5 s, 30 s,
2 min, 10 min, 1 h, after which the row is `failed` (and scrubbed too: a secret that could
not be delivered is useless and must not linger).

A crash between the send and the commit leaves the row pending, so it is sent again:
delivery is at least once, the best SMTP and an HTTP gateway allow.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import anyio.to_thread
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain import Message, define_code, mask_email, mask_phone

from ..settings import Settings
from ..storage.engine import Database
from ..storage.queries import AnyRow
from ..storage.tables import outbox, outbox_attachments
from ..storage.writes import add_event
from .transports import DeliveryError, OutgoingAttachment, OutgoingMessage, send

log = logging.getLogger(__name__)

# Waits after the 1st, 2nd, … failed attempt; one more failure after the last is final.
BACKOFF = (
    timedelta(seconds=5),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
# Messages per call: a worker round ends after this many even if more are due.
BATCH = 50
NOTICES = (
    define_code("notice.verification_code"),
    define_code("notice.approval"),
    define_code("notice.change_approved"),
    define_code("notice.rejection"),
    define_code("notice.documents"),
    define_code("notice.admin_changed"),
    define_code("notice.password_reset"),
    define_code("notice.approval_resent"),
    define_code("notice.rejection_resent"),
    define_code("notice.password_recovery"),
    define_code("notice.password_recovery_resent"),
    define_code("notice.password_recovered"),
)
"""Every outbox `purpose`, by the name the timeline and the kiosk give it."""
UNEXPECTED = define_code("delivery.unexpected", "error")
NOTIFICATION_SENT = define_code("event.notification_sent", "notice", "to")
# Without the reason: it is the outbox row's (`last_error`), shown with the notification.
NOTIFICATION_FAILED = define_code("event.notification_failed", "notice", "to", "attempts")


def fill_secrets(text: str, secrets: dict[str, Any] | None) -> str:
    """`text` with each `{name}` replaced by `secrets[name]` (other braces stay as they are)."""
    for name, value in (secrets or {}).items():
        text = text.replace("{" + name + "}", str(value))
    return text


def masked_recipient(channel: str, recipient: str) -> str:
    if channel == "sms":
        return mask_phone(recipient) if len(recipient) == 11 else "***"
    return mask_email(recipient) if "@" in recipient else "***"


def backoff_after(attempts: int) -> timedelta | None:
    """The wait before the next try after `attempts` failures, None when it was the last."""
    return BACKOFF[attempts - 1] if attempts <= len(BACKOFF) else None


async def deliver_due(
    settings: Settings, now: datetime, *, database: Database | None = None
) -> int:
    """Deliver every message due at `now` (up to `BATCH`); returns how many were sent.

    Runs in a worker thread: the senders block on the network. `database` is the app's
    (tests pass `app.state.context.database`); without it one is opened for this call.
    """
    if database is not None:
        return await anyio.to_thread.run_sync(partial(deliver_due_sync, database, settings, now))
    own = Database.from_url(settings.database_url)
    try:
        return await anyio.to_thread.run_sync(partial(deliver_due_sync, own, settings, now))
    finally:
        own.dispose()


def deliver_due_sync(database: Database, settings: Settings, now: datetime) -> int:
    sent = 0
    for _ in range(BATCH):
        outcome = database.run_sync(_deliver_one, settings, now)
        if outcome is None:
            break
        sent += outcome
    return sent


def _claim(session: Session, now: datetime) -> AnyRow | None:
    statement = (
        select(outbox)
        .where(outbox.c.status == "pending", outbox.c.next_attempt_at <= now)
        .order_by(outbox.c.next_attempt_at, outbox.c.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    return session.execute(statement).first()


def _attachments(session: Session, message_id: int) -> list[OutgoingAttachment]:
    rows = session.execute(
        select(outbox_attachments)
        .where(outbox_attachments.c.message_id == message_id)
        .order_by(outbox_attachments.c.id)
    ).all()
    return [OutgoingAttachment(row.filename, row.content_type, row.content) for row in rows]


def _deliver_one(session: Session, settings: Settings, now: datetime) -> int | None:
    """Send one due message and record the outcome: 1 sent, 0 failed, None when none is due."""
    row = _claim(session, now)
    if row is None:
        return None
    message = OutgoingMessage(
        id=row.id,
        channel=row.channel,
        recipient=row.recipient,
        subject=fill_secrets(row.subject, row.secrets),
        text=fill_secrets(row.body, row.secrets),
        attachments=_attachments(session, row.id) if row.channel == "email" else [],
    )
    purpose = row.purpose
    to = masked_recipient(row.channel, row.recipient)
    try:
        route = send(message, settings)
    except DeliveryError as error:
        _record_failure(session, row, error.message, now, purpose=purpose, to=to)
        session.commit()
        return 0
    except Exception as error:
        # Anything unforeseen (a malformed gateway URL, a full disk for the demo sink) must
        # still count as a failed try: otherwise the row is picked again at once, forever,
        # and every message behind it waits. Only the type is kept: the text may hold data.
        log.error("outbox message %s: unexpected %s", row.id, type(error).__name__)
        reason = UNEXPECTED(error=type(error).__name__)
        _record_failure(session, row, reason, now, purpose=purpose, to=to)
        session.commit()
        return 0
    session.execute(
        update(outbox)
        .where(outbox.c.id == row.id)
        .values(
            status="sent",
            attempts=row.attempts + 1,
            delivered_at=now,
            secrets=None,
            last_error="",
            last_error_params=None,
        )
    )
    if row.application_id is not None:
        add_event(
            session,
            application_id=row.application_id,
            at=now,
            actor="system",
            event=NOTIFICATION_SENT(notice=purpose, to=to),
        )
    session.commit()
    log.info("outbox message %s (%s) delivered via %s", row.id, row.purpose, route)
    return 1


def _record_failure(
    session: Session, row: AnyRow, reason: Message, now: datetime, *, purpose: str, to: str
) -> None:
    attempts = row.attempts + 1
    wait = backoff_after(attempts)
    values: dict[str, Any] = {
        "attempts": attempts,
        "last_error": reason.code,
        "last_error_params": reason.params,
    }
    if wait is not None:
        values["next_attempt_at"] = now + wait
    else:
        values.update(status="failed", secrets=None)
    session.execute(update(outbox).where(outbox.c.id == row.id).values(**values))
    if wait is None and row.application_id is not None:
        add_event(
            session,
            application_id=row.application_id,
            at=now,
            actor="system",
            event=NOTIFICATION_FAILED(notice=purpose, to=to, attempts=attempts),
        )
    log.warning(
        "outbox message %s (%s) attempt %s failed: %s %s",
        row.id,
        row.purpose,
        attempts,
        reason.code,
        reason.params,
    )
