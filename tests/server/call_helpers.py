"""Helpers of the call-record tests: calls started over the API, caller-check tokens (the SMS
code read from the outbox, as only a test may), a second signed-in operator, audit rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from server.storage.tables import audit_events
from tests.audit_text import with_sentences
from tests.server.registration_helpers import database, send_code, sms_code

OTHER_PASSWORD = "second horse battery staple"


def operator_headers(
    make_operator: Any, *, username: str, role: str = "operator", display_name: str = ""
) -> dict[str, str]:
    """The bearer header of a new operator (another one than the `auth_headers` fixture's)."""
    credentials = make_operator(
        username=username, password=OTHER_PASSWORD, role=role, display_name=display_name
    )
    token = make_operator.token_for(credentials, now=datetime.now(UTC), ttl=timedelta(hours=1))
    return {"Authorization": f"Bearer {token}"}


async def start_call(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    *,
    phone: str = "",
    application_id: str | None = None,
) -> dict[str, Any]:
    response = await client.post(
        "/v1/calls", json={"phone": phone, "application_id": application_id}, headers=headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def caller_token(
    client: httpx.AsyncClient,
    api_app: Any,
    headers: dict[str, str],
    phone: str,
    purpose: str = "verify_caller",
) -> str:
    """A confirmed verification token of `purpose` for `phone` (an operator starts these)."""
    sent = await send_code(client, phone, purpose, headers=headers)
    assert sent.status_code == 201, sent.text
    confirmed = await client.post(
        f"/v1/verifications/{sent.json()['id']}/confirm", json={"code": sms_code(api_app, phone)}
    )
    assert confirmed.status_code == 200, confirmed.text
    return str(confirmed.json()["verification_token"])


async def checked_call(
    client: httpx.AsyncClient,
    api_app: Any,
    headers: dict[str, str],
    application_id: str,
    phone: str,
) -> dict[str, Any]:
    """A call about `application_id` whose caller read back the code sent to `phone`."""
    call = await start_call(client, headers, phone=phone, application_id=application_id)
    token = await caller_token(client, api_app, headers, phone)
    checked = await client.post(
        f"/v1/calls/{call['id']}/caller-check", json={"verification_token": token}, headers=headers
    )
    assert checked.status_code == 200, checked.text
    body: dict[str, Any] = checked.json()
    return body


def audit_rows(api_app: Any, action: str) -> list[Any]:
    """Every audit event of `action`, oldest first."""
    statement = select(audit_events).where(audit_events.c.action == action)
    return with_sentences(
        database(api_app).run_sync(
            lambda session: session.execute(statement.order_by(audit_events.c.id)).all()
        )
    )


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The problem+json body of `response`, after checking its status and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["type"] == "urn:hqms:problem:" + code, body
    assert str(body["detail"]).endswith("。")
    return body
