"""`DetailBase`: what the detail screen and its groups of actions share — the application, its
loading, and the hotline call it is being looked at in.

The detail's actions live in two groups apart from the screen's layout (`_detail_caller`: the
caller check and what needs it; `_detail_records`: amend, documents, notices, notes); each says
its outcome in the status line and reloads, and the screen (`detail.DetailScreen`) handles
`Loaded`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.message import Message
from textual.screen import Screen

from client import ApiError, CentralAPI, Notification, RateLimitedError, UnauthorizedError
from domain import Application, Event

from .._i18n import N_, SOURCE_LANGUAGE, current_language, tr
from .._text import failure_sentence
from ._base import ApiScreen

if TYPE_CHECKING:
    from .._calls import CallKeeper
    from ..app import HotlineApp


SHORT_KEY_WORDS = {"change_data": N_("变更"), "reset_password": N_("重置")}
"""Footer words for the keys whose full names ("Change of details", "Reset password") would
push the last keys off 80 columns in English; Chinese keeps the full names, which fit."""


def shorten_key_words(screen: Screen[Any]) -> None:
    """In a language other than Chinese, the footer's shorter words for the long keys."""
    if current_language() == SOURCE_LANGUAGE:
        return
    keys = screen._bindings.key_to_bindings
    for key, bindings in keys.items():
        keys[key] = [
            replace(binding, description=tr(SHORT_KEY_WORDS[binding.action]))
            if binding.action in SHORT_KEY_WORDS
            else binding
            for binding in bindings
        ]


def limit_failure_sentence(error: BaseException | None) -> str:
    """A refusal for going too fast, with the wait when the server's sentence lacks it."""
    sentence = failure_sentence(error)
    if isinstance(error, RateLimitedError) and error.retry_after:
        minutes = max(1, round(error.retry_after / 60))
        if not any(char.isdigit() for char in sentence):
            sentence += tr("（约 {minutes} 分钟后可再试）", minutes=minutes)
    return sentence


class DetailBase(ApiScreen):
    """The application on screen (`application`, None until loaded) and `load`."""

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

    @property
    def calls(self) -> CallKeeper:
        """The hotline call the operator is in (`HotlineApp.calls`)."""
        return cast("HotlineApp", self.app).calls

    @property
    def call_id(self) -> str | None:
        """The open call, when it is about this application (what the audit trail names)."""
        call = self.calls.current
        if call is None or call.application_id != self.application_id:
            return None
        return call.id

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
            return None, tr("无法读取通知：{reason}", reason=failure_sentence(error))

    def done(self, sentence: str) -> None:
        """An action succeeded: say so and show what it changed."""
        self.status_line.info(sentence)
        self.load()

    def worker_failed(self, error: BaseException | None) -> None:
        if isinstance(error, RateLimitedError):
            self.status_line.error(limit_failure_sentence(error))
