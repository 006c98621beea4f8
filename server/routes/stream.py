"""`GET …/stream`: server-sent events whenever the application changes (docs/registration-flow.md).

Each open stream polls two indexed values (the application's revision and its newest event
id) every 0.25 s, so a change made by any server process on the same database reaches the
kiosk within a poll; `event: changed` carries both. A comment every 15 s keeps proxies from
closing an idle line. The stream ends when the client goes away (or the application does).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Header, Request
from fastapi.responses import StreamingResponse

from ..auth import CurrentActor
from ..context import AppContext, ContextDep
from ..services.applications import not_found
from ..services.live import Watermark, watermark
from .applications import ApplicationId, canonical_id

router = APIRouter(prefix="/v1/applications", tags=["stream"])

POLL_SECONDS = 0.25
KEEP_ALIVE_SECONDS = 15.0
RETRY_MS = 1000


def changed_event(mark: Watermark) -> str:
    data = json.dumps({"revision": mark.revision, "event_id": mark.event_id})
    return f"id: {mark.sse_id}\nevent: changed\ndata: {data}\n\n"


async def _events(
    request: Request, context: AppContext, application_id: str, last: Watermark | None
) -> AsyncIterator[str]:
    seen = await context.database.read(watermark, application_id)
    yield f"retry: {RETRY_MS}\n: connected\n\n"
    # A reconnecting client names what it saw last: tell it at once if it missed a change.
    if seen is not None and last is not None and last != seen:
        yield changed_event(seen)
    idle = 0.0
    while seen is not None and not await request.is_disconnected():
        await asyncio.sleep(POLL_SECONDS)
        current = await context.database.read(watermark, application_id)
        if current != seen:
            seen = current
            idle = 0.0
            if current is not None:
                yield changed_event(current)
            continue
        idle += POLL_SECONDS
        if idle >= KEEP_ALIVE_SECONDS:
            idle = 0.0
            yield ": keep-alive\n\n"


@router.get(
    "/{application_id}/stream",
    responses={200: {"content": {"text/event-stream": {}}, "description": "event: changed"}},
)
async def stream(
    application_id: ApplicationId,
    request: Request,
    actor: CurrentActor,
    context: ContextDep,
    last_event_id: str | None = Header(default=None, alias="Last-Event-ID"),
) -> StreamingResponse:
    application_id = canonical_id(application_id)
    actor.check_application(application_id)
    if await context.database.read(watermark, application_id) is None:
        raise not_found(application_id)
    return StreamingResponse(
        _events(request, context, application_id, Watermark.parse(last_event_id)),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
