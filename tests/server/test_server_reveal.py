"""`POST …/reveal`: one personal value in full, only in the operator's own open call about the
application, after the caller check (or a recorded reason), with a reason; audited, never the
value, never cached."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.server.call_helpers import (
    audit_rows,
    checked_call,
    operator_headers,
    problem,
    start_call,
)
from tests.server.review_helpers import applicant_headers

PHONE = "13800138000"
LEGAL_REP_PHONE = "13900139000"


@pytest.fixture
def approved(make_application) -> str:
    return str(make_application(status="approved", phone=PHONE, legal_rep_phone=LEGAL_REP_PHONE))


async def reveal(
    client: httpx.AsyncClient,
    app_id: str,
    headers: dict[str, str],
    call_id: str | None,
    *,
    field: str = "admin.mobile",
    reason: str = "来电人要核对登记的手机号",
) -> httpx.Response:
    call_header = {"X-HQMS-Call": call_id} if call_id else {}
    return await client.post(
        f"/v1/applications/{app_id}/reveal",
        json={"field": field, "reason": reason},
        headers={**headers, **call_header},
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("admin.mobile", PHONE),
        ("admin.email", "zhangxiaomei@example.com"),
        ("admin.name", "张晓梅"),
        ("legal_rep.mobile", LEGAL_REP_PHONE),
        ("legal_rep.name", "李建国"),
    ],
)
async def test_a_checked_caller_gets_one_value_in_full_and_the_reveal_is_audited(
    api_client: httpx.AsyncClient, api_app, auth_headers, approved, field: str, value: str
) -> None:
    call = await checked_call(api_client, api_app, auth_headers, approved, PHONE)
    response = await reveal(api_client, approved, auth_headers, call["id"], field=field)
    assert response.status_code == 200, response.text
    assert response.json() == {"field": field, "value": value}
    assert response.headers["cache-control"] == "no-store"
    [event] = audit_rows(api_app, "revealed")
    assert event.application_id == approved and event.call_id == call["id"]
    assert (
        event.detail.startswith("查看完整的") and "原因：来电人要核对登记的手机号" in event.detail
    )
    assert value not in event.detail


async def test_the_audit_line_names_the_field(
    api_client: httpx.AsyncClient, api_app, auth_headers, approved
) -> None:
    call = await checked_call(api_client, api_app, auth_headers, approved, PHONE)
    await reveal(api_client, approved, auth_headers, call["id"], reason="核对号码 13900139000")
    [event] = audit_rows(api_app, "revealed")
    assert event.params == {"field": "admin.mobile", "reason": "核对号码 139****9000"}
    assert event.detail == "查看完整的管理员手机，原因：核对号码 139****9000"


async def test_a_reveal_without_a_reason_is_refused(
    api_client: httpx.AsyncClient, api_app, auth_headers, approved
) -> None:
    call = await checked_call(api_client, api_app, auth_headers, approved, PHONE)
    for reason in ("", "   "):
        response = await reveal(api_client, approved, auth_headers, call["id"], reason=reason)
        body = problem(response, 422, "field_invalid")
        assert [error["field"] for error in body["errors"]] == ["reason"]
    assert audit_rows(api_app, "revealed") == []


async def test_a_reveal_without_a_caller_check_is_refused(
    api_client: httpx.AsyncClient, api_app, auth_headers, approved
) -> None:
    call = await start_call(api_client, auth_headers, phone=PHONE, application_id=approved)
    response = await reveal(api_client, approved, auth_headers, call["id"])
    body = problem(response, 409, "caller_not_checked")
    assert body["detail"] == "查看完整信息前请先核实来电人身份，或记录不核实的原因。"
    assert audit_rows(api_app, "revealed") == []


async def test_a_reveal_after_a_waived_check_works_and_says_so(
    api_client: httpx.AsyncClient, api_app, auth_headers, approved
) -> None:
    call = await start_call(api_client, auth_headers, phone=PHONE, application_id=approved)
    waived = await api_client.post(
        f"/v1/calls/{call['id']}/caller-check",
        json={"waived_reason": "来电人是院长本人，管理员休假"},
        headers=auth_headers,
    )
    assert waived.status_code == 200, waived.text
    response = await reveal(api_client, approved, auth_headers, call["id"], field="admin.email")
    assert response.status_code == 200, response.text
    [event] = audit_rows(api_app, "revealed_unchecked")
    assert event.detail == (
        "查看完整的管理员邮箱，原因：来电人要核对登记的手机号"
        "（来电人身份未核实：来电人是院长本人，管理员休假）"
    )


async def test_a_reveal_needs_the_operators_own_open_call_about_the_application(
    api_client: httpx.AsyncClient,
    api_app,
    auth_headers,
    approved,
    make_application,
    make_operator,
    clock,
) -> None:
    refusals: list[httpx.Response] = [await reveal(api_client, approved, auth_headers, None)]
    colleague = operator_headers(make_operator, username="wangfang")
    theirs = await checked_call(api_client, api_app, colleague, approved, PHONE)
    refusals.append(await reveal(api_client, approved, auth_headers, theirs["id"]))
    other_app = make_application(status="approved", phone="13700137000")
    elsewhere = await start_call(api_client, auth_headers, application_id=other_app)
    refusals.append(await reveal(api_client, approved, auth_headers, elsewhere["id"]))
    clock.advance(seconds=61)  # a new code to the same phone after a minute
    mine = await checked_call(api_client, api_app, auth_headers, approved, PHONE)
    ended = await api_client.post(
        f"/v1/calls/{mine['id']}/end", json={"wrap_up": "resolved"}, headers=auth_headers
    )
    assert ended.status_code == 200
    refusals.append(await reveal(api_client, approved, auth_headers, mine["id"]))
    refusals.append(await reveal(api_client, approved, auth_headers, "C-NOT-A-CALL"))
    for response in refusals:
        assert problem(response, 409, "call_required")["detail"].startswith(
            "请先开始通话并查到该申请"
        )
    assert audit_rows(api_app, "revealed") == []


async def test_only_the_listed_fields_can_be_revealed(
    api_client: httpx.AsyncClient, api_app, auth_headers, approved
) -> None:
    call = await checked_call(api_client, api_app, auth_headers, approved, PHONE)
    response = await reveal(api_client, approved, auth_headers, call["id"], field="code")
    problem(response, 422, "validation_error")
    unknown = await reveal(api_client, "ZZZZ-ZZZZ", auth_headers, call["id"])
    problem(unknown, 404, "not_found")


async def test_applicants_cannot_reveal(api_client: httpx.AsyncClient, api_app, approved) -> None:
    headers: dict[str, Any] = applicant_headers(api_app, approved, PHONE)
    problem(await reveal(api_client, approved, headers, None), 403, "forbidden")
