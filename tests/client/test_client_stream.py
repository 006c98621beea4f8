"""`watch_application`: the live stream, against the real API over a loopback socket, and
its reconnection against a stand-in server that drops the line on purpose.

The real API runs in uvicorn on a thread: `httpx.ASGITransport` collects a whole response
before returning it, so it cannot carry an endless event stream.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from cli._loopback import serve_in_thread
from client import (
    STREAM_LOST,
    STREAM_OPENED,
    CentralAPI,
    NotFoundError,
    StreamEvent,
    UnauthorizedError,
    watch_application,
)
from client._stream import _EventParser

WAIT = 5.0
"""Generous: the server polls every 0.25 s; a loaded CI machine must not fail the test."""


@pytest.fixture
def served_url(api_app: object) -> Iterator[str]:
    with serve_in_thread(api_app) as url:  # type: ignore[arg-type]
        yield url


@pytest.fixture
async def served(served_url: str, operator_token: str) -> AsyncIterator[CentralAPI]:
    async with CentralAPI(served_url, token=operator_token) as api:
        yield api


async def next_event(events: AsyncIterator[StreamEvent], *, within: float = WAIT) -> StreamEvent:
    return await asyncio.wait_for(anext(events), within)


async def test_a_change_through_the_api_arrives_as_a_changed_event(
    served: CentralAPI, served_url: str, operator_token: str, make_application
) -> None:
    application_id = make_application(status="pending")
    before = await served.get_application(application_id)
    events = watch_application(served, application_id)
    try:
        assert (await next_event(events)).event == STREAM_OPENED
        async with CentralAPI(served_url, token=operator_token) as other_operator:
            started = time.perf_counter()
            amended = await other_operator.amend(
                application_id, "来电要求修改", revision=before.revision
            )
            changed = await next_event(events)
            latency = time.perf_counter() - started
        assert changed.event == "changed"
        assert changed.revision == amended.revision
        assert isinstance(changed.data.get("event_id"), int | str)
        assert changed.id  # the server names the change, for Last-Event-ID on reconnect
        assert latency < 1.0
    finally:
        await events.aclose()  # type: ignore[attr-defined]


async def test_an_unknown_application_ends_the_watch_with_not_found(served: CentralAPI) -> None:
    events = watch_application(served, "ZZZZ-ZZZZ")
    with pytest.raises(NotFoundError):
        await next_event(events)


async def test_an_unknown_token_ends_the_watch_with_unauthorized(
    served_url: str, make_application
) -> None:
    application_id = make_application()
    async with CentralAPI(served_url, token="not-a-token") as stranger:
        with pytest.raises(UnauthorizedError):
            await next_event(watch_application(stranger, application_id))


# -- reconnection, against a stand-in that hangs up after each event ---------------------------


class DroppingServer:
    """Answers each stream request with one `changed` event, then ends the response;
    the first request after `refuse_next` is answered 503."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.refuse_next = 0

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.refuse_next:
            self.refuse_next -= 1
            return httpx.Response(503, json={"code": "unavailable", "detail": "维护中。"})
        number = len(self.requests)
        body = (
            f": connected\n\nid: w{number}\nevent: changed\n"
            f'data: {{"revision": {number},\ndata:  "event_id": {number}}}\n\n'
        )
        return httpx.Response(
            200, content=body.encode(), headers={"Content-Type": "text/event-stream"}
        )


async def test_the_watcher_reconnects_after_each_drop_and_sends_the_last_event_id() -> None:
    server = DroppingServer()
    transport = httpx.MockTransport(server.handle)
    async with CentralAPI("http://hqms.test", token="t", transport=transport) as api:
        events = watch_application(api, "HQ7K-M2XP", first_delay=0.01, max_delay=0.02)
        seen = [await next_event(events) for _ in range(6)]
        server.refuse_next = 1
        after_refusal = [await next_event(events) for _ in range(4)]
        await events.aclose()  # type: ignore[attr-defined]
    assert [e.event for e in seen] == [
        STREAM_OPENED,
        "changed",
        STREAM_LOST,
        STREAM_OPENED,
        "changed",
        STREAM_LOST,
    ]
    assert [e.revision for e in seen if e.event == "changed"] == [1, 2]
    assert seen[1].data == {"revision": 1, "event_id": 1}  # two data lines joined
    assert seen[2].data["reason"] is None  # the connection just ended
    assert "Last-Event-ID" not in server.requests[0].headers
    assert server.requests[1].headers["Last-Event-ID"] == "w1"
    assert server.requests[0].headers["Authorization"] == "Bearer t"
    # A 503 is a loss like any other (its sentence carried along), then the watch goes on.
    assert [e.event for e in after_refusal] == [STREAM_LOST, STREAM_OPENED, "changed", STREAM_LOST]
    refusal = after_refusal[0].data["reason"]
    assert refusal.status == 503 and "维护中" in refusal.detail


async def test_a_refused_connection_is_retried_with_growing_delays(closed_port: int) -> None:
    async with CentralAPI(f"http://127.0.0.1:{closed_port}") as api:
        events = watch_application(api, "HQ7K-M2XP", first_delay=0.01, max_delay=0.04)
        delays = [(await next_event(events)).data["retry_in"] for _ in range(4)]
        await events.aclose()  # type: ignore[attr-defined]
    assert delays == [0.01, 0.02, 0.04, 0.04]


def test_the_parser_ignores_comments_and_unknown_fields_and_keeps_plain_text() -> None:
    parser = _EventParser()
    lines = [": keep-alive", "", "retry: 1000", "event: note", "data: 你好", "", ""]
    events = [event for line in lines if (event := parser.feed(line)) is not None]
    assert events == [StreamEvent("note", {"text": "你好"})]
