"""找回密码 by email: `POST /v1/accounts/password-recovery {login}` answers every login alike and
mails a single-use link (256-bit token, kept only as its hash, 30 minutes) to the
administrator's address; `POST …/password-recovery/{token} {new_password}` sets the password
under the password policy, ends the account's sessions and tells the registered mobile by SMS.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from server.outbox import deliver_due
from server.services.reset_notices import RECOVERY_SUBJECT
from tests.notification_servers import SmsGateway, SmtpServer
from tests.server.account_helpers import (
    ApprovedAccount,
    account_events,
    approved_account,
    bearer,
    sign_in,
)
from tests.server.call_helpers import problem
from tests.server.recovery_helpers import (
    EMAIL,
    NEW_PASSWORD,
    ask,
    newest_link,
    recovery_mail,
    recovery_rows,
    token_of,
    use,
    z,
)
from tests.server.registration_helpers import application_row
from tests.server.review_helpers import database_of

PHONE = "13800138000"
OTHER_PHONE = "13700137000"


@pytest.fixture
async def account(
    api_client: httpx.AsyncClient, api_app: Any, make_operator: Any, make_application: Any, clock
) -> ApprovedAccount:
    return await approved_account(api_client, api_app, make_operator, make_application, PHONE)


@pytest.fixture
def servers() -> Iterator[tuple[SmtpServer, SmsGateway]]:
    with SmtpServer() as smtp, SmsGateway() as gateway:
        yield smtp, gateway


async def test_every_login_gets_the_same_answer_and_only_an_account_gets_mail(
    api_client: httpx.AsyncClient,
    api_app: Any,
    make_application: Any,
    account: ApprovedAccount,
    clock,
) -> None:
    other_id = make_application(status="approved", phone=OTHER_PHONE)  # no password set yet
    other = application_row(api_app, other_id)
    logins = {
        "by login name": account.login_name,
        "by mobile, as callers write it": "+86 137-0013-7000",
        "an unknown login name": "hqms_440104_9999",
        "an unknown mobile": "13600136000",
        "not a login at all": "找回密码",
    }
    answers = {}
    for case, login in logins.items():
        response = await ask(api_client, login)
        answers[case] = (response.status_code, response.headers["content-type"], response.content)
    assert len(set(answers.values())) == 1, answers
    assert response.status_code == 202
    assert response.json() == {
        "valid_minutes": 30,
        "resend_after": z(clock.now + timedelta(minutes=5)),
    }

    mail = recovery_mail(api_app)
    assert [(m.channel, m.recipient, m.account_id) for m in mail] == [
        ("email", EMAIL, account.account_id),
        ("email", EMAIL, other.account_id),
    ]
    for account_id, application_id in (
        (account.account_id, account.application_id),
        (other.account_id, other_id),
    ):
        [event] = [
            e for e in account_events(api_app, account_id) if e.action == "password_recovery_sent"
        ]
        assert event.application_id == application_id and event.actor == "system"
        assert "z***@example.com" in event.detail and "30 分钟" in event.detail
        assert EMAIL not in event.detail


async def test_the_link_goes_by_email_and_only_its_hash_is_kept(
    api_client: httpx.AsyncClient,
    api_app: Any,
    settings,
    account: ApprovedAccount,
    servers: tuple[SmtpServer, SmsGateway],
    clock,
) -> None:
    smtp, gateway = servers
    response = await ask(api_client, account.login_name)
    assert response.status_code == 202, response.text

    wired = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
    database = database_of(api_app)
    await deliver_due(wired, clock.now + timedelta(seconds=1), database=database)
    [email] = [m for m in smtp.messages if m["Subject"] == RECOVERY_SUBJECT]
    assert email["To"] == EMAIL
    part = email.get_body(preferencelist=("plain",))
    assert part is not None
    text = part.get_content()
    assert f"登录名 {account.login_name}" in text and "30 分钟内有效，只能使用一次" in text
    found = re.search(r"https://flu\.hqms\.org\.cn/login\.jsp\?recovery=(\S+)", text)
    assert found, "the link is built from HQMS_LOGIN_URL by default"
    token = found.group(1)
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) * 8 >= 128
    # Asking sends no SMS (only the approval's went); setting the password does.
    assert [sms["text"] for sms in gateway.received if "新密码" in sms["text"]] == []

    [row] = recovery_rows(api_app)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in repr(tuple(row))
    assert row.expires_at - row.created_at == timedelta(minutes=30)
    [sent] = recovery_mail(api_app)
    assert sent.status == "sent" and sent.secrets is None
    assert token not in sent.body and "{secret}" in sent.body
    assert token not in response.text
    assert (await use(api_client, token, NEW_PASSWORD)).status_code == 204


async def test_the_link_address_comes_from_hqms_recovery_url(
    api_client: httpx.AsyncClient, api_app: Any, settings, account: ApprovedAccount
) -> None:
    context = api_app.state.context
    context.settings = settings.model_copy(
        update={"recovery_url": "https://desk.example/recover/{token}?from=mail"}
    )
    assert (await ask(api_client, PHONE)).status_code == 202
    link = newest_link(api_app)
    found = re.fullmatch(r"https://desk\.example/recover/([\w-]+)\?from=mail", link)
    assert found, link
    assert (await use(api_client, found.group(1), NEW_PASSWORD)).status_code == 204


async def test_a_link_sets_the_password_once_ends_sessions_and_tells_the_mobile(
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
    await ask(api_client, PHONE)
    token = token_of(newest_link(api_app))

    response = await use(api_client, token, NEW_PASSWORD)
    assert response.status_code == 204, response.text
    assert response.headers["cache-control"] == "no-store"
    again = await use(api_client, token, "Another2026password")
    body = problem(again, 409, "verification_used")
    assert "已经用过" in body["detail"]

    assert (await api_client.get("/v1/accounts/me", headers=old_session)).status_code == 401
    assert (await sign_in(api_client, account.login_name, account.password)).status_code == 401
    fresh = await sign_in(api_client, PHONE, NEW_PASSWORD)
    assert fresh.status_code == 200 and fresh.json()["must_change_password"] is False

    wired = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
    await deliver_due(wired, clock.now + timedelta(seconds=1), database=database_of(api_app))
    [sms] = [sms for sms in gateway.received if "设置了新密码" in sms["text"]]
    assert sms["phone"] == PHONE
    assert f"登录名 {account.login_name}" in sms["text"] and "设置了新密码" in sms["text"]
    assert token not in sms["text"] and "recovery=" not in sms["text"]

    [event] = [
        e for e in account_events(api_app, account.account_id) if e.action == "password_recovered"
    ]
    assert event.application_id == account.application_id
    assert event.actor == account.login_name
    assert "138****8000" in event.detail and "1 个已登录的会话已结束" in event.detail
    timeline = await api_client.get(
        f"/v1/applications/{account.application_id}/events", headers=auth_headers
    )
    actions = [item["action"] for item in timeline.json()["items"]]
    assert actions.count("password_recovery_sent") == 1
    assert actions.count("password_recovered") == 1
    assert actions.count("notification_sent") >= 2  # the email and the SMS went out


async def test_a_link_expires_after_thirty_minutes(
    api_client: httpx.AsyncClient, api_app: Any, account: ApprovedAccount, clock
) -> None:
    await ask(api_client, account.login_name)
    first = token_of(newest_link(api_app))
    clock.advance(minutes=29, seconds=59)
    assert (await use(api_client, first, NEW_PASSWORD)).status_code == 204

    clock.advance(minutes=5)
    await ask(api_client, account.login_name)
    second = token_of(newest_link(api_app))
    clock.advance(minutes=30)
    body = problem(await use(api_client, second, "Another2026password"), 410, "verification_gone")
    assert "已过期" in body["detail"] and "30 分钟" in body["detail"]
    assert (await sign_in(api_client, account.login_name, NEW_PASSWORD)).status_code == 200


async def test_the_password_policy_applies_and_a_refusal_keeps_the_link(
    api_client: httpx.AsyncClient, api_app: Any, account: ApprovedAccount
) -> None:
    await ask(api_client, account.login_name)
    token = token_of(newest_link(api_app))
    for weak in ("short1", "onlyletterslong", "12345678901"):
        body = problem(await use(api_client, token, weak), 422, "field_invalid")
        assert body["code"] == "new_password_weak"
        assert [error["field"] for error in body["errors"]] == ["new_password"]
    same = problem(await use(api_client, token, account.password), 422, "field_invalid")
    assert same["code"] == "new_password_same"
    assert (await sign_in(api_client, account.login_name, account.password)).status_code == 200
    assert (await use(api_client, token, NEW_PASSWORD)).status_code == 204


async def test_only_the_newest_link_for_the_current_password_works(
    api_client: httpx.AsyncClient, api_app: Any, account: ApprovedAccount, clock
) -> None:
    await ask(api_client, account.login_name)
    older = token_of(newest_link(api_app))
    clock.advance(minutes=5)
    await ask(api_client, PHONE)
    newer = token_of(newest_link(api_app))
    body = problem(await use(api_client, older, NEW_PASSWORD), 410, "verification_gone")
    assert "新的找回密码链接" in body["detail"]

    # The institution remembered its password and changed it: the mailed link is outdated.
    signed_in = await sign_in(api_client, account.login_name, account.password)
    changed = await api_client.post(
        "/v1/accounts/me/password",
        json={"current_password": account.password, "new_password": "Remembered2026pw"},
        headers=bearer(signed_in.json()["session_token"]),
    )
    assert changed.status_code == 204, changed.text
    body = problem(await use(api_client, newer, NEW_PASSWORD), 410, "verification_gone")
    assert "密码在这个链接发出后已经改过" in body["detail"]
    assert (await sign_in(api_client, PHONE, "Remembered2026pw")).status_code == 200

    unknown = await use(api_client, "x" * 43, NEW_PASSWORD)
    assert "找回密码链接无效" in problem(unknown, 404, "not_found")["detail"]
