"""The 22-character 医疗机构代码 of a practising licence: normalization, validation, decoding.

Layout (DESIGN §2): 9-character organization code (GB 11714, check character last) + 6-digit
division (GB/T 2260) + 2-digit economic type + 4-character category (WS 218) + 1-digit
management class.

Built for real licences, not only the standard: case, spaces, full-width characters and one
hyphen after the 8th or 9th character are normalized away; a wrong check character and values
missing from our lists are warnings the operator confirms after reading the licence. Numbers
callers read out instead (the organization code alone, the unified social credit code, an
18-digit provincial registration number) are recognized and answered with what is needed.
"""

from __future__ import annotations

import re
import unicodedata

from ._code_tables import CATEGORY_CLASSES, ECONOMIC_TYPES, MANAGEMENT_CLASSES, category_label
from ._messages import Message, define_code
from ._models import CodeReport, CodeSegment, Problem
from ._regions import division_name, province_of

CODE_LENGTH = 22
ORGANIZATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_DIGITS = "0123456789"
_ALPHANUMERIC = _DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DASHES = re.compile("[‐‑‒–—―−]")


def normalize_institution_code(raw: str) -> str:
    """Upper case, half-width, no spaces, and one hyphen after the 8th or 9th character removed.

    Licences write the organization code as `45038862-0`, so the hyphen may follow the 8th
    character as well as the 9th.
    """
    text = unicodedata.normalize("NFKC", raw or "").upper()
    text = _DASHES.sub("-", "".join(char for char in text if not char.isspace()))
    if text.count("-") == 1 and text.index("-") in (8, 9):
        text = text.replace("-", "")
    return text


