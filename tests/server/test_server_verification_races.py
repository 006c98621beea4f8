"""SMS verification under concurrency and who may start which codes (security review):
tries at the same moment never exceed the 5-try limit, sends at the same moment never beat
the 60 s rule, and codes that prove an account's phone need an operator."""

from __future__ import annotations

import asyncio

import httpx

from server.storage.tables import outbox, verifications
from tests.server.registration_helpers import count, send_code, sms_code, start_application

PHONE = "13700137000"


async def _confirm(client: httpx.AsyncClient, verification_id: str, code: str) -> httpx.Response:
    return await client.post(f"/v1/verifications/{verification_id}/confirm", json={"code": code})


async def test_tries_at_the_same_moment_compare_at_most_five_codes(
    api_app, api_client: httpx.AsyncClient
) -> None:
    verification_id = (await send_code(api_client, PHONE)).json()["id"]
    code = sms_code(api_app, PHONE)
    wrong = "000000" if code != "000000" else "111111"
    # PostgreSQL runs each request in its own worker thread and connection: truly at once.
    responses = await asyncio.gather(
        *[_confirm(api_client, verification_id, wrong) for _ in range(30)],
        _confirm(api_client, verification_id, code),
    )
    statuses = [response.status_code for response in responses]
    compared = [status for status in statuses if status in (200, 422)]
    assert len(compared) <= 5, statuses
    assert set(statuses) <= {200, 410, 422}, statuses
    if statuses[-1] == 200:  # the right code was among the five compared
        assert statuses.count(422) <= 4
    assert count(api_app, verifications, verifications.c.attempts_left < 0) == 0


async def test_a_right_code_after_the_fifth_wrong_try_is_gone(
    api_app, api_client: httpx.AsyncClient
) -> None:
    verification_id = (await send_code(api_client, PHONE)).json()["id"]
    code = sms_code(api_app, PHONE)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(4):
        assert (await _confirm(api_client, verification_id, wrong)).status_code == 422
    # The fifth try is the right code: it counts, and it succeeds.
    assert (await _confirm(api_client, verification_id, code)).status_code == 200
    again = await _confirm(api_client, verification_id, code)
    assert again.status_code == 409 and again.json()["type"] == "urn:hqms:problem:verification_used"


async def test_sends_at_the_same_moment_send_one_code(
    api_app, api_client: httpx.AsyncClient
) -> None:
    responses = await asyncio.gather(*[send_code(api_client, PHONE) for _ in range(12)])
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] + [429] * 11, statuses
    assert count(api_app, outbox) == 1
    assert count(api_app, verifications) == 1


async def test_account_codes_need_an_operator(
    api_app, api_client: httpx.AsyncClient, make_application, auth_headers
) -> None:
    make_application(status="approved", phone=PHONE)
    draft, applicant = await start_application(api_client, api_app, "13600136000")
    sent_before = count(api_app, outbox)
    for purpose in ("reset_password", "verify_caller"):
        anonymous = await send_code(api_client, PHONE, purpose)
        assert anonymous.status_code == 401, anonymous.text
        assert "热线坐席" in anonymous.json()["detail"]
        unknown = await send_code(
            api_client, "13500135000", purpose, headers={"Authorization": "Bearer nonsense"}
        )
        assert unknown.status_code == 401, unknown.text
        as_applicant = await send_code(api_client, PHONE, purpose, headers=applicant)
        assert as_applicant.status_code == 403, as_applicant.text
    # Nobody but an operator learns whether a phone has an account; nothing was sent.
    assert count(api_app, outbox) == sent_before
    no_account = await send_code(api_client, "13500135000", "reset_password", headers=auth_headers)
    assert no_account.status_code == 404
    assert no_account.json()["detail"] == "该手机号没有已开通的账号。"
    started = await send_code(api_client, PHONE, "verify_caller", headers=auth_headers)
    assert started.status_code == 201, started.text
    # Register and change_admin stay public.
    assert (await send_code(api_client, "13400134000")).status_code == 201
    assert (await send_code(api_client, "13400134000", "change_admin")).status_code == 201
    assert draft["id"]
