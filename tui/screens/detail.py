"""`DetailScreen`: one application — banner, form with its problems, files, account, timeline."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Label

from client import CentralAPI
from domain import Application, Event, status_sentence

from .._labels import KIND_LABELS, allowed_actions_sentence, local_time
from ..widgets import (
    AccountSection,
    FilesSection,
    FormSection,
    StatusBanner,
    StatusLine,
    TimelineSection,
    is_file_problem,
)
from ._base import ApiScreen


class DetailScreen(ApiScreen):
    """Read-only view of an application; the actions the state allows are named, not offered.

    | key    | action |
    |--------|--------|
    | Escape | 返回 to the lookup |
    | F5     | 刷新 |
    | ↑ ↓ PgUp PgDn | scroll |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回"),
        Binding("f5", "reload", "刷新"),
    ]
    AUTO_FOCUS = "#sections"

    class Loaded(Message):
        """The application and its timeline arrived."""

        def __init__(self, application: Application, events: list[Event]) -> None:
            self.application = application
            self.events = events
            super().__init__()

    def __init__(
        self, api: CentralAPI, application_id: str, *, clock: Callable[[], datetime]
    ) -> None:
        super().__init__(api, clock=clock)
        self.application_id = application_id
        self.application: Application | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusBanner(id="banner")
        yield StatusLine(id="status")
        with VerticalScroll(id="sections"):
            yield Label("", id="summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self.status_line.busy("正在刷新…")
        self.load()

    @work(exclusive=True, exit_on_error=False, group="detail")
    async def load(self) -> None:
        application, events = await asyncio.gather(
            self.api.get_application(self.application_id),
            self.api.get_events(self.application_id),
        )
        self.post_message(self.Loaded(application, events.items))

    async def on_detail_screen_loaded(self, message: Loaded) -> None:
        application = message.application
        self.application = application
        self.status_line.clear()
        self.query_one(StatusBanner).show(
            application, status_sentence(application, now=self.clock())
        )
        self.query_one("#summary", Label).update(self.summary_text(application))
        sections = self.query_one("#sections", VerticalScroll)
        await sections.query("Section").remove()
        form_problems = [p for p in application.problems if not is_file_problem(p)]
        file_problems = [p for p in application.problems if is_file_problem(p)]
        await sections.mount_all(
            [
                FormSection(application.form, form_problems),
                FilesSection(application.files, file_problems),
                AccountSection(application.account),
                TimelineSection(message.events),
            ]
        )

    @staticmethod
    def summary_text(application: Application) -> str:
        """申请编号, kind, last change and what may be done next — one glance, above the form."""
        return (
            f"申请编号 {application.id} · {KIND_LABELS[application.kind]}"
            f" · 更新于 {local_time(application.updated_at)}\n"
            f"{allowed_actions_sentence(application.actions)}"
        )
