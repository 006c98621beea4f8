"""`GET /v1/applications`: by phone (the hotline's main key), code, text, status; paging."""

from __future__ import annotations

from datetime import timedelta

import httpx

CALLER = "13800138000"


async def search(client: httpx.AsyncClient, headers: dict[str, str], **params: object):
    response = await client.get("/v1/applications", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_phone_finds_admin_legal_rep_and_account_matches(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    as_admin = make_application(phone=CALLER)
    as_legal_rep = make_application(phone="13700137000", legal_rep_phone=CALLER)
    # An approved application whose account is now administered from the caller's phone.
    via_account = make_application(status="approved", phone="13600136000", account_phone=CALLER)
    make_application(phone="13500135000")  # someone else

    page = await search(api_client, auth_headers, phone="+86 138-0013-8000")
    ids = [item["id"] for item in page["items"]]
    assert sorted(ids) == sorted([as_admin, as_legal_rep, via_account])
    assert ids == [via_account, as_legal_rep, as_admin]  # newest change first
    assert page["next_cursor"] is None
    summary = next(item for item in page["items"] if item["id"] == as_admin)
    assert summary["phone"] == "138****8000"
    assert summary["status"] == "draft"
    assert summary["kind"] == "new"
    approved = next(item for item in page["items"] if item["id"] == via_account)
    assert approved["account"]["login_name"].startswith("hq")


async def test_bad_phone_is_a_422_problem_with_a_sentence(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    response = await api_client.get(
        "/v1/applications", params={"phone": "1380013800"}, headers=auth_headers
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:hqms:problem:field_invalid"
    assert problem["detail"] == "手机号码应为 11 位数字，当前只有 10 位。"
    assert problem["errors"][0]["field"] == "phone"


async def test_code_matches_normalized_and_by_organization_code(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    wanted = make_application(status="pending")
    make_application()
    detail = await api_client.get(f"/v1/applications/{wanted}", headers=auth_headers)
    code = detail.json()["form"]["code"]
    written = f"{code[:9]}-{code[9:]}".lower()
    assert [i["id"] for i in (await search(api_client, auth_headers, code=written))["items"]] == [
        wanted
    ]
    by_org = await search(api_client, auth_headers, code=f"{code[:8]}-{code[8]}")
    assert [item["id"] for item in by_org["items"]] == [wanted]


async def test_text_matches_name_or_id_and_escapes_wildcards(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    first = make_application()  # 广州市第1人民医院
    second = make_application()  # 广州市第2人民医院
    found = await search(api_client, auth_headers, q="第2人民")
    assert [item["id"] for item in found["items"]] == [second]
    by_id = await search(api_client, auth_headers, q=first.lower()[:4])
    assert first in [item["id"] for item in by_id["items"]]
    assert (await search(api_client, auth_headers, q="%"))["items"] == []


async def test_status_filter_accepts_several(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    draft = make_application(status="draft")
    pending = make_application(status="pending")
    make_application(status="rejected")
    page = await search(api_client, auth_headers, status=["draft", "pending"])
    assert sorted(item["id"] for item in page["items"]) == sorted([draft, pending])
    bad = await api_client.get("/v1/applications", params={"status": "lost"}, headers=auth_headers)
    assert bad.status_code == 422
    assert bad.json()["type"] == "urn:hqms:problem:validation_error"
    assert bad.json()["errors"][0]["field"] == "status.0"


async def test_cursor_pages_through_everything_once(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    same_moment = make_application.base_time + timedelta(hours=1)
    created = [make_application(phone=CALLER, updated_at=same_moment) for _ in range(3)]
    created += [make_application(phone=CALLER) for _ in range(4)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, object] = {"phone": CALLER, "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = await search(api_client, auth_headers, **params)
        seen += [item["id"] for item in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 4
    assert sorted(seen) == sorted(created)
    assert len(seen) == len(set(seen))
    assert seen[:3] == sorted(created[:3])  # ties on updated_at ordered by id


async def test_bad_cursor_and_limit_are_422_problems(
    api_client: httpx.AsyncClient, auth_headers
) -> None:
    bad_cursor = await api_client.get(
        "/v1/applications", params={"cursor": "not-a-cursor"}, headers=auth_headers
    )
    assert bad_cursor.status_code == 422
    assert bad_cursor.json()["detail"] == "翻页位置无效，请从第一页重新查询。"
    bad_limit = await api_client.get(
        "/v1/applications", params={"limit": "0"}, headers=auth_headers
    )
    assert bad_limit.status_code == 422
    assert bad_limit.json()["errors"] == [
        {
            "field": "limit",
            "code": "value_too_small",
            "params": {"field": "limit", "limit": 1},
            "message": "每页条数应不小于 1。",
            "warning": False,
        }
    ]
