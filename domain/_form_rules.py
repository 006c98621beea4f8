"""The rules of the form (填写资料, DESIGN §2) and what blocks `submit`.

`form_problems` lists every problem of a form, each a message code with its parameters
(docs/messages.md). Problems with
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
from ._messages import Message, define_code
from ._models import FileInfo, FileKind, Form, Problem
from ._regions import division_name, division_path, find_region

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_EARLIEST_YEAR = 1800

_REQUIRED = {
    "name": define_code("problem.name_required"),
    "address.street": define_code("problem.address.street_required"),
    "legal_rep.name": define_code("problem.legal_rep.name_required"),
    "admin.name": define_code("problem.admin.name_required"),
    "address.province": define_code("problem.address.province_required"),
    "address.city": define_code("problem.address.city_required"),
    "address.district": define_code("problem.address.district_required"),
    "legal_rep.mobile": define_code("problem.legal_rep.mobile_required"),
    "admin.mobile": define_code("problem.admin.mobile_required"),
    "admin.email": define_code("problem.admin.email_required"),
}
"""A required field left empty, by field path: the code on the wire is `<field>_required`."""
_REQUIRED_TEXT = ("name", "address.street", "legal_rep.name", "admin.name")


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

_FILE_MISSING = define_code("problem.file_missing", "file")
_FILE_DUPLICATE = define_code("problem.file_duplicate", "file", "count")
_FILE_STALE = define_code("problem.file_stale", "document")
_STALE_KINDS = (FileKind.INFO_FORM, FileKind.CONSENT)

_OPENED_ON_REQUIRED = define_code("problem.opened_on_required")
_OPENED_ON_FORMAT = define_code("problem.opened_on_format", "value")
_OPENED_ON_MONTH = define_code("problem.opened_on_month", "month")
_OPENED_ON_YEAR = define_code("problem.opened_on_year", "year")
_OPENED_ON_FUTURE = define_code("problem.opened_on_future", "value", "month")
_DIVISION_MISMATCH = define_code(
    "problem.code_division_address_mismatch",
    "division",
    "division_name",
    "address_division",
    "address_name",
)
_LEVEL_UNKNOWN = define_code("problem.address_level_unknown", "level", "value")
_LEVEL_OUTSIDE = define_code("problem.address_level_outside", "level", "name", "parent")
_SUBJECT_BLANK = define_code("problem.subjects_blank")


def form_problems(form: Form, *, today: date) -> list[Problem]:
    """Every problem of the form, errors and unconfirmed warnings, in the order of the form."""
    values = _flat_values(form)
    problems = [
        _problem(field, _REQUIRED[field]()) for field in _REQUIRED_TEXT if not values[field]
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
    for kind in FileKind:
        field = f"files.{kind.value}"
        if counts[kind] == 0:
            problems.append(_problem(field, _FILE_MISSING(file=kind.value)))
        elif counts[kind] > 1:
            message = _FILE_DUPLICATE(file=kind.value, count=counts[kind])
            problems.append(_problem(field, message))
        if kind in _STALE_KINDS and any(f.stale for f in files if f.kind == kind):
            problems.append(_problem(field, _FILE_STALE(document=kind.value)))
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


def _problem(field: str, message: Message, *, warning: bool = False) -> Problem:
    return Problem(field=field, code=message.code, params=message.params, warning=warning)


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
        return [_problem("opened_on", _OPENED_ON_REQUIRED())]
    match = _YEAR_MONTH.match(value)
    if not match:
        return [_problem("opened_on", _OPENED_ON_FORMAT(value=value))]
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return [_problem("opened_on", _OPENED_ON_MONTH(month=match[2]))]
    if year < _EARLIEST_YEAR:
        return [_problem("opened_on", _OPENED_ON_YEAR(year=str(year)))]
    if (year, month) > (today.year, today.month):
        return [_problem("opened_on", _OPENED_ON_FUTURE(value=value, month=f"{today:%Y-%m}"))]
    return []


def _code_problems(form: Form) -> list[Problem]:
    report = check_institution_code(form.code)
    problems = report.errors + report.warnings
    division = next((s.value for s in report.segments if s.name == "division"), "")
    address_division = form.address.district or form.address.city or form.address.province
    if division_name(division) and division_name(address_division):
        path_codes = {region.code for region in division_path(address_division)}
        if division not in path_codes:
            message = _DIVISION_MISMATCH(
                division=division,
                division_name=division_name(division) or "",
                address_division=address_division,
                address_name=division_name(address_division) or "",
            )
            problems.append(_problem("code", message, warning=True))
    return problems


def _address_problems(form: Form) -> list[Problem]:
    address = form.address
    levels = (
        ("address.province", address.province, "province"),
        ("address.city", address.city, "city"),
        ("address.district", address.district, "district"),
    )
    parent_code = ""
    for depth, (field, code, level) in enumerate(levels, start=1):
        parent = find_region(parent_code) if parent_code else None
        if parent_code and parent is not None and not parent.children:
            break  # e.g. 东莞市 has no districts: nothing more to choose
        if not code:
            return [_problem(field, _REQUIRED[field]())]
        region = find_region(code)
        path = division_path(code)
        if region is None or len(path) != depth:
            return [_problem(field, _LEVEL_UNKNOWN(level=level, value=code))]
        if parent is not None and path[-2].code != parent_code:
            message = _LEVEL_OUTSIDE(level=level, name=region.name, parent=parent.name)
            return [_problem(field, message)]
        parent_code = code
    return []


def _contact_problems(form: Form) -> list[Problem]:
    checks = (
        ("legal_rep.mobile", form.legal_rep.mobile, normalize_mobile),
        ("admin.mobile", form.admin.mobile, normalize_mobile),
        ("admin.email", form.admin.email, normalize_email),
    )
    problems: list[Problem] = []
    for field, value, normalize in checks:
        if not value.strip():
            problems.append(_problem(field, _REQUIRED[field]()))
        elif not is_masked(value):
            try:
                normalize(value, field)
            except FieldInvalid as invalid:
                problems.append(_problem(field, invalid.message))
    return problems


def _subject_problems(subjects: list[str]) -> list[Problem]:
    if any(not subject.strip() for subject in subjects):
        return [_problem("subjects", _SUBJECT_BLANK())]
    problems = []
    if len(subjects) > FORM_LIMITS.subjects:
        message = _SUBJECTS_TOO_MANY(limit=FORM_LIMITS.subjects, count=len(subjects))
        problems.append(_problem("subjects", message))
    for subject in (subject.strip() for subject in subjects):
        if len(subject) > FORM_LIMITS.subject_length:
            message = _SUBJECT_TOO_LONG(
                subject=subject, length=len(subject), limit=FORM_LIMITS.subject_length
            )
            problems.append(_problem("subjects", message))
    return problems


_SUBJECTS_TOO_MANY = define_code("problem.subjects_too_many", "limit", "count")
_SUBJECT_TOO_LONG = define_code("problem.subject_too_long", "subject", "length", "limit")
# Free text the documents print whole: each field with its limit and its refusal.
_LONG_TEXT = (
    ("name", FORM_LIMITS.name, define_code("problem.name_too_long", "limit", "length")),
    (
        "address.street",
        FORM_LIMITS.street,
        define_code("problem.address.street_too_long", "limit", "length"),
    ),
    (
        "legal_rep.name",
        FORM_LIMITS.person_name,
        define_code("problem.legal_rep.name_too_long", "limit", "length"),
    ),
    (
        "admin.name",
        FORM_LIMITS.person_name,
        define_code("problem.admin.name_too_long", "limit", "length"),
    ),
    (
        "admin.email",
        FORM_LIMITS.email,
        define_code("problem.admin.email_too_long", "limit", "length"),
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
    for field, limit, too_long in _LONG_TEXT:
        length = len(values[field])
        if length > limit:
            problems.append(_problem(field, too_long(limit=limit, length=length)))
    return problems
