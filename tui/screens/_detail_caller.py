"""The detail's actions that need to know who is calling: K 核实身份, V 查看, P 重置密码 and
M 变更资料 (amend on an approved application).

Whatever changes an account or shows personal data in full asks for the caller check first
(`with_caller_checked`), once per call: a code to the registered phone, or a recorded reason
why not. 重置密码 is the exception that proves the rule — its own `reset_password` code to the
registered phone is the check, so nothing is asked twice. A revealed value shows for
`REVEAL_SECONDS`, or until the operator leaves the screen (any other screen or modal over it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer
from textual.widgets import Static

from domain import CallerCheckMethod

from .._i18n import N_, tr
from ._detail_base import DetailBase
from .call_modals import REVEAL_FIELDS, RevealModal, RevealRequest
from .caller_check import CallerCheckModal
from .modals import ConfirmModal, ReasonModal
from .reset_password import ResetPasswordModal, reset_sentence

if TYPE_CHECKING:
    from domain import Call, Delivery

REVEAL_SECONDS = 60
CHANGE_LINES = (
    N_("将新建一份“变更资料”申请，内容预填为当前审核通过的资料，可在其中修改。"),
    N_("变更申请审核通过前，机构账号照常使用，登录名和密码都不变。"),
    N_("变更申请需重新下载、盖章、上传两份文件，再提交审核；审核通过后账号资料才更新。"),
    N_("如更换数据管理员：审核通过后账号密码重置，新的初始密码发给新的管理员，旧密码失效。"),
)
COMMON_CHANGE_REASONS = (
    N_("更换数据管理员"),
    N_("数据管理员的邮箱变更"),
    N_("医疗机构名称或地址变更"),
)


def check_sentence(call: Call) -> str:
    check = call.caller_check
    if check is None:
        return tr("来电人身份尚未核实。")
    if check.method is CallerCheckMethod.SMS:
        return tr("来电人身份已核实（短信验证码发到登记的手机号 {phone}）。", phone=check.phone)
    return tr("已记录不核实来电人身份的原因：{reason}", reason=check.reason)


class CallerActions(DetailBase):
    """K, V, P and M-on-approved; the caller check before what needs it."""

    reveal_timer: Timer | None = None

    # -- the caller check ----------------------------------------------------------------------

    def with_caller_checked(self, then: Callable[[], object]) -> None:
        """Run `then` once the caller of this call is checked (asking first when not)."""
        if self.call_id is not None and self.calls.checked:
            then()
            return
        self.status_line.busy(tr("正在准备核实来电人身份…"))
        self.open_caller_check(then)

    @work(exclusive=True, exit_on_error=False, group="call")
    async def open_caller_check(self, then: Callable[[], object]) -> None:
        if self.call_id is None:
            await self.calls.attach(self.api, self.application_id)
            self.refresh_bindings()
        call_id = self.call_id
        if call_id is None:
            trouble = self.calls.trouble or tr("没有进行中的通话。")
            self.status_line.error(tr("{trouble}不能核实来电人身份，请稍后再试。", trouble=trouble))
            return
        self.status_line.clear()
        if self.calls.checked:
            then()
            return
        modal = CallerCheckModal(self.api, self.application_id, call_id)
        self.app.push_screen(modal, partial(self.caller_checked, then))

    def caller_checked(self, then: Callable[[], object], call: Call | None) -> None:
        if call is None:
            self.status_line.info(tr("没有核实来电人身份，操作没有进行。"))
            return
        self.calls.record(call, self.api)
        self.refresh_bindings()
        then()

    def action_check_caller(self) -> None:
        self.with_caller_checked(self.say_checked)

    def say_checked(self) -> None:
        call = self.calls.current
        if call is not None:
            self.done(check_sentence(call))

    # -- V 查看 ----------------------------------------------------------------------------------

    def action_reveal(self) -> None:
        if self.application is not None:
            self.with_caller_checked(self.ask_reveal)

    def ask_reveal(self) -> None:
        if self.application is None:
            return
        form = self.application.form
        masked = {
            "admin.mobile": form.admin.mobile,
            "admin.email": form.admin.email,
            "admin.name": form.admin.name,
            "legal_rep.mobile": form.legal_rep.mobile,
            "legal_rep.name": form.legal_rep.name,
        }
        self.app.push_screen(RevealModal(masked), self.reveal_asked)

    def reveal_asked(self, request: RevealRequest | None) -> None:
        if request is not None:
            self.status_line.busy(tr("正在读取完整信息…"))
            self.reveal(request)

    @work(exclusive=True, exit_on_error=False, group="reveal")
    async def reveal(self, request: RevealRequest) -> None:
        call_id = self.call_id
        if call_id is None:
            self.status_line.error(tr("请先开始通话并查到该申请，再查看完整信息。"))
            return
        revealed = await self.api.reveal(
            self.application_id, request.field, request.reason, call_id=call_id
        )
        self.status_line.clear()
        label = REVEAL_FIELDS.get(revealed.field, revealed.field)
        self.show_revealed(
            tr(
                "{label}：{value}（{seconds} 秒后或离开本页时隐藏）",
                label=label,
                value=revealed.value,
                seconds=REVEAL_SECONDS,
            )
        )
        self.load()  # the timeline shows the reveal (never the value)

    def show_revealed(self, text: str) -> None:
        shown = self.query_one("#revealed", Static)
        shown.update(text)
        shown.display = True
        if self.reveal_timer is not None:
            self.reveal_timer.stop()
        self.reveal_timer = self.set_timer(REVEAL_SECONDS, self.hide_revealed)

    def hide_revealed(self) -> None:
        if self.reveal_timer is not None:
            self.reveal_timer.stop()
            self.reveal_timer = None
        shown = self.query_one("#revealed", Static)
        shown.update("")
        shown.display = False

    def on_screen_suspend(self) -> None:
        self.hide_revealed()

    # -- P 重置密码 ------------------------------------------------------------------------------

    def action_reset_password(self) -> None:
        application = self.application
        if application is None or application.account is None:
            return
        modal = ResetPasswordModal(
            self.api,
            application.id,
            application.account.id,
            call_id=self.call_id,
            clock=self.clock,
        )
        self.app.push_screen(modal, self.password_reset)

    def password_reset(self, delivery: Delivery | None) -> None:
        if delivery is not None:
            self.done(reset_sentence(delivery))

    # -- M 变更资料 (approved) -------------------------------------------------------------------

    def action_change_data(self) -> None:
        if self.application is not None:
            self.with_caller_checked(self.explain_change)

    def explain_change(self) -> None:
        modal = ConfirmModal(
            tr("变更资料"),
            [tr(line) for line in CHANGE_LINES],
            confirm_label=tr("发起变更资料"),
        )
        self.app.push_screen(modal, self.change_confirmed)

    def change_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            modal = ReasonModal(
                tr("变更资料的原因"),
                tr("请填写要变更什么（写入审计记录）："),
                common_reasons=[tr(reason) for reason in COMMON_CHANGE_REASONS],
                submit_label=tr("发起变更"),
            )
            self.app.push_screen(modal, self.change_reason_given)

    def change_reason_given(self, reason: str | None) -> None:
        if reason:
            self.status_line.busy(tr("正在发起变更资料申请…"))
            self.open_change(reason)

    @work(exclusive=True, exit_on_error=False, group="amend")
    async def open_change(self, reason: str) -> None:
        revision = self.application.revision if self.application is not None else None
        change = await self.api.amend(self.application_id, reason, revision=revision)
        self.status_line.info(tr("已发起变更资料申请 {id}，原账号照常使用。", id=change.id))
        from .detail import DetailScreen  # the screen module imports this one

        self.app.push_screen(DetailScreen(self.api, change.id, clock=self.clock))
