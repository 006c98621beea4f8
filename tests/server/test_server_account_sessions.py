"""Institution sessions: sign-in gives an 8-hour session token (stored hashed), `/me` answers
for it, the institution changes its own password (rules, other sessions end), and approving a
change with a new data administrator ends every session and the old password."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from server.storage.tables import account_sessions
from tests.server.account_helpers import (
    ApprovedAccount,
    account_events,
    approved_account,
    bearer,
    newest_secret,
    sign_in,
)
from tests.server.review_helpers import (
    REVIEWER,
    database_of,
    headers_for,
    if_match,
    save_form,
    unmasked_form,
)

PHONE = "13800138000"
NEW_PASSWORD = "Spring2026 flu data"


@pytest.fixture
async def account(
    api_client: httpx.AsyncClient, api_app: Any, make_operator: Any, make_application: Any, clock
) -> ApprovedAccount:
    return await approved_account(api_client, api_app, make_operator, make_application, PHONE)


async def _session(client: httpx.AsyncClient, account: ApprovedAccount, password: str) -> str:
    response = await sign_in(client, account.login_name, password)
    assert response.status_code == 200, response.text
    return str(response.json()["session_token"])


async def _me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get("/v1/accounts/me", headers=bearer(token))


async def test_sign_in_opens_an_eight_hour_session_stored_hashed(
    api_client: httpx.AsyncClient, api_app: Any, account: ApprovedAccount, clock
) -> None:
    response = await sign_in(api_client, PHONE, account.password)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"account_id", "must_change_password", "session_token", "expires_at"}
    assert response.headers["cache-control"] == "no-store"
    assert datetime.fromisoformat(body["expires_at"]) == clock.now + timedelta(hours=8)
    token = body["session_token"]
    stored = database_of(api_app).run_sync(
        lambda s: s.execute(select(account_sessions.c.token_hash)).scalars().all()
    )
    assert stored == [hashlib.sha256(token.encode()).hexdigest()]

    me = await _me(api_client, token)
    assert me.status_code == 200
    assert me.json() == {
        "account_id": account.account_id,
        "login_name": account.login_name,
        "must_change_password": True,
    }
    assert [e.action for e in account_events(api_app, account.account_id)] == ["account_signed_in"]
    clock.advance(hours=8)
    expired = await _me(api_client, token)
    assert expired.status_code == 401 and expired.json()["type"] == "urn:hqms:problem:unauthorized"


async def test_me_needs_a_live_institution_session(
    api_client: httpx.AsyncClient, auth_headers, account: ApprovedAccount
) -> None:
    for headers in ({}, bearer("made-up-session"), auth_headers):  # an operator is no account
        response = await api_client.get("/v1/accounts/me", headers=headers)
        assert response.status_code == 401, response.text
        assert response.headers["content-type"] == "application/problem+json"


async def test_the_new_password_must_be_good_and_the_current_one_right(
    api_client: httpx.AsyncClient, account: ApprovedAccount
) -> None:
    token = await _session(api_client, account, account.password)
    attempts = [
        (account.password + "x", NEW_PASSWORD, "current_password"),
        (account.password, "short1", "new_password"),
        (account.password, "onlyletterslong", "new_password"),
        (account.password, "1234567890123", "new_password"),
    ]
    for current, new, field in attempts:
        response = await api_client.post(
            "/v1/accounts/me/password",
            json={"current_password": current, "new_password": new},
            headers=bearer(token),
        )
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == field
    assert (await _me(api_client, token)).json()["must_change_password"] is True


async def test_changing_the_password_ends_the_other_sessions(
    api_client: httpx.AsyncClient, api_app: Any, account: ApprovedAccount
) -> None:
    this_one = await _session(api_client, account, account.password)
    other = await _session(api_client, account, account.password)
    response = await api_client.post(
        "/v1/accounts/me/password",
        json={"current_password": account.password, "new_password": NEW_PASSWORD},
        headers=bearer(this_one),
    )
    assert response.status_code == 204, response.text
    assert (await _me(api_client, this_one)).json()["must_change_password"] is False
    assert (await _me(api_client, other)).status_code == 401
    assert (await sign_in(api_client, account.login_name, account.password)).status_code == 401
    again = await sign_in(api_client, account.login_name, NEW_PASSWORD)
    assert again.status_code == 200 and again.json()["must_change_password"] is False
    [changed] = [
        e for e in account_events(api_app, account.account_id) if e.action == "password_changed"
    ]
    assert changed.application_id == account.application_id
    assert changed.actor == account.login_name and "1 个" in changed.detail
    assert NEW_PASSWORD not in changed.detail


async def test_a_new_administrator_ends_every_session_and_the_old_password(
    api_client: httpx.AsyncClient,
    api_app: Any,
    auth_headers,
    make_operator,
    account: ApprovedAccount,
) -> None:
    database = database_of(api_app)
    sessions = [await _session(api_client, account, account.password) for _ in range(2)]
    change = await api_client.post(
        f"/v1/applications/{account.application_id}/amend",
        json={"reason": "数据管理员换人"},
        headers=if_match(2, auth_headers),
    )
    assert change.status_code == 201, change.text
    change_id = change.json()["id"]
    form = unmasked_form(database, change_id)
    form.admin.mobile, form.admin.email = "13600136000", "lisi@example.com"
    save_form(database, change_id, form, status="pending", admin_phone="13600136000")
    reviewer = headers_for(api_app, make_operator, username=REVIEWER + "2", role="reviewer")
    approved = await api_client.post(
        f"/v1/applications/{change_id}/approve", json={}, headers=if_match(2, reviewer)
    )
    assert approved.status_code == 200, approved.text

    for token in sessions:
        assert (await _me(api_client, token)).status_code == 401
    assert (await sign_in(api_client, account.login_name, account.password)).status_code == 401
    new_password = newest_secret(api_app, recipient="lisi@example.com", purpose="admin_changed")
    fresh = await sign_in(api_client, "13600136000", new_password)
    assert fresh.status_code == 200 and fresh.json()["must_change_password"] is True
    [ended] = [
        e for e in account_events(api_app, account.account_id) if e.action == "sessions_ended"
    ]
    assert ended.application_id == change_id and "2 个" in ended.detail
