"""`POST /v1/verifications` with an `application_id` instead of a phone: the code goes to the
application's REGISTERED phone (the account's current administrator, else the verified
applicant), never to a number the caller gives; the answer says where, masked."""

from __future__ import annotations

from typing import Any

import httpx

from server.storage.tables import outbox
from tests.server.registration_helpers import count, event_rows, outbox_rows
from tests.server.review_helpers import applicant_headers

APPLICANT_PHONE = "13800138000"
ACCOUNT_PHONE = "13600136000"


async def _send(
    client: httpx.AsyncClient, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    return await client.post("/v1/verifications", json=body, headers=headers)


async def test_the_code_goes_to_the_account_administrators_phone(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    # The account's administrator changed since this application: the account's phone counts.
    app_id = make_application(status="approved", phone=APPLICANT_PHONE, account_phone=ACCOUNT_PHONE)
    for purpose in ("verify_caller", "reset_password"):
        sent = await _send(
            api_client, {"purpose": purpose, "application_id": app_id.lower()}, auth_headers
        )
        assert sent.status_code == 201, sent.text
        assert sent.json()["phone"] == "136****6000"
        assert ACCOUNT_PHONE not in sent.text
    messages = outbox_rows(api_app, outbox.c.purpose == "verification_code")
    assert [m.recipient for m in messages] == [ACCOUNT_PHONE, ACCOUNT_PHONE]
    events = [e for e in event_rows(api_app, app_id) if e.action == "verification_sent_registered"]
    assert [e.detail for e in events] == [
        "核实来电人身份验证码已发送至 136****6000（申请登记的手机号）",
        "重置密码验证码已发送至 136****6000（申请登记的手机号）",
    ]


async def test_without_an_account_the_verified_applicant_phone_counts(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    app_id = make_application(status="pending", phone=APPLICANT_PHONE)
    sent = await _send(
        api_client, {"purpose": "verify_caller", "application_id": app_id}, auth_headers
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["phone"] == "138****8000"
    reset = await _send(
        api_client, {"purpose": "reset_password", "application_id": app_id}, auth_headers
    )
    assert reset.status_code == 409, reset.text
    assert "还没有开通账号" in reset.json()["detail"]
    assert count(api_app, outbox) == 1


async def test_refusals_send_nothing(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    app_id = make_application(status="approved", phone=APPLICANT_PHONE)
    by_app = {"purpose": "verify_caller", "application_id": app_id}
    cases: list[tuple[dict[str, Any], dict[str, str], int, str | None]] = [
        ({**by_app, "phone": "13900139000"}, auth_headers, 422, "phone"),
        ({"purpose": "register", "application_id": app_id}, auth_headers, 422, "application_id"),
        ({"purpose": "change_admin", "application_id": app_id}, {}, 422, "application_id"),
        ({"purpose": "verify_caller", "application_id": "ZZZZ-ZZZZ"}, auth_headers, 404, None),
        (by_app, {}, 401, None),
        (by_app, applicant_headers(api_app, app_id, APPLICANT_PHONE), 403, None),
    ]
    for body, headers, status, field in cases:
        response = await _send(api_client, body, headers)
        assert response.status_code == status, (body, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        if field is not None:
            assert response.json()["errors"][0]["field"] == field
    assert count(api_app, outbox) == 0
