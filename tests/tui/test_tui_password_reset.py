"""P 重置密码 at 80×24 against the real in-process API: the limit first, a `reset_password` code
to the account's REGISTERED phone (the operator types no number), the caller reads it back, and
the new temporary password goes to the administrator — never to the screen. The code is the
caller check for this action: no other check is asked first.

The kiosk runs on the real clock here: the reset limit is counted on the server's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from textual.app import App
from textual.widgets import Static

from client import CentralAPI
from domain import Delivery, mask_phone
from tests.tui.aftercare_hands import (
    modal_sentence,
    newest_secret,
    open_detail,
    settle,
    sms_code,
    status_of,
)
from tui import HotlineApp
from tui.screens import DetailScreen
from tui.screens.reset_password import ResetPasswordModal, limit_sentence

ScreenText = Callable[[App[Any]], str]
PHONE = "13800138451"
ADMIN_EMAIL = "zhangxiaomei@example.com"  # the factory's administrator


def limit_text(app: HotlineApp) -> str:
    return str(app.screen.query_one("#limit", Static).content)


async def open_reset(pilot: Any) -> ResetPasswordModal:
    await pilot.press("p")
    await settle(pilot)
    modal = pilot.app.screen
    assert isinstance(modal, ResetPasswordModal), type(modal)
    return modal


async def test_reset_after_the_registered_phone_read_back_and_no_password_on_screen(
    signed_in: CentralAPI, make_application: Any, database_url: str, screen_text: ScreenText
) -> None:
    application_id = make_application(status="approved", phone=PHONE)
    app = HotlineApp(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, PHONE)
        assert detail.application is not None and detail.application.account is not None
        login_name = detail.application.account.login_name

        modal = await open_reset(pilot)  # no caller check first: the reset's own code is it
        limit = limit_text(app)
        assert "z***@example.com" in limit and mask_phone(PHONE) in limit, limit
        assert "今天还可重置 3 次" in limit, limit

        await pilot.press("enter")  # 发送验证码 has the focus
        await settle(pilot)
        assert f"登记的手机号 {mask_phone(PHONE)}" in modal.sent_text
        code = sms_code(database_url, PHONE)  # the registered phone got it
        assert code not in screen_text(app)

        wrong = f"{(int(code) + 1) % 1_000_000:06d}"
        await pilot.press(*wrong, "enter")
        await settle(pilot)
        assert app.screen is modal and "还可以再试 4 次" in modal_sentence(pilot)

        await pilot.press(*code, "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        said = status_of(app)
        assert said == (
            f"新的临时密码已发到 z***@example.com，短信已通知 {mask_phone(PHONE)}；"
            "对方首次登录需修改密码。"
        )
        password = newest_secret(
            database_url, recipient=ADMIN_EMAIL, purpose="password_reset", name="secret"
        )
        shown = screen_text(app)
        assert password not in shown and code not in shown

        await open_reset(pilot)  # the limit now says when the next reset may be done
        assert "刚重置过" in limit_text(app) and "后才能再次重置" in limit_text(app)
        await pilot.press("escape")
        await settle(pilot)

    signed = await signed_in.account_login(login_name, password)
    assert signed.must_change_password
    events = (await signed_in.get_events(application_id)).items
    assert [e.action for e in events].count("password_reset") == 1
    assert all(password not in e.detail for e in events)


def test_the_limit_says_what_a_reset_may_do_now() -> None:
    now = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    allowed = Delivery(email="z***@a.cn", phone="138****8000", resend_after=now, remaining_today=2)
    assert limit_sentence(allowed, now).endswith("今天还可重置 2 次。")
    waiting = allowed.model_copy(update={"resend_after": now + timedelta(minutes=7)})
    assert "刚重置过：10:07 后才能再次重置" in limit_sentence(waiting, now)
    skewed = allowed.model_copy(update={"resend_after": now + timedelta(seconds=20)})
    assert limit_sentence(skewed, now).endswith("今天还可重置 2 次。"), "clocks differ a little"
    spent = allowed.model_copy(update={"remaining_today": 0})
    assert "今天的重置次数已用完" in limit_sentence(spent, now)
    assert "z***@a.cn" in limit_sentence(spent, now) and "138****8000" in limit_sentence(spent, now)
