"""The call and desk screens in English (`HQMS_LANG=en`) at 80×24 against the real in-process
API: the call bar, the wrap-up, the caller check, the password reset, the admin-mobile change,
the lock and the presence line — English labels, whole (not cut off), and no Chinese left but
the application's own data. Modals are read inside their own box: the screen below them belongs
to other parts of the kiosk."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.widgets import Button

from client import CentralAPI
from domain import mask_phone
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from tests.tui.aftercare_hands import modal_sentence, open_detail, settle, sms_code
from tests.tui.test_tui_change_admin_mobile import OLD_PHONE, draft_at_form_step, open_modal
from tui import HotlineApp
from tui.screens.caller_check import CallerCheckModal
from tui.screens.lock import LockScreen
from tui.screens.reset_password import ResetPasswordModal
from tui.screens.wrap_up import WrapUpModal
from tui.widgets.call_bar import CallBar
from tui.widgets.presence import PresenceMarker

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]
PHONE = "13800138471"
OPERATOR, REVIEWER = DEMO_OPERATORS[0], DEMO_OPERATORS[1]

_RUN = re.compile(
    r'<text [^>]*?x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"[^>]*clip-path[^>]*>([^<]*)</text>'
)
CELL_WIDTH, LINE_HEIGHT, FIRST_LINE = 12.2, 24.4, 20.0
"""Textual's SVG geometry: one terminal cell is 12.2 wide, one line 24.4 high."""


def box_text(app: App[Any], widget: Widget) -> str:
    """What the terminal shows inside `widget`'s region only, line by line."""
    region = widget.region
    lines: dict[int, list[tuple[int, str]]] = {}
    for x, y, length, run in _RUN.findall(app.export_screenshot()):
        column = round(float(x) / CELL_WIDTH)
        width = round(float(length) / CELL_WIDTH)
        row = round((float(y) - FIRST_LINE) / LINE_HEIGHT)
        inside = region.x <= column and column + width <= region.right
        if region.y <= row < region.bottom and inside:
            text = html.unescape(run).replace("\xa0", " ")
            lines.setdefault(row, []).append((column, text))
    return "\n".join("".join(text for _, text in sorted(runs)) for _, runs in sorted(lines.items()))


def flowing(text: str) -> str:
    """`text` without the box's borders, its lines joined: a wrapped sentence reads whole."""
    return " ".join(" ".join(text.replace("│", " ").split()).split())


def modal_text(app: App[Any]) -> str:
    return box_text(app, app.screen.query_one("Vertical"))


async def test_call_bar_wrap_up_and_presence_read_english(
    english: None,
    signed_in: CentralAPI,
    reviewer_api: CentralAPI,
    kiosk: Kiosk,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
) -> None:
    approved_phone, pending_phone = DEMO_PHONES["approved"], DEMO_PHONES["pending"]
    [approved] = (await reviewer_api.search_applications(phone=approved_phone)).items
    await reviewer_api.presence(approved.id)  # the reviewer has it open on their desk
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.title == "HQMS Hotline Desk"
        bar = str(app.screen.query_one(CallBar).render())
        assert bar.startswith("No call on record: looking up"), bar
        detail = await open_detail(pilot, approved_phone)
        await settle(pilot)
        bar = box_text(app, detail.query_one(CallBar))
        assert re.search(r"On call 138\*{4}8007 · \d\d:\d\d · Unverified · Ctrl\+E end call", bar)
        assert chinese_left(bar, []) == []
        marker = detail.query_one(PresenceMarker)
        shown = box_text(app, marker)
        assert f"Note: operator {REVIEWER.display_name} is also viewing" in shown, shown
        assert chinese_left(shown, [REVIEWER.display_name]) == []

        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        shown = modal_text(app)
        for label in ("End call 138****8007: what was the outcome?", "Resolved", "Call dropped"):
            assert label in shown, shown
        assert "Note (optional, Tab to enter):" in shown
        assert chinese_left(shown, []) == []
        await pilot.press("escape")
        await settle(pilot)

        # Another number while the call is open: the same-caller question, in English.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape", *pending_phone, "enter")
        await settle(pilot)
        assert isinstance(app.screen, WrapUpModal)
        shown = modal_text(app)
        assert f"{mask_phone(pending_phone)}, just looked up, is not this call's number." in shown
        assert "Still the same call (go on, do not end)" in shown
        assert chinese_left(shown, []) == []
        await pilot.press("escape")
        await settle(pilot)

        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert {"End call", "Lock", "Sign out", "Quit"} <= set(commands), commands
        assert chinese_left(" ".join(commands), []) == []


