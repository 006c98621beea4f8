"""The form's bounds (`FORM_LIMITS`): what one A4 page of each generated document has room for,
each beyond-the-limit value a blocking problem with a stable code and a sentence."""

from __future__ import annotations

import pytest

from domain import FORM_LIMITS, Address, Admin, Person, form_problems
from tests.domain.domain_samples import TODAY, complete_form
from tests.messages_text import said


def _codes(**changes: object) -> list[tuple[str, str]]:
    problems = form_problems(complete_form(**changes), today=TODAY)
    assert all(not p.warning for p in problems)
    return [(p.field, p.code) for p in problems]


def test_the_limits_themselves_are_accepted() -> None:
    wide = "国"
    form_changes = {
        "name": wide * FORM_LIMITS.name,
        "subjects": [wide * FORM_LIMITS.subject_length] * FORM_LIMITS.subjects,
        "legal_rep": Person(name=wide * FORM_LIMITS.person_name, mobile="13800138000"),
    }
    assert _codes(**form_changes) == []


def test_too_many_subjects_says_the_limit_and_the_count() -> None:
    subjects = [f"科目{n}" for n in range(FORM_LIMITS.subjects + 3)]
    [problem] = form_problems(complete_form(subjects=subjects), today=TODAY)
    assert (problem.field, problem.code) == ("subjects", "subjects_too_many")
    assert f"最多填写 {FORM_LIMITS.subjects} 项，当前有 {len(subjects)} 项" in said(problem)


def test_a_subject_too_long_is_named_with_its_length() -> None:
    long_subject = "内" * (FORM_LIMITS.subject_length + 1)
    [problem] = form_problems(complete_form(subjects=["内科", long_subject]), today=TODAY)
    assert (problem.field, problem.code) == ("subjects", "subject_too_long")
    assert f"“{long_subject}”有 {FORM_LIMITS.subject_length + 1} 个字" in said(problem)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "医" * (FORM_LIMITS.name + 1)}, "name"),
        (
            {
                "address": Address(
                    province="440000",
                    city="440100",
                    district="440104",
                    street="路" * (FORM_LIMITS.street + 1),
                )
            },
            "address.street",
        ),
        (
            {"legal_rep": Person(name="陈" * (FORM_LIMITS.person_name + 1), mobile="13800138000")},
            "legal_rep.name",
        ),
        (
            {
                "admin": Admin(
                    name="林" * (FORM_LIMITS.person_name + 1),
                    mobile="13912345678",
                    email="lin@example.cn",
                )
            },
            "admin.name",
        ),
        (
            {
                "admin": Admin(
                    name="林晓梅", mobile="13912345678", email="a" * 64 + "@example-hospital.cn"
                )
            },
            "admin.email",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_free_text_beyond_its_limit_is_a_problem_of_its_field(
    changes: dict[str, object], field: str
) -> None:
    assert _codes(**changes) == [(field, f"{field}_too_long")]
    [problem] = form_problems(complete_form(**changes), today=TODAY)
    assert "最多" in said(problem) and "当前有" in said(problem)
