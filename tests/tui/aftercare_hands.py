"""What an operator's hands do on the detail screen in the issue-5 Pilot tests, and where a test
may read what only the caller's phone and mailbox get (the outbox's `secrets`, before any
delivery worker wipes them; the in-process API runs none)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, select
from textual.pilot import Pilot

from server.storage.tables import outbox
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


def newest_secret(database_url: str, *, recipient: str, purpose: str, name: str) -> str:
    """Secret `name` of the newest outbox message to `recipient` for `purpose`."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(outbox.c.secrets)
                .where(outbox.c.recipient == recipient, outbox.c.purpose == purpose)
                .order_by(outbox.c.id.desc())
            ).all()
    finally:
        engine.dispose()
    for (secrets,) in rows:
        if secrets and name in secrets:
            return str(secrets[name])
    raise AssertionError(f"no {purpose} message to {recipient} with a {name!r} secret")


def sms_code(database_url: str, phone: str) -> str:
    """The code of the newest verification SMS to `phone` (what the caller reads out)."""
    return newest_secret(database_url, recipient=phone, purpose="verification_code", name="secret")


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
