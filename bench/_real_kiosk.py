"""The real kiosk for the start benchmark: signed in automatically, ready when the lookup
screen's phone search has focus (what `hqms-desk demo` shows the operator).

After READY the child can also look a caller up the way an operator would, typing at once,
before the background sign-in has finished, to report what the kiosk weighs once it has done
its job (the memory figure at READY only covers the first screen).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual import events
from textual.app import App

from tui import HotlineApp
from tui.screens import LookupScreen
from tui.widgets.lookup_input import LookupInput

LOOKUP_TIMEOUT_S = 30.0


def build_signed_in_kiosk(
    api_url: str, username: str, password: str
) -> tuple[HotlineApp, Callable[[], bool]]:
    app = HotlineApp(api_url=api_url, username=username, password=password)

    def ready() -> bool:
        return isinstance(app.screen, LookupScreen) and isinstance(app.focused, LookupInput)

    return app, ready


async def look_up_detail(app: App[None], phone: str) -> float:
    """Type `phone` and Enter as keystrokes, wait until its detail shows; seconds it took."""
    from tui.screens import DetailScreen

    started = time.perf_counter()
    for key in phone:
        app.post_message(events.Key(key, key))
    app.post_message(events.Key("enter", "\r"))
    while not (isinstance(app.screen, DetailScreen) and app.screen.query("Section")):
        if time.perf_counter() - started > LOOKUP_TIMEOUT_S:
            raise RuntimeError(f"no detail for the looked-up phone after {LOOKUP_TIMEOUT_S} s")
        await asyncio.sleep(0.002)
    return time.perf_counter() - started
