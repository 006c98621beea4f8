"""The form's rules and what blocks submit."""

from __future__ import annotations

import pytest

from domain import (
    Address,
    Admin,
    FileKind,
    Person,
    Problem,
    form_problems,
    make_institution_code,
    submit_problems,
)
from tests.domain.domain_samples import CODE, TODAY, all_scans, complete_form, said, scan


def _by_field(problems: list[Problem]) -> dict[str, Problem]:
    return {p.field: p for p in problems}


def test_a_complete_form_has_no_problems() -> None:
    assert form_problems(complete_form(), today=TODAY) == []
    assert submit_problems(complete_form(), all_scans(), today=TODAY) == []


def test_an_empty_form_lists_every_required_field_in_form_order() -> None:
    problems = form_problems(
        complete_form(
            name="", opened_on="", code="", address=Address(), legal_rep=Person(), admin=Admin()
        ),
        today=TODAY,
    )
    assert [p.field for p in problems] == [
        "name",
        "opened_on",
        "code",
        "address.province",
        "address.street",
        "legal_rep.name",
        "legal_rep.mobile",
        "admin.name",
        "admin.mobile",
        "admin.email",
    ]
    assert said(problems[0]) == "请填写医疗机构名称。"
    assert not any(p.warning for p in problems)


@pytest.mark.parametrize(
    ("opened_on", "fragment"),
    [
        ("2019", "应写成“年-月”"),
        ("2019-3", "应写成“年-月”"),
        ("2019-13", "月份应在 01–12 之间，当前是 13"),
        ("2019-00", "月份应在 01–12 之间"),
        ("2026-12", "晚于本月（2026-11）"),
        ("1700-01", "年份 1700 不对"),
    ],
)
def test_opening_date(opened_on: str, fragment: str) -> None:
    problems = form_problems(complete_form(opened_on=opened_on), today=TODAY)
    assert [p.field for p in problems] == ["opened_on"]
    assert fragment in said(problems[0])


def test_opening_this_month_is_fine() -> None:
    assert form_problems(complete_form(opened_on="2026-11"), today=TODAY) == []


def test_code_errors_block_and_warnings_can_be_confirmed() -> None:
    broken = form_problems(complete_form(code=CODE[:21] + "3"), today=TODAY)
    assert [(p.field, p.code, p.warning) for p in broken] == [
        ("code", "code_management_class", False)
    ]
    wrong_check = "450388625" + CODE[9:]
    warned = form_problems(complete_form(code=wrong_check), today=TODAY)
    assert [(p.code, p.warning) for p in warned] == [("code_check_char", True)]
    confirmed = complete_form(code=wrong_check, confirmed_warnings=["code_check_char"])
    assert form_problems(confirmed, today=TODAY) == []
    assert submit_problems(complete_form(code=wrong_check), all_scans(), today=TODAY) == []


def test_code_division_differing_from_the_address_is_a_warning() -> None:
    moved = make_institution_code("45038862", "440106", "11", "A100", "1")  # 天河区
    problems = form_problems(complete_form(code=moved), today=TODAY)
    assert [(p.code, p.warning) for p in problems] == [("code_division_address_mismatch", True)]
    assert "440106（广东省广州市天河区）" in said(problems[0])
    assert "440104（广东省广州市越秀区）" in said(problems[0])
    city_level = make_institution_code("45038862", "440100", "11", "A100", "1")
    assert form_problems(complete_form(code=city_level), today=TODAY) == []


def test_retired_division_in_code_is_one_warning() -> None:
    retired = make_institution_code("45038862", "440102", "11", "A100", "1")
    problems = form_problems(complete_form(code=retired), today=TODAY)
    assert [p.code for p in problems] == ["code_division_unknown"]


@pytest.mark.parametrize(
    ("address", "field", "fragment"),
    [
        (Address(province="440000", street="x"), "address.city", "请选择医疗机构地址所在的城市"),
        (Address(province="440000", city="440100", street="x"), "address.district", "区县"),
        (Address(province="990000", street="x"), "address.province", "990000 不在行政区划中"),
        (Address(province="440100", street="x"), "address.province", "不在行政区划中"),
        (
            Address(province="440000", city="110100", district="110101", street="x"),
            "address.city",
            "所选城市“市辖区”不属于“广东省”",
        ),
        (
            Address(province="440000", city="440100", district="440304", street="x"),
            "address.district",
            "所选区县“福田区”不属于“广州市”",
        ),
        (Address(province="440000", city="440100", district="440104"), "address.street", "街道"),
    ],
)
def test_address_cascades(address: Address, field: str, fragment: str) -> None:
    problems = form_problems(complete_form(address=address), today=TODAY)
    blocking = [p for p in problems if not p.warning]
    assert [p.field for p in blocking] == [field]
    assert fragment in said(blocking[0])


def test_divisions_without_a_lower_level_need_none() -> None:
    dongguan = Address(province="440000", city="441900", street="东城街道 1 号")
    code = make_institution_code("45038862", "441900", "11", "A100", "1")
    assert form_problems(complete_form(address=dongguan, code=code), today=TODAY) == []
    hong_kong = Address(province="810000", street="1 Queen's Road")
    code = make_institution_code("45038862", "810000", "11", "A100", "1")
    assert form_problems(complete_form(address=hong_kong, code=code), today=TODAY) == []


def test_contact_values_go_through_the_validators() -> None:
    form = complete_form(
        legal_rep=Person(name="张三", mobile="1380013800"),
        admin=Admin(name="李四", mobile="+86 139-0013-9000", email="lisi@example"),
    )
    problems = _by_field(form_problems(form, today=TODAY))
    assert set(problems) == {"legal_rep.mobile", "admin.email"}
    assert said(problems["legal_rep.mobile"]) == "手机号码应为 11 位数字，当前只有 10 位。"
    assert "缺少“.”后缀" in said(problems["admin.email"])


def test_masked_values_count_as_present() -> None:
    form = complete_form(
        legal_rep=Person(name="张*", mobile="138****8000"),
        admin=Admin(name="李*", mobile="139****9000", email="l***@example.com"),
    )
    assert form_problems(form, today=TODAY) == []


def test_blank_subjects_are_a_problem() -> None:
    problems = form_problems(complete_form(subjects=["内科", " "]), today=TODAY)
    assert [p.field for p in problems] == ["subjects"]


def test_submit_needs_each_scan_exactly_once_and_current() -> None:
    files = [
        scan(FileKind.INFO_FORM, stale=True),
        scan(FileKind.LICENSE, stale=True),
        scan(FileKind.LICENSE, number=2),
    ]
    problems = submit_problems(complete_form(), files, today=TODAY)
    assert [(p.field, p.code) for p in problems] == [
        ("files.info_form", "file_stale"),
        ("files.consent", "file_missing"),
        ("files.license", "file_duplicate"),
    ]
    assert said(problems[0]) == (
        "上传的《医疗机构信息收集表》盖章件是资料修改前的版本，请重新下载、盖章后上传。"
    )
    assert said(problems[1]) == "还没有上传盖章的《系统使用须知及同意书》。"
    assert "上传了 2 份" in said(problems[2])


def test_submit_problems_put_form_problems_first() -> None:
    problems = submit_problems(complete_form(name=""), [], today=TODAY)
    assert [p.field for p in problems] == [
        "name",
        "files.info_form",
        "files.consent",
        "files.license",
    ]
