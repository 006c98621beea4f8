"""`ReviewScreen` (审核): one pending application with everything a decision needs.

The form (masked, as the API sends it) with its problems, and the documents beside the stamped
scans with the fingerprint to compare (see `widgets.document_check`). 通过 asks for a
confirmation that says what approval sets off; 不通过 asks for the reason that goes to the data
administrator. Both send the revision the reviewer saw (`If-Match`): a decision on data that
changed meanwhile is refused, and the screen reloads to show the change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Label

from client import ApiError, CentralAPI, PreconditionFailedError
from domain import Action, Application, FileKind, Kind

from .._i18n import N_, tr
from .._labels import KIND_LABELS, local_time
from .._text import failure_sentence
from ..widgets import FormSection, StatusBanner, StatusLine, is_file_problem
from ..widgets.document_check import DocumentCheckSection, fingerprint_in_pdf
from ._approval_words import approval_consequences, change_consequences
from ._base import ApiScreen
from .modals import ConfirmModal, ReasonModal

COMMON_REJECTION_REASONS = (
    N_("《医疗机构执业许可证》盖章扫描件不清晰，请重新盖章、扫描后上传。"),
    N_("信息收集表未加盖医疗机构公章。"),
    N_("医疗机构名称与公章不一致。"),
)
"""Written to the data administrator, so picked ones go out in Chinese; the list shows each in
the kiosk's language (see `ReasonModal`)."""


