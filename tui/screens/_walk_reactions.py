"""What the walk-through does when a step asks for something or a worker reports back.

Kept apart from `walkthrough` (the screen: layout, keys, moving between steps) so each reads on
its own. The panels post what the operator asked for (send a code, upload a scan, submit); the
handlers here check what the kiosk can check itself, say what is going on and start a worker
from `_walk_work`; the workers answer with `Said`, `CodeSent`, `Refused` or `Refreshed`, and the
handlers below put that answer on screen without touching what the operator typed.
"""

from __future__ import annotations

from textual import on
from textual.widgets import ContentSwitcher

from client import SubmitBlockedError, VerificationFailedError
from domain import Application, DomainError, Problem, normalize_institution_code, normalize_mobile

from .._i18n import N_, tr
from .._said import (
    api_error_sentence,
    domain_sentence,
    problem_sentence,
    status_words,
)
from ..widgets import (
    CodeField,
    FormEditor,
    StatusPanel,
    StepsBar,
    UploadsPanel,
    VerifyPanel,
    is_file_problem,
)
from ._walk_steps import FORM, STATUS, STEP_IDS, VERIFY, step_where_it_stands, steps_done
from ._walk_work import (
    CodeChecked,
    CodeSent,
    Refreshed,
    Refused,
    Said,
    WalkthroughWorkers,
    default_documents_dir,
)
from .change_admin_mobile import ChangeAdminMobileModal

STEP_FOCUS = ("#verify-institution", "#name", "#scan-path", "#submit")
"""The field each step puts the cursor in, by step number."""
CODE_FIRST = N_("请先输入医疗机构代码：已在 HQMS 对接的机构无需申请，不发送验证码。")
IN_HQMS_STOP = N_("该机构已在 HQMS 对接，无需申请，不发送验证码：请把下面的话读给来电人。")
FULL_CODE_LENGTH = 22


