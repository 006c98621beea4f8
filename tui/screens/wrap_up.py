"""`WrapUpModal` (话后小结): why the call ends, picked from a short list, with an optional note.

Asked when the operator ends the call (Ctrl+E), before they quit or sign out with a call open
(see `_desk`), and when they look up another number while a call is open — there it also offers
"仍是同一通电话" for the caller who gives a second number (the legal representative's, an old
one), which keeps the call open and the new number with it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from domain import WrapUp, mask_phone

from .._bindings import translate_bindings
from .._i18n import N_, Words, tr
from .modals import MODAL_CSS

WRAP_UP_LABELS = Words("outcome", tuple(WrapUp))
"""How a call ended, as the shared vocabulary names it (`server/services/calls.py`)."""
SAME_CALL = "same_call"
"""The answer that keeps the open call: the caller gave another number."""


class WrapUpModal(ModalScreen[tuple[WrapUp, str] | str | None]):
    """Returns `(wrap_up, note)`, `SAME_CALL` (when offered), or None (Escape: nothing ends).

    | key    | action |
    |--------|--------|
    | ↑ ↓    | choose |
    | Enter  | 结束通话 with the chosen reason |
    | Tab    | the note field (optional), Enter there also ends the call |
    | Escape | 取消 |
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", N_("取消"))]
    DEFAULT_CSS = (
        MODAL_CSS.format(name="WrapUpModal")
        + """
    WrapUpModal OptionList { height: auto; max-height: 9; }
    WrapUpModal .modal-hint { color: $text-muted; }
    """
    )
    AUTO_FOCUS = "#wrap-ups"

    def __init__(self, *, phone: str = "", new_phone: str = "", reason: str = "") -> None:
        """`phone`: the call's number as the server shows it (masked); `new_phone`: the other
        number just looked up, when that is why the modal asks (it then offers SAME_CALL);
        `reason`: why else it asks (the operator is leaving), already in the kiosk's language."""
        super().__init__()
        translate_bindings(self)
        self.phone = phone
        self.new_phone = new_phone
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical():
            title = (
                tr("结束通话 {phone}：本次通话的结果是？", phone=self.phone)
                if self.phone
                else tr("结束通话：本次通话的结果是？")
            )
            yield Label(title, markup=False, classes="modal-title")
            if self.reason:
                yield Label(self.reason, markup=False, classes="modal-line")
            if self.new_phone:
                yield Label(
                    tr("刚查询的 {phone} 不是本次通话的号码。", phone=mask_phone(self.new_phone)),
                    markup=False,
                    classes="modal-line",
                )
                yield Label(
                    tr(
                        "同一来电人的另一个号码：选“仍是同一通电话”；新的来电：为上一通电话选结果。"
                    ),
                    classes="modal-line",
                )
            options = [Option(label, id=str(code)) for code, label in WRAP_UP_LABELS.items()]
            if self.new_phone:
                options.insert(0, Option(tr("仍是同一通电话（继续，不结束）"), id=SAME_CALL))
            yield OptionList(*options, id="wrap-ups")
            yield Label(tr("备注（可空，Tab 进入）："), classes="modal-hint")
            yield Input(placeholder=tr("例如：约好明天上午回电"), max_length=500, id="note")

    def _chosen(self) -> str | None:
        options = self.query_one("#wrap-ups", OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(OptionList.OptionSelected, "#wrap-ups")
    @on(Input.Submitted, "#note")
    def finish(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        if chosen == SAME_CALL:
            self.dismiss(SAME_CALL)
            return
        self.dismiss((WrapUp(chosen), self.query_one("#note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
