"""`LookupScreen` (home): a caller's phone number → their application, or a list to pick from."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label

from domain import ApplicationSummary, DomainError, normalize_mobile

from .._text import no_match_sentence
from ..widgets import PhoneInput, ResultsTable, StatusLine
from ._base import ApiScreen

SEARCH_LIMIT = 50
"""More applications than this on one phone is not a caller; the list says so."""


class LookupScreen(ApiScreen):
    """The home screen: the phone search is focused as soon as it shows.

    | key    | action |
    |--------|--------|
    | Enter  | 查询 (in the phone field) / 打开 (in the result list) |
    | Escape | 清空 and back to the phone field |
    | F5     | 刷新: search the same number again |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "search", "查询"),
        Binding("escape", "clear", "清空"),
        Binding("f5", "reload", "刷新"),
    ]
    AUTO_FOCUS = "#phone"

    class SearchFinished(Message):
        """The API answered a phone search."""

        def __init__(self, phone: str, summaries: list[ApplicationSummary], more: bool) -> None:
            self.phone = phone
            self.summaries = summaries
            self.more = more
            super().__init__()

    class OpenApplication(Message):
        """Show one application's detail (handled by the app, which owns the screens)."""

        def __init__(self, application_id: str) -> None:
            self.application_id = application_id
            super().__init__()

    last_phone = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="search-bar"):
            yield Label("来电手机号", id="phone-label")
            yield PhoneInput(id="phone")
        yield Label(
            "输入来电手机号后按 Enter 查询；可直接粘贴 +86 138-0013-8000 这样的号码。", id="hint"
        )
        yield StatusLine(id="status")
        yield ResultsTable(id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#results").display = False

    @property
    def phone_input(self) -> PhoneInput:
        return self.query_one("#phone", PhoneInput)

    def focus_search(self) -> None:
        self.phone_input.focus()

    @on(Input.Submitted, "#phone")
    def phone_submitted(self) -> None:
        self.action_search()

    def action_search(self) -> None:
        try:
            phone = normalize_mobile(self.phone_input.value, field="phone")
        except DomainError as error:
            self.status_line.error(error.message)
            return
        self.status_line.busy("正在查询…")
        self.last_phone = phone
        self.search(phone)

    def action_clear(self) -> None:
        self.phone_input.value = ""
        self.query_one("#results", ResultsTable).display = False
        self.status_line.clear()
        self.focus_search()

    def action_reload(self) -> None:
        if self.last_phone:
            self.status_line.busy("正在查询…")
            self.search(self.last_phone)

    @work(exclusive=True, exit_on_error=False, group="lookup")
    async def search(self, phone: str) -> None:
        page = await self.api.search_applications(phone=phone, limit=SEARCH_LIMIT)
        more = page.next_cursor is not None
        self.post_message(self.SearchFinished(phone, page.items, more))

    def on_lookup_screen_search_finished(self, message: SearchFinished) -> None:
        results = self.query_one("#results", ResultsTable)
        found = message.summaries
        results.display = len(found) > 1
        if not found:
            self.status_line.info(no_match_sentence(message.phone))
        elif len(found) == 1:
            self.status_line.clear()
            self.post_message(self.OpenApplication(found[0].id))
        else:
            more = f"（只列出前 {len(found)} 条）" if message.more else ""
            self.status_line.info(f"找到 {len(found)} 条申请{more}，用 ↑↓ 选择，Enter 打开。")
            results.show(found)
            results.focus()

    def on_results_table_picked(self, message: ResultsTable.Picked) -> None:
        self.post_message(self.OpenApplication(message.application_id))
