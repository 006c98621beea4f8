"""Reading and writing a draft's rows for `drafts` and `files`: the checks every change makes
first (exists, revision, state, the institution code still free) and the writes that keep
`applications` in step with its form.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain import Action, AlreadyInHqms, Conflict, Form, Kind, Status, define_code, next_status

from ..preconditions import check_revision
from ..storage import queries
from ..storage.queries import AnyRow
from ..storage.tables import OPEN_STATUSES, applications, form_revisions
from ..storage.writes import searchable_code, searchable_phone
from .accounts import HAS_ACCOUNT, account_login_of_code
from .applications import not_found
from .codes import registry_name_of
from .field_changes import PERSONAL_FIELDS

_SECOND_OPEN = define_code("problem.second_open_application", "code")


def load_application(
    session: Session,
    application_id: str,
    expected_revision: int | None = None,
    *,
    lock: bool = False,
) -> AnyRow:
    """The application's row (raises NotFound); checks `If-Match` when one is expected.

    `lock`: hold the row until the transaction ends (PostgreSQL; SQLite has one writer at a
    time anyway), so that a submit and an upload or deletion of a scan take turns and each
    sees the status the other left.
    """
    if lock:
        session.execute(
            select(applications.c.id).where(applications.c.id == application_id).with_for_update()
        )
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    if expected_revision is not None:
        check_revision(expected_revision, row.revision)
    return row


def check_allowed(app: AnyRow, action: Action) -> None:
    """Raises TransitionNotAllowed with the lifecycle's sentence."""
    next_status(Status(app.status), action)


def current_form(session: Session, app: AnyRow) -> Form:
    return Form.model_validate(queries.form_data(session, app.id, app.form_number) or {})


def apply_masked_values(submitted: Form, current: Form) -> Form:
    """A copy of `submitted` in which each personal value equal to its masked current value is
    the current value (DESIGN §3: a value sent back as the API masked it means "unchanged")."""
    form = submitted.model_copy(deep=True)
    for path, mask in PERSONAL_FIELDS.items():
        part, field = path.split(".")
        stored = getattr(getattr(current, part), field)
        sent = getattr(getattr(form, part), field)
        if stored and sent == mask(stored):
            setattr(getattr(form, part), field, stored)
    return form


def bump_revision(session: Session, app: AnyRow, *, now: datetime, **values: Any) -> None:
    """revision + 1 (and `values`) on the row just read; 412 if someone changed it since."""
    changed = session.execute(
        update(applications)
        .where(applications.c.id == app.id, applications.c.revision == app.revision)
        .values(revision=app.revision + 1, updated_at=now, **values)
        .returning(applications.c.id)
    ).first()
    if changed is None:
        session.rollback()
        current = load_application(session, app.id)
        check_revision(app.revision, current.revision)


def write_form(
    session: Session,
    app: AnyRow,
    form: Form,
    *,
    actor: str,
    now: datetime,
    admin_phone: str | None = None,
) -> None:
    """A new form revision, and the application's searchable copy of it."""
    number = app.form_number + 1
    session.execute(
        insert(form_revisions).values(
            application_id=app.id,
            number=number,
            form=form.model_dump(mode="json"),
            created_at=now,
            created_by=actor,
        )
    )
    values: dict[str, Any] = {
        "form_number": number,
        "code": searchable_code(form.code),
        "name": form.name,
        "legal_rep_phone": searchable_phone(form.legal_rep.mobile),
    }
    if admin_phone is not None:
        values["admin_phone"] = admin_phone
    bump_revision(session, app, now=now, **values)


def check_code_free(session: Session, app: AnyRow, code: str) -> None:
    """Refuses an institution already on HQMS, one that already has an account (for a new
    application), or one with another open application."""
    if not code:
        return
    if registry_name_of(session, code) is not None:
        raise AlreadyInHqms()
    if Kind(app.kind) is Kind.NEW and account_login_of_code(session, code) is not None:
        raise Conflict(HAS_ACCOUNT())
    other = session.execute(
        select(applications.c.id)
        .where(
            applications.c.code == code,
            applications.c.status.in_(OPEN_STATUSES),
            applications.c.id != app.id,
        )
        .limit(1)
    ).scalar_one_or_none()
    if other is not None:
        raise second_open(code)


def second_open(code: str) -> Conflict:
    # No application id: the caller may be an applicant, who must not learn another's id.
    return Conflict(_SECOND_OPEN(code=code))
