"""Operator sign-in: tokens, wrong passwords, lockout, idle and absolute expiry, logout, roles."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select

from domain import Conflict, FieldInvalid, Forbidden, Operator, Role
from server import add_operator
from server.auth import require_role
from server.storage.tables import operator_tokens

PASSWORD = "correct horse battery staple"


async def login(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post("/v1/auth/token", json={"username": username, "password": password})


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_login_returns_a_bearer_token_and_the_operator(
    api_client: httpx.AsyncClient, operator_credentials, api_app
) -> None:
    response = await login(api_client, operator_credentials.username, PASSWORD)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    grant = response.json()
    assert grant["token_type"] == "bearer"
    assert len(grant["access_token"]) >= 43  # 32 random bytes, base64url
    assert grant["operator"]["username"] == operator_credentials.username
    assert grant["operator"]["role"] == "operator"
    assert datetime.fromisoformat(grant["expires_at"]) > datetime.now(UTC)
    # Only the token's hash is stored.
    hashes = api_app.state.context.database.run_sync(
        lambda session: session.execute(select(operator_tokens.c.token_hash)).scalars().all()
    )
    assert grant["access_token"] not in hashes
    assert len(hashes) == 1
    searched = await api_client.get("/v1/applications", headers=bearer(grant["access_token"]))
    assert searched.status_code == 200


async def test_wrong_password_and_unknown_user_answer_the_same(
    api_client: httpx.AsyncClient, operator_credentials
) -> None:
    wrong = await login(api_client, operator_credentials.username, "not the password")
    unknown = await login(api_client, "nobody", PASSWORD)
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "urn:hqms:problem:invalid_credentials"
        assert response.json()["detail"] == "用户名或密码不正确。"


async def test_five_failures_lock_the_operator_for_fifteen_minutes(
    api_client: httpx.AsyncClient, operator_credentials, clock
) -> None:
    for _ in range(4):
        assert (await login(api_client, operator_credentials.username, "wrong")).status_code == 401
    fifth = await login(api_client, operator_credentials.username, "wrong")
    assert fifth.status_code == 429
    assert fifth.json()["type"] == "urn:hqms:problem:login_locked"
    assert "北京时间" in fifth.json()["detail"]
    assert int(fifth.headers["retry-after"]) == 15 * 60
    # Even the right password is refused while locked.
    locked = await login(api_client, operator_credentials.username, PASSWORD)
    assert locked.status_code == 429
    clock.advance(minutes=14)
    assert (await login(api_client, operator_credentials.username, PASSWORD)).status_code == 429
    clock.advance(minutes=1, seconds=1)
    assert (await login(api_client, operator_credentials.username, PASSWORD)).status_code == 200


async def test_a_success_resets_the_failure_count(
    api_client: httpx.AsyncClient, operator_credentials
) -> None:
    for _ in range(4):
        await login(api_client, operator_credentials.username, "wrong")
    assert (await login(api_client, operator_credentials.username, PASSWORD)).status_code == 200
    for _ in range(4):
        assert (await login(api_client, operator_credentials.username, "wrong")).status_code == 401


async def test_missing_token_is_a_401_problem(api_client: httpx.AsyncClient) -> None:
    response = await api_client.get("/v1/applications")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["type"] == "urn:hqms:problem:unauthorized"


async def test_unknown_token_is_expired_session(api_client: httpx.AsyncClient) -> None:
    response = await api_client.get("/v1/applications", headers=bearer("made-up"))
    assert response.status_code == 401
    assert response.json()["detail"] == "登录已过期，请重新登录。"


async def test_token_expires_after_thirty_idle_minutes(
    api_client: httpx.AsyncClient, operator_token: str, clock
) -> None:
    clock.advance(minutes=29)
    assert (await api_client.get("/v1/regions", headers=bearer(operator_token))).status_code == 200
    clock.advance(minutes=29)  # used 29 minutes ago: still alive
    assert (await api_client.get("/v1/regions", headers=bearer(operator_token))).status_code == 200
    clock.advance(minutes=30)
    response = await api_client.get("/v1/regions", headers=bearer(operator_token))
    assert response.status_code == 401
    assert response.json()["detail"] == "登录已过期，请重新登录。"


async def test_token_expires_after_twelve_hours_however_busy(
    api_client: httpx.AsyncClient, operator_token: str, clock
) -> None:
    for _ in range(25):  # 25 × 29m50s passes the 12 hours
        assert (
            await api_client.get("/v1/regions", headers=bearer(operator_token))
        ).status_code == 200
        clock.advance(minutes=29, seconds=50)
    response = await api_client.get("/v1/regions", headers=bearer(operator_token))
    assert response.status_code == 401


async def test_idle_expiry_holds_across_processes(
    api_client: httpx.AsyncClient, api_app, operator_token: str, clock
) -> None:
    """Another process (an empty cache) judges idleness from the stored last use."""
    clock.advance(minutes=20)
    assert (await api_client.get("/v1/regions", headers=bearer(operator_token))).status_code == 200
    api_app.state.context.tokens = type(api_app.state.context.tokens)()
    clock.advance(minutes=20)
    assert (await api_client.get("/v1/regions", headers=bearer(operator_token))).status_code == 200


async def test_logout_revokes_the_token(
    api_client: httpx.AsyncClient, operator_credentials
) -> None:
    token = (await login(api_client, operator_credentials.username, PASSWORD)).json()[
        "access_token"
    ]
    response = await api_client.post("/v1/auth/logout", headers=bearer(token))
    assert response.status_code == 204
    after = await api_client.get("/v1/applications", headers=bearer(token))
    assert after.status_code == 401


async def test_add_operator_hashes_and_refuses_duplicates(api_app) -> None:
    database = api_app.state.context.database
    operator = database.run_sync(add_operator, "wangfang", PASSWORD, "reviewer", "王芳")
    assert operator.role is Role.REVIEWER
    record = database.run_sync(
        lambda session: session.execute(
            select(operator_tokens).where(operator_tokens.c.operator_id == int(operator.id))
        ).all()
    )
    assert record == []
    with pytest.raises(Conflict) as taken:
        database.run_sync(add_operator, "wangfang", PASSWORD, "operator", "")
    assert (taken.value.code, taken.value.params) == ("username_taken", {"username": "wangfang"})
    with pytest.raises(FieldInvalid) as short:
        database.run_sync(add_operator, "short", "abc", "operator", "")
    assert short.value.code == "password_too_short"


async def test_require_role_refuses_other_roles() -> None:
    check = require_role(Role.REVIEWER).dependency
    reviewer = Operator(id="1", username="r", role=Role.REVIEWER)
    operator = Operator(id="2", username="o", role=Role.OPERATOR)
    assert await check(reviewer) is reviewer
    with pytest.raises(Forbidden) as refused:
        await check(operator)
    assert refused.value.params == {"roles": ["reviewer"], "role": "operator"}
