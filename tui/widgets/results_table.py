"""`ResultsTable`: the applications (and accounts) a phone number matches, one per row."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from domain import ApplicationSummary, Kind

from .._labels import KIND_LABELS, STATUS_LABELS, local_time

NAME_WIDTH = 14
"""Cells kept for the institution's name so the row fits 80 columns with the full code."""


def _clip(text: str, cells: int) -> Text:
    """`text` cut to at most `cells` terminal cells (CJK characters take two)."""
    clipped = Text(text)
    clipped.truncate(cells, overflow="ellipsis")
    return clipped


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
        self.add_columns("状态", "机构名称", "代码", "电话", "更新")

    def show(self, summaries: list[ApplicationSummary]) -> None:
        self.clear()
        for summary in summaries:
            status = STATUS_LABELS[summary.status]
            if summary.kind is Kind.CHANGE:
                status = f"{status}·{KIND_LABELS[summary.kind][:2]}"
            self.add_row(
                status,
                _clip(summary.name, NAME_WIDTH),
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
