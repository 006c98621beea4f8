"""Warnings stay visible until confirmed, at 80×24 against the real API, in Chinese and in
English: the demo's half-filled draft (13800138002) has a code whose division is not the
address's; the detail shows that warning under the code until the operator confirms it in the
walk-through (F3, the checkbox, Ctrl+S); back on the detail the warning is gone and the
timeline's last line says it was confirmed, by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App
from textual.widgets import Checkbox

from client import CentralAPI
from server.demo import DEMO_PHONES
from tests.tui.aftercare_hands import open_detail, settle
from tests.tui.test_tui_english_detail import application_data
from tui import HotlineApp
from tui.screens import DetailScreen
from tui.screens.walkthrough import WalkthroughScreen

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]
PHONE = DEMO_PHONES["draft_incomplete"]
MISMATCH = "code_division_address_mismatch"


async def _confirm_in_the_walkthrough(app: HotlineApp, pilot: Any) -> None:
    """F3 办理, tick the warning's checkbox, Ctrl+S, Esc back to the detail."""
    await pilot.press("f3")
    await settle(pilot)
    assert isinstance(app.screen, WalkthroughScreen)
    [box] = [box for box in app.screen.query(Checkbox) if box.name == MISMATCH]
    box.value = True
    await pilot.pause()
    await pilot.press("ctrl+s")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, DetailScreen)


async def _timeline_end(app: HotlineApp, pilot: Any, screen_text: ScreenText) -> str:
    """The screen scrolled to the end of the detail: the newest lines of the timeline."""
    await pilot.press("end")
    await pilot.pause()
    return screen_text(app)


async def test_a_warning_shows_until_confirmed_and_the_timeline_says_so(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, PHONE)
        assert detail.application is not None
        assert [p.code for p in detail.application.problems if p.warning] == [MISMATCH]
        shown = screen_text(app)
        assert "提醒：医疗机构代码中的行政区划" in shown, shown
        assert "440103（广东省广州市荔湾区）" in shown, shown

        await _confirm_in_the_walkthrough(app, pilot)
        assert "提醒：" not in screen_text(app)
        end = await _timeline_end(app, pilot, screen_text)
        assert "已核对执业许可证，确认提醒：代码区划与地址不一致（demo）" in end, end

    saved = await signed_in.get_application(detail.application.id)
    assert saved.form.confirmed_warnings == [MISMATCH]
    assert not [p for p in saved.problems if p.warning]


async def test_the_warning_and_its_confirmation_read_english(
    english: None,
    signed_in: CentralAPI,
    kiosk: Kiosk,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, PHONE)
        assert detail.application is not None
        data = [*application_data(detail.application), "demo"]
        shown = screen_text(app)
        assert "Note: The division 440103 (" in " ".join(shown.split()), shown
        assert not chinese_left(shown, data), shown

        await _confirm_in_the_walkthrough(app, pilot)
        assert "Note: " not in screen_text(app)
        end = await _timeline_end(app, pilot, screen_text)
        flat = " ".join(end.split())
        assert "Licence checked, warning confirmed: code division differs from address" in flat
        assert not chinese_left(end, data), end
