"""`watch_application`: an application's live server-sent events, reconnecting as needed.

`GET /v1/applications/{id}/stream` sends `event: changed` with `data: {"revision", "event_id"}`
whenever the application or its timeline changes, and a comment every 15 s to keep the line
open. A kiosk keeps one open for as long as it shows the application, so a dropped connection
(a restarted server, a proxy timeout, the network) is normal: the watcher reconnects with
backoff (0.5 s, doubling, at most 5 s) and says so with two events of its own, `lost` and
`open`, so the kiosk can tell the operator and reload what it may have missed meanwhile.

An answer that no retry can change (401, 403, 404) ends the watch with the client's exception;
cancelling the consumer closes the connection.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._errors import ApiError, ApiUnavailable, error_from_problem

if TYPE_CHECKING:
    import httpx

    from ._api import CentralAPI

STREAM_OPENED = "open"
"""Client-side event: the stream is (again) connected; anything may have changed meanwhile."""
STREAM_LOST = "lost"
"""Client-side event: the stream dropped and a reconnect follows; `data["reason"]` is the
`ApiError` that ended it, or None when the connection just ended."""

FIRST_DELAY = 0.5
MAX_DELAY = 5.0
READ_TIMEOUT = 45.0
"""Three missed keep-alives (one every 15 s) mean the connection is dead even if still open."""


@dataclass(frozen=True)
class StreamEvent:
    """One event of the stream: `changed` from the server, or `open` / `lost` from the watcher."""

    event: str
    data: dict[str, Any] = field(default_factory=dict)
    id: str | None = None

    @property
    def revision(self) -> int | None:
        value = self.data.get("revision")
        return value if isinstance(value, int) else None


class _EventParser:
    """The `text/event-stream` format (WHATWG HTML §9.2), one line at a time."""

    def __init__(self) -> None:
        self.event = ""
        self.data: list[str] = []
        self.last_id: str | None = None

    def feed(self, line: str) -> StreamEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None  # a comment: the keep-alive
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self.event = value
        elif name == "data":
            self.data.append(value)
        elif name == "id" and "\0" not in value:
            self.last_id = value
        return None

    def _dispatch(self) -> StreamEvent | None:
        event, data, self.event, self.data = self.event or "message", self.data, "", []
        if not data:
            return None
        text = "\n".join(data)
        try:
            decoded = json.loads(text)
        except ValueError:
            decoded = None
        payload = decoded if isinstance(decoded, dict) else {"text": text}
        return StreamEvent(event, payload, self.last_id)


def _retryable(error: ApiError) -> bool:
    """Server trouble and rate limits pass; a refusal of this client or this id does not."""
    return error.status == 0 or error.status >= 500 or error.status in (408, 429)


async def watch_application(
    api: CentralAPI,
    application_id: str,
    *,
    first_delay: float = FIRST_DELAY,
    max_delay: float = MAX_DELAY,
) -> AsyncIterator[StreamEvent]:
    """Yield the application's stream events until cancelled, reconnecting after any loss."""
    import httpx  # late, like the client's own requests

    delay = first_delay
    last_id: str | None = None
    while True:
        parser = _EventParser()
        parser.last_id = last_id
        try:
            # aclosing: a consumer that stops mid-stream closes the connection at once.
            async with aclosing(_connect(api, application_id, parser)) as events:
                async for event in events:
                    if event.event == STREAM_OPENED:
                        delay = first_delay
                    yield event
            reason: ApiError | None = None
        except httpx.TransportError:
            reason = ApiUnavailable()
        except ApiError as error:
            if not _retryable(error):
                raise
            reason = error
        last_id = parser.last_id
        yield StreamEvent(STREAM_LOST, {"reason": reason, "retry_in": delay})
        await asyncio.sleep(delay)
        delay = min(delay * 2, max_delay)


async def _connect(
    api: CentralAPI, application_id: str, parser: _EventParser
) -> AsyncGenerator[StreamEvent, None]:
    """One connection: `open` once the server accepted it, then its events until it ends."""
    import httpx

    from ._wire import application_path

    headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
    if api.token is not None:
        headers["Authorization"] = f"Bearer {api.token}"
    if parser.last_id is not None:
        headers["Last-Event-ID"] = parser.last_id
    timeout = httpx.Timeout(api._timeout, read=READ_TIMEOUT)
    connection = api._connection()
    path = f"{application_path(application_id)}/stream"
    async with connection.stream("GET", path, headers=headers, timeout=timeout) as response:
        if not response.is_success:
            raise _problem(response, await response.aread())
        yield StreamEvent(STREAM_OPENED)
        async for line in response.aiter_lines():
            event = parser.feed(line)
            if event is not None:
                yield event


def _problem(response: httpx.Response, body: bytes) -> ApiError:
    try:
        decoded = json.loads(body)
    except ValueError:
        decoded = None
    return error_from_problem(response.status_code, decoded)
