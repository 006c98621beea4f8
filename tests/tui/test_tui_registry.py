"""Institutions already in HQMS, at 80×24 in Chinese and in English: the lookup box takes an
institution's code (full, organization or credit code) and says at once whether it is in HQMS,
with the sentence to read out (the 前置机 instruction), and lists the code's applications and
accounts; the walk-through asks for the code before any SMS and stops there for such an
institution. Against the real in-process API seeded with the demo (its registry holds
`DEMO_HQMS_CODE`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Input

from client import CentralAPI
from docs.tools.demo_change import outbox_secrets, sms_code
from domain import credit_check_char, make_institution_code
from server.demo import DEMO_HQMS_CODE, DEMO_HQMS_NAME, DEMO_PHONES
from tests.tui.test_tui_walkthrough import settle, status_sentence, walkthrough
from tui import HotlineApp
from tui.screens import LookupScreen
from tui.screens._walk_reactions import IN_HQMS_STOP
from tui.screens.walkthrough import FORM, VERIFY
from tui.widgets import CodeField, HqmsVerdict, ResultsTable, VerifyPanel

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]

PHONE = "13800138555"
NEW_CODE = make_institution_code("31000001", "310101", "11", "A100", "1")
"""An institution the demo does not know: not in HQMS, no application."""


def credit_code(organization: str) -> str:
    body = "12" + "440104" + organization
    return body + credit_check_char(body)


def verdict_text(app: HotlineApp) -> str:
    return app.screen.query_one(HqmsVerdict).text


def no_sms_to(database_url: str, phone: str) -> bool:
    return outbox_secrets(database_url, recipient=phone, purpose="verification_code") == []


async def look_up(pilot: Pilot[None], typed: str) -> None:
    await pilot.press("escape", *typed, "enter")
    await settle(pilot)


def one_line(text: str) -> str:
    """The screen's text with its line breaks and padding taken out, to find wrapped sentences."""
    return "".join(text.split())


async def test_lookup_by_a_code_in_hqms_says_so_with_the_sentence_to_read_out(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_HQMS_CODE.lower())
        assert isinstance(app.screen, LookupScreen)
        said = verdict_text(app)
        assert said.startswith(f"HQMS 已对接机构：{DEMO_HQMS_NAME}")
        assert "无需申请新账号" in said and "下载使用新版前置机程序" in said
        assert "本系统还没有这家机构的账号。" in said
        assert status_sentence(app) == f"没有找到代码 {DEMO_HQMS_CODE} 的申请。"
        shown = one_line(screen_text(app))
        assert one_line(said) in shown, "the whole verdict is on screen at 80×24"
        assert app.calls.current is None, "a code starts no call record: calls are by phone"
        # The organization code alone, and the credit code that contains it, say the same.
        for number in (DEMO_HQMS_CODE[:9], credit_code(DEMO_HQMS_CODE[:9])):
            await look_up(pilot, number)
            assert verdict_text(app) == said, number


