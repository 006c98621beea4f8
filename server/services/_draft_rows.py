"""Reading and writing a draft's rows for `drafts` and `files`: the checks every change makes
first (exists, revision, state) and the writes that keep `applications` in step with its form.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain import (
    Action,
    Form,
    Status,
    mask_email,
    mask_name,
    mask_phone,
    next_status,
)

from ..preconditions import check_revision
from ..storage import queries
from ..storage.queries import AnyRow
from ..storage.tables import applications, form_revisions
from ..storage.writes import searchable_code, searchable_phone
from .applications import not_found


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


# Personal values and how the API masks them: a value sent back masked means "unchanged".
_MASKED: tuple[tuple[str, str, Any], ...] = (
    ("legal_rep", "name", mask_name),
    ("legal_rep", "mobile", mask_phone),
    ("admin", "name", mask_name),
    ("admin", "mobile", mask_phone),
    ("admin", "email", mask_email),
)


def apply_masked_values(submitted: Form, current: Form) -> Form:
    """A copy of `submitted` in which each value equal to its masked current value is the
    current value."""
    form = submitted.model_copy(deep=True)
    for part, field, mask in _MASKED:
        stored = getattr(getattr(current, part), field)
        sent = getattr(getattr(form, part), field)
        if stored and sent == mask(stored):
            setattr(getattr(form, part), field, stored)
    return form


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flat(item, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): value}


def changed_fields(before: Form, after: Form) -> list[str]:
    """Names of the fields whose values differ (names only: audit details hold no values)."""
    old, new = _flat(before.model_dump()), _flat(after.model_dump())
    return [name for name in new if old.get(name) != new[name]]


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
