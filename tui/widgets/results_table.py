"""`ResultsTable`: the applications (and accounts) a phone number matches, one per row."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from domain import ApplicationSummary, Kind, Status

from .._i18n import NC_, Translated
from .._labels import SHORT_KIND_LABELS, local_time

NAME_WIDTH = 14
"""Cells kept for the institution's name so the row fits 80 columns with the full code."""
STATUS_WIDTH = 10
"""Cells of the widest plain status (审核不通过) that NAME_WIDTH was measured with: a wider
status column (a change application's, or a longer language's) takes its cells from the name."""
MIN_NAME_WIDTH = 6
LIST_CONTEXT = "list"
"""Catalogue context of the list's words: a narrow column wants "Pending", not "Pending review"."""

COLUMNS = Translated(
    {
        "status": NC_("list", "状态"),
        "name": NC_("list", "机构名称"),
        "code": NC_("list", "代码"),
        "phone": NC_("list", "电话"),
        "updated": NC_("list", "更新"),
    },
    context=LIST_CONTEXT,
)
STATUS_WORDS = Translated(
    {
        Status.DRAFT: NC_("list", "填写中"),
        Status.PENDING: NC_("list", "待审核"),
        Status.APPROVED: NC_("list", "审核通过"),
        Status.REJECTED: NC_("list", "审核不通过"),
    },
    context=LIST_CONTEXT,
)


def _clip(text: str, cells: int) -> Text:
    """`text` cut to at most `cells` terminal cells (CJK characters take two)."""
    clipped = Text(text)
    clipped.truncate(cells, overflow="ellipsis")
    return clipped


def _status_words(summary: ApplicationSummary) -> str:
    status = STATUS_WORDS[summary.status]
    if summary.kind is Kind.CHANGE:
        return f"{status}·{SHORT_KIND_LABELS[summary.kind]}"
    return status


def name_width(statuses: list[str]) -> int:
    """Cells left for the name once the status column (its header or widest entry) is set.

    The two columns share NAME_WIDTH + STATUS_WIDTH cells; the name column is never narrower
    than its header, which DataTable would widen it to anyway.
    """
    status_column = max([cell_len(COLUMNS["status"]), *map(cell_len, statuses)])
    left = NAME_WIDTH - max(0, status_column - STATUS_WIDTH)
    return max(left, MIN_NAME_WIDTH, cell_len(COLUMNS["name"]))


class ResultsTable(DataTable[str | Text]):
    """Rows of `ApplicationSummary`; Enter on a row posts `ResultsTable.Picked`."""

    class Picked(Message):
        """The operator chose one application from the list."""

        def __init__(self, application_id: str) -> None:
            self.application_id = application_id
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes=classes)

    def on_mount(self) -> None:
        self.add_columns(*COLUMNS.values())

    def show(self, summaries: list[ApplicationSummary]) -> None:
        self.clear()
        statuses = [_status_words(summary) for summary in summaries]
        cells = name_width(statuses)
        for summary, status in zip(summaries, statuses, strict=True):
            self.add_row(
                status,
                _clip(summary.name, cells),
                summary.code,
                summary.phone,
                local_time(summary.updated_at)[:10],
                key=summary.id,
            )
        self.move_cursor(row=0)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Picked(event.row_key.value))
