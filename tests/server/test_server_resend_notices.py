"""`POST …/notices/resend`: the approval notice again (never with a password) or the rejection
notice again, only in the state that has it, at most one per 10 minutes and 3 a day per
application and kind, audited and listed in the delivery history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import update

from server import Settings
from server.outbox import deliver_due
from server.storage.tables import accounts
from tests.notification_servers import SmsGateway, SmtpServer
from tests.server.call_helpers import audit_rows, problem
from tests.server.review_helpers import applicant_headers, database_of, outbox_rows

PHONE = "13800138000"
LOGIN_URL = "https://flu.hqms.org.cn/login.jsp"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture
def gateway() -> Iterator[SmsGateway]:
    with SmsGateway() as server:
        yield server


async def _resend(
    client: httpx.AsyncClient, app_id: str, kind: str, headers: dict[str, str]
) -> httpx.Response:
    return await client.post(
        f"/v1/applications/{app_id}/notices/resend", json={"kind": kind}, headers=headers
    )


async def test_the_approval_notice_goes_again_without_a_password(
    api_app,
    api_client: httpx.AsyncClient,
    settings: Settings,
    auth_headers,
    operator_credentials,
    make_application,
    clock,
    smtp: SmtpServer,
    gateway: SmsGateway,
) -> None:
    database = database_of(api_app)
    app_id = make_application(status="approved", phone=PHONE)
    # A later change replaced the administrator's email: the account's current one is used.
    database.run_sync(
        lambda s: (s.execute(update(accounts).values(admin_email="lisi@example.com")), s.commit())
    )
    response = await _resend(api_client, app_id, "approval", auth_headers)
    assert response.status_code == 202, response.text
    assert response.json() == {
        "email": "l***@example.com",
        "phone": "138****8000",
        "resend_after": (clock.now + timedelta(minutes=10)).isoformat().replace("+00:00", "Z"),
        "remaining_today": 2,
    }
    email, sms = outbox_rows(database, app_id)
    assert (email.channel, email.purpose, email.secrets) == ("email", "approval_resent", None)
    assert (sms.channel, sms.recipient, sms.purpose) == ("sms", PHONE, "approval_resent")

    wired = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
    assert await deliver_due(wired, clock.now + timedelta(seconds=1), database=database) == 2
    [mail] = smtp.messages
    assert mail["To"] == "lisi@example.com"
    text = mail.get_body().get_content()
    login_name = database.run_sync(
        lambda s: s.execute(accounts.select()).one().login_name  # the only account
    )
    for expected in (f"登录名：{login_name}", f"手机号：{PHONE}", f"登录地址：{LOGIN_URL}"):
        assert expected in text
    assert "初始密码已在开通邮件中发出；如已遗失，请致电热线" in text and "重置密码" in text
    assert "初始密码：" not in text
    [message] = gateway.received
    assert message["phone"] == PHONE and "l***@example.com" in message["text"]

    [event] = audit_rows(api_app, "approval_resent")
    assert (event.application_id, event.actor) == (app_id, operator_credentials.username)
    assert "不含密码" in event.detail and "lisi@" not in event.detail and PHONE not in event.detail
    history = await api_client.get(f"/v1/applications/{app_id}/notifications", headers=auth_headers)
    purposes = [(n["channel"], n["purpose"], n["status"]) for n in history.json()["items"]]
    assert purposes == [("email", "approval_resent", "sent"), ("sms", "approval_resent", "sent")]


async def test_the_rejection_notice_goes_again_with_its_reason(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    reason = "执业许可证扫描件不清晰，请重新扫描"
    app_id = make_application(status="rejected", phone=PHONE, review_reason=reason)
    response = await _resend(api_client, app_id, "rejection", auth_headers)
    assert response.status_code == 202, response.text
    body = response.json()
    assert (body["email"], body["phone"], body["remaining_today"]) == ("z***@example.com", "", 2)
    [email] = outbox_rows(database_of(api_app), app_id)
    assert (email.recipient, email.purpose) == ("zhangxiaomei@example.com", "rejection_resent")
    assert f"原因：{reason}" in email.body
    [event] = audit_rows(api_app, "rejection_resent")
    assert event.detail == "重发审核不通过通知：邮件至 z***@example.com"


@pytest.mark.parametrize(
    ("status", "kind", "words"),
    [
        ("rejected", "approval", "没有账号开通通知"),
        ("approved", "rejection", "没有审核不通过通知"),
        ("pending", "approval", "不能重发通知"),
        ("draft", "rejection", "不能重发通知"),
    ],
)
async def test_a_state_without_that_notice_refuses_and_sends_nothing(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application, status, kind, words
) -> None:
    app_id = make_application(status=status, phone=PHONE)
    refused = await _resend(api_client, app_id, kind, auth_headers)
    assert words in problem(refused, 409, "transition_not_allowed")["detail"]
    assert outbox_rows(database_of(api_app), app_id) == []
    assert audit_rows(api_app, "approval_resent") == audit_rows(api_app, "rejection_resent") == []


async def test_one_resend_per_ten_minutes_and_three_a_day(
    api_app,
    api_client: httpx.AsyncClient,
    make_operator,
    operator_credentials,
    make_application,
    clock,
) -> None:
    clock.now = datetime.fromisoformat("2026-11-02T16:00:00Z")  # Beijing midnight
    token = make_operator.token_for(operator_credentials, now=clock.now, ttl=timedelta(days=2))
    headers = {"Authorization": f"Bearer {token}"}
    app_id = make_application(status="approved", phone=PHONE)
    assert (await _resend(api_client, app_id, "approval", headers)).status_code == 202
    clock.now += timedelta(minutes=4)
    soon = await _resend(api_client, app_id, "approval", headers)
    assert soon.headers["retry-after"] == "360"
    assert "6 分钟" in problem(soon, 429, "rate_limited")["detail"]
    clock.now += timedelta(minutes=6)
    second = await _resend(api_client, app_id, "approval", headers)
    assert second.status_code == 202 and second.json()["remaining_today"] == 1
    clock.now += timedelta(minutes=10)
    third = await _resend(api_client, app_id, "approval", headers)
    # The day's last one: the next is allowed after Beijing midnight (16:00 UTC).
    assert third.json()["remaining_today"] == 0
    assert third.json()["resend_after"] == "2026-11-03T16:00:00Z"
    clock.now += timedelta(minutes=10)
    fourth = await _resend(api_client, app_id, "approval", headers)
    assert "上限" in problem(fourth, 429, "rate_limited")["detail"]
    assert int(fourth.headers["retry-after"]) == int(timedelta(hours=23, minutes=30).seconds)
    assert len(audit_rows(api_app, "approval_resent")) == 3
    clock.now = datetime.fromisoformat("2026-11-03T16:00:01Z")
    token = make_operator.token_for(operator_credentials, now=clock.now, ttl=timedelta(hours=1))
    headers = {"Authorization": f"Bearer {token}"}  # the first one expired overnight
    assert (await _resend(api_client, app_id, "approval", headers)).status_code == 202


async def test_only_operators_resend(
    api_app, api_client: httpx.AsyncClient, make_application
) -> None:
    app_id = make_application(status="approved", phone=PHONE)
    applicant = applicant_headers(api_app, app_id, PHONE)
    assert (await _resend(api_client, app_id, "approval", applicant)).status_code == 403
    assert outbox_rows(database_of(api_app), app_id) == []
