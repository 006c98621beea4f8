"""Drafts: start from a verified phone, save the form with If-Match, the admin's mobile only
through a new verification, existing-HQMS and second-open refusals, submit (DESIGN §2, §3)."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import insert

from domain import make_institution_code
from server.storage.tables import applications, form_revisions, hqms_registry, outbox
from tests.conftest import valid_form
from tests.server.call_helpers import problem as _problem
from tests.server.registration_helpers import (
    JPG,
    application_row,
    count,
    database,
    event_rows,
    outbox_rows,
    start_application,
    stored_form,
    upload,
    verified_token,
)

PHONE = "13600136000"
NEW_PHONE = "13500135000"


def _form_body(serial: int = 7, **changes: Any) -> dict[str, Any]:
    body = valid_form(serial, phone=PHONE, legal_rep_phone="13900139000").model_dump(mode="json")
    body.update(changes)
    return body


async def _put_form(
    client: httpx.AsyncClient, app_id: str, form: dict[str, Any], headers: dict[str, str], etag: str
) -> httpx.Response:
    return await client.put(
        f"/v1/applications/{app_id}/form", json=form, headers={**headers, "If-Match": etag}
    )


async def test_a_verified_phone_starts_a_draft_and_its_token_is_the_applicants_bearer(
    api_app, api_client: httpx.AsyncClient
) -> None:
    token = await verified_token(api_client, api_app, PHONE)
    created = await api_client.post("/v1/applications", json={"verification_token": token})
    assert created.status_code == 201
    body = created.json()
    assert created.headers["etag"] == '"1"'
    assert created.headers["location"] == f"/v1/applications/{body['id']}"
    assert (body["kind"], body["status"], body["revision"]) == ("new", "draft", 1)
    assert body["form"]["admin"]["mobile"] == "136****6000"
    assert application_row(api_app, body["id"]).admin_phone == PHONE
    read = await api_client.get(
        f"/v1/applications/{body['id']}", headers={"Authorization": f"Bearer {token}"}
    )
    assert read.status_code == 200 and read.headers["etag"] == '"1"'
    [event] = event_rows(api_app, body["id"])
    assert (event.action, event.actor) == ("created", "applicant")
    # Single use: the same token cannot start a second application.
    again = await api_client.post("/v1/applications", json={"verification_token": token})
    _problem(again, 409, "verification_used")
    assert count(api_app, applications) == 1


async def test_tokens_of_another_purpose_unknown_or_expired_start_nothing(
    api_app, api_client: httpx.AsyncClient, clock
) -> None:
    other_purpose = await verified_token(api_client, api_app, PHONE, "change_admin")
    response = await api_client.post("/v1/applications", json={"verification_token": other_purpose})
    assert "短信验证" in _problem(response, 422, "verification_failed")["detail"]
    unknown = await api_client.post("/v1/applications", json={"verification_token": "nope"})
    _problem(unknown, 422, "verification_failed")
    late = await verified_token(api_client, api_app, PHONE)
    clock.advance(minutes=31)
    expired = await api_client.post("/v1/applications", json={"verification_token": late})
    _problem(expired, 410, "verification_gone")
    assert count(api_app, applications) == 0


async def test_an_operator_starting_it_for_a_caller_is_the_recorded_actor(
    api_app, api_client: httpx.AsyncClient, auth_headers, operator_credentials
) -> None:
    token = await verified_token(api_client, api_app, PHONE)
    created = await api_client.post(
        "/v1/applications", json={"verification_token": token}, headers=auth_headers
    )
    assert created.status_code == 201
    [event] = event_rows(api_app, created.json()["id"])
    assert event.actor == operator_credentials.username


async def test_an_applicant_token_reaches_no_other_application(
    api_app, api_client: httpx.AsyncClient, make_application
) -> None:
    _, headers = await start_application(api_client, api_app, PHONE)
    other = make_application(status="draft")
    unknown = await api_client.get("/v1/applications/ZZZZ-ZZZZ", headers=headers)
    attempts = [
        await api_client.get(f"/v1/applications/{other}", headers=headers),
        await _put_form(api_client, other, _form_body(), headers, '"1"'),
        await api_client.post(
            f"/v1/applications/{other}/submit", headers={**headers, "If-Match": '"1"'}
        ),
        await upload(api_client, other, "license", headers),
    ]
    for response in attempts:
        body = _problem(response, 404, "not_found")
        assert body["detail"] == unknown.json()["detail"].replace("ZZZZ-ZZZZ", other)
    assert application_row(api_app, other).revision == 1
    search = await api_client.get(f"/v1/applications?phone={PHONE}", headers=headers)
    _problem(search, 403, "forbidden")


async def test_saving_the_form_keeps_masked_values_and_records_field_names(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    saved = await _put_form(api_client, app["id"], _form_body(), headers, '"1"')
    assert saved.status_code == 200, saved.text
    assert saved.headers["etag"] == '"2"' and saved.json()["revision"] == 2
    # Send the masked form back with one change: the masked values stay as they were.
    form = saved.json()["form"]
    form["address"]["street"] = "德政北路 2 号"
    again = await _put_form(api_client, app["id"], form, headers, '"2"')
    assert again.status_code == 200 and again.json()["revision"] == 3
    stored = stored_form(api_app, app["id"])
    assert stored["admin"] == {
        "name": "张晓梅",
        "mobile": PHONE,
        "email": "zhangxiaomei@example.com",
    }
    assert stored["legal_rep"]["mobile"] == "13900139000"
    events = event_rows(api_app, app["id"])
    assert [e.action for e in events] == ["created", "form_saved", "form_saved"]
    assert events[-1].params == {"fields": ["address.street"]}
    assert events[-1].detail == "修改了：地址（街道）"
    assert "张晓梅" not in events[1].detail and "admin.name" in events[1].params["fields"]
    # Saving the same form again changes nothing at all.
    same = await _put_form(api_client, app["id"], form, headers, '"3"')
    assert same.status_code == 200 and same.json()["revision"] == 3
    assert count(api_app, form_revisions, form_revisions.c.application_id == app["id"]) == 3


async def test_if_match_is_required_and_must_be_current(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    path = f"/v1/applications/{app['id']}/form"
    missing = await api_client.put(path, json=_form_body(), headers=headers)
    assert "If-Match" in _problem(missing, 428, "precondition_required")["detail"]
    stale = await _put_form(api_client, app["id"], _form_body(), headers, '"7"')
    _problem(stale, 412, "precondition_failed")
    assert stale.headers["etag"] == '"1"'
    for path_end in ("submit", "admin-mobile"):
        response = await api_client.post(
            f"/v1/applications/{app['id']}/{path_end}",
            json={"verification_token": "x"},
            headers=headers,
        )
        _problem(response, 428, "precondition_required")
    assert application_row(api_app, app["id"]).revision == 1
    assert count(api_app, form_revisions, form_revisions.c.application_id == app["id"]) == 1


async def test_the_admin_mobile_cannot_change_in_the_form(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    form = _form_body()
    form["admin"]["mobile"] = NEW_PHONE
    refused = await _put_form(api_client, app["id"], form, headers, '"1"')
    body = _problem(refused, 422, "field_invalid")
    assert body["errors"][0]["field"] == "admin.mobile"
    assert "更换数据管理员手机号" in body["detail"]
    assert application_row(api_app, app["id"]).revision == 1


async def test_the_code_is_normalized_and_checked_against_hqms_and_open_applications(
    api_app, api_client: httpx.AsyncClient, make_application
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    code = make_institution_code("45031234", "440104", "11", "A100", "1")
    typed = f"{code[:9].lower()}-{code[9:]}"
    saved = await _put_form(api_client, app["id"], _form_body(code=typed), headers, '"1"')
    assert saved.json()["form"]["code"] == code
    assert application_row(api_app, app["id"]).code == code

    other_code = make_institution_code("45035678", "440104", "11", "A100", "1")
    database(api_app).run_sync(
        lambda s: (
            s.execute(insert(hqms_registry).values(code=other_code[:9], name="某医院")),
            s.commit(),
        )
    )
    in_hqms = await _put_form(api_client, app["id"], _form_body(code=other_code), headers, '"2"')
    assert "HQMS" in _problem(in_hqms, 409, "already_in_hqms")["detail"]

    taken = make_institution_code("45039999", "440104", "11", "A100", "1")
    holder = make_application(
        status="pending", form=valid_form(99, phone="13300133000", legal_rep_phone="")
    )
    database(api_app).run_sync(
        lambda s: (
            s.execute(applications.update().where(applications.c.id == holder).values(code=taken)),
            s.commit(),
        )
    )
    second = await _put_form(api_client, app["id"], _form_body(code=taken), headers, '"2"')
    detail = _problem(second, 409, "conflict")["detail"]
    # The applicant learns that the institution has an open application, not its id.
    assert taken in detail and holder not in detail
    assert application_row(api_app, app["id"]).revision == 2
    assert application_row(api_app, app["id"]).code == code


async def test_only_drafts_take_a_form(
    api_app, api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    pending = make_application(status="pending")
    refused = await _put_form(api_client, pending, _form_body(), auth_headers, '"1"')
    assert "修改" in _problem(refused, 409, "transition_not_allowed")["detail"]


async def test_the_admin_mobile_changes_with_a_change_admin_verification(
    api_app, api_client: httpx.AsyncClient, auth_headers
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    register_token = await verified_token(api_client, api_app, NEW_PHONE)
    wrong = await api_client.post(
        f"/v1/applications/{app['id']}/admin-mobile",
        json={"verification_token": register_token},
        headers={**headers, "If-Match": '"1"'},
    )
    _problem(wrong, 422, "verification_failed")
    token = await verified_token(api_client, api_app, NEW_PHONE, "change_admin")
    changed = await api_client.post(
        f"/v1/applications/{app['id']}/admin-mobile",
        json={"verification_token": token},
        headers={**headers, "If-Match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["form"]["admin"]["mobile"] == "135****5000"
    assert changed.headers["etag"] == '"2"'
    assert application_row(api_app, app["id"]).admin_phone == NEW_PHONE
    found = await api_client.get(f"/v1/applications?phone={NEW_PHONE}", headers=auth_headers)
    assert [item["id"] for item in found.json()["items"]] == [app["id"]]
    [notice] = outbox_rows(api_app, outbox.c.purpose == "admin_changed")
    assert notice.recipient == PHONE and NEW_PHONE not in notice.body
    assert event_rows(api_app, app["id"])[-1].action == "admin_mobile_changed"


async def test_submit_lists_what_blocks_it_and_changes_nothing(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    blocked = await api_client.post(
        f"/v1/applications/{app['id']}/submit", headers={**headers, "If-Match": '"1"'}
    )
    errors = _problem(blocked, 422, "submit_blocked")["errors"]
    fields = {error["field"] for error in errors}
    assert {"name", "code", "files.info_form", "files.consent", "files.license"} <= fields
    assert application_row(api_app, app["id"]).status == "draft"


async def test_stale_stamped_forms_block_submit_until_uploaded_again(
    api_app, api_client: httpx.AsyncClient
) -> None:
    app, headers = await start_application(api_client, api_app, PHONE)
    app_id = app["id"]
    assert (await _put_form(api_client, app_id, _form_body(), headers, '"1"')).status_code == 200
    for kind in ("info_form", "consent", "license"):
        assert (
            await upload(api_client, app_id, kind, headers, content=JPG, filename="a.jpg")
        ).status_code == 201
    changed = _form_body(name="广州市第七人民医院（新院区）")
    assert (await _put_form(api_client, app_id, changed, headers, '"2"')).status_code == 200
    blocked = await api_client.post(
        f"/v1/applications/{app_id}/submit", headers={**headers, "If-Match": '"3"'}
    )
    errors = _problem(blocked, 422, "submit_blocked")["errors"]
    assert {(e["field"], e["code"]) for e in errors} == {
        ("files.info_form", "file_stale"),
        ("files.consent", "file_stale"),
    }
    assert application_row(api_app, app_id).status == "draft"
    detail = (await api_client.get(f"/v1/applications/{app_id}", headers=headers)).json()
    for scan in detail["files"]:
        if scan["kind"] != "license":
            assert scan["stale"] is True
            deleted = await api_client.delete(
                f"/v1/applications/{app_id}/files/{scan['id']}", headers=headers
            )
            assert deleted.status_code == 204
            assert (await upload(api_client, app_id, scan["kind"], headers)).status_code == 201
    submitted = await api_client.post(
        f"/v1/applications/{app_id}/submit", headers={**headers, "If-Match": '"3"'}
    )
    assert submitted.status_code == 200, submitted.text
    body = submitted.json()
    assert body["status"] == "pending" and body["submitted_at"] is not None
    assert submitted.headers["etag"] == '"4"'
    assert event_rows(api_app, app_id)[-1].action == "submitted"
    twice = await api_client.post(
        f"/v1/applications/{app_id}/submit", headers={**headers, "If-Match": '"4"'}
    )
    _problem(twice, 409, "transition_not_allowed")
