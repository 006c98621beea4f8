"""`GET /v1/health` and the problem+json answers of HTTP itself."""

from __future__ import annotations

from pathlib import Path

import httpx

from server import Settings, create_app


async def test_health_reports_the_database(api_client: httpx.AsyncClient) -> None:
    response = await api_client.get("/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"


async def test_health_is_503_problem_when_the_database_is_unreachable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    app = create_app(Settings(database_url=f"sqlite:///{blocker}/hqms.sqlite3"))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hqms.test") as client:
        response = await client.get("/v1/health")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:hqms:problem:unavailable"
    assert "数据库" in problem["detail"]
    assert str(tmp_path) not in response.text


async def test_unknown_route_is_a_404_problem(api_client: httpx.AsyncClient) -> None:
    response = await api_client.get("/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "urn:hqms:problem:not_found",
        "title": "未找到",
        "status": 404,
        "detail": "没有这个接口地址，请检查请求路径。",
        "code": "unknown_path",
        "params": {},
        "errors": [],
    }


async def test_wrong_method_is_a_405_problem(api_client: httpx.AsyncClient) -> None:
    response = await api_client.delete("/v1/health")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:hqms:problem:method_not_allowed"


async def test_openapi_describes_the_paths(api_client: httpx.AsyncClient) -> None:
    response = await api_client.get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/v1/health",
        "/v1/auth/token",
        "/v1/auth/logout",
        "/v1/applications",
        "/v1/applications/{application_id}",
        "/v1/applications/{application_id}/events",
        "/v1/codes/{code}",
        "/v1/regions",
    ):
        assert path in paths


async def test_openapi_documents_bearer_auth_and_search_parameters(
    api_client: httpx.AsyncClient,
) -> None:
    schema = (await api_client.get("/openapi.json")).json()
    assert schema["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    search = schema["paths"]["/v1/applications"]["get"]
    assert search["security"] == [{"bearer": []}]
    assert {p["name"] for p in search["parameters"]} >= {"phone", "code", "q", "status", "cursor"}
    assert "security" not in schema["paths"]["/v1/health"]["get"]
    assert "security" not in schema["paths"]["/v1/auth/token"]["post"]
