"""Institution sessions: `POST /v1/accounts/login` opens one, the bearer of `/v1/accounts/me`.

A session token is 256 random bits that only the institution holds; the table keeps its
SHA-256. A session lives 8 hours. A password reset or a new data administrator deletes every
session of the account, and a password change every session but the one that made it, so an
old password stops working everywhere at once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from domain import FieldInvalid, define_code

from .._problems import unauthorized
from ..storage.tables import account_sessions, accounts
from ..storage.writes import add_event
from .accounts import latest_approved_application

SESSION_TTL = timedelta(hours=8)
MIN_PASSWORD_LENGTH = 10
SESSION_ENDED = define_code("problem.account_session_ended")
_WEAK_PASSWORD = define_code("problem.new_password_weak", "length")
_SAME_PASSWORD = define_code("problem.new_password_same")
PASSWORD_CHANGED = define_code("event.password_changed", "login", "sessions")
ACCOUNT_SIGNED_IN = define_code("event.account_signed_in", "login")


@dataclass(frozen=True, slots=True)
class IssuedSession:
    token: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SignedIn:
    """The account behind a live session token (its password hash for a password change)."""

    token_hash: str
    account_id: str
    login_name: str
    must_change_password: bool
    password_hash: str | None


def session_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(
    session: Session, account_id: str, *, login_name: str, now: datetime
) -> IssuedSession:
    """A new session of the account (its expired ones are cleared on the way); commits."""
    session.execute(
        delete(account_sessions).where(
            account_sessions.c.account_id == account_id, account_sessions.c.expires_at <= now
        )
    )
    token = secrets.token_urlsafe(32)
    expires_at = now + SESSION_TTL
    session.execute(
        insert(account_sessions).values(
            token_hash=session_token_hash(token),
            account_id=account_id,
            created_at=now,
            expires_at=expires_at,
        )
    )
    add_event(
        session,
        application_id=None,
        account_id=account_id,
        at=now,
        actor=login_name,
        event=ACCOUNT_SIGNED_IN(login=login_name),
    )
    session.commit()
    return IssuedSession(token, expires_at)


def load_session(session: Session, token_hash: str, now: datetime) -> SignedIn | None:
    """The signed-in account of a session token, unless the session ended or expired."""
    row = session.execute(
        select(
            account_sessions.c.account_id,
            account_sessions.c.expires_at,
            accounts.c.login_name,
            accounts.c.must_change_password,
            accounts.c.password_hash,
        )
        .join(accounts, accounts.c.id == account_sessions.c.account_id)
        .where(account_sessions.c.token_hash == token_hash)
    ).first()
    if row is None or row.expires_at <= now:
        return None
    return SignedIn(
        token_hash, row.account_id, row.login_name, row.must_change_password, row.password_hash
    )


def end_sessions(session: Session, account_id: str, *, keep: str | None = None) -> int:
    """Deletes the account's sessions (all, or all but the one whose hash is `keep`); returns
    how many. No commit: part of the change that makes the old ones invalid."""
    statement = delete(account_sessions).where(account_sessions.c.account_id == account_id)
    if keep is not None:
        statement = statement.where(account_sessions.c.token_hash != keep)
    return len(session.execute(statement.returning(account_sessions.c.token_hash)).all())


def weak_password_refusal(new: str) -> FieldInvalid | None:
    """Why `new` is too weak to be a password (a sentence for the institution), or None."""
    if (
        len(new) < MIN_PASSWORD_LENGTH
        or not any(c.isdigit() for c in new)
        or not any(c.isalpha() for c in new)
    ):
        return FieldInvalid("new_password", _WEAK_PASSWORD(length=MIN_PASSWORD_LENGTH))
    return None


def same_password_refusal() -> FieldInvalid:
    """The new password is the current one (a recovery link compares it with the hash)."""
    return FieldInvalid("new_password", _SAME_PASSWORD())


def new_password_refusal(current: str, new: str) -> FieldInvalid | None:
    """Why `new` cannot replace `current` (a sentence for the institution), or None."""
    weak = weak_password_refusal(new)
    if weak is not None:
        return weak
    return same_password_refusal() if new == current else None


def change_password(session: Session, signed_in: SignedIn, *, new_hash: str, now: datetime) -> None:
    """Sets the institution's own new password and ends its other sessions; commits.

    The password is only replaced if it is still the one just checked and the session still
    exists: a reset (or a new administrator) in between wins, and this answers 401.
    """
    still_signed_in = session.execute(
        select(account_sessions.c.token_hash)
        .where(
            account_sessions.c.token_hash == signed_in.token_hash,
            account_sessions.c.expires_at > now,
        )
        .with_for_update()
    ).first()
    changed = session.execute(
        update(accounts)
        .where(
            accounts.c.id == signed_in.account_id,
            accounts.c.password_hash == signed_in.password_hash,
        )
        .values(password_hash=new_hash, must_change_password=False, updated_at=now)
        .returning(accounts.c.id)
    ).first()
    if still_signed_in is None or changed is None:
        session.rollback()
        raise unauthorized(SESSION_ENDED())
    ended = end_sessions(session, signed_in.account_id, keep=signed_in.token_hash)
    add_event(
        session,
        application_id=latest_approved_application(session, signed_in.account_id),
        account_id=signed_in.account_id,
        at=now,
        actor=signed_in.login_name,
        event=PASSWORD_CHANGED(login=signed_in.login_name, sessions=ended),
    )
    session.commit()
