"""`DetailScreen`: one application — banner, form with its problems, files, account, timeline,
notifications — kept current while it is open, with the actions its state allows.

Live: the screen follows the application's event stream (`client.watch_application`) and
reloads whenever the server says it changed (the caller uploading, a reviewer deciding, another
operator's note), so nobody presses a refresh key during a call. A lost stream is said quietly
in the status line while the watcher reconnects; once back, the screen reloads, since changes
may have happened meanwhile. The watcher is a plain task owned by the screen rather than a
Textual worker: it never finishes, and `app.workers.wait_for_complete()` must still mean "the
screen's requests are done".

Actions: the footer offers only what the application's `actions` allow (`check_action`); they
live in `_detail_caller` (what needs the caller check), `_detail_records` and `_detail_recovery`
(找回密码). Opening the screen attaches the hotline call to the application, so what is done
here is recorded under it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Label, Static

from client import (
    STREAM_LOST,
    STREAM_OPENED,
    ApiError,
    CentralAPI,
    UnauthorizedError,
    watch_application,
)
from domain import Action, Application, Status

from .._bindings import translate_bindings
from .._i18n import N_, tr
from .._labels import KIND_LABELS, allowed_actions_sentence, local_time
from .._said import status_words
from .._text import failure_sentence
from ..widgets import (
    AccountSection,
    FilesSection,
    FormSection,
    NotificationsSection,
    StatusBanner,
    StatusLine,
    TimelineSection,
    is_file_problem,
)
from ..widgets.call_bar import CallBar
from ..widgets.presence import PresenceMarker
from ._detail_base import shorten_key_words
from ._detail_caller import CallerActions
from ._detail_records import RecordActions
from ._detail_recovery import RecoveryActions

NEEDS_ACTION: dict[str, Action] = {
    "amend": Action.AMEND,
    "change_data": Action.AMEND,
    "reset_password": Action.RESET_PASSWORD,
    "documents": Action.SEND_DOCUMENTS,
    "resend_notice": Action.RESEND_NOTICE,
    "resend_recovery": Action.RESET_PASSWORD,  # where a reset may be done, so may a recovery
}
"""Footer actions offered only when the application's `actions` list the transition."""
NEEDS_APPLICATION = {*NEEDS_ACTION, "handle", "check_caller", "reveal", "note"}
PALETTE: tuple[tuple[str, str, str], ...] = (
    ("check_caller", N_("核实来电人身份"), N_("短信验证码发到登记的手机号，或记录不核实的原因")),
    ("note", N_("通话备注"), N_("写下这次通话的要点，记入时间线")),
    ("reveal", N_("查看完整信息"), N_("说明原因后查看一项完整的手机号、邮箱或姓名")),
    ("amend", N_("修改申请"), N_("退回“填写中”，修改后重新盖章上传并提交")),
    ("change_data", N_("变更资料"), N_("为已开通的账号发起变更资料申请")),
    ("reset_password", N_("重置密码"), N_("验证登记的手机号后，新临时密码发给数据管理员")),
    ("documents", N_("申请文件"), N_("重新生成两份文件，发到管理员邮箱或保存到本机")),
    ("resend_notice", N_("重发通知"), N_("重发审核通过或不通过的通知")),
    ("resend_recovery", N_("重发找回密码邮件"), N_("新的找回密码链接发到数据管理员邮箱")),
)
"""The detail's own entries in the command palette, offered when the footer offers the key."""


def stream_lost_sentence(reason: object) -> str:
    """The live updates dropped and a reconnect follows; why, when the client knows."""
    lost = tr("实时更新连接已断开，正在重新连接…")
    if isinstance(reason, ApiError):
        return tr("{lost}（{reason}）", lost=lost, reason=failure_sentence(reason))
    return lost


