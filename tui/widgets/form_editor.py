"""`FormEditor`: 填写资料 as inputs, with each field's problems right under it.

What the operator typed stays in the inputs whatever happens to a save (a dead API, a stale
revision, a refusal): only `load` replaces it, and the screen calls that for a fresh form or
when the operator asks for a reload with nothing unsaved. The rows and the form they hold are
`FormFields` (in `_form_fields`); this module adds the checking: the API's problems under their
rows, and a checkbox for each warning the operator may confirm against the licence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual import on
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Select, Static

from domain import Form, Problem, form_problems

from .._i18n import Words, tr
from .._labels import field_row
from .._said import problem_sentence
from ._form_fields import ROWS, FormFields, problems_id
from .code_field import CodeField

WARNING_NAMES = Words("warning")
"""Short names of the confirmable warnings, for their checkboxes: the shared vocabulary, so the
timeline's confirmation names each the same way (`domain/_vocabulary.py`)."""
ROW_OF_INPUT: dict[str, str] = {
    "name": "name",
    "opened-year": "opened_on",
    "opened-month": "opened_on",
    "code-input": "code",
    "street": "address",
    "subjects": "subjects",
    "legal-rep-name": "legal_rep.name",
    "legal-rep-mobile": "legal_rep.mobile",
    "admin-name": "admin.name",
    "admin-email": "admin.email",
}
"""Which problem line an input's edits answer (its problems hide until the next save)."""


class FormEditor(FormFields):
    """Every field of `Form`; `form` reads them back, `show_problems` places the API's problems."""

    DEFAULT_CSS = """
    FormEditor { height: 1fr; padding: 0 1; }
    FormEditor .form-row { height: auto; }
    FormEditor .field-label { width: 13; color: $text-muted; }
    FormEditor .form-row > Input, FormEditor .form-row > CodeField { width: 1fr; }
    FormEditor #opened-year { width: 8; }
    FormEditor #opened-month { width: 5; }
    FormEditor .unit { width: 3; padding: 0 1; }
    FormEditor .problems { padding-left: 13; height: auto; color: $text-error; display: none; }
    FormEditor .problems.-shown { display: block; }
    FormEditor #admin-mobile { width: 1fr; }
    FormEditor #warnings { height: auto; padding-left: 13; }
    FormEditor #warnings Checkbox { width: 1fr; }
    FormEditor .warning-text { color: $text-warning; text-style: italic; }
    """

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(today=today, id=id)
        self._shown_warnings: tuple[str, ...] = ()

    def load(self, form: Form) -> None:
        """Show `form` as saved, replacing whatever was typed, with its warnings to confirm."""
        super().load(form)
        self.refresh_warnings()

    # -- problems and warnings -----------------------------------------------------------------

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Each problem under its row (warnings are the checkboxes' business, not repeated)."""
        by_row: dict[str, list[str]] = {}
        for problem in problems:
            if not problem.warning:
                sentence = problem_sentence(problem)
                by_row.setdefault(field_row(problem.field) or "name", []).append(sentence)
        for row in ROWS:
            line = self.query_one(f"#{problems_id(row)}", Static)
            messages = by_row.get(row, [])
            line.update("\n".join(f"✗ {message}" for message in messages))
            line.set_class(bool(messages), "-shown")

    def problem_text(self, row: str) -> str:
        return str(self.query_one(f"#{problems_id(row)}", Static).content)

    def refresh_warnings(self) -> None:
        """One checkbox per confirmable warning of the form as typed (confirmed ones stay)."""
        unconfirmed = self.form.model_copy(update={"confirmed_warnings": []})
        warnings = [p for p in form_problems(unconfirmed, today=self.today) if p.warning]
        codes = tuple(dict.fromkeys(p.code for p in warnings))
        if codes == self._shown_warnings:
            return
        self._shown_warnings = codes
        box = self.query_one("#warnings", Vertical)
        box.remove_children()
        shown_by_code = {p.code for p in (self.query_one(CodeField).report or _NO_REPORT).warnings}
        for problem in {p.code: p for p in warnings}.values():
            if problem.code not in shown_by_code:
                reminder = tr("提醒：{message}", message=problem_sentence(problem))
                box.mount(Static(reminder, classes="warning-text", markup=False))
            name = WARNING_NAMES[problem.code]
            box.mount(
                Checkbox(
                    tr("已核对许可证，确认：{name}", name=name),
                    problem.code in self.confirmed,
                    name=problem.code,
                    compact=True,
                )
            )

    @on(Checkbox.Changed)
    def warning_confirmed(self, event: Checkbox.Changed) -> None:
        event.stop()
        code = event.checkbox.name or ""
        if event.value:
            self.confirmed.add(code)
        else:
            self.confirmed.discard(code)

    @on(Input.Changed)
    @on(Select.Changed)
    def edited(self, event: Input.Changed | Select.Changed) -> None:
        widget = event.input if isinstance(event, Input.Changed) else event.select
        row = ROW_OF_INPUT.get(widget.id or "", "address")
        if self.form != self.baseline:
            # The operator is answering this row's problem: the old sentence would mislead.
            self.query_one(f"#{problems_id(row)}", Static).set_class(False, "-shown")
        if row in ("code", "address"):
            self.refresh_warnings()


class _NoReport:
    warnings: tuple[Problem, ...] = ()


_NO_REPORT = _NoReport()
