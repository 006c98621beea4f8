"""A password typed or pasted right after username + Enter lands in the password field.

A terminal delivers keys as fast as they come: a fast typist, or a password manager that types
`username⏎password⏎`, puts every key in the app's queue before the first one is handled. Pilot's
`press` waits for the app to be idle after each key, which hides the race, so these tests send
the whole burst to the driver at once, the way the terminal does, and only then let it run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerFailed

from client import CentralAPI
from tui import HotlineApp
from tui.screens import LoginScreen, LookupScreen

Kiosk = Callable[[CentralAPI], HotlineApp]


def arrive_at_once(app: HotlineApp, *keys: str | events.Paste) -> None:
    """Queue `keys` (key names, or a bracketed paste) as one burst from the terminal."""
    assert app._driver is not None
    for key in keys:
        if isinstance(key, events.Paste):
            event: events.Event = key
        else:
            event = events.Key(key, "\r" if key == "enter" else key)
        event.set_sender(app)
        app._driver.send_message(event)


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("how", ["typed", "pasted"])
async def test_password_right_after_username_enter_goes_to_the_password_field(
    how: str, central: CentralAPI, kiosk: Kiosk, demo_operator: tuple[str, str]
) -> None:
    username, password = demo_operator
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LoginScreen)
        typed_password = list(password) if how == "typed" else [events.Paste(password)]
        arrive_at_once(app, *username, "enter", *typed_password)
        await pilot.pause()
        login = app.screen
        assert login.query_one("#username", Input).value == username
        assert login.query_one("#password", Input).value == password
        assert app.focused is login.query_one("#password", Input)

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        assert central.signed_in


async def test_enter_in_the_username_field_alone_moves_on_without_signing_in(
    central: CentralAPI, kiosk: Kiosk, demo_operator: tuple[str, str]
) -> None:
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*demo_operator[0], "enter")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.focused is app.screen.query_one("#password", Input)
        assert not central.signed_in
