"""`LockScreen`: the kiosk after idle minutes — nothing of the call on screen until the
operator's password is given again.

A full, opaque screen pushed over whatever was open, so the screens below keep their state
(typed form data, scroll positions, the open call) and come back unchanged. The password is
checked by the server (`POST /v1/auth/unlock`), which counts wrong ones toward the operator
lockout: a lock that ends the session sends the operator to the login form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from client import (
    ApiError,
    CentralAPI,
    InvalidCredentialsError,
    RateLimitedError,
    UnauthorizedError,
)

from .._i18n import N_, tr
from .._text import failure_sentence
from ..widgets import StatusLine
from ._base import ApiScreen

WRONG_PASSWORD = N_("密码不正确，请重新输入；多次输错会锁定坐席账号。")


class LockScreen(ApiScreen):
    """已锁定: type the password and Enter.

    | key   | action |
    |-------|--------|
    | Enter | 解锁 |
    """

    BINDINGS: ClassVar[list[BindingType]] = []
    DEFAULT_CSS = """
    LockScreen {
        align: center middle;
        background: $background;
    }
    LockScreen > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $primary;
    }
    LockScreen .lock-title { text-style: bold; }
    LockScreen Label { width: 1fr; }
    """
    AUTO_FOCUS = "#unlock-password"

    def __init__(
        self,
        api: CentralAPI,
        *,
        clock: Callable[[], datetime],
        operator: str,
        idle_minutes: float = 0,
    ) -> None:
        """`idle_minutes`: how long the desk was left before it locked itself; 0 when the
        operator locked it."""
        super().__init__(api, clock=clock)
        self.operator = operator
        self.idle_minutes = idle_minutes

    def compose(self) -> ComposeResult:
        if not self.idle_minutes:
            why = tr("工作台已手动锁定")
        elif self.idle_minutes >= 1:
            why = tr("已空闲 {minutes:g} 分钟", minutes=self.idle_minutes)
        else:
            why = tr("已空闲一段时间")
        with Vertical():
            yield Label(tr("工作台已锁定"), classes="lock-title")
            yield Label(tr("{why}，为保护来电人信息，屏幕已隐藏。", why=why), markup=False)
            yield Label(
                tr("坐席 {operator}，请输入登录密码解锁：", operator=self.operator), markup=False
            )
            yield Input(password=True, placeholder=tr("登录密码"), id="unlock-password")
            yield StatusLine(id="status")

    @on(Input.Submitted, "#unlock-password")
    def submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            self.status_line.error(tr("请输入密码。"))
            return
        self.status_line.busy(tr("正在验证…"))
        self.unlock(event.value)

    @work(exclusive=True, exit_on_error=False, group="unlock")
    async def unlock(self, password: str) -> None:
        field = self.query_one("#unlock-password", Input)
        try:
            await self.api.unlock(password)
        except InvalidCredentialsError:
            field.value = ""
            self.status_line.error(tr(WRONG_PASSWORD))
            return
        except (UnauthorizedError, RateLimitedError) as error:
            # Locked out, or the session itself ended: sign in again (the typed phone stays).
            self.post_message(self.SessionExpired(failure_sentence(error)))
            return
        except ApiError as error:
            self.status_line.error(failure_sentence(error))
            return
        self.dismiss()
