"""`GET …/stream` over a real loopback socket (uvicorn in a thread): an `event: changed`
arrives within a second of a change made by another connection (as another server process
would), keep-alives flow, a reconnect names what it missed, and a closed client ends the
stream (the server then shuts down without waiting)."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from server.routes import stream as stream_route
from server.services.call_record import NOTE
from server.storage.writes import add_event
from tests.server.review_helpers import applicant_headers, database_of, headers_for, if_match

PHONE = "13800138000"
CHANGES = 12


class Listener:
    """Reads one stream in a task; `events` receives (arrival time, event name, data)."""

    def __init__(self) -> None:
        self.events: asyncio.Queue[tuple[float, str, dict[str, Any]]] = asyncio.Queue()
        self.comments: list[str] = []
        self.opened = asyncio.Event()

    async def run(self, client: httpx.AsyncClient, path: str, headers: dict[str, str]) -> None:
        async with client.stream("GET", path, headers=headers) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            self.opened.set()
            name, data = "", ""
            async for line in response.aiter_lines():
                if line.startswith(":"):
                    self.comments.append(line)
                elif line.startswith("event:"):
                    name = line.partition(":")[2].strip()
                elif line.startswith("data:"):
                    data = line.partition(":")[2].strip()
                elif line == "" and name:
                    await self.events.put((time.monotonic(), name, json.loads(data)))
                    name, data = "", ""


@pytest.fixture
async def listen(served_url: str) -> AsyncIterator[Any]:
    tasks: list[asyncio.Task[None]] = []
    async with httpx.AsyncClient(base_url=served_url, timeout=10) as client:

        async def start(path: str, headers: dict[str, str]) -> Listener:
            listener = Listener()
            tasks.append(asyncio.create_task(listener.run(client, path, headers)))
            await asyncio.wait_for(listener.opened.wait(), 5)
            return listener

        yield start
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _note(database: Any, application_id: str, text: str) -> None:
    def write(session: Session) -> None:
        add_event(
            session,
            application_id=application_id,
            at=datetime.now(UTC),
            actor="another-process",
            event=NOTE(text=text),
        )
        session.commit()

    database.run_sync(write)


async def test_a_change_reaches_an_open_stream_within_a_second(
    api_app: Any, listen: Any, make_application: Any
) -> None:
    database = database_of(api_app)
    app_id = make_application(status="pending", phone=PHONE)
    headers = applicant_headers(api_app, app_id, PHONE)
    listener = await listen(f"/v1/applications/{app_id}/stream", headers)
    latencies = []
    last_event_id = 0
    for n in range(CHANGES):
        await asyncio.sleep(0.05 + 0.02 * n)  # changes land at every phase of the poll
        started = time.monotonic()
        await asyncio.to_thread(_note, database, app_id, f"第 {n} 次来电记录")
        arrived, name, data = await asyncio.wait_for(listener.events.get(), timeout=1.0)
        latencies.append(arrived - started)
        assert name == "changed"
        assert data["revision"] == 1 and data["event_id"] > last_event_id
        last_event_id = data["event_id"]
    median = statistics.median(latencies)
    print(
        f"\nSSE latency over {CHANGES} changes: median {median * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms"
    )
    assert median < 0.5 and max(latencies) < 1.0


async def test_a_reviewers_decision_reaches_the_applicants_stream(
    api_app: Any, served_url: str, listen: Any, make_operator: Any, make_application: Any
) -> None:
    app_id = make_application(status="pending", phone=PHONE)
    listener = await listen(
        f"/v1/applications/{app_id}/stream", applicant_headers(api_app, app_id, PHONE)
    )
    reviewer = headers_for(api_app, make_operator, username="wangshen", role="reviewer")
    async with httpx.AsyncClient(base_url=served_url, timeout=10) as client:
        response = await client.post(
            f"/v1/applications/{app_id}/reject",
            json={"reason": "许可证扫描件不清晰"},
            headers=if_match(1, reviewer),
        )
    assert response.status_code == 200
    _, name, data = await asyncio.wait_for(listener.events.get(), timeout=1.0)
    assert (name, data["revision"]) == ("changed", 2)


async def test_keep_alive_comments_flow_on_an_idle_stream(
    api_app: Any, listen: Any, auth_headers: dict[str, str], make_application: Any, monkeypatch
) -> None:
    monkeypatch.setattr(stream_route, "KEEP_ALIVE_SECONDS", 0.5)
    app_id = make_application(status="draft")
    listener = await listen(f"/v1/applications/{app_id}/stream", auth_headers)
    await asyncio.sleep(1.2)
    assert listener.comments.count(": keep-alive") >= 1
    assert listener.events.empty()


async def test_a_reconnect_hears_at_once_what_it_missed(
    api_app: Any, listen: Any, auth_headers: dict[str, str], make_application: Any, monkeypatch
) -> None:
    # Polling slowed far past the wait below: the missed event can only come from the replay
    # on connect, and a loaded machine gets seconds to deliver it.
    monkeypatch.setattr(stream_route, "POLL_SECONDS", 60.0)
    app_id = make_application(status="draft")
    _note(database_of(api_app), app_id, "断线期间的记录")
    headers = {**auth_headers, "Last-Event-ID": "1-1"}
    listener = await listen(f"/v1/applications/{app_id}/stream", headers)
    _, name, data = await asyncio.wait_for(listener.events.get(), timeout=10)
    assert name == "changed" and data["event_id"] > 1


async def test_streams_of_other_or_unknown_applications_are_refused(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    own = make_application(phone=PHONE)
    other = make_application(phone="13700137000")
    applicant = applicant_headers(api_app, own, PHONE)
    assert (
        await api_client.get(f"/v1/applications/{other}/stream", headers=applicant)
    ).status_code == 404
    unknown = await api_client.get("/v1/applications/ZZZZ-ZZZZ/stream", headers=auth_headers)
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"
    assert (await api_client.get(f"/v1/applications/{own}/stream")).status_code == 401
