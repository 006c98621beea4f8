"""`StatusBanner`: the sentence an operator reads aloud about where an application stands."""

from __future__ import annotations

from textual.widgets import Static

from domain import Application, Status

from .._i18n import tr


class StatusBanner(Static):
    """Status sentence in the colour of the state (`-draft`, `-pending`, `-approved`, …)."""

    DEFAULT_CSS = """
    StatusBanner {
        height: auto;
        padding: 0 1;
        text-style: bold;
        background: $panel;
    }
    StatusBanner.-pending { background: $warning-muted; }
    StatusBanner.-approved { background: $success-muted; }
    StatusBanner.-rejected { background: $error-muted; }
    StatusBanner.-draft { background: $primary-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(tr("正在读取申请…"), markup=False, id=id, classes=classes)
        self.sentence = ""

    def show(self, application: Application, sentence: str) -> None:
        self.sentence = sentence
        self.update(sentence)
        self.remove_class(*(f"-{status.value}" for status in Status))
        self.add_class(f"-{application.status.value}")
