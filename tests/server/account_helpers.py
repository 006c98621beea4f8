"""Helpers of the account tests (password reset, sessions, codes to the registered phone):
a really approved account with its initial password, confirmed verification tokens, sign-in.

Secrets (SMS codes, initial passwords) are read from outbox rows before delivery, as only a
test may; the tests that need the real path deliver through the SMTP and SMS test servers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select

from server.storage.tables import audit_events, outbox
from tests.audit_text import with_sentences
from tests.server.review_helpers import REVIEWER, database_of, headers_for, if_match


@dataclass(frozen=True)
class ApprovedAccount:
    application_id: str
    account_id: str
    login_name: str
    password: str  # the initial password of the approval email


def newest_secret(api_app: Any, *, recipient: str, purpose: str) -> str:
    """The `{secret}` of the newest undelivered outbox message to `recipient` for `purpose`."""

    def read(session: Any) -> str:
        secrets = session.execute(
            select(outbox.c.secrets)
            .where(outbox.c.recipient == recipient, outbox.c.purpose == purpose)
            .order_by(outbox.c.id.desc())
            .limit(1)
        ).scalar_one()
        return str(secrets["secret"])

    return str(database_of(api_app).run_sync(read))


async def approved_account(
    client: httpx.AsyncClient, api_app: Any, make_operator: Any, make_application: Any, phone: str
) -> ApprovedAccount:
    """A pending application approved by a reviewer over the API: a real account whose
    initial password is in the (undelivered) approval email."""
    reviewer = headers_for(api_app, make_operator, username=REVIEWER, role="reviewer")
    app_id = make_application(status="pending", phone=phone)
    response = await client.post(
        f"/v1/applications/{app_id}/approve", json={}, headers=if_match(1, reviewer)
    )
    assert response.status_code == 200, response.text
    account = response.json()["account"]
    password = newest_secret(api_app, recipient="zhangxiaomei@example.com", purpose="approval")
    return ApprovedAccount(app_id, account["id"], account["login_name"], password)


async def confirmed_token(
    client: httpx.AsyncClient,
    api_app: Any,
    headers: dict[str, str],
    *,
    purpose: str,
    phone: str,
    application_id: str | None = None,
) -> str:
    """A confirmed token of `purpose`: sent by phone, or by application (to its registered
    phone, which must be `phone`, where the code is read from)."""
    body = {"purpose": purpose, **({"application_id": application_id} if application_id else {})}
    if application_id is None:
        body["phone"] = phone
    sent = await client.post("/v1/verifications", json=body, headers=headers)
    assert sent.status_code == 201, sent.text
    code = newest_secret(api_app, recipient=phone, purpose="verification_code")
    confirmed = await client.post(
        f"/v1/verifications/{sent.json()['id']}/confirm", json={"code": code}, headers=headers
    )
    assert confirmed.status_code == 200, confirmed.text
    return str(confirmed.json()["verification_token"])


async def sign_in(client: httpx.AsyncClient, login: str, password: str) -> httpx.Response:
    return await client.post("/v1/accounts/login", json={"login": login, "password": password})


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def account_events(api_app: Any, account_id: str) -> list[Any]:
    """Every audit event naming `account_id`, oldest first."""
    statement = (
        select(audit_events)
        .where(audit_events.c.account_id == account_id)
        .order_by(audit_events.c.id)
    )
    return with_sentences(database_of(api_app).run_sync(lambda s: s.execute(statement).all()))
