"""An operator's password at the console: sign-in, the idle-lock unlock, sign-out (DESIGN §5).

Every outcome is a line of the audit trail (never with the password): `signed_in`,
`sign_in_failed`, `unlocked`, `unlock_failed`, `signed_out`. A wrong password counts toward
the lockout wherever it is typed, at the sign-in or at the kiosk's lock screen; the failure
that locks also ends the session it was typed in, if any (whoever is guessing at an unattended
kiosk is signed out). Sign-in attempts for unknown usernames are not recorded: they name
nobody. Each function is one unit of work and commits.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from domain import Message, Operator, define_code

from ..storage.tables import operator_tokens, operators
from ..storage.writes import add_event
from .operators import IssuedToken, issue_token

SIGNED_IN = define_code("event.signed_in")
SIGN_IN_FAILED = define_code("event.sign_in_failed")
SIGN_IN_FAILED_LOCKED = define_code("event.sign_in_failed_locked", "until")
UNLOCKED = define_code("event.unlocked")
UNLOCK_FAILED = define_code("event.unlock_failed")
UNLOCK_FAILED_LOCKED = define_code("event.unlock_failed_locked", "until")
SIGNED_OUT = define_code("event.signed_out")


def _audit(session: Session, operator: Operator, event: Message, now: datetime) -> None:
    add_event(session, application_id=None, at=now, actor=operator.username, event=event)


def _count_failure(
    session: Session, operator: Operator, *, now: datetime, max_failures: int, lockout: timedelta
) -> datetime | None:
    """Counts a wrong password (no commit); returns when the lock ends if this one locked."""
    failures = session.execute(
        select(operators.c.failed_logins).where(operators.c.id == int(operator.id))
    ).scalar_one()
    locked_until = now + lockout if failures + 1 >= max_failures else None
    session.execute(
        update(operators)
        .where(operators.c.id == int(operator.id))
        # A lock starts a fresh count, so the next five failures lock again.
        .values(failed_logins=0 if locked_until else failures + 1, locked_until=locked_until)
    )
    return locked_until


def _clear_failures(session: Session, operator: Operator) -> None:
    session.execute(
        update(operators)
        .where(operators.c.id == int(operator.id))
        .values(failed_logins=0, locked_until=None)
    )


def complete_login(
    session: Session, operator: Operator, *, now: datetime, absolute_ttl: timedelta
) -> IssuedToken:
    """The right password: the failure count starts again and a token is issued."""
    _clear_failures(session, operator)
    _audit(session, operator, SIGNED_IN(), now)
    return issue_token(session, operator.id, now=now, absolute_ttl=absolute_ttl)


def record_failed_login(
    session: Session,
    operator: Operator,
    *,
    now: datetime,
    max_failures: int,
    lockout: timedelta,
    locked_words: str,
) -> datetime | None:
    """A wrong password at sign-in; returns when the lock ends if this failure locked.
    `locked_words` says when the lock would end, for the timeline (`14:05`, Beijing time)."""
    locked_until = _count_failure(
        session, operator, now=now, max_failures=max_failures, lockout=lockout
    )
    failed = SIGN_IN_FAILED() if locked_until is None else SIGN_IN_FAILED_LOCKED(until=locked_words)
    _audit(session, operator, failed, now)
    session.commit()
    return locked_until


def record_unlock(session: Session, operator: Operator, *, now: datetime) -> None:
    """The operator unlocked their idle-locked kiosk with the right password."""
    _clear_failures(session, operator)
    _audit(session, operator, UNLOCKED(), now)
    session.commit()


def record_failed_unlock(
    session: Session,
    operator: Operator,
    *,
    now: datetime,
    max_failures: int,
    lockout: timedelta,
    locked_words: str,
    hashed_token: str,
) -> datetime | None:
    """A wrong password at the lock screen, counted like a failed sign-in; the failure that
    locks also ends the session of `hashed_token`."""
    locked_until = _count_failure(
        session, operator, now=now, max_failures=max_failures, lockout=lockout
    )
    failed = UNLOCK_FAILED()
    if locked_until is not None:
        session.execute(delete(operator_tokens).where(operator_tokens.c.token_hash == hashed_token))
        failed = UNLOCK_FAILED_LOCKED(until=locked_words)
    _audit(session, operator, failed, now)
    session.commit()
    return locked_until


def sign_out(session: Session, operator: Operator, *, hashed_token: str, now: datetime) -> None:
    """The operator ended their session (`POST /v1/auth/logout`)."""
    session.execute(delete(operator_tokens).where(operator_tokens.c.token_hash == hashed_token))
    _audit(session, operator, SIGNED_OUT(), now)
    session.commit()
