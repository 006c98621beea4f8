"""The refusals issue 5 names for 修改 / 变更资料 and the review: amend from `draft`, a second
变更资料 while one is open, an operator (not a reviewer) approving. Each refusal answers with a
sentence and changes nothing: no revision, no application, no account change, no event."""

from __future__ import annotations

import httpx

from server.storage.tables import applications
from tests.server.call_helpers import problem
from tests.server.registration_helpers import count
from tests.server.review_helpers import (
    account_row,
    database_of,
    event_actions,
    if_match,
    save_form,
    unmasked_form,
)

PHONE = "13800138000"


def _detail(response: httpx.Response, status: int, code: str) -> str:
    return str(problem(response, status, code)["detail"])


async def test_amend_from_draft_is_refused_saying_to_edit_directly(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    app_id = make_application(status="draft", phone=PHONE)
    before = event_actions(database_of(api_app), app_id)
    refused = await api_client.post(
        f"/v1/applications/{app_id}/amend",
        json={"reason": "来电要求更正地址"},
        headers=if_match(1, auth_headers),
    )
    assert "直接修改资料" in _detail(refused, 409, "transition_not_allowed")
    after = (await api_client.get(f"/v1/applications/{app_id}", headers=auth_headers)).json()
    assert (after["status"], after["revision"]) == ("draft", 1)
    assert "amend" not in after["actions"]
    assert event_actions(database_of(api_app), app_id) == before


async def test_a_second_change_while_one_is_open_is_refused(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    database = database_of(api_app)
    parent = make_application(status="approved", phone=PHONE)
    first = await api_client.post(
        f"/v1/applications/{parent}/amend", json={}, headers=if_match(1, auth_headers)
    )
    assert first.status_code == 201, first.text
    # Still open once submitted: pending counts as much as draft.
    save_form(database, first.json()["id"], unmasked_form(database, parent), status="pending")
    events_before = event_actions(database, parent)
    second = await api_client.post(
        f"/v1/applications/{parent}/amend", json={}, headers=if_match(2, auth_headers)
    )
    assert "未完成的变更资料申请" in _detail(second, 409, "transition_not_allowed")
    assert count(api_app, applications, applications.c.kind == "change") == 1
    assert event_actions(database, parent) == events_before
    parent_now = (await api_client.get(f"/v1/applications/{parent}", headers=auth_headers)).json()
    assert parent_now["revision"] == 2 and "amend" not in parent_now["actions"]


async def test_an_operator_cannot_approve_a_change_of_an_account(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    database = database_of(api_app)
    parent = make_application(status="approved", phone=PHONE)
    change = (
        await api_client.post(
            f"/v1/applications/{parent}/amend", json={}, headers=if_match(1, auth_headers)
        )
    ).json()
    form = unmasked_form(database, change["id"])
    form.admin.mobile, form.admin.email = "13600136000", "lisi@example.com"
    save_form(database, change["id"], form, status="pending", admin_phone="13600136000")
    account_before = account_row(database, change["account"]["id"])
    refused = await api_client.post(
        f"/v1/applications/{change['id']}/approve", json={}, headers=if_match(2, auth_headers)
    )
    detail = _detail(refused, 403, "forbidden")
    assert "审核员" in detail and "坐席" in detail
    assert account_row(database, change["account"]["id"]) == account_before
    status = (await api_client.get(f"/v1/applications/{change['id']}", headers=auth_headers)).json()
    assert (status["status"], status["revision"]) == ("pending", 2)
    assert event_actions(database, change["id"]) == ["change_created"]
