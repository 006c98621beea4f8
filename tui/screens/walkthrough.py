"""`WalkthroughScreen`: the seed's four registration steps, done with the caller on the phone.

身份验证 → 填写资料 → 上传文件 → 审批状态. The screen opens at the step where the application
stands (or at 身份验证 for a new one) and every step stays reachable with F6/F7, so the operator
can answer "what is still missing?" from anywhere. Every call runs in a worker that reports
back with a message; a failure becomes a sentence and never touches what the operator typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import ContentSwitcher, Footer, Header, Input

from client import CentralAPI, SubmitBlockedError, VerificationFailedError
from domain import Application, DomainError, Problem, normalize_mobile, status_sentence

from ..widgets import (
    STEP_TITLES,
    FormEditor,
    StatusLine,
    StatusPanel,
    StepsBar,
    UploadsPanel,
    VerifyPanel,
    is_file_problem,
)
from ..widgets.uploads import default_documents_dir
from ._walk_steps import (
    FORM,
    STATUS,
    STEP_IDS,
    UPLOAD,
    VERIFY,
    step_where_it_stands,
    steps_done,
)
from ._walk_work import CodeSent, Refreshed, Refused, Said, WalkthroughWorkers
from .change_admin_mobile import ChangeAdminMobileModal

__all__ = ["FORM", "STATUS", "UPLOAD", "VERIFY", "WalkthroughScreen"]
"""What the tests and the app import from here; the step rules live in `_walk_steps`."""


class WalkthroughScreen(WalkthroughWorkers):
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
        Binding("escape", "back", "返回"),
        Binding("f6", "previous_step", "上一步", priority=True),
        Binding("f7", "next_step", "下一步", priority=True),
        Binding("ctrl+s", "save", "保存", priority=True),
        # Kept out of the footer: at 80 columns it would push Ctrl+Q 退出 off screen.
        Binding("f5", "reload", "刷新", show=False),
        Binding("f8", "change_admin_mobile", "更换管理员手机"),
    ]

    def __init__(
        self,
        api: CentralAPI,
        *,
        clock: Callable[[], datetime],
        phone: str = "",
        application_id: str | None = None,
    ) -> None:
        super().__init__(api, clock=clock)
        self.phone = phone
        self.application_id = application_id
        self.application: Application | None = None
        self.step = VERIFY
        self.verification_id: str | None = None
        self.leave_armed = False
        self.open_where_it_stands = False
        """Set until the application first arrives: then the screen moves to its step."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepsBar(id="steps")
        yield StatusLine(id="status")
        with ContentSwitcher(initial=STEP_IDS[VERIFY], id="walk-steps"):
            yield VerifyPanel(self.phone, id=STEP_IDS[VERIFY])
            yield FormEditor(today=self.clock().date(), id=STEP_IDS[FORM])
            yield UploadsPanel(id=STEP_IDS[UPLOAD])
            yield StatusPanel(id=STEP_IDS[STATUS])
        yield Footer()

    def on_mount(self) -> None:
        if self.application_id is not None:
            self.status_line.busy("正在读取申请…")
            self.load_application(self.application_id, None, False)
            self.open_where_it_stands = True
        self.show_step(VERIFY)

    @property
    def form_editor(self) -> FormEditor:
        return self.query_one(FormEditor)

    # -- steps ---------------------------------------------------------------------------------

    def show_step(self, step: int) -> None:
        self.step = step
        self.query_one(ContentSwitcher).current = STEP_IDS[step]
        self.query_one(StepsBar).show(step, steps_done(self.application))
        self.refresh_bindings()
        focus = ("#verify-phone", "#name", "#scan-path", "#submit")[step]
        self.call_after_refresh(self.query_one(focus).focus)

    def action_previous_step(self) -> None:
        if self.step > VERIFY:
            self.show_step(self.step - 1)

    def action_next_step(self) -> None:
        if self.application is None:
            self.status_line.info("请先完成身份验证：发送验证码，并输入来电人读出的验证码。")
        elif self.step < STATUS:
            self.show_step(self.step + 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "change_admin_mobile"):
            return self.step == FORM and self.application is not None
        return True

    def action_back(self) -> None:
        if self.application is not None and self.form_editor.dirty and not self.leave_armed:
            self.leave_armed = True
            self.status_line.info("资料还没有保存：按 Ctrl+S 保存；再按 Esc 放弃修改并返回。")
            return
        self.dismiss()

    def action_reload(self) -> None:
        if self.application is not None:
            self.status_line.busy("正在刷新…")
            self.load_application(self.application.id, None, self.form_editor.dirty)

    def palette_commands(self) -> Iterable[SystemCommand]:
        for step, title in enumerate(STEP_TITLES):
            yield SystemCommand(title, f"第 {step + 1} 步：{title}", self._step_opener(step))
        if self.application is not None:
            yield SystemCommand("保存资料", "保存填写资料（可不完整）", self.action_save)
            yield SystemCommand("提交审核", "提交这份申请等待审核", self.start_submit)

    def _step_opener(self, step: int) -> Callable[[], None]:
        def open_step() -> None:
            if step == VERIFY or self.application is not None:
                self.show_step(step)
            else:
                self.action_next_step()

        return open_step

    # -- 身份验证 ----------------------------------------------------------------------------

    @on(VerifyPanel.SendCode)
    def send_code(self, message: VerifyPanel.SendCode) -> None:
        try:
            phone = normalize_mobile(message.phone, field="phone")
        except DomainError as error:
            self.status_line.error(error.message)
            return
        self.status_line.busy("正在发送验证码…")
        self.start_verification(phone)

    @on(VerifyPanel.ConfirmCode)
    def confirm_code(self, message: VerifyPanel.ConfirmCode) -> None:
        if self.verification_id is None:
            self.status_line.error("请先发送验证码。")
        elif len(message.code) != 6:
            self.status_line.error("验证码是 6 位数字，请让来电人再读一遍。")
        else:
            self.status_line.busy("正在核对验证码…")
            self.register(self.verification_id, message.code, FORM)

    def worker_failed(self, error: BaseException | None) -> None:
        if isinstance(error, VerificationFailedError) and self.step == VERIFY:
            self.query_one(VerifyPanel).clear_code()

    # -- 填写资料 ----------------------------------------------------------------------------

    def action_change_admin_mobile(self) -> None:
        if self.application is not None:
            modal = ChangeAdminMobileModal(self.api, self.application)
            self.app.push_screen(modal, self.admin_mobile_changed)

    def admin_mobile_changed(self, application: Application | None) -> None:
        if application is not None:
            keep = self.form_editor.dirty
            if keep:
                self.form_editor.show_admin_mobile(application.form.admin.mobile)
            mobile = application.form.admin.mobile
            sentence = f"数据管理员手机号已更换为 {mobile}，原号码会收到短信通知。"
            self.post_message(Refreshed(application, keep_edits=keep, sentence=sentence))

    def action_save(self) -> None:
        if self.application is None:
            return
        self.leave_armed = False
        self.status_line.busy("正在保存…")
        self.save(self.application.id, self.form_editor.form)

    # -- 审批状态 ----------------------------------------------------------------------------

    @on(StatusPanel.Submit)
    def start_submit(self) -> None:
        if self.application is not None:
            self.status_line.busy("正在提交审核…")
            self.submit(self.application.id, STATUS)

    # -- results -------------------------------------------------------------------------------

    @on(Said)
    def said(self, message: Said) -> None:
        if message.error:
            self.status_line.error(message.sentence)
        else:
            self.status_line.info(message.sentence)

    @on(CodeSent)
    def code_sent(self, message: CodeSent) -> None:
        panel = self.query_one(VerifyPanel)
        if message.verification_id is None:
            panel.wait(message.wait_seconds)
            return
        self.verification_id = message.verification_id
        self.status_line.clear()
        panel.code_sent(message.phone, message.wait_seconds)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        error = message.error
        if isinstance(error, SubmitBlockedError):
            if self.application is not None:
                self.query_one(StatusPanel).show(self.application, error.detail, error.errors)
        else:
            problems = error.errors or [Problem(field="code", message=error.detail)]
            self.form_editor.show_problems(problems)
        self.status_line.error(error.detail)

    @on(Refreshed)
    def refreshed(self, message: Refreshed) -> None:
        application = message.application
        first = self.application is None
        self.application = application
        self.application_id = application.id
        editor = self.form_editor
        if first or not message.keep_edits:
            editor.load(application.form)
        elif message.saved_form is not None:
            editor.baseline = message.saved_form
        editor.show_problems([p for p in application.problems if not is_file_problem(p)])
        uploads = self.query_one(UploadsPanel)
        uploads.set_documents_dir(default_documents_dir(application.id))
        uploads.show_files(application.files)
        sentence = status_sentence(application, now=self.clock())
        self.query_one(StatusPanel).show(application, sentence, application.problems)
        if message.error:
            self.status_line.error(message.sentence)
        elif message.sentence:
            self.status_line.info(message.sentence)
        else:
            self.status_line.clear()
        step = message.step
        if self.open_where_it_stands:
            self.open_where_it_stands = False
            step = step_where_it_stands(application)
        self.show_step(self.step if step is None else step)

    # -- 上传文件 ----------------------------------------------------------------------------

    @on(UploadsPanel.Download)
    def download(self, message: UploadsPanel.Download) -> None:
        if self.application is not None:
            directory = message.directory or default_documents_dir(self.application.id)
            self.status_line.busy("正在下载两份文件…")
            self.download_documents(self.application.id, directory)

    @on(UploadsPanel.SendDocuments)
    def send(self) -> None:
        if self.application is not None:
            self.status_line.busy("正在发送到数据管理员邮箱…")
            self.send_documents(self.application.id, self.application.form.admin.email)

    @on(UploadsPanel.Upload)
    def upload_scan(self, message: UploadsPanel.Upload) -> None:
        if self.application is None:
            return
        if not message.path:
            self.status_line.error("请填写要上传的本机文件路径。")
            return
        self.status_line.busy("正在上传…")
        self.upload(self.application.id, message.kind, message.path)

    @on(UploadsPanel.Delete)
    def delete_scan(self, message: UploadsPanel.Delete) -> None:
        if self.application is not None:
            self.status_line.busy("正在删除…")
            self.delete(self.application.id, message.file_id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in a form field moves on, like Tab: saving is Ctrl+S, never an accident.
        if self.step == FORM and isinstance(event.input, Input):
            event.stop()
            self.focus_next()
