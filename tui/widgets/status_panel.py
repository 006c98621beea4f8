"""`StatusPanel`: 审批状态 — where the application stands, what still blocks it, 提交审核."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from domain import Action, Application, Problem

from .._i18n import tr
from .._labels import KIND_LABELS, allowed_actions_sentence, local_time
from .._said import problem_sentence
from .banner import StatusBanner


def problems_text(problems: list[Problem]) -> str:
    """What still blocks `提交审核`, numbered, as sentences to read to the caller."""
    blocking = [p for p in problems if not p.warning]
    if not blocking:
        return tr("没有未处理的问题。")
    lines = [f"{index}. {problem_sentence(p)}" for index, p in enumerate(blocking, start=1)]
    return tr("提交前还需处理 {count} 项：", count=len(blocking)) + "\n" + "\n".join(lines)


class StatusPanel(VerticalScroll):
    """The banner (`#walk-banner`), a summary, the problems (`#walk-problems`) and `#submit`."""

    DEFAULT_CSS = """
    StatusPanel { height: 1fr; padding: 0 1; }
    StatusPanel #walk-summary { color: $text-muted; margin: 1 0; }
    StatusPanel #walk-problems { height: auto; margin-bottom: 1; }
    """

    class Submit(Message):
        pass

    def compose(self) -> ComposeResult:
        yield StatusBanner(id="walk-banner")
        yield Static("", id="walk-summary", markup=False)
        yield Static("", id="walk-problems", markup=False)
        yield Button(tr("提交审核"), id="submit", variant="primary", compact=True, disabled=True)

    def show(self, application: Application, sentence: str, problems: list[Problem]) -> None:
        self.query_one(StatusBanner).show(application, sentence)
        summary = tr(
            "申请编号 {id}（{kind}） · 更新于 {updated}",
            id=application.id,
            kind=tr(KIND_LABELS[application.kind]),
            updated=local_time(application.updated_at),
        )
        actions = allowed_actions_sentence(application.actions)
        self.query_one("#walk-summary", Static).update(f"{summary}\n{actions}")
        self.query_one("#walk-problems", Static).update(problems_text(problems))
        self.query_one("#submit", Button).disabled = Action.SUBMIT not in application.actions

    @property
    def problems_shown(self) -> str:
        return str(self.query_one("#walk-problems", Static).content)

    @on(Button.Pressed, "#submit")
    def submit(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Submit())
