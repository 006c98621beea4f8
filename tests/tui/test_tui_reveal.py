"""V 查看 at 80×24 against the real in-process API: the caller check comes first (a code to the
registered phone, read back), then one value in full with a reason — on screen for a minute or
until the operator leaves the screen, in the timeline only as "looked at, why"."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Static

from client import CentralAPI
from domain import mask_phone
from tests.tui.aftercare_hands import (
    footer_keys,
    modal_sentence,
    open_detail,
    settle,
    sms_code,
    status_of,
)
from tui import HotlineApp
from tui.screens import DetailScreen, _detail_caller
from tui.screens.call_modals import NoteModal, RevealModal
from tui.screens.caller_check import CallerCheckModal
from tui.widgets import TimelineSection

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
PHONE = "13800138461"


def revealed(app: HotlineApp) -> Static:
    return app.screen.query_one("#revealed", Static)


async def reveal_admin_mobile(pilot: Any, reason: str) -> None:
    assert isinstance(pilot.app.screen, RevealModal)
    await pilot.press("enter")  # the first value: 数据管理员手机号
    await pilot.press(*reason, "enter")
    await settle(pilot)


async def test_reveal_asks_for_the_caller_check_first_then_shows_the_value_a_while(
    signed_in: CentralAPI,
    kiosk: Kiosk,
    make_application: Any,
    database_url: str,
    screen_text: ScreenText,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    application_id = make_application(status="approved", phone=PHONE)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, PHONE)
        await pilot.press("v")
        await settle(pilot)
        check = app.screen
        assert isinstance(check, CallerCheckModal), "the caller is checked before any reveal"
        await pilot.press("enter")
        await settle(pilot)
        assert f"登记的手机号 {mask_phone(PHONE)}" in check.sent_text
        code = sms_code(database_url, PHONE)
        await pilot.press(*code, "enter")
        await settle(pilot)

        await reveal_admin_mobile(pilot, "来电人核对登记的手机号")
        assert app.screen is detail
        assert PHONE in str(revealed(app).content) and revealed(app).display
        assert PHONE in screen_text(app)
        assert "k" not in footer_keys(pilot), "the call is checked now"
        timeline = "\n".join(
            str(label.render()) for label in detail.query_one(TimelineSection).query("Label")
        )
        assert "已通过短信核实来电人身份" in timeline, timeline
        assert "查看完整的管理员手机，原因：来电人核对登记的手机号" in timeline, timeline
        assert PHONE not in timeline

        await pilot.press("n")  # anything over the screen hides the value
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press("escape")
        await pilot.pause()
        assert not revealed(app).display and PHONE not in screen_text(app)

        monkeypatch.setattr(_detail_caller, "REVEAL_SECONDS", 0.3)
        await pilot.press("v")  # checked once per call: straight to the choice
        await settle(pilot)
        await reveal_admin_mobile(pilot, "再次核对")  # shown, then hidden by the timer
        await asyncio.sleep(0.5)
        await pilot.pause()
        assert app.screen is detail and detail.reveal_timer is None
        assert not revealed(app).display and PHONE not in screen_text(app)

    events = (await signed_in.get_events(application_id)).items
    assert [e.action for e in events].count("revealed") == 2
    assert all(PHONE not in e.detail for e in events)


async def test_a_reveal_without_a_reason_is_not_asked(
    signed_in: CentralAPI, kiosk: Kiosk, make_application: Any
) -> None:
    make_application(status="pending", phone=PHONE)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        await pilot.press("k")
        await settle(pilot)
        await pilot.click("#waive")
        await pilot.press(*"登记的手机号已停用", "enter")
        await settle(pilot)
        assert "已记录不核实" in status_of(app)

        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, RevealModal)
        await pilot.press("enter", "enter")  # a value, no reason
        await pilot.pause()
        assert isinstance(app.screen, RevealModal)
        assert "请填写查看原因" in modal_sentence(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and not revealed(app).display
