"""找回密码 by email: the seed's use of the administrator's email ("用于接收系统发送的账号通知邮件
以及找回密码"). docs/accounts-and-resets.md is the contract.

- `request_link`, then `mail_link`: on the login page anyone may ask, by login name or the
  administrator's mobile. The answer is the same whether the login names an account or not;
  when it does, a link goes to the administrator's email on file, never anywhere the requester
  names.
- `open_link` and `set_password`: the holder of a link sets a new password under the password
  policy; every session of the account ends and an SMS tells the registered mobile.
- `resend_link`: the hotline mails a fresh link to the same address (limited per account).

A link's token is 256 random bits; the table keeps its SHA-256, and the token itself exists only
in the outbox's `secrets` until the email is delivered. A link works once, for 30 minutes, while
it is the account's newest, and while the password is still the one it was mailed for.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain import Conflict, Delivery, NotFound, define_code, mask_email, mask_phone

from .._problems import ApiProblem
from ..storage.queries import AnyRow
from ..storage.tables import accounts, password_recoveries
from ..storage.writes import add_event
from . import account_sessions, recovery_limits, reset_notices
from .accounts import AccountContact, account_contact, find_for_login, latest_approved_application
from .send_limits import SendLimit
from .verifications import token_hash, verification_gone, verification_used

LINK_TTL = timedelta(minutes=30)
LINK_MINUTES = int(LINK_TTL.total_seconds() // 60)
TOKEN_BYTES = 32  # 256 bits: the link is as hard to guess as a session token
RESEND_LIMIT = SendLimit(
    purpose=reset_notices.RECOVERY_RESENT_PURPOSE,
    interval=timedelta(minutes=10),
    per_day=3,
    too_soon=define_code("problem.password_recovery_resent_too_soon", "interval", "wait"),
    daily_cap=define_code("problem.password_recovery_resend_daily_cap", "per_day", "wait"),
    per="account_id",
)
RECOVERY_SENT = define_code("event.password_recovery_sent", "login", "email", "minutes")
RECOVERY_RESENT = define_code("event.password_recovery_resent", "login", "email", "minutes")
PASSWORD_RECOVERED = define_code("event.password_recovered", "login", "phone", "sessions")
_LINK_UNKNOWN = define_code("problem.recovery_link_unknown")
_LINK_USED = define_code("problem.recovery_link_used")
_LINK_EXPIRED = define_code("problem.recovery_link_expired", "minutes")
_LINK_REPLACED = define_code("problem.recovery_link_replaced")
_LINK_OUTDATED = define_code("problem.recovery_link_outdated")
_NO_EMAIL = define_code("problem.password_recovery_no_email")

Linker = Callable[[str], str]
"""The link mailed for a token (`Settings.recovery_link`)."""


@dataclass(frozen=True, slots=True)
class OpenLink:
    """A link that may set a password now, and the password hash it was mailed for."""

    recovery_id: int
    token_hash: str
    account_id: str
    password_hash: str | None


def password_fingerprint(password_hash: str | None) -> str:
    return hashlib.sha256((password_hash or "").encode()).hexdigest()


def _issue(
    session: Session,
    account: AccountContact,
    *,
    actor: str,
    link: Linker,
    resent: bool,
    now: datetime,
) -> str:
    """A new link for the account, mailed to its administrator; the older ones stop working.
    Returns the masked address. No commit."""
    session.execute(
        update(password_recoveries)
        .where(
            password_recoveries.c.account_id == account.account_id,
            password_recoveries.c.used_at.is_(None),
            password_recoveries.c.voided_at.is_(None),
        )
        .values(voided_at=now)
    )
    current = session.execute(
        select(accounts.c.password_hash).where(accounts.c.id == account.account_id)
    ).scalar_one()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.execute(
        insert(password_recoveries).values(
            token_hash=token_hash(token),
            account_id=account.account_id,
            password_fingerprint=password_fingerprint(current),
            actor=actor,
            created_at=now,
            expires_at=now + LINK_TTL,
        )
    )
    application_id = latest_approved_application(session, account.account_id)
    reset_notices.enqueue_recovery_link(
        session,
        account,
        application_id=application_id,
        link=link(token),
        minutes=LINK_MINUTES,
        resent=resent,
        now=now,
    )
    email = mask_email(account.admin_email)
    event = RECOVERY_RESENT if resent else RECOVERY_SENT
    add_event(
        session,
        application_id=application_id,
        account_id=account.account_id,
        at=now,
        actor=actor,
        event=event(login=account.login_name, email=email, minutes=LINK_MINUTES),
    )
    return email


@dataclass(frozen=True, slots=True)
class RecoveryRequested:
    """A counted request: when the same login may ask again (what the answer says, the same
    for every login), and the account it names, for `mail_link` only (never answered)."""

    resend_after: datetime
    account_id: str | None


def request_link(
    session: Session, login: str, *, client_address: str, now: datetime
) -> RecoveryRequested:
    """Counts a request on the login page; commits. 429 beyond the limits (`recovery_limits`).

    The same work for every login, known or not, so that neither the answer nor its time tells
    which logins exist: the link is written and mailed by `mail_link`, after the answer.
    """
    recovery_limits.check_address(session, client_address, now)
    found = find_for_login(session, login)
    subject = found.account_id if found else recovery_limits.unknown_subject(login)
    recovery_limits.check_subject(session, subject, now)
    resend_after = recovery_limits.record_request(session, subject, client_address, now)
    session.commit()
    return RecoveryRequested(resend_after, found.account_id if found else None)


def mail_link(session: Session, account_id: str, *, link: Linker, now: datetime) -> None:
    """The link of a counted request, to the account's administrator; commits."""
    account = account_contact(session, account_id, lock=True)
    # Every approved form has an email; without one there is nowhere safe to send a link.
    if account.admin_email:
        _issue(session, account, actor="system", link=link, resent=False, now=now)
        session.commit()


