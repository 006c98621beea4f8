"""The hotline call a request is made in: the `X-HQMS-Call` header, for the audit trail.

The kiosk sends `X-HQMS-Call: <call id>` on every request while a call is open, so every audit
event a request writes can say under which call it happened (`audit_events.call_id`). The
header is read once per request by `CallHeaderMiddleware` into a context variable, which
`storage.writes.add_event` consults: no route or service has to pass it along.

Why a context variable set by a pure ASGI middleware: services run inline on the event loop
(SQLite) or in a worker thread (`anyio.to_thread`, PostgreSQL), and anyio copies the caller's
context into the worker thread, so the value reaches the service either way. The middleware
resets the variable when the request ends, so nothing leaks into the next request even when
requests share one task (httpx's ASGI transport in tests calls the app in the test's task).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: `storage.writes` reads the context variable, and storage needs no web stack.
    from starlette.types import ASGIApp, Receive, Scope, Send

CALL_HEADER = "X-HQMS-Call"
# `calls.id` is at most 16 characters; a value that cannot be a call id is ignored rather than
# looked up.
_CALL_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")
_HEADER_KEY = CALL_HEADER.lower().encode("latin-1")

_current_call: ContextVar[str | None] = ContextVar("hqms_current_call", default=None)


def current_call_id() -> str | None:
    """The call id the current request names in `X-HQMS-Call`, or None.

    Only the header's shape is checked here; whether it names a call of the acting operator
    is for the reader to decide (`add_event` records it only then).
    """
    return _current_call.get()


def call_id_from_header(raw: str | None) -> str | None:
    """The call id of a header value, trimmed; None when blank or not shaped like a call id."""
    if raw is None:
        return None
    text = raw.strip()
    return text if _CALL_ID.fullmatch(text) else None


class CallHeaderMiddleware:
    """Pure ASGI (not `BaseHTTPMiddleware`, which runs the app in another task) so the
    context variable it sets is the one the endpoint and its services see."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = next(
            (value for key, value in scope["headers"] if key == _HEADER_KEY),
            None,
        )
        token = _current_call.set(call_id_from_header(raw.decode("latin-1") if raw else None))
        try:
            await self.app(scope, receive, send)
        finally:
            _current_call.reset(token)
