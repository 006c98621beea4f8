"""The baseline of the kiosk benchmark: the least a phone-search screen can be in Textual."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input


class BareSearchApp(App[None]):
    """Header, one focused Input, Footer: the floor for the kiosk's start."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="来电手机号", id="phone")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
