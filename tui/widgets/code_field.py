"""`CodeField`: the 22-character 医疗机构代码, decoded as the operator types it.

Callers read codes out wrong (a retired division, a wrong check character, the credit code
instead): the decoding under the field says which segment is wrong and why, and what each
segment means, before anything is saved. Warnings read differently from errors, because the
operator confirms them after reading the licence instead of correcting them.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from domain import CodeReport, check_institution_code

from .._i18n import N_, Words, tr

SEGMENT_TITLES = Words("segment")
"""The five parts of the code, as the shared vocabulary names them (`domain/_vocabulary.py`)."""
LAYOUT_HINT = N_(
    "22 位：9 位组织机构代码 + 6 位行政区划 + 2 位经济类型 + 4 位机构类别 + 1 位管理类别"
)


def decoding(report: CodeReport) -> Text:
    """What the code says and what is wrong with it, one line per finding."""
    from .._said import problem_sentence  # the domain's wire models load on need

    lines: list[Text] = []
    if report.segments and report.recognized_as is None:
        parts = [
            f"{SEGMENT_TITLES[s.name]} {s.value}{' ' + s.label if s.label else ''}"
            for s in report.segments
            if s.name != "organization"
        ]
        lines.append(Text(tr("；").join(parts), style="dim"))
    for problem in report.errors:
        lines.append(Text(f"✗ {problem_sentence(problem)}", style="bold red"))
    for problem in report.warnings:
        message = problem_sentence(problem)
        lines.append(Text(tr("提醒：{message}", message=message), style="italic yellow"))
    if report.valid and not report.warnings:
        lines.insert(0, Text(tr("✓ 代码格式和校验码正确"), style="green"))
    return Text("\n").join(lines)


class CodeField(Vertical):
    """An `Input` (`#code-input`) with the live decoding (`#code-decoding`) under it."""

    DEFAULT_CSS = """
    CodeField { height: auto; }
    CodeField #code-decoding { padding-left: 1; height: auto; }
    """

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.initial = value
        self.report: CodeReport | None = None

    def compose(self) -> ComposeResult:
        yield Input(
            self.initial,
            placeholder=tr("如 45038862-0440104 11A1001"),
            id="code-input",
            compact=True,
        )
        yield Static(tr(LAYOUT_HINT), id="code-decoding", markup=False)

    @property
    def value(self) -> str:
        return self.query_one("#code-input", Input).value.strip()

    @value.setter
    def value(self, code: str) -> None:
        self.query_one("#code-input", Input).value = code
        self.decode(code)

    @property
    def decoding_text(self) -> str:
        return str(self.query_one("#code-decoding", Static).content)

    @on(Input.Changed, "#code-input")
    def typed(self, event: Input.Changed) -> None:
        self.decode(event.value)

    def decode(self, code: str) -> None:
        shown = self.query_one("#code-decoding", Static)
        if not code.strip():
            self.report = None
            shown.update(tr(LAYOUT_HINT))
            return
        self.report = check_institution_code(code)
        shown.update(decoding(self.report))
