"""`GET /v1/applications/{id}` and `…/events`: masked form, problems, actions, ETag."""

from __future__ import annotations

import httpx

from domain import Address, Admin, Form, Person
from server.services.call_record import NOTE
from server.services.drafts import SUBMITTED


async def test_detail_masks_personal_data_and_carries_an_etag(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    application_id = make_application(status="pending")
    response = await api_client.get(f"/v1/applications/{application_id}", headers=auth_headers)
    assert response.status_code == 200
    assert response.headers["etag"] == '"1"'
    body = response.json()
    assert body["id"] == application_id
    assert body["status"] == "pending"
    assert body["revision"] == 1
    form = body["form"]
    assert form["admin"] == {
        "name": "张**",
        "mobile": "138****8000",
        "email": "z***@example.com",
    }
    assert form["legal_rep"] == {"name": "李**", "mobile": "139****9000"}
    assert form["name"].startswith("广州市第")  # institution data is not personal
    assert form["address"]["district"] == "440104"
    assert body["problems"] == []
    assert body["actions"] == ["amend", "approve", "reject", "send_documents"]
    assert body["account"] is None
    assert body["review"] is None


async def test_draft_lists_what_blocks_submit(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    incomplete = Form(
        name="海珠区某某诊所",
        address=Address(province="440000"),
        legal_rep=Person(name="李建国"),
        admin=Admin(name="张晓梅", mobile="13800138000"),
    )
    application_id = make_application(form=incomplete)
    body = (
        await api_client.get(f"/v1/applications/{application_id.lower()}", headers=auth_headers)
    ).json()
    fields = {problem["field"] for problem in body["problems"]}
    assert {"opened_on", "code", "files.info_form", "files.consent", "files.license"} <= fields
    assert all(problem["message"].endswith("。") for problem in body["problems"])
    assert "submit" in body["actions"]
    assert "save_form" in body["actions"]


async def test_approved_shows_account_review_and_change_action(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    approved = make_application(status="approved")
    body = (await api_client.get(f"/v1/applications/{approved}", headers=auth_headers)).json()
    assert body["account"]["login_name"].startswith("hq")
    assert body["review"]["reviewer"] == "reviewer"
    assert "amend" in body["actions"]
    make_application(status="draft", kind="change", parent_id=approved, with_account=False)
    again = (await api_client.get(f"/v1/applications/{approved}", headers=auth_headers)).json()
    assert "amend" not in again["actions"]  # at most one open change per account


async def test_rejected_carries_the_reason(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    rejected = make_application(status="rejected", review_reason="执业许可证扫描件不清晰")
    body = (await api_client.get(f"/v1/applications/{rejected}", headers=auth_headers)).json()
    assert body["review"]["reason"] == "执业许可证扫描件不清晰"


async def test_unknown_application_is_a_404_problem(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    for path in ("/v1/applications/ZZZZ-ZZZZ", "/v1/applications/ZZZZ-ZZZZ/events"):
        response = await api_client.get(path, headers=auth_headers)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "urn:hqms:problem:not_found"
        assert "ZZZZ-ZZZZ" in response.json()["detail"]


async def test_events_are_the_timeline_oldest_first(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    application_id = make_application(
        status="pending",
        events=[("applicant", SUBMITTED()), ("zhangli", NOTE(text="来电询问进度"))],
    )
    response = await api_client.get(
        f"/v1/applications/{application_id}/events", headers=auth_headers
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["action"] for item in items] == ["created", "submitted", "note"]
    assert items[2] == {
        "id": items[2]["id"],
        "at": items[2]["at"],
        "actor": "zhangli",
        "action": "note",
        "params": {"text": "来电询问进度"},
        "detail": "备注：来电询问进度",
        "changes": [],
        "call_id": None,
    }
