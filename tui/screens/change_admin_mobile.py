"""`ChangeAdminMobileModal`: 更换数据管理员手机号, verified on the new number (DESIGN §2).

The admin's mobile is the institution's login, so it never changes by typing: the new number
gets a `change_admin` SMS code, the caller reads it back, and only the verification token that
code buys may change it (`POST …/admin-mobile`). The server then tells the old number by SMS.
Like the walk-through's 身份验证, the modal never shows a code: it says where the SMS went
(masked) and counts down until another one may be sent, on the server's own timeline. The code
entry itself (the 6-digit check, a refusal as a sentence, the resend hold) is `SmsCodeModal`'s.

The modal returns the updated `Application`, or None when the operator gives up; the
walk-through then shows the new number with `FormEditor.show_admin_mobile`, keeping what the
operator typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from client import CentralAPI, PreconditionFailedError
from domain import DomainError, mask_phone, normalize_mobile

from .._i18n import N_, tr
from ..widgets import PhoneInput, ResendButton, StatusLine
from ._registered_code import SmsCodeModal, code_failure_sentence
from .modals import MODAL_CSS

if TYPE_CHECKING:
    from domain import Application


CHANGE_ADMIN = "change_admin"
STALE_SENTENCE = N_(
    "申请刚被他人修改，管理员手机号还没有更换。已读取最新版本，验证仍然有效：请再按“确认更换”。"
)


class ChangeAdminMobileModal(SmsCodeModal["Application"]):
    """New number (`#new-mobile`), `#send-code`, code (`#change-code`), `#confirm`, `#cancel`.

    | key    | action |
    |--------|--------|
    | Enter  | 发送验证码 (in the number) / 确认更换 (in the code) |
    | Tab    | between the fields and the buttons |
    | Escape | 取消 (nothing changes) |
    """

    DEFAULT_CSS = (
        MODAL_CSS.format(name="ChangeAdminMobileModal")
        + """
    ChangeAdminMobileModal .change-row { height: auto; margin-top: 1; }
    ChangeAdminMobileModal .change-row > Label { width: 12; color: $text-muted; }
    ChangeAdminMobileModal #new-mobile { width: 20; }
    ChangeAdminMobileModal #change-code { width: 12; }
    ChangeAdminMobileModal #send-code { width: 16; margin-left: 1; }
    ChangeAdminMobileModal #sent { height: auto; color: $text-warning; }
    """
    )
    AUTO_FOCUS = "#new-mobile"
    CODE_ID: ClassVar[str] = "change-code"
    NO_CODE_YET: ClassVar[str] = N_("请先向新号码发送验证码。")
    NO_TRIES_LEFT: ClassVar[str] = N_("验证码不正确，已没有剩余次数：请重新向新号码发送验证码。")
    TOO_OFTEN: ClassVar[str] = N_("验证码发送过于频繁：请等待 {seconds} 秒后再向新号码发送。")

    def __init__(self, api: CentralAPI, application: Application) -> None:
        super().__init__()
        self.api = api
        self.application = application
        self.verification_token: str | None = None
        """Kept after a stale revision (412): the server did not use it, so it may retry."""
        self.sent_to = ""
        self.same_number_armed = False

    @property
    def current_mobile(self) -> str:
        return self.application.form.admin.mobile

    def compose(self) -> ComposeResult:
        current = self.current_mobile or tr("（未填写）")
        new_mobile = PhoneInput(placeholder=tr("11 位手机号"), id="new-mobile")
        new_mobile.compact = True
        with Vertical():
            yield Label(tr("更换数据管理员手机号"), classes="modal-title")
            yield Label(
                tr(
                    "当前管理员手机：{current}。新号码通过短信验证后才会更换，原号码会收到短信通知。",
                    current=current,
                ),
                markup=False,
                classes="modal-line",
            )
            yield Horizontal(
                Label(tr("新手机号")), new_mobile, ResendButton(), classes="change-row"
            )
            yield Static("", id="sent", markup=False)
            yield Horizontal(Label(tr("短信验证码")), self.code_field(), classes="change-row")
            yield StatusLine(id="modal-status")
            with Horizontal(classes="modal-buttons"):
                yield Button(tr("确认更换"), variant="primary", id="confirm", compact=True)
                yield Button(tr("取消"), id="cancel", compact=True)

    # -- reactions -----------------------------------------------------------------------------

    @on(Input.Changed, "#new-mobile")
    def number_edited(self) -> None:
        # A code belongs to the number it was sent to: another number needs its own.
        self.same_number_armed = False
        if self.sent_to and self.query_one("#new-mobile", PhoneInput).value != self.sent_to:
            self.verification_id = self.verification_token = None
            self.sent_to = ""
            self.query_one("#sent", Static).update("")
            self.query_one(ResendButton).hold(0)

    @on(Button.Pressed, "#send-code")
    @on(Input.Submitted, "#new-mobile")
    def send(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        if self.query_one(ResendButton).wait_left:
            return
        try:
            phone = normalize_mobile(self.query_one("#new-mobile", PhoneInput).value, field="phone")
        except DomainError as error:
            from .._said import domain_sentence  # the domain's wire models load on need

            self.status_line.error(domain_sentence(error))
            return
        if self.refuse_same_number(phone):
            return
        self.status_line.busy(tr("正在向新号码发送验证码…"))
        self.send_code(phone)

    def refuse_same_number(self, phone: str) -> bool:
        """True (with a sentence) when `phone` is, or may be, the current admin mobile.

        The operator's view of the current number is masked (`138****8000`), so a match of the
        masks may still be another number: a second 发送验证码 goes ahead after checking.
        """
        current = self.current_mobile
        if phone == current:
            self.status_line.error(
                tr("新号码与当前管理员手机 {phone} 相同，无需更换。", phone=mask_phone(phone))
            )
            return True
        if mask_phone(phone) == current and not self.same_number_armed:
            self.same_number_armed = True
            self.status_line.error(
                tr(
                    "新号码与当前管理员手机 {current} 的前三位和后四位相同，可能是同一个号码："
                    "请与来电人核对；确认是另一个号码时再按一次“发送验证码”。",
                    current=current,
                )
            )
            return True
        return False

    @on(Button.Pressed, "#confirm")
    @on(Input.Submitted, "#change-code")
    def confirm(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        if self.verification_token is not None:
            self.status_line.busy(tr("正在更换管理员手机号…"))
            self.change(self.verification_token)
            return
        typed = self.typed_code()
        if typed is not None:
            self.confirm_and_change(*typed)

    # -- calls (workers: a failure becomes a sentence above, never a crash) --------------------

    @work(exclusive=True, exit_on_error=False, group="change-admin-mobile")
    async def send_code(self, phone: str) -> None:
        started = await self.api.start_verification(phone, CHANGE_ADMIN)
        self.verification_id = started.id
        self.verification_token = None
        self.sent_to = phone
        self.code_sent(
            tr(
                "验证码短信已发送到新号码 {phone}，请来电人读出短信中的 6 位数字。",
                phone=mask_phone(phone),
            ),
            started.seconds_until_resend(),
        )

    @work(exclusive=True, exit_on_error=False, group="change-admin-mobile")
    async def confirm_and_change(self, verification_id: str, code: str) -> None:
        self.verification_token = await self.api.confirm_verification(verification_id, code)
        await self._change(self.verification_token)

    @work(exclusive=True, exit_on_error=False, group="change-admin-mobile")
    async def change(self, verification_token: str) -> None:
        await self._change(verification_token)

    async def _change(self, verification_token: str) -> None:
        try:
            changed = await self.api.change_admin_mobile(
                self.application.id, verification_token, revision=self.application.revision
            )
        except PreconditionFailedError:
            self.application = await self.api.get_application(self.application.id)
            self.status_line.error(tr(STALE_SENTENCE))
            return
        self.dismiss(changed)


def change_failure_sentence(error: BaseException | None) -> str:
    """A failed send, confirm or change, as a sentence the operator can read to the caller."""
    return code_failure_sentence(
        error,
        no_tries_left=ChangeAdminMobileModal.NO_TRIES_LEFT,
        too_often=ChangeAdminMobileModal.TOO_OFTEN,
    )
