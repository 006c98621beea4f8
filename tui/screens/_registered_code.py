"""`RegisteredPhoneCodeModal`: an SMS code to the REGISTERED phone of an application, read back;
and `SmsCodeModal`, the code entry it shares with 更换管理员手机 (`change_admin_mobile`).

The base of 核实身份 (`verify_caller`) and 重置密码 (`reset_password`). The operator never types
the number: the server sends the code to the phone the application (or its account) has on
record, and answers where it went, masked — the caller may claim any number, but only the
registered administrator's phone receives the code (DESIGN §5). The modal never shows a code.
A subclass says what the modal is for (`TITLE`, `PURPOSE`, `intro`) and hands the base what a
confirmed token buys (`use_token`): its result is what the modal returns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import ClassVar, Generic, Literal, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState

from client import CentralAPI, RateLimitedError, VerificationFailedError

from .._bindings import translate_bindings
from .._i18n import N_, tr
from .._text import failure_sentence
from ..widgets import ResendButton, StatusLine

ResultT = TypeVar("ResultT")
LONGEST_SHOWN_WAIT = 3600
"""Waits longer than this (the daily cap) are better told in the server's own words."""
NO_TRIES_LEFT = N_("验证码不正确，已没有剩余次数：请重新发送验证码。")
TOO_OFTEN = N_("{detail}（{seconds} 秒后可再试）")


def code_failure_sentence(
    error: BaseException | None, *, no_tries_left: str = NO_TRIES_LEFT, too_often: str = TOO_OFTEN
) -> str:
    """A failed send or confirm as a sentence the operator can read to the caller.

    `no_tries_left` and `too_often` (with `{seconds}`, and `{detail}` for the server's own
    words) say what to do next where the modals differ (a new code to which number)."""
    if isinstance(error, VerificationFailedError) and error.tries_left is not None:
        if error.tries_left > 0:
            return tr(
                "验证码不正确，还可以再试 {count} 次：请让来电人再读一遍短信中的 6 位数字。",
                count=error.tries_left,
            )
        return tr(no_tries_left)
    if isinstance(error, RateLimitedError) and error.retry_after:
        seconds = int(error.retry_after)
        if seconds <= LONGEST_SHOWN_WAIT:
            detail = failure_sentence(error)
            return tr(too_often, detail=detail, seconds=seconds)
    return failure_sentence(error)