class WalkthroughReactions(WalkthroughWorkers):
    """The walk-through's state and its reactions; `WalkthroughScreen` sets the state up."""

    application: Application | None
    application_id: str | None
    step: int
    verification_id: str | None
    leave_armed: bool
    """Esc was pressed once with unsaved edits: the next Esc leaves without saving."""
    open_where_it_stands: bool
    """Set until the application first arrives: then the screen moves to its step."""

    @property
    def form_editor(self) -> FormEditor:
        return self.query_one(FormEditor)

    def show_step(self, step: int) -> None:
        self.step = step
        self.query_one(ContentSwitcher).current = STEP_IDS[step]
        self.query_one(StepsBar).show(step, steps_done(self.application))
        self.refresh_bindings()
        self.call_after_refresh(self.query_one(STEP_FOCUS[step]).focus)

    # -- 身份验证 ----------------------------------------------------------------------------

    @on(VerifyPanel.CheckCode)
    def check_institution(self, message: VerifyPanel.CheckCode) -> None:
        if not message.code:
            self.status_line.error(tr(CODE_FIRST))
            return
        self.status_line.busy(tr("正在查询 HQMS 已对接机构名单…"))
        self.check_registry(message.code)

    @on(VerifyPanel.SendCode)
    def send_code(self, message: VerifyPanel.SendCode) -> None:
        if not message.code:
            self.status_line.error(tr(CODE_FIRST))
            self.query_one("#verify-institution").focus()
            return
        try:
            phone = normalize_mobile(message.phone, field="phone")
        except DomainError as error:
            self.status_line.error(domain_sentence(error))
            return
        self.status_line.busy(tr("正在发送验证码…"))
        self.start_verification(phone, message.code)

    @on(CodeChecked)
    def code_checked(self, message: CodeChecked) -> None:
        """An institution in HQMS stops the step here with the sentence to read out; a number
        that names no institution says what is needed instead."""
        check = message.check
        self.query_one(VerifyPanel).code_checked(check)
        if check.in_hqms:
            self.status_line.error(tr(IN_HQMS_STOP))
        elif not check.organization:
            self.status_line.error(problem_sentence(check.errors[0]))
        elif not message.sending:
            self.status_line.clear()

    @on(VerifyPanel.ConfirmCode)
    def confirm_code(self, message: VerifyPanel.ConfirmCode) -> None:
        if self.verification_id is None:
            self.status_line.error(tr("请先发送验证码。"))
        elif len(message.code) != 6:
            self.status_line.error(tr("验证码是 6 位数字，请让来电人再读一遍。"))
        else:
            self.status_line.busy(tr("正在核对验证码…"))
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
            sentence = tr(
                "数据管理员手机号已更换为 {mobile}，原号码会收到短信通知。", mobile=mobile
            )
            self.post_message(Refreshed(application, keep_edits=keep, sentence=sentence))

    def action_save(self) -> None:
        if self.application is None:
            return
        self.leave_armed = False
        self.status_line.busy(tr("正在保存…"))
        self.save(self.application.id, self.form_editor.form)

    # -- 上传文件 ----------------------------------------------------------------------------

    @on(UploadsPanel.Download)
    def download(self, message: UploadsPanel.Download) -> None:
        if self.application is not None:
            directory = message.directory or default_documents_dir(self.application.id)
            self.status_line.busy(tr("正在下载两份文件…"))
            self.download_documents(self.application.id, directory)

    @on(UploadsPanel.SendDocuments)
    def send(self) -> None:
        if self.application is not None:
            self.status_line.busy(tr("正在发送到数据管理员邮箱…"))
            self.send_documents(self.application.id, self.application.form.admin.email)

    @on(UploadsPanel.Upload)
    def upload_scan(self, message: UploadsPanel.Upload) -> None:
        if self.application is None:
            return
        if not message.path:
            self.status_line.error(tr("请填写要上传的本机文件路径。"))
            return
        self.status_line.busy(tr("正在上传…"))
        self.upload(self.application.id, message.kind, message.path)

    @on(UploadsPanel.Delete)
    def delete_scan(self, message: UploadsPanel.Delete) -> None:
        if self.application is not None:
            self.status_line.busy(tr("正在删除…"))
            self.delete(self.application.id, message.file_id)

    # -- 审批状态 ----------------------------------------------------------------------------

    @on(StatusPanel.Submit)
    def start_submit(self) -> None:
        if self.application is not None:
            self.status_line.busy(tr("正在提交审核…"))
            self.submit(self.application.id, STATUS)

    # -- what the workers report ---------------------------------------------------------------

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
        detail = api_error_sentence(error)
        if isinstance(error, SubmitBlockedError):
            if self.application is not None:
                self.query_one(StatusPanel).show(self.application, detail, error.errors)
        else:
            # A refusal of the whole form (e.g. the institution is in HQMS) shows at the code.
            problem = Problem(
                field="code", code=error.code, params=error.params, message=error.detail
            )
            self.form_editor.show_problems(error.errors or [problem])
        self.status_line.error(detail)

    @on(Refreshed)
    def refreshed(self, message: Refreshed) -> None:
        application = message.application
        first = self.application is None
        self.application = application
        self.application_id = application.id
        editor = self.form_editor
        if first or not message.keep_edits:
            editor.load(application.form)
        if first:
            self.carry_code_over(application)
        elif message.saved_form is not None:
            editor.baseline = message.saved_form
        editor.show_problems([p for p in application.problems if not is_file_problem(p)])
        uploads = self.query_one(UploadsPanel)
        uploads.set_documents_dir(default_documents_dir(application.id))
        uploads.show_files(application.files)
        sentence = status_words(application, now=self.clock())
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

    def carry_code_over(self, application: Application) -> None:
        """A new application's form starts with the full code given at 身份验证 (typed, not yet
        saved: Ctrl+S saves it with the rest)."""
        code = self.query_one(VerifyPanel).institution_code
        if not application.form.code and len(normalize_institution_code(code)) == FULL_CODE_LENGTH:
            self.form_editor.query_one(CodeField).value = code
