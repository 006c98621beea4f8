"""Operator sign-in and sign-out are audited (who, when, the outcome), never with a password;
attempts for unknown usernames name nobody and are not recorded."""

from __future__ import annotations

import httpx

from tests.conftest import TEST_PASSWORD, TEST_USERNAME
from tests.server.call_helpers import audit_rows, problem


async def login(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post("/v1/auth/token", json={"username": username, "password": password})


async def test_sign_in_failure_and_sign_out_are_in_the_audit_trail(
    api_client: httpx.AsyncClient, api_app, operator_credentials
) -> None:
    problem(await login(api_client, TEST_USERNAME, "wrong password"), 401, "invalid_credentials")
    problem(await login(api_client, "nobody", "wrong password"), 401, "invalid_credentials")
    signed_in = await login(api_client, TEST_USERNAME, TEST_PASSWORD)
    assert signed_in.status_code == 200, signed_in.text
    bearer = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    assert (await api_client.post("/v1/auth/logout", headers=bearer)).status_code == 204
    [failed] = audit_rows(api_app, "sign_in_failed")
    assert (failed.actor, failed.detail) == (TEST_USERNAME, "登录失败：密码不正确")
    [entered] = audit_rows(api_app, "signed_in")
    [left] = audit_rows(api_app, "signed_out")
    for event in (failed, entered, left):
        assert event.actor == TEST_USERNAME and event.application_id is None
        assert TEST_PASSWORD not in event.detail and "wrong password" not in event.detail
    assert entered.at <= left.at


async def test_the_failure_that_locks_says_until_when(
    api_client: httpx.AsyncClient, api_app, operator_credentials
) -> None:
    for _ in range(5):
        await login(api_client, TEST_USERNAME, "guess")
    last = audit_rows(api_app, "sign_in_failed_locked")[-1]
    assert last.detail.startswith("登录失败：密码不正确；失败次数过多，登录锁定至北京时间")
