"""The seed's guidance at hand in the walk-through: under the form, for the field the operator is
on (name and 诊疗科目 as on the licence, 开业日期 a year and a month, where the guide video is),
in Chinese and in English, at 80×24."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from client import CentralAPI
from server.demo import DEMO_PHONES
from tests.tui.aftercare_hands import open_detail, settle
from tui import HotlineApp
from tui._i18n import set_language
from tui.screens.walkthrough import FORM, UPLOAD, WalkthroughScreen
from tui.widgets.field_guide import FieldGuide
from tui.widgets.uploads import upload_rules

Kiosk = Callable[[CentralAPI], HotlineApp]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]


async def _guide_after_focus(pilot: Pilot[Any], input_id: str) -> str:
    screen = pilot.app.screen
    screen.query_one(f"#{input_id}", Input).focus()
    await pilot.pause()
    guide = screen.query_one(FieldGuide)
    assert guide.display, input_id
    return str(guide.content)


async def _open_form_step(pilot: Pilot[Any], phone: str) -> WalkthroughScreen:
    await open_detail(pilot, phone)
    await pilot.press("f3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, WalkthroughScreen) and screen.step == FORM
    return screen


async def test_the_guide_follows_the_field_and_leaves_with_the_form(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_form_step(pilot, DEMO_PHONES["draft_incomplete"])
        name = await _guide_after_focus(pilot, "name")
        assert "以《医疗机构执业许可证》登记的内容为准" in name and "省级卫生健康" in name
        assert await _guide_after_focus(pilot, "subjects") == name
        assert "只填年和月" in await _guide_after_focus(pilot, "opened-month")
        assert "找回密码" in await _guide_after_focus(pilot, "admin-email")
        assert "操作指导视频" in await _guide_after_focus(pilot, "street")
        await pilot.press("f7")
        await settle(pilot)
        assert screen.step == UPLOAD
        assert not screen.query_one(FieldGuide).display


async def test_the_guide_reads_english(
    english: None, signed_in: CentralAPI, kiosk: Kiosk, chinese_left: ChineseLeft
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_form_step(pilot, DEMO_PHONES["draft_incomplete"])
        for input_id in ("name", "opened-year", "code-input", "admin-email", "street"):
            guide = await _guide_after_focus(pilot, input_id)
            assert guide and not chinese_left(guide, []), guide
        assert "licence" in await _guide_after_focus(pilot, "name")


def test_the_upload_rules_speak_the_seeds_words() -> None:
    rules = upload_rules()
    assert "《医疗机构执业许可证》盖章扫描件" in rules and "最多三份" in rules
    assert "合成一个 PDF" in rules and "5 MB" in rules
    set_language("en")
    try:
        assert "several pages" in upload_rules() and "one PDF" in upload_rules()
    finally:
        set_language("zh_CN")
