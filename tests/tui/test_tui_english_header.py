"""The header line in English at 80 columns: the title and the subtitle show whole."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from client import CentralAPI
from tui import HotlineApp

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[object]], str]


async def test_the_english_header_shows_whole_before_and_after_sign_in(
    central: CentralAPI, kiosk: Kiosk, screen_text: ScreenText, english: None
) -> None:
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "HQMS Hotline Desk" in header and "400 0030 686" in header
        assert "…" not in header
