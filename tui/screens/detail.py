"""`DetailScreen`: one application — banner, form with its problems, files, account, timeline,
notifications — kept current while it is open.

Live: the screen follows the application's event stream (`client.watch_application`) and
reloads whenever the server says it changed (the caller uploading, a reviewer deciding, another
operator's note), so nobody presses a refresh key during a call. A lost stream is said quietly
in the status line while the watcher reconnects; once back, the screen reloads, since changes
may have happened meanwhile. The watcher is a plain task owned by the screen rather than a
Textual worker: it never finishes, and `app.workers.wait_for_complete()` must still mean "the
screen's requests are done".
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Label

from client import (
    STREAM_LOST,
    STREAM_OPENED,
    ApiError,
    CentralAPI,
    Notification,
    UnauthorizedError,
    watch_application,
)
from domain import Application, Event, status_sentence

from .._labels import KIND_LABELS, allowed_actions_sentence, local_time
from .._text import failure_sentence
from ..widgets import (
    AccountSection,
    FilesSection,
    FormSection,
    NotificationsSection,
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
    | F3     | 办理: the registration walk-through at the step where it stands |
    | ↑ ↓ PgUp PgDn | scroll |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回"),
        Binding("f5", "reload", "刷新"),
        Binding("f3", "app.handle_application", "办理"),
    ]
    AUTO_FOCUS = "#sections"

    class Loaded(Message):
        """The application, its timeline and its notifications arrived."""

        def __init__(
            self,
            application: Application,
            events: list[Event],
            notifications: list[Notification] | None,
            notifications_note: str = "",
        ) -> None:
            self.application = application
            self.events = events
            self.notifications = notifications
            self.notifications_note = notifications_note
            super().__init__()

    def __init__(
        self, api: CentralAPI, application_id: str, *, clock: Callable[[], datetime]
    ) -> None:
        super().__init__(api, clock=clock)
        self.application_id = application_id
        self.application: Application | None = None
        self.live: asyncio.Task[None] | None = None
        self.stream_lost = False
        self.changes_seen = 0
        """Stream events that made the screen reload (tests and the latency figure use it)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusBanner(id="banner")
        yield StatusLine(id="status")
        with VerticalScroll(id="sections"):
            yield Label("", id="summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.live = asyncio.create_task(self.follow_changes(), name=f"live {self.application_id}")

    async def on_unmount(self) -> None:
        if self.live is not None:
            self.live.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.live

    def action_back(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self.status_line.busy("正在刷新…")
        self.load()

    @work(exclusive=True, exit_on_error=False, group="detail")
    async def load(self) -> None:
        application, events, (notifications, note) = await asyncio.gather(
            self.api.get_application(self.application_id),
            self.api.get_events(self.application_id),
            self.read_notifications(),
        )
        self.post_message(self.Loaded(application, events.items, notifications, note))

    async def read_notifications(self) -> tuple[list[Notification] | None, str]:
        """The notifications, or why they could not be read: the rest of the detail still shows."""
        try:
            return await self.api.notifications(self.application_id), ""
        except ApiError as error:
            if isinstance(error, UnauthorizedError):
                raise
            return None, f"无法读取通知：{error.detail}"

    async def follow_changes(self) -> None:
        """Reload on every change the server reports, until the screen closes."""
        try:
            async for event in watch_application(self.api, self.application_id):
                if event.event == STREAM_LOST:
                    self.stream_lost = True
                    self.status_line.busy(str(event.data.get("detail", "")))
                elif event.event == STREAM_OPENED:
                    if self.stream_lost:
                        self.stream_lost = False
                        self.status_line.clear()
                        self.changes_seen += 1
                        self.load()
                else:
                    self.changes_seen += 1
                    self.load()
        except ApiError as error:
            # Refused for good (signed out, no such application): say so; no more live updates.
            self.status_line.error(f"实时更新已停止：{failure_sentence(error)}")
            if isinstance(error, UnauthorizedError):
                self.post_message(self.SessionExpired(failure_sentence(error)))

    async def on_detail_screen_loaded(self, message: Loaded) -> None:
        application = message.application
        self.application = application
        if not self.stream_lost:
            self.status_line.clear()
        self.query_one(StatusBanner).show(
            application, status_sentence(application, now=self.clock())
        )
        self.query_one("#summary", Label).update(self.summary_text(application))
        sections = self.query_one("#sections", VerticalScroll)
        # A live reload must not throw the operator back to the top of what they were reading.
        scrolled_to = sections.scroll_y
        await sections.query("Section").remove()
        form_problems = [p for p in application.problems if not is_file_problem(p)]
        file_problems = [p for p in application.problems if is_file_problem(p)]
        await sections.mount_all(
            [
                FormSection(application.form, form_problems),
                FilesSection(application.files, file_problems),
                AccountSection(application.account),
                NotificationsSection(message.notifications, note=message.notifications_note),
                TimelineSection(message.events),
            ]
        )
        sections.scroll_to(y=scrolled_to, animate=False, immediate=True)

    @staticmethod
    def summary_text(application: Application) -> str:
        """申请编号, kind, last change and what may be done next — one glance, above the form."""
        return (
            f"申请编号 {application.id} · {KIND_LABELS[application.kind]}"
            f" · 更新于 {local_time(application.updated_at)}\n"
            f"{allowed_actions_sentence(application.actions)}"
        )
