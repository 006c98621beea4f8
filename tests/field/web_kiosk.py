"""`hqms-desk web` as its own process, and its page as a browser shows it.

- `run_web_kiosk(api_url, log_path, env=...)` — a context manager: the command started on a free
  loopback port, yielding `WebKiosk` once its page answers; `WebKiosk.stop()` (SIGTERM, its exit
  code) runs when the block ends, if the test has not stopped it itself.
- `KioskPage(browser)` — the page in a `tests.field.web_browser.Browser`: `open(url)`,
  `screen()` (the terminal's text), `wait_for(predicate)`, `type(text)`, `press_enter()`.
- `kiosk_processes(api_url)` — pids of the kiosks the server spawned for that API.

textual-serve's page keeps its xterm.js terminal in a local variable and draws it on a canvas,
so neither the DOM nor a global shows the text. `CAPTURE_SESSION` runs before the page's own
script: it puts a `terminal` setter on `Object.prototype`, which the page's session object runs
when its constructor first assigns `this.terminal`; the setter stores the value on the object as
the assignment would have, keeps the object as `window.__kioskSession` and removes itself. The
terminal's buffer is what xterm.js draws on the canvas.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from cli._loopback import free_loopback_port
from tests.field.web_browser import Browser

START_TIMEOUT = 30.0
SCREEN_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0

CAPTURE_SESSION = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if ("websocket_url" in this) {
      window.__kioskSession = this;
      delete Object.prototype.terminal;
    }
  },
});
"""

READ_SCREEN = """(() => {
  const session = window.__kioskSession;
  if (!session) return null;
  const terminal = session.terminal, buffer = terminal.buffer.active, lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return {
    text: lines.join("\\n"),
    columns: terminal.cols,
    rows: terminal.rows,
    cursor_row: buffer.cursorY,
    connected: session.socket !== null && session.socket.readyState === WebSocket.OPEN,
    shown: document.body.classList.contains("-first-byte"),
    closed: document.body.classList.contains("-closed"),
  };
})()"""


@dataclass(frozen=True)
class Screen:
    """What the page shows: the terminal's rows, and the page's own state."""

    text: str
    columns: int
    rows: int
    cursor_row: int
    """Textual puts the terminal's cursor on the focused input's caret (for input methods)."""
    connected: bool
    """The session's websocket is open."""
    shown: bool
    """The terminal received its first bytes: the page hid its intro and shows the terminal."""
    closed: bool
    """The page shows "Session ended"."""

    def first_row_with(self, text: str) -> int:
        """The first row showing `text`; -1 when none does."""
        rows = self.text.splitlines()
        return next((number for number, row in enumerate(rows) if text in row), -1)


BLANK_SCREEN = Screen(
    text="", columns=0, rows=0, cursor_row=0, connected=False, shown=False, closed=False
)


class KioskPage:
    def __init__(self, browser: Browser) -> None:
        self.browser = browser

    async def open(self, url: str) -> None:
        # Chromium 156 left the script below out of the page until the Page domain was enabled.
        await self.browser.call("Page.enable")
        await self.browser.call("Page.addScriptToEvaluateOnNewDocument", source=CAPTURE_SESSION)
        await self.browser.call("Page.navigate", url=url)

    async def screen(self) -> Screen:
        found: dict[str, Any] | None = await self.browser.evaluate(READ_SCREEN)
        return Screen(**found) if found else BLANK_SCREEN

    async def wait_for(
        self, seen: Callable[[Screen], bool], timeout: float = SCREEN_TIMEOUT
    ) -> Screen:
        deadline = time.monotonic() + timeout
        while True:
            screen = await self.screen()
            if seen(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"the page never showed that; last screen:\n{screen.text}")
            await asyncio.sleep(0.1)

    async def type(self, text: str) -> None:
        """Keys into the terminal, as after a click on it: the browser's own input events."""
        await self.browser.evaluate("window.__kioskSession.terminal.focus()")
        await self.browser.call("Input.insertText", text=text)

    async def press_enter(self) -> None:
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        await self.browser.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        await self.browser.call("Input.dispatchKeyEvent", type="keyUp", **key)


def kiosk_processes(api_url: str) -> set[int]:
    """Pids of `python -m cli tui --api <api_url>` processes on this machine (Linux /proc)."""
    wanted = ["-m", "cli", "tui", "--api", api_url]
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:  # the process ended while we looked
            continue
        if any(args[i : i + len(wanted)] == wanted for i in range(len(args))):
            found.add(int(entry.name))
    return found


@dataclass(frozen=True)
class WebKiosk:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        """Stop it with SIGTERM, as a service manager does; its exit code (once stopped, again)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"hqms-desk web ignored SIGTERM:\n{self.log()}") from None


def _wait_until_serving(kiosk: WebKiosk) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if kiosk.process.poll() is not None:
            raise AssertionError(f"hqms-desk web exited early:\n{kiosk.log()}")
        try:
            if httpx.get(kiosk.url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"hqms-desk web did not answer:\n{kiosk.log()}")
        time.sleep(0.05)


@contextmanager
def run_web_kiosk(
    api_url: str, log_path: Path, *, env: Mapping[str, str] | None = None
) -> Iterator[WebKiosk]:
    port = free_loopback_port()
    command = [sys.executable, "-m", "cli", "web", "--port", str(port), "--api", api_url]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, env=dict(env or os.environ), stdout=log, stderr=subprocess.STDOUT
        )
    kiosk = WebKiosk(f"http://127.0.0.1:{port}/", process, log_path)
    try:
        _wait_until_serving(kiosk)
        yield kiosk
    finally:
        kiosk.stop()
