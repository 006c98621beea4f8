"""`WrapUpModal` (话后小结): why the call ends, picked from a short list, with an optional note.

Asked when the operator ends the call (Ctrl+E) and when they look up another number while a
call is open — there it also offers "仍是同一通电话" for the caller who gives a second number
(the legal representative's, an old one), which keeps the call open and the new number with it.
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

from .modals import MODAL_CSS

WRAP_UP_LABELS: dict[WrapUp, str] = {
    WrapUp.RESOLVED: "问题已解决",
    WrapUp.GUIDED: "已指导操作，等待对方办理",
    WrapUp.CALLBACK: "需要回电",
    WrapUp.ESCALATED: "转审核或上级处理",
    WrapUp.INFO_ONLY: "仅咨询",
    WrapUp.DROPPED: "通话中断",
}
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

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]
    DEFAULT_CSS = (
        MODAL_CSS.format(name="WrapUpModal")
        + """
    WrapUpModal OptionList { height: auto; max-height: 9; }
    WrapUpModal .modal-hint { color: $text-muted; }
    """
    )
    AUTO_FOCUS = "#wrap-ups"

    def __init__(self, *, phone: str = "", new_phone: str = "") -> None:
        """`phone`: the call's number as the server shows it (masked); `new_phone`: the other
        number just looked up, when that is why the modal asks (it then offers SAME_CALL)."""
        super().__init__()
        self.phone = phone
        self.new_phone = new_phone

    def compose(self) -> ComposeResult:
        with Vertical():
            title = f"结束通话 {self.phone}" if self.phone else "结束通话"
            yield Label(f"{title}：本次通话的结果是？", markup=False, classes="modal-title")
            if self.new_phone:
                yield Label(
                    f"刚查询的 {mask_phone(self.new_phone)} 不是本次通话的号码。",
                    markup=False,
                    classes="modal-line",
                )
                yield Label(
                    "同一来电人的另一个号码：选“仍是同一通电话”；新的来电：为上一通电话选结果。",
                    classes="modal-line",
                )
            options = [Option(label, id=str(code)) for code, label in WRAP_UP_LABELS.items()]
            if self.new_phone:
                options.insert(0, Option("仍是同一通电话（继续，不结束）", id=SAME_CALL))
            yield OptionList(*options, id="wrap-ups")
            yield Label("备注（可空，Tab 进入）：", classes="modal-hint")
            yield Input(placeholder="例如：约好明天上午回电", max_length=500, id="note")

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
