"""`POST /v1/auth/unlock`: the operator's password again at the kiosk's idle lock; audited, and
a wrong password counts toward the sign-in lockout."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from server import Settings
from tests.conftest import TEST_PASSWORD, TEST_USERNAME
from tests.server.call_helpers import audit_rows, problem

# Three failures lock here (five in production): argon2 takes its time on every try.
MAX_FAILURES = 3


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", database_url=database_url, login_max_failures=MAX_FAILURES
    )


async def unlock(
    client: httpx.AsyncClient, headers: dict[str, str], password: str
) -> httpx.Response:
    return await client.post("/v1/auth/unlock", json={"password": password}, headers=headers)


async def login(client: httpx.AsyncClient, password: str) -> httpx.Response:
    return await client.post(
        "/v1/auth/token", json={"username": TEST_USERNAME, "password": password}
    )


async def test_the_right_password_unlocks_and_is_audited(
    api_client: httpx.AsyncClient, api_app, auth_headers
) -> None:
    response = await unlock(api_client, auth_headers, TEST_PASSWORD)
    assert response.status_code == 204, response.text
    [event] = audit_rows(api_app, "unlocked")
    assert event.actor == TEST_USERNAME and event.application_id is None
    assert TEST_PASSWORD not in event.detail


async def test_a_wrong_password_is_refused_and_audited(
    api_client: httpx.AsyncClient, api_app, auth_headers
) -> None:
    response = await unlock(api_client, auth_headers, "not my password")
    problem(response, 401, "invalid_credentials")
    [event] = audit_rows(api_app, "unlock_failed")
    assert event.actor == TEST_USERNAME and event.application_id is None
    assert event.detail == "解除锁屏失败：密码不正确"
    assert "not my password" not in event.detail
    # The session itself goes on: the right password still unlocks.
    assert (await unlock(api_client, auth_headers, TEST_PASSWORD)).status_code == 204


async def test_wrong_unlocks_count_toward_the_sign_in_lockout(
    api_client: httpx.AsyncClient, api_app, auth_headers, clock
) -> None:
    for _ in range(MAX_FAILURES - 1):
        problem(await unlock(api_client, auth_headers, "guess"), 401, "invalid_credentials")
    # The last failure (a sign-in) locks, as that many failed sign-ins would.
    problem(await login(api_client, "guess"), 429, "login_locked")


async def test_the_unlock_that_locks_ends_the_session(
    api_client: httpx.AsyncClient, api_app, auth_headers, clock
) -> None:
    for _ in range(MAX_FAILURES - 1):
        await unlock(api_client, auth_headers, "guess")
    response = await unlock(api_client, auth_headers, "guess")
    assert "锁定" in problem(response, 429, "login_locked")["detail"]
    assert int(response.headers["retry-after"]) == 15 * 60
    assert "本次登录已结束" in audit_rows(api_app, "unlock_failed_locked")[-1].detail
    ended = await api_client.get("/v1/applications?phone=13800138000", headers=auth_headers)
    problem(ended, 401, "unauthorized")
    problem(await login(api_client, TEST_PASSWORD), 429, "login_locked")
    clock.advance(minutes=15, seconds=1)
    assert (await login(api_client, TEST_PASSWORD)).status_code == 200


async def test_a_right_unlock_resets_the_failure_count(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    for _ in range(MAX_FAILURES - 1):
        await unlock(api_client, auth_headers, "guess")
    assert (await unlock(api_client, auth_headers, TEST_PASSWORD)).status_code == 204
    for _ in range(MAX_FAILURES - 1):
        problem(await unlock(api_client, auth_headers, "guess"), 401, "invalid_credentials")


async def test_a_locked_operator_cannot_unlock_and_a_stranger_gets_401(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    for _ in range(MAX_FAILURES):
        await login(api_client, "guess")
    problem(await unlock(api_client, auth_headers, TEST_PASSWORD), 429, "login_locked")
    problem(await unlock(api_client, {}, TEST_PASSWORD), 401, "unauthorized")
