"""`PUT|DELETE …/presence`: who else has the application open (heard from within 60 s);
presence is not data and writes no audit event."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from server.storage.tables import audit_events
from tests.server.call_helpers import operator_headers, problem
from tests.server.registration_helpers import count


@pytest.fixture
def app_id(make_application) -> str:
    return str(make_application(status="pending"))


@pytest.fixture
def wang(make_operator) -> dict[str, str]:
    return operator_headers(make_operator, username="wangfang", display_name="王芳")


async def beat(client: httpx.AsyncClient, app_id: str, headers: dict[str, str]) -> list[dict]:
    response = await client.put(f"/v1/applications/{app_id}/presence", headers=headers)
    assert response.status_code == 200, response.text
    others: list[dict] = response.json()["others"]
    return others


async def test_two_operators_on_one_application_see_each_other(
    api_client: httpx.AsyncClient, api_app, auth_headers, wang, app_id, clock
) -> None:
    events_before = count(api_app, audit_events)
    assert await beat(api_client, app_id, auth_headers) == []
    clock.advance(seconds=5)
    [me] = await beat(api_client, app_id, wang)
    assert me["operator"] == "zhangli" and me["display_name"] == "张丽"
    since = datetime.fromisoformat(me["since"])
    clock.advance(seconds=20)
    [her] = await beat(api_client, app_id, auth_headers)
    assert (her["operator"], her["display_name"]) == ("wangfang", "王芳")
    # Heartbeats keep when each one arrived first.
    clock.advance(seconds=20)
    [me_again] = await beat(api_client, app_id, wang)
    assert datetime.fromisoformat(me_again["since"]) == since
    assert count(api_app, audit_events) == events_before


async def test_an_operator_not_heard_from_for_a_minute_has_gone(
    api_client: httpx.AsyncClient, auth_headers, wang, app_id, clock
) -> None:
    await beat(api_client, app_id, wang)
    clock.advance(seconds=59)
    assert len(await beat(api_client, app_id, auth_headers)) == 1
    clock.advance(seconds=2)
    assert await beat(api_client, app_id, auth_headers) == []


async def test_leaving_removes_the_marker_at_once(
    api_client: httpx.AsyncClient, auth_headers, wang, app_id, make_application
) -> None:
    other_app = make_application(status="draft")
    await beat(api_client, app_id, wang)
    await beat(api_client, other_app, wang)
    left = await api_client.delete(f"/v1/applications/{app_id}/presence", headers=wang)
    assert left.status_code == 204
    assert await beat(api_client, app_id, auth_headers) == []
    # Only that application: she is still on the other one.
    assert len(await beat(api_client, other_app, auth_headers)) == 1
    again = await api_client.delete(f"/v1/applications/{app_id}/presence", headers=wang)
    assert again.status_code == 204


async def test_presence_on_an_unknown_application_or_without_sign_in_is_refused(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    missing = await api_client.put("/v1/applications/ZZZZ-ZZZZ/presence", headers=auth_headers)
    problem(missing, 404, "not_found")
    anonymous = await api_client.put("/v1/applications/ZZZZ-ZZZZ/presence")
    assert anonymous.status_code == 401
