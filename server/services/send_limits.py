"""How often an operator may send the same email again: the documents, a resent notice, a
password-recovery link.

Each send mails an address on file, on request over the phone: bounded so the hotline cannot be
used to flood a mailbox (or the mail server's reputation). A limit counts the emails of its
outbox `purpose` for one application (or one account, `per="account_id"`), so it needs no table
of its own and the delivery history (`GET …/notifications`) shows exactly what it counted. The
caller locks the application's (or the account's) row first (PostgreSQL), so two sends at once
cannot both pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain import Code, Delivery

from .._problems import rate_limited
from ..storage.tables import outbox
from ..time_words import beijing_midnight, whole_minutes


@dataclass(frozen=True, slots=True)
class SendLimit:
    """One email of `purpose` per `interval` and at most `per_day` per Beijing day.

    `too_soon` (params `interval`, `wait`: minutes) and `daily_cap` (`per_day`, `wait`) are the
    refusals, each sentence naming what is sent and how ("文件刚刚发送过…"). `per` is the outbox
    column the sends are counted by: `application_id`, or `account_id`.
    """

    purpose: str
    interval: timedelta
    per_day: int
    too_soon: Code
    daily_cap: Code
    per: str = "application_id"

    def check(self, session: Session, key: str, now: datetime) -> None:
        """Raises 429 `rate_limited` with Retry-After and the minutes to wait; `key` is the
        application's id (the account's with `per="account_id"`)."""
        latest, today = self._sent(session, key, now)
        if latest is not None and now < latest + self.interval:
            wait = latest + self.interval - now
            message = self.too_soon(interval=whole_minutes(self.interval), wait=whole_minutes(wait))
            raise rate_limited(message, wait)
        if today >= self.per_day:
            wait = _next_midnight(now) - now
            raise rate_limited(self.daily_cap(per_day=self.per_day, wait=whole_minutes(wait)), wait)

    def delivery(
        self, session: Session, key: str, now: datetime, *, email: str, phone: str = ""
    ) -> Delivery:
        """Where the send just written went (masked by the caller) and when the next is
        allowed: after the interval, or after midnight once today's sends are used up."""
        latest, today = self._sent(session, key, now)
        resend_after = (latest or now) + self.interval
        remaining = max(0, self.per_day - today)
        if remaining == 0:
            resend_after = max(resend_after, _next_midnight(now))
        return Delivery(
            email=email,
            phone=phone,
            resend_after=resend_after.astimezone(now.tzinfo),
            remaining_today=remaining,
        )

    def _sent(self, session: Session, key: str, now: datetime) -> tuple[datetime | None, int]:
        """The latest send of the application (or account) and how many fell on today
        (Beijing)."""
        sent = (
            outbox.c[self.per] == key,
            outbox.c.purpose == self.purpose,
            outbox.c.channel == "email",
        )
        latest = session.execute(select(func.max(outbox.c.created_at)).where(*sent)).scalar()
        today = session.execute(
            select(func.count()).where(*sent, outbox.c.created_at >= beijing_midnight(now))
        ).scalar_one()
        return latest, int(today)


def _next_midnight(now: datetime) -> datetime:
    return beijing_midnight(now) + timedelta(days=1)
