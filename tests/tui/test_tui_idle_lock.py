"""The idle lock at 80×24 against the real in-process API: after the idle minutes (tiny here)
the kiosk hides the call behind the lock screen; only the operator's password, checked by the
server, opens it again, onto the screens exactly as they were; keys keep it from locking."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, select
from textual.app import App
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input

from client import CentralAPI
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from server.storage.tables import audit_events
from tests.audit_text import with_sentences
from tests.e2e.running_api import until
from tests.tui.aftercare_hands import open_detail, settle, status_of
from tests.tui.conftest import KIOSK_NOW
from tui import HotlineApp
from tui.screens import LookupScreen
from tui.screens.call_modals import NoteModal
from tui.screens.lock import WRONG_PASSWORD, LockScreen

ScreenText = Callable[[App[Any]], str]
OPERATOR = DEMO_OPERATORS[0]
IDLE_MINUTES = 0.02  # 1.2 s


def desk(api: CentralAPI, idle_lock_minutes: float) -> HotlineApp:
    return HotlineApp(api, clock=lambda: KIOSK_NOW, idle_lock_minutes=idle_lock_minutes)


def unlock_events(database_url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(audit_events.c.actor, audit_events.c.action, audit_events.c.params)
                .where(audit_events.c.action.in_(["unlocked", "unlock_failed"]))
                .order_by(audit_events.c.id)
            ).all()
    finally:
        engine.dispose()
    return [(row.actor, row.action, row.detail) for row in with_sentences(rows)]


async def test_idle_kiosk_locks_and_unlocks_onto_the_half_typed_number(
    signed_in: CentralAPI, screen_text: ScreenText, database_url: str
) -> None:
    app = desk(signed_in, IDLE_MINUTES)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lookup = app.screen
        assert isinstance(lookup, LookupScreen)
        await pilot.press(*"1380013")
        assert "1380013" in screen_text(app)

        await until(lambda: app.locked, pilot.pause, what="the idle kiosk locked itself")
        await pilot.pause()
        lock = app.screen
        assert isinstance(lock, LockScreen)
        shown = screen_text(app)
        assert "工作台已锁定" in shown and f"坐席 {OPERATOR.display_name}" in shown
        assert "已空闲一段时间" in shown
        assert "1380013" not in shown, "the lock screen hides what was typed"

        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen is lock, "the command palette would lead around the lock"
        assert not any(isinstance(screen, CommandPalette) for screen in app.screen_stack)
        await pilot.press("ctrl+e")  # 结束通话 neither
        await pilot.pause()
        assert app.screen is lock

        await pilot.press(*"not-my-password", "enter")
        await settle(pilot)
        assert app.screen is lock
        assert status_of(app) == WRONG_PASSWORD
        assert lock.query_one("#unlock-password", Input).value == "", "typed again from empty"
        assert "not-my-password" not in screen_text(app)

        await pilot.press(*OPERATOR.password, "enter")
        await settle(pilot)
        assert app.screen is lookup and not app.locked
        assert lookup.lookup_input.value == "1380013"
        assert app.focused is lookup.lookup_input
        await pilot.press(*"8007")  # the operator goes on typing where they stopped
        assert lookup.lookup_input.value == DEMO_PHONES["approved"]
    assert signed_in.signed_in, "the same session goes on after the unlock"
    events = unlock_events(database_url)
    username = OPERATOR.username
    assert [(actor, action) for actor, action, _ in events] == [
        (username, "unlock_failed"),
        (username, "unlocked"),
    ]
    assert all("not-my-password" not in detail for _, _, detail in events)
    assert all(OPERATOR.password not in detail for _, _, detail in events)


async def lock_from_the_palette(pilot: Pilot[None], screen_text: ScreenText) -> str:
    """Ctrl+P, 锁定, Enter: what the locked kiosk shows."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"锁定")
    await until(lambda: "立即锁定" in screen_text(app), pilot.pause, what="the lock command")
    await pilot.press("enter")
    await until(lambda: isinstance(app.screen, LockScreen), pilot.pause, what="the lock")
    await pilot.pause()
    return screen_text(app)


async def test_the_lock_hides_the_application_and_keeps_the_detail_and_a_typed_note(
    signed_in: CentralAPI, screen_text: ScreenText
) -> None:
    app = desk(signed_in, 5)  # locked by hand, from the command palette
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, DEMO_PHONES["approved"])
        sections = detail.query_one("#sections", VerticalScroll)
        await pilot.press("pagedown")
        await pilot.pause()
        scrolled_to = sections.scroll_y
        assert scrolled_to > 0
        shown = screen_text(app)
        assert detail.application is not None and detail.application.account is not None
        # The call bar's number and the banner's login name (the summary has scrolled away).
        private = ["138****8007", detail.application.account.login_name]
        assert all(value in shown for value in private), shown

        shown = await lock_from_the_palette(pilot, screen_text)
        assert "工作台已手动锁定" in shown
        for value in private:
            assert value not in shown, value
        await pilot.press(*OPERATOR.password, "enter")
        await settle(pilot)
        assert app.screen is detail
        assert sections.scroll_y == scrolled_to, "the detail kept where the operator was"

        await pilot.press("n")
        await pilot.pause()
        note = app.screen
        assert isinstance(note, NoteModal)
        await pilot.press(*"来电人询问账号")
        assert "来电人询问账号" in screen_text(app)
        shown = await lock_from_the_palette(pilot, screen_text)
        assert "来电人询问账号" not in shown
        await pilot.press(*OPERATOR.password, "enter")
        await settle(pilot)
        assert app.screen is note, "the note being typed is still open"
        assert note.query_one("#note", Input).value == "来电人询问账号"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is detail


async def test_keys_keep_the_kiosk_unlocked(signed_in: CentralAPI) -> None:
    idle_minutes = 0.05  # 3 s
    app = desk(signed_in, idle_minutes)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        typing_for = idle_minutes * 60 * 1.5
        started = asyncio.get_running_loop().time()
        while asyncio.get_running_loop().time() - started < typing_for:
            await pilot.press("1")
            await pilot.press("backspace")
            await pilot.pause(0.3)
            assert not app.locked, "a key every 0.3 s keeps the desk open"
        await until(lambda: app.locked, pilot.pause, what="the lock once the keys stopped")


async def test_no_lock_when_the_idle_minutes_are_zero(signed_in: CentralAPI) -> None:
    app = desk(signed_in, 0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        assert not app.locked, "0 minutes means never, not at once"