async def test_lookup_by_code_lists_every_application_and_account(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    [approved] = (await signed_in.search_applications(phone=DEMO_PHONES["approved"])).items
    assert approved.account is not None
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        for number in (approved.code, approved.code[:9], credit_code(approved.code[:9])):
            await look_up(pilot, number)
            said = verdict_text(app)
            assert "不在 HQMS 已对接机构名单中" in said, number
            assert f"本系统的账号：{approved.account.login_name}" in said
            results = app.screen.query_one(ResultsTable)
            assert results.display and results.row_count >= 1
            assert approved.id in [row.value for row in results.rows], number
            assert status_sentence(app).startswith("找到 ")
        assert app.focused is results, "even a single application is listed, to pick from"
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "DetailScreen"


async def test_a_number_that_names_no_institution_says_what_is_needed(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    body = "44010420001234567"
    registration_number = body + ("1" if credit_check_char(body) != "1" else "2")
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, registration_number)
        assert "省级登记号" in verdict_text(app)
        assert not app.screen.query(ResultsTable) or not app.screen.query_one(ResultsTable).display
        # A phone search afterwards clears the code's verdict.
        await look_up(pilot, DEMO_PHONES["unknown"])
        assert not app.screen.query_one(HqmsVerdict).display


async def test_the_walkthrough_stops_before_the_sms_for_an_institution_in_hqms(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*PHONE, "f3")
        await settle(pilot)
        screen = walkthrough(app)
        assert screen.step == VERIFY
        assert app.focused is screen.query_one("#verify-institution", Input), "the code first"
        await pilot.press("enter")  # nothing typed: the code is asked for, no SMS
        await settle(pilot)
        assert status_sentence(app).startswith("请先输入医疗机构代码")
        await pilot.press(*DEMO_HQMS_CODE, "enter")
        await settle(pilot)
        said = verdict_text(app)
        assert said.startswith(f"HQMS 已对接机构：{DEMO_HQMS_NAME}")
        assert "下载使用新版前置机程序" in said
        assert status_sentence(app) == IN_HQMS_STOP
        assert app.focused is screen.query_one("#verify-institution", Input)
        # Sending anyway (Enter in the phone field, or the button) stops at the same sentence.
        screen.query_one("#verify-phone", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        screen.query_one("#send-code", Button).press()
        await settle(pilot)
        assert status_sentence(app) == IN_HQMS_STOP
        assert verdict_text(app) == said
        assert no_sms_to(database_url, PHONE), "no SMS for an institution already in HQMS"
        assert screen.verification_id is None and screen.application is None
        assert one_line(said) in one_line(screen_text(app))


async def test_the_lookup_boxs_code_goes_to_the_walkthrough(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str
) -> None:
    """F3 on a code in the lookup box: 身份验证 starts with it (the phone is asked for)."""
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_HQMS_CODE)
        await pilot.press("f3")
        await settle(pilot)
        panel = walkthrough(app).query_one(VerifyPanel)
        assert (panel.institution_code, panel.phone) == (DEMO_HQMS_CODE, "")
        await pilot.press("enter")
        await settle(pilot)
        assert status_sentence(app) == IN_HQMS_STOP
        assert "前置机" in verdict_text(app)


async def test_a_new_institution_goes_on_and_its_code_reaches_the_form(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*PHONE, "f3")
        await settle(pilot)
        screen = walkthrough(app)
        await pilot.press(*NEW_CODE, "enter")
        await settle(pilot)
        assert "不在 HQMS 已对接机构名单中" in verdict_text(app)
        assert app.focused is screen.query_one("#verify-phone", Input), "on to the phone"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*sms_code(database_url, PHONE), "enter")
        await settle(pilot)
        assert screen.step == FORM and screen.application is not None
        assert screen.query_one(CodeField).value == NEW_CODE
        assert screen.form_editor.dirty, "typed at 身份验证, saved with the form (Ctrl+S)"


async def test_english_lookup_and_walkthrough_for_an_institution_in_hqms(
    english: None,
    signed_in: CentralAPI,
    kiosk: Kiosk,
    database_url: str,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
) -> None:
    data = [DEMO_HQMS_NAME, "演示接线员"]
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = screen_text(app)
        assert "Mobile/code" in shown and not chinese_left(shown, data)
        await look_up(pilot, DEMO_HQMS_CODE)
        said = verdict_text(app)
        assert said.startswith(f"Already in HQMS: {DEMO_HQMS_NAME}")
        assert "front-end processor" in said and "needs no new account" in said
        shown = screen_text(app)
        assert one_line(said) in one_line(shown)
        assert not chinese_left(shown, data), shown
        await pilot.press("escape", *PHONE, "f3")
        await settle(pilot)
        await pilot.press(*DEMO_HQMS_CODE, "enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "Inst. code" in shown and "Read the text below to the caller" in shown
        assert one_line(verdict_text(app)) in one_line(shown)
        assert "front-end processor" in verdict_text(app)
        assert not chinese_left(shown, data), shown
        walkthrough(app).query_one("#send-code", Button).press()
        await settle(pilot)
        assert no_sms_to(database_url, PHONE)
