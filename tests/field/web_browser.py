"""Headless Debian Chromium driven over the Chrome DevTools Protocol (CDP), with aiohttp's
websocket client: no browser download, no driver binary.

- `need_chromium()` — the browser's path; skips without it (fails when HQMS_REQUIRE_ALL=1).
- `open_browser(chromium, profile_dir)` — an async context manager yielding a `Browser` on one
  blank tab; the browser process is ended when the block ends.
- `Browser.call(method, **params)` — one CDP command; `Browser.evaluate(js)` — its value.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser")
# Flags from /work/shared/NOTES.md: headless, nothing fetched behind the test's back. The window
# is large enough for the kiosk's 80×24 at the page's default 16 px font.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,800",
)
START_TIMEOUT = 30.0
CALL_TIMEOUT = 15.0


def need_chromium() -> str:
    """The path of Chromium; skip without it (fail when HQMS_REQUIRE_ALL=1)."""
    for name in CHROMIUM_NAMES:
        if path := shutil.which(name):
            return path
    message = "chromium is not installed (apt-get install chromium)"
    if os.environ.get("HQMS_REQUIRE_ALL") == "1":
        pytest.fail(f"{message} (HQMS_REQUIRE_ALL=1)")
    pytest.skip(message)


class CdpError(RuntimeError):
    """Chromium answered a command with an error, or a page script threw."""


class Browser:
    """One tab of a running Chromium, reached through its DevTools websocket."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self.ids)
        await self.socket.send_json({"id": call_id, "method": method, "params": params})
        async with asyncio.timeout(CALL_TIMEOUT):
            # Events arrive on the same socket; nothing here subscribes to them, so skip them.
            async for message in self.socket:
                if message.type != aiohttp.WSMsgType.TEXT:
                    break
                answer: dict[str, Any] = message.json()
                if answer.get("id") != call_id:
                    continue
                if "error" in answer:
                    raise CdpError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer["result"]
                return result
        raise CdpError(f"{method}: the DevTools connection closed")

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable values)."""
        result = await self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise CdpError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")


async def _devtools_port(profile_dir: Path, process: subprocess.Popen[bytes]) -> int:
    """Chromium started with `--remote-debugging-port=0` writes the port it chose here."""
    port_file = profile_dir / "DevToolsActivePort"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited with {process.returncode} before it was ready")
        lines = port_file.read_text().splitlines() if port_file.exists() else []
        if lines and lines[0].isdigit():
            return int(lines[0])
        await asyncio.sleep(0.05)
    raise RuntimeError("chromium did not open its DevTools port")


@asynccontextmanager
async def open_browser(chromium: str, profile_dir: Path) -> AsyncIterator[Browser]:
    profile_dir.mkdir(parents=True, exist_ok=True)
    log = (profile_dir.parent / "chromium.log").open("wb")
    process = subprocess.Popen(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile_dir}",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        port = await _devtools_port(profile_dir, process)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
                targets = await response.json()
            page = next(target for target in targets if target["type"] == "page")
            async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as socket:
                yield Browser(socket)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
