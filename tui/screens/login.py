"""`LoginScreen`: the operator signs in; Enter in either field submits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label

from client import CentralAPI

from .._i18n import N_, tr
from ..widgets import StatusLine
from ._base import ApiScreen

if TYPE_CHECKING:
    from domain import TokenGrant


class UsernameInput(Input):
    """The username field: Enter moves to the password field before the next key is read.

    Why: `Input.Submitted` is a queued message, so moving focus when the screen handles it
    came after the keys that followed Enter — a password typed or pasted at once — had already
    gone to this field. A priority binding runs while the app dispatches the Enter key itself,
    so every later key goes to the newly focused password field.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next_field", show=False, priority=True)
    ]

    def action_next_field(self) -> None:
        # `Widget.focus` defers the change to a later callback; `Screen.set_focus` is at once.
        self.screen.set_focus(self.screen.query_one("#password", Input))


class LoginScreen(ApiScreen):
    """Username and password; the sentence of a failed login stays under the form.

    | key    | action |
    |--------|--------|
    | Enter  | 登录 (from the password field; from the username field it moves on) |
    | Ctrl+Q | 退出 |
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "sign_in", N_("登录"), show=True)]
    SIGNS_OUT_ON_UNAUTHORIZED = False
    AUTO_FOCUS = "#username"

    class SignedIn(Message):
        """The API accepted the operator's credentials."""

        def __init__(self, grant: TokenGrant) -> None:
            self.grant = grant
            super().__init__()

    def __init__(
        self,
        api: CentralAPI,
        *,
        clock: Callable[[], datetime],
        username: str = "",
        notice: str = "",
        error: str = "",
    ) -> None:
        """`notice` says why the form shows (e.g. signed out); `error` why a sign-in failed."""
        super().__init__(api, clock=clock)
        self.initial_username = username
        self.notice = notice
        self.error = error

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="login-form"):
            yield Label(tr("HQMS 热线工作台 · 操作员登录"), id="login-title")
            yield Label(tr("用户名"))
            yield UsernameInput(
                self.initial_username, placeholder=tr("操作员用户名"), id="username"
            )
            yield Label(tr("密码"))
            yield Input(password=True, placeholder=tr("密码"), id="password")
            yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        if self.error:
            self.status_line.error(self.error)
        elif self.notice:
            self.status_line.info(self.notice)
        if self.initial_username:
            self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    def submit(self) -> None:
        self.action_sign_in()

    def action_sign_in(self) -> None:
        username = self.query_one("#username", Input).value.strip()
        password = self.query_one("#password", Input).value
        if not username or not password:
            self.status_line.error(tr("请填写用户名和密码。"))
            self.query_one("#password" if username else "#username", Input).focus()
            return
        self.status_line.busy(tr("正在登录…"))
        self.sign_in(username, password)

    @work(exclusive=True, exit_on_error=False, group="login")
    async def sign_in(self, username: str, password: str) -> None:
        grant = await self.api.login(username, password)
        self.post_message(self.SignedIn(grant))

    def worker_failed(self, error: BaseException | None) -> None:
        password = self.query_one("#password", Input)
        password.value = ""
        password.focus()
