"""`FormFields`: the rows of 填写资料 and the `Form` they hold, without any checking.

The rows (a label, then the inputs) and the empty problem line under each row are laid out
here; `FormEditor` (in `form_editor`) adds what fills those lines and the warnings' checkboxes.
What the operator typed stays in the inputs until `load` replaces it. Personal values arrive
masked from the API and go back masked when untouched, which the API reads as "unchanged".
"""

from __future__ import annotations

import re
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from domain import Address, Admin, Form, Person

from .._i18n import N_, SOURCE_LANGUAGE, current_language, tr
from .._labels import FIELD_LABELS
from .code_field import CodeField
from .region_select import RegionSelect

SUBJECT_SEPARATORS = re.compile(r"[,，、;；\n]+")
ADMIN_MOBILE_NOTE = N_("只读：更换管理员手机需要对新号码重新进行短信验证。")
NOT_FILLED = N_("（未填写）")
ROWS = tuple(FIELD_LABELS)
"""The rows problems are shown under (`address.city` goes under `address`)."""


def split_subjects(text: str) -> list[str]:
    """诊疗科目 as the caller reads them: separated by commas, 、 or semicolons."""
    return [part.strip() for part in SUBJECT_SEPARATORS.split(text) if part.strip()]


def problems_id(row: str) -> str:
    """The id of the problem line under `row`."""
    return "problems-" + row.replace(".", "-")


def _input(input_id: str, placeholder: str = "", **options: object) -> Input:
    return Input(placeholder=placeholder, id=input_id, compact=True, **options)  # type: ignore[arg-type]


def _date_units() -> tuple[str, str]:
    """What follows the year and the month inputs: 年 and 月 in Chinese; English reads the
    placeholders (YYYY, MM) and needs only a slash between them (a unit is one cell wide)."""
    if current_language() == SOURCE_LANGUAGE:
        return tr("年"), tr("月")
    return "/", ""


def _row(label: str, *widgets: Static | Input | Label | CodeField | RegionSelect) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), *widgets, classes="form-row")


def _rows() -> dict[str, Horizontal]:
    """Each field's row, by the row's name (a key of FIELD_LABELS, or `address.street`)."""
    year_unit, month_unit = _date_units()
    return {
        "name": _row(tr("医疗机构名称"), _input("name", tr("与执业许可证、公章一致"))),
        "opened_on": _row(
            tr("开业日期"),
            _input("opened-year", tr("年"), restrict=r"[0-9]*", max_length=4),
            Label(year_unit, classes="unit"),
            _input("opened-month", tr("月"), restrict=r"[0-9]*", max_length=2),
            Label(month_unit, classes="unit"),
        ),
        "code": _row(tr("医疗机构代码"), CodeField(id="code")),
        "address": _row(tr("机构地址"), RegionSelect(id="region")),
        "address.street": _row(tr("街道门牌"), _input("street", tr("街道、门牌号"))),
        "subjects": _row(tr("诊疗科目"), _input("subjects", tr("用逗号或顿号分隔，如 内科、外科"))),
        "legal_rep.name": _row(tr("法定代表人"), _input("legal-rep-name", tr("姓名"))),
        "legal_rep.mobile": _row(tr("法人手机"), _input("legal-rep-mobile", tr("11 位手机号"))),
        "admin.name": _row(tr("管理员姓名"), _input("admin-name", tr("数据管理员姓名"))),
        "admin.mobile": _row(tr("管理员手机"), Static("", id="admin-mobile", markup=False)),
        "admin.email": _row(tr("管理员邮箱"), _input("admin-email", tr("接收账号和密码邮件"))),
    }


class FormFields(VerticalScroll):
    """Every field of `Form` as a row; `form` reads them back, `load` fills them."""

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.loaded = Form()
        self.confirmed: set[str] = set()
        self.baseline = Form()
        """The form as last loaded or saved: `dirty` compares what is typed against it."""

    def compose(self) -> ComposeResult:
        for key, row in _rows().items():
            yield row
            if key == "code":
                yield Vertical(id="warnings")
            if key in ROWS:
                # A problem on the street belongs to the address: its line sits under both.
                yield Static("", id=problems_id(key), classes="problems", markup=False)

    def value_of(self, input_id: str) -> str:
        return self.query_one(f"#{input_id}", Input).value.strip()

    def set_value(self, input_id: str, value: str) -> None:
        self.query_one(f"#{input_id}", Input).value = value

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
        self._show_admin_mobile(form.admin.mobile)
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
        self._show_admin_mobile(mobile)

    def _show_admin_mobile(self, mobile: str) -> None:
        shown = mobile or tr(NOT_FILLED)
        self.query_one("#admin-mobile", Static).update(f"{shown}  {tr(ADMIN_MOBILE_NOTE)}")

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
