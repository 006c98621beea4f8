"""Messages in English: real problems from the in-process API and the domain's validators,
rendered by the kiosk from their codes and parameters (docs/messages.md).

Each case provokes the message for real (a wrong SMS code, a refused transition, a bad
query…) and checks the kiosk's sentence is the catalogue's English, with no Chinese left but
the application's own data, and that what people typed comes through untouched.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, date, datetime

import pytest

from client import ERROR_CLASSES, ApiError, ApiUnavailable, CentralAPI
from domain import (
    AccountRef,
    Action,
    Address,
    Admin,
    Application,
    FieldInvalid,
    Form,
    Kind,
    Message,
    Person,
    Problem,
    Review,
    Status,
    check_institution_code,
    file_problems,
    form_problems,
    make_institution_code,
    normalize_email,
    normalize_mobile,
    refusal,
    render,
)
from domain._code_tables import CATEGORY_CLASSES
from tests.tui.aftercare_hands import sms_code
from tui._said import (
    GENERAL_REFUSAL,
    api_error_sentence,
    domain_sentence,
    problem_sentence,
    status_words,
)
from tui.screens.detail import stream_lost_sentence

CLASS_NAMES = list(CATEGORY_CLASSES.values())
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]+")
NEW_PHONE = "13912345670"
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
ChineseLeft = Callable[[str, Iterable[str]], list[str]]


def english(shown: str, chinese_left: ChineseLeft, data: Iterable[str] = ()) -> str:
    """`shown` is English from the catalogue, with only data in Chinese."""
    assert shown, "nothing to show"
    assert "{" not in shown, f"a placeholder left: {shown!r}"
    assert not chinese_left(shown, data), shown
    return shown


def said(error: ApiError, chinese_left: ChineseLeft) -> str:
    """An API error's sentence, rendered by the kiosk from its code (not the server's)."""
    assert error.message is not None
    assert render("problem", error.message, "en") is not None, f"no entry for {error.code}"
    return english(api_error_sentence(error), chinese_left)


async def refused(call: Awaitable[object]) -> ApiError:
    with pytest.raises(ApiError) as caught:
        await call
    return caught.value


@pytest.mark.usefixtures("english")
async def test_api_problems_read_in_english(
    signed_in: CentralAPI, database_url: str, chinese_left: ChineseLeft
) -> None:
    missing = await refused(signed_in.get_application("ZZZZ-ZZZZ"))
    assert "ZZZZ-ZZZZ" in said(missing, chinese_left)

    bad_limit = await refused(signed_in.search_applications(q="医院", limit=0))
    assert said(bad_limit, chinese_left).startswith("Page size")

    started = await signed_in.start_verification(NEW_PHONE, "register")
    again = await refused(signed_in.start_verification(NEW_PHONE, "register"))
    assert isinstance(again, ERROR_CLASSES["verification_rate_limited"])
    assert "seconds" in said(again, chinese_left)

    right = sms_code(database_url, NEW_PHONE)
    wrong = "".join(str((int(digit) + 1) % 10) for digit in right)
    failed = await refused(signed_in.confirm_verification(started.id, wrong))
    assert "tries left" in said(failed, chinese_left)

    draft = await signed_in.create_application(
        await signed_in.confirm_verification(started.id, right)
    )
    amend = await refused(signed_in.amend(draft.id, "资料有误"))
    assert isinstance(amend, ERROR_CLASSES["transition_not_allowed"])
    assert "Amend" in said(amend, chinese_left)

    blocked = await refused(signed_in.submit(draft.id))
    assert isinstance(blocked, ERROR_CLASSES["submit_blocked"]) and blocked.errors
    said(blocked, chinese_left)
    for problem in blocked.errors:
        english(problem_sentence(problem), chinese_left)

    review = await refused(signed_in.approve(draft.id))
    said(review, chinese_left)


@pytest.mark.usefixtures("english")
async def test_a_wrong_sign_in_reads_in_english(
    central: CentralAPI, chinese_left: ChineseLeft
) -> None:
    wrong = await refused(central.login("nobody", "not-the-password"))
    assert said(wrong, chinese_left) == "The user name or password is not correct."


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
    english(domain_sentence(caught.value), chinese_left)


@pytest.mark.usefixtures("english")
def test_each_case_has_its_own_code_and_sentence() -> None:
    with pytest.raises(FieldInvalid) as short:
        normalize_mobile("1380013800")
    assert (short.value.code, short.value.params) == ("mobile_too_short", {"length": 10})
    assert domain_sentence(short.value) == "A mobile number has 11 digits; this one has only 10."
    with pytest.raises(FieldInvalid) as long:
        normalize_mobile("138001380001")
    assert domain_sentence(long.value) == "A mobile number has 11 digits; this one has 12."
    with pytest.raises(FieldInvalid) as caught:
        normalize_email("zhang.example.com")
    assert domain_sentence(caught.value) == (
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
        english(problem_sentence(problem), chinese_left, [*data, *CLASS_NAMES])


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
        english(problem_sentence(problem), chinese_left, data)


@pytest.mark.usefixtures("english")
def test_every_refusal_of_the_lifecycle_reads_in_english(chinese_left: ChineseLeft) -> None:
    for status in Status:
        for action in Action:
            shown = render("problem", refusal(status, action), "en")
            assert shown is not None
            english(shown, chinese_left)


@pytest.mark.usefixtures("english")
def test_an_unknown_code_falls_back_on_the_servers_sentence_then_a_general_one() -> None:
    newer = ApiError(Message(code="added_by_a_newer_server"), detail="A newer server's words.")
    assert api_error_sentence(newer) == "A newer server's words."
    assert api_error_sentence(ApiError(Message(code="added_by_a_newer_server"))) == (
        "The central service could not complete this operation."
    )
    unknown = Problem(field="name", code="added_by_a_newer_server")
    assert problem_sentence(unknown) == (
        "The central service could not complete this request; please check and try again."
    )
    assert not IDEOGRAPH.search(problem_sentence(unknown))
    assert GENERAL_REFUSAL == "中央服务未能完成这个请求，请核对后重试。"


@pytest.mark.usefixtures("english")
def test_every_client_error_has_an_english_sentence(chinese_left: ChineseLeft) -> None:
    for cls in {*ERROR_CLASSES.values(), ApiUnavailable}:
        english(api_error_sentence(cls()), chinese_left)


def _application(status: Status, **changes: object) -> Application:
    form = Form(name="示例医院")
    return Application(
        id="HQ7K-M2XP",
        kind=Kind.NEW,
        status=status,
        revision=1,
        form=form,
        created_at=NOW,
        updated_at=NOW,
        submitted_at=NOW,
    ).model_copy(update=changes)


@pytest.mark.usefixtures("english")
def test_what_people_typed_passes_through_untouched() -> None:
    """The issue's reproductions: a reason or a login name that happens to be one of our words
    stays as typed; nothing is parsed, so spacing cannot matter."""
    rejected = _application(Status.REJECTED, review=Review(reason="修改"))
    assert status_words(rejected, now=NOW) == "Rejected: 修改"
    approved = _application(Status.APPROVED, account=AccountRef(id="1", login_name="待审核"))
    assert status_words(approved, now=NOW) == "Approved, login name 待审核"
    spaced = _application(Status.REJECTED, review=Review(reason="待审核，已提交 3天"))
    assert status_words(spaced, now=NOW) == "Rejected: 待审核，已提交 3天"


@pytest.mark.usefixtures("english")
def test_the_status_line_names_its_parts_in_english() -> None:
    draft = _application(Status.DRAFT, submitted_at=None)
    assert status_words(draft, now=NOW) == (
        "Draft: 8 items missing (Opened, Inst. code, Address, Legal rep., etc.)"
    )
    change = _application(Status.PENDING, kind=Kind.CHANGE)
    assert status_words(change, now=NOW) == "Change of details: Pending review, submitted today"
    assert stream_lost_sentence(ApiUnavailable()) == (
        "Live updates disconnected; reconnecting… "
        "(Cannot reach the central service; please try again later.)"
    )
