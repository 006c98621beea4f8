"""Change applications (变更资料, DESIGN §2): opened by amending an approved application,
prefilled with the account's current data; their approval overwrites the account, and a change
of the data administrator's information (数据管理员信息: name, mobile or email) also resets its
password (seed step 6)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import (
    Admin,
    Form,
    Kind,
    Message,
    Status,
    administrator_changes,
    define_code,
    new_application_id,
)

from ..storage import queries
from ..storage.queries import AnyRow
from ..storage.tables import applications
from ..storage.writes import add_event, insert_application, searchable_code
from . import account_sessions, accounts, notices
from ._review_rows import (
    BLOCKS_CHANGE,
    bump_revision,
    current_form,
    other_open_application,
    other_open_conflict,
)

CHANGE_OPENED = define_code("event.change_opened", "application")
CHANGE_CREATED = define_code("event.change_created", "parent")
CHANGE_APPROVED = define_code("event.change_approved")
CHANGE_APPROVED_ADMIN_CHANGED = define_code("event.change_approved_admin_changed", "fields")
# Recorded before the timeline named the administrator's fields that changed: old rows read it.
CHANGE_APPROVED_ADMIN_RESET = define_code("event.change_approved_admin_reset")
SESSIONS_ENDED = define_code("event.sessions_ended", "login", "sessions")


def account_admin(session: Session, account_id: str) -> Admin:
    """The account's data administrator as it is now (unmasked: for comparing only)."""
    contact = accounts.account_contact(session, account_id)
    return Admin(name=contact.admin_name, mobile=contact.admin_phone, email=contact.admin_email)


def latest_approved_form(session: Session, row: AnyRow) -> Form:
    """The account's current data: its most recently approved application's form."""
    latest = session.execute(
        select(applications)
        .where(applications.c.account_id == row.account_id, applications.c.status == "approved")
        .order_by(applications.c.reviewed_at.desc(), applications.c.updated_at.desc())
        .limit(1)
    ).first()
    return current_form(session, latest or row)


def open_change(
    session: Session, row: AnyRow, *, actor: str, now: datetime, operator: bool = False
) -> str:
    form = latest_approved_form(session, row)
    other = other_open_application(session, searchable_code(form.code), row.id)
    if other is not None:
        raise other_open_conflict(other, name_it=operator, blocks=BLOCKS_CHANGE)
    admin_phone = (
        accounts.admin_phone_of(session, row.account_id) if row.account_id else row.admin_phone
    )
    form.admin.mobile = admin_phone
    change_id = new_application_id()
    while queries.application_exists(session, change_id):
        change_id = new_application_id()
    insert_application(
        session,
        application_id=change_id,
        kind=Kind.CHANGE.value,
        status=Status.DRAFT.value,
        form=form,
        admin_phone=admin_phone,
        at=now,
        actor=actor,
        parent_id=row.id,
        account_id=row.account_id,
    )
    bump_revision(session, row, now)
    add_event(
        session,
        application_id=row.id,
        at=now,
        actor=actor,
        event=CHANGE_OPENED(application=change_id),
    )
    add_event(
        session,
        application_id=change_id,
        at=now,
        actor=actor,
        event=CHANGE_CREATED(parent=row.id),
    )
    return change_id


def approve_change(
    session: Session,
    row: AnyRow,
    form: Form,
    *,
    password: str,
    password_hash: str,
    login_url: str,
    now: datetime,
) -> Message:
    """Overwrites the account; a change of the administrator's name, mobile or email also
    resets its password and ends every session of the account (the old administrator's
    included). `form.admin.mobile` is the change's verified mobile."""
    account_id: str = row.account_id
    admin_fields = administrator_changes(account_admin(session, account_id), form.admin)
    admin_changed = bool(admin_fields)
    accounts.overwrite_account(
        session,
        account_id,
        form,
        now=now,
        new_password_hash=password_hash if admin_changed else None,
    )
    if not admin_changed:
        notices.enqueue_change_approved(
            session, form, application_id=row.id, account_id=account_id, now=now
        )
        return CHANGE_APPROVED()
    login_name = accounts.login_name_of(session, account_id)
    ended = account_sessions.end_sessions(session, account_id)
    add_event(
        session,
        application_id=row.id,
        account_id=account_id,
        at=now,
        actor="system",
        event=SESSIONS_ENDED(login=login_name, sessions=ended),
    )
    notices.enqueue_approval(
        session,
        form,
        application_id=row.id,
        account_id=account_id,
        login_name=login_name,
        phone=row.admin_phone,
        password=password,
        login_url=login_url,
        now=now,
        admin_changed=True,
    )
    return CHANGE_APPROVED_ADMIN_CHANGED(fields=admin_fields)
