"""`FormEditor`: 填写资料 as inputs, with each field's problems right under it.

What the operator typed stays in the inputs whatever happens to a save (a dead API, a stale
revision, a refusal): only `load` replaces it, and the screen calls that for a fresh form or
when the operator asks for a reload with nothing unsaved. Personal values arrive masked from
the API and go back masked when untouched, which the API reads as "unchanged".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from domain import Address, Admin, Form, Person, Problem, form_problems

from .._labels import FIELD_LABELS, field_row
from .code_field import CodeField
from .region_select import RegionSelect

SUBJECT_SEPARATORS = re.compile(r"[,，、;；\n]+")
WARNING_NAMES: dict[str, str] = {
    "code_check_char": "校验码与许可证一致",
    "code_division_unknown": "代码中的旧行政区划",
    "code_economic_type_unknown": "代码中的经济类型",
    "code_category_unknown": "代码中的机构类别",
    "code_division_address_mismatch": "代码区划与地址不一致",
}
"""Short names of the confirmable warnings, for their checkboxes."""
ADMIN_MOBILE_NOTE = "只读：更换管理员手机需要对新号码重新进行短信验证。"
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
ROWS = tuple(FIELD_LABELS)
"""The rows problems are shown under (`address.city` goes under `address`)."""


def split_subjects(text: str) -> list[str]:
    """诊疗科目 as the caller reads them: separated by commas, 、 or semicolons."""
    return [part.strip() for part in SUBJECT_SEPARATORS.split(text) if part.strip()]


def _input(input_id: str, placeholder: str = "", **options: object) -> Input:
    return Input(placeholder=placeholder, id=input_id, compact=True, **options)  # type: ignore[arg-type]


def _row(label: str, *widgets: Static | Input | Label | CodeField | RegionSelect) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), *widgets, classes="form-row")


def _problems_id(row: str) -> str:
    return "problems-" + row.replace(".", "-")


class FormEditor(VerticalScroll):
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
        super().__init__(id=id)
        self.today = today
        self.loaded = Form()
        self.confirmed: set[str] = set()
        self.baseline = Form()
        """The form as last loaded or saved: `dirty` compares what is typed against it."""
        self._shown_warnings: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        rows: dict[str, Horizontal] = {
            "name": _row("医疗机构名称", _input("name", "与执业许可证、公章一致")),
            "opened_on": _row(
                "开业日期",
                _input("opened-year", "年", restrict=r"[0-9]*", max_length=4),
                Label("年", classes="unit"),
                _input("opened-month", "月", restrict=r"[0-9]*", max_length=2),
                Label("月", classes="unit"),
            ),
            "code": _row("医疗机构代码", CodeField(id="code")),
            "address": _row("机构地址", RegionSelect(id="region")),
            "address.street": _row("街道门牌", _input("street", "街道、门牌号")),
            "subjects": _row("诊疗科目", _input("subjects", "用逗号或顿号分隔，如 内科、外科")),
            "legal_rep.name": _row("法定代表人", _input("legal-rep-name", "姓名")),
            "legal_rep.mobile": _row("法人手机", _input("legal-rep-mobile", "11 位手机号")),
            "admin.name": _row("管理员姓名", _input("admin-name", "数据管理员姓名")),
            "admin.mobile": _row("管理员手机", Static("", id="admin-mobile", markup=False)),
            "admin.email": _row("管理员邮箱", _input("admin-email", "接收账号和密码邮件")),
        }
        for key, row in rows.items():
            yield row
            if key == "code":
                yield Vertical(id="warnings")
            if key in ROWS:
                # A problem on the street belongs to the address: its line sits under both.
                yield Static("", id=_problems_id(key), classes="problems", markup=False)

    def value_of(self, input_id: str) -> str:
        return self.query_one(f"#{input_id}", Input).value.strip()

    def set_value(self, input_id: str, value: str) -> None:
        self.query_one(f"#{input_id}", Input).value = value

    # -- loading and reading back --------------------------------------------------------------

    def load(self, form: Form) -> None:
        """Show `form` as saved, replacing whatever was typed."""
        self.loaded = form
        self.confirmed = set(form.confirmed_warnings)
        year, _, month = form.opened_on.partition("-")
        values = {
            "name": form.name,
            "opened-year": year,
            "opened-month": month,
            "street": form.address.street,
            "subjects": "、".join(form.subjects),
            "legal-rep-name": form.legal_rep.name,
            "legal-rep-mobile": form.legal_rep.mobile,
            "admin-name": form.admin.name,
            "admin-email": form.admin.email,
        }
        for input_id, value in values.items():
            self.set_value(input_id, value)
        self.query_one(CodeField).value = form.code
        address = form.address
        self.query_one(RegionSelect).set_codes(address.province, address.city, address.district)
        mobile = form.admin.mobile or "（未填写）"
        self.query_one("#admin-mobile", Static).update(f"{mobile}  {ADMIN_MOBILE_NOTE}")
        self.refresh_warnings()
        self.baseline = self.form

    def show_admin_mobile(self, mobile: str) -> None:
        """A new (masked) admin mobile, changed through its own verification, keeping every
        unsaved edit.

        The mobile is not an input: the editor sends back the mobile it loaded, which the API
        reads as "unchanged" only when it is the current one, so both the loaded form and the
        baseline that `dirty` compares against take the new number.
        """
        for attribute in ("loaded", "baseline"):
            form: Form = getattr(self, attribute)
            admin = form.admin.model_copy(update={"mobile": mobile})
            setattr(self, attribute, form.model_copy(update={"admin": admin}))
        shown = mobile or "（未填写）"
        self.query_one("#admin-mobile", Static).update(f"{shown}  {ADMIN_MOBILE_NOTE}")

    @property
    def dirty(self) -> bool:
        """Something typed that is not saved yet."""
        return self.form != self.baseline

    @property
    def form(self) -> Form:
        """What the inputs say now, as a `Form` (incomplete is fine for a draft)."""
        year, month = self.value_of("opened-year"), self.value_of("opened-month")
        opened_on = f"{year}-{int(month):02d}" if year and month.isdigit() else year
        province, city, district = self.query_one(RegionSelect).codes
        return Form(
            name=self.value_of("name"),
            opened_on=opened_on,
            code=self.query_one(CodeField).value,
            address=Address(
                province=province, city=city, district=district, street=self.value_of("street")
            ),
            subjects=split_subjects(self.value_of("subjects")),
            legal_rep=Person(
                name=self.value_of("legal-rep-name"), mobile=self.value_of("legal-rep-mobile")
            ),
            admin=Admin(
                name=self.value_of("admin-name"),
                mobile=self.loaded.admin.mobile,
                email=self.value_of("admin-email"),
            ),
            confirmed_warnings=sorted(self.confirmed),
        )

    # -- problems and warnings -----------------------------------------------------------------

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Each problem under its row (warnings are the checkboxes' business, not repeated)."""
        by_row: dict[str, list[str]] = {}
        for problem in problems:
            if not problem.warning:
                by_row.setdefault(field_row(problem.field) or "name", []).append(problem.message)
        for row in ROWS:
            line = self.query_one(f"#{_problems_id(row)}", Static)
            messages = by_row.get(row, [])
            line.update("\n".join(f"✗ {message}" for message in messages))
            line.set_class(bool(messages), "-shown")

    def problem_text(self, row: str) -> str:
        return str(self.query_one(f"#{_problems_id(row)}", Static).content)

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
                box.mount(Static(f"提醒：{problem.message}", classes="warning-text", markup=False))
            name = WARNING_NAMES.get(problem.code, problem.code)
            box.mount(
                Checkbox(
                    f"已核对许可证，确认：{name}",
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
            self.query_one(f"#{_problems_id(row)}", Static).set_class(False, "-shown")
        if row in ("code", "address"):
            self.refresh_warnings()


class _NoReport:
    warnings: tuple[Problem, ...] = ()


_NO_REPORT = _NoReport()
