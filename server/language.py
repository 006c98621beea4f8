"""The language a request is answered in: `Accept-Language`, Chinese by default.

Every sentence the API sends — a problem's `title` and `detail`, each `errors[].message`, an
application's `problems[].message`, a timeline event's `detail` — is rendered from its code and
parameters with the catalogue of this language (docs/messages.md), the way Django's locale
middleware activates a language per request. Codes and parameters are sent as well, so a
client with the catalogues (the kiosk) renders the sentence itself.

A pure ASGI middleware sets a context variable, for the same reasons as `call_context`: the
value reaches services in worker threads and is reset when the request ends. Responses say
which language they are in (`Content-Language`) and that it depends on the header (`Vary`).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

from domain import DEFAULT_LANGUAGE, best_language

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

_HEADER_KEY = b"accept-language"
_current_language: ContextVar[str] = ContextVar("hqms_language", default=DEFAULT_LANGUAGE)


def request_language() -> str:
    """The catalogue language of the current request (`zh_CN` outside a request)."""
    return _current_language.get()


def content_language(language: str) -> str:
    """The `Content-Language` tag of a catalogue language (`zh_CN` → `zh-CN`)."""
    return language.replace("_", "-")


class LanguageMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = next((value for key, value in scope["headers"] if key == _HEADER_KEY), b"")
        language = best_language(raw.decode("latin-1"))
        tag = content_language(language).encode("latin-1")

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-language", tag), (b"vary", b"Accept-Language")]
                message = {**message, "headers": headers}
            await send(message)

        token = _current_language.set(language)
        try:
            await self.app(scope, receive, send_with_language)
        finally:
            _current_language.reset(token)
