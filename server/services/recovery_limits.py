"""How often the login page may ask for a password-recovery link: per account and per address.

- Per account: one request per `ACCOUNT_INTERVAL`, `ACCOUNT_PER_DAY` per Beijing day, so nobody
  can flood an administrator's mailbox.
- Per address: `ADDRESS_PER_HOUR` requests from one client address in any hour, whatever logins
  they name, so nobody can mail every institution or probe login names in bulk.

A request is counted under its `subject`: the account's id, or for a login that names no
account a hash of the login as typed (mobiles normalized). Unknown logins are limited exactly
like known ones, so a 429 says nothing about which logins exist — the answer to a request is the
same for both. (Who already knows an account's login name and its mobile learns, from a 429 on
the second, that they belong together: nothing the approval email did not tell them.)

Refused requests are not counted: waiting is enough to be let through again. Requests older than
two days are deleted as new ones arrive; the hash of a login lives no longer than that.
"""

from __future__ import annotations

import hashlib
from contextlib import suppress
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from domain import DomainError, define_code, normalize_mobile

from .._problems import rate_limited
from ..storage.tables import recovery_requests
from ..time_words import beijing_midnight, whole_minutes
from ._verification_limits import take_turns

ACCOUNT_INTERVAL = timedelta(minutes=5)
ACCOUNT_PER_DAY = 5
ADDRESS_WINDOW = timedelta(hours=1)
ADDRESS_PER_HOUR = 10
KEPT_FOR = timedelta(days=2)
_TOO_SOON = define_code("problem.password_recovery_too_soon", "interval", "wait")
_DAILY_CAP = define_code("problem.password_recovery_daily_cap", "per_day", "wait")
_ADDRESS_CAP = define_code("problem.password_recovery_address_cap", "per_hour", "wait")


def unknown_subject(login: str) -> str:
    """The subject of a login that names no account: a hash, so the login is not stored."""
    text = login.strip()
    with suppress(DomainError):  # not a mobile: the login name as typed
        text = normalize_mobile(text)
    return hashlib.sha256(f"password-recovery:{text}".encode()).hexdigest()


def check_address(session: Session, client_address: str, now: datetime) -> None:
    """429 when the address asked `ADDRESS_PER_HOUR` times within the last hour; requests from
    one address take turns until the transaction ends."""
    take_turns(session, f"recovery-address:{client_address}")
    recent = session.execute(
        select(recovery_requests.c.at)
        .where(
            recovery_requests.c.client_address == client_address,
            recovery_requests.c.at > now - ADDRESS_WINDOW,
        )
        .order_by(recovery_requests.c.at.desc())
        .limit(ADDRESS_PER_HOUR)
    ).scalars()
    times = list(recent)
    if len(times) >= ADDRESS_PER_HOUR:
        wait = times[-1] + ADDRESS_WINDOW - now
        message = _ADDRESS_CAP(per_hour=ADDRESS_PER_HOUR, wait=whole_minutes(wait))
        raise rate_limited(message, wait)


def check_subject(session: Session, subject: str, now: datetime) -> None:
    """429 within `ACCOUNT_INTERVAL` of the subject's last request, or after
    `ACCOUNT_PER_DAY` of them today; requests for one subject take turns."""
    take_turns(session, f"recovery-subject:{subject}")
    mine = recovery_requests.c.subject == subject
    latest = session.execute(select(func.max(recovery_requests.c.at)).where(mine)).scalar()
    if latest is not None and now < latest + ACCOUNT_INTERVAL:
        wait = latest + ACCOUNT_INTERVAL - now
        interval = whole_minutes(ACCOUNT_INTERVAL)
        raise rate_limited(_TOO_SOON(interval=interval, wait=whole_minutes(wait)), wait)
    midnight = beijing_midnight(now)
    today = session.execute(
        select(func.count()).where(mine, recovery_requests.c.at >= midnight)
    ).scalar_one()
    if today >= ACCOUNT_PER_DAY:
        wait = midnight + timedelta(days=1) - now
        message = _DAILY_CAP(per_day=ACCOUNT_PER_DAY, wait=whole_minutes(wait))
        raise rate_limited(message, wait)


def record_request(session: Session, subject: str, client_address: str, now: datetime) -> datetime:
    """Counts the request (no commit); returns when the subject may ask again."""
    session.execute(delete(recovery_requests).where(recovery_requests.c.at < now - KEPT_FOR))
    session.execute(
        insert(recovery_requests).values(subject=subject, client_address=client_address, at=now)
    )
    return now + ACCOUNT_INTERVAL