class SmsCodeModal(ModalScreen[ResultT | None], Generic[ResultT]):
    """The SMS-code entry every code modal shares: the code field (`#{CODE_ID}`), the status
    line, the 6-digit check before confirming, and a failed worker turned into a sentence —
    holding 发送验证码 (`ResendButton`) on a rate limit and clearing a wrong code.

    A subclass composes the modal (with `code_field`, a `ResendButton`, `#sent`, `#cancel`)
    and starts its send and confirm workers; Escape and `#cancel` give up (None).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("取消"))]
    CODE_ID: ClassVar[str] = "code"
    NO_CODE_YET: ClassVar[str] = N_("请先发送验证码。")
    NO_TRIES_LEFT: ClassVar[str] = NO_TRIES_LEFT
    TOO_OFTEN: ClassVar[str] = TOO_OFTEN

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.verification_id: str | None = None

    def code_field(self) -> Input:
        return Input(
            placeholder=tr("6 位数字"),
            restrict=r"[0-9]*",
            max_length=6,
            id=self.CODE_ID,
            compact=True,
        )

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#modal-status", StatusLine)

    @property
    def code_input(self) -> Input:
        return self.query_one(f"#{self.CODE_ID}", Input)

    @property
    def sent_text(self) -> str:
        return str(self.query_one("#sent", Static).content)

    def typed_code(self) -> tuple[str, str] | None:
        """The verification and the typed code to confirm it with (the status line says it is
        being checked); None, saying why, before a code was sent or when it is not 6 digits."""
        code = self.code_input.value.strip()
        if self.verification_id is None:
            self.status_line.error(tr(self.NO_CODE_YET))
        elif len(code) != 6:
            self.status_line.error(tr("验证码是 6 位数字，请让来电人再读一遍。"))
        else:
            self.status_line.busy(tr("正在核对验证码…"))
            return self.verification_id, code
        return None

    def code_sent(self, sentence: str, wait_seconds: int) -> None:
        """A code went out: where (`sentence`), and 发送验证码 held until another may go."""
        self.query_one("#sent", Static).update(sentence)
        self.status_line.clear()
        self.query_one(ResendButton).hold(wait_seconds)
        self.code_input.focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        self.status_line.error(
            code_failure_sentence(error, no_tries_left=self.NO_TRIES_LEFT, too_often=self.TOO_OFTEN)
        )
        if isinstance(error, RateLimitedError) and error.retry_after:
            self.query_one(ResendButton).hold(int(error.retry_after))
        if isinstance(error, VerificationFailedError):
            self.code_input.value = ""
            self.code_input.focus()


class RegisteredPhoneCodeModal(SmsCodeModal[ResultT]):
    """`#send-code`, the code (`#code`), `#confirm`, extra buttons, `#cancel`.

    | key    | action |
    |--------|--------|
    | Enter  | 发送验证码 (focused first) / the confirm button (in the code) |
    | Tab    | between the buttons and the code |
    | Escape | 取消 (nothing changes) |
    """

    DEFAULT_CSS = """
    RegisteredPhoneCodeModal .code-row { height: auto; margin-top: 1; }
    RegisteredPhoneCodeModal .code-row > Label { width: 12; color: $text-muted; }
    RegisteredPhoneCodeModal #code { width: 12; }
    RegisteredPhoneCodeModal #send-code { width: 16; }
    RegisteredPhoneCodeModal #sent { height: auto; color: $text-warning; }
    """
    AUTO_FOCUS = "#send-code"

    TITLE = ""
    PURPOSE: ClassVar[Literal["verify_caller", "reset_password"]] = "verify_caller"
    CONFIRM_LABEL = N_("确认")

    def __init__(
        self,
        api: CentralAPI,
        application_id: str,
        use_token: Callable[[str], Awaitable[ResultT]],
    ) -> None:
        super().__init__()
        self.api = api
        self.application_id = application_id
        self.use_token = use_token

    def intro(self) -> Iterable[str]:
        """What the step does, one line each, read to the caller."""
        return ()

    def extra_lines(self) -> Iterable[Widget]:
        """Widgets under the intro (the reset's limit)."""
        return ()

    def extra_buttons(self) -> Iterable[Button]:
        """Buttons between the confirm button and 取消 (核实身份's 不核实)."""
        return ()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr(self.TITLE), classes="modal-title")
            for line in self.intro():
                yield Label(line, markup=False, classes="modal-line")
            yield from self.extra_lines()
            with Horizontal(classes="code-row"):
                yield Label(tr("登记的手机号"))
                yield ResendButton()
            yield Static("", id="sent", markup=False)
            with Horizontal(classes="code-row"):
                yield Label(tr("短信验证码"))
                yield self.code_field()
            yield StatusLine(id="modal-status")
            with Horizontal(classes="modal-buttons"):
                yield Button(tr(self.CONFIRM_LABEL), variant="primary", id="confirm", compact=True)
                yield from self.extra_buttons()
                yield Button(tr("取消"), id="cancel", compact=True)

    # -- reactions -----------------------------------------------------------------------------

    @on(Button.Pressed, "#send-code")
    def send(self, event: Button.Pressed) -> None:
        event.stop()
        if not self.query_one(ResendButton).wait_left:
            self.status_line.busy(tr("正在向登记的手机号发送验证码…"))
            self.send_code()

    @on(Button.Pressed, "#confirm")
    @on(Input.Submitted, "#code")
    def confirm(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        typed = self.typed_code()
        if typed is not None:
            self.confirm_code(*typed)

    # -- calls (workers: a failure becomes a sentence above, never a crash) --------------------

    @work(exclusive=True, exit_on_error=False, group="registered-code")
    async def send_code(self) -> None:
        started = await self.api.start_caller_verification(self.application_id, self.PURPOSE)
        self.verification_id = started.id
        where = started.phone or tr("登记的手机号")
        self.code_sent(
            tr("验证码已发送到登记的手机号 {phone}，请来电人读出短信中的 6 位数字。", phone=where),
            started.seconds_until_resend(),
        )

    @work(exclusive=True, exit_on_error=False, group="registered-code")
    async def confirm_code(self, verification_id: str, code: str) -> None:
        token = await self.api.confirm_verification(verification_id, code)
        self.dismiss(await self.use_token(token))