class ReviewScreen(ApiScreen):
    """Decide one application.

    | key    | action |
    |--------|--------|
    | A      | 通过 (after a confirmation) |
    | R      | 不通过 (asks for the reason) |
    | F5     | 刷新 |
    | Escape | 返回 the queue |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "approve", N_("通过")),
        Binding("r", "reject", N_("不通过")),
        Binding("f5", "reload", N_("刷新")),
        Binding("escape", "back", N_("返回")),
    ]
    AUTO_FOCUS = "#sections"

    class Loaded(Message):
        """The application arrived, with its documents' fingerprint when they could be made."""

        def __init__(
            self, application: Application, fingerprint: str | None, fingerprint_note: str
        ) -> None:
            self.application = application
            self.fingerprint = fingerprint
            self.fingerprint_note = fingerprint_note
            super().__init__()

    class Decided(Message):
        """The API accepted the decision; `sentence` says what happened."""

        def __init__(self, sentence: str) -> None:
            self.sentence = sentence
            super().__init__()

    def __init__(
        self, api: CentralAPI, application_id: str, *, clock: Callable[[], datetime]
    ) -> None:
        super().__init__(api, clock=clock)
        self.application_id = application_id
        self.application: Application | None = None
        self.outcome = ""
        """What the decision did, for the queue to show once this screen closes."""
        self.refused = ""
        """Why the last decision was refused, kept on screen across the reload it causes."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusBanner(id="banner")
        yield StatusLine(id="status")
        with VerticalScroll(id="sections"):
            yield Label("", id="summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("approve", "reject"):
            allowed = Action.APPROVE if action == "approve" else Action.REJECT
            # Shown but greyed until the application is here and its state allows the decision.
            return (self.application is not None and allowed in self.application.actions) or None
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self.status_line.busy(tr("正在刷新…"))
        self.load()

    @work(exclusive=True, exit_on_error=False, group="review")
    async def load(self) -> None:
        application = await self.api.get_application(self.application_id)
        fingerprint: str | None = None
        note = ""
        try:
            pdf = await self.api.download_document(application.id, FileKind.INFO_FORM)
        except ApiError as error:
            # The decision can still be taken on the scans; say why there is no fingerprint.

            note = tr("无法生成文件，没有文件指纹：{reason}", reason=failure_sentence(error))
        else:
            fingerprint = fingerprint_in_pdf(pdf)
            note = "" if fingerprint else tr("生成的文件里没有找到文件指纹。")
        self.post_message(self.Loaded(application, fingerprint, note))

    async def on_review_screen_loaded(self, message: Loaded) -> None:
        application = message.application
        self.application = application
        if self.refused:
            self.status_line.error(self.refused)
            self.refused = ""
        else:
            self.status_line.clear()
        submitted = local_time(application.submitted_at)
        self.query_one(StatusBanner).show(
            application,
            tr(
                "{kind} · 「{name}」 · 提交于 {submitted}",
                kind=KIND_LABELS[application.kind],
                name=application.form.name,
                submitted=submitted,
            ),
        )
        self.query_one("#summary", Label).update(
            tr(
                "申请编号 {id} · 第 {revision} 版 · A 通过 · R 不通过",
                id=application.id,
                revision=application.revision,
            )
        )
        sections = self.query_one("#sections", VerticalScroll)
        await sections.query("Section").remove()
        form_problems = [p for p in application.problems if not is_file_problem(p)]
        await sections.mount_all(
            [
                DocumentCheckSection(
                    application.files,
                    fingerprint=message.fingerprint,
                    fingerprint_note=message.fingerprint_note,
                ),
                FormSection(application.form, form_problems),
            ]
        )
        self.refresh_bindings()

    # -- decisions -----------------------------------------------------------------------------

    def action_approve(self) -> None:
        application = self.application
        if application is None:
            return
        if application.kind is Kind.CHANGE:
            # What approval does to the account depends on the account: ask the server.
            self.status_line.busy(tr("正在核对变更内容…"))
            self.preview_change(application)
            return
        self.confirm_approval(approval_consequences(application))

    @work(exclusive=True, exit_on_error=False, group="decision")
    async def preview_change(self, application: Application) -> None:
        preview = await self.api.change_preview(application.id)
        self.status_line.clear()
        self.confirm_approval(change_consequences(application, preview))

    def confirm_approval(self, lines: list[str]) -> None:
        modal = ConfirmModal(tr("确认审核通过？"), lines, confirm_label=tr("确认通过"))
        self.app.push_screen(modal, self.approval_answered)

    def approval_answered(self, confirmed: bool | None) -> None:
        if confirmed and self.application is not None:
            self.status_line.busy(tr("正在提交审核结果…"))
            self.approve(self.application)

    def action_reject(self) -> None:
        application = self.application
        if application is None:
            return
        admin = application.form.admin
        modal = ReasonModal(
            tr("审核不通过：「{name}」", name=application.form.name),
            tr(
                "原因会随通知邮件发给数据管理员 {email}，并短信提醒 {mobile}；请写清需要怎样改正。",
                email=admin.email or tr("（无邮箱）"),
                mobile=admin.mobile or tr("（无手机号）"),
            ),
            common_reasons=COMMON_REJECTION_REASONS,
            submit_label=tr("确认不通过"),
            missing_sentence=tr("请填写不通过的原因：数据管理员要按它改正后重新提交。"),
        )
        self.app.push_screen(modal, self.reason_given)

    def reason_given(self, reason: str | None) -> None:
        if reason and self.application is not None:
            self.status_line.busy(tr("正在提交审核结果…"))
            self.reject(self.application, reason)

    @work(exclusive=True, exit_on_error=False, group="decision")
    async def approve(self, application: Application) -> None:
        decided = await self.api.approve(application.id, revision=application.revision)
        login = (
            tr("，登录名 {login_name}", login_name=decided.account.login_name)
            if decided.account
            else ""
        )
        self.post_message(
            self.Decided(
                tr(
                    "已通过「{name}」（{id}）{login}；通知邮件和短信已安排发送。",
                    name=decided.form.name,
                    id=decided.id,
                    login=login,
                )
            )
        )

    @work(exclusive=True, exit_on_error=False, group="decision")
    async def reject(self, application: Application, reason: str) -> None:
        decided = await self.api.reject(application.id, reason, revision=application.revision)
        self.post_message(
            self.Decided(
                tr(
                    "已退回「{name}」（{id}），原因已通知数据管理员。",
                    name=decided.form.name,
                    id=decided.id,
                )
            )
        )

    def on_review_screen_decided(self, message: Decided) -> None:
        self.outcome = message.sentence
        self.dismiss()

    def worker_failed(self, error: BaseException | None) -> None:
        if isinstance(error, PreconditionFailedError):
            # Someone changed the application after it was shown: show what it is now.
            self.refused = tr(
                "{reason}已重新读取最新资料，请再核对一遍。", reason=failure_sentence(error)
            )
            self.load()
