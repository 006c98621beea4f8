"""The registration endpoints through `CentralAPI`, against the real in-process API.

The SMS code and the initial password are read where a test may read them: the outbox row's
`secrets` column (the in-process API runs no delivery worker, so they are still there).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

import client._api
from client import (
    CentralAPI,
    FileTooLargeError,
    FileTypeError,
    PreconditionFailedError,
    PreconditionRequiredError,
    SubmitBlockedError,
    UnauthorizedError,
    VerificationFailedError,
    VerificationRateLimitedError,
)
from docs.tools.demo_change import newest_secret, sms_code
from domain import Address, Admin, FileKind, Form, Person, Status, make_institution_code

PHONE = "13800138555"
LEGAL_REP_PHONE = "13900139555"
ADMIN_EMAIL = "wangfang@example.com"
PDF = b"%PDF-1.4\n% stamped scan\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def complete_form(admin_mobile: str) -> Form:
    return Form(
        name="广州市越秀区示范医院",
        opened_on="2003-07",
        code=make_institution_code("45038861", "440104", "11", "A100", "1"),
        address=Address(province="440000", city="440100", district="440104", street="中山路 9 号"),
        subjects=["内科", "外科"],
        legal_rep=Person(name="李明", mobile=LEGAL_REP_PHONE),
        admin=Admin(name="王芳", mobile=admin_mobile, email=ADMIN_EMAIL),
    )


async def registered(api: CentralAPI, database_url: str, phone: str = PHONE) -> str:
    started = await api.start_verification(phone, "register")
    token = await api.confirm_verification(started.id, sms_code(database_url, phone))
    application = await api.create_application(token)
    return application.id


async def test_verification_says_when_to_resend_and_never_carries_the_code(
    signed_in: CentralAPI, database_url: str
) -> None:
    started = await signed_in.start_verification(PHONE, "register")
    assert started.expires_at > started.resend_after
    assert 55 <= started.seconds_until_resend() <= 60
    assert sms_code(database_url, PHONE) not in started.model_dump_json()
    with pytest.raises(VerificationRateLimitedError) as too_soon:
        await signed_in.start_verification(PHONE, "register")
    assert too_soon.value.retry_after and too_soon.value.retry_after > 0
    assert "验证码" in too_soon.value.detail


async def test_wrong_code_says_how_many_tries_are_left(
    signed_in: CentralAPI, database_url: str
) -> None:
    started = await signed_in.start_verification(PHONE, "register")
    wrong = "000000" if sms_code(database_url, PHONE) != "000000" else "111111"
    with pytest.raises(VerificationFailedError) as refused:
        await signed_in.confirm_verification(started.id, wrong)
    assert refused.value.tries_left == 4
    assert refused.value.detail


async def test_draft_form_saves_with_the_revision_and_refuses_a_stale_one(
    signed_in: CentralAPI, database_url: str
) -> None:
    application_id = await registered(signed_in, database_url)
    draft = await signed_in.get_application(application_id)
    assert draft.status is Status.DRAFT
    assert draft.form.admin.mobile.startswith(PHONE[:3]) and "*" in draft.form.admin.mobile

    partial = draft.form.model_copy(update={"name": "只填了名称的草稿"})
    saved = await signed_in.save_form(application_id, partial, revision=draft.revision)
    assert saved.revision > draft.revision
    assert saved.form.name == "只填了名称的草稿"
    assert saved.problems, "an incomplete draft still lists what is missing"
    assert signed_in.etag_for(application_id) == f'"{saved.revision}"'

    with pytest.raises(PreconditionFailedError) as stale:
        await signed_in.save_form(application_id, partial, revision=draft.revision)
    assert stale.value.status == 412
    assert stale.value.detail

    fresh = CentralAPI(signed_in.base_url, token=signed_in.token, transport=signed_in._transport)
    async with fresh:
        with pytest.raises(PreconditionRequiredError):
            await fresh.save_form(application_id, partial)


async def test_documents_uploads_submit_approve_and_the_institution_signs_in(
    signed_in: CentralAPI, database_url: str, make_operator: Any
) -> None:
    application_id = await registered(signed_in, database_url)
    draft = await signed_in.get_application(application_id)
    form = complete_form(draft.form.admin.mobile)
    saved = await signed_in.save_form(application_id, form)
    assert [p for p in saved.problems if not p.field.startswith("files")] == []

    info_form = await signed_in.download_document(application_id, FileKind.INFO_FORM)
    consent = await signed_in.download_document(application_id, "consent")
    assert info_form.startswith(b"%PDF-") and consent.startswith(b"%PDF-")
    await signed_in.send_documents(application_id)

    with pytest.raises(SubmitBlockedError) as blocked:
        await signed_in.submit(application_id)
    assert {p.field for p in blocked.value.errors} >= {"files.license"}

    uploaded = [
        await signed_in.upload_file(application_id, FileKind.INFO_FORM, PDF, "info.pdf"),
        await signed_in.upload_file(application_id, FileKind.CONSENT, JPEG, "consent.jpg"),
        await signed_in.upload_file(application_id, FileKind.LICENSE, PDF, "license.pdf"),
    ]
    assert [info.kind for info in uploaded] == list(FileKind)
    assert uploaded[1].size == len(JPEG)

    await signed_in.get_application(application_id)
    pending = await signed_in.submit(application_id)
    assert pending.status is Status.PENDING

    notifications = await signed_in.notifications(application_id)
    assert notifications and all(PHONE not in n.recipient for n in notifications)
    assert {n.channel for n in notifications} <= {"email", "sms"}

    reviewer = make_operator(username="wangshen", password="reviewer pass 2026", role="reviewer")
    reviewer_token = make_operator.token_for(
        reviewer, now=datetime.now(UTC), ttl=timedelta(hours=1)
    )
    signed_in.token = reviewer_token
    approved = await signed_in.approve(application_id)
    assert approved.status is Status.APPROVED and approved.account is not None

    password = newest_secret(database_url, recipient=ADMIN_EMAIL, purpose="approval", name="secret")
    login = await signed_in.account_login(approved.account.login_name, password)
    assert login.account_id == approved.account.id
    by_phone = await signed_in.account_login(PHONE, password)
    assert by_phone.account_id == approved.account.id
    with pytest.raises(UnauthorizedError):
        await signed_in.account_login(PHONE, "not the password")


async def test_upload_refusals_name_the_rule(signed_in: CentralAPI, database_url: str) -> None:
    application_id = await registered(signed_in, database_url)
    with pytest.raises(FileTypeError) as disguised:
        await signed_in.upload_file(application_id, FileKind.LICENSE, b"GIF89a...", "scan.pdf")
    assert "JPG" in disguised.value.detail or "PDF" in disguised.value.detail
    oversize = PDF + b"0" * (5 * 1024 * 1024)
    with pytest.raises(FileTooLargeError) as too_large:
        await signed_in.upload_file(application_id, FileKind.LICENSE, oversize, "big.pdf")
    assert "5" in too_large.value.detail


async def test_a_retried_post_reuses_its_key_and_a_new_call_gets_a_new_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(client._api, "RETRY_DELAYS", (0.0, 0.0))
    seen: list[httpx.Request] = []
    answer = {
        "id": "HQ7K-M2XP",
        "kind": "new",
        "status": "pending",
        "revision": 4,
        "form": {},
        "created_at": "2026-11-20T02:00:00Z",
        "updated_at": "2026-11-20T02:00:00Z",
    }

    def first_refused(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) % 2 == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=answer, headers={"ETag": '"4"'})

    transport = httpx.MockTransport(first_refused)
    async with CentralAPI("http://hqms.test", token="t", transport=transport) as api:
        await api.submit("HQ7K-M2XP", revision=3)
        await api.submit("HQ7K-M2XP", revision=4)
    keys = [request.headers["Idempotency-Key"] for request in seen]
    assert len(keys) == 4
    assert keys[0] == keys[1] and keys[2] == keys[3] and keys[0] != keys[2]
    assert [request.headers["If-Match"] for request in seen] == ['"3"', '"3"', '"4"', '"4"']
