"""`hqms-desk web`: the kiosk in a browser, served by textual-serve.

textual-serve is an aiohttp server: its page runs xterm.js, and each browser session opens a
websocket for which it spawns `hqms-desk tui` (through the shell, with Textual's web driver) and
relays the terminal both ways. A session is one kiosk process; closing the tab ends it.

The server binds to loopback unless told otherwise: anyone who reaches it gets a kiosk login
screen and a process on this machine, so it belongs behind an authenticating reverse proxy
(docs/web-kiosk.md).
"""

from __future__ import annotations

import asyncio
import os
import shlex
import sys
from typing import Any
from urllib.parse import urlsplit

from aiohttp.web import Application, Request, StreamResponse, WebSocketResponse
from textual_serve.server import Server

from cli._settings import KioskSettings

WEB_TITLE = "HQMS 热线工作台"
SHUTDOWN_TIMEOUT = 10.0
"""Seconds the server waits, when stopped, for its kiosks to quit."""

# Each browser session signs in with its operator's own account: a kiosk account set in the
# server's environment (meant for a locked-down terminal) must not sign every visitor in.
SIGN_IN_VARIABLES = ("HQMS_USERNAME", "HQMS_PASSWORD")

NO_API_URL = (
    "没有指定中央服务地址：请用 --api 给出地址（例如 --api https://hqms-api.internal），"
    "或设置环境变量 HQMS_API_URL 后再启动网页版坐席界面。"
)


def kiosk_command(api_url: str) -> str:
    """The shell command textual-serve runs per session: this interpreter, so it works from a
    virtual environment that is not on PATH."""
    return shlex.join([sys.executable, "-m", "cli", "tui", "--api", api_url])


def default_public_url(host: str, port: int) -> str:
    """Where a browser on this machine reaches the server; the page embeds it in its links."""
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


async def _page_not_stored(request: Request, response: StreamResponse) -> None:
    # A page left with its websocket open would wait in the browser's back/forward cache with
    # its kiosk still running, signed in, until the browser evicts it; Chromium keeps no-store
    # pages out of that cache, so leaving the page ends the session (tests/field/test_field_web).
    if request.match_info.route.name == "index":
        response.headers["Cache-Control"] = "no-store"


class KioskWebServer(Server):
    """textual-serve's server: its page is never cached, stopping it ends every session at once,
    its start-up message is Chinese."""

    def __init__(self, command: str, **options: Any) -> None:
        super().__init__(command, **options)
        self.sessions: set[asyncio.Task[Any]] = set()

    async def _make_app(self) -> Application:
        app = await super()._make_app()
        app.on_response_prepare.append(_page_not_stored)
        return app

    async def handle_websocket(self, request: Request) -> WebSocketResponse:
        session = asyncio.current_task()
        assert session is not None  # aiohttp runs every handler in a task
        self.sessions.add(session)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(session)

    async def on_shutdown(self, app: Application) -> None:
        # aiohttp would wait 60 s for the open websockets before cancelling them; cancel them
        # now: textual-serve then closes the page's websocket and tells its kiosk to quit.
        sessions = set(self.sessions)
        for session in sessions:
            session.cancel()
        if sessions:
            await asyncio.wait(sessions, timeout=SHUTDOWN_TIMEOUT)

    async def on_startup(self, app: Application) -> None:
        print(
            f"网页版坐席界面已启动：请在浏览器打开 {self.public_url} 。按 Ctrl+C 停止。",
            flush=True,
        )


def web(*, host: str, port: int, api_url: str | None, public_url: str | None) -> int:
    url = api_url or KioskSettings().api_url
    if not url:
        print(NO_API_URL, file=sys.stderr)
        return 2
    if urlsplit(url).scheme not in ("http", "https"):
        print(
            f"中央服务地址 {url} 无法使用：地址应以 http:// 或 https:// 开头，请检查后重试。",
            file=sys.stderr,
        )
        return 2
    # textual-serve hands its own environment to every kiosk it spawns.
    for name in SIGN_IN_VARIABLES:
        os.environ.pop(name, None)
    server = KioskWebServer(
        kiosk_command(url),
        host=host,
        port=port,
        title=WEB_TITLE,
        public_url=public_url or default_public_url(host, port),
    )
    server.serve()
    return 0
