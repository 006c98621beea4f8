"""What an operator's hands do on the detail screen in the issue-5 Pilot tests, and where a test
may read what only the caller's phone and mailbox get (the outbox's `secrets`, read the same way
as the screenshots read them, in docs/tools/demo_change.py)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from docs.tools.demo_change import newest_secret, sms_code
from tests.e2e.operator_hands import settle, status_of
from tui.screens import DetailScreen
from tui.widgets import StatusLine

__all__ = [
    "footer_keys",
    "modal_sentence",
    "newest_secret",
    "open_detail",
    "settle",
    "sms_code",
    "status_of",
]


async def open_detail(pilot: Pilot[Any], phone: str) -> DetailScreen:
    """The caller's number on the lookup screen, Enter: the one application's detail."""
    await pilot.press(*phone, "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DetailScreen), type(screen)
    assert screen.application is not None
    return screen


def footer_keys(pilot: Pilot[Any]) -> set[str]:
    """The keys the footer offers on the current screen (what `check_action` allows)."""
    screen = pilot.app.screen
    return {
        key
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


def modal_sentence(pilot: Pilot[Any]) -> str:
    return pilot.app.screen.query_one("#modal-status", StatusLine).sentence
