"""The detail's E 找回密码: a fresh password-recovery link to the account's administrator by email,
when the caller asked for one on the login page and it did not arrive (or is no longer valid).

The link goes only to the email on file and does nothing until its holder sets a password, so
unlike P 重置密码 it needs no caller check; the operator never sees it. The server limits the
resends per account; the outcome says when the next is allowed, a refusal how long to wait. The
timeline shows when a recovery email went out (masked address) and when a link was used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from .._i18n import tr
from .._labels import local_time
from ._detail_base import DetailBase
from .modals import ConfirmModal

if TYPE_CHECKING:
    from domain import Delivery


def recovery_lines(email: str) -> list[str]:
    return [
        tr(
            "新的找回密码链接将发到账号登记的数据管理员邮箱 {email}，只能使用一次；"
            "之前发出的链接随即作废。",
            email=email,
        ),
        tr("数据管理员打开链接后自己设置新密码；本屏幕不会显示链接。"),
    ]


def recovery_sentence(delivery: Delivery) -> str:
    """After the resend: where it went, and when the next one is allowed."""
    sent = tr("找回密码邮件已发到 {email}。", email=delivery.email)
    if delivery.remaining_today <= 0:
        return sent + tr("今天的重发次数已用完。")
    return sent + tr(
        "{time} 后可再重发，今天还可重发 {count} 次。",
        time=local_time(delivery.resend_after)[11:],
        count=delivery.remaining_today,
    )


class RecoveryActions(DetailBase):
    """E: the recovery link once more."""

    def action_resend_recovery(self) -> None:
        application = self.application
        if application is None or application.account is None:
            return
        modal = ConfirmModal(
            tr("重发找回密码邮件"),
            recovery_lines(application.form.admin.email or tr("（未填写）")),
            confirm_label=tr("发送"),
        )
        self.app.push_screen(modal, self.recovery_confirmed)

    def recovery_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            self.status_line.busy(tr("正在发送找回密码邮件…"))
            self.resend_recovery()

    @work(exclusive=True, exit_on_error=False, group="recovery")
    async def resend_recovery(self) -> None:
        account = self.application.account if self.application is not None else None
        if account is None:
            return
        delivery = await self.api.resend_password_recovery(account.id, call_id=self.call_id)
        self.done(recovery_sentence(delivery))
