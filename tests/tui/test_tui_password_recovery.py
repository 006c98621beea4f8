"""找回密码 on the detail at 80×24, in Chinese and in English, against the real in-process API:
the timeline shows when a recovery email went out (to the masked address) and when its link
was used; E 找回密码 sends a fresh link, says when the next is allowed, and a second one at once
is refused with the wait."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import httpx
from textual.app import App

from client import CentralAPI
from server.demo import DEMO_PHONES
from tests.server.recovery_helpers import NEW_PASSWORD, RECOVERY, newest_link, token_of
from tests.tui.aftercare_hands import footer_keys, open_detail, settle, status_of
from tests.tui.test_tui_documents_resend import outbox_of
from tests.tui.test_tui_english_detail import application_data, event_data
from tui import HotlineApp
from tui.screens import ConfirmModal
from tui.widgets import TimelineSection

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]
PHONE = DEMO_PHONES["approved"]
LOGIN = "hqms_310107_0001"
EMAIL = "a***@hospital0006.example.com"  # the demo account's administrator, masked


async def recover_on_the_login_page(api_app: Any) -> None:
    """The institution asks for a link by its mobile, then sets a password with it."""
    transport = httpx.ASGITransport(app=api_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hqms.test") as page:
        asked = await page.post(RECOVERY, json={"login": PHONE})
        assert asked.status_code == 202, asked.text
        token = token_of(newest_link(api_app))
        used = await page.post(f"{RECOVERY}/{token}", json={"new_password": NEW_PASSWORD})
        assert used.status_code == 204, used.text


def timeline_text(app: HotlineApp) -> str:
    section = app.screen.query_one(TimelineSection)
    return "\n".join(str(label.render()) for label in section.query("Label"))


def shown(app: HotlineApp, screen_text: ScreenText) -> str:
    """The screen's text without spaces or line ends, so that a wrapped line reads whole."""
    return compact(screen_text(app))


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


async def test_the_timeline_shows_the_recovery_and_e_resends_it_within_the_limit(
    signed_in: CentralAPI,
    kiosk: Kiosk,
    demo_api_app: Any,
    database_url: str,
    screen_text: ScreenText,
) -> None:
    await recover_on_the_login_page(demo_api_app)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        timeline = timeline_text(app)
        assert f"登录页申请找回密码：账号 {LOGIN} 的找回密码链接已发到 {EMAIL}" in timeline
        assert f"机构账号 {LOGIN} 用找回密码邮件中的链接设置了新密码" in timeline
        assert "e" in footer_keys(pilot)
        await pilot.press("end")
        await pilot.pause()
        on_screen = shown(app, screen_text)
        assert compact(f"的找回密码链接已发到 {EMAIL}") in on_screen
        assert "用找回密码邮件中的链接设置了新密码" in on_screen
        assert "E找回^q退出" in on_screen  # the footer offers the resend, and fits 80 columns

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert any(EMAIL in line for line in app.screen.lines)
        await pilot.press("enter")
        await settle(pilot)
        said = status_of(app)
        assert said.startswith(f"找回密码邮件已发到 {EMAIL}。"), said
        assert "后可再重发，今天还可重发 2 次。" in said
        assert "重发找回密码邮件：" in timeline_text(app)
        [resent] = outbox_of(database_url, "password_recovery_resent")
        assert resent.channel == "email" and "{secret}" in resent.body

        await pilot.press("e", "enter")  # again at once: over the limit, with the wait
        await settle(pilot)
        assert status_of(app) == (
            "找回密码邮件刚刚重发过，每 10 分钟只能重发一次；请在 10 分钟后再重发。"
        )
        assert len(outbox_of(database_url, "password_recovery_resent")) == 1


async def test_the_recovery_reads_english(
    english: None,
    signed_in: CentralAPI,
    kiosk: Kiosk,
    demo_api_app: Any,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
) -> None:
    await recover_on_the_login_page(demo_api_app)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(pilot, PHONE)
        assert screen.application is not None
        timeline = timeline_text(app)
        assert f"a link for account {LOGIN} went to {EMAIL} (valid 30 minutes" in timeline
        assert f"Institution account {LOGIN} set a new password with the link" in timeline
        await pilot.press("end")
        await pilot.pause()
        on_screen = shown(app, screen_text)
        assert "ELink^qQuit" in on_screen and compact(f"went to {EMAIL}") in on_screen

        await pilot.press("e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        assert modal.title_text == "Resend the password recovery e-mail"
        modal_text = shown(app, screen_text)
        await pilot.press("enter")
        await settle(pilot)
        said = status_of(app)
        assert said.startswith(f"The password recovery e-mail went to {EMAIL}."), said
        assert "2 more resends today" in said
        await pilot.press("e", "enter")
        await settle(pilot)
        refused = status_of(app)
        assert "resend in 10 minutes" in refused.lower(), refused

        data = application_data(screen.application) + event_data(app)
        for text in (modal_text, shown(app, screen_text), timeline_text(app), said, refused):
            assert chinese_left(text, data) == [], text
