"""`ApiScreen`: what every screen that talks to the central API shares.

All API calls run in workers started on the screen; this is the one place where a failed
worker becomes a sentence on the screen instead of a crash, and where an expired session sends
the operator back to the login screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from textual.app import SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from client import CentralAPI, UnauthorizedError

from .._bindings import translate_bindings
from .._text import failure_sentence
from ..widgets import StatusLine


class ApiScreen(Screen[None]):
    """A screen with an API client, a clock and a `StatusLine` (`#status`) for sentences."""

    SIGNS_OUT_ON_UNAUTHORIZED = True
    """An expired token means signing in again, except on the login screen itself."""

    class SessionExpired(Message):
        """The API no longer accepts the token: the app shows the login screen."""

        def __init__(self, sentence: str) -> None:
            self.sentence = sentence
            super().__init__()

    def __init__(self, api: CentralAPI, *, clock: Callable[[], datetime]) -> None:
        super().__init__()
        # Every API screen's footer keys, in the kiosk's language (a no-op in Chinese).
        translate_bindings(self)
        self.api = api
        self.clock = clock

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            self.status_line.error(failure_sentence(error))
            self.worker_failed(error)
            if isinstance(error, UnauthorizedError) and self.SIGNS_OUT_ON_UNAUTHORIZED:
                self.post_message(self.SessionExpired(failure_sentence(error)))

    def worker_failed(self, error: BaseException | None) -> None:
        """Hook for screens that undo a busy state when a call fails."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The screen's own entries in the command palette (the app adds its own)."""
        return ()
