"""An administrator change is any change of the data administrator's information (数据管理员信息,
seed step 6): approving a 变更资料 that alters the administrator's name, mobile or email resets
the account — new initial password, every session ended — and sends the new password by email
to the (new) address and an SMS to the (new) mobile. The reviewer's preview says so first, and
the timeline names the fields that triggered it. A change that leaves the administrator alone
keeps the password and the sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from server import Settings
from server.outbox import deliver_due
from tests.notification_servers import SmsGateway, SmtpServer
from tests.server.account_helpers import (
    ApprovedAccount,
    approved_account,
    bearer,
    newest_secret,
    sign_in,
)
from tests.server.review_helpers import (
    REVIEWER,
    account_row,
    database_of,
    headers_for,
    if_match,
    outbox_rows,
    pending_change,
)

PHONE = "13800138000"
EMAIL = "zhangxiaomei@example.com"
NEW_PHONE = "13600136000"

EDITS: dict[str, tuple[dict[str, str], list[str]]] = {
    "name only": ({"name": "李四"}, ["admin.name"]),
    "email only": ({"email": "zhang.xm@example.com"}, ["admin.email"]),
    "mobile only": ({"mobile": NEW_PHONE}, ["admin.mobile"]),
    "none": ({}, []),
    # The same mailbox written with the domain in capitals is no change of address.
    "email domain case": ({"email": "zhangxiaomei@EXAMPLE.com"}, []),
}


@pytest.fixture
async def account(
    api_client: httpx.AsyncClient, api_app: Any, make_operator: Any, make_application: Any
) -> ApprovedAccount:
    return await approved_account(api_client, api_app, make_operator, make_application, PHONE)


async def _approve(
    client: httpx.AsyncClient, api_app: Any, make_operator: Any, change_id: str
) -> httpx.Response:
    reviewer = headers_for(api_app, make_operator, username=REVIEWER + "2", role="reviewer")
    response = await client.post(
        f"/v1/applications/{change_id}/approve", json={}, headers=if_match(2, reviewer)
    )
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize("case", list(EDITS))
async def test_any_change_of_the_administrator_resets_the_account(
    api_client: httpx.AsyncClient,
    api_app: Any,
    auth_headers: dict[str, str],
    make_operator: Any,
    account: ApprovedAccount,
    case: str,
) -> None:
    admin, fields = EDITS[case]
    database = database_of(api_app)
    signed_in = await sign_in(api_client, account.login_name, account.password)
    session_token = signed_in.json()["session_token"]
    before = account_row(database, account.account_id)
    change_id = await pending_change(
        api_client, api_app, auth_headers, account.application_id, revision=2, **admin
    )

    preview = (
        await api_client.get(f"/v1/applications/{change_id}/change-preview", headers=auth_headers)
    ).json()
    assert (preview["admin_changed"], preview["admin_fields"]) == (bool(fields), fields)
    phone = admin.get("mobile", PHONE)
    email = admin.get("email", EMAIL)
    assert preview["notify_phone"] == (f"{phone[:3]}****{phone[-4:]}" if fields else "")

    await _approve(api_client, api_app, make_operator, change_id)
    after = account_row(database, account.account_id)
    me = await api_client.get("/v1/accounts/me", headers=bearer(session_token))
    old_password = await sign_in(api_client, account.login_name, account.password)
    events = (
        await api_client.get(f"/v1/applications/{change_id}/events", headers=auth_headers)
    ).json()["items"]
    [approved] = [e for e in events if e["action"].startswith("change_approved")]
    rows = outbox_rows(database, change_id)
    if not fields:
        assert after.password_hash == before.password_hash
        assert me.status_code == 200 and old_password.status_code == 200
        assert [(r.channel, r.purpose) for r in rows] == [("email", "change_approved")]
        assert approved["action"] == "change_approved"
        return
    assert after.password_hash != before.password_hash and after.must_change_password
    assert me.status_code == 401, "every session of the account ended"
    assert old_password.status_code == 401
    assert [(r.channel, r.recipient, r.purpose) for r in rows] == [
        ("email", email, "admin_changed"),
        ("sms", phone, "admin_changed"),
    ]
    new_password = newest_secret(api_app, recipient=email, purpose="admin_changed")
    assert (await sign_in(api_client, phone, new_password)).status_code == 200
    assert (approved["action"], approved["params"]) == (
        "change_approved_admin_changed",
        {"fields": fields},
    )
    assert "账号密码已重置" in approved["detail"]
    assert any(e["action"] == "sessions_ended" for e in events)


@pytest.fixture
def servers() -> Iterator[tuple[SmtpServer, SmsGateway]]:
    with SmtpServer() as smtp, SmsGateway() as gateway:
        yield smtp, gateway


async def test_a_new_name_alone_sends_the_reset_over_real_smtp_and_sms(
    api_client: httpx.AsyncClient,
    api_app: Any,
    auth_headers: dict[str, str],
    make_operator: Any,
    account: ApprovedAccount,
    settings: Settings,
    servers: tuple[SmtpServer, SmsGateway],
) -> None:
    smtp, gateway = servers
    database = database_of(api_app)
    change_id = await pending_change(
        api_client, api_app, auth_headers, account.application_id, revision=2, name="李四"
    )
    await _approve(api_client, api_app, make_operator, change_id)
    wired = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
    # The approval email of the account itself is still queued: deliver everything due.
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert await deliver_due(wired, now, database=database) >= 2

    [email] = [m for m in smtp.messages if "数据管理员信息已变更" in str(m["Subject"])]
    assert email["To"] == EMAIL
    part = email.get_body(preferencelist=("plain",))
    assert part is not None
    text = part.get_content()
    assert text.startswith("李四，您好：") and "原密码和已登录的会话均已失效" in text
    assert f"登录名：{account.login_name}" in text
    password = text.split("初始密码：", 1)[1].split("\n", 1)[0]
    [sms] = [s for s in gateway.received if "数据管理员信息已变更" in s["text"]]
    assert sms["phone"] == PHONE
    assert "z***@example.com" in sms["text"] and password not in sms["text"]

    assert (await sign_in(api_client, PHONE, password)).status_code == 200
    assert (await sign_in(api_client, PHONE, account.password)).status_code == 401
    for row in outbox_rows(database, change_id):
        assert row.status == "sent" and row.secrets is None and password not in row.body
