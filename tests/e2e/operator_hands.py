"""What an operator's hands do in the Pilot tests: keys, clicks and pastes on the widgets' ids,
and waiting for the screen's workers to report back."""

from __future__ import annotations

import contextlib

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select
from textual.worker import WorkerFailed

from tui.widgets import StatusLine


async def settle(pilot: Pilot[None]) -> None:
    """Let the screen's workers finish and their messages land."""
    for _ in range(3):
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def status_of(app: App[None]) -> str:
    return app.screen.query_one("#status", StatusLine).sentence


def focused_id(app: App[None]) -> str | None:
    return app.focused.id if app.focused is not None else None


async def type_field(pilot: Pilot[None], field_id: str, text: str) -> None:
    """Type into the focused form field and press Enter, which moves on to the next one."""
    assert focused_id(pilot.app) == field_id, (focused_id(pilot.app), field_id)
    await pilot.press(*text, "enter")


async def choose(pilot: Pilot[None], select_id: str, search: str) -> object:
    """Open the focused list with Enter, type part of the option's name, take it with Enter."""
    assert focused_id(pilot.app) == select_id, (focused_id(pilot.app), select_id)
    await pilot.press("enter", *search, "enter")
    await pilot.pause()
    return pilot.app.screen.query_one(f"#{select_id}", Select).value


async def pick(pilot: Pilot[None], select_id: str, search: str) -> object:
    """Click the list open, type part of the option's name, take it with Enter."""
    await pilot.click(f"#{select_id}")
    await pilot.press(*search, "enter")
    await pilot.pause()
    return pilot.app.screen.query_one(f"#{select_id}", Select).value


async def paste_into(pilot: Pilot[None], input_id: str, text: str) -> None:
    """Click the field, clear it and paste `text` (a path copied from the file manager), as the
    terminal delivers a paste: one event, not a key per character."""
    await pilot.click(f"#{input_id}")
    assert focused_id(pilot.app) == input_id
    await pilot.press("end", "ctrl+u")
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    assert pilot.app.screen.query_one(f"#{input_id}", Input).value == text
