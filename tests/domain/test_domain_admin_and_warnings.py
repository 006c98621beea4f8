"""Two rules the server and the kiosk share: which changes of the data administrator reset an
account (`administrator_changes`), and that every confirmable warning has a name in the
`warning` vocabulary, the one the kiosk's checkboxes and the timeline's confirmations use."""

from __future__ import annotations

import pytest

from domain import (
    ADMIN_FIELDS,
    Admin,
    administrator_changes,
    form_problems,
    make_institution_code,
    terms,
    word,
)
from tests.domain.domain_samples import CODE, TODAY, complete_form

BEFORE = Admin(name="张晓梅", mobile="13800138000", email="zhangxiaomei@example.com")


@pytest.mark.parametrize(
    ("after", "fields"),
    [
        ({}, []),
        ({"name": "李四"}, ["admin.name"]),
        ({"mobile": "13600136000"}, ["admin.mobile"]),
        ({"email": "zhang.xm@example.com"}, ["admin.email"]),
        ({"name": "李四", "mobile": "13600136000", "email": "li@example.com"}, list(ADMIN_FIELDS)),
        # Written differently, the same: spaces, +86 and separators, the domain's case.
        ({"name": " 张晓梅 ", "mobile": "+86 138-0013-8000"}, []),
        ({"email": "zhangxiaomei@Example.COM"}, []),
        # Another mailbox: the local part is the address.
        ({"email": "ZhangXiaomei@example.com"}, ["admin.email"]),
    ],
)
def test_which_changes_of_the_administrator_reset_the_account(
    after: dict[str, str], fields: list[str]
) -> None:
    assert administrator_changes(BEFORE, BEFORE.model_copy(update=after)) == fields


def test_a_value_the_validators_refuse_compares_as_typed() -> None:
    broken = BEFORE.model_copy(update={"email": "zhangxiaomei@example", "mobile": "1380013"})
    assert administrator_changes(broken, broken.model_copy()) == []
    assert administrator_changes(BEFORE, broken) == ["admin.mobile", "admin.email"]


WARNED_CODES = [
    "450388625" + CODE[9:],  # wrong check character
    make_institution_code("45038862", "440102", "11", "A100", "1"),  # retired division
    make_institution_code("45038862", "440104", "99", "A100", "1"),  # unlisted economic type
    make_institution_code("45038862", "440104", "11", "Z999", "1"),  # unlisted category
    make_institution_code("45038862", "440106", "11", "A100", "1"),  # another district
]


def test_every_warning_the_form_gives_has_a_name_in_each_language() -> None:
    given = {
        p.code
        for code in WARNED_CODES
        for p in form_problems(complete_form(code=code), today=TODAY)
        if p.warning
    }
    assert given == set(terms("warning"))
    for code in given:
        assert word("warning", code, "zh_CN") != code and word("warning", code, "en") != code
