"""`ResetPasswordModal`: 重置密码 after the caller proves the account's registered phone.

First the limit (`password_reset_status`): where the new password will go, masked, and how many
resets are left today — the operator tells the caller before anything is sent. Then a
`reset_password` code goes to the registered phone (never a number the caller names), the caller
reads it back, and the reset sends a new temporary password to the administrator by email and an
SMS saying so. The code is the caller check for this action: nothing else is asked first.
Neither the code nor the password ever shows here; the modal returns the `Delivery` (where the
password went), or None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.widget import Widget
from textual.widgets import Static

from client import CentralAPI

from .._i18n import N_, tr
from .._labels import local_time
from ..widgets import ResendButton
from ._registered_code import RegisteredPhoneCodeModal
from .modals import MODAL_CSS

if TYPE_CHECKING:
    from domain import Delivery

CLOCK_SLACK = timedelta(seconds=60)
"""The kiosk's clock and the server's may differ a little: a shorter wait is not announced
(the server's own refusal would still say when)."""


def limit_sentence(delivery: Delivery, now: datetime) -> str:
    """Where a reset would send the password, and whether one may be done now."""
    where = tr(
        "新的临时密码将发到管理员邮箱 {email}，并短信通知 {phone}。",
        email=delivery.email,
        phone=delivery.phone,
    )
    if delivery.remaining_today <= 0:
        return where + tr("今天的重置次数已用完，请明天再试。")
    if delivery.resend_after > now + CLOCK_SLACK:
        return where + tr(
            "刚重置过：{time} 后才能再次重置。", time=local_time(delivery.resend_after)[11:]
        )
    return where + tr("今天还可重置 {count} 次。", count=delivery.remaining_today)


def reset_sentence(delivery: Delivery) -> str:
    """After the reset: where the password went, never the password."""
    return tr(
        "新的临时密码已发到 {email}，短信已通知 {phone}；对方首次登录需修改密码。",
        email=delivery.email,
        phone=delivery.phone,
    )


class ResetPasswordModal(RegisteredPhoneCodeModal["Delivery"]):
    """The limit (`#limit`), 发送验证码, the code, 确认重置."""

    DEFAULT_CSS = MODAL_CSS.format(name="ResetPasswordModal") + (
        "ResetPasswordModal #limit { height: auto; margin-top: 1; }"
    )
    TITLE = N_("重置机构账号密码")
    PURPOSE: ClassVar = "reset_password"
    CONFIRM_LABEL = N_("确认重置")

    def __init__(
        self,
        api: CentralAPI,
        application_id: str,
        account_id: str,
        *,
        call_id: str | None,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(api, application_id, self.reset)
        self.account_id = account_id
        self.call_id = call_id
        self.clock = clock
        self.limit: Delivery | None = None

    def intro(self) -> Iterable[str]:
        yield tr(
            "验证码发到该账号登记的数据管理员手机号（不是来电号码）；来电人读出验证码后才重置。"
        )
        yield tr("新密码只发给数据管理员，本屏幕不会显示。")

    def extra_lines(self) -> Iterable[Widget]:
        yield Static(tr("正在读取重置次数…"), id="limit", markup=False)

    def on_mount(self) -> None:
        self.read_limit()

    @work(exclusive=True, exit_on_error=False, group="reset-limit")
    async def read_limit(self) -> None:
        self.limit = limit = await self.api.password_reset_status(self.account_id)
        self.query_one("#limit", Static).update(limit_sentence(limit, self.clock()))
        if limit.remaining_today <= 0:
            self.query_one(ResendButton).disabled = True

    async def reset(self, token: str) -> Delivery:
        return await self.api.reset_password(self.account_id, token, call_id=self.call_id)
