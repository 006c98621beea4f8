"""The review transitions (DESIGN §2): amend, approve, reject.

Each is one transaction: the state change, the account it creates or changes, the outbox
messages it causes and the audit events commit together or not at all. The row is locked
(`FOR UPDATE` on PostgreSQL) and its revision compared with `If-Match` before anything is
decided; the state machine of `domain` says what the status allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from domain import (
    Action,
    FieldChange,
    Kind,
    Status,
    define_code,
    next_status,
    opens_change_application,
)

from ..storage import queries
from ..storage.writes import add_event
from . import accounts, change_preview, changes, notices
from ._review_rows import (
    BLOCKS_AMEND,
    bump_revision,
    current_form,
    locked_application,
    other_open_application,
    other_open_conflict,
)

AMENDED = define_code("event.amended")
AMENDED_BECAUSE = define_code("event.amended_because", "reason")
ACCOUNT_CREATED = define_code("event.account_created", "login")
APPROVED = define_code("event.approved", "login")
REJECTED_EMAIL_AND_SMS = define_code("event.rejected_email_and_sms", "reason")
# Recorded while a rejection went by email only: old rows read it.
REJECTED = define_code("event.rejected", "reason")
REJECTED_NO_EMAIL = define_code("event.rejected_no_email", "reason")


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who decides, and the new initial password should the decision need one."""

    name: str
    password: str
    password_hash: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """The application to answer with, and whether it was created (201) by this request."""

    application_id: str
    created: bool = False


def amend(
    session: Session,
    application_id: str,
    *,
    expected_revision: int,
    actor: str,
    reason: str,
    now: datetime,
    operator: bool = False,
) -> Outcome:
    """pending/rejected → draft (scans kept); approved → a new `change` application.

    `operator`: whether the caller is an operator (who may learn other applications' ids)."""
    row = locked_application(session, application_id, expected_revision)
    status = Status(row.status)
    open_change = status is Status.APPROVED and queries.has_open_change(
        session, row.id, row.account_id
    )
    next_status(status, Action.AMEND, has_open_change=open_change)  # raises when not allowed
    if opens_change_application(status, Action.AMEND):
        outcome = Outcome(
            changes.open_change(session, row, actor=actor, now=now, operator=operator), created=True
        )
    else:
        other = other_open_application(session, row.code, row.id)
        if other is not None:
            raise other_open_conflict(other, name_it=operator, blocks=BLOCKS_AMEND)
        bump_revision(session, row, now, status=Status.DRAFT.value, submitted_at=None)
        event = AMENDED_BECAUSE(reason=reason) if reason else AMENDED()
        add_event(session, application_id=row.id, at=now, actor=actor, event=event)
        outcome = Outcome(row.id)
    session.commit()
    return outcome


def approve(
    session: Session,
    application_id: str,
    *,
    expected_revision: int,
    reviewer: Reviewer,
    login_url: str,
    now: datetime,
) -> Outcome:
    """pending → approved: creates (new) or updates (change) the account and notifies."""
    row = locked_application(session, application_id, expected_revision)
    next_status(Status(row.status), Action.APPROVE)
    if Kind(row.kind) is Kind.NEW and row.code:
        # Saving the code checks this too, but the account may have come after that save.
        existing_login = accounts.account_login_of_code(session, row.code)
        if existing_login is not None:
            raise accounts.has_account_conflict(existing_login)
    form = current_form(session, row)
    form.admin.mobile = row.admin_phone  # the verified number is the login id
    changed: list[FieldChange] = []
    if Kind(row.kind) is Kind.NEW or row.account_id is None:
        account_id = accounts.create_account(
            session, form, password_hash=reviewer.password_hash, now=now
        )
        login_name = accounts.login_name_of(session, account_id)
        add_event(
            session,
            application_id=row.id,
            at=now,
            actor=reviewer.name,
            event=ACCOUNT_CREATED(login=login_name),
        )
        notices.enqueue_approval(
            session,
            form,
            application_id=row.id,
            account_id=account_id,
            login_name=login_name,
            phone=row.admin_phone,
            password=reviewer.password,
            login_url=login_url,
            now=now,
        )
        approved = APPROVED(login=login_name)
    else:
        account_id = row.account_id
        changed = change_preview.account_changes(session, row)  # before the overwrite
        approved = changes.approve_change(
            session,
            row,
            form,
            password=reviewer.password,
            password_hash=reviewer.password_hash,
            login_url=login_url,
            now=now,
        )
    bump_revision(
        session,
        row,
        now,
        status=Status.APPROVED.value,
        account_id=account_id,
        review_reason=None,
        reviewer=reviewer.name,
        reviewed_at=now,
    )
    add_event(
        session,
        application_id=row.id,
        at=now,
        actor=reviewer.name,
        event=approved,
        changes=changed,
    )
    session.commit()
    return Outcome(row.id)


def reject(
    session: Session,
    application_id: str,
    *,
    expected_revision: int,
    reviewer: str,
    reason: str,
    now: datetime,
) -> Outcome:
    """pending → rejected with the reason, emailed to the data administrator, and an SMS to
    the administrator's mobile saying where the reason went (seed step 7)."""
    row = locked_application(session, application_id, expected_revision)
    next_status(Status(row.status), Action.REJECT)
    form = current_form(session, row)
    bump_revision(
        session,
        row,
        now,
        status=Status.REJECTED.value,
        review_reason=reason,
        reviewer=reviewer,
        reviewed_at=now,
    )
    if form.admin.email:
        notices.enqueue_rejection(
            session,
            form,
            application_id=row.id,
            is_change=Kind(row.kind) is Kind.CHANGE,
            reason=reason,
            sms_phone=row.admin_phone,
            now=now,
        )
    add_event(
        session,
        application_id=row.id,
        at=now,
        actor=reviewer,
        event=(REJECTED_EMAIL_AND_SMS if form.admin.email else REJECTED_NO_EMAIL)(reason=reason),
    )
    session.commit()
    return Outcome(row.id)
