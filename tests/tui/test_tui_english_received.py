"""Received sentences in English: real problems from the in-process API, the domain's validators.

Each case provokes the sentence for real (a wrong SMS code, a refused transition, a bad query…)
and checks that `received` gives English from the catalogue, not the code's fallback, with no
Chinese left but the application's own data.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from datetime import date

import pytest

from client import ERROR_CLASSES, ApiError, CentralAPI
from domain import (
    Action,
    Address,
    Admin,
    FieldInvalid,
    Form,
    Person,
    Status,
    check_institution_code,
    file_problems,
    form_problems,
    make_institution_code,
    normalize_email,
    normalize_mobile,
    refusal,
)
from domain._code_tables import CATEGORY_CLASSES
from tests.tui.aftercare_hands import sms_code
from tui._received import GENERAL_SENTENCE, PROBLEM_SENTENCES, code_sentence, received

CLASS_NAMES = list(CATEGORY_CLASSES.values())
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]+")
NEW_PHONE = "13912345670"
TODAY = date(2026, 11, 20)
ChineseLeft = Callable[[str, Iterable[str]], list[str]]


def english(
    text: str, code: str | None, chinese_left: ChineseLeft, data: Iterable[str] = ()
) -> str:
    """`received` in English, from the catalogue (not a fallback), with only data in Chinese."""
    # Without a code the only fallback is the general sentence: anything else is the catalogue's.
    assert received(text) != GENERAL_SENTENCE, f"not in the catalogue: {text}"
    shown = received(text, code)
    assert not chinese_left(shown, data), f"{text!r} → {shown!r}"
    return shown


async def refused(call: Awaitable[object]) -> ApiError:
    with pytest.raises(ApiError) as caught:
        await call
    return caught.value


@pytest.mark.usefixtures("english")
async def test_api_problems_read_in_english(
    signed_in: CentralAPI, database_url: str, chinese_left: ChineseLeft
) -> None:
    missing = await refused(signed_in.get_application("ZZZZ-ZZZZ"))
    assert "ZZZZ-ZZZZ" in english(missing.detail, missing.code, chinese_left)

    bad_limit = await refused(signed_in.search_applications(q="医院", limit=0))
    assert english(bad_limit.detail, bad_limit.code, chinese_left).startswith("Rows per page")

    started = await signed_in.start_verification(NEW_PHONE, "register")
    again = await refused(signed_in.start_verification(NEW_PHONE, "register"))
    assert again.code == "verification_rate_limited"
    assert "seconds" in english(again.detail, again.code, chinese_left)

    right = sms_code(database_url, NEW_PHONE)
    wrong = "".join(str((int(digit) + 1) % 10) for digit in right)
    failed = await refused(signed_in.confirm_verification(started.id, wrong))
    assert "tries left" in english(failed.detail, failed.code, chinese_left)

    draft = await signed_in.create_application(
        await signed_in.confirm_verification(started.id, right)
    )
    amend = await refused(signed_in.amend(draft.id, "资料有误"))
    assert amend.code == "transition_not_allowed"
    assert "Amend" in english(amend.detail, amend.code, chinese_left)

    blocked = await refused(signed_in.submit(draft.id))
    assert blocked.code == "submit_blocked" and blocked.errors
    english(blocked.detail, blocked.code, chinese_left)
    for problem in blocked.errors:
        english(problem.message, problem.code, chinese_left)

    review = await refused(signed_in.approve(draft.id))
    english(review.detail, review.code, chinese_left)


@pytest.mark.usefixtures("english")
async def test_a_wrong_sign_in_reads_in_english(
    central: CentralAPI, chinese_left: ChineseLeft
) -> None:
    wrong = await refused(central.login("nobody", "not-the-password"))
    assert english(wrong.detail, wrong.code, chinese_left) == (
        "The user name or password is not correct."
    )


MOBILES = ["", "+44 7700 900123", "1380013800a", "1380013800", "138001380001", "12800138000"]
EMAILS = [
    "",
    "zhang @example.com",
    "zhang.example.com",
    "a@b@example.com",
    "@example.com",
    "zhang<>@example.com",
    ".zhang@example.com",
    "zhang@",
    "zhang@example。com",
    "zhang@localhost",
    "zhang@-bad-.com",
    "zhang@example.c0m",
]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("normalize", "raw"),
    [(normalize_mobile, raw) for raw in MOBILES] + [(normalize_email, raw) for raw in EMAILS],
)
def test_contact_validators_read_in_english(
    normalize: Callable[[str], str], raw: str, chinese_left: ChineseLeft
) -> None:
    with pytest.raises(FieldInvalid) as caught:
        normalize(raw)
    english(caught.value.message, caught.value.code, chinese_left)


@pytest.mark.usefixtures("english")
def test_the_particular_template_wins_over_the_general_one() -> None:
    assert received("手机号码应为 11 位数字，当前只有 10 位。") == (
        "A mobile number has 11 digits; this one has only 10."
    )
    assert received("手机号码应为 11 位数字，当前有 12 位。") == (
        "A mobile number has 11 digits; this one has 12."
    )
    assert received("请选择医疗机构地址所在的城市。") == (
        "Choose the city of the institution's address."
    )
    with pytest.raises(FieldInvalid) as caught:
        normalize_email("zhang.example.com")
    assert received(caught.value.message) == (
        "The e-mail address has no “@”; for example zhang@example.com."
    )


GOOD_CODE = make_institution_code("45038862", "110101", "11", "A100", "1")
CODES = [
    "",
    "45038862-0",
    "91110108MA01ABCD1X",
    "91110108MA01ABCDI1",
    "110101199001011234",
    GOOD_CODE[:-1],
    GOOD_CODE[:8] + "X" + GOOD_CODE[9:],  # a wrong check character
    GOOD_CODE[:19] + "*" + GOOD_CODE[20:],
    GOOD_CODE[:-1] + "5",
    GOOD_CODE[:13] + "AB" + GOOD_CODE[15:],
    make_institution_code("45038862", "110199", "11", "A100", "1"),
    GOOD_CODE[:15] + "AA" + GOOD_CODE[17:],
    make_institution_code("45038862", "110101", "99", "A100", "1"),
    GOOD_CODE[:17] + "1001" + GOOD_CODE[21:],
    make_institution_code("45038862", "110101", "11", "A999", "1"),
]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("raw", CODES)
def test_institution_code_problems_read_in_english(raw: str, chinese_left: ChineseLeft) -> None:
    report = check_institution_code(raw)
    problems = report.errors + report.warnings
    assert problems, f"{raw!r} has no problem"
    # Official names (a category class, a province) are data, shown as they are.
    data = [segment.label for segment in report.segments]
    for problem in problems:
        english(problem.message, problem.code, chinese_left, [*data, *CLASS_NAMES])


BAD_FORMS = [
    Form(),
    Form(
        name="示例医院",
        opened_on="2019/03",
        code="45038862-0",
        address=Address(province="999999", street="幸福路 1 号"),
        subjects=["内科", " "],
        legal_rep=Person(name="张三", mobile="1380013800"),
        admin=Admin(name="李四", mobile="12800138000", email="li@localhost"),
    ),
    Form(opened_on="2019-13", address=Address(province="110000", city="310100")),
    Form(opened_on="1700-01", address=Address(province="110000", city="110100")),
    Form(
        opened_on="2099-01",
        code=make_institution_code("45038862", "310101", "11", "A100", "1"),
        address=Address(province="110000", city="110100", district="110101"),
    ),
]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("form", BAD_FORMS)
def test_form_rules_read_in_english(form: Form, chinese_left: ChineseLeft) -> None:
    problems = form_problems(form, today=TODAY) + file_problems([])
    assert problems
    data = ["示例医院", "幸福路", "北京市东城区", "上海市黄浦区", "市辖区", *CLASS_NAMES]
    for problem in problems:
        english(problem.message, problem.code, chinese_left, data)


@pytest.mark.usefixtures("english")
def test_every_refusal_of_the_lifecycle_reads_in_english(chinese_left: ChineseLeft) -> None:
    for status in Status:
        for action in Action:
            english(refusal(status, action), "transition_not_allowed", chinese_left)


@pytest.mark.usefixtures("english")
def test_unknown_sentences_fall_back_on_their_code() -> None:
    assert received("服务器新加的一句话。", "too_many_files") == PROBLEM_SENTENCES["too_many_files"]
    assert received("服务器新加的一句话。", "admin.email_required") == "This field is required."
    assert received("服务器新加的一句话。", "no_such_code") == GENERAL_SENTENCE
    assert received("服务器新加的一句话。") == GENERAL_SENTENCE
    assert not IDEOGRAPH.search(GENERAL_SENTENCE)


def test_every_client_error_code_has_an_english_sentence() -> None:
    assert [code for code in ERROR_CLASSES if code_sentence(code) is None] == []
    assert not [line for line in PROBLEM_SENTENCES.values() if IDEOGRAPH.search(line)]


def test_chinese_shows_the_sentence_as_it_came() -> None:
    sentence = "没有编号为 ZZZZ-ZZZZ 的申请，请核对编号。"
    assert received(sentence, "not_found") == sentence
    assert received("服务器新加的一句话。", "not_found") == "服务器新加的一句话。"


@pytest.mark.usefixtures("english")
def test_status_sentences_translate_their_parts(chinese_left: ChineseLeft) -> None:
    # The status banner of a draft lists what is missing, by the domain's field labels.
    missing = "填写中：还差 5 项（医疗机构名称、开业日期、医疗机构代码、地址等）"
    assert received(missing) == (
        "Draft: 5 items missing (Institution, Opened, Inst. code, Address, etc.)"
    )
    assert received("变更资料：待审核，已提交 3 天") == (
        "Change of details: pending review, submitted 3 days ago"
    )
    lost = (
        "实时更新连接已断开，正在重新连接…"
        "（无法连接中央服务，请稍后重试；若持续出现请联系值班技术人员。）"
    )
    assert english(lost, None, chinese_left).startswith("Live updates were cut off")
