"""Reading one application as the operator sees it: form (masked), problems, actions, files,
account, review. Its timeline is read by `lookup.application_events`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from domain import (
    AccountRef,
    Application,
    FileInfo,
    FileKind,
    Form,
    Kind,
    NotFound,
    Review,
    Status,
    actions_for,
    define_code,
    file_problems,
    form_problems,
)

from ..masking import masked_form
from ..storage import queries
from ..storage.queries import AnyRow

# The stamped forms print the form's data, so they go stale when it changes; the licence
# scan does not (DESIGN §2).
STAMPED_FORMS = frozenset({FileKind.INFO_FORM, FileKind.CONSENT})


_NO_SUCH_APPLICATION = define_code("problem.no_such_application", "application")


def not_found(application_id: str) -> NotFound:
    return NotFound(_NO_SUCH_APPLICATION(application=application_id))


def _files(rows: list[AnyRow], form_number: int) -> list[FileInfo]:
    infos = []
    for row in rows:
        kind = FileKind(row.kind)
        infos.append(
            FileInfo(
                id=row.id,
                kind=kind,
                filename=row.filename,
                size=row.size,
                sha256=row.sha256,
                stale=kind in STAMPED_FORMS and row.form_number < form_number,
                uploaded_at=row.uploaded_at,
            )
        )
    return infos


def application_detail(session: Session, application_id: str, *, today: date) -> Application:
    """The application with its form masked; raises NotFound."""
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    app = row._mapping
    status, kind = Status(app["status"]), Kind(app["kind"])
    form = Form.model_validate(queries.form_data(session, application_id, app["form_number"]) or {})
    files = _files(list(queries.file_rows(session, application_id)), app["form_number"])
    # Problems are computed on the real data, then only their sentences leave (no values).
    # Unconfirmed warnings stay among them (`warning`, never blocking) until the operator
    # confirms each; a draft adds what its scans still lack.
    problems = form_problems(form, today=today)
    if status is Status.DRAFT:
        problems += file_problems(files)
    open_change = status is Status.APPROVED and queries.has_open_change(
        session, application_id, app["account_id"]
    )
    account = (
        AccountRef(id=app["account_id"], login_name=app["login_name"])
        if app["account_id"] is not None and app["login_name"] is not None
        else None
    )
    review = (
        Review(
            reason=app["review_reason"] or "", reviewer=app["reviewer"] or "", at=app["reviewed_at"]
        )
        if app["review_reason"] or app["reviewed_at"]
        else None
    )
    return Application(
        id=app["id"],
        kind=kind,
        status=status,
        revision=app["revision"],
        form=masked_form(form),
        problems=problems,
        files=files,
        account=account,
        review=review,
        actions=actions_for(status, kind, has_open_change=open_change),
        created_at=app["created_at"],
        updated_at=app["updated_at"],
        submitted_at=app["submitted_at"],
        parent_id=app["parent_id"],
    )