def organization_check_char(first8: str) -> str:
    """GB 11714 check character of the first 8 characters of an organization code."""
    if len(first8) != 8 or any(char not in _ALPHANUMERIC for char in first8):
        raise ValueError(f"organization code body must be 8 digits or letters: {first8!r}")
    total = sum(
        w * _ALPHANUMERIC.index(c) for w, c in zip(ORGANIZATION_WEIGHTS, first8, strict=True)
    )
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def credit_check_char(first17: str) -> str:
    """GB 32100 check character of the first 17 characters of a unified social credit code."""
    if len(first17) != 17 or any(char not in CREDIT_CHARSET for char in first17):
        raise ValueError(f"credit code body must be 17 characters of {CREDIT_CHARSET}: {first17!r}")
    total = sum(w * CREDIT_CHARSET.index(c) for w, c in zip(CREDIT_WEIGHTS, first17, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def make_institution_code(
    org8: str, division: str, economic_type: str, category: str, management: str
) -> str:
    """A 22-character code with the right check character (used by the demo seed and tests)."""
    org8, category = org8.upper(), category.upper()
    if not (len(division) == 6 and division.isdigit()):
        raise ValueError(f"division must be 6 digits: {division!r}")
    if not (len(economic_type) == 2 and economic_type.isdigit()):
        raise ValueError(f"economic type must be 2 digits: {economic_type!r}")
    if not (len(category) == 4 and category[0].isalpha() and category.isalnum()):
        raise ValueError(f"category must be a letter and 3 characters: {category!r}")
    if not (len(management) == 1 and management.isdigit()):
        raise ValueError(f"management class must be 1 digit: {management!r}")
    return org8 + organization_check_char(org8) + division + economic_type + category + management


_REQUIRED = define_code("problem.code_required")
_LENGTH = define_code("problem.code_length", "length")
_LENGTH_ONE_SHORT = define_code("problem.code_length_one_short", "length")
_LENGTH_ONE_LONG = define_code("problem.code_length_one_long", "length")
_ORGANIZATION_ONLY = define_code("problem.code_is_organization_code")
_CREDIT_FOREIGN_CHAR = define_code("problem.code_credit_foreign_char", "position", "char")
_CREDIT_CHECK_CHAR = define_code("problem.code_credit_check_char", "expected", "actual")
_CREDIT_CODE = define_code("problem.code_is_credit_code", "organization")
_REGISTRATION_NUMBER = define_code("problem.code_is_registration_number")
_HYPHEN = define_code("problem.code_hyphen")
_CHARSET = define_code("problem.code_charset", "position", "char")
_CHECK_CHAR = define_code("problem.code_check_char", "expected", "actual")
_DIVISION_FORMAT = define_code("problem.code_division_format", "value")
_DIVISION_UNKNOWN = define_code("problem.code_division_unknown", "value")
_ECONOMIC_TYPE_FORMAT = define_code("problem.code_economic_type_format", "value")
_ECONOMIC_TYPE_UNKNOWN = define_code("problem.code_economic_type_unknown", "value")
_CATEGORY_FORMAT = define_code("problem.code_category_format", "value")
_CATEGORY_UNKNOWN = define_code("problem.code_category_unknown", "value")
_MANAGEMENT_CLASS = define_code("problem.code_management_class", "value")


def _error(message: Message) -> Problem:
    return Problem(field="code", code=message.code, params=message.params)


def _warning(message: Message) -> Problem:
    return Problem(field="code", code=message.code, params=message.params, warning=True)


def _check_char_warning(org9: str) -> Problem | None:
    expected = organization_check_char(org9[:8])
    if org9[8] == expected:
        return None
    return _warning(_CHECK_CHAR(expected=expected, actual=org9[8]))


def check_institution_code(raw: str) -> CodeReport:
    """Validate and decode an institution code; `valid` means no errors (warnings allowed)."""
    code = normalize_institution_code(raw)
    if not code:
        return _report(raw, code, errors=[_error(_REQUIRED())])
    if len(code) == 9 and all(char in _ALPHANUMERIC for char in code):
        return _organization_code_only(raw, code)
    if len(code) == 18 and all(char in _ALPHANUMERIC for char in code):
        return _eighteen_characters(raw, code)
    if len(code) != CODE_LENGTH:
        length = {21: _LENGTH_ONE_SHORT, 23: _LENGTH_ONE_LONG}.get(len(code), _LENGTH)
        return _report(raw, code, errors=[_error(length(length=len(code)))])
    return _full_code(raw, code)


def _report(raw: str, code: str, **fields: object) -> CodeReport:
    report = CodeReport.model_validate({"input": raw, "normalized": code, "valid": False, **fields})
    report.valid = not report.errors
    return report


def _organization_code_only(raw: str, code: str) -> CodeReport:
    warning = _check_char_warning(code)
    return _report(
        raw,
        code,
        segments=[CodeSegment(name="organization", value=code)],
        errors=[_error(_ORGANIZATION_ONLY())],
        warnings=[warning] if warning else [],
        recognized_as="organization_code",
    )


def _eighteen_characters(raw: str, code: str) -> CodeReport:
    if code.isdigit() and credit_check_char(code[:17]) != code[17]:
        return _registration_number(raw, code)
    organization = code[8:17]
    foreign = next((i for i, char in enumerate(code[:17]) if char not in CREDIT_CHARSET), None)
    if foreign is not None:
        message = _CREDIT_FOREIGN_CHAR(position=foreign + 1, char=code[foreign])
    elif code[17] != (expected := credit_check_char(code[:17])):
        message = _CREDIT_CHECK_CHAR(expected=expected, actual=code[17])
    else:
        message = _CREDIT_CODE(organization=organization)
    return _report(
        raw,
        code,
        segments=[CodeSegment(name="organization", value=organization)],
        errors=[_error(message)],
        recognized_as="credit_code",
    )


def _registration_number(raw: str, code: str) -> CodeReport:
    return _report(
        raw,
        code,
        errors=[_error(_REGISTRATION_NUMBER())],
        recognized_as="registration_number",
    )


def _full_code(raw: str, code: str) -> CodeReport:
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for position, char in enumerate(code, start=1):
        if char == "-":
            errors.append(_error(_HYPHEN()))
        elif char not in _ALPHANUMERIC:
            errors.append(_error(_CHARSET(position=position, char=char)))
    parts = {
        "organization": code[0:9],
        "division": code[9:15],
        "economic_type": code[15:17],
        "category": code[17:21],
        "management": code[21],
    }
    segments: list[CodeSegment] = []
    for name, value in parts.items():
        if any(char not in _ALPHANUMERIC for char in value):
            segments.append(CodeSegment(name=name, value=value))
            continue
        label, problem = _SEGMENT_CHECKS[name](value)
        segments.append(CodeSegment(name=name, value=value, label=label))
        if problem is not None:
            (warnings if problem.warning else errors).append(problem)
    return _report(raw, code, segments=segments, errors=errors, warnings=warnings)


def _organization(value: str) -> tuple[str, Problem | None]:
    return "", _check_char_warning(value)


def _division(value: str) -> tuple[str, Problem | None]:
    if not value.isdigit():
        return "", _error(_DIVISION_FORMAT(value=value))
    name = division_name(value)
    if name is not None:
        return name, None
    province = province_of(value)
    # The province is still known from the first two digits; the warning says the rest is not.
    return (province.name if province else ""), _warning(_DIVISION_UNKNOWN(value=value))


def _economic_type(value: str) -> tuple[str, Problem | None]:
    if not value.isdigit():
        return "", _error(_ECONOMIC_TYPE_FORMAT(value=value))
    label = ECONOMIC_TYPES.get(value)
    if label is not None:
        return label, None
    return "", _warning(_ECONOMIC_TYPE_UNKNOWN(value=value))


def _category(value: str) -> tuple[str, Problem | None]:
    if value[0] in _DIGITS:
        return "", _error(_CATEGORY_FORMAT(value=value))
    label = category_label(value)
    if label is not None:
        return label, None
    # The class (A 医院, B 社区卫生服务…) is still known from the letter: the segment shows it.
    return CATEGORY_CLASSES.get(value[0], ""), _warning(_CATEGORY_UNKNOWN(value=value))


def _management(value: str) -> tuple[str, Problem | None]:
    label = MANAGEMENT_CLASSES.get(value)
    if label is not None:
        return label, None
    return "", _error(_MANAGEMENT_CLASS(value=value))


_SEGMENT_CHECKS = {
    "organization": _organization,
    "division": _division,
    "economic_type": _economic_type,
    "category": _category,
    "management": _management,
}
