"""`POST …/notes`: call notes in the application's timeline, with the call they were written in,
numbers and emails masked, no If-Match needed."""

from __future__ import annotations

import httpx
import pytest

from tests.server.call_helpers import audit_rows, operator_headers, problem, start_call
from tests.server.review_helpers import applicant_headers

PHONE = "13800138000"


@pytest.fixture
def app_id(make_application) -> str:
    return str(make_application(status="pending", phone=PHONE))


async def add_note(
    client: httpx.AsyncClient, app_id: str, headers: dict[str, str], text: str
) -> httpx.Response:
    return await client.post(
        f"/v1/applications/{app_id}/notes", json={"text": text}, headers=headers
    )


async def test_a_note_joins_the_timeline_under_its_call(
    api_client: httpx.AsyncClient, api_app, auth_headers, operator_credentials, app_id
) -> None:
    call = await start_call(api_client, auth_headers, phone=PHONE, application_id=app_id)
    in_call = {**auth_headers, "X-HQMS-Call": call["id"]}
    response = await add_note(api_client, app_id, in_call, "  对方下午补传执业许可证  ")
    assert response.status_code == 201, response.text
    note = response.json()
    assert note["action"] == "note" and note["actor"] == operator_credentials.username
    assert note["params"] == {"text": "对方下午补传执业许可证"}
    assert note["detail"] == "备注：对方下午补传执业许可证"
    assert note["call_id"] == call["id"] and note["changes"] == []
    events = await api_client.get(f"/v1/applications/{app_id}/events", headers=auth_headers)
    assert events.json()["items"][-1] == note


async def test_numbers_and_emails_in_a_note_are_stored_masked(
    api_client: httpx.AsyncClient, api_app, auth_headers, app_id
) -> None:
    text = "请回电 13800138000 或 +86 139-0013-9000，邮件发 li.ming@example.com"
    response = await add_note(api_client, app_id, auth_headers, text)
    masked = "请回电 138****8000 或 139****9000，邮件发 l***@example.com"
    assert response.json()["params"] == {"text": masked}
    [row] = audit_rows(api_app, "note")
    for secret in ("13800138000", "13900139000", "0013-9000", "li.ming"):
        assert secret not in row.detail


async def test_a_note_without_a_call_or_with_someone_elses_records_no_call(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_operator, app_id
) -> None:
    plain = await add_note(api_client, app_id, auth_headers, "回访：已收到材料")
    assert plain.json()["call_id"] is None
    colleague = operator_headers(make_operator, username="wangfang")
    theirs = await start_call(api_client, colleague, application_id=app_id)
    borrowed = {**auth_headers, "X-HQMS-Call": theirs["id"]}
    assert (await add_note(api_client, app_id, borrowed, "借用通话")).json()["call_id"] is None


async def test_empty_long_and_misplaced_notes_are_refused(
    api_client: httpx.AsyncClient, api_app, auth_headers, app_id
) -> None:
    blank = await add_note(api_client, app_id, auth_headers, "   ")
    assert problem(blank, 422, "field_invalid")["errors"][0]["field"] == "text"
    long = await add_note(api_client, app_id, auth_headers, "字" * 1001)
    assert problem(long, 422, "validation_error")["errors"][0]["field"] == "text"
    assert (await add_note(api_client, app_id, auth_headers, "字" * 1000)).status_code == 201
    problem(await add_note(api_client, "ZZZZ-ZZZZ", auth_headers, "备注"), 404, "not_found")
    applicant = applicant_headers(api_app, app_id, PHONE)
    problem(await add_note(api_client, app_id, applicant, "申请人备注"), 403, "forbidden")
    assert len(audit_rows(api_app, "note")) == 1
