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
from ._models import CodeReport, CodeSegment, Problem
from ._regions import division_name, province_of

CODE_LENGTH = 22
ORGANIZATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_DIGITS = "0123456789"
_ALPHANUMERIC = _DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DASHES = re.compile("[‐‑‒–—―−]")
_LAYOUT = "9 位组织机构代码 + 6 位行政区划 + 2 位经济类型 + 4 位机构类别 + 1 位管理类别"


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


def _error(code: str, message: str) -> Problem:
    return Problem(field="code", message=message, code=code)


def _warning(code: str, message: str) -> Problem:
    return Problem(field="code", message=message, code=code, warning=True)


def _check_char_warning(org9: str) -> Problem | None:
    expected = organization_check_char(org9[:8])
    if org9[8] == expected:
        return None
    return _warning(
        "code_check_char",
        f"组织机构代码第 9 位校验码应为 {expected}，许可证上是 {org9[8]}，请核对许可证后确认。",
    )


def check_institution_code(raw: str) -> CodeReport:
    """Validate and decode an institution code; `valid` means no errors (warnings allowed)."""
    code = normalize_institution_code(raw)
    if not code:
        return _report(raw, code, errors=[_error("code_required", "请填写医疗机构代码。")])
    if len(code) == 9 and all(char in _ALPHANUMERIC for char in code):
        return _organization_code_only(raw, code)
    if len(code) == 18 and all(char in _ALPHANUMERIC for char in code):
        return _eighteen_characters(raw, code)
    if len(code) != CODE_LENGTH:
        hint = {21: "，可能漏了一位", 23: "，可能多了一位"}.get(len(code), "")
        message = f"医疗机构代码应为 22 位（{_LAYOUT}），当前是 {len(code)} 位{hint}。"
        return _report(raw, code, errors=[_error("code_length", message)])
    return _full_code(raw, code)


def _report(raw: str, code: str, **fields: object) -> CodeReport:
    report = CodeReport.model_validate({"input": raw, "normalized": code, "valid": False, **fields})
    report.valid = not report.errors
    return report


def _organization_code_only(raw: str, code: str) -> CodeReport:
    message = (
        "这是 9 位组织机构代码，还需要后面的 13 位机构属性代码"
        "（完整代码共 22 位，见执业许可证登记号）。"
    )
    warning = _check_char_warning(code)
    return _report(
        raw,
        code,
        segments=[CodeSegment(name="organization", value=code, label="组织机构代码")],
        errors=[_error("code_is_organization_code", message)],
        warnings=[warning] if warning else [],
        recognized_as="organization_code",
    )


def _eighteen_characters(raw: str, code: str) -> CodeReport:
    if code.isdigit() and credit_check_char(code[:17]) != code[17]:
        return _registration_number(raw, code)
    organization = code[8:17]
    foreign = next((i for i, char in enumerate(code[:17]) if char not in CREDIT_CHARSET), None)
    if foreign is not None:
        message = (
            f"这像是 18 位统一社会信用代码，但第 {foreign + 1} 位“{code[foreign]}”不会出现在"
            "信用代码中，请再核对。医疗机构代码共 22 位，以信用代码的第 9–17 位开头。"
        )
    elif code[17] != (expected := credit_check_char(code[:17])):
        message = (
            f"这像是 18 位统一社会信用代码，但最后一位校验码应为 {expected}，读到的是 "
            f"{code[17]}，请再核对。医疗机构代码共 22 位，以信用代码的第 9–17 位开头。"
        )
    else:
        message = (
            f"这是 18 位统一社会信用代码，不是医疗机构代码。22 位医疗机构代码以它的第 9–17 位"
            f" {organization} 开头，后面还有 13 位，见执业许可证登记号。"
        )
    return _report(
        raw,
        code,
        segments=[CodeSegment(name="organization", value=organization, label="组织机构代码")],
        errors=[_error("code_is_credit_code", message)],
        recognized_as="credit_code",
    )


def _registration_number(raw: str, code: str) -> CodeReport:
    message = (
        "这是 18 位数字的省级登记号，不是医疗机构代码。请读执业许可证上 22 位的医疗机构代码"
        "（登记号）：9 位组织机构代码加 13 位机构属性代码。"
    )
    return _report(
        raw,
        code,
        errors=[_error("code_is_registration_number", message)],
        recognized_as="registration_number",
    )


def _full_code(raw: str, code: str) -> CodeReport:
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for position, char in enumerate(code, start=1):
        if char == "-":
            errors.append(_error("code_charset", "连字符“-”只能写在前 9 位（组织机构代码）后面。"))
        elif char not in _ALPHANUMERIC:
            message = f"医疗机构代码第 {position} 位“{char}”不是数字或字母。"
            errors.append(_error("code_charset", message))
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
    return "组织机构代码", _check_char_warning(value)


def _division(value: str) -> tuple[str, Problem | None]:
    if not value.isdigit():
        message = f"医疗机构代码第 10–15 位是行政区划代码，应为 6 位数字，当前是“{value}”。"
        return "", _error("code_division_format", message)
    name = division_name(value)
    if name is not None:
        return name, None
    province = province_of(value)
    label = f"{province.name}（具体区划不在现行区划中）" if province else ""
    message = f"行政区划代码 {value} 不在现行区划中（可能是已撤销的旧区划），请对照许可证确认。"
    return label, _warning("code_division_unknown", message)


def _economic_type(value: str) -> tuple[str, Problem | None]:
    if not value.isdigit():
        message = f"医疗机构代码第 16–17 位是经济类型代码，应为 2 位数字，当前是“{value}”。"
        return "", _error("code_economic_type_format", message)
    label = ECONOMIC_TYPES.get(value)
    if label is not None:
        return label, None
    message = f"经济类型代码 {value} 不在已知列表中，请对照许可证确认。"
    return "", _warning("code_economic_type_unknown", message)


def _category(value: str) -> tuple[str, Problem | None]:
    if value[0] in _DIGITS:
        message = (
            f"医疗机构代码第 18–21 位是机构类别代码，应以字母开头（如 A100 综合医院），"
            f"当前是“{value}”。"
        )
        return "", _error("code_category_format", message)
    label = category_label(value)
    if label is not None:
        return label, None
    known_class = CATEGORY_CLASSES.get(value[0])
    hint = f"（{value[0]} 类为{known_class}）" if known_class else ""
    message = f"机构类别代码 {value} 不在已知分类中{hint}，请对照许可证确认。"
    return "", _warning("code_category_unknown", message)


def _management(value: str) -> tuple[str, Problem | None]:
    label = MANAGEMENT_CLASSES.get(value)
    if label is not None:
        return label, None
    message = f"管理类别（第 22 位）应为 1（非营利）、2（营利）或 9（其他），当前是“{value}”。"
    return "", _error("code_management_class", message)


_SEGMENT_CHECKS = {
    "organization": _organization,
    "division": _division,
    "economic_type": _economic_type,
    "category": _category,
    "management": _management,
}
