"""`Desk`: the part of the kiosk that guards the operator's desk — the hotline call in progress
(`calls`, Ctrl+E 结束通话) and the idle lock — as the base class of `HotlineApp`.

Leaving the desk (退出, 退出登录) with a call open asks for its wrap-up first, so the call does not
stay open on the server without one; Escape in the wrap-up keeps the kiosk as it was. When the
server cannot take the wrap-up the operator is told, and may still leave: the call then stays
open on the server, and the sentence says so. A session that already ended (the server said
unauthorized) cannot wrap anything up: leaving then asks nothing.

The idle lock: after `idle_lock_minutes` without a key, a paste, a click or a scroll, the
`LockScreen` goes over whatever is open, hiding the caller's data until the operator's password
is given again. The screens below are not touched, so typed data and the open call are all
there after the unlock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType

from client import ApiError, CallEndedError, CentralAPI

from ._calls import CallKeeper
from ._i18n import N_, tr
from ._text import failure_sentence
from .screens import ApiScreen, LoginScreen

if TYPE_CHECKING:
    from domain import WrapUp

Leaving = Literal["quit", "sign_out"]
LEAVING: dict[Leaving, tuple[str, str, str]] = {
    "quit": (
        N_("退出前请为进行中的通话选择话后小结；按 Esc 取消退出。"),
        N_("仍然退出的话，这通电话会在服务器上保持未结束，没有话后小结。"),
        N_("仍然退出"),
    ),
    "sign_out": (
        N_("退出登录前请为进行中的通话选择话后小结；按 Esc 取消退出登录。"),
        N_("仍然退出登录的话，这通电话会在服务器上保持未结束，没有话后小结。"),
        N_("仍然退出登录"),
    ),
}
"""What the wrap-up asks before leaving; what stays behind when it cannot be saved; the button
that leaves anyway."""
DEFAULT_IDLE_LOCK_MINUTES = 5.0
LONGEST_CHECK_SECONDS = 15.0
NO_CALL = N_("当前没有进行中的通话。")
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
        Binding("ctrl+e", "end_call", N_("结束通话"), show=False, priority=True),
        Binding("ctrl+q", "quit", N_("退出"), priority=True),
        Binding("ctrl+l", "sign_out", N_("退出登录"), show=False),
    ]

    api: CentralAPI
    clock: Callable[[], datetime]
    show_login: Callable[..., None]
    """The login form on top of nothing else (`HotlineApp.show_login`)."""

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
            self.notify(tr(NO_CALL))
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
            sentence = tr("通话未能结束：{reason}", reason=failure_sentence(error))
            self.notify(sentence, severity="error")
            return False
        self.notify(tr("通话已结束，话后小结已保存。"))
        return True

    # -- leaving the desk ----------------------------------------------------------------------

    def on_api_screen_session_expired(self, message: ApiScreen.SessionExpired) -> None:
        # No wrap-up without a session: the call stays with the kiosk for the next sign-in.
        self.show_login(error=message.sentence, keep_phone=True)

    async def action_quit(self) -> None:
        """退出: with a call open, its wrap-up first."""
        self.wrap_up_before_leaving("quit", self.exit)

    async def action_sign_out(self) -> None:
        """退出登录: with a call open, its wrap-up first."""
        if not self.signing_in:
            self.wrap_up_before_leaving("sign_out", self.sign_out)

    def sign_out(self) -> None:
        # Signed out while the automatic sign-in still runs: it must not bring the lookup back.
        self.workers.cancel_group(self, "sign-in")
        self.sign_out_from_api()
        self.calls.forget(self.api)
        self.show_login(notice=tr("已退出登录。"))

    def sign_out_from_api(self) -> None:
        # The local sign-out must not wait on a slow server; the revocation runs on its own.
        self.run_worker(self.api.logout(), exit_on_error=False, group="logout")

    def wrap_up_before_leaving(self, leaving: Leaving, proceed: Callable[[], object]) -> None:
        """`proceed` (quit, sign out) once the open call has its wrap-up; Escape: stay."""
        from .screens.wrap_up import WrapUpModal

        call = self.calls.current
        if call is None or self.signing_in or not self.api.signed_in or self.locked:
            # No call, no session left to record a wrap-up with, or a locked desk: whoever
            # stands at it must not write the operator's call record. The call stays open.
            proceed()
            return
        if isinstance(self.screen, WrapUpModal):
            return  # a wrap-up is being chosen already; Escape there, then leave again

        def given(answer: object) -> None:
            if isinstance(answer, tuple):
                ending = self.end_call_then(answer, leaving, proceed)
                self.run_worker(ending, group="call", exit_on_error=False)

        ask = tr(LEAVING[leaving][0])
        self.push_screen(WrapUpModal(phone=call.phone, reason=ask), given)

    async def end_call_then(
        self, answer: tuple[WrapUp, str], leaving: Leaving, proceed: Callable[[], object]
    ) -> None:
        from .screens.modals import ConfirmModal

        wrap_up, note = answer
        try:
            await self.calls.end(self.api, wrap_up, note)
        except CallEndedError:
            self.calls.forget(self.api)  # closed on the server already: nothing stays open
        except ApiError as error:
            _, stays_open, anyway = LEAVING[leaving]
            lines = [failure_sentence(error), tr(stays_open)]
            modal = ConfirmModal(tr("通话未能结束"), lines, confirm_label=tr(anyway))

            def answered(leave: bool | None) -> None:
                if leave:
                    proceed()

            self.push_screen(modal, answered)
            return
        proceed()

    def desk_commands(self) -> Iterator[SystemCommand]:
        """The palette's entries for the call, the lock and 退出登录 (signed-in screens only)."""
        if self.calls.open:
            yield SystemCommand(
                tr("结束通话"), tr("选择话后小结，结束本次通话记录 (Ctrl+E)"), self.action_end_call
            )
        yield SystemCommand(tr("锁定"), tr("立即锁定工作台，输入密码后解锁"), self.lock)
        yield SystemCommand(tr("退出登录"), tr("结束本次登录，回到登录页"), self.action_sign_out)
