"""`StatusLine`: one sentence telling the operator what is happening or what went wrong."""

from __future__ import annotations

from textual.widgets import Static


class StatusLine(Static):
    """A one-line (wrapping) sentence; `-error`, `-busy` and `-info` choose its colour."""

    DEFAULT_CSS = """
    StatusLine {
        height: auto;
        padding: 0 1;
        display: none;
    }
    StatusLine.-shown {
        display: block;
    }
    StatusLine.-error {
        color: $text-error;
        background: $error-muted;
    }
    StatusLine.-busy {
        color: $text-muted;
    }
    StatusLine.-info {
        color: $text-warning;
    }
    """

    _KINDS = ("-error", "-busy", "-info")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", markup=False, id=id, classes=classes)
        self.sentence = ""

    def _show(self, sentence: str, kind: str) -> None:
        self.sentence = sentence
        self.update(sentence)
        self.remove_class(*self._KINDS)
        self.add_class("-shown", f"-{kind}")

    def error(self, sentence: str) -> None:
        self._show(sentence, "error")

    def busy(self, sentence: str) -> None:
        self._show(sentence, "busy")

    def info(self, sentence: str) -> None:
        self._show(sentence, "info")

    def clear(self) -> None:
        self.sentence = ""
        self.update("")
        self.remove_class("-shown", *self._KINDS)
