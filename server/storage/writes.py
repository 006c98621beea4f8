"""Inserting records, shared by the services, the demo seeder and the tests.

These functions write rows and never commit: the caller (a service, which owns the
transaction) decides. They keep the searchable copies on `applications` (name, code, phones)
in step with the form they store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain import (
    DomainError,
    FieldChange,
    Form,
    Message,
    normalize_institution_code,
    normalize_mobile,
)

from ..call_context import current_call_id
from .tables import (
    accounts,
    applications,
    audit_events,
    calls,
    form_revisions,
    hqms_registry,
    operators,
)


def searchable_phone(raw: str) -> str:
    """The normalized mobile, or `""` when the form holds none (or not a valid one yet)."""
    try:
        return normalize_mobile(raw) if raw.strip() else ""
    except DomainError:
        return ""


def searchable_code(raw: str) -> str:
    return normalize_institution_code(raw) if raw.strip() else ""


def insert_application(
    session: Session,
    *,
    application_id: str,
    kind: str,
    status: str,
    form: Form,
    admin_phone: str,
    at: datetime,
    actor: str,
    updated_at: datetime | None = None,
    submitted_at: datetime | None = None,
    parent_id: str | None = None,
    account_id: str | None = None,
    review_reason: str | None = None,
    reviewer: str | None = None,
    reviewed_at: datetime | None = None,
) -> None:
    """An application with its first form revision; `admin_phone` is the verified mobile."""
    session.execute(
        insert(applications).values(
            id=application_id,
            kind=kind,
            status=status,
            revision=1,
            form_number=1,
            code=searchable_code(form.code),
            name=form.name,
            admin_phone=admin_phone,
            legal_rep_phone=searchable_phone(form.legal_rep.mobile),
            created_at=at,
            updated_at=updated_at or at,
            submitted_at=submitted_at,
            parent_id=parent_id,
            account_id=account_id,
            review_reason=review_reason,
            reviewer=reviewer,
            reviewed_at=reviewed_at,
        )
    )
    session.execute(
        insert(form_revisions).values(
            application_id=application_id,
            number=1,
            form=form.model_dump(mode="json"),
            created_at=at,
            created_by=actor,
        )
    )


def upsert_registry(session: Session, rows: Sequence[dict[str, str]]) -> None:
    """Rows (`code`, `name`, `organization`) into the existing-HQMS registry; a code already
    there takes the row's name. Written as INSERT … ON CONFLICT, which both databases we run
    on speak, so two imports at once cannot trip over the same new code."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(hqms_registry)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[hqms_registry.c.code],
            set_={
                "name": statement.excluded.name,
                "organization": statement.excluded.organization,
            },
        ),
        rows,
    )


def insert_account(
    session: Session,
    *,
    account_id: str,
    login_name: str,
    form: Form,
    at: datetime,
    password_hash: str | None = None,
) -> None:
    """An institution's account from the approved form (its admin's mobile is a login id)."""
    session.execute(
        insert(accounts).values(
            id=account_id,
            login_name=login_name,
            admin_phone=normalize_mobile(form.admin.mobile),
            admin_name=form.admin.name,
            admin_email=form.admin.email,
            code=searchable_code(form.code),
            name=form.name,
            password_hash=password_hash,
            must_change_password=True,
            created_at=at,
            updated_at=at,
        )
    )


def add_event(
    session: Session,
    *,
    application_id: str | None,
    at: datetime,
    actor: str,
    event: Message,
    changes: Sequence[FieldChange] = (),
    account_id: str | None = None,
    call_id: str | None = None,
) -> int:
    """A line of the audit trail; returns its id. `event` is what happened, a code of the
    `event` namespace with its parameters (docs/messages.md): stored as `action` and `params`,
    rendered only when read. Its parameters and `changes` must hold no secret and no unmasked
    personal data.

    `changes`: each field before → after, for data changes. `account_id`: for events about
    an account (password reset, sessions ended). `call_id`: the hotline call it happened in;
    when not given, the call the request names in `X-HQMS-Call`, recorded only when that is a
    call of `actor` (a header naming someone else's call, or none, records nothing).
    """
    result = session.execute(
        insert(audit_events)
        .values(
            application_id=application_id,
            at=at,
            actor=actor,
            action=event.code,
            params=event.params,
            changes=[change.model_dump(mode="json") for change in changes] or None,
            account_id=account_id,
            call_id=call_id if call_id is not None else _own_current_call(session, actor),
        )
        .returning(audit_events.c.id)
    )
    return int(result.scalar_one())


def _own_current_call(session: Session, actor: str) -> str | None:
    call_id = current_call_id()
    if call_id is None:
        return None
    operator = session.execute(
        select(calls.c.operator).where(calls.c.id == call_id)
    ).scalar_one_or_none()
    return call_id if operator == actor else None


def insert_operator(
    session: Session,
    *,
    username: str,
    password_hash: str,
    role: str,
    display_name: str,
    at: datetime,
) -> int:
    """An operator row; returns its id. `password_hash` is an argon2 hash, never a password."""
    result = session.execute(
        insert(operators)
        .values(
            username=username,
            display_name=display_name,
            role=role,
            password_hash=password_hash,
            failed_logins=0,
            locked_until=None,
            active=True,
            created_at=at,
        )
        .returning(operators.c.id)
    )
    return int(result.scalar_one())
