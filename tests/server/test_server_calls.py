"""Hotline calls: start, read (own only; admin any), attach, caller check (SMS code to the
REGISTERED phone, or a recorded reason), wrap-up; each change audited under the call."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from server.storage.tables import calls
from tests.server.call_helpers import (
    audit_rows,
    caller_token,
    checked_call,
    operator_headers,
    problem,
    start_call,
)
from tests.server.registration_helpers import database

PHONE = "13800138000"
OTHER_PHONE = "13700137000"


def call_record_row(api_app: Any, call_id: str) -> Any:
    return database(api_app).run_sync(
        lambda session: session.execute(select(calls).where(calls.c.id == call_id)).one()
    )


async def test_a_call_starts_with_the_number_as_typed_answered_masked(
    api_client: httpx.AsyncClient, api_app, auth_headers, operator_credentials, clock
) -> None:
    response = await api_client.post(
        "/v1/calls",
        json={"phone": "+86 138-0013-8000", "application_id": None},
        headers=auth_headers,
    )
    assert response.status_code == 201, response.text
    call = response.json()
    assert response.headers["location"] == f"/v1/calls/{call['id']}"
    assert call["phone"] == "138****8000"
    assert call["operator"] == operator_credentials.username
    assert call["application_id"] is None and call["caller_check"] is None
    assert call["ended_at"] is None and call["wrap_up"] is None
    assert call_record_row(api_app, call["id"]).phone == PHONE
    [event] = audit_rows(api_app, "call_started")
    assert event.call_id == call["id"] and event.actor == operator_credentials.username
    assert event.detail == "开始通话（来电 138****8000）"
    assert PHONE not in event.detail


async def test_a_landline_or_partial_number_is_kept_as_digits(
    api_client: httpx.AsyncClient, api_app, auth_headers
) -> None:
    call = await start_call(api_client, auth_headers, phone="0571-8765 4321")
    assert call_record_row(api_app, call["id"]).phone == "057187654321"
    assert call["phone"] == "********4321"
    empty = await start_call(api_client, auth_headers)
    assert empty["phone"] == ""
    assert audit_rows(api_app, "call_started_no_number")[-1].detail == "开始通话（来电 号码未记录）"


async def test_a_call_about_an_unknown_application_is_refused(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    response = await api_client.post(
        "/v1/calls", json={"phone": PHONE, "application_id": "ZZZZ-ZZZZ"}, headers=auth_headers
    )
    problem(response, 404, "not_found")


async def test_only_its_operator_and_administrators_read_a_call(
    api_client: httpx.AsyncClient, auth_headers, make_operator
) -> None:
    call = await start_call(api_client, auth_headers, phone=PHONE)
    own = await api_client.get(f"/v1/calls/{call['id']}", headers=auth_headers)
    assert own.status_code == 200 and own.json() == call
    colleague = operator_headers(make_operator, username="wangfang")
    problem(await api_client.get(f"/v1/calls/{call['id']}", headers=colleague), 404, "not_found")
    admin = operator_headers(make_operator, username="chief", role="admin")
    assert (await api_client.get(f"/v1/calls/{call['id']}", headers=admin)).json() == call
    by_admin = await api_client.post(
        f"/v1/calls/{call['id']}/end", json={"wrap_up": "resolved"}, headers=admin
    )
    problem(by_admin, 403, "forbidden")
    ended = await api_client.post(
        f"/v1/calls/{call['id']}/end", json={"wrap_up": "resolved"}, headers=colleague
    )
    problem(ended, 404, "not_found")
    problem(await api_client.get("/v1/calls/CNOSUCHCALL", headers=auth_headers), 404, "not_found")


async def test_attaching_a_call_to_an_application_is_audited_there(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application
) -> None:
    app_id = make_application(status="approved", phone=PHONE)
    call = await start_call(api_client, auth_headers, phone=PHONE)
    response = await api_client.post(
        f"/v1/calls/{call['id']}/application",
        json={"application_id": app_id.lower()},
        headers=auth_headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["application_id"] == app_id
    [event] = audit_rows(api_app, "call_attached")
    assert (event.application_id, event.call_id) == (app_id, call["id"])
    unknown = await api_client.post(
        f"/v1/calls/{call['id']}/application",
        json={"application_id": "ZZZZ-ZZZZ"},
        headers=auth_headers,
    )
    problem(unknown, 404, "not_found")


async def test_the_caller_proves_the_registered_phone_by_sms(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application, clock
) -> None:
    app_id = make_application(status="approved", phone=PHONE)
    call = await checked_call(api_client, api_app, auth_headers, app_id, PHONE)
    check = call["caller_check"]
    assert check["method"] == "sms" and check["phone"] == "138****8000"
    assert check["reason"] == ""
    [event] = audit_rows(api_app, "caller_verified")
    assert event.application_id == app_id and event.call_id == call["id"]
    assert event.detail == "已通过短信核实来电人身份（138****8000）"


async def test_a_code_for_another_phone_does_not_verify_the_caller(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application
) -> None:
    app_id = make_application(status="approved", phone=PHONE)
    other_app = make_application(status="approved", phone=OTHER_PHONE)
    call = await start_call(api_client, auth_headers, phone=OTHER_PHONE, application_id=app_id)
    # The caller claims to be the administrator but has the code of another account's phone.
    token = await caller_token(api_client, api_app, auth_headers, OTHER_PHONE)
    refused = await api_client.post(
        f"/v1/calls/{call['id']}/caller-check",
        json={"verification_token": token},
        headers=auth_headers,
    )
    body = problem(refused, 422, "verification_phone_mismatch")
    assert "138****8000" in body["detail"] and OTHER_PHONE not in body["detail"]
    assert call_record_row(api_app, call["id"]).caller_check is None
    assert audit_rows(api_app, "caller_verified") == []
    # Refused before anything was kept: the token still proves its own phone, once.
    other_call = await start_call(api_client, auth_headers, application_id=other_app)
    accepted = await api_client.post(
        f"/v1/calls/{other_call['id']}/caller-check",
        json={"verification_token": token},
        headers=auth_headers,
    )
    assert accepted.status_code == 200, accepted.text


async def test_a_code_of_another_purpose_does_not_verify_the_caller(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application
) -> None:
    app_id = make_application(status="approved", phone=PHONE)
    call = await start_call(api_client, auth_headers, application_id=app_id)
    token = await caller_token(api_client, api_app, auth_headers, PHONE, "reset_password")
    refused = await api_client.post(
        f"/v1/calls/{call['id']}/caller-check",
        json={"verification_token": token},
        headers=auth_headers,
    )
    problem(refused, 422, "verification_failed")


async def test_the_registered_phone_is_the_account_administrators(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application
) -> None:
    # The account's administrator changed after this application was approved.
    app_id = make_application(status="approved", phone=OTHER_PHONE, account_phone=PHONE)
    call = await start_call(api_client, auth_headers, application_id=app_id)
    token = await caller_token(api_client, api_app, auth_headers, PHONE)
    checked = await api_client.post(
        f"/v1/calls/{call['id']}/caller-check",
        json={"verification_token": token},
        headers=auth_headers,
    )
    assert checked.status_code == 200, checked.text
    assert checked.json()["caller_check"]["phone"] == "138****8000"


async def test_a_caller_check_needs_an_application(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    call = await start_call(api_client, auth_headers, phone=PHONE)
    response = await api_client.post(
        f"/v1/calls/{call['id']}/caller-check",
        json={"waived_reason": "来电人不在单位"},
        headers=auth_headers,
    )
    problem(response, 409, "call_without_application")


async def test_a_waived_check_records_its_reason(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application
) -> None:
    app_id = make_application(status="pending", phone=PHONE)
    call = await start_call(api_client, auth_headers, application_id=app_id)
    url = f"/v1/calls/{call['id']}/caller-check"
    blank = await api_client.post(url, json={"waived_reason": "  "}, headers=auth_headers)
    assert problem(blank, 422, "field_invalid")["errors"][0]["field"] == "waived_reason"
    neither = await api_client.post(url, json={}, headers=auth_headers)
    assert problem(neither, 422, "field_invalid")["errors"][0]["field"] == "verification_token"
    both = await api_client.post(
        url, json={"verification_token": "x", "waived_reason": "无"}, headers=auth_headers
    )
    problem(both, 422, "field_invalid")
    waived = await api_client.post(
        url, json={"waived_reason": "管理员换了手机 13900139000，收不到短信"}, headers=auth_headers
    )
    assert waived.status_code == 200, waived.text
    check = waived.json()["caller_check"]
    assert check["method"] == "waived" and check["phone"] == ""
    assert check["reason"] == "管理员换了手机 139****9000，收不到短信"
    [event] = audit_rows(api_app, "caller_not_verified")
    assert event.detail == "未核实来电人身份，原因：管理员换了手机 139****9000，收不到短信"
    assert (event.application_id, event.call_id) == (app_id, call["id"])


async def test_moving_the_call_keeps_the_check_only_for_the_same_registered_phone(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application
) -> None:
    approved = make_application(status="approved", phone=PHONE)
    change = make_application(
        status="draft", kind="change", phone=PHONE, parent_id=approved, with_account=False
    )
    stranger = make_application(status="approved", phone=OTHER_PHONE)
    call = await checked_call(api_client, api_app, auth_headers, approved, PHONE)
    url = f"/v1/calls/{call['id']}/application"
    same = await api_client.post(url, json={"application_id": change}, headers=auth_headers)
    assert same.json()["caller_check"]["method"] == "sms"
    assert "沿用" in audit_rows(api_app, "call_attached_check_kept")[-1].detail
    other = await api_client.post(url, json={"application_id": stranger}, headers=auth_headers)
    assert other.json()["caller_check"] is None


async def test_a_call_ends_once_with_its_wrap_up(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application, clock
) -> None:
    app_id = make_application(status="approved", phone=PHONE)
    call = await start_call(api_client, auth_headers, phone=PHONE, application_id=app_id)
    clock.advance(minutes=3)
    url = f"/v1/calls/{call['id']}/end"
    response = await api_client.post(
        url,
        json={"wrap_up": "resolved", "note": "已告知登录地址，回电 13800138000"},
        headers=auth_headers,
    )
    assert response.status_code == 200, response.text
    ended = response.json()
    assert ended["wrap_up"] == "resolved" and ended["ended_at"] is not None
    assert ended["wrap_up_note"] == "已告知登录地址，回电 138****8000"
    [event] = audit_rows(api_app, "call_ended_note")
    assert event.detail == "通话结束：问题已解决；备注：已告知登录地址，回电 138****8000"
    assert (event.application_id, event.call_id) == (app_id, call["id"])
    again = await api_client.post(url, json={"wrap_up": "dropped"}, headers=auth_headers)
    problem(again, 409, "call_ended")
    check = await api_client.post(
        f"/v1/calls/{call['id']}/caller-check", json={"waived_reason": "无"}, headers=auth_headers
    )
    problem(check, 409, "call_ended")
    unknown = await api_client.post(url, json={"wrap_up": "bye"}, headers=auth_headers)
    problem(unknown, 422, "validation_error")
