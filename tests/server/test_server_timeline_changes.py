"""The timeline says what changed, field by field, before → after, with personal values masked:
saving the form, changing the administrator's mobile, approving a change of an account."""

from __future__ import annotations

from typing import Any

import httpx

from tests.server.registration_helpers import start_application, verified_token
from tests.server.review_helpers import (
    REVIEWER,
    database_of,
    headers_for,
    if_match,
    save_form,
    unmasked_form,
)

PHONE = "13600136000"
NEW_PHONE = "13500135000"


async def _timeline(
    client: httpx.AsyncClient, app_id: str, headers: dict[str, str]
) -> list[dict[str, Any]]:
    response = await client.get(f"/v1/applications/{app_id}/events", headers=headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_saving_the_form_records_each_field_before_and_after_masked(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    app_id = make_application(status="draft", phone=PHONE, legal_rep_phone="13900139000")
    form = unmasked_form(database_of(api_app), app_id)
    form.address.street = "德政北路 2 号"
    form.subjects = ["内科", "外科", "儿科"]
    form.legal_rep.mobile = "13911112222"
    form.admin.name = "欧阳娜娜"
    form.admin.email = "ouyang@example.com"
    saved = await api_client.put(
        f"/v1/applications/{app_id}/form",
        json=form.model_dump(mode="json"),
        headers=if_match(1, auth_headers),
    )
    assert saved.status_code == 200, saved.text
    [event] = [e for e in await _timeline(api_client, app_id, auth_headers) if e["changes"]]
    assert event["action"] == "form_saved"
    assert event["changes"] == [
        {"field": "address.street", "before": "德政北路 1 号", "after": "德政北路 2 号"},
        {"field": "subjects", "before": "内科、外科", "after": "内科、外科、儿科"},
        {"field": "legal_rep.mobile", "before": "139****9000", "after": "139****2222"},
        {"field": "admin.name", "before": "张**", "after": "欧阳**"},
        {"field": "admin.email", "before": "z***@example.com", "after": "o***@example.com"},
    ]
    text = str(event)
    for secret in ("13911112222", "13900139000", "欧阳娜娜", "ouyang@", "zhangxiaomei@"):
        assert secret not in text


async def test_a_new_admin_mobile_shows_before_and_after_masked(
    api_app, api_client: httpx.AsyncClient, auth_headers
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    token = await verified_token(api_client, api_app, NEW_PHONE, "change_admin")
    changed = await api_client.post(
        f"/v1/applications/{app['id']}/admin-mobile",
        json={"verification_token": token},
        headers=if_match(1, headers),
    )
    assert changed.status_code == 200, changed.text
    event = (await _timeline(api_client, app["id"], auth_headers))[-1]
    assert event["action"] == "admin_mobile_changed"
    assert event["changes"] == [
        {"field": "admin.mobile", "before": "136****6000", "after": "135****5000"}
    ]


async def test_approving_a_change_records_the_accounts_data_before_and_after(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_operator, make_application
) -> None:
    database = database_of(api_app)
    parent = make_application(status="approved", phone=PHONE)
    change = await api_client.post(
        f"/v1/applications/{parent}/amend", json={}, headers=if_match(1, auth_headers)
    )
    assert change.status_code == 201, change.text
    change_id = change.json()["id"]
    form = unmasked_form(database, change_id)
    form.name = "广州市越秀区新名称医院"
    form.admin.mobile, form.admin.email = NEW_PHONE, "lisi@example.com"
    save_form(database, change_id, form, status="pending", admin_phone=NEW_PHONE)
    reviewer = headers_for(api_app, make_operator, username=REVIEWER, role="reviewer")
    approved = await api_client.post(
        f"/v1/applications/{change_id}/approve", json={}, headers=if_match(2, reviewer)
    )
    assert approved.status_code == 200, approved.text
    [event] = [
        e
        for e in await _timeline(api_client, change_id, auth_headers)
        if e["action"].startswith("change_approved")
    ]
    assert event["actor"] == REVIEWER
    assert event["changes"] == [
        {"field": "name", "before": "广州市第1人民医院", "after": "广州市越秀区新名称医院"},
        {"field": "admin.mobile", "before": "136****6000", "after": "135****5000"},
        {"field": "admin.email", "before": "z***@example.com", "after": "l***@example.com"},
    ]
    assert NEW_PHONE not in str(event) and "lisi@" not in str(event)
