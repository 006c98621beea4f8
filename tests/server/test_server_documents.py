"""`GET …/documents/{info-form,consent}.pdf` and `POST …/documents/send`: rendered from the
unmasked form, refused in words when the form is incomplete, mailed with both PDFs attached."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from domain import Address, Admin, Form, Person
from pdfgen import fingerprint
from server.outbox import deliver_due
from server.storage.tables import outbox_attachments
from tests.notification_servers import SmtpServer
from tests.pdfgen.pdf_samples import need_program
from tests.server.review_helpers import (
    applicant_headers,
    count,
    database_of,
    event_actions,
    outbox_rows,
    unmasked_form,
)

PHONE = "13800138000"
DOCUMENTS = {
    "info-form.pdf": "医疗机构信息收集表.pdf",
    "consent.pdf": "系统使用须知及同意书.pdf",
}


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
async def test_each_document_is_a_pdf_with_its_chinese_filename(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application, name: str
) -> None:
    app_id = make_application(status="draft", phone=PHONE)
    response = await api_client.get(
        f"/v1/applications/{app_id}/documents/{name}", headers=auth_headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    encoded = disposition.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == DOCUMENTS[name]
    assert disposition.isascii()


async def test_the_document_prints_the_unmasked_current_form(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application, tmp_path: Path
) -> None:
    pdftotext = need_program("pdftotext")
    app_id = make_application(status="draft", phone=PHONE)
    response = await api_client.get(
        f"/v1/applications/{app_id}/documents/info-form.pdf", headers=auth_headers
    )
    source = tmp_path / "info-form.pdf"
    source.write_bytes(response.content)
    printed = subprocess.run(
        [pdftotext, str(source), "-"], check=True, capture_output=True, text=True
    ).stdout
    # The API masks these everywhere else; the document needs them in full.
    assert PHONE in printed
    assert "zhangxiaomei@example.com" in printed
    assert "张晓梅" in printed
    form = unmasked_form(database_of(api_app), app_id)
    assert str(fingerprint(app_id, 1, form)) in printed


async def test_an_incomplete_form_is_refused_listing_what_is_missing(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    incomplete = Form(
        name="海珠区某某诊所",
        opened_on="",
        code="",
        address=Address(province="440000", city="440100", district="440105", street=""),
        legal_rep=Person(name="", mobile=""),
        admin=Admin(name="王五", mobile=PHONE, email=""),
    )
    app_id = make_application(status="draft", phone=PHONE, form=incomplete)
    for name in DOCUMENTS:
        response = await api_client.get(
            f"/v1/applications/{app_id}/documents/{name}", headers=auth_headers
        )
        assert response.status_code == 422
        problem = response.json()
        assert problem["type"] == "urn:hqms:problem:document_refused"
        fields = {error["field"] for error in problem["errors"]}
        assert {"code", "opened_on", "admin.email"} <= fields
        assert problem["detail"].startswith("暂不能生成文件")
    send = await api_client.post(f"/v1/applications/{app_id}/documents/send", headers=auth_headers)
    assert send.status_code == 422


async def test_the_applicant_gets_their_own_documents_only(
    api_client: httpx.AsyncClient, api_app: Any, make_application
) -> None:
    own = make_application(status="draft", phone=PHONE)
    other = make_application(status="draft", phone="13700137000")
    headers = applicant_headers(api_app, own, PHONE)
    mine = await api_client.get(f"/v1/applications/{own}/documents/consent.pdf", headers=headers)
    assert mine.status_code == 200
    theirs = await api_client.get(
        f"/v1/applications/{other}/documents/consent.pdf", headers=headers
    )
    assert theirs.status_code == 404
    unsigned = await api_client.get(f"/v1/applications/{own}/documents/consent.pdf")
    assert unsigned.status_code == 401


async def test_send_mails_both_pdfs_to_the_data_administrator(
    api_client: httpx.AsyncClient, api_app: Any, settings, auth_headers, make_application, smtp
) -> None:
    database = database_of(api_app)
    app_id = make_application(status="draft", phone=PHONE)
    response = await api_client.post(
        f"/v1/applications/{app_id}/documents/send", headers=auth_headers
    )
    assert response.status_code == 202, response.text
    delivery = response.json()
    assert (delivery["email"], delivery["phone"], delivery["remaining_today"]) == (
        "z***@example.com",
        "",
        4,
    )
    sent_at = datetime.fromisoformat(delivery["resend_after"]) - timedelta(minutes=10)
    assert abs(sent_at - datetime.now(UTC)) < timedelta(minutes=1)
    [row] = outbox_rows(database, app_id)
    assert (row.purpose, row.recipient, row.status) == (
        "documents",
        "zhangxiaomei@example.com",
        "pending",
    )
    assert count(database, outbox_attachments) == 2
    assert event_actions(database, app_id)[-1] == "documents_sent"

    wired = settings.model_copy(update=smtp.settings())
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert await deliver_due(wired, now, database=database) == 1
    [email] = smtp.messages
    assert email["To"] == "zhangxiaomei@example.com"
    attached = {part.get_filename(): part.get_content() for part in email.iter_attachments()}
    assert set(attached) == set(DOCUMENTS.values())
    assert all(content.startswith(b"%PDF-") for content in attached.values())


async def test_send_for_an_approved_application_goes_to_the_accounts_administrator(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    # The account's administrator changed since (a later change application): the current one.
    database = database_of(api_app)
    app_id = make_application(status="approved", phone=PHONE)

    def new_admin(session: Any) -> None:
        from sqlalchemy import update

        from server.storage.tables import accounts

        session.execute(update(accounts).values(admin_email="lisi@example.com"))
        session.commit()

    database.run_sync(new_admin)
    response = await api_client.post(
        f"/v1/applications/{app_id}/documents/send", headers=auth_headers
    )
    assert response.status_code == 202
    assert outbox_rows(database, app_id)[-1].recipient == "lisi@example.com"


async def test_a_retried_send_with_the_same_key_mails_once(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    app_id = make_application(status="draft", phone=PHONE)
    headers = {**auth_headers, "Idempotency-Key": "send-documents-1"}
    path = f"/v1/applications/{app_id}/documents/send"
    first = await api_client.post(path, headers=headers)
    again = await api_client.post(path, headers=headers)
    assert first.status_code == again.status_code == 202
    assert len(outbox_rows(database_of(api_app), app_id)) == 1
