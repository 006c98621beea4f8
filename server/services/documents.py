"""The two generated documents of an application (seed step 4): rendered from the unmasked
current form, served as PDFs, or mailed to the data administrator through the outbox."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain import Action, Conflict, Form, Status, mask_email, next_status
from pdfgen import FormSnapshot, render_consent, render_info_form

from .._problems import rate_limited
from ..outbox import Attachment
from ..storage import queries
from ..storage.tables import accounts, applications, outbox
from ..storage.writes import add_event
from ..time_words import BEIJING
from . import notices
from .applications import not_found

INFO_FORM_FILENAME = "医疗机构信息收集表.pdf"
CONSENT_FILENAME = "系统使用须知及同意书.pdf"
# Each send mails two PDFs to an address the applicant typed: bounded so it cannot be used to
# flood a mailbox (or the mail server's reputation).
SEND_INTERVAL = timedelta(minutes=10)
SENDS_PER_DAY = 5


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


def render_both(snapshot: FormSnapshot, generated_on: date) -> list[Attachment]:
    """Both PDFs as attachments; raises `DocumentRefused` listing what is missing."""
    return [
        Attachment(
            INFO_FORM_FILENAME,
            "application/pdf",
            render_info_form(snapshot, generated_on=generated_on),
        ),
        Attachment(
            CONSENT_FILENAME, "application/pdf", render_consent(snapshot, generated_on=generated_on)
        ),
    ]


def _check_send_allowed(session: Session, application_id: str, now: datetime) -> None:
    """At most one documents email per application per 10 minutes and 5 per Beijing day,
    counted from the outbox (429 with Retry-After otherwise)."""
    sent = outbox.c.application_id == application_id, outbox.c.purpose == "documents"
    latest = session.execute(select(func.max(outbox.c.created_at)).where(*sent)).scalar()
    if latest is not None and now < latest + SEND_INTERVAL:
        wait = latest + SEND_INTERVAL - now
        minutes = math.ceil(wait.total_seconds() / 60)
        raise rate_limited(
            f"文件刚刚发送过，每 10 分钟只能发送一次；请在 {minutes} 分钟后再发送。", wait
        )
    midnight = now.astimezone(BEIJING).replace(hour=0, minute=0, second=0, microsecond=0)
    today = session.execute(
        select(func.count()).where(*sent, outbox.c.created_at >= midnight)
    ).scalar_one()
    if today >= SENDS_PER_DAY:
        wait = midnight + timedelta(days=1) - now
        minutes = math.ceil(wait.total_seconds() / 60)
        raise rate_limited(
            f"今天已发送文件 {SENDS_PER_DAY} 次，已达上限；请在 {minutes} 分钟后"
            "（北京时间零点后）再发送。",
            wait,
        )


def send_documents(
    session: Session,
    source: DocumentSource,
    attachments: list[Attachment],
    *,
    actor: str,
    now: datetime,
) -> str:
    """Enqueues the email with both PDFs and records `documents_sent`; returns the masked
    recipient. Refuses when the form changed since the documents were rendered."""
    application_id = source.snapshot.id
    # Locked (PostgreSQL) so that two sends at once cannot both pass the limits below.
    session.execute(
        select(applications.c.id).where(applications.c.id == application_id).with_for_update()
    )
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    next_status(Status(row.status), Action.SEND_DOCUMENTS)
    _check_send_allowed(session, application_id, now)
    if row.form_number != source.snapshot.revision:
        raise Conflict("资料刚刚被修改，文件需要按最新资料重新生成，请再发送一次。")
    if not source.recipient:
        raise Conflict("还没有填写数据管理员的电子邮箱，无法发送文件；请先在资料中填写。")
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
        action="documents_sent",
        detail=f"已将《医疗机构信息收集表》和《系统使用须知及同意书》发送至 {masked}",
    )
    session.commit()
    return masked
