"""The detail screen's small modals during a call: `NoteModal` (备注), `RevealModal` (查看: which
value and why) and `DocumentsModal` (文件: email them or save them here).

Each only asks; the detail screen makes the request and shows the outcome, so a modal never
holds personal data longer than the question. All close with Escape without doing anything.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from .._bindings import translate_bindings
from .._i18n import N_, Translated, tr
from ..widgets import StatusLine
from .modals import MODAL_CSS

MAX_NOTE = 1000
DEFAULT_DOWNLOAD_DIR = "~/hqms-documents"

REVEAL_FIELDS = Translated(
    {
        "admin.mobile": N_("数据管理员手机号"),
        "admin.email": N_("数据管理员邮箱"),
        "admin.name": N_("数据管理员姓名"),
        "legal_rep.mobile": N_("法定代表人手机号"),
        "legal_rep.name": N_("法定代表人姓名"),
    }
)
"""The values `reveal` may show in full, in the order offered."""


def download_dir(application_id: str) -> Path:
    """Where 保存到本机 puts the documents: `HQMS_DOWNLOAD_DIR` (default ~/hqms-documents)."""
    base = os.environ.get("HQMS_DOWNLOAD_DIR") or DEFAULT_DOWNLOAD_DIR
    return Path(base).expanduser() / application_id


ResultT = TypeVar("ResultT")


class _Asking(ModalScreen[ResultT | None], Generic[ResultT]):
    """A modal that asks one thing and returns it, or None on Escape / 取消."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("取消"))]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#modal-status", StatusLine)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteModal(_Asking[str]):
    """A call note for the timeline (`#note`); Enter or 保存 returns it.

    | key    | action |
    |--------|--------|
    | Enter  | 保存备注 |
    | Escape | 取消 |
    """

    DEFAULT_CSS = MODAL_CSS.format(name="NoteModal")
    AUTO_FOCUS = "#note"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr("通话备注"), classes="modal-title")
            yield Label(
                tr("写下这次通话的要点，会显示在申请的时间线上；手机号会自动打码。"),
                classes="modal-line",
            )
            yield Input(placeholder=tr("备注（必填）"), max_length=MAX_NOTE, id="note")
            yield StatusLine(id="modal-status")
            with Horizontal(classes="modal-buttons"):
                yield Button(tr("保存备注"), variant="primary", id="save")
                yield Button(tr("取消"), id="cancel")

    @on(Input.Submitted, "#note")
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        text = self.query_one("#note", Input).value.strip()
        if not text:
            self.status_line.error(tr("备注不能为空，请写下这次通话的要点。"))
            return
        self.dismiss(text)


@dataclass(frozen=True)
class RevealRequest:
    field: str
    reason: str


class RevealModal(_Asking[RevealRequest]):
    """Which value (`#reveal-field`, Enter picks) and why (`#reveal-reason`, Enter asks).

    | key    | action |
    |--------|--------|
    | ↑ ↓ Enter | choose the value |
    | Enter  | 查看 (in the reason) |
    | Escape | 取消 |
    """

    DEFAULT_CSS = (
        MODAL_CSS.format(name="RevealModal")
        + "RevealModal OptionList { height: auto; max-height: 7; margin-bottom: 1; }"
    )
    AUTO_FOCUS = "#reveal-field"

    def __init__(self, masked: dict[str, str]) -> None:
        """`masked`: each field's value as the screen shows it now."""
        super().__init__()
        self.masked = masked

    def compose(self) -> ComposeResult:
        options = [
            Option(f"{label}  {self.masked.get(field) or tr('（未填写）')}", id=field)
            for field, label in REVEAL_FIELDS.items()
        ]
        with Vertical():
            yield Label(tr("查看完整信息"), classes="modal-title")
            yield Label(
                tr("完整的值只显示 60 秒或到离开本页为止；每次查看都会连同原因记录在审计中。"),
                classes="modal-line",
            )
            yield OptionList(*options, id="reveal-field")
            yield Input(placeholder=tr("查看原因（必填）"), max_length=200, id="reveal-reason")
            yield StatusLine(id="modal-status")
            with Horizontal(classes="modal-buttons"):
                yield Button(tr("查看"), variant="warning", id="reveal")
                yield Button(tr("取消"), id="cancel")

    @on(OptionList.OptionSelected, "#reveal-field")
    def field_chosen(self) -> None:
        self.query_one("#reveal-reason", Input).focus()

    @on(Input.Submitted, "#reveal-reason")
    @on(Button.Pressed, "#reveal")
    def ask(self) -> None:
        choice = self.query_one("#reveal-field", OptionList)
        option = (
            choice.get_option_at_index(choice.highlighted)
            if choice.highlighted is not None
            else None
        )
        reason = self.query_one("#reveal-reason", Input).value.strip()
        if option is None or option.id is None:
            self.status_line.error(tr("请先选择要查看的信息。"))
            choice.focus()
        elif not reason:
            self.status_line.error(tr("请填写查看原因，例如“来电人核对登记的手机号”。"))
            self.query_one("#reveal-reason", Input).focus()
        else:
            self.dismiss(RevealRequest(option.id, reason))


@dataclass(frozen=True)
class DocumentsChoice:
    """Write both documents into `directory`, or (None) email them to the administrator."""

    directory: Path | None = None


class DocumentsModal(_Asking[DocumentsChoice]):
    """`#send-email`, or the directory (`#documents-dir`) and `#save-local`.

    | key    | action |
    |--------|--------|
    | Enter  | the focused button / 保存到本机 (in the directory) |
    | Tab    | between the buttons and the directory |
    | Escape | 取消 |
    """

    DEFAULT_CSS = MODAL_CSS.format(name="DocumentsModal")
    AUTO_FOCUS = "#send-email"

    def __init__(self, email: str, directory: Path, lines: Sequence[str] = ()) -> None:
        super().__init__()
        self.email = email
        self.directory = directory
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr("申请文件：信息收集表、系统使用须知及同意书"), classes="modal-title")
            yield Label(
                tr("按当前资料重新生成两份文件。可发到数据管理员邮箱，或保存到本机后转交。"),
                classes="modal-line",
            )
            for line in self.lines:
                yield Label(line, markup=False, classes="modal-line")
            yield Button(
                tr("发送到管理员邮箱 {email}", email=self.email), variant="primary", id="send-email"
            )
            yield Label(tr("保存到本机的文件夹："), classes="modal-line")
            yield Input(str(self.directory), id="documents-dir")
            yield StatusLine(id="modal-status")
            with Horizontal(classes="modal-buttons"):
                yield Button(tr("保存到本机"), id="save-local")
                yield Button(tr("取消"), id="cancel")

    @on(Button.Pressed, "#send-email")
    def send(self) -> None:
        self.dismiss(DocumentsChoice())

    @on(Input.Submitted, "#documents-dir")
    @on(Button.Pressed, "#save-local")
    def save(self) -> None:
        text = self.query_one("#documents-dir", Input).value.strip()
        if not text:
            self.status_line.error(tr("请填写保存文件的文件夹。"))
            return
        self.dismiss(DocumentsChoice(Path(text).expanduser()))