async def test_caller_check_and_password_reset_read_english(
    english: None,
    signed_in: CentralAPI,
    kiosk: Kiosk,
    make_application: Any,
    database_url: str,
    chinese_left: ChineseLeft,
) -> None:
    make_application(status="approved", phone=PHONE)
    app = HotlineApp(signed_in)  # the real clock: the reset limit is counted on the server's
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        await pilot.press("v")
        await settle(pilot)
        check = app.screen
        assert isinstance(check, CallerCheckModal)
        shown = modal_text(app)
        for label in ("Verify the caller", "Admin phone", "SMS code", "Send code", "Skip check"):
            assert label in shown, shown
        assert chinese_left(shown, []) == []
        await pilot.press("enter")  # Send code
        await settle(pilot)
        assert check.sent_text == (
            f"Code sent to the registered phone {mask_phone(PHONE)}: "
            "ask the caller to read the SMS's 6 digits."
        )
        assert re.search(r"Resend in \d+s", str(check.query_one("#send-code", Button).label))
        code = sms_code(database_url, PHONE)
        await pilot.press(*f"{(int(code) + 1) % 1_000_000:06d}", "enter")
        await settle(pilot)
        assert modal_sentence(pilot).startswith("Wrong code, 4 tries left:")
        shown = modal_text(app)
        assert "Resend in" in shown and chinese_left(shown, []) == []
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ResetPasswordModal)
        shown = modal_text(app)
        assert "Reset the institution's password" in shown
        assert "3 reset(s) left today." in shown, shown
        assert chinese_left(shown, []) == []
        await pilot.press("escape")


async def test_admin_mobile_change_reads_english(
    english: None,
    signed_in: CentralAPI,
    kiosk: Kiosk,
    database_url: str,
    chinese_left: ChineseLeft,
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await draft_at_form_step(pilot, database_url)
        modal = await open_modal(pilot)
        shown = modal_text(app)
        assert "Change the data admin's mobile" in shown
        assert f"Current admin mobile: {mask_phone(OLD_PHONE)}" in shown, shown
        for label in ("New mobile", "SMS code", "Send code", "Change", "Cancel"):
            assert label in shown, shown
        assert chinese_left(shown, []) == []
        # The current number (masked on screen): the operator is asked to check, in English.
        await pilot.press(*OLD_PHONE, "enter")
        await pilot.pause()
        assert "may be the same: check with the caller" in modal_sentence(pilot)
        assert modal.is_attached


async def test_lock_screen_reads_english_and_chinese_by_default(
    signed_in: CentralAPI,
    kiosk: Kiosk,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
    english: None,
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        app.lock(idle_minutes=5)
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        shown = screen_text(app)
        assert "Desk locked" in shown
        said = flowing(shown)
        assert "Idle for 5 min; the screen is hidden to protect the caller." in said, shown
        assert f"Operator {OPERATOR.display_name}, type your password to unlock:" in said
        assert chinese_left(shown, [OPERATOR.display_name]) == []
        await pilot.press("enter")
        await pilot.pause()
        assert "Type the password." in screen_text(app)


async def test_lock_screen_still_reads_chinese_by_default(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        app.lock(idle_minutes=5)
        await pilot.pause()
        shown = screen_text(app)
        assert "工作台已锁定" in shown and "已空闲 5 分钟，为保护来电人信息，屏幕已隐藏。" in shown
