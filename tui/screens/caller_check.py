"""`CallerCheckModal`: 核实身份 — prove the caller holds the registered phone, or say why not.

Before anything that changes an account or shows personal data in full, the operator checks
who is calling: a `verify_caller` code goes to the application's registered phone, the caller
reads it back, and the call records the check (`check_caller`). When that cannot be done (the
registered phone is lost, the caller is the legal representative) the operator records why —
the audit trail then says the action happened without a check, and for what reason.

The modal returns the updated `Call`, or None when the operator gives up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.widgets import Button

from client import CentralAPI

from .._i18n import N_, tr
from ._registered_code import RegisteredPhoneCodeModal
from .modals import MODAL_CSS, ReasonModal

if TYPE_CHECKING:
    from domain import Call

COMMON_WAIVER_REASONS = (
    N_("登记的手机号已停用，来电人无法接收短信"),
    N_("来电人是法定代表人，不是数据管理员本人"),
    N_("仅咨询办理流程，不涉及账号和个人信息"),
)


class CallerCheckModal(RegisteredPhoneCodeModal["Call"]):
    """发送验证码 → the code → 确认核实; or 不核实 with a reason (`#waive`)."""

    DEFAULT_CSS = MODAL_CSS.format(name="CallerCheckModal")
    TITLE = N_("核实来电人身份")
    PURPOSE: ClassVar = "verify_caller"
    CONFIRM_LABEL = N_("确认核实")

    def __init__(self, api: CentralAPI, application_id: str, call_id: str) -> None:
        super().__init__(api, application_id, self.record_check)
        self.call_id = call_id

    def intro(self) -> Iterable[str]:
        yield tr("查看完整信息、重置账号或变更资料前，需先核实来电人身份。")
        yield tr(
            "验证码发到这份申请登记的数据管理员手机号（不是来电号码），请来电人读出短信中的数字。"
        )

    def extra_buttons(self) -> Iterable[Button]:
        yield Button(tr("不核实…"), id="waive", compact=True)

    async def record_check(self, token: str) -> Call:
        return await self.api.check_caller(self.call_id, verification_token=token)

    @on(Button.Pressed, "#waive")
    def ask_waiver_reason(self, event: Button.Pressed) -> None:
        event.stop()
        modal = ReasonModal(
            tr("不核实来电人身份"),
            tr("请记录不核实的原因（会写入审计记录，并随之后的操作一起显示）："),
            common_reasons=[tr(reason) for reason in COMMON_WAIVER_REASONS],
            submit_label=tr("记录并继续"),
        )
        self.app.push_screen(modal, self.waiver_given)

    def waiver_given(self, reason: str | None) -> None:
        if reason:
            self.status_line.busy(tr("正在记录不核实的原因…"))
            self.record_waiver(reason)

    @work(exclusive=True, exit_on_error=False, group="registered-code")
    async def record_waiver(self, reason: str) -> None:
        self.dismiss(await self.api.check_caller(self.call_id, waived_reason=reason))
