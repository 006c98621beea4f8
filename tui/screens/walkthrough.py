"""`WalkthroughScreen`: the seed's four registration steps, done with the caller on the phone.

身份验证 → 填写资料 → 上传文件 → 审批状态. The screen opens at the step where the application
stands (or at 身份验证 for a new one) and every step stays reachable with F6/F7, so the operator
can answer "what is still missing?" from anywhere. Every call runs in a worker that reports
back with a message; a failure becomes a sentence and never touches what the operator typed.

This module is the screen itself (layout, keys, moving between steps); what each step's requests
and the workers' answers do is in `_walk_reactions`, the calls in `_walk_work`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import ContentSwitcher, Footer, Header, Input

from client import CentralAPI

from .._bindings import translate_bindings
from .._i18n import N_, tr
from ..widgets import (
    STEP_TITLES,
    FormEditor,
    StatusLine,
    StatusPanel,
    StepsBar,
    UploadsPanel,
    VerifyPanel,
)
from ..widgets.field_guide import FieldGuide
from ._walk_reactions import WalkthroughReactions
from ._walk_steps import FORM, STATUS, STEP_IDS, UPLOAD, VERIFY

__all__ = ["FORM", "STATUS", "UPLOAD", "VERIFY", "WalkthroughScreen"]
"""What the tests and the app import from here; the step rules live in `_walk_steps`."""


class WalkthroughScreen(WalkthroughReactions):
    """The registration walk-through.

    | key    | action |
    |--------|--------|
    | F6 F7  | 上一步 / 下一步 |
    | Ctrl+S | 保存 (填写资料) |
    | F8     | 更换管理员手机 (填写资料; typed, unsaved data stays) |
    | F5     | 刷新 (typed, unsaved data stays) |
    | Escape | 返回 (asks once when something typed is not saved) |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("返回")),
        Binding("f6", "previous_step", N_("上一步"), priority=True),
        Binding("f7", "next_step", N_("下一步"), priority=True),
        Binding("ctrl+s", "save", N_("保存"), priority=True),
        # Kept out of the footer: at 80 columns it would push Ctrl+Q 退出 off screen.
        Binding("f5", "reload", N_("刷新"), show=False),
        Binding("f8", "change_admin_mobile", N_("更换管理员手机")),
    ]

    def __init__(
        self,
        api: CentralAPI,
        *,
        clock: Callable[[], datetime],
        phone: str = "",
        code: str = "",
        application_id: str | None = None,
    ) -> None:
        """`phone` and `code`: what the lookup box held, to start 身份验证 with."""
        super().__init__(api, clock=clock)
        translate_bindings(self)
        self.phone = phone
        self.code = code
        self.application_id = application_id
        self.application = None
        self.step = VERIFY
        self.verification_id = None
        self.leave_armed = False
        self.open_where_it_stands = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepsBar(id="steps")
        yield StatusLine(id="status")
        editor = FormEditor(today=self.clock().date(), id=STEP_IDS[FORM])
        with ContentSwitcher(initial=STEP_IDS[VERIFY], id="walk-steps"):
            yield VerifyPanel(self.phone, code=self.code, id=STEP_IDS[VERIFY])
            yield editor
            yield UploadsPanel(id=STEP_IDS[UPLOAD])
            yield StatusPanel(id=STEP_IDS[STATUS])
        yield FieldGuide(editor, id="field-guide")
        yield Footer()

    def on_mount(self) -> None:
        if self.application_id is not None:
            self.status_line.busy(tr("正在读取申请…"))
            self.load_application(self.application_id, None, False)
            self.open_where_it_stands = True
        self.show_step(VERIFY)

    # -- moving between steps (`show_step` itself is with the reactions) ----------------------

    def action_previous_step(self) -> None:
        if self.step > VERIFY:
            self.show_step(self.step - 1)

    def action_next_step(self) -> None:
        if self.application is None:
            self.status_line.info(
                tr("请先完成身份验证：输入医疗机构代码，发送验证码，并输入来电人读出的验证码。")
            )
        elif self.step < STATUS:
            self.show_step(self.step + 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "change_admin_mobile"):
            return self.step == FORM and self.application is not None
        return True

    def action_back(self) -> None:
        if self.application is not None and self.form_editor.dirty and not self.leave_armed:
            self.leave_armed = True
            self.status_line.info(tr("资料还没有保存：按 Ctrl+S 保存；再按 Esc 放弃修改并返回。"))
            return
        self.dismiss()

    def action_reload(self) -> None:
        if self.application is not None:
            self.status_line.busy(tr("正在刷新…"))
            self.load_application(self.application.id, None, self.form_editor.dirty)

    def palette_commands(self) -> Iterable[SystemCommand]:
        for step, title in enumerate(STEP_TITLES):
            shown = tr(title)
            help_text = tr("第 {number} 步：{title}", number=step + 1, title=shown)
            yield SystemCommand(shown, help_text, self._step_opener(step))
        if self.application is not None:
            yield SystemCommand(tr("保存资料"), tr("保存填写资料（可不完整）"), self.action_save)
            yield SystemCommand(tr("提交审核"), tr("提交这份申请等待审核"), self.start_submit)

    def _step_opener(self, step: int) -> Callable[[], None]:
        def open_step() -> None:
            if step == VERIFY or self.application is not None:
                self.show_step(step)
            else:
                self.action_next_step()

        return open_step

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in a form field moves on, like Tab: saving is Ctrl+S, never an accident.
        if self.step == FORM and isinstance(event.input, Input):
            event.stop()
            self.focus_next()
