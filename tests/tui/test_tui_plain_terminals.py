"""The kiosk in plain terminals: 16 colours (TERM=xterm, the Linux console, many SSH clients)
and NO_COLOR=1, at 80×24, on the lookup, detail and walk-through screens.

What the terminal is sent is read back cell by cell: in 16 colours each colour as Textual's
driver downgrades it (`Strip.render` → `Color.downgrade`), under NO_COLOR the greys Textual's
Monochrome filter leaves. On every screen: each footer key is on screen with its label; every
widget the operator works with lies within 80×24 or inside a container that scrolls; no letter
is drawn in its background's colour; and an application's state is said in words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import textual.constants
from rich.color import Color, ColorSystem
from rich.segment import Segment
from textual.pilot import Pilot
from textual.widget import Widget

from client import CentralAPI
from server.demo import DEMO_PHONES
from tests.e2e.operator_hands import settle
from tests.server.registration_helpers import sms_code
from tui import HotlineApp
from tui.widgets import StatusBanner, StatusLine

Kiosk = Callable[[CentralAPI], HotlineApp]
SIZE = (80, 24)
NEW_PHONE = "13700137002"
# Each state in the words the banner starts with; colour only repeats it.
STATE_WORDS = {
    "draft_incomplete": "填写中",
    "pending": "待审核",
    "rejected": "审核不通过",
    "approved": "审核通过",
}
# The least difference in grey level (0–255) between a letter and its background under
# NO_COLOR: muted hints may be faint, never invisible.
LEAST_GREY_STEP = 24


@dataclass(frozen=True)
class Cell:
    char: str
    fg: Color | None
    bg: Color | None


@pytest.fixture(params=["16-colours", "NO_COLOR"])
def terminal(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The terminal the next kiosk is built for (Textual reads both when the app is made)."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    if request.param == "16-colours":
        monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    else:
        monkeypatch.setenv("NO_COLOR", "1")
    return str(request.param)


def screen_rows(app: HotlineApp) -> list[list[Cell]]:
    """The cells the screen sends to the terminal (the strips `export_screenshot` prints)."""
    rows = []
    for strip in app.screen._compositor.render_strips():
        row: list[Cell] = []
        for text, style, _ in Segment.filter_control(strip):
            fg, bg = (style.color, style.bgcolor) if style else (None, None)
            if style and style.reverse:
                fg, bg = bg, fg
            for char in text:
                row.append(Cell(char, fg, bg))
                if unicodedata.east_asian_width(char) in "WF":
                    row.append(Cell("", fg, bg))  # the second column of a wide character
        rows.append(row)
    return rows


def row_text(row: list[Cell]) -> str:
    return "".join(cell.char for cell in row)


def unreadable(app: HotlineApp, rows: list[list[Cell]]) -> list[str]:
    """Letters and digits drawn so that the terminal shows them in their background's colour."""
    no_color = app.no_color
    found = []
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            if not cell.char or unicodedata.category(cell.char)[0] not in "LN":
                continue  # box drawing, block elements, spaces: shapes, not words
            if cell.fg is None or cell.bg is None:
                continue  # the terminal's own default colours always contrast
            if no_color:
                fg, bg = cell.fg.get_truecolor(), cell.bg.get_truecolor()
                same = abs(fg.red - bg.red) < LEAST_GREY_STEP
            else:
                fg_n = cell.fg.downgrade(ColorSystem.STANDARD).number
                same = fg_n == cell.bg.downgrade(ColorSystem.STANDARD).number
            if same:
                found.append(f"{cell.char!r} at ({x}, {y}) in {row_text(row).strip()!r}")
    return found


def chromatic(rows: list[list[Cell]]) -> set[str]:
    colours = {colour for row in rows for cell in row for colour in (cell.fg, cell.bg) if colour}
    return {
        colour.get_truecolor().hex
        for colour in colours
        if len(set(colour.get_truecolor())) > 1  # not a grey
    }


def displayed(widget: Widget) -> bool:
    return all(
        node.display and node.visible
        for node in widget.ancestors_with_self
        if isinstance(node, Widget)
    )


