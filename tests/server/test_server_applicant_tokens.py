"""Applicant tokens after the admin's mobile changes, and what conflicts tell applicants
(security review): the old number's tokens stop working, the token that verified the new
number takes their place, and an applicant never learns another application's id."""

from __future__ import annotations

import httpx

from tests.server.registration_helpers import start_application, verified_token
from tests.server.review_helpers import applicant_headers, database_of, if_match, unmasked_form

OLD_PHONE = "13600136000"
NEW_PHONE = "13500135000"


async def test_after_a_new_admin_mobile_only_its_token_opens_the_application(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, old_headers = await start_application(api_client, api_app, OLD_PHONE)
    second_old = applicant_headers(api_app, app["id"], OLD_PHONE)
    token = await verified_token(api_client, api_app, NEW_PHONE, "change_admin")
    changed = await api_client.post(
        f"/v1/applications/{app['id']}/admin-mobile",
        json={"verification_token": token},
        headers={**old_headers, "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    for headers in (old_headers, second_old):
        refused = await api_client.get(f"/v1/applications/{app['id']}", headers=headers)
        assert refused.status_code == 401, refused.text
    new_headers = {"Authorization": f"Bearer {token}"}
    read = await api_client.get(f"/v1/applications/{app['id']}", headers=new_headers)
    assert read.status_code == 200, read.text
    assert read.json()["form"]["admin"]["mobile"] == "135****5000"


async def test_an_applicants_amend_conflict_does_not_name_the_other_application(
    api_app, api_client: httpx.AsyncClient, make_application, auth_headers
) -> None:
    database = database_of(api_app)
    rejected = make_application(status="rejected", phone=OLD_PHONE)
    newer = make_application(
        status="draft", phone=NEW_PHONE, form=unmasked_form(database, rejected)
    )
    own = applicant_headers(api_app, rejected, OLD_PHONE)
    refused = await api_client.post(
        f"/v1/applications/{rejected}/amend", json={}, headers=if_match(1, own)
    )
    assert refused.status_code == 409, refused.text
    assert newer not in refused.json()["detail"]
    assert "未完成的申请" in refused.json()["detail"]
    # An operator is told which one it is.
    told = await api_client.post(
        f"/v1/applications/{rejected}/amend", json={}, headers=if_match(1, auth_headers)
    )
    assert told.status_code == 409 and newer in told.json()["detail"]
