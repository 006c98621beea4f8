"""The real kiosk for the start benchmark: signed in automatically, ready when the lookup
screen's phone search has focus (what `hqms-desk demo` shows the operator)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from tui import HotlineApp
from tui.screens import LookupScreen
from tui.widgets.phone_input import PhoneInput


def build_signed_in_kiosk(
    api_url: str, username: str, password: str
) -> tuple[App[None], Callable[[], bool]]:
    app = HotlineApp(api_url=api_url, username=username, password=password)

    def ready() -> bool:
        return isinstance(app.screen, LookupScreen) and isinstance(app.focused, PhoneInput)

    return app, ready
