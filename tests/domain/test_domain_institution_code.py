"""The 22-character institution code: check characters, segments, real-world spellings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import (
    CodeReport,
    check_institution_code,
    credit_check_char,
    division_name,
    make_institution_code,
    normalize_institution_code,
    organization_check_char,
)
from domain._code_tables import ECONOMIC_TYPES, MANAGEMENT_CLASSES, category_label
from tests.domain.domain_samples import said

VALID = make_institution_code("45038862", "440104", "11", "A100", "1")

KNOWN_DIVISIONS = ["440104", "110101", "500229", "419001", "441900", "650102", "440100"]
KNOWN_CATEGORIES = ["A100", "A210", "A511", "A5A1", "B100", "D211", "J100", "E100", "Q000"]

org_bodies = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXYZ", min_size=8, max_size=8)
segments = st.tuples(
    org_bodies,
    st.sampled_from(KNOWN_DIVISIONS),
    st.sampled_from(sorted(ECONOMIC_TYPES)),
    st.sampled_from(KNOWN_CATEGORIES),
    st.sampled_from(sorted(MANAGEMENT_CLASSES)),
)


def _codes(report: CodeReport) -> list[str]:
    return [p.code for p in report.errors + report.warnings]


def test_organization_check_character() -> None:
    assert organization_check_char("45038862") == "0"  # 45038862-0, from a real licence
    assert organization_check_char("D2143569") == "X"  # the standard's own example
    with pytest.raises(ValueError):
        organization_check_char("4503886")


def test_credit_check_character() -> None:
    assert credit_check_char("91350100M000100Y4") == "3"
    with pytest.raises(ValueError):
        credit_check_char("91350100M000100YI")


def test_a_valid_code_decodes_every_segment() -> None:
    report = check_institution_code(VALID)
    assert report.valid and not report.warnings and report.recognized_as is None
    assert [(s.name, s.value, s.label) for s in report.segments] == [
        ("organization", "450388620", ""),
        ("division", "440104", "广东省广州市越秀区"),
        ("economic_type", "11", "国有全资"),
        ("category", "A100", "综合医院"),
        ("management", "1", "非营利"),
    ]


@pytest.mark.parametrize(
    "spelling",
    [
        "450388620-44010411A1001",
        "45038862-044010411A1001",
        "45038862044010411a1001",
        " 4503 8862 0440 1041 1A10 01 ",
        "４５０３８８６２０４４０１０４１１Ａ１００１",
        "450388620－44010411A1001",
    ],
)
def test_real_world_spellings_normalize(spelling: str) -> None:
    report = check_institution_code(spelling)
    assert report.normalized == VALID
    assert report.valid and not report.warnings


def test_pdy_organization_parts_follow_the_same_check() -> None:
    code = make_institution_code("PDY00019", "440304", "17", "D211", "2")
    assert code[8] == organization_check_char("PDY00019")
    assert check_institution_code(code.lower()).valid


def test_wrong_check_character_is_a_warning_with_the_expected_one() -> None:
    report = check_institution_code("450388625" + VALID[9:])
    assert report.valid
    assert _codes(report) == ["code_check_char"]
    assert said(report.warnings[0]) == (
        "组织机构代码第 9 位校验码应为 0，许可证上是 5，请核对许可证后确认。"
    )


def test_retired_division_is_a_warning() -> None:
    report = check_institution_code(VALID[:9] + "440102" + VALID[15:])  # 东山区, merged 2005
    assert report.valid
    assert _codes(report) == ["code_division_unknown"]
    assert "440102 不在现行区划中（可能是已撤销的旧区划）" in said(report.warnings[0])
    assert report.segments[1].label.startswith("广东省")


def test_unlisted_economic_type_and_category_are_warnings() -> None:
    report = check_institution_code(VALID[:15] + "50" + "A999" + "1")
    assert report.valid
    assert _codes(report) == ["code_economic_type_unknown", "code_category_unknown"]
    assert [s.label for s in report.segments if s.name == "category"] == ["医院"]
    assert "I100" in said(check_institution_code(VALID[:17] + "I1001").warnings[0])


@pytest.mark.parametrize(
    ("code", "problem", "fragment"),
    [
        (VALID[:21] + "3", "code_management_class", "当前是“3”"),
        (VALID[:9] + "44A104" + VALID[15:], "code_division_format", "应为 6 位数字"),
        (VALID[:15] + "1A" + VALID[17:], "code_economic_type_format", "应为 2 位数字"),
        (VALID[:17] + "1100" + VALID[21:], "code_category_format", "应以字母开头"),
        (VALID[:5] + "医" + VALID[6:], "code_charset", "第 6 位“医”不是数字或字母"),
        (VALID[:12] + "-" + VALID[13:], "code_hyphen", "连字符"),
        (VALID[:-1], "code_length_one_short", "当前是 21 位，可能漏了一位"),
        (VALID + "1", "code_length_one_long", "当前是 23 位，可能多了一位"),
        ("", "code_required", "请填写医疗机构代码"),
    ],
)
def test_errors_name_the_segment(code: str, problem: str, fragment: str) -> None:
    report = check_institution_code(code)
    assert not report.valid
    assert problem in _codes(report)
    assert any(fragment in said(p) for p in report.errors)
    assert all(p.field == "code" and not p.warning for p in report.errors)


def test_organization_code_alone_is_recognized() -> None:
    report = check_institution_code("45038862-0")
    assert report.recognized_as == "organization_code"
    assert not report.valid
    assert said(report.errors[0]) == (
        "这是 9 位组织机构代码，还需要后面的 13 位机构属性代码"
        "（完整代码共 22 位，见执业许可证登记号）。"
    )


def test_credit_code_is_recognized_with_its_organization_part() -> None:
    credit = "91440101MA5CXXXX" + "9"
    credit += credit_check_char(credit)
    report = check_institution_code(credit)
    assert report.recognized_as == "credit_code"
    assert "统一社会信用代码" in said(report.errors[0])
    assert credit[8:17] in said(report.errors[0])
    bad = check_institution_code("91350100M000100Y4Z")
    assert bad.recognized_as == "credit_code"
    assert "校验码应为 3" in said(bad.errors[0])


def test_eighteen_digit_registration_number_is_recognized() -> None:
    number = "440104" + "000000000001"
    if credit_check_char(number[:17]) == number[17]:
        number = number[:17] + "2"
    report = check_institution_code(number)
    assert report.recognized_as == "registration_number"
    assert "省级登记号" in said(report.errors[0])


@given(parts=segments, lower=st.booleans(), hyphen=st.sampled_from(["", "-8", "-9"]))
def test_valid_codes_round_trip(
    parts: tuple[str, str, str, str, str], lower: bool, hyphen: str
) -> None:
    code = make_institution_code(*parts)
    spelled = code.lower() if lower else code
    if hyphen:
        at = int(hyphen[1])
        spelled = spelled[:at] + "-" + spelled[at:]
    report = check_institution_code(spelled)
    assert report.valid and not report.warnings, report
    assert report.normalized == code == normalize_institution_code(spelled)
    # The organization code's part is named by the segment itself; the others decode.
    assert all(segment.label for segment in report.segments if segment.name != "organization")


def _genuinely_valid(code: str) -> bool:
    return (
        len(code) == 22
        and code[:9].isalnum()
        and code[8] == organization_check_char(code[:8])
        and division_name(code[9:15]) is not None
        and code[15:17] in ECONOMIC_TYPES
        and category_label(code[17:21]) is not None
        and code[21] in MANAGEMENT_CLASSES
    )


@given(
    parts=segments,
    position=st.integers(min_value=0, max_value=21),
    replacement=st.sampled_from(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZaz-_ 医Ｏ.*")),
)
def test_every_single_character_change_is_caught_or_explained(
    parts: tuple[str, str, str, str, str], position: int, replacement: str
) -> None:
    code = make_institution_code(*parts)
    changed = code[:position] + replacement + code[position + 1 :]
    report = check_institution_code(changed)
    assert all(p.field == "code" and p.code and said(p) for p in report.errors + report.warnings)
    if report.valid and not report.warnings:
        # Silently accepted: only when the change gave another fully valid code, or was
        # undone by normalization (e.g. a lower-case letter).
        assert _genuinely_valid(report.normalized)
    else:
        assert report.errors or report.warnings


@given(parts=segments, position=st.integers(min_value=0, max_value=21))
def test_dropped_or_doubled_characters_are_errors(
    parts: tuple[str, str, str, str, str], position: int
) -> None:
    code = make_institution_code(*parts)
    dropped = code[:position] + code[position + 1 :]
    doubled = code[: position + 1] + code[position:]
    for changed in (dropped, doubled):
        report = check_institution_code(changed)
        assert not report.valid
        assert any(p.code.startswith("code_length") for p in report.errors)
