"""`ReviewQueueScreen` (审核队列): the pending applications, oldest submission first.

Reviewers and admins only: the lookup screen neither shows nor opens it for operators (and the
API refuses their decisions anyway). Enter opens `ReviewScreen`; coming back reloads the queue,
so a decided application leaves the list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Label

from client import CentralAPI
from domain import ApplicationSummary, Status

from .._i18n import N_, SOURCE_LANGUAGE, current_language, tr
from .._labels import SHORT_KIND_LABELS, local_time
from ..widgets import StatusLine
from ._base import ApiScreen

if TYPE_CHECKING:
    from .review import ReviewScreen

PAGE_SIZE = 100
MAX_PAGES = 10
"""A queue longer than a thousand is a backlog to report, not to page through on a call."""
NAME_CELLS = 20
QUEUE_COLUMNS = (N_("提交于"), N_("已等待"), N_("机构名称"), N_("医疗机构代码"), N_("类型"))


def waiting_words(submitted_at: datetime | None, now: datetime) -> str:
    """How long an application has waited, in the largest whole unit: `3 天`, `5 小时`."""
    if submitted_at is None:
        return "—"
    if submitted_at.tzinfo is None:
        submitted_at = submitted_at.replace(tzinfo=UTC)
    seconds = max(0.0, (now - submitted_at).total_seconds())
    if seconds >= 86400:
        return tr("{count} 天", count=int(seconds // 86400))
    if seconds >= 3600:
        return tr("{count} 小时", count=int(seconds // 3600))
    return tr("{count} 分钟", count=max(1, int(seconds // 60)))


def queue_order(summary: ApplicationSummary) -> tuple[datetime, str]:
    """Oldest submission first; an application without a submission time by its last change."""
    moment = summary.submitted_at or summary.updated_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment, summary.id


class ReviewQueueScreen(ApiScreen):
    """The reviewer's list of pending applications.

    | key    | action |
    |--------|--------|
    | Enter  | 审核 the application under the cursor |
    | F5     | 刷新 |
    | Escape | 返回 |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("返回")),
        Binding("f5", "reload", N_("刷新")),
    ]
    AUTO_FOCUS = "#queue"
    DEFAULT_CSS = """
    ReviewQueueScreen #queue-hint { padding: 0 1; color: $text-muted; }
    ReviewQueueScreen #queue { height: 1fr; margin: 0 1; }
    """

    class Loaded(Message):
        """The pending applications arrived, already in queue order."""

        def __init__(self, summaries: list[ApplicationSummary], complete: bool) -> None:
            self.summaries = summaries
            self.complete = complete
            super().__init__()

    def __init__(self, api: CentralAPI, *, clock: Callable[[], datetime]) -> None:
        super().__init__(api, clock=clock)
        self.summaries: list[ApplicationSummary] = []
        self.outcome = ""
        """The sentence of the last decision taken from this queue, shown after the reload."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(tr("审核队列：待审核的申请，最早提交的在前。Enter 审核。"), id="queue-hint")
        yield StatusLine(id="status")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="queue")
        yield Footer()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#queue", DataTable)

    def on_mount(self) -> None:
        self.table.add_columns(*(tr(header) for header in QUEUE_COLUMNS))
        self.status_line.busy(tr("正在读取待审核的申请…"))
        self.load()

    def action_back(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self.status_line.busy(tr("正在刷新…"))
        self.load()

    @work(exclusive=True, exit_on_error=False, group="review-queue")
    async def load(self) -> None:
        found: list[ApplicationSummary] = []
        cursor: str | None = None
        for _ in range(MAX_PAGES):
            page = await self.api.search_applications(
                status=Status.PENDING, limit=PAGE_SIZE, cursor=cursor
            )
            found.extend(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
        pending = [summary for summary in found if summary.status is Status.PENDING]
        self.post_message(self.Loaded(sorted(pending, key=queue_order), cursor is None))

    def on_review_queue_screen_loaded(self, message: Loaded) -> None:
        self.summaries = message.summaries
        table = self.table
        table.clear()
        now = self.clock()
        for summary in message.summaries:
            name = Text(summary.name or tr("（未填写名称）"))
            name.truncate(NAME_CELLS, overflow="ellipsis")
            table.add_row(
                local_time(summary.submitted_at)[5:],
                waiting_words(summary.submitted_at, now),
                name,
                summary.code,
                SHORT_KIND_LABELS[summary.kind],
                key=summary.id,
            )
        if message.summaries:
            table.move_cursor(row=0)
        count = len(message.summaries)
        more = "" if message.complete else tr("（只列出前 {count} 条）", count=count)
        if count:
            counted = tr("待审核 {count} 条{more}。", count=count, more=more)
        else:
            counted = tr("没有待审核的申请。")
        if self.outcome:
            # Chinese runs sentences together; English puts a space between them.
            gap = "" if current_language() == SOURCE_LANGUAGE else " "
            self.status_line.info(f"{self.outcome}{gap}{counted}")
            self.outcome = ""
        else:
            self.status_line.info(counted)

    @on(DataTable.RowSelected, "#queue")
    def open_review(self, event: DataTable.RowSelected) -> None:
        event.stop()
        application_id = event.row_key.value
        if application_id is None:
            return
        from .review import ReviewScreen  # its sections and documents load on first review

        review = ReviewScreen(self.api, application_id, clock=self.clock)
        self.app.push_screen(review, lambda _: self.reviewed(review))

    def reviewed(self, review: ReviewScreen) -> None:
        self.outcome = review.outcome
        self.status_line.busy(tr("正在刷新…"))
        self.load()
