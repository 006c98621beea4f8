"""找回密码's limits and secrecy: requests limited per account (unknown logins alike, so a 429
tells nothing) and per client address, each with 429 + Retry-After; the hotline's resend of a
link, limited per account; no token or link in a log, the test output, the idempotency store
or the outbox after delivery."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from server.access_log import ACCESS_LOGGER, install_access_log_masking
from server.outbox import deliver_due
from server.storage.tables import idempotency_keys, outbox
from tests.notification_servers import SmsGateway, SmtpServer, wait_for
from tests.server.account_helpers import ApprovedAccount, account_events, approved_account
from tests.server.call_helpers import problem
from tests.server.recovery_helpers import (
    NEW_PASSWORD,
    RECOVERY,
    ask,
    client_at,
    newest_link,
    recovery_mail,
    token_of,
    use,
    z,
)
from tests.server.review_helpers import database_of

PHONE = "13800138000"


@pytest.fixture
async def account(
    api_client: httpx.AsyncClient, api_app: Any, make_operator: Any, make_application: Any, clock
) -> ApprovedAccount:
    return await approved_account(api_client, api_app, make_operator, make_application, PHONE)


def _refusal(response: httpx.Response) -> tuple[int, str, str]:
    if response.status_code != 429:
        return response.status_code, "", ""
    body = problem(response, 429, "rate_limited")
    return 429, response.headers["retry-after"], body["code"]


async def test_an_account_and_an_unknown_login_are_limited_alike(
    api_app: Any, make_operator: Any, make_application: Any, clock
) -> None:
    # Just after Beijing midnight (16:00 UTC), so every request below falls on one Beijing day.
    midnight = clock.now.replace(hour=16, minute=0, second=5)
    clock.now = midnight if midnight <= clock.now else midnight - timedelta(days=1)
    known_at, unknown_at = client_at(api_app, "198.51.100.1"), client_at(api_app, "198.51.100.2")
    async with known_at as known, unknown_at as unknown:
        account = await approved_account(known, api_app, make_operator, make_application, PHONE)

        async def both(known_login: str = account.login_name) -> list[tuple[int, str, str]]:
            return [
                _refusal(await ask(known, known_login)),
                _refusal(await ask(unknown, "hqms_440104_9999")),
            ]

        assert await both() == [(202, "", "")] * 2
        clock.advance(minutes=1)
        too_soon = (429, "240", "password_recovery_too_soon")
        assert await both() == [too_soon] * 2
        assert await both(known_login=PHONE) == [too_soon] * 2  # the same account by mobile
        clock.advance(minutes=4)  # five minutes after the first
        assert await both() == [(202, "", "")] * 2
        for _ in range(3):
            clock.advance(minutes=5)
            assert await both() == [(202, "", "")] * 2
        clock.advance(minutes=5)
        answers = await both()
        assert answers[0] == answers[1] and answers[0][2] == "password_recovery_daily_cap"
        assert int(answers[0][1]) > 23 * 3600

    assert len(recovery_mail(api_app)) == 5


async def test_an_address_is_limited_to_ten_requests_an_hour(
    api_app: Any, account: ApprovedAccount, clock
) -> None:
    busy_at, calm_at = client_at(api_app, "203.0.113.9"), client_at(api_app, "203.0.113.10")
    async with busy_at as busy, calm_at as calm:
        for number in range(10):
            assert (await ask(busy, f"hqms_440104_{9000 + number}")).status_code == 202
        clock.advance(minutes=20)
        refused = await ask(busy, account.login_name)
        body = problem(refused, 429, "rate_limited")
        assert body["code"] == "password_recovery_address_cap"
        assert refused.headers["retry-after"] == str(40 * 60)
        assert "10 次" in body["detail"] and "40 分钟" in body["detail"]
        assert recovery_mail(api_app) == []  # the refused request mailed nothing

        assert (await ask(calm, account.login_name)).status_code == 202
        clock.advance(minutes=40)
        assert (await ask(busy, "hqms_440104_8000")).status_code == 202


async def test_the_hotline_resends_a_fresh_link_within_its_limit(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, account: ApprovedAccount, clock
) -> None:
    path = f"/v1/accounts/{account.account_id}/password-recovery"
    await ask(api_client, account.login_name)
    asked = token_of(newest_link(api_app))

    resent = await api_client.post(path, json={}, headers=auth_headers)
    assert resent.status_code == 202, resent.text
    assert resent.json() == {
        "email": "z***@example.com",
        "phone": "",
        "resend_after": z(clock.now + timedelta(minutes=10)),
        "remaining_today": 2,
    }
    [_, email] = recovery_mail(api_app)
    assert email.purpose == "password_recovery_resent" and "致电热线" in email.body
    problem(await use(api_client, asked, NEW_PASSWORD), 410, "verification_gone")
    fresh = token_of(newest_link(api_app))

    clock.advance(minutes=3)
    refused = await api_client.post(path, json={}, headers=auth_headers)
    body = problem(refused, 429, "rate_limited")
    assert refused.headers["retry-after"] == str(7 * 60)
    assert "10 分钟" in body["detail"] and "7 分钟" in body["detail"]
    assert (await use(api_client, fresh, NEW_PASSWORD)).status_code == 204

    assert (await api_client.post(path, json={})).status_code == 401
    unknown = await api_client.post(
        "/v1/accounts/ACNOSUCHONE/password-recovery", json={}, headers=auth_headers
    )
    problem(unknown, 404, "not_found")
    [event] = [
        e
        for e in account_events(api_app, account.account_id)
        if e.action == "password_recovery_resent"
    ]
    assert event.actor == "zhangli" and event.application_id == account.application_id
    assert "z***@example.com" in event.detail and "之前的链接作废" in event.detail


async def test_no_token_reaches_a_log_the_output_or_a_stored_row(
    served_url: str,
    api_app: Any,
    settings,
    account: ApprovedAccount,
    clock,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    install_access_log_masking()
    access = logging.getLogger(ACCESS_LOGGER)
    level = access.level
    access.addHandler(caplog.handler)  # uvicorn's access logger does not propagate
    access.setLevel(logging.INFO)
    caplog.set_level(logging.DEBUG)
    try:
        with SmtpServer() as smtp, SmsGateway() as gateway:
            async with httpx.AsyncClient(base_url=served_url) as client:
                assert (await ask(client, account.login_name)).status_code == 202
                # Over a socket the link is written just after the answer (as in production).
                assert wait_for(lambda: recovery_mail(api_app) != [])
                token = token_of(newest_link(api_app))
                wired = settings.model_copy(update={**smtp.settings(), **gateway.settings()})
                database = database_of(api_app)
                await deliver_due(wired, clock.now + timedelta(seconds=1), database=database)
                used = await client.post(
                    f"{RECOVERY}/{token}",
                    json={"new_password": NEW_PASSWORD},
                    headers={"Idempotency-Key": "recovery-once"},
                )
                assert used.status_code == 204
                await deliver_due(wired, clock.now + timedelta(seconds=2), database=database)
            bodies = [message.get_body().get_content() for message in smtp.messages]  # type: ignore[union-attr]
            assert any(token in body for body in bodies)  # it went to the mailbox, and only there
    finally:
        access.removeHandler(caplog.handler)
        access.setLevel(level)

    # The service's own logs: the requester's HTTP client (httpx, like a browser) logs its URL.
    lines = [
        record.getMessage()
        for record in caplog.records
        if not record.name.startswith(("httpx", "httpcore"))
    ]
    assert any(f"{RECOVERY}/*** HTTP" in line for line in lines), lines
    assert not [line for line in lines if token in line]
    captured = capfd.readouterr()
    assert token not in captured.out and token not in captured.err

    def stored(session: Any) -> list[Any]:
        rows = session.execute(select(outbox)).all()
        return [*rows, *session.execute(select(idempotency_keys)).all()]

    rows = database_of(api_app).run_sync(stored)
    assert rows and not [row for row in rows if token in repr(tuple(row))]
