"""Operators of the console: creation, the sign-in lookup, tokens (DESIGN §5). Failure counts,
lockout and the audit lines of sign-in, unlock and sign-out are in `sign_ins`.

Tokens are opaque (`secrets.token_urlsafe(32)`, 256 bits); only their SHA-256 is stored, so a
copy of the database lets nobody sign in. Each function is one unit of work on a session and
commits its own writes; password hashing happens outside them (it is slow on purpose and
must not hold a database connection).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain import Conflict, FieldInvalid, Operator, Role, define_code

from ..passwords import hash_password
from ..storage.queries import AnyRow
from ..storage.tables import operator_tokens, operators
from ..storage.writes import insert_operator

MIN_PASSWORD_LENGTH = 10

_USERNAME_EMPTY = define_code("problem.username_empty")
_PASSWORD_SHORT = define_code("problem.password_too_short", "length")
_USERNAME_TAKEN = define_code("problem.username_taken", "username")


@dataclass(frozen=True, slots=True)
class LoginRecord:
    """What sign-in needs to know about an operator before checking the password."""

    operator: Operator
    password_hash: str
    locked_until: datetime | None
    active: bool


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class TokenRecord:
    operator: Operator
    last_used_at: datetime
    expires_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _operator(row: AnyRow) -> Operator:
    return Operator(
        id=str(row.id), username=row.username, display_name=row.display_name, role=Role(row.role)
    )


def add_operator(
    session: Session,
    username: str,
    password: str,
    role: Role | str,
    display_name: str = "",
    *,
    now: datetime | None = None,
) -> Operator:
    """A new operator (`hqms-desk operator add`); the password is stored as an argon2 hash."""
    username = username.strip()
    if not username:
        raise FieldInvalid("username", _USERNAME_EMPTY())
    if len(password) < MIN_PASSWORD_LENGTH:
        raise FieldInvalid("password", _PASSWORD_SHORT(length=MIN_PASSWORD_LENGTH))
    role = Role(role)
    try:
        operator_id = insert_operator(
            session,
            username=username,
            password_hash=hash_password(password),
            role=role.value,
            display_name=display_name,
            at=now or datetime.now(UTC),
        )
        session.commit()
    except IntegrityError as error:
        session.rollback()
        raise Conflict(_USERNAME_TAKEN(username=username)) from error
    return Operator(id=str(operator_id), username=username, display_name=display_name, role=role)


def find_for_login(session: Session, username: str) -> LoginRecord | None:
    row = session.execute(select(operators).where(operators.c.username == username.strip())).first()
    if row is None:
        return None
    return LoginRecord(_operator(row), row.password_hash, row.locked_until, row.active)


def issue_token(
    session: Session, operator_id: str, *, now: datetime, absolute_ttl: timedelta
) -> IssuedToken:
    """A new bearer token for the operator (also used by tests and the demo to sign in)."""
    token = secrets.token_urlsafe(32)
    expires_at = now + absolute_ttl
    session.execute(
        insert(operator_tokens).values(
            token_hash=token_hash(token),
            operator_id=int(operator_id),
            created_at=now,
            last_used_at=now,
            expires_at=expires_at,
        )
    )
    session.commit()
    return IssuedToken(token, expires_at)


def load_token(session: Session, hashed: str) -> TokenRecord | None:
    """The token's operator and times, if the token exists and its operator is active."""
    row = session.execute(
        select(
            operators,
            operator_tokens.c.last_used_at,
            operator_tokens.c.expires_at,
        )
        .join(operator_tokens, operator_tokens.c.operator_id == operators.c.id)
        .where(operator_tokens.c.token_hash == hashed, operators.c.active.is_(True))
    ).first()
    if row is None:
        return None
    return TokenRecord(_operator(row), row.last_used_at, row.expires_at)


def touch_token(session: Session, hashed: str, now: datetime) -> None:
    session.execute(
        update(operator_tokens)
        .where(operator_tokens.c.token_hash == hashed)
        .values(last_used_at=now)
    )
    session.commit()


def revoke_token(session: Session, hashed: str) -> None:
    session.execute(delete(operator_tokens).where(operator_tokens.c.token_hash == hashed))
    session.commit()
