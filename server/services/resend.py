"""Resending the approval or the rejection notice (重发通知) when the caller did not get it.

- `approval`: an approved application with an account. The account email again, to the
  account's current administrator, with login name, phone and login address but never a
  password (the initial one went out once; a lost one is replaced by a password reset), and
  an SMS saying the email was sent.
- `rejection`: a rejected application. The rejection email with the reviewer's reason again.

Each kind is limited per application (`RESEND_LIMITS`), counted from the outbox, so every
resend also shows in the delivery history. Each is audited (`notice_resent`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import (
    Action,
    Code,
    Conflict,
    Delivery,
    Kind,
    Status,
    TransitionNotAllowed,
    define_code,
    mask_email,
    mask_phone,
    next_status,
)

from ..storage import queries
from ..storage.queries import AnyRow
from ..storage.tables import accounts, applications
from ..storage.writes import add_event
from . import notices
from ._review_rows import current_form
from .applications import not_found
from .send_limits import SendLimit


class NoticeKind(StrEnum):
    APPROVAL = "approval"  # 审核通过（账号开通）通知
    REJECTION = "rejection"  # 审核不通过通知


def _limit(purpose: str, too_soon: Code, daily_cap: Code) -> SendLimit:
    return SendLimit(
        purpose=purpose,
        interval=timedelta(minutes=10),
        per_day=3,
        too_soon=too_soon,
        daily_cap=daily_cap,
    )


RESEND_LIMITS: dict[NoticeKind, SendLimit] = {
    NoticeKind.APPROVAL: _limit(
        notices.APPROVAL_RESENT,
        define_code("problem.approval_resent_too_soon", "interval", "wait"),
        define_code("problem.approval_resend_daily_cap", "per_day", "wait"),
    ),
    NoticeKind.REJECTION: _limit(
        notices.REJECTION_RESENT,
        define_code("problem.rejection_resent_too_soon", "interval", "wait"),
        define_code("problem.rejection_resend_daily_cap", "per_day", "wait"),
    ),
}
NO_APPROVAL_NOTICE = define_code("problem.no_approval_notice")
NO_REJECTION_NOTICE = define_code("problem.no_rejection_notice")
NO_ACCOUNT_EMAIL = define_code("problem.resend_no_account_email")
NO_FORM_EMAIL = define_code("problem.resend_no_form_email")
APPROVAL_RESENT = define_code("event.approval_resent", "email", "phone")
REJECTION_RESENT = define_code("event.rejection_resent", "email")


def _check_state(row: AnyRow, kind: NoticeKind) -> None:
    """Raises TransitionNotAllowed when the application's state has no notice of `kind`."""
    status = Status(row.status)
    next_status(status, Action.RESEND_NOTICE)  # draft, pending: the lifecycle's sentence
    if kind is NoticeKind.APPROVAL and (status is not Status.APPROVED or row.account_id is None):
        raise TransitionNotAllowed(NO_APPROVAL_NOTICE())
    if kind is NoticeKind.REJECTION and status is not Status.REJECTED:
        raise TransitionNotAllowed(NO_REJECTION_NOTICE())


def resend_notice(
    session: Session,
    application_id: str,
    kind: NoticeKind,
    *,
    actor: str,
    login_url: str,
    now: datetime,
) -> Delivery:
    """Enqueues the notice again; answers where it went (masked) and when the next resend of
    the kind is allowed. 409 in a state without that notice, 429 beyond the limit."""
    # Locked (PostgreSQL) so that two resends at once cannot both pass the limit.
    session.execute(
        select(applications.c.id).where(applications.c.id == application_id).with_for_update()
    )
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    _check_state(row, kind)
    limit = RESEND_LIMITS[kind]
    limit.check(session, application_id, now)
    if kind is NoticeKind.APPROVAL:
        email, phone = _resend_approval(session, row, login_url=login_url, now=now)
        event = APPROVAL_RESENT(email=email, phone=phone)
    else:
        email, phone = _resend_rejection(session, row, now=now), ""
        event = REJECTION_RESENT(email=email)
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=actor,
        event=event,
        account_id=row.account_id,
    )
    delivery = limit.delivery(session, application_id, now, email=email, phone=phone)
    session.commit()
    return delivery


def _resend_approval(
    session: Session, row: AnyRow, *, login_url: str, now: datetime
) -> tuple[str, str]:
    """To the account's current administrator (a later change may have replaced the one this
    application named); returns the masked email and phone."""
    account = session.execute(select(accounts).where(accounts.c.id == row.account_id)).one()
    if not account.admin_email:
        raise Conflict(NO_ACCOUNT_EMAIL())
    notices.enqueue_approval_again(
        session,
        institution=account.name,
        admin_name=account.admin_name,
        email=account.admin_email,
        phone=account.admin_phone,
        login_name=account.login_name,
        login_url=login_url,
        application_id=row.id,
        account_id=account.id,
        now=now,
    )
    return mask_email(account.admin_email), mask_phone(account.admin_phone)


def _resend_rejection(session: Session, row: AnyRow, *, now: datetime) -> str:
    form = current_form(session, row)
    if not form.admin.email:
        raise Conflict(NO_FORM_EMAIL())
    notices.enqueue_rejection(
        session,
        form,
        application_id=row.id,
        is_change=Kind(row.kind) is Kind.CHANGE,
        reason=row.review_reason or "",
        # The email is what went missing; the first notice's SMS already said where it went.
        sms_phone=None,
        now=now,
        purpose=notices.REJECTION_RESENT,
    )
    return mask_email(form.admin.email)
