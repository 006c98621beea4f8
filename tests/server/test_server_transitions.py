"""`amend`, `approve`, `reject`: the state machine, roles, If-Match, the account, the outbox
messages and the audit events, each written in one transaction with the change."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from server.passwords import verify_password
from server.storage.tables import accounts, outbox
from tests.server.review_helpers import (
    REVIEWER,
    account_row,
    add_scan,
    applicant_headers,
    count,
    database_of,
    event_actions,
    headers_for,
    if_match,
    outbox_rows,
    save_form,
    unmasked_form,
)

PHONE = "13800138000"


@pytest.fixture
def reviewer(api_app: Any, make_operator: Any) -> dict[str, str]:
    return headers_for(api_app, make_operator, username=REVIEWER, role="reviewer")


async def approve(
    client: httpx.AsyncClient, app_id: str, headers: dict[str, str], revision: int = 1
):
    return await client.post(
        f"/v1/applications/{app_id}/approve", json={}, headers=if_match(revision, headers)
    )


async def test_approving_a_new_application_opens_the_account_and_queues_its_mail(
    api_client: httpx.AsyncClient, api_app: Any, reviewer: dict[str, str], make_application
) -> None:
    database = database_of(api_app)
    app_id = make_application(status="pending", phone=PHONE)
    response = await approve(api_client, app_id, reviewer)
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    body = response.json()
    assert body["status"] == "approved"
    assert body["review"]["reviewer"] == REVIEWER
    assert body["account"]["login_name"] == "hqms_440104_0001"
    assert body["actions"] == ["amend", "reset_password", "send_documents", "resend_notice"]
    account = account_row(database, body["account"]["id"])
    assert account.admin_phone == PHONE
    assert account.must_change_password is True
    assert account.password_hash.startswith("$argon2")
    email, sms = outbox_rows(database, app_id)
    assert (email.channel, email.purpose, email.recipient) == (
        "email",
        "approval",
        "zhangxiaomei@example.com",
    )
    assert email.subject == "【HQMS】流感医疗服务监测系统账号已开通"
    password = email.secrets["secret"]
    assert len(password) == 12 and not set(password) & set("0O1lI")
    assert verify_password(account.password_hash, password)
    assert password not in email.body and "{secret}" in email.body
    for line in (
        "登录名：hqms_440104_0001",
        f"手机号：{PHONE}",
        "https://flu.hqms.org.cn/login.jsp",
    ):
        assert line in email.body
    assert "修改" in email.body
    assert (sms.channel, sms.recipient, sms.secrets) == ("sms", PHONE, None)
    assert password not in sms.body and "邮箱" in sms.body
    assert event_actions(database, app_id)[-2:] == ["account_created", "approved"]
    # The password is nowhere in the answer.
    assert password not in response.text


async def test_login_names_count_up_within_a_division(
    api_client: httpx.AsyncClient, reviewer: dict[str, str], make_application
) -> None:
    names = []
    for phone in ("13800138001", "13800138002"):
        app_id = make_application(status="pending", phone=phone)
        names.append((await approve(api_client, app_id, reviewer)).json()["account"]["login_name"])
    assert names == ["hqms_440104_0001", "hqms_440104_0002"]


@pytest.mark.parametrize("role", ["operator", "applicant"])
async def test_only_reviewers_decide_and_a_refusal_changes_nothing(
    api_client: httpx.AsyncClient, api_app: Any, make_operator, make_application, role: str
) -> None:
    database = database_of(api_app)
    app_id = make_application(status="pending", phone=PHONE)
    if role == "operator":
        headers = headers_for(api_app, make_operator, username="zhaoliu", role="operator")
    else:
        headers = applicant_headers(api_app, app_id, PHONE)
    before = event_actions(database, app_id)
    for path, body in (("approve", {}), ("reject", {"reason": "资料不全"})):
        response = await api_client.post(
            f"/v1/applications/{app_id}/{path}", json=body, headers=if_match(1, headers)
        )
        assert response.status_code == 403
        assert response.json()["type"] == "urn:hqms:problem:forbidden"
        assert "审核" in response.json()["detail"]
    detail = await api_client.get(f"/v1/applications/{app_id}", headers=headers)
    assert detail.json()["status"] == "pending" and detail.json()["revision"] == 1
    assert count(database, accounts) == 0
    assert count(database, outbox) == 0
    assert event_actions(database, app_id) == before


async def test_if_match_is_required_and_must_be_current(
    api_client: httpx.AsyncClient, api_app: Any, reviewer: dict[str, str], make_application
) -> None:
    app_id = make_application(status="pending")
    missing = await api_client.post(f"/v1/applications/{app_id}/approve", json={}, headers=reviewer)
    assert missing.status_code == 428
    assert missing.json()["type"] == "urn:hqms:problem:precondition_required"
    stale = await approve(api_client, app_id, reviewer, revision=7)
    assert stale.status_code == 412
    assert stale.json()["type"] == "urn:hqms:problem:precondition_failed"
    assert stale.headers["etag"] == '"1"'
    assert count(database_of(api_app), accounts) == 0


async def test_a_draft_cannot_be_approved(
    api_client: httpx.AsyncClient, reviewer: dict[str, str], make_application
) -> None:
    app_id = make_application(status="draft")
    response = await approve(api_client, app_id, reviewer)
    assert response.status_code == 409
    assert response.json()["type"] == "urn:hqms:problem:transition_not_allowed"
    assert "尚未提交" in response.json()["detail"]


async def test_reject_needs_a_reason_mails_it_and_says_so_by_sms(
    api_client: httpx.AsyncClient, api_app: Any, reviewer: dict[str, str], make_application
) -> None:
    database = database_of(api_app)
    app_id = make_application(status="pending", phone=PHONE)
    path = f"/v1/applications/{app_id}/reject"
    for body in ({}, {"reason": "   "}):
        response = await api_client.post(path, json=body, headers=if_match(1, reviewer))
        assert response.status_code == 422
    assert count(database, outbox) == 0
    reason = "执业许可证扫描件不清晰，请重新扫描"
    response = await api_client.post(path, json={"reason": reason}, headers=if_match(1, reviewer))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "rejected"
    assert body["review"]["reason"] == reason
    assert body["actions"] == ["amend", "send_documents", "resend_notice"]
    email, sms = outbox_rows(database, app_id)
    assert email.purpose == "rejection" and reason in email.body and email.secrets is None
    # The SMS says where the reason went, not the reason (an SMS is short and may be seen).
    assert (sms.channel, sms.recipient, sms.purpose) == ("sms", PHONE, "rejection")
    assert "审核未通过" in sms.body and "z***@example.com" in sms.body and reason not in sms.body
    assert event_actions(database, app_id)[-1] == "rejected_email_and_sms"


@pytest.mark.parametrize("status", ["pending", "rejected"])
async def test_amend_returns_to_draft_keeping_the_scans(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application, status: str
) -> None:
    database = database_of(api_app)
    app_id = make_application(status=status)
    for kind in ("info_form", "consent", "license"):
        add_scan(database, app_id, kind)
    response = await api_client.post(
        f"/v1/applications/{app_id}/amend",
        json={"reason": "来电要求更正地址"},
        headers=if_match(1, auth_headers),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "draft" and body["revision"] == 2
    assert len(body["files"]) == 3
    assert "submit" in body["actions"]
    assert event_actions(database, app_id)[-1] in ("amended", "amended_because")


async def test_the_applicant_may_amend_only_their_own_application(
    api_client: httpx.AsyncClient, api_app: Any, make_application
) -> None:
    own = make_application(status="pending", phone=PHONE)
    other = make_application(status="pending", phone="13700137000")
    headers = applicant_headers(api_app, own, PHONE)
    foreign = await api_client.post(
        f"/v1/applications/{other}/amend", json={}, headers=if_match(1, headers)
    )
    assert foreign.status_code == 404
    mine = await api_client.post(
        f"/v1/applications/{own}/amend", json={}, headers=if_match(1, headers)
    )
    assert mine.status_code == 200 and mine.json()["status"] == "draft"


async def test_amending_an_approved_application_opens_one_change(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    database = database_of(api_app)
    parent = make_application(status="approved", phone=PHONE)
    add_scan(database, parent, "license")
    path = f"/v1/applications/{parent}/amend"
    response = await api_client.post(path, json={}, headers=if_match(1, auth_headers))
    assert response.status_code == 201, response.text
    change = response.json()
    assert response.headers["location"] == f"/v1/applications/{change['id']}"
    assert (change["kind"], change["status"], change["parent_id"]) == ("change", "draft", parent)
    assert change["files"] == []
    assert unmasked_form(database, change["id"]) == unmasked_form(database, parent)
    second = await api_client.post(path, json={}, headers=if_match(2, auth_headers))
    assert second.status_code == 409
    assert "变更资料申请" in second.json()["detail"]
    parent_now = (await api_client.get(f"/v1/applications/{parent}", headers=auth_headers)).json()
    assert "amend" not in parent_now["actions"] and parent_now["status"] == "approved"
    assert event_actions(database, parent)[-1] == "change_opened"
    assert event_actions(database, change["id"]) == ["change_created"]


async def _approved_change(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application, **form_edits: Any
) -> tuple[str, str, Any]:
    """An approved new application, then a change of it edited and submitted (pending)."""
    database = database_of(api_app)
    parent = make_application(status="approved", phone=PHONE)
    change = (
        await api_client.post(
            f"/v1/applications/{parent}/amend", json={}, headers=if_match(1, auth_headers)
        )
    ).json()
    form = unmasked_form(database, change["id"])
    form.name = "广州市越秀区新名称医院"
    for field, value in form_edits.items():
        setattr(form.admin, field, value)
    save_form(database, change["id"], form, status="pending", admin_phone=form.admin.mobile)
    return parent, change["id"], change["account"]


async def test_approving_a_change_overwrites_the_account_and_keeps_the_password(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, reviewer, make_application
) -> None:
    database = database_of(api_app)
    _, change_id, account = await _approved_change(
        api_client, api_app, auth_headers, make_application
    )
    account_id = account["id"]
    before = account_row(database, account_id)
    response = await approve(api_client, change_id, reviewer, revision=2)
    assert response.status_code == 200, response.text
    after = account_row(database, account_id)
    assert after.name == "广州市越秀区新名称医院"
    assert after.password_hash == before.password_hash
    assert response.json()["account"]["id"] == account_id
    [email] = outbox_rows(database, change_id)
    assert email.purpose == "change_approved" and email.secrets is None


async def test_a_new_administrator_gets_a_new_password_by_email_and_sms(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, reviewer, make_application
) -> None:
    database = database_of(api_app)
    new_phone, new_email = "13600136000", "lisi@example.com"
    _, change_id, _ = await _approved_change(
        api_client, api_app, auth_headers, make_application, mobile=new_phone, email=new_email
    )
    response = await approve(api_client, change_id, reviewer, revision=2)
    assert response.status_code == 200, response.text
    account = account_row(database, response.json()["account"]["id"])
    assert (account.admin_phone, account.admin_email) == (new_phone, new_email)
    assert account.must_change_password is True
    email, sms = outbox_rows(database, change_id)
    assert (email.purpose, email.recipient) == ("admin_changed", new_email)
    assert verify_password(account.password_hash, email.secrets["secret"])
    assert (sms.recipient, sms.secrets) == (new_phone, None)


async def test_a_retried_approval_with_the_same_key_happens_once(
    api_client: httpx.AsyncClient, api_app: Any, reviewer: dict[str, str], make_application
) -> None:
    app_id = make_application(status="pending")
    headers = {**if_match(1, reviewer), "Idempotency-Key": "approve-once-1"}
    first = await api_client.post(f"/v1/applications/{app_id}/approve", json={}, headers=headers)
    again = await api_client.post(f"/v1/applications/{app_id}/approve", json={}, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert count(database_of(api_app), accounts) == 1
    assert len(outbox_rows(database_of(api_app), app_id)) == 2


async def test_a_rejected_application_superseded_by_a_new_one_cannot_be_amended(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    database = database_of(api_app)
    rejected = make_application(status="rejected", phone=PHONE)
    newer = make_application(status="draft", phone=PHONE, form=unmasked_form(database, rejected))
    response = await api_client.post(
        f"/v1/applications/{rejected}/amend", json={}, headers=if_match(1, auth_headers)
    )
    assert response.status_code == 409
    assert newer in response.json()["detail"]
    status = (await api_client.get(f"/v1/applications/{rejected}", headers=auth_headers)).json()
    assert status["status"] == "rejected" and status["revision"] == 1
