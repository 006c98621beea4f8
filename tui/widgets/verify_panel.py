"""`VerifyPanel`: 身份验证 — the data administrator's phone, the SMS code, and nothing secret.

The code goes only to the caller's phone; the caller reads it back and the operator types it.
This panel never shows a code: after sending it says where the SMS went (masked) and counts
down until another one may be sent.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from domain import mask_phone

from .._i18n import N_, tr
from .phone_input import PhoneInput
from .resend_button import ResendButton

HINT = N_(
    "请来电人提供数据管理员的手机号（将用于登录），发送验证码后请来电人读出短信中的 6 位数字。"
    "验证码 5 分钟内有效，最多可输错 5 次。"
)


class VerifyPanel(Vertical):
    """Phone (`#verify-phone`), `#send-code`, code (`#verify-code`), `#confirm-code`."""

    DEFAULT_CSS = """
    VerifyPanel { height: 1fr; padding: 0 1; }
    VerifyPanel .hint { color: $text-muted; margin-bottom: 1; }
    VerifyPanel .verify-row { height: auto; margin-bottom: 1; }
    VerifyPanel .verify-row > Label { width: 14; color: $text-muted; }
    VerifyPanel #verify-phone { width: 20; }
    VerifyPanel #verify-code { width: 12; }
    VerifyPanel Button { margin-left: 1; }
    VerifyPanel #sent { height: auto; color: $text-warning; }
    """

    class SendCode(Message):
        def __init__(self, phone: str) -> None:
            self.phone = phone
            super().__init__()

    class ConfirmCode(Message):
        def __init__(self, code: str) -> None:
            self.code = code
            super().__init__()

    def __init__(self, phone: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.initial_phone = phone

    def compose(self) -> ComposeResult:
        yield Static(tr(HINT), classes="hint", markup=False)
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
    def sent_text(self) -> str:
        return str(self.query_one("#sent", Static).content)

    @on(Button.Pressed, "#send-code")
    @on(Input.Submitted, "#verify-phone")
    def send(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        if not self.query_one(ResendButton).wait_left:
            self.post_message(self.SendCode(self.phone))

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
