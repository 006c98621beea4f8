"""Messages as data on the wire (docs/messages.md): codes and params in every problem, sentences
in the language the request asks for, pydantic's errors mapped to our codes, and the codes
listed in /openapi.json."""

from __future__ import annotations

from typing import Any

import httpx

from domain import declared_codes, template


async def test_problems_carry_code_and_params_and_speak_the_asked_language(
    api_client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    url = "/v1/applications/ZZZZ-ZZZZ"
    chinese = await api_client.get(url, headers=auth_headers)
    english = await api_client.get(url, headers={**auth_headers, "Accept-Language": "en-US,en"})
    for response in (chinese, english):
        body = response.json()
        assert (response.status_code, body["type"]) == (404, "urn:hqms:problem:not_found")
        assert (body["code"], body["params"]) == (
            "no_such_application",
            {"application": "ZZZZ-ZZZZ"},
        )
        assert response.headers["vary"] == "Accept-Language"
    assert chinese.headers["content-language"] == "zh-CN"
    assert chinese.json()["detail"] == "没有编号为 ZZZZ-ZZZZ 的申请，请核对编号。"
    assert english.headers["content-language"] == "en"
    assert english.json()["title"] == "Not found"
    assert english.json()["detail"] == "There is no application ZZZZ-ZZZZ; check the number."


async def test_a_language_without_a_catalogue_gets_chinese(
    api_client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    headers = {**auth_headers, "Accept-Language": "fr-FR, de;q=0.8"}
    response = await api_client.get("/v1/applications/ZZZZ-ZZZZ", headers=headers)
    assert response.headers["content-language"] == "zh-CN"
    assert response.json()["detail"].startswith("没有编号为")
    weighted = {**auth_headers, "Accept-Language": "zh;q=0.5, en;q=0.9"}
    response = await api_client.get("/v1/applications/ZZZZ-ZZZZ", headers=weighted)
    assert response.headers["content-language"] == "en"


async def test_pydantic_errors_map_by_type_and_ctx_to_our_codes(
    api_client: httpx.AsyncClient, auth_headers: dict[str, str]
) -> None:
    response = await api_client.get(
        "/v1/applications",
        params={"limit": "0", "phone": "13800138000"},
        headers={**auth_headers, "Accept-Language": "en"},
    )
    body = response.json()
    assert (response.status_code, body["type"]) == (422, "urn:hqms:problem:validation_error")
    [error] = body["errors"]
    assert (error["code"], error["params"]) == ("value_too_small", {"field": "limit", "limit": 1})
    assert error["message"] == "Page size must be at least 1."
    missing = await api_client.post("/v1/auth/token", json={"username": "x"})
    [error] = missing.json()["errors"]
    assert (error["code"], error["params"]) == ("value_missing", {"field": "password"})
    assert error["message"] == "密码不能为空，请填写。"


async def test_form_problems_render_per_language_and_keep_what_was_typed(
    api_client: httpx.AsyncClient, auth_headers: dict[str, str], make_application: Any
) -> None:
    app_id = make_application(status="rejected", review_reason="修改")
    english = {**auth_headers, "Accept-Language": "en"}
    detail = (await api_client.get(f"/v1/applications/{app_id}", headers=english)).json()
    assert detail["review"]["reason"] == "修改"
    events = (await api_client.get(f"/v1/applications/{app_id}/events", headers=english)).json()
    [created] = events["items"]
    assert created["action"] == "created"
    assert created["detail"] == f"Started after SMS verification of {created['params']['phone']}"


async def test_openapi_lists_every_code_with_its_meaning(api_client: httpx.AsyncClient) -> None:
    schema = (await api_client.get("/openapi.json")).json()
    schemas = schema["components"]["schemas"]
    problem_codes = {code.name for code in declared_codes("problem")}
    for name in ("Problem", "ProblemDetail"):
        code = schemas[name]["properties"]["code"]
        assert set(code["enum"]) == problem_codes
        assert len(code["x-enum-descriptions"]) == len(code["enum"])
    detail = schemas["ProblemDetail"]["properties"]
    assert "urn:hqms:problem:conflict" in detail["type"]["enum"]
    assert (
        "- `no_such_application`: (application) There is no application"
        in (detail["code"]["description"])
    )
    actions = schemas["Event"]["properties"]["action"]["enum"]
    assert {"note", "rejected", "file_uploaded"} <= set(actions)
    assert all(template(f"event.{action}", "en") for action in actions)
