"""Password reset by the hotline (DESIGN §2, §5): after the caller read back a
`reset_password` code sent to the account's registered phone, a new temporary password goes
to the administrator by email (an SMS says so), the old password and every session stop
working, and the institution must change the password at its next sign-in.

Nobody at the hotline ever sees the password: it exists in the route (to be hashed), in the
outbox's `secrets` until delivery, and nowhere else. Resets are limited per account (one per
10 minutes, three per Beijing day), counted from the audit trail, so a caller cannot make the
hotline flood a mailbox.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from domain import Conflict, Delivery, define_code, mask_email, mask_phone

from .._problems import ApiProblem, rate_limited
from ..storage.tables import accounts, audit_events
from ..storage.writes import add_event
from ..time_words import BEIJING, beijing_clock_time
from . import account_sessions, reset_notices
from .accounts import AccountContact, account_contact, latest_approved_application
from .verifications import use_token, verification_failed, verification_phone_mismatch

RESET_INTERVAL = timedelta(minutes=10)
RESETS_PER_DAY = 3
PASSWORD_RESET = define_code("event.password_reset", "login", "email", "phone", "sessions")
RESET_ACTION = PASSWORD_RESET.name
_DAILY_CAP = define_code("problem.password_reset_daily_cap", "per_day")
_TOO_SOON = define_code("problem.password_reset_too_soon", "interval", "time", "wait")
_NO_EMAIL = define_code("problem.password_reset_no_email")
NO_TOKEN = define_code("problem.password_reset_no_token")
_NOT_REGISTERED_PHONE = define_code("problem.password_reset_not_registered_phone", "phone")


@dataclass(frozen=True, slots=True)
class NewPassword:
    """A generated temporary password and its argon2 hash (hashed outside the transaction)."""

    password: str
    password_hash: str


@dataclass(frozen=True, slots=True)
class Allowance:
    resend_after: datetime  # `now` when a reset is allowed now
    remaining_today: int


def _midnight(now: datetime) -> datetime:
    """The start of the Beijing day of `now` (in UTC, like every time the API answers)."""
    local = now.astimezone(BEIJING).replace(hour=0, minute=0, second=0, microsecond=0)
    return local.astimezone(UTC)


def _allowance(session: Session, account_id: str, now: datetime) -> Allowance:
    done = audit_events.c.account_id == account_id, audit_events.c.action == RESET_ACTION
    latest = session.execute(select(func.max(audit_events.c.at)).where(*done)).scalar()
    today = session.execute(
        select(func.count()).where(*done, audit_events.c.at >= _midnight(now))
    ).scalar_one()
    remaining = max(0, RESETS_PER_DAY - int(today))
    resend_after = now if latest is None else max(now, latest + RESET_INTERVAL)
    if remaining == 0:
        resend_after = max(resend_after, _midnight(now) + timedelta(days=1))
    return Allowance(resend_after, remaining)


def _delivery(account: AccountContact, allowance: Allowance) -> Delivery:
    return Delivery(
        email=mask_email(account.admin_email) if account.admin_email else "",
        phone=mask_phone(account.admin_phone),
        resend_after=allowance.resend_after,
        remaining_today=allowance.remaining_today,
    )


def _refusal(allowance: Allowance, now: datetime) -> ApiProblem | None:
    if allowance.resend_after <= now:
        return None
    wait = allowance.resend_after - now
    if allowance.remaining_today == 0:
        return rate_limited(_DAILY_CAP(per_day=RESETS_PER_DAY), wait)
    minutes = math.ceil(wait.total_seconds() / 60)
    when = beijing_clock_time(allowance.resend_after, now=now)
    interval = int(RESET_INTERVAL.total_seconds() // 60)
    return rate_limited(_TOO_SOON(interval=interval, time=when, wait=minutes), wait)


def reset_status(session: Session, account_id: str, *, now: datetime) -> Delivery:
    """Where a reset would send the password (masked) and when the next one is allowed."""
    account = account_contact(session, account_id)
    return _delivery(account, _allowance(session, account_id, now))


def reset_password(
    session: Session,
    account_id: str,
    verification_token: str,
    *,
    new_password: NewPassword,
    actor: str,
    login_url: str,
    now: datetime,
) -> Delivery:
    """Resets the password after the registered phone was proved; commits. A refusal raises
    before the commit, so everything stays as it was, the verification token included."""
    account = account_contact(session, account_id, lock=True)
    allowance = _allowance(session, account_id, now)
    refusal = _refusal(allowance, now)
    if refusal is not None:
        raise refusal
    if not verification_token.strip():
        raise verification_failed(NO_TOKEN())
    application_id = latest_approved_application(session, account_id)
    used = use_token(
        session,
        verification_token,
        purpose="reset_password",
        now=now,
        application_id=application_id,
    )
    if used.phone != account.admin_phone:
        raise verification_phone_mismatch(
            _NOT_REGISTERED_PHONE(phone=mask_phone(account.admin_phone))
        )
    if not account.admin_email:
        raise Conflict(_NO_EMAIL())
    session.execute(
        update(accounts)
        .where(accounts.c.id == account_id)
        .values(password_hash=new_password.password_hash, must_change_password=True, updated_at=now)
    )
    ended = account_sessions.end_sessions(session, account_id)
    reset_notices.enqueue_password_reset(
        session,
        account,
        application_id=application_id,
        password=new_password.password,
        login_url=login_url,
        now=now,
    )
    masked = _delivery(account, allowance)
    add_event(
        session,
        application_id=application_id,
        account_id=account_id,
        at=now,
        actor=actor,
        event=PASSWORD_RESET(
            login=account.login_name, email=masked.email, phone=masked.phone, sessions=ended
        ),
    )
    # Counted again with this reset's event: the limit the operator sees next.
    delivery = _delivery(account, _allowance(session, account_id, now))
    session.commit()
    return delivery
