"""`VerifyPanel`: 身份验证 — the institution's code, the data administrator's phone, the SMS
code, and nothing secret.

The institution's code comes first: an institution already in HQMS keeps its HQMS account and
applies for nothing (seed), so the registry is asked before any SMS is sent, and for such an
institution the step stops there with the sentence to read out (`HqmsVerdict`). The SMS code
goes only to the caller's phone; the caller reads it back and the operator types it. This panel
never shows a code: after sending it says where the SMS went (masked) and counts down until
another one may be sent.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from domain import CodeCheck, mask_phone

from .._i18n import N_, tr
from .hqms_verdict import HqmsVerdict
from .lookup_input import MAX_LENGTH
from .phone_input import PhoneInput
from .resend_button import ResendButton

HINT = N_(
    "请来电人先读出医疗机构代码（组织机构代码、统一社会信用代码也可）：已在 HQMS 对接的机构"
    "沿用原有账号，无需申请。再请提供数据管理员的手机号（将用于登录），发送验证码后请来电人"
    "读出短信中的 6 位数字。验证码 5 分钟内有效，最多可输错 5 次。"
)


class VerifyPanel(Vertical):
    """Institution code (`#verify-institution`) and its verdict, phone (`#verify-phone`),
    `#send-code`, code (`#verify-code`), `#confirm-code`."""

    DEFAULT_CSS = """
    VerifyPanel { height: 1fr; padding: 0 1; }
    VerifyPanel .hint { color: $text-muted; margin-bottom: 1; }
    VerifyPanel .verify-row { height: auto; margin-bottom: 1; }
    VerifyPanel .verify-row > Label { width: 14; color: $text-muted; }
    VerifyPanel #verify-institution { width: 30; }
    VerifyPanel #verify-phone { width: 20; }
    VerifyPanel HqmsVerdict { margin-bottom: 1; }
    VerifyPanel #verify-code { width: 12; }
    VerifyPanel Button { margin-left: 1; }
    VerifyPanel #sent { height: auto; color: $text-warning; }
    """

    class CheckCode(Message):
        """Ask the registry about the institution's code (Enter in the code field)."""

        def __init__(self, code: str) -> None:
            self.code = code
            super().__init__()

    class SendCode(Message):
        """Send the SMS code to `phone`, once the registry has no objection to `code`."""

        def __init__(self, phone: str, code: str) -> None:
            self.phone = phone
            self.code = code
            super().__init__()

    class ConfirmCode(Message):
        def __init__(self, code: str) -> None:
            self.code = code
            super().__init__()

    def __init__(self, phone: str = "", *, code: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.initial_phone = phone
        self.initial_code = code

    def compose(self) -> ComposeResult:
        yield Static(tr(HINT), classes="hint", markup=False)
        yield Horizontal(
            Label(tr("医疗机构代码")),
            Input(
                self.initial_code,
                placeholder=tr("22 位代码，或组织机构代码"),
                restrict=r"[0-9A-Za-z\-]*",
                max_length=MAX_LENGTH,
                id="verify-institution",
                compact=True,
            ),
            classes="verify-row",
        )
        yield HqmsVerdict(id="verify-verdict")
        yield Horizontal(
            Label(tr("管理员手机号")),
            PhoneInput(self.initial_phone, placeholder=tr("11 位手机号"), id="verify-phone"),
            ResendButton(),
            classes="verify-row",
        )
        yield Static("", id="sent", markup=False)
        yield Horizontal(
            Label(tr("短信验证码")),
            Input(
                placeholder=tr("6 位数字"),
                restrict=r"[0-9]*",
                max_length=6,
                id="verify-code",
                compact=True,
            ),
            Button(tr("确认并创建申请"), id="confirm-code", compact=True, variant="primary"),
            classes="verify-row",
        )

    @property
    def phone(self) -> str:
        return self.query_one("#verify-phone", PhoneInput).value.strip()

    @property
    def institution_code(self) -> str:
        return self.query_one("#verify-institution", Input).value.strip()

    @property
    def verdict(self) -> HqmsVerdict:
        return self.query_one(HqmsVerdict)

    @on(Input.Submitted, "#verify-institution")
    def check(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.CheckCode(self.institution_code))

    @on(Input.Changed, "#verify-institution")
    def code_changed(self, event: Input.Changed) -> None:
        # A verdict is about the code it was given: another code needs asking again.
        checked = self.verdict.check
        if checked is not None and checked.input != event.value.strip():
            self.verdict.clear()

    def code_checked(self, check: CodeCheck) -> None:
        """Show what the registry says; back to the code when it stops the step, else on to
        the phone (unless the send is already under way)."""
        self.verdict.show(check)
        if check.in_hqms or not check.organization:
            self.query_one("#verify-institution", Input).focus()
        elif self.query_one("#verify-institution", Input).has_focus:
            self.query_one("#verify-phone", PhoneInput).focus()

    @property
    def sent_text(self) -> str:
        return str(self.query_one("#sent", Static).content)

    @on(Button.Pressed, "#send-code")
    @on(Input.Submitted, "#verify-phone")
    def send(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        if not self.query_one(ResendButton).wait_left:
            self.post_message(self.SendCode(self.phone, self.institution_code))

    @on(Button.Pressed, "#confirm-code")
    @on(Input.Submitted, "#verify-code")
    def confirm(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        self.post_message(self.ConfirmCode(self.query_one("#verify-code", Input).value.strip()))

    def code_sent(self, phone: str, wait_seconds: int) -> None:
        """Say where the SMS went and hold `发送验证码` until it may be sent again."""
        self.query_one("#sent", Static).update(
            tr(
                "验证码短信已发送到 {phone}，请来电人读出短信中的 6 位数字。",
                phone=mask_phone(phone),
            )
        )
        self.wait(wait_seconds)
        self.query_one("#verify-code", Input).focus()

    def wait(self, seconds: int) -> None:
        """Hold `发送验证码` for `seconds`."""
        self.query_one(ResendButton).hold(seconds)

    def clear_code(self) -> None:
        code = self.query_one("#verify-code", Input)
        code.value = ""
        code.focus()
