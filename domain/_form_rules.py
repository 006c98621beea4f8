"""The rules of the form (填写资料, DESIGN §2) and what blocks `submit`.

`form_problems` lists every problem of a form, each a sentence for the operator. Problems with
`warning=True` are things real licences do (a wrong check character, a retired division, a code
whose division differs from the address): the operator confirms them after reading the licence
(their `code` goes into `Form.confirmed_warnings`) and they never block. A confirmed warning is
left out.

Personal values in the masked form the API sends out (`138****8000`, `z***@example.com`) count
as present and valid: the server replaces them with the stored values before saving, so a client
can load a form, edit some fields and save it whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ._contact import is_masked, normalize_email, normalize_mobile
from ._errors import FieldInvalid
from ._institution_code import check_institution_code
from ._models import FileInfo, FileKind, Form, Problem
from ._regions import division_name, division_path, find_region

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_EARLIEST_YEAR = 1800

# What each stamped scan is called on the form the operator reads from.
FILE_TITLES: dict[FileKind, str] = {
    FileKind.INFO_FORM: "盖章的《医疗机构信息收集表》",
    FileKind.CONSENT: "盖章的《系统使用须知及同意书》",
    FileKind.LICENSE: "《医疗机构执业许可证》扫描件",
}
_STALE_TITLES = {
    FileKind.INFO_FORM: "《医疗机构信息收集表》",
    FileKind.CONSENT: "《系统使用须知及同意书》",
}


@dataclass(frozen=True)
class FormLimits:
    """The longest values a form may hold *(ours)*: each generated document is one A4 page to
    stamp and scan (seed steps 4–5), and these are what one page has room for. Real licences
    stay well inside them."""

    name: int = 60  # characters; a seal holds far fewer
    street: int = 60
    person_name: int = 40
    email: int = 80
    subjects: int = 40  # the catalogue has about 40 first-level subjects
    subject_length: int = 12  # its longest name, 脑电及脑血流图诊断专业, has 11


FORM_LIMITS = FormLimits()

_REQUIRED_TEXT = (
    ("name", "请填写医疗机构名称。"),
    ("address.street", "请填写医疗机构地址的街道和门牌号。"),
    ("legal_rep.name", "请填写法定代表人姓名。"),
    ("admin.name", "请填写数据管理员姓名。"),
)


def form_problems(form: Form, *, today: date) -> list[Problem]:
    """Every problem of the form, errors and unconfirmed warnings, in the order of the form."""
    values = _flat_values(form)
    problems = [
        _problem(field, message, f"{field}_required")
        for field, message in _REQUIRED_TEXT
        if not values[field]
    ]
    problems += _opened_on_problems(form.opened_on, today)
    problems += _code_problems(form)
    problems += _address_problems(form)
    problems += _contact_problems(form)
    problems += _subject_problems(form.subjects)
    problems += _length_problems(form)
    confirmed = set(form.confirmed_warnings)
    order = {field: index for index, field in enumerate(_FIELD_ORDER)}
    kept = [p for p in problems if not (p.warning and p.code in confirmed)]
    return sorted(kept, key=lambda p: order.get(p.field, len(order)))


def submit_problems(form: Form, files: list[FileInfo], *, today: date) -> list[Problem]:
    """What blocks `submit`: blocking form problems, then missing, stale or duplicate scans."""
    blocking = [p for p in form_problems(form, today=today) if not p.warning]
    return blocking + file_problems(files)


def file_problems(files: list[FileInfo]) -> list[Problem]:
    """Each of the three scans exactly once; the two stamped forms of the current revision."""
    problems: list[Problem] = []
    counts = Counter(file.kind for file in files)
    for kind, title in FILE_TITLES.items():
        field = f"files.{kind.value}"
        if counts[kind] == 0:
            problems.append(_problem(field, f"还没有上传{title}。", "file_missing"))
        elif counts[kind] > 1:
            message = f"{title}上传了 {counts[kind]} 份，请删除多余的，只保留一份。"
            problems.append(_problem(field, message, "file_duplicate"))
        stale_title = _STALE_TITLES.get(kind)
        if stale_title and any(f.stale for f in files if f.kind == kind):
            message = f"上传的{stale_title}盖章件是资料修改前的版本，请重新下载、盖章后上传。"
            problems.append(_problem(field, message, "file_stale"))
    return problems


_FIELD_ORDER = (
    "name",
    "opened_on",
    "code",
    "address.province",
    "address.city",
    "address.district",
    "address.street",
    "subjects",
    "legal_rep.name",
    "legal_rep.mobile",
    "admin.name",
    "admin.mobile",
    "admin.email",
)


def _problem(field: str, message: str, code: str = "", *, warning: bool = False) -> Problem:
    return Problem(field=field, message=message, code=code or f"{field}_invalid", warning=warning)


def _flat_values(form: Form) -> dict[str, str]:
    return {
        "name": form.name.strip(),
        "address.street": form.address.street.strip(),
        "legal_rep.name": form.legal_rep.name.strip(),
        "admin.name": form.admin.name.strip(),
    }


def _opened_on_problems(opened_on: str, today: date) -> list[Problem]:
    value = opened_on.strip()
    if not value:
        return [_problem("opened_on", "请填写开业日期（年和月）。", "opened_on_required")]
    match = _YEAR_MONTH.match(value)
    if not match:
        message = f"开业日期应写成“年-月”，例如 2019-03，当前是“{value}”。"
        return [_problem("opened_on", message)]
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return [_problem("opened_on", f"开业日期的月份应在 01–12 之间，当前是 {match[2]}。")]
    if year < _EARLIEST_YEAR:
        return [_problem("opened_on", f"开业日期的年份 {year} 不对，请核对许可证。")]
    if (year, month) > (today.year, today.month):
        message = f"开业日期 {value} 晚于本月（{today:%Y-%m}），不能填写将来的日期。"
        return [_problem("opened_on", message)]
    return []


def _code_problems(form: Form) -> list[Problem]:
    if not form.code.strip():
        return [_problem("code", "请填写医疗机构代码。", "code_required")]
    report = check_institution_code(form.code)
    problems = report.errors + report.warnings
    division = next((s.value for s in report.segments if s.name == "division"), "")
    address_division = form.address.district or form.address.city or form.address.province
    if division_name(division) and division_name(address_division):
        path_codes = {region.code for region in division_path(address_division)}
        if division not in path_codes:
            message = (
                f"医疗机构代码中的行政区划 {division}（{division_name(division)}）与地址所在的"
                f" {address_division}（{division_name(address_division)}）不一致；机构搬迁或"
                "代码沿用旧区划时常见，请对照许可证确认。"
            )
            problems.append(
                _problem("code", message, "code_division_address_mismatch", warning=True)
            )
    return problems


def _address_problems(form: Form) -> list[Problem]:
    address = form.address
    levels = (
        ("address.province", address.province, "省份"),
        ("address.city", address.city, "城市"),
        ("address.district", address.district, "区县"),
    )
    parent_code = ""
    for depth, (field, code, level_name) in enumerate(levels, start=1):
        parent = find_region(parent_code) if parent_code else None
        if parent_code and parent is not None and not parent.children:
            break  # e.g. 东莞市 has no districts: nothing more to choose
        if not code:
            return [_problem(field, f"请选择医疗机构地址所在的{level_name}。", f"{field}_required")]
        region = find_region(code)
        path = division_path(code)
        if region is None or len(path) != depth:
            message = f"地址中的{level_name}代码 {code} 不在行政区划中，请重新选择。"
            return [_problem(field, message)]
        if parent is not None and path[-2].code != parent_code:
            message = f"所选{level_name}“{region.name}”不属于“{parent.name}”，请重新选择。"
            return [_problem(field, message)]
        parent_code = code
    return []


def _contact_problems(form: Form) -> list[Problem]:
    checks = (
        ("legal_rep.mobile", form.legal_rep.mobile, normalize_mobile, "请填写法定代表人手机号码。"),
        ("admin.mobile", form.admin.mobile, normalize_mobile, "请填写数据管理员手机号码。"),
        ("admin.email", form.admin.email, normalize_email, "请填写数据管理员电子邮箱。"),
    )
    problems: list[Problem] = []
    for field, value, normalize, missing in checks:
        if not value.strip():
            problems.append(_problem(field, missing, f"{field}_required"))
        elif not is_masked(value):
            try:
                normalize(value, field)
            except FieldInvalid as invalid:
                problems.append(_problem(field, invalid.message))
    return problems


def _subject_problems(subjects: list[str]) -> list[Problem]:
    if any(not subject.strip() for subject in subjects):
        return [_problem("subjects", "诊疗科目中有空白项，请删除或填写。")]
    problems = []
    if len(subjects) > FORM_LIMITS.subjects:
        message = _SUBJECTS_TOO_MANY.format(limit=FORM_LIMITS.subjects, count=len(subjects))
        problems.append(_problem("subjects", message, "subjects_too_many"))
    for subject in (subject.strip() for subject in subjects):
        if len(subject) > FORM_LIMITS.subject_length:
            message = _SUBJECT_TOO_LONG.format(
                subject=subject, length=len(subject), limit=FORM_LIMITS.subject_length
            )
            problems.append(_problem("subjects", message, "subject_too_long"))
    return problems


_SUBJECTS_TOO_MANY = (
    "诊疗科目最多填写 {limit} 项，当前有 {count} 项；二级专业较多时，请只填写许可证上的一级科目。"
)
_SUBJECT_TOO_LONG = (
    "诊疗科目“{subject}”有 {length} 个字，每项最多 {limit} 个字；"
    "请一项一项地填写许可证上的科目名称。"
)
# Free text the documents print whole: each field with its limit and its sentence.
_LONG_TEXT = (
    ("name", FORM_LIMITS.name, "医疗机构名称最多 {limit} 个字，当前有 {length} 个字，请核对。"),
    (
        "address.street",
        FORM_LIMITS.street,
        "街道和门牌号最多 {limit} 个字，当前有 {length} 个字，请精简。",
    ),
    (
        "legal_rep.name",
        FORM_LIMITS.person_name,
        "法定代表人姓名最多 {limit} 个字，当前有 {length} 个字。",
    ),
    (
        "admin.name",
        FORM_LIMITS.person_name,
        "数据管理员姓名最多 {limit} 个字，当前有 {length} 个字。",
    ),
    (
        "admin.email",
        FORM_LIMITS.email,
        "数据管理员电子邮箱最多 {limit} 个字符，当前有 {length} 个字符，请换一个较短的邮箱。",
    ),
)


def _length_problems(form: Form) -> list[Problem]:
    values = {
        "name": form.name.strip(),
        "address.street": form.address.street.strip(),
        "legal_rep.name": form.legal_rep.name.strip(),
        "admin.name": form.admin.name.strip(),
        "admin.email": form.admin.email.strip(),
    }
    problems = []
    for field, limit, sentence in _LONG_TEXT:
        length = len(values[field])
        if length > limit:
            message = sentence.format(limit=limit, length=length)
            problems.append(_problem(field, message, f"{field}_too_long"))
    return problems
