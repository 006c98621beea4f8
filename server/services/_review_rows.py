"""Reading and updating the application row under review, shared by the transitions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain import Code, Conflict, Form, define_code

from ..preconditions import check_revision
from ..storage import queries
from ..storage.queries import AnyRow
from ..storage.tables import OPEN_STATUSES, applications
from .applications import not_found


def locked_application(session: Session, application_id: str, expected_revision: int) -> AnyRow:
    """The row, locked for this transaction (PostgreSQL), if `If-Match` names its revision."""
    row = session.execute(
        select(applications).where(applications.c.id == application_id).with_for_update()
    ).first()
    if row is None:
        raise not_found(application_id)
    check_revision(expected_revision, row.revision)
    return row


def current_form(session: Session, row: AnyRow) -> Form:
    return Form.model_validate(queries.form_data(session, row.id, row.form_number) or {})


def bump_revision(session: Session, row: AnyRow, now: datetime, **values: Any) -> None:
    """Writes `values` with the next revision (the ETag every client compares)."""
    session.execute(
        update(applications)
        .where(applications.c.id == row.id)
        .values(revision=row.revision + 1, updated_at=now, **values)
    )


def other_open_application(session: Session, code: str, but: str) -> str | None:
    """Another draft or pending application of the institution code, if there is one."""
    if not code:
        return None
    return session.execute(
        select(applications.c.id).where(
            applications.c.code == code,
            applications.c.status.in_(OPEN_STATUSES),
            applications.c.id != but,
        )
    ).scalar_one_or_none()


BLOCKS_CHANGE = (
    define_code("problem.other_open_blocks_change", "application"),
    define_code("problem.other_open_blocks_change_unnamed"),
)
BLOCKS_AMEND = (
    define_code("problem.other_open_blocks_amend", "application"),
    define_code("problem.other_open_blocks_amend_unnamed"),
)
"""Another open application blocks a change of details, or amending this one: the refusal
naming the other's id (for operators), and the one that does not (for applicants)."""


def other_open_conflict(other: str, *, name_it: bool, blocks: tuple[Code, Code]) -> Conflict:
    """Another open application of the institution blocks what was asked; only operators learn
    its id (an applicant must not learn another institution's application ids)."""
    named, unnamed = blocks
    return Conflict(named(application=other) if name_it else unnamed())
