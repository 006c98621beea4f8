"""The two generated documents of an application (seed step 4): rendered from the unmasked
current form, served as PDFs, or mailed to the data administrator through the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import (
    Action,
    Conflict,
    Delivery,
    Form,
    Status,
    define_code,
    mask_email,
    next_status,
)
from pdfgen import FormSnapshot

from ..outbox import Attachment
from ..storage import queries
from ..storage.tables import accounts, applications
from ..storage.writes import add_event
from . import notices
from .applications import not_found
from .document_cache import DocumentCache, DocumentKind
from .send_limits import SendLimit

_FORM_JUST_CHANGED = define_code("problem.documents_form_just_changed")
_NO_ADMIN_EMAIL = define_code("problem.documents_no_admin_email")
DOCUMENTS_SENT = define_code("event.documents_sent", "email")
INFO_FORM_FILENAME = "医疗机构信息收集表.pdf"
CONSENT_FILENAME = "系统使用须知及同意书.pdf"
# Each send mails two PDFs to an address the applicant typed (see `send_limits`).
DOCUMENTS_LIMIT = SendLimit(
    purpose="documents",
    interval=timedelta(minutes=10),
    per_day=5,
    too_soon=define_code("problem.documents_sent_too_soon", "interval", "wait"),
    daily_cap=define_code("problem.documents_daily_cap", "per_day", "wait"),
)


@dataclass(frozen=True, slots=True)
class DocumentSource:
    snapshot: FormSnapshot  # revision = the form's number: scans stay current across states
    status: Status
    recipient: str  # the email of the administrator of the current data
    account_id: str | None


def document_source(session: Session, application_id: str) -> DocumentSource:
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    app = row._mapping
    form = Form.model_validate(queries.form_data(session, application_id, app["form_number"]) or {})
    recipient = form.admin.email
    status = Status(app["status"])
    if status is Status.APPROVED and app["account_id"] is not None:
        recipient = session.execute(
            select(accounts.c.admin_email).where(accounts.c.id == app["account_id"])
        ).scalar_one()
    return DocumentSource(
        FormSnapshot(application_id, app["form_number"], form), status, recipient, app["account_id"]
    )


FILENAMES = {DocumentKind.INFO_FORM: INFO_FORM_FILENAME, DocumentKind.CONSENT: CONSENT_FILENAME}


def render_both(
    documents: DocumentCache, snapshot: FormSnapshot, generated_on: date
) -> list[Attachment]:
    """Both PDFs as attachments (rendered once per revision, see `document_cache`); raises
    `DocumentRefused` listing what is missing."""
    return [
        Attachment(filename, "application/pdf", documents.document(kind, snapshot, generated_on))
        for kind, filename in FILENAMES.items()
    ]


def send_documents(
    session: Session,
    source: DocumentSource,
    attachments: list[Attachment],
    *,
    actor: str,
    now: datetime,
) -> Delivery:
    """Enqueues the email with both PDFs and records `documents_sent`; answers where it went
    (masked) and when the next send is allowed. Refuses when the form changed since the
    documents were rendered, and beyond `DOCUMENTS_LIMIT` (429)."""
    application_id = source.snapshot.id
    # Locked (PostgreSQL) so that two sends at once cannot both pass the limits below.
    session.execute(
        select(applications.c.id).where(applications.c.id == application_id).with_for_update()
    )
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    next_status(Status(row.status), Action.SEND_DOCUMENTS)
    DOCUMENTS_LIMIT.check(session, application_id, now)
    if row.form_number != source.snapshot.revision:
        raise Conflict(_FORM_JUST_CHANGED())
    if not source.recipient:
        raise Conflict(_NO_ADMIN_EMAIL())
    notices.enqueue_documents(
        session,
        source.snapshot.form,
        recipient=source.recipient,
        application_id=application_id,
        account_id=source.account_id,
        attachments=attachments,
        now=now,
    )
    masked = mask_email(source.recipient)
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=actor,
        event=DOCUMENTS_SENT(email=masked),
    )
    delivery = DOCUMENTS_LIMIT.delivery(session, application_id, now, email=masked)
    session.commit()
    return delivery
