"""Errors as problem+json: the domain mapping table, 403, 422 in Chinese, a quiet 500."""

from __future__ import annotations

import inspect
from typing import Annotated

import httpx

import domain
from domain import DomainError, Operator, Role
from server._problems import DOMAIN_ERROR_STATUS, PROBLEM_KINDS
from server.auth import require_role


def _domain_error_classes() -> set[type[DomainError]]:
    found = {
        value
        for _, value in inspect.getmembers(domain, inspect.isclass)
        if issubclass(value, DomainError)
    }
    pending = list(found)
    while pending:  # subclasses not exported from `domain` count too
        for sub in pending.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                pending.append(sub)
    return found


def test_every_domain_error_has_its_own_status() -> None:
    classes = _domain_error_classes()
    assert len(classes) >= 9
    missing = sorted(cls.__name__ for cls in classes if cls not in DOMAIN_ERROR_STATUS)
    assert missing == []
    kinds = [cls.kind for cls in classes]
    assert len(kinds) == len(set(kinds)), "each domain error needs its own kind"
    titled = {code.name for code in PROBLEM_KINDS}
    assert set(kinds) <= titled, "each kind needs its title in the catalogue"
    for status in DOMAIN_ERROR_STATUS.values():
        assert 400 <= status < 500


async def test_role_refusal_is_a_403_problem(api_app, api_client: httpx.AsyncClient, auth_headers):
    async def reviewers_only(
        operator: Annotated[Operator, require_role(Role.REVIEWER, Role.ADMIN)],
    ) -> dict[str, str]:
        return {"ok": operator.username}

    api_app.add_api_route("/v1/test-reviewers-only", reviewers_only)
    response = await api_client.get("/v1/test-reviewers-only", headers=auth_headers)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:hqms:problem:forbidden"
    assert problem["detail"] == "此操作需要审核员、管理员权限，当前账号是坐席。"


async def test_malformed_json_body_is_a_422_problem(api_client: httpx.AsyncClient) -> None:
    response = await api_client.post(
        "/v1/auth/token", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:hqms:problem:validation_error"
    assert all(error["message"] for error in response.json()["errors"])


async def test_several_validation_errors_are_listed_by_field(
    api_client: httpx.AsyncClient,
) -> None:
    response = await api_client.post("/v1/auth/token", json={})
    problem = response.json()
    assert response.status_code == 422
    assert problem["detail"] == "请求中有多处内容不正确，请逐项更正。"
    assert [(e["field"], e["message"]) for e in problem["errors"]] == [
        ("username", "用户名不能为空，请填写。"),
        ("password", "密码不能为空，请填写。"),
    ]


async def test_unexpected_error_is_a_500_problem_without_internals(api_app) -> None:
    async def broken() -> None:
        raise RuntimeError("connection string postgresql://secret@db")

    api_app.add_api_route("/v1/test-broken", broken)
    transport = httpx.ASGITransport(app=api_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://hqms.test") as client:
        response = await client.get("/v1/test-broken")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:hqms:problem:internal_error"
    assert response.json()["detail"].startswith("服务内部错误")
    assert "secret" not in response.text
    assert "RuntimeError" not in response.text
