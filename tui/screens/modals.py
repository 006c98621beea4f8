"""Reusable modals: `ConfirmModal` (a yes/no about a consequential step) and `ReasonModal`
(a required sentence, with common ones to pick from).

Both say what will happen in words the operator can read to the caller, and both close with
Escape without doing anything. They return their answer through `dismiss`, so a caller uses
`push_screen(modal, callback)` or `await push_screen_wait(modal)` from a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList

from .._bindings import translate_bindings
from .._i18n import N_, tr
from ..widgets import StatusLine

MODAL_CSS = """
{name} {{
    align: center middle;
    background: $background 60%;
}}
{name} > Vertical {{
    width: 72;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    padding: 0 1;
    border: round $primary;
    background: $surface;
}}
{name} .modal-title {{ text-style: bold; margin-bottom: 1; }}
{name} .modal-line {{ width: 1fr; }}
{name} .modal-buttons {{ height: auto; margin-top: 1; align-horizontal: right; }}
{name} Button {{ margin-left: 2; min-width: 10; }}
"""


class ConfirmModal(ModalScreen[bool]):
    """A question with what the step does, one line each; True only on the confirm button.

    | key    | action |
    |--------|--------|
    | Enter  | the focused button (the confirm button has focus first) |
    | Tab    | next button |
    | Escape | 取消 |
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("取消"))]
    DEFAULT_CSS = MODAL_CSS.format(name="ConfirmModal")
    AUTO_FOCUS = "#confirm"

    def __init__(
        self, title: str, lines: Sequence[str], *, confirm_label: str | None = None
    ) -> None:
        """`title`, `lines` and `confirm_label` come already in the kiosk's language."""
        super().__init__()
        translate_bindings(self)
        self.title_text = title
        self.lines = list(lines)
        self.confirm_label = tr("确定") if confirm_label is None else confirm_label

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False, classes="modal-title")
            for line in self.lines:
                yield Label(line, markup=False, classes="modal-line")
            with Horizontal(classes="modal-buttons"):
                yield Button(self.confirm_label, variant="primary", id="confirm")
                yield Button(tr("取消"), id="cancel")

    @on(Button.Pressed, "#confirm")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


class ReasonModal(ModalScreen[str | None]):
    """A required reason: typed, or picked from `common_reasons` (Enter on one copies it into
    the field, where it can still be edited). Returns the reason, or None when cancelled.

    | key    | action |
    |--------|--------|
    | Enter  | 提交 (in the field) / 选用 (in the list of common reasons) |
    | Tab    | between the field, the list and the buttons |
    | Escape | 取消 |
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("取消"))]
    DEFAULT_CSS = (
        MODAL_CSS.format(name="ReasonModal")
        + """
    ReasonModal OptionList { height: auto; max-height: 6; margin-top: 1; }
    ReasonModal .modal-hint { color: $text-muted; }
    """
    )
    AUTO_FOCUS = "#reason"
    MAX_LENGTH = 500
    """A reason is a sentence or two for the data administrator, not a letter."""

    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        common_reasons: Sequence[str] = (),
        submit_label: str | None = None,
        missing_sentence: str | None = None,
    ) -> None:
        """`title`, `prompt` and the labels come already in the kiosk's language.

        The list shows each of `common_reasons` through `tr`, and a picked one goes into the
        field as given: pass Chinese sources (marked with `N_`) for a reason written to someone
        who reads Chinese (the data administrator), translated ones for the kiosk's own records.
        """
        super().__init__()
        translate_bindings(self)
        self.title_text = title
        self.prompt = prompt
        self.common_reasons = list(common_reasons)
        self.submit_label = tr("提交") if submit_label is None else submit_label
        self.missing_sentence = tr("请填写原因。") if missing_sentence is None else missing_sentence

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False, classes="modal-title")
            yield Label(self.prompt, markup=False, classes="modal-line")
            yield Input(placeholder=tr("原因（必填）"), max_length=self.MAX_LENGTH, id="reason")
            if self.common_reasons:
                yield Label(tr("常用原因（Tab 进入列表，Enter 选用）："), classes="modal-hint")
                yield OptionList(
                    *(tr(reason) for reason in self.common_reasons), id="common-reasons"
                )
            yield StatusLine(id="modal-status")
            with Horizontal(classes="modal-buttons"):
                yield Button(self.submit_label, variant="error", id="submit")
                yield Button(tr("取消"), id="cancel")

    @property
    def reason_input(self) -> Input:
        return self.query_one("#reason", Input)

    @on(OptionList.OptionSelected, "#common-reasons")
    def use_common_reason(self, event: OptionList.OptionSelected) -> None:
        self.reason_input.value = self.common_reasons[event.option_index]
        self.reason_input.focus()

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#submit")
    def submit(self) -> None:
        reason = self.reason_input.value.strip()
        if not reason:
            self.query_one("#modal-status", StatusLine).error(self.missing_sentence)
            self.reason_input.focus()
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
