"""`GET …/change-preview`: what approving a change application will do to its account, before
a reviewer decides — the fields changing (masked), whether the administrator changes, who
receives the email and the SMS."""

from __future__ import annotations

import httpx

from tests.server.review_helpers import applicant_headers, pending_change

PHONE = "13600136000"
NEW_PHONE = "13500135000"


async def test_a_new_administrator_means_a_reset_and_says_who_is_told(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    parent = make_application(status="approved", phone=PHONE)
    change_id = await pending_change(
        api_client, api_app, auth_headers, parent, mobile=NEW_PHONE, email="lisi@example.com"
    )
    response = await api_client.get(
        f"/v1/applications/{change_id}/change-preview", headers=auth_headers
    )
    assert response.status_code == 200, response.text
    preview = response.json()
    account = (await api_client.get(f"/v1/applications/{parent}", headers=auth_headers)).json()
    assert preview == {
        "application_id": change_id,
        "account": account["account"],
        "changes": [
            {"field": "name", "before": "广州市第1人民医院", "after": "广州市越秀区新名称医院"},
            {"field": "admin.mobile", "before": "136****6000", "after": "135****5000"},
            {"field": "admin.email", "before": "z***@example.com", "after": "l***@example.com"},
        ],
        "admin_changed": True,
        "admin_fields": ["admin.mobile", "admin.email"],
        "notify_email": "l***@example.com",
        "notify_phone": "135****5000",
    }


async def test_the_same_administrator_keeps_the_password_and_gets_no_sms(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    parent = make_application(status="approved", phone=PHONE)
    change_id = await pending_change(api_client, api_app, auth_headers, parent)
    preview = (
        await api_client.get(f"/v1/applications/{change_id}/change-preview", headers=auth_headers)
    ).json()
    assert preview["admin_changed"] is False
    assert [c["field"] for c in preview["changes"]] == ["name"]
    assert (preview["notify_email"], preview["notify_phone"]) == ("z***@example.com", "")


async def test_only_a_change_application_has_a_preview_and_only_operators_see_it(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    pending = make_application(status="pending", phone=PHONE)
    refused = await api_client.get(
        f"/v1/applications/{pending}/change-preview", headers=auth_headers
    )
    assert refused.status_code == 409
    body = refused.json()
    assert body["type"] == "urn:hqms:problem:not_a_change" and body["detail"].endswith("。")
    unknown = await api_client.get(
        "/v1/applications/ZZZZ-ZZZZ/change-preview", headers=auth_headers
    )
    assert unknown.status_code == 404
    applicant = applicant_headers(api_app, pending, PHONE)
    own = await api_client.get(f"/v1/applications/{pending}/change-preview", headers=applicant)
    assert own.status_code == 403
