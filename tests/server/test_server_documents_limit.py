"""`POST …/documents/send` is bounded per application (security review): one email per
10 minutes and 5 per Beijing day, else 429 with Retry-After and the minutes to wait."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import httpx
import pytest

from server._problems import ApiProblem
from server.services import documents
from server.storage.tables import outbox
from tests.server.registration_helpers import count
from tests.server.review_helpers import database_of

PHONE = "13800138000"


async def _send(client: httpx.AsyncClient, app_id: str, headers: dict[str, str]) -> httpx.Response:
    return await client.post(f"/v1/applications/{app_id}/documents/send", headers=headers)


def _signed_in(make_operator: Any, credentials: Any, clock: Any) -> dict[str, str]:
    token = make_operator.token_for(credentials, now=clock.now, ttl=timedelta(hours=1))
    return {"Authorization": f"Bearer {token}"}


def _documents(api_app: Any, app_id: str) -> int:
    return count(
        api_app, outbox, outbox.c.application_id == app_id, outbox.c.purpose == "documents"
    )


async def test_one_send_per_ten_minutes(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application, clock
) -> None:
    app_id = make_application(status="draft", phone=PHONE)
    assert (await _send(api_client, app_id, auth_headers)).status_code == 202
    clock.advance(minutes=3)
    refused = await _send(api_client, app_id, auth_headers)
    assert refused.status_code == 429, refused.text
    assert refused.headers["retry-after"] == "420"
    body = refused.json()
    assert (body["type"], body["retry_after"]) == ("urn:hqms:problem:rate_limited", 420)
    assert "7 分钟" in body["detail"] and body["detail"].endswith("。")
    assert _documents(api_app, app_id) == 1
    # Another application has its own count.
    other = make_application(status="draft", phone="13800138001")
    assert (await _send(api_client, other, auth_headers)).status_code == 202
    clock.advance(minutes=7)
    assert (await _send(api_client, app_id, auth_headers)).status_code == 202
    assert _documents(api_app, app_id) == 2


async def test_five_sends_per_beijing_day(
    api_app,
    api_client: httpx.AsyncClient,
    make_application,
    make_operator,
    operator_credentials,
    clock,
) -> None:
    # 16:00 UTC is Beijing midnight: five sends 10 minutes apart fall on one Beijing day.
    clock.now = clock.now.replace(hour=16, minute=0, second=0)
    auth_headers = _signed_in(make_operator, operator_credentials, clock)
    app_id = make_application(status="draft", phone=PHONE)
    for _ in range(5):
        assert (await _send(api_client, app_id, auth_headers)).status_code == 202
        clock.advance(minutes=10)
    refused = await _send(api_client, app_id, auth_headers)
    assert refused.status_code == 429, refused.text
    wait = int(refused.headers["retry-after"])
    assert wait == int(timedelta(hours=23, minutes=10).total_seconds())
    assert "上限" in refused.json()["detail"] and "1390 分钟" in refused.json()["detail"]
    assert _documents(api_app, app_id) == 5
    clock.now = clock.now.replace(hour=16, minute=0, second=1) + timedelta(days=1)
    auth_headers = _signed_in(make_operator, operator_credentials, clock)
    assert (await _send(api_client, app_id, auth_headers)).status_code == 202


# SQLite runs the API's work inline, one request at a time: only PostgreSQL has the race.
@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
async def test_sends_at_the_same_moment_mail_once(api_app, make_application, clock) -> None:
    """Straight to the service in threads with their own sessions: the route renders the
    PDFs first, and what is tested here is the row lock around the count and the insert."""
    database = database_of(api_app)
    app_id = make_application(status="draft", phone=PHONE)
    source = database.run_sync(documents.document_source, app_id)
    outcomes: list[str] = []

    def send() -> None:
        try:
            database.run_sync(documents.send_documents, source, [], actor="zhangli", now=clock.now)
            outcomes.append("sent")
        except ApiProblem as problem:
            outcomes.append(str(problem.status))

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    assert sorted(outcomes) == ["429"] * 5 + ["sent"], outcomes
    assert _documents(api_app, app_id) == 1
