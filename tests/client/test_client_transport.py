"""Timeouts, retries and network failures, against fake transports and a closed port."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import client._api
from client import (
    ApiError,
    ApiTimeout,
    ApiUnavailable,
    CentralAPI,
    NotFoundError,
    UnauthorizedError,
)

HEALTH = {"status": "ok", "database": "ok", "version": "test"}


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client._api, "RETRY_DELAYS", (0.0, 0.0))


def counting(
    handler: Callable[[httpx.Request], httpx.Response],
) -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    return seen, httpx.MockTransport(record)


async def test_closed_port_gives_unavailable(closed_port: int) -> None:
    async with CentralAPI(f"http://127.0.0.1:{closed_port}", timeout=2) as api:
        with pytest.raises(ApiUnavailable) as caught:
            await api.health()
    assert (caught.value.code, caught.value.message) == ("unavailable", None)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


async def test_get_is_retried_after_refused_connection_then_succeeds() -> None:
    def flaky(request: httpx.Request) -> httpx.Response:
        if len(seen) < 3:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=HEALTH)

    seen, transport = counting(flaky)
    async with CentralAPI("http://api.test", transport=transport) as api:
        health = await api.health()
    assert health.status == "ok"
    assert len(seen) == 3


async def test_get_gives_up_after_bounded_attempts() -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    seen, transport = counting(refused)
    async with CentralAPI("http://api.test", transport=transport) as api:
        with pytest.raises(ApiUnavailable):
            await api.health()
    assert len(seen) == 1 + len(client._api.RETRY_DELAYS)


async def test_get_is_retried_on_503() -> None:
    def busy_then_ok(request: httpx.Request) -> httpx.Response:
        if len(seen) == 1:
            return httpx.Response(503, json={"code": "unavailable", "detail": "维护中。"})
        return httpx.Response(200, json=HEALTH)

    seen, transport = counting(busy_then_ok)
    async with CentralAPI("http://api.test", transport=transport) as api:
        await api.health()
    assert len(seen) == 2


async def test_post_without_idempotency_key_is_never_retried() -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    seen, transport = counting(refused)
    async with CentralAPI("http://api.test", transport=transport) as api:
        with pytest.raises(ApiUnavailable):
            await api.login("op", "secret")
    assert len(seen) == 1


async def test_timeout_is_not_retried_and_says_so() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    seen, transport = counting(slow)
    async with CentralAPI("http://api.test", transport=transport) as api:
        with pytest.raises(ApiTimeout) as caught:
            await api.health()
    assert len(seen) == 1
    assert caught.value.code == "timeout"
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


async def test_problem_answer_becomes_typed_error() -> None:
    def missing(request: httpx.Request) -> httpx.Response:
        body = {
            "title": "未找到",
            "status": 404,
            "detail": "没有编号为 HQ7K-M2XP 的申请。",
            "code": "not_found",
        }
        return httpx.Response(404, json=body, headers={"Content-Type": "application/problem+json"})

    _, transport = counting(missing)
    async with CentralAPI("http://api.test", transport=transport) as api:
        with pytest.raises(NotFoundError) as caught:
            await api.get_application("HQ7K-M2XP")
    assert caught.value.detail == "没有编号为 HQ7K-M2XP 的申请。"


async def test_answer_that_is_not_json_is_an_api_error() -> None:
    _, transport = counting(lambda request: httpx.Response(200, text="<html>proxy</html>"))
    async with CentralAPI("http://api.test", transport=transport) as api:
        with pytest.raises(ApiError) as caught:
            await api.health()
    assert caught.value.code == "bad_response"


async def test_path_segments_are_quoted() -> None:
    seen, transport = counting(lambda request: httpx.Response(404, json={"code": "not_found"}))
    async with CentralAPI("http://api.test", transport=transport) as api:
        with pytest.raises(NotFoundError):
            await api.check_code("../auth/token")
    assert seen[0].url.raw_path == b"/v1/codes/..%2Fauth%2Ftoken"


async def test_logout_forgets_the_token_even_when_the_server_is_gone() -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    _, transport = counting(refused)
    async with CentralAPI("http://api.test", token="t", transport=transport) as api:
        await api.logout()
        assert not api.signed_in


async def test_unauthorized_answer() -> None:
    def expired(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            401, json={"code": "unauthorized", "detail": "登录已过期，请重新登录。"}
        )

    seen, transport = counting(expired)
    async with CentralAPI("http://api.test", token="abc", transport=transport) as api:
        with pytest.raises(UnauthorizedError):
            await api.search_applications(phone="13800138000")
    assert seen[0].headers["Authorization"] == "Bearer abc"
    assert seen[0].url.params["phone"] == "13800138000"


@pytest.mark.parametrize(("language", "header"), [("zh_CN", "zh-CN"), ("en", "en")])
async def test_the_client_asks_for_sentences_in_its_language(language: str, header: str) -> None:
    seen, transport = counting(lambda request: httpx.Response(200, json=HEALTH))
    async with CentralAPI("http://api.test", transport=transport, language=language) as api:
        await api.health()
    assert seen[0].headers["Accept-Language"] == header