def out_of_reach(app: HotlineApp) -> list[str]:
    """Widgets the operator needs that lie outside 80×24 without a container to scroll them
    into view."""
    screen = app.screen
    found = []
    for widget in screen.query("*"):
        if not (widget.focusable or isinstance(widget, (StatusBanner, StatusLine))):
            continue
        if not displayed(widget):
            continue
        if widget.region and screen.region.contains_region(widget.region):
            continue
        scrolls = any(
            node.allow_vertical_scroll or node.allow_horizontal_scroll
            for node in widget.ancestors
            if isinstance(node, Widget) and node is not screen
        )
        if not scrolls:
            found.append(f"{widget!r} at {widget.region}")
    return found


def missing_footer_keys(app: HotlineApp, rows: list[list[Cell]]) -> list[str]:
    """The keys the footer should show (one per action, as Textual's Footer picks them) that
    the bottom line does not."""
    footer = row_text(rows[-1]).replace("\xa0", " ")
    shown: dict[str, str] = {}
    for _, binding, _, _ in app.screen.active_bindings.values():
        if binding.show and binding.description:
            shown.setdefault(
                binding.action, f"{app.get_key_display(binding)} {binding.description}"
            )
    return [key for key in shown.values() if key not in footer]


def screen_problems(app: HotlineApp) -> str:
    """Every problem of the screen now on the terminal, one per line ("" when none), followed
    by the screen itself."""
    rows = screen_rows(app)
    assert len(rows) == SIZE[1] and all(len(row) == SIZE[0] for row in rows)
    problems = [f"footer key cut off: {key!r}" for key in missing_footer_keys(app, rows)]
    problems += [f"out of reach: {widget}" for widget in out_of_reach(app)]
    problems += [f"unreadable: {letter}" for letter in unreadable(app, rows)]
    if app.no_color and (colours := chromatic(rows)):
        problems.append(f"colours under NO_COLOR: {sorted(colours)}")
    if not problems:
        return ""
    screen = "\n".join(row_text(row).rstrip() for row in rows)
    return "\n".join(problems) + f"\non {type(app.screen).__name__}:\n{screen}"


def screen_words(app: HotlineApp) -> str:
    """The screen's text without spaces and line ends: wrapped sentences read back whole."""
    return "".join("".join(row_text(row).split()) for row in screen_rows(app))


async def test_lookup_screen_is_whole_and_readable(
    terminal: str, signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.no_color is (terminal == "NO_COLOR")
        assert not (problems := screen_problems(app)), problems
        await pilot.press(*DEMO_PHONES["unknown"], "enter")
        await settle(pilot)
        assert "没有找到" in screen_words(app)
        assert not (problems := screen_problems(app)), problems


async def test_detail_says_each_state_in_words_whole_and_readable(
    terminal: str, signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    for situation, words in STATE_WORDS.items():
        # A kiosk per caller: a second number on one kiosk first asks to wrap up the call.
        app = kiosk(signed_in)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*DEMO_PHONES[situation], "enter")
            await settle(pilot)
            banner = app.screen.query_one(StatusBanner)
            assert banner.sentence.startswith(words), situation
            assert "".join(banner.sentence.split()) in screen_words(app), situation
            assert not (problems := screen_problems(app)), f"{situation}: {problems}"


async def start_walkthrough(pilot: Pilot[None]) -> None:
    """新申请 (F3) for a number the demo does not know, an organization code the registry does
    not know, and 发送验证码."""
    await pilot.press(*NEW_PHONE, "f3")
    await settle(pilot)
    await pilot.press(*"310000014", "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_walkthrough_verify_step_is_whole_and_readable(
    terminal: str, signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=SIZE) as pilot:
        await start_walkthrough(pilot)
        assert "验证码短信已发送" in screen_words(app)
        assert not (problems := screen_problems(app)), problems


async def test_walkthrough_later_steps_are_whole_and_readable(
    terminal: str, signed_in: CentralAPI, kiosk: Kiosk, demo_api_app: object
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=SIZE) as pilot:
        await start_walkthrough(pilot)
        await pilot.press(*sms_code(demo_api_app, NEW_PHONE), "enter")
        await settle(pilot)
        for step, words in (
            ("填写资料", "请填写医疗机构名称"),
            ("上传文件", "上传规则"),
            ("审批状态", "填写中"),
        ):
            assert words in screen_words(app), step
            assert not (problems := screen_problems(app)), f"{step}: {problems}"
            await pilot.press("f7")
            await settle(pilot)
