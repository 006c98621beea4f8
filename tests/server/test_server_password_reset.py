"""`GET|POST /v1/accounts/{id}/password-reset`: a reset only after the caller read back a
`reset_password` code sent to the account's registered phone; the new password reaches the
administrator by email (SMS says so) and nobody else; the old password and sessions stop
working; one reset per 10 minutes and three per Beijing day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from server.outbox import deliver_due
from server.storage.tables import outbox
from tests.notification_servers import SmsGateway, SmtpServer
from tests.server.account_helpers import (
    ApprovedAccount,
    account_events,
    approved_account,
    bearer,
    confirmed_token,
    newest_secret,
    sign_in,
)
from tests.server.call_helpers import problem as _problem
from tests.server.registration_helpers import count
from tests.server.review_helpers import account_row, applicant_headers, database_of, outbox_rows

PHONE = "13800138000"
OTHER_PHONE = "13700137000"
EMAIL = "zhangxiaomei@example.com"


def _path(account_id: str) -> str:
    return f"/v1/accounts/{account_id}/password-reset"


async def _reset(
    client: httpx.AsyncClient, account_id: str, token: str, headers: dict[str, str]
) -> httpx.Response:
    return await client.post(_path(account_id), json={"verification_token": token}, headers=headers)


def _reset_messages(api_app: Any) -> int:
    return count(api_app, outbox, outbox.c.purpose == "password_reset")


@pytest.fixture
async def account(
    api_client: httpx.AsyncClient, api_app: Any, make_operator: Any, make_application: Any, clock
) -> ApprovedAccount:
    return await approved_account(api_client, api_app, make_operator, make_application, PHONE)


async def test_a_reset_without_a_verification_changes_nothing(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, account: ApprovedAccount
) -> None:
    before = account_row(database_of(api_app), account.account_id)
    for body in ({}, {"verification_token": " "}, {"verification_token": "made-up-token"}):
        response = await api_client.post(_path(account.account_id), json=body, headers=auth_headers)
        _problem(response, 422, "verification_failed")
    assert account_row(database_of(api_app), account.account_id) == before
    assert _reset_messages(api_app) == 0
    assert (await sign_in(api_client, account.login_name, account.password)).status_code == 200


async def test_a_code_for_another_phone_is_refused_and_stays_usable(
    api_client: httpx.AsyncClient,
    api_app: Any,
    auth_headers,
    make_application,
    account: ApprovedAccount,
) -> None:
    other = make_application(status="approved", phone=OTHER_PHONE)  # another institution
    token = await confirmed_token(
        api_client, api_app, auth_headers, purpose="reset_password", phone=OTHER_PHONE
    )
    refused = await _reset(api_client, account.account_id, token, auth_headers)
    body = _problem(refused, 422, "verification_phone_mismatch")
    assert "登记的手机号" in body["detail"] and "138****8000" in body["detail"]
    assert OTHER_PHONE not in refused.text and PHONE not in refused.text
    assert _reset_messages(api_app) == 0
    assert (await sign_in(api_client, account.login_name, account.password)).status_code == 200
    # The refusal did not spend the token: it still resets the account of its own phone.
    detail = await api_client.get(f"/v1/applications/{other}", headers=auth_headers)
    other_account = detail.json()["account"]["id"]
    accepted = await _reset(api_client, other_account, token, auth_headers)
    assert accepted.status_code == 202, accepted.text
    assert accepted.json()["phone"] == "137****7000"


async def test_a_code_for_another_purpose_is_refused(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, account: ApprovedAccount, clock
) -> None:
    for purpose in ("verify_caller", "change_admin"):
        token = await confirmed_token(
            api_client, api_app, auth_headers, purpose=purpose, phone=PHONE
        )
        body = _problem(
            await _reset(api_client, account.account_id, token, auth_headers),
            422,
            "verification_failed",
        )
        assert "重置密码" in body["detail"]
    assert _reset_messages(api_app) == 0


async def test_only_operators_see_and_reset_and_unknown_accounts_are_404(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, account: ApprovedAccount
) -> None:
    applicant = applicant_headers(api_app, account.application_id, PHONE)
    for method in ("GET", "POST"):
        body = {"verification_token": "x"} if method == "POST" else None
        path = _path(account.account_id)
        anonymous = await api_client.request(method, path, json=body)
        assert anonymous.status_code == 401, anonymous.text
        as_applicant = await api_client.request(method, path, json=body, headers=applicant)
        assert as_applicant.status_code == 403, as_applicant.text
        unknown = await api_client.request(
            method, _path("ACNOSUCHONE"), json=body, headers=auth_headers
        )
        _problem(unknown, 404, "not_found")
    assert _reset_messages(api_app) == 0


async def test_one_reset_per_ten_minutes_and_three_a_day(
    api_client: httpx.AsyncClient,
    api_app: Any,
    auth_headers,
    make_operator,
    make_application,
    clock,
) -> None:
    # Just after Beijing midnight (16:00 UTC), so every reset below falls on one Beijing day:
    # the latest such moment, so the clock never jumps past the operator token's lifetime.
    midnight = clock.now.replace(hour=16, minute=0, second=5)
    clock.now = midnight if midnight <= clock.now else midnight - timedelta(days=1)
    account = await approved_account(api_client, api_app, make_operator, make_application, PHONE)
    status = await api_client.get(_path(account.account_id), headers=auth_headers)
    assert status.status_code == 200, status.text
    assert status.json() == {
        "email": "z***@example.com",
        "phone": "138****8000",
        "resend_after": clock.now.isoformat().replace("+00:00", "Z"),
        "remaining_today": 3,
    }

    async def reset_with_a_new_code() -> httpx.Response:
        token = await confirmed_token(
            api_client,
            api_app,
            auth_headers,
            purpose="reset_password",
            phone=PHONE,
            application_id=account.application_id,
        )
        return await _reset(api_client, account.account_id, token, auth_headers)

    first = await reset_with_a_new_code()
    assert first.status_code == 202, first.text
    assert first.json()["remaining_today"] == 2
    assert datetime.fromisoformat(first.json()["resend_after"]) == clock.now + timedelta(minutes=10)

    clock.advance(seconds=61)  # a new code may be sent after 60 s; a new reset may not yet
    too_soon = await reset_with_a_new_code()
    body = _problem(too_soon, 429, "rate_limited")
    assert too_soon.headers["retry-after"] == "539"
    assert "10 分钟" in body["detail"] and "北京时间 00:10" in body["detail"]
    assert _reset_messages(api_app) == 2  # the first reset's email and SMS only

    clock.advance(minutes=9)
    assert (await reset_with_a_new_code()).status_code == 202
    clock.advance(minutes=10, seconds=1)
    third = await reset_with_a_new_code()
    assert third.status_code == 202 and third.json()["remaining_today"] == 0
    clock.advance(minutes=11)
    over = await reset_with_a_new_code()
    body = _problem(over, 429, "rate_limited")
    assert "3 次" in body["detail"] and "上限" in body["detail"]
    assert int(over.headers["retry-after"]) > 23 * 3600
    status = (await api_client.get(_path(account.account_id), headers=auth_headers)).json()
    assert status["remaining_today"] == 0
    next_midnight = clock.now.replace(hour=16, minute=0, second=0) + timedelta(days=1)
    assert datetime.fromisoformat(status["resend_after"]) == next_midnight
    assert [e.action for e in account_events(api_app, account.account_id)].count(
        "password_reset"
    ) == 3


@pytest.fixture
def servers() -> Iterator[tuple[SmtpServer, SmsGateway]]:
    with SmtpServer() as smtp, SmsGateway() as gateway:
        yield smtp, gateway


async def test_a_reset_mails_a_new_password_and_ends_the_old_one_and_its_sessions(
    api_client: httpx.AsyncClient,
    api_app: Any,
    settings,
    auth_headers,
    account: ApprovedAccount,
    servers: tuple[SmtpServer, SmsGateway],
    clock,
) -> None:
    smtp, gateway = servers
    signed_in = await sign_in(api_client, account.login_name, account.password)
    old_session = bearer(signed_in.json()["session_token"])
    assert (await api_client.get("/v1/accounts/me", headers=old_session)).status_code == 200

    sent = await api_client.post(
        "/v1/verifications",
        json={"purpose": "reset_password", "application_id": account.application_id},
        headers=auth_headers,
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["phone"] == "138****8000"  # the registered phone, masked
    code = newest_secret(api_app, recipient=PHONE, purpose="verification_code")
    confirmed = await api_client.post(
        f"/v1/verifications/{sent.json()['id']}/confirm", json={"code": code}
    )
    token = confirmed.json()["verification_token"]

    response = await _reset(api_client, account.account_id, token, auth_headers)
    assert response.status_code == 202, response.text
    assert response.json() == {
        "email": "z***@example.com",
        "phone": "138****8000",
        "resend_after": (clock.now + timedelta(minutes=10)).isoformat().replace("+00:00", "Z"),
        "remaining_today": 2,
    }
    row = account_row(database_of(api_app), account.account_id)
    assert row.must_change_password is True

    wired = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
    database = database_of(api_app)
    assert await deliver_due(wired, clock.now + timedelta(seconds=1), database=database) >= 2
    [email] = [
        m for m in smtp.messages if m["Subject"] == "【HQMS】流感医疗服务监测系统账号密码已重置"
    ]
    assert email["To"] == EMAIL
    part = email.get_body(preferencelist=("plain",))
    assert part is not None
    text = part.get_content()
    found = re.search(r"临时密码：(\S+)", text)
    assert found and f"登录名：{account.login_name}" in text
    new_password = found.group(1)
    assert new_password != account.password
    [sms] = [m for m in gateway.received if "密码已重置" in m["text"]]
    assert sms["phone"] == PHONE and "z***@example.com" in sms["text"]
    assert new_password not in sms["text"]

    # The hotline never saw it: not in the answer, the audit trail or the delivered outbox.
    assert new_password not in response.text
    [event] = [
        e for e in account_events(api_app, account.account_id) if e.action == "password_reset"
    ]
    assert event.application_id == account.application_id and event.actor == "zhangli"
    assert "z***@example.com" in event.detail and "1 个已登录的会话已结束" in event.detail
    assert new_password not in event.detail and PHONE not in event.detail
    for message in outbox_rows(database):
        if message.purpose == "password_reset":
            assert message.status == "sent" and message.secrets is None
            assert new_password not in message.body

    assert (await sign_in(api_client, account.login_name, account.password)).status_code == 401
    fresh = await sign_in(api_client, account.login_name, new_password)
    assert fresh.status_code == 200 and fresh.json()["must_change_password"] is True
    assert (await api_client.get("/v1/accounts/me", headers=old_session)).status_code == 401
    timeline = await api_client.get(
        f"/v1/applications/{account.application_id}/events", headers=auth_headers
    )
    assert "password_reset" in [item["action"] for item in timeline.json()["items"]]
