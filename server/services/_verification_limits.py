"""The sending side of the SMS code policy (DESIGN §5): a new code for the same phone and
purpose after 60 s, at most 10 codes per phone per Beijing day, and sends to one phone
taking turns so that two at once cannot both pass either rule."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain import Message, define_code

from .._problems import ApiProblem, rate_limited
from ..storage.tables import verifications
from ..time_words import BEIJING

RESEND_AFTER = timedelta(seconds=60)
DAILY_CAP = 10


_TOO_SOON = define_code("problem.code_sent_too_soon", "seconds")
_DAILY_CAP = define_code("problem.code_daily_cap", "per_day")


def _rate_limited(message: Message, wait: timedelta) -> ApiProblem:
    return rate_limited(message, wait, kind="verification_rate_limited")


def take_turns(session: Session, key: str) -> None:
    """Makes the transactions that name `key` take turns until this one ends, so two at once
    cannot both pass a limit counted over `key`. SQLite has one writer at a time anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


def serialize_per_phone(session: Session, phone: str) -> None:
    """The sends to one phone take turns: two at once cannot both pass the 60 s rule or the
    daily cap."""
    take_turns(session, phone)


def check_sending_allowed(session: Session, phone: str, purpose: str, now: datetime) -> None:
    latest = session.execute(
        select(func.max(verifications.c.created_at)).where(
            verifications.c.phone == phone, verifications.c.purpose == purpose
        )
    ).scalar_one_or_none()
    if latest is not None and now < latest + RESEND_AFTER:
        wait = latest + RESEND_AFTER - now
        raise _rate_limited(_TOO_SOON(seconds=math.ceil(wait.total_seconds())), wait)
    local_midnight = now.astimezone(BEIJING).replace(hour=0, minute=0, second=0, microsecond=0)
    sent_today = session.execute(
        select(func.count()).where(
            verifications.c.phone == phone, verifications.c.created_at >= local_midnight
        )
    ).scalar_one()
    if sent_today >= DAILY_CAP:
        raise _rate_limited(_DAILY_CAP(per_day=DAILY_CAP), local_midnight + timedelta(days=1) - now)
