"""`Desk`: the part of the kiosk that guards the operator's desk — the hotline call in progress
(`calls`, Ctrl+E 结束通话) and the idle lock — as the base class of `HotlineApp`.

The idle lock: after `idle_lock_minutes` without a key, a paste, a click or a scroll, the
`LockScreen` goes over whatever is open, hiding the caller's data until the operator's password
is given again. The screens below are not touched, so typed data and the open call are all
there after the unlock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType

from client import ApiError, CentralAPI

from ._calls import CallKeeper
from ._text import failure_sentence
from .screens import LoginScreen

if TYPE_CHECKING:
    from domain import WrapUp

DEFAULT_IDLE_LOCK_MINUTES = 5.0
LONGEST_CHECK_SECONDS = 15.0
NO_CALL = "当前没有进行中的通话。"
OPERATOR_INPUT = (
    events.Key,
    events.Paste,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
)
"""What counts as the operator being at the desk (the idle lock's clock restarts)."""


class Desk(App[None]):
    """The call and the idle lock; `HotlineApp` sets `api` and `clock`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: a focused Input would take Ctrl+E as "end of line" (End does that too).
        Binding("ctrl+e", "end_call", "结束通话", show=False, priority=True),
    ]

    api: CentralAPI
    clock: Callable[[], datetime]

    def __init__(self, *, idle_lock_minutes: float) -> None:
        super().__init__()
        self.idle_lock_minutes = max(0.0, idle_lock_minutes)
        """0: the kiosk never locks itself."""
        self.last_input = time.monotonic()
        """When the operator last pressed a key or clicked (monotonic seconds)."""
        self.calls = CallKeeper()
        """The hotline call in progress (see `_calls`)."""

    def start_idle_clock(self) -> None:
        if self.idle_lock_minutes:
            # A few checks per lock period: the lock comes at most a quarter period late.
            check_every = min(LONGEST_CHECK_SECONDS, self.idle_lock_minutes * 60 / 4)
            self.set_interval(check_every, self.lock_when_idle, name="idle lock")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, OPERATOR_INPUT):
            self.last_input = time.monotonic()
        await super().on_event(event)

    # -- the idle lock -------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        from .screens.lock import LockScreen

        return any(isinstance(screen, LockScreen) for screen in self.screen_stack)

    def lock_when_idle(self) -> None:
        if time.monotonic() - self.last_input >= self.idle_lock_minutes * 60:
            self.lock(idle_minutes=self.idle_lock_minutes)

    def lock(self, *, idle_minutes: float = 0) -> None:
        """Hide everything behind the lock screen; nothing below changes. Nothing to hide
        before the operator signs in. `idle_minutes`: 0 when the operator locks by hand."""
        if self.locked or self.signing_in or not self.api.signed_in:
            return
        from .screens.lock import LockScreen

        grant = self.api.grant
        operator = (grant.operator.display_name or grant.operator.username) if grant else ""
        self.push_screen(
            LockScreen(self.api, clock=self.clock, operator=operator, idle_minutes=idle_minutes)
        )

    @property
    def signing_in(self) -> bool:
        return any(isinstance(screen, LoginScreen) for screen in self.screen_stack)

    def action_command_palette(self) -> None:
        if not self.locked:  # the palette would lead around the lock
            super().action_command_palette()

    # -- the call ------------------------------------------------------------------------------

    def action_end_call(self) -> None:
        """结束通话: the wrap-up, then the call is closed."""
        from .screens.wrap_up import WrapUpModal

        if self.locked or self.signing_in or isinstance(self.screen, WrapUpModal):
            return
        call = self.calls.current
        if call is None:
            self.notify(NO_CALL)
            return
        self.push_screen(WrapUpModal(phone=call.phone), self.wrap_up_given)

    def wrap_up_given(self, answer: object) -> None:
        if isinstance(answer, tuple):
            wrap_up, note = answer
            self.run_worker(self.end_call(wrap_up, note), group="call", exit_on_error=False)

    async def end_call(self, wrap_up: WrapUp, note: str) -> bool:
        """Close the open call with its wrap-up; says why when the server refuses."""
        try:
            await self.calls.end(self.api, wrap_up, note)
        except ApiError as error:
            self.notify(f"通话未能结束：{failure_sentence(error)}", severity="error")
            return False
        self.notify("通话已结束，话后小结已保存。")
        return True

    def desk_commands(self) -> Iterator[SystemCommand]:
        """The palette's entries for the call and the lock (signed-in screens only)."""
        if self.calls.open:
            yield SystemCommand(
                "结束通话", "选择话后小结，结束本次通话记录 (Ctrl+E)", self.action_end_call
            )
        yield SystemCommand("锁定", "立即锁定工作台，输入密码后解锁", self.lock)
