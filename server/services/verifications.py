"""SMS verification (身份验证) with the code policy of DESIGN §5.

Six random digits (`secrets`), valid 5 minutes, bound to phone and purpose, stored as
sha256(salt + code), at most 5 tries (each counts, spent atomically before the code is
compared), a new code for the same phone and purpose after 60 s, at most 10 codes per phone
per Beijing day (sends to one phone take turns; see `_verification_limits`). The code leaves
the server only in the SMS (outbox `secrets`, scrubbed after delivery). Confirming gives a
verification token (only its hash is stored), usable once within 30 minutes by the request
it was asked for.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain import Message, NotFound, define_code, mask_phone

from .._problems import ApiProblem
from ..outbox import enqueue
from ..storage.queries import AnyRow
from ..storage.tables import accounts, verifications
from ..storage.writes import add_event
from ._verification_limits import RESEND_AFTER, check_sending_allowed, serialize_per_phone

CODE_TTL = timedelta(minutes=5)
TOKEN_TTL = timedelta(minutes=30)
MAX_TRIES = 5
PURPOSES = ("register", "reset_password", "change_admin", "verify_caller")
# Purposes that prove the phone of an existing account.
ACCOUNT_PURPOSES = frozenset({"reset_password", "verify_caller"})
PURPOSE_NAMES = (
    define_code("purpose.register"),
    define_code("purpose.reset_password"),
    define_code("purpose.change_admin"),
    define_code("purpose.verify_caller"),
)
"""What a code proves, as the timeline and the refusals name it."""
VERIFICATION_SENT = define_code("event.verification_sent", "purpose", "phone")
VERIFICATION_SENT_REGISTERED = define_code("event.verification_sent_registered", "purpose", "phone")
VERIFICATION_CONFIRMED = define_code("event.verification_confirmed", "purpose", "phone")
SMS_BODY = "【HQMS】您的验证码是 {secret}，5 分钟内有效。如非本人操作请忽略。"


@dataclass(frozen=True, slots=True)
class SentVerification:
    id: str
    expires_at: datetime
    resend_after: datetime
    phone: str  # where the code went (unmasked: the route masks it)


@dataclass(frozen=True, slots=True)
class UsedToken:
    verification_id: str
    phone: str


def hash_secret(salt: str, secret: str) -> str:
    return hashlib.sha256((salt + secret).encode()).hexdigest()


def token_hash(token: str) -> str:
    # The same hash as operator tokens: a used register token becomes an applicant bearer.
    return hashlib.sha256(token.encode()).hexdigest()


_NO_ACCOUNT_FOR_PHONE = define_code("problem.no_account_for_phone")
_NO_SUCH_VERIFICATION = define_code("problem.no_such_verification")
_CODE_ALREADY_USED = define_code("problem.code_already_used")
_CODE_EXPIRED = define_code("problem.code_expired", "minutes")
_CODE_TRIES_USED_UP = define_code("problem.code_tries_used_up")
_CODE_WRONG_LAST = define_code("problem.code_wrong_last_try")
_CODE_WRONG = define_code("problem.code_wrong", "tries_left")
_TOKEN_INVALID = define_code("problem.verification_token_invalid", "purpose")
_TOKEN_USED = define_code("problem.verification_token_used")
_TOKEN_EXPIRED = define_code("problem.verification_token_expired", "minutes")


def verification_gone(message: Message) -> ApiProblem:
    return ApiProblem(410, "verification_gone", message)


def verification_used(message: Message) -> ApiProblem:
    return ApiProblem(409, "verification_used", message)


def verification_failed(message: Message, *, tries_left: int | None = None) -> ApiProblem:
    extra: dict[str, object] | None = None if tries_left is None else {"tries_left": tries_left}
    return ApiProblem(422, "verification_failed", message, extra=extra)


def verification_phone_mismatch(message: Message) -> ApiProblem:
    """A confirmed code of a phone other than the one the action must prove."""
    return ApiProblem(422, "verification_phone_mismatch", message)


def send_code(
    session: Session,
    *,
    phone: str,
    purpose: str,
    actor: str,
    now: datetime,
    application_id: str | None = None,
) -> SentVerification:
    """A new code for `phone` (normalized) and `purpose`, queued as an SMS; commits.

    `application_id`: the phone is that application's registered phone, looked up by the
    caller (`registered_phones`), so it needs no account check, and the send is recorded on
    the application's timeline.
    """
    serialize_per_phone(session, phone)
    if purpose in ACCOUNT_PURPOSES and application_id is None:
        has_account = session.execute(
            select(accounts.c.id).where(accounts.c.admin_phone == phone).limit(1)
        ).first()
        if has_account is None:
            raise NotFound(_NO_ACCOUNT_FOR_PHONE())
    check_sending_allowed(session, phone, purpose, now)
    code = f"{secrets.randbelow(10**6):06d}"
    salt = secrets.token_hex(16)
    verification_id = "V" + secrets.token_hex(7).upper()
    session.execute(
        insert(verifications).values(
            id=verification_id,
            phone=phone,
            purpose=purpose,
            code_hash=hash_secret(salt, code),
            salt=salt,
            attempts_left=MAX_TRIES,
            created_at=now,
            expires_at=now + CODE_TTL,
        )
    )
    enqueue(
        session,
        channel="sms",
        recipient=phone,
        subject="",
        body=SMS_BODY,
        secrets={"secret": code},
        purpose="verification_code",
        now=now,
    )
    sent = VERIFICATION_SENT if application_id is None else VERIFICATION_SENT_REGISTERED
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=actor,
        event=sent(purpose=purpose, phone=mask_phone(phone)),
    )
    session.commit()
    return SentVerification(verification_id, now + CODE_TTL, now + RESEND_AFTER, phone)


def _why_no_try(session: Session, verification_id: str, now: datetime) -> ApiProblem:
    """Why a code can no longer be tried (or NotFound when there is no such verification)."""
    row = session.execute(
        select(verifications).where(verifications.c.id == verification_id)
    ).first()
    if row is None:
        raise NotFound(_NO_SUCH_VERIFICATION())
    if row.confirmed_at is not None:
        return verification_used(_CODE_ALREADY_USED())
    if now >= row.expires_at:
        return verification_gone(_CODE_EXPIRED(minutes=_minutes(CODE_TTL)))
    return verification_gone(_CODE_TRIES_USED_UP())


def _take_a_try(session: Session, verification_id: str, now: datetime) -> AnyRow | None:
    """Spends one try of a live code, before the code is compared, in one statement: tries
    at the same moment queue on the row, so no more than MAX_TRIES are ever compared. A right
    code spends its try as well. None when no try is left (or the code is used or expired)."""
    return session.execute(
        update(verifications)
        .where(
            verifications.c.id == verification_id,
            verifications.c.attempts_left > 0,
            verifications.c.confirmed_at.is_(None),
            verifications.c.expires_at > now,
        )
        .values(attempts_left=verifications.c.attempts_left - 1)
        .returning(
            verifications.c.attempts_left,
            verifications.c.code_hash,
            verifications.c.salt,
            verifications.c.phone,
            verifications.c.purpose,
        )
    ).first()


def confirm_code(
    session: Session, verification_id: str, code: str, *, actor: str, now: datetime
) -> str:
    """The verification token for a right code; commits (every try counts)."""
    row = _take_a_try(session, verification_id, now)
    if row is None:
        session.rollback()
        raise _why_no_try(session, verification_id, now)
    if not hmac.compare_digest(hash_secret(row.salt, code.strip()), row.code_hash):
        session.commit()
        if row.attempts_left == 0:
            raise verification_failed(_CODE_WRONG_LAST(), tries_left=0)
        raise verification_failed(
            _CODE_WRONG(tries_left=row.attempts_left), tries_left=row.attempts_left
        )
    token = secrets.token_urlsafe(32)
    # The try above holds the row (PostgreSQL) until commit; the conditions repeat the rule.
    confirmed = session.execute(
        update(verifications)
        .where(
            verifications.c.id == verification_id,
            verifications.c.confirmed_at.is_(None),
            verifications.c.expires_at > now,
        )
        .values(confirmed_at=now, token_hash=token_hash(token), token_expires_at=now + TOKEN_TTL)
        .returning(verifications.c.id)
    ).first()
    if confirmed is None:
        session.rollback()
        raise _why_no_try(session, verification_id, now)
    add_event(
        session,
        application_id=None,
        at=now,
        actor=actor,
        event=VERIFICATION_CONFIRMED(purpose=row.purpose, phone=mask_phone(row.phone)),
    )
    session.commit()
    return token


def use_token(
    session: Session,
    token: str,
    *,
    purpose: str,
    now: datetime,
    application_id: str | None = None,
) -> UsedToken:
    """Marks a verification token of `purpose` used; no commit (part of the caller's change).

    Unknown or of another purpose → 422; expired → 410; already used → 409.
    """
    row = session.execute(
        select(verifications).where(verifications.c.token_hash == token_hash(token.strip()))
    ).first()
    if row is None or row.purpose != purpose:
        raise verification_failed(_TOKEN_INVALID(purpose=purpose))
    if row.token_used_at is not None:
        raise verification_used(_TOKEN_USED())
    if row.token_expires_at is None or now >= row.token_expires_at:
        raise verification_gone(_TOKEN_EXPIRED(minutes=_minutes(TOKEN_TTL)))
    used = session.execute(
        update(verifications)
        .where(verifications.c.id == row.id, verifications.c.token_used_at.is_(None))
        .values(token_used_at=now, application_id=application_id)
        .returning(verifications.c.id)
    ).first()
    if used is None:
        raise verification_used(_TOKEN_USED())
    return UsedToken(row.id, row.phone)


def _minutes(period: timedelta) -> int:
    return int(period.total_seconds() // 60)
