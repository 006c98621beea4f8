"""The detail's actions on the application's records: M 修改 (pending or rejected → draft),
D 文件 (the two documents, emailed or saved here), S 重发通知 and N 备注.

None of them changes an account or shows personal data, so none asks for the caller check.
Each ends with a sentence the operator can read to the caller, and the screen shows what
changed (status, files marked stale, the timeline, the delivery history).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual import work

from domain import Status

from .._i18n import N_, tr
from .._labels import STATUS_LABELS
from ._detail_base import DetailBase
from ._walk_work import DOCUMENT_FILES
from .call_modals import DocumentsChoice, DocumentsModal, NoteModal, download_dir
from .modals import ConfirmModal, ReasonModal

if TYPE_CHECKING:
    from domain import Delivery

NoticeKind = Literal["approval", "rejection"]

NEXT_STEPS = (
    N_("1、按 F3 办理：与来电人核对并修改填写资料，按 Ctrl+S 保存。"),
    N_("2、资料修改后，重新下载两份文件（信息收集表、系统使用须知及同意书）。"),
    N_("3、打印并加盖公章。"),
    N_("4、重新上传盖章后的扫描件：资料修改后，旧的扫描件会标记为“需重新盖章上传”。"),
    N_("5、提交审核。"),
)
COMMON_AMEND_REASONS = (
    N_("按审核意见修改资料"),
    N_("来电人要求更正填写的资料"),
    N_("更换上传的盖章文件"),
)


def notice_lines(kind: NoticeKind, email: str) -> list[str]:
    if kind == "approval":
        return [
            tr("重新发送账号开通通知到数据管理员邮箱 {email}，并发短信提醒。", email=email),
            tr("通知中有登录名、手机号和登录地址，不含密码；密码遗失请用“重置密码”。"),
        ]
    return [tr("重新发送审核不通过通知（含审核意见）到数据管理员邮箱 {email}。", email=email)]


def notice_sentence(kind: NoticeKind, delivery: Delivery) -> str:
    left = tr("今天还可重发 {count} 次。", count=delivery.remaining_today)
    if kind == "approval":
        return tr(
            "开通通知已重发到 {email}，短信已提醒 {phone}（不含密码）；{left}",
            email=delivery.email,
            phone=delivery.phone,
            left=left,
        )
    return tr("审核不通过通知已重发到 {email}；{left}", email=delivery.email, left=left)


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


class RecordActions(DetailBase):
    """M (pending, rejected), D, S, N."""

    # -- M 修改 (pending or rejected) ------------------------------------------------------------

    def action_amend(self) -> None:
        if self.application is None:
            return
        state = STATUS_LABELS[self.application.status]
        modal = ReasonModal(
            tr("修改申请"),
            tr("申请将从“{state}”退回“填写中”，已上传的文件保留。请填写修改原因：", state=state),
            common_reasons=[tr(reason) for reason in COMMON_AMEND_REASONS],
            submit_label=tr("退回修改"),
        )
        self.app.push_screen(modal, self.amend_reason_given)

    def amend_reason_given(self, reason: str | None) -> None:
        if reason:
            self.status_line.busy(tr("正在退回填写状态…"))
            self.amend(reason)

    @work(exclusive=True, exit_on_error=False, group="amend")
    async def amend(self, reason: str) -> None:
        revision = self.application.revision if self.application is not None else None
        await self.api.amend(self.application_id, reason, revision=revision)
        self.done(tr("申请已退回“填写中”：按 F3 办理，修改资料后重新下载、盖章、上传并提交审核。"))
        modal = ConfirmModal(
            tr("申请已退回“填写中”，接下来："),
            [tr(step) for step in NEXT_STEPS],
            confirm_label=tr("去办理"),
        )
        self.app.push_screen(modal, self.next_steps_answered)

    async def next_steps_answered(self, go: bool | None) -> None:
        if go:
            await self.run_action("handle")

    # -- D 文件 ----------------------------------------------------------------------------------

    def action_documents(self) -> None:
        if self.application is None:
            return
        email = self.application.form.admin.email or tr("（未填写）")
        modal = DocumentsModal(email, download_dir(self.application.id))
        self.app.push_screen(modal, self.documents_chosen)

    def documents_chosen(self, choice: DocumentsChoice | None) -> None:
        if choice is None:
            return
        if choice.directory is not None:
            self.status_line.busy(tr("正在生成并保存两份文件…"))
            self.save_documents(choice.directory)
        else:
            self.status_line.busy(tr("正在生成并发送两份文件…"))
            self.email_documents()

    @work(exclusive=True, exit_on_error=False, group="documents")
    async def email_documents(self) -> None:
        delivery = await self.api.send_documents(self.application_id)
        self.done(
            tr(
                "两份文件已发送到数据管理员邮箱 {email}，请来电人查收；今天还可再发送 {count} 次。",
                email=delivery.email,
                count=delivery.remaining_today,
            )
        )

    @work(exclusive=True, exit_on_error=False, group="documents")
    async def save_documents(self, directory: Path) -> None:
        for kind, name in DOCUMENT_FILES.items():
            content = await self.api.download_document(self.application_id, kind)
            await asyncio.to_thread(_write, directory / name, content)
        names = tr("、").join(DOCUMENT_FILES.values())
        self.status_line.info(
            tr("两份文件已保存到 {directory}：{names}。", directory=directory, names=names)
        )

    # -- S 重发通知 ------------------------------------------------------------------------------

    def action_resend_notice(self) -> None:
        if self.application is None:
            return
        kind: NoticeKind = "approval" if self.application.status is Status.APPROVED else "rejection"
        title = tr("重发开通通知") if kind == "approval" else tr("重发审核不通过通知")
        lines = notice_lines(kind, self.application.form.admin.email or tr("（未填写）"))
        modal = ConfirmModal(title, lines, confirm_label=tr("重发"))
        self.app.push_screen(modal, lambda confirmed: self.notice_confirmed(kind, confirmed))

    def notice_confirmed(self, kind: NoticeKind, confirmed: bool | None) -> None:
        if confirmed:
            self.status_line.busy(tr("正在重发通知…"))
            self.resend_notice(kind)

    @work(exclusive=True, exit_on_error=False, group="notice")
    async def resend_notice(self, kind: NoticeKind) -> None:
        delivery = await self.api.resend_notice(self.application_id, kind, call_id=self.call_id)
        self.done(notice_sentence(kind, delivery))

    # -- N 备注 ----------------------------------------------------------------------------------

    def action_note(self) -> None:
        if self.application is not None:
            self.app.push_screen(NoteModal(), self.note_written)

    def note_written(self, text: str | None) -> None:
        if text:
            self.status_line.busy(tr("正在保存备注…"))
            self.write_note(text)

    @work(exclusive=True, exit_on_error=False, group="note")
    async def write_note(self, text: str) -> None:
        await self.api.add_note(self.application_id, text, call_id=self.call_id)
        self.done(tr("备注已记录在时间线上。"))
