"""SMS verification (DESIGN §5): the code only in the SMS, hashed at rest, 5 minutes, 5 wrong
tries, single use, 60 s between codes, 10 a day per phone."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
from sqlalchemy import select

from server.storage.tables import outbox, verifications
from tests.server.call_helpers import problem as _problem
from tests.server.registration_helpers import (
    count,
    database,
    event_rows,
    outbox_rows,
    send_code,
    sms_code,
)

PHONE = "13700137000"


async def _confirm(client: httpx.AsyncClient, verification_id: str, code: str) -> httpx.Response:
    return await client.post(f"/v1/verifications/{verification_id}/confirm", json={"code": code})


async def test_a_code_goes_only_to_the_phone_and_is_stored_hashed(
    api_app, api_client: httpx.AsyncClient, clock
) -> None:
    response = await send_code(api_client, "+86 137-0013-7000")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "expires_at", "resend_after", "phone"}
    assert body["phone"] == "137****7000"  # where the code went, masked
    assert datetime.fromisoformat(body["expires_at"]) == clock.now + timedelta(minutes=5)
    assert datetime.fromisoformat(body["resend_after"]) == clock.now + timedelta(seconds=60)
    [message] = outbox_rows(api_app)
    code = message.secrets["secret"]
    assert len(code) == 6 and code.isdigit()
    assert message.channel == "sms" and message.recipient == PHONE
    assert message.purpose == "verification_code" and message.status == "pending"
    assert "{secret}" in message.body and code not in message.body
    row = database(api_app).run_sync(lambda session: session.execute(select(verifications)).one())
    assert row.phone == PHONE and row.purpose == "register" and row.attempts_left == 5
    assert code not in (row.code_hash, row.salt) and len(row.code_hash) == 64
    [event] = event_rows(api_app)
    assert event.action == "verification_sent" and "137****7000" in event.detail
    assert PHONE not in event.detail


async def test_the_right_code_gives_a_token_once(api_app, api_client: httpx.AsyncClient) -> None:
    verification_id = (await send_code(api_client, PHONE)).json()["id"]
    code = sms_code(api_app, PHONE)
    confirmed = await _confirm(api_client, verification_id, code)
    assert confirmed.status_code == 200
    token = confirmed.json()["verification_token"]
    assert len(token) >= 40
    assert confirmed.headers["cache-control"] == "no-store"
    again = await _confirm(api_client, verification_id, code)
    _problem(again, 409, "verification_used")
    assert [e.action for e in event_rows(api_app)] == [
        "verification_sent",
        "verification_confirmed",
    ]


async def test_wrong_codes_count_down_then_the_code_is_gone(
    api_app, api_client: httpx.AsyncClient
) -> None:
    verification_id = (await send_code(api_client, PHONE)).json()["id"]
    code = sms_code(api_app, PHONE)
    wrong = "000000" if code != "000000" else "111111"
    lefts = []
    for _ in range(5):
        body = _problem(
            await _confirm(api_client, verification_id, wrong), 422, "verification_failed"
        )
        lefts.append(body["tries_left"])
    assert lefts == [4, 3, 2, 1, 0]
    gone = _problem(await _confirm(api_client, verification_id, code), 410, "verification_gone")
    assert "次数过多" in str(gone["detail"])
    assert count(api_app, verifications, verifications.c.confirmed_at.is_not(None)) == 0


async def test_an_expired_code_is_gone(api_app, api_client: httpx.AsyncClient, clock) -> None:
    verification_id = (await send_code(api_client, PHONE)).json()["id"]
    clock.advance(minutes=5, seconds=1)
    body = _problem(
        await _confirm(api_client, verification_id, sms_code(api_app, PHONE)),
        410,
        "verification_gone",
    )
    assert "过期" in str(body["detail"])


async def test_a_new_code_waits_60_seconds_per_phone_and_purpose(
    api_app, api_client: httpx.AsyncClient, clock
) -> None:
    assert (await send_code(api_client, PHONE)).status_code == 201
    clock.advance(seconds=20)
    too_soon = await send_code(api_client, PHONE)
    body = _problem(too_soon, 429, "verification_rate_limited")
    assert too_soon.headers["retry-after"] == "40"
    assert "40 秒" in str(body["detail"])
    assert count(api_app, outbox) == 1  # nothing sent
    # Another purpose for the same phone is its own sequence.
    assert (await send_code(api_client, PHONE, "change_admin")).status_code == 201
    clock.advance(seconds=40)
    assert (await send_code(api_client, PHONE)).status_code == 201
    assert count(api_app, outbox) == 3


async def test_ten_codes_a_day_per_phone(api_app, api_client: httpx.AsyncClient, clock) -> None:
    # Start just after Beijing midnight (16:00 UTC) so the ten codes fall on one day.
    clock.now = clock.now.replace(hour=16, minute=0, second=5)
    for _ in range(10):
        assert (await send_code(api_client, PHONE)).status_code == 201
        clock.advance(seconds=61)
    # The cap is per phone, whatever the purpose.
    _problem(await send_code(api_client, PHONE, "change_admin"), 429, "verification_rate_limited")
    over = await send_code(api_client, PHONE)
    body = _problem(over, 429, "verification_rate_limited")
    assert "上限" in str(body["detail"])
    assert int(over.headers["retry-after"]) > 20 * 3600
    assert count(api_app, outbox) == 10
    clock.now = clock.now.replace(hour=16, minute=0, second=1) + timedelta(days=1)
    assert (await send_code(api_client, PHONE)).status_code == 201


async def test_account_purposes_need_an_account_of_that_phone(
    api_app, api_client: httpx.AsyncClient, make_application, auth_headers
) -> None:
    for purpose in ("reset_password", "verify_caller"):
        sent = await send_code(api_client, PHONE, purpose, headers=auth_headers)
        body = _problem(sent, 404, "not_found")
        assert body["detail"] == "该手机号没有已开通的账号。"
    assert count(api_app, outbox) == 0
    make_application(status="approved", phone=PHONE)
    sent = await send_code(api_client, PHONE, "reset_password", headers=auth_headers)
    assert sent.status_code == 201


async def test_bad_phone_purpose_and_id_are_refused_in_words(api_client: httpx.AsyncClient) -> None:
    body = _problem(await send_code(api_client, "1370013"), 422, "field_invalid")
    assert body["errors"][0]["field"] == "phone"  # type: ignore[index]
    _problem(await send_code(api_client, PHONE, "lottery"), 422, "validation_error")
    _problem(await _confirm(api_client, "VNOSUCHTHING", "123456"), 404, "not_found")
