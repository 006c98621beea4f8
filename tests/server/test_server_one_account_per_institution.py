"""One account per institution (security review): a new application for an institution that
already has an account is refused when its code is saved, and again at approval."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from server.storage.tables import accounts, outbox
from tests.conftest import valid_form
from tests.server.registration_helpers import application_row, start_application
from tests.server.review_helpers import (
    account_row,
    count,
    database_of,
    event_actions,
    headers_for,
    if_match,
    outbox_rows,
)

PHONE = "13600136000"
HAS_ACCOUNT = "该医疗机构已开通账号，如需修改资料请办理“变更资料”。"


@pytest.fixture
def reviewer(api_app: Any, make_operator: Any) -> dict[str, str]:
    return headers_for(api_app, make_operator, username="wangshen", role="reviewer")


async def test_a_new_draft_cannot_take_the_code_of_an_institution_with_an_account(
    api_app, api_client: httpx.AsyncClient, make_application
) -> None:
    approved = make_application(status="approved", phone="13300133000")
    institution = valid_form(1, phone="13300133000", legal_rep_phone="13900139000")
    account_id = application_row(api_app, approved).account_id
    login_name = account_row(database_of(api_app), account_id).login_name
    app, headers = await start_application(api_client, api_app, PHONE)
    form = valid_form(1, phone=PHONE, legal_rep_phone="13900139000").model_dump(mode="json")
    assert form["code"] == institution.code
    refused = await api_client.put(
        f"/v1/applications/{app['id']}/form", json=form, headers={**headers, "If-Match": '"1"'}
    )
    assert refused.status_code == 409, refused.text
    body = refused.json()
    assert (body["type"], body["detail"]) == ("urn:hqms:problem:conflict", HAS_ACCOUNT)
    assert login_name not in body["detail"] and approved not in body["detail"]
    row = application_row(api_app, app["id"])
    assert row.revision == 1 and not row.code  # nothing saved
    # Another institution's code is fine.
    other = valid_form(2, phone=PHONE, legal_rep_phone="13900139000").model_dump(mode="json")
    saved = await api_client.put(
        f"/v1/applications/{app['id']}/form", json=other, headers={**headers, "If-Match": '"1"'}
    )
    assert saved.status_code == 200, saved.text


async def test_approval_refuses_a_second_account_and_changes_nothing(
    api_app, api_client: httpx.AsyncClient, make_application, reviewer: dict[str, str]
) -> None:
    database = database_of(api_app)
    first = make_application(status="approved", phone="13300133000")
    account_id = application_row(api_app, first).account_id
    login_name = account_row(database, account_id).login_name
    # A pending application of the same institution, e.g. saved before the first approval.
    same = valid_form(1, phone=PHONE, legal_rep_phone="13900139000")
    second = make_application(status="pending", phone=PHONE, form=same)
    assert application_row(api_app, second).code == application_row(api_app, first).code
    before = event_actions(database, second)
    refused = await api_client.post(
        f"/v1/applications/{second}/approve", json={}, headers=if_match(1, reviewer)
    )
    assert refused.status_code == 409, refused.text
    body = refused.json()
    assert body["type"] == "urn:hqms:problem:conflict"
    assert body["detail"] == (
        f"该医疗机构已开通账号（登录名 {login_name}），如需修改资料请办理“变更资料”。"
    )
    row = application_row(api_app, second)
    assert (row.status, row.revision, row.account_id) == ("pending", 1, None)
    assert count(database, accounts) == 1
    assert count(database, outbox) == 0 and outbox_rows(database, second) == []
    assert event_actions(database, second) == before
