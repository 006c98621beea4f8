"""From approval to sign-in: the approval email arrives over real SMTP with login name, phone,
initial password and login address; the SMS over the real gateway has no password; the outbox
keeps none; the institution signs in with what the email says (login name or phone)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from server import Settings
from server.outbox import deliver_due
from tests.notification_servers import SmsGateway, SmtpServer
from tests.server.review_helpers import REVIEWER, database_of, headers_for, if_match, outbox_rows

PHONE = "13800138000"
LOGIN_URL = "https://flu.hqms.org.cn/login.jsp"


@pytest.fixture
def servers() -> Iterator[tuple[SmtpServer, SmsGateway]]:
    with SmtpServer() as smtp, SmsGateway() as gateway:
        yield smtp, gateway


async def _approve_and_deliver(
    api_client: httpx.AsyncClient,
    api_app: Any,
    settings: Settings,
    make_operator: Any,
    make_application: Any,
    servers: tuple[SmtpServer, SmsGateway],
) -> tuple[str, str, str]:
    """Approves a pending application and delivers its mail; returns (login, phone, password)
    as read from the delivered email."""
    smtp, gateway = servers
    reviewer = headers_for(api_app, make_operator, username=REVIEWER, role="reviewer")
    app_id = make_application(status="pending", phone=PHONE)
    response = await api_client.post(
        f"/v1/applications/{app_id}/approve", json={}, headers=if_match(1, reviewer)
    )
    assert response.status_code == 200, response.text
    wired = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
    database = database_of(api_app)
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert await deliver_due(wired, now, database=database) == 2

    [email] = smtp.messages
    assert email["Subject"] == "【HQMS】流感医疗服务监测系统账号已开通"
    assert email["To"] == "zhangxiaomei@example.com"
    part = email.get_body(preferencelist=("plain",))
    assert part is not None
    text = part.get_content()
    login = re.search(r"登录名：(\S+)", text)
    phone = re.search(r"手机号：(\d{11})", text)
    password = re.search(r"初始密码：(\S+)", text)
    assert login and phone and password
    assert f"登录地址：{LOGIN_URL}" in text
    assert "首次登录" in text and "修改" in text

    [sms] = gateway.received
    assert sms["phone"] == PHONE
    assert password.group(1) not in sms["text"]
    assert login.group(1) in sms["text"] and "邮箱" in sms["text"]

    # The outbox keeps no password anywhere once delivered.
    for row in outbox_rows(database):
        assert row.status == "sent" and row.secrets is None
        assert password.group(1) not in row.body + row.subject + row.last_error
    return login.group(1), phone.group(1), password.group(1)


async def test_the_emailed_initial_password_signs_in(
    api_client: httpx.AsyncClient, api_app, settings, make_operator, make_application, servers
) -> None:
    login, phone, password = await _approve_and_deliver(
        api_client, api_app, settings, make_operator, make_application, servers
    )
    assert phone == PHONE
    for who in (login, phone, "+86 138-0013-8000"):
        response = await api_client.post(
            "/v1/accounts/login", json={"login": who, "password": password}
        )
        assert response.status_code == 200, response.text
        assert response.json()["must_change_password"] is True
        assert response.json()["account_id"].startswith("AC")
        assert response.headers["cache-control"] == "no-store"


async def test_a_wrong_password_or_unknown_login_is_401(
    api_client: httpx.AsyncClient, api_app, settings, make_operator, make_application, servers
) -> None:
    login, _, password = await _approve_and_deliver(
        api_client, api_app, settings, make_operator, make_application, servers
    )
    for who, secret in ((login, password + "x"), ("hqms_000000_0001", password), (login, "")):
        response = await api_client.post(
            "/v1/accounts/login", json={"login": who, "password": secret}
        )
        assert response.status_code in (401, 422)
        if secret:
            assert response.status_code == 401
            assert response.json()["type"] == "urn:hqms:problem:invalid_credentials"
            assert response.headers["content-type"] == "application/problem+json"


async def test_login_with_a_phone_of_no_account_is_401(api_client: httpx.AsyncClient) -> None:
    response = await api_client.post(
        "/v1/accounts/login", json={"login": "13912345678", "password": "whatever-it-is"}
    )
    assert response.status_code == 401