def resend_link(
    session: Session, account_id: str, *, actor: str, link: Linker, now: datetime
) -> Delivery:
    """The hotline mails a fresh link to the administrator on file; commits. 429 beyond one
    per 10 minutes and three a day per account."""
    account = account_contact(session, account_id, lock=True)
    RESEND_LIMIT.check(session, account_id, now)
    if not account.admin_email:
        raise Conflict(_NO_EMAIL())
    email = _issue(session, account, actor=actor, link=link, resent=True, now=now)
    delivery = RESEND_LIMIT.delivery(session, account_id, now, email=email)
    session.commit()
    return delivery


def _refusal(row: AnyRow, now: datetime) -> ApiProblem | None:
    """Why the link of `row` (with the account's `password_hash`) cannot set a password now."""
    if row.used_at is not None:
        return verification_used(_LINK_USED())
    if row.voided_at is not None:
        return verification_gone(_LINK_REPLACED())
    if now >= row.expires_at:
        return verification_gone(_LINK_EXPIRED(minutes=LINK_MINUTES))
    if row.password_fingerprint != password_fingerprint(row.password_hash):
        return verification_gone(_LINK_OUTDATED())
    return None


def _link_row(session: Session, hashed: str) -> AnyRow:
    row = session.execute(
        select(password_recoveries, accounts.c.password_hash)
        .join(accounts, accounts.c.id == password_recoveries.c.account_id)
        .where(password_recoveries.c.token_hash == hashed)
    ).first()
    if row is None:
        raise NotFound(_LINK_UNKNOWN())
    return row


def open_link(session: Session, token: str, *, now: datetime) -> OpenLink:
    """The link of `token` if it may set a password now: 404 unknown, 409 used, 410 expired,
    replaced by a newer link, or outdated by a password set since it was mailed."""
    hashed = token_hash(token.strip())
    row = _link_row(session, hashed)
    refusal = _refusal(row, now)
    if refusal is not None:
        raise refusal
    return OpenLink(row.id, hashed, row.account_id, row.password_hash)


def set_password(session: Session, link: OpenLink, *, new_hash: str, now: datetime) -> None:
    """Uses the link: the new password (argon2 `new_hash`), every session ended, an SMS to the
    registered mobile, the event on the account's timeline; commits.

    Both changes are conditional, so of two uses at once, or a reset in between, one wins and
    the other is refused as `open_link` would refuse it now.
    """
    account = account_contact(session, link.account_id, lock=True)
    used = session.execute(
        update(password_recoveries)
        .where(
            password_recoveries.c.id == link.recovery_id,
            password_recoveries.c.used_at.is_(None),
            password_recoveries.c.voided_at.is_(None),
            password_recoveries.c.expires_at > now,
        )
        .values(used_at=now)
        .returning(password_recoveries.c.id)
    ).first()
    changed = session.execute(
        update(accounts)
        .where(
            accounts.c.id == link.account_id,
            accounts.c.password_hash.is_not_distinct_from(link.password_hash),
        )
        .values(password_hash=new_hash, must_change_password=False, updated_at=now)
        .returning(accounts.c.id)
    ).first()
    if used is None or changed is None:
        session.rollback()
        raise _refusal(_link_row(session, link.token_hash), now) or verification_used(_LINK_USED())
    ended = account_sessions.end_sessions(session, link.account_id)
    application_id = latest_approved_application(session, link.account_id)
    reset_notices.enqueue_recovered(session, account, application_id=application_id, now=now)
    add_event(
        session,
        application_id=application_id,
        account_id=link.account_id,
        at=now,
        actor=account.login_name,
        event=PASSWORD_RECOVERED(
            login=account.login_name, phone=mask_phone(account.admin_phone), sessions=ended
        ),
    )
    session.commit()
