"""The walk-through's API calls: one worker each, reporting back with a message.

Kept apart from `walkthrough` so the screen reads as layout and reactions. Every worker runs
with `exit_on_error=False`; what it does not catch, `ApiScreen` turns into a sentence. The
errors caught here are the ones with a better place on screen than the status line: problems
under their fields, the blocking list under 提交审核, a countdown on 发送验证码.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import work
from textual.message import Message

from client import (
    AlreadyInHqmsError,
    ApiError,
    ConflictError,
    FormInvalidError,
    PreconditionFailedError,
    RateLimitedError,
    SubmitBlockedError,
)
from domain import Application, CodeCheck, FileKind, Form

from .._i18n import N_, Translated, tr
from .._labels import FILE_KIND_LABELS
from .._text import failure_sentence
from ..widgets import check_local_scan
from ._base import ApiScreen
from .call_modals import download_dir

REGISTER = "register"
DOCUMENT_FILES = Translated(
    {
        FileKind.INFO_FORM: N_("信息收集表.pdf"),
        FileKind.CONSENT: N_("系统使用须知及同意书.pdf"),
    }
)
"""The names the two documents are saved under (in the kiosk's language, like its sentences)."""
STALE_SENTENCE = N_(
    "资料已被他人修改，请刷新后再保存。已读取最新版本，您填写的内容仍保留在屏幕上；"
    "核对后再按 Ctrl+S 保存即以屏幕上的内容为准。"
)


def default_documents_dir(application_id: str) -> str:
    """The folder offered for the two documents: the detail screen's (`HQMS_DOWNLOAD_DIR`, else
    ~/hqms-documents, then the application's id), with `~` for the home folder as typed."""
    folder = download_dir(application_id)
    home = Path.home()
    if folder.is_relative_to(home) and folder != home:
        return f"~/{folder.relative_to(home).as_posix()}/"
    return f"{folder}/"


class Refreshed(Message):
    """A fresh application; `keep_edits` leaves what the operator typed alone."""

    def __init__(
        self,
        application: Application,
        *,
        step: int | None = None,
        keep_edits: bool = True,
        saved_form: Form | None = None,
        sentence: str = "",
        error: bool = False,
    ) -> None:
        self.application = application
        self.step = step
        self.keep_edits = keep_edits
        self.saved_form = saved_form
        self.sentence = sentence
        self.error = error
        super().__init__()


class Said(Message):
    """A sentence for the status line."""

    def __init__(self, sentence: str, *, error: bool = False) -> None:
        self.sentence = sentence
        self.error = error
        super().__init__()


class CodeChecked(Message):
    """What the registry says about the institution's code (before any SMS); `sending`: asked
    on the way to sending the SMS, which goes on unless the check stops it."""

    def __init__(self, check: CodeCheck, *, sending: bool = False) -> None:
        self.check = check
        self.sending = sending
        super().__init__()


class CodeSent(Message):
    """The SMS is on its way (or may not be sent again yet: `verification_id` is None)."""

    def __init__(self, phone: str, verification_id: str | None, wait_seconds: int) -> None:
        self.phone = phone
        self.verification_id = verification_id
        self.wait_seconds = wait_seconds
        super().__init__()


class Refused(Message):
    """The API refused a save or a submit, with problems that belong next to fields."""

    def __init__(self, error: ApiError) -> None:
        self.error = error
        super().__init__()


class WalkthroughWorkers(ApiScreen):
    """The walk-through's workers (the screen subclasses this and handles the messages)."""

    @work(exclusive=True, exit_on_error=False, group="verify")
    async def check_registry(self, code: str) -> None:
        self.post_message(CodeChecked(await self.api.check_code(code)))

    @work(exclusive=True, exit_on_error=False, group="verify")
    async def start_verification(self, phone: str, code: str) -> None:
        """The SMS, unless the institution is in HQMS or the code names none: the registry
        is asked again right before sending, whatever was asked when the code was typed."""
        check = await self.api.check_code(code)
        self.post_message(CodeChecked(check, sending=True))
        if check.in_hqms or not check.organization:
            return
        try:
            started = await self.api.start_verification(phone, REGISTER)
        except RateLimitedError as error:
            self.post_message(Said(failure_sentence(error), error=True))
            self.post_message(CodeSent(phone, None, int(error.retry_after or 0)))
            return
        wait = started.seconds_until_resend()
        self.post_message(CodeSent(phone, started.id, wait))

    @work(exclusive=True, exit_on_error=False, group="verify")
    async def register(self, verification_id: str, code: str, form_step: int) -> None:
        token = await self.api.confirm_verification(verification_id, code)
        application = await self.api.create_application(token)
        sentence = tr(
            "验证通过，已创建申请 {application_id}。请逐项填写资料，可随时保存。",
            application_id=application.id,
        )
        self.post_message(
            Refreshed(application, step=form_step, keep_edits=False, sentence=sentence)
        )

    @work(exclusive=True, exit_on_error=False, group="load")
    async def load_application(self, application_id: str, step: int | None, keep: bool) -> None:
        application = await self.api.get_application(application_id)
        self.post_message(Refreshed(application, step=step, keep_edits=keep))

    @work(exclusive=True, exit_on_error=False, group="save")
    async def save(self, application_id: str, form: Form) -> None:
        try:
            application = await self.api.save_form(application_id, form)
        except PreconditionFailedError:
            latest = await self.api.get_application(application_id)
            self.post_message(Refreshed(latest, sentence=tr(STALE_SENTENCE), error=True))
        except (FormInvalidError, AlreadyInHqmsError, ConflictError) as error:
            self.post_message(Refused(error))
        else:
            sentence = tr("已保存（第 {revision} 版）。", revision=application.revision)
            self.post_message(Refreshed(application, saved_form=form, sentence=sentence))

    @work(exclusive=True, exit_on_error=False, group="documents")
    async def download_documents(self, application_id: str, directory: str) -> None:
        folder = Path(directory).expanduser()
        for kind, name in DOCUMENT_FILES.items():
            content = await self.api.download_document(application_id, kind)
            await asyncio.to_thread(_write, folder / name, content)
        names = tr("、").join(DOCUMENT_FILES.values())
        sentence = tr(
            "两份文件已保存到 {folder}：{names}。请打印、盖章后扫描上传。",
            folder=folder,
            names=names,
        )
        self.post_message(Said(sentence))

    @work(exclusive=True, exit_on_error=False, group="documents")
    async def send_documents(self, application_id: str, email: str) -> None:
        await self.api.send_documents(application_id)
        sentence = tr("两份文件已发送到数据管理员邮箱 {email}，请来电人查收。", email=email)
        self.post_message(Said(sentence))

    @work(exclusive=True, exit_on_error=False, group="files")
    async def upload(self, application_id: str, kind: FileKind, path_text: str) -> None:
        path = Path(path_text).expanduser()
        refusal = await asyncio.to_thread(check_local_scan, path)
        if refusal is not None:
            self.post_message(Said(refusal, error=True))
            return
        info = await self.api.upload_file(application_id, kind, path)
        application = await self.api.get_application(application_id)
        sentence = tr(
            "已上传{kind}：{filename}。", kind=FILE_KIND_LABELS[kind], filename=info.filename
        )
        self.post_message(Refreshed(application, sentence=sentence))

    @work(exclusive=True, exit_on_error=False, group="files")
    async def delete(self, application_id: str, file_id: str) -> None:
        await self.api.delete_file(application_id, file_id)
        application = await self.api.get_application(application_id)
        self.post_message(Refreshed(application, sentence=tr("已删除所选文件。")))

    @work(exclusive=True, exit_on_error=False, group="submit")
    async def submit(self, application_id: str, status_step: int) -> None:
        try:
            application = await self.api.submit(application_id)
        except SubmitBlockedError as error:
            self.post_message(Refused(error))
        else:
            sentence = tr("已提交审核。审核结果会通过短信和邮件通知数据管理员。")
            self.post_message(Refreshed(application, step=status_step, sentence=sentence))


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
