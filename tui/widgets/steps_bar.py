"""`StepsBar`: the seed's four registration steps in one line, the current one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from .._i18n import N_, tr

STEP_TITLES: tuple[str, ...] = (N_("身份验证"), N_("填写资料"), N_("上传文件"), N_("审批状态"))
"""The seed's four steps, in order (their index is the step number minus one); shown via `tr`."""


class StepsBar(Static):
    """`① 身份验证 ✓ › ② 填写资料 › …`: done steps carry ✓, the current one is reversed."""

    DEFAULT_CSS = """
    StepsBar {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.current = 0
        self.done: frozenset[int] = frozenset()

    def on_mount(self) -> None:
        self.show(self.current, self.done)

    def show(self, current: int, done: frozenset[int] | set[int]) -> None:
        self.current, self.done = current, frozenset(done)
        line = Text()
        for index, title in enumerate(STEP_TITLES):
            if index:
                line.append(" › ", style="dim")
            mark = " ✓" if index in self.done else ""
            label = f"{'①②③④'[index]} {tr(title)}{mark}"
            line.append(f" {label} " if index == current else label, style=self._style(index))
        self.update(line)

    def _style(self, index: int) -> str:
        if index == self.current:
            return "bold reverse"
        return "" if index in self.done else "dim"

    @property
    def text(self) -> str:
        """The line as plain text (what a test or a screen reader sees)."""
        return " › ".join(
            f"{tr(title)}{' ✓' if index in self.done else ''}"
            for index, title in enumerate(STEP_TITLES)
        )
