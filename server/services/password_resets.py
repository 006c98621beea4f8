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

from domain import Conflict, Delivery, mask_email, mask_phone

from .._problems import ApiProblem, rate_limited
from ..storage.tables import accounts, audit_events
from ..storage.writes import add_event
from ..time_words import BEIJING, beijing_clock_time
from . import account_sessions, reset_notices
from .accounts import AccountContact, account_contact, latest_approved_application
from .verifications import use_token, verification_failed, verification_phone_mismatch

RESET_INTERVAL = timedelta(minutes=10)
RESETS_PER_DAY = 3
RESET_ACTION = "password_reset"
NO_TOKEN = (
    "还没有完成来电人验证：请先向该账号登记的手机号发送重置密码验证码，"
    "请来电人读出验证码并验证通过后再重置。"
)


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
        detail = (
            f"该账号今天已重置密码 {RESETS_PER_DAY} 次，已达上限；请明天（北京时间零点后）再办理。"
        )
    else:
        minutes = math.ceil(wait.total_seconds() / 60)
        when = beijing_clock_time(allowance.resend_after, now=now)
        detail = (
            "该账号的密码刚刚重置过，每 10 分钟只能重置一次；"
            f"请在{when}之后（约 {minutes} 分钟后）再办理。"
        )
    return rate_limited(detail, wait)


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
        raise verification_failed(NO_TOKEN)
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
            f"验证码不是发到该账号登记的手机号（{mask_phone(account.admin_phone)}）的，"
            "不能用来重置密码；请向登记的手机号重新发送验证码。"
        )
    if not account.admin_email:
        raise Conflict("该账号没有登记数据管理员的电子邮箱，无法发送新密码；请办理“变更资料”。")
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
        action=RESET_ACTION,
        detail=(
            f"重置账号 {account.login_name} 的密码：新的临时密码已发到 {masked.email}，"
            f"短信已通知 {masked.phone}；原密码已失效"
            + (f"，{ended} 个已登录的会话已结束" if ended else "")
        ),
    )
    # Counted again with this reset's event: the limit the operator sees next.
    delivery = _delivery(account, _allowance(session, account_id, now))
    session.commit()
    return delivery