class DetailScreen(CallerActions, RecordActions, RecoveryActions):
    """One application, and what the operator may do with it during the call.

    | key    | action (shown only when the state allows it) |
    |--------|--------|
    | Escape | 返回 to the lookup |
    | F5     | 刷新 (also in the command palette) |
    | F3     | 办理: the registration walk-through (a draft) |
    | K      | 核实 (身份): SMS code to the registered phone, or the reason why not |
    | N      | 备注: a call note on the timeline |
    | V      | 查看: one personal value in full, with a reason (after the caller check) |
    | M      | 修改 (pending, rejected → draft) / 变更资料 (approved, after the caller check) |
    | P      | 重置密码 (approved with an account; its own SMS code checks the caller) |
    | D      | 文件: the two documents, emailed to the administrator or saved here |
    | S      | 重发 (通知): the approval or rejection notice again |
    | E      | 找回 (密码): a fresh password-recovery link to the administrator's email |
    | ↑ ↓ PgUp PgDn | scroll |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("返回")),
        Binding("f5", "reload", N_("刷新"), show=False),
        Binding("f3", "handle", N_("办理")),
        Binding("k", "check_caller", N_("核实"), key_display="K", tooltip=N_("核实来电人身份")),
        Binding("n", "note", N_("备注"), key_display="N"),
        Binding("v", "reveal", N_("查看"), key_display="V"),
        Binding("m", "amend", N_("修改"), key_display="M"),
        Binding("m", "change_data", N_("变更资料"), key_display="M"),
        Binding("p", "reset_password", N_("重置密码"), key_display="P"),
        Binding("d", "documents", N_("文件"), key_display="D"),
        Binding("s", "resend_notice", N_("重发"), key_display="S", tooltip=N_("重发审核结果通知")),
        # A short word: with K shown, ten keys fill the 80 columns (English: "Link").
        Binding(
            "e", "resend_recovery", N_("找回"), key_display="E", tooltip=N_("重发找回密码邮件")
        ),
    ]
    AUTO_FOCUS = "#sections"
    DEFAULT_CSS = """
    DetailScreen #revealed {
        display: none;
        height: auto;
        padding: 0 1;
        text-style: bold;
        background: $warning-muted;
    }
    """

    def __init__(
        self, api: CentralAPI, application_id: str, *, clock: Callable[[], datetime]
    ) -> None:
        super().__init__(api, application_id, clock=clock)
        translate_bindings(self)
        shorten_key_words(self)
        self.live: asyncio.Task[None] | None = None
        self.stream_lost = False
        self.changes_seen = 0
        """Stream events that made the screen reload (tests and the latency figure use it)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield CallBar()
        yield PresenceMarker(self.api, self.application_id)
        yield StatusBanner(id="banner")
        yield StatusLine(id="status")
        yield Static("", id="revealed", markup=False)
        with VerticalScroll(id="sections"):
            yield Label("", id="summary", markup=False)
        # Up to eight keys at 80 columns: compact, and Ctrl+P works without its footer hint.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.load()
        self.attach_call()
        self.live = asyncio.create_task(self.follow_changes(), name=f"live {self.application_id}")

    async def on_unmount(self) -> None:
        if self.live is not None:
            self.live.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.live

    def action_back(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self.status_line.busy(tr("正在刷新…"))
        self.load()

    async def action_handle(self) -> None:
        """办理: the walk-through at the step where the application stands (the app opens it)."""
        await self.app.run_action("handle_application")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in NEEDS_APPLICATION:
            return True
        application = self.application
        if application is None:
            return False
        if action in NEEDS_ACTION and NEEDS_ACTION[action] not in application.actions:
            return False
        approved = application.status is Status.APPROVED
        return {
            "handle": application.status is Status.DRAFT,
            "check_caller": not self.calls.checked,
            "amend": not approved,
            "change_data": approved,
            "reset_password": application.account is not None,
            "resend_recovery": application.account is not None,
        }.get(action, True)

    def palette_commands(self) -> Iterable[SystemCommand]:
        for action, title, help_text in PALETTE:
            if self.check_action(action, ()):
                yield SystemCommand(tr(title), tr(help_text), partial(self.run_action, action))

    @work(exclusive=True, exit_on_error=False, group="call")
    async def attach_call(self) -> None:
        """What is done on this screen is recorded under the call (one is started if none)."""
        await self.calls.attach(self.api, self.application_id)
        self.refresh_bindings()

    async def follow_changes(self) -> None:
        """Reload on every change the server reports, until the screen closes."""
        try:
            async for event in watch_application(self.api, self.application_id):
                if event.event == STREAM_LOST:
                    self.stream_lost = True
                    self.status_line.busy(stream_lost_sentence(event.data.get("reason")))
                elif event.event == STREAM_OPENED:
                    if self.stream_lost:
                        self.stream_lost = False
                        self.status_line.clear()
                        self.changes_seen += 1
                        self.load()
                else:
                    self.changes_seen += 1
                    self.load()
        except ApiError as error:
            # Refused for good (signed out, no such application): say so; no more live updates.
            self.status_line.error(tr("实时更新已停止：{reason}", reason=failure_sentence(error)))
            if isinstance(error, UnauthorizedError):
                self.post_message(self.SessionExpired(failure_sentence(error)))

    @on(CallerActions.Loaded)
    async def show_loaded(self, message: CallerActions.Loaded) -> None:
        application = message.application
        self.application = application
        self.refresh_bindings()
        # Only "正在刷新…" goes: an action's outcome stays readable through the reload it causes.
        if not self.stream_lost and self.status_line.has_class("-busy"):
            self.status_line.clear()
        self.query_one(StatusBanner).show(application, status_words(application, now=self.clock()))
        self.query_one("#summary", Label).update(self.summary_text(application))
        sections = self.query_one("#sections", VerticalScroll)
        # A live reload must not throw the operator back to the top of what they were reading.
        scrolled_to = sections.scroll_y
        await sections.query("Section").remove()
        form_problems = [p for p in application.problems if not is_file_problem(p)]
        file_problems = [p for p in application.problems if is_file_problem(p)]
        await sections.mount_all(
            [
                FormSection(application.form, form_problems),
                FilesSection(application.files, file_problems),
                AccountSection(application.account),
                NotificationsSection(message.notifications, note=message.notifications_note),
                TimelineSection(message.events),
            ]
        )
        sections.scroll_to(y=scrolled_to, animate=False, immediate=True)

    @staticmethod
    def summary_text(application: Application) -> str:
        """申请编号, kind, last change and what may be done next — one glance, above the form."""
        heading = tr(
            "申请编号 {id} · {kind} · 更新于 {updated}",
            id=application.id,
            kind=tr(KIND_LABELS[application.kind]),
            updated=local_time(application.updated_at),
        )
        return f"{heading}\n{allowed_actions_sentence(application.actions)}"
