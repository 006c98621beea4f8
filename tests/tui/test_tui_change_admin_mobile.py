"""更换管理员手机 from the walk-through's 填写资料, at 80×24 against the real in-process API.

The SMS codes are read from the outbox's `secrets` column (the test's view of the caller's
phones); the screen must never show them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerFailed

from client import (
    CentralAPI,
    VerificationFailedError,
    VerificationGoneError,
    VerificationRateLimitedError,
)
from docs.tools.demo_change import outbox_secrets, sms_code
from domain import mask_phone
from tui import HotlineApp
from tui.screens import ChangeAdminMobileModal
from tui.screens.change_admin_mobile import change_failure_sentence
from tui.screens.walkthrough import FORM, WalkthroughScreen
from tui.widgets import FormEditor, PhoneInput, StatusLine

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
OLD_PHONE = "13800138555"
NEW_PHONE = "13900139666"


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def draft_at_form_step(pilot: Pilot[None], database_url: str) -> WalkthroughScreen:
    """新申请 for OLD_PHONE through the kiosk's 身份验证: the walk-through opens at 填写资料."""
    await pilot.press(*OLD_PHONE, "f3")
    await settle(pilot)
    await pilot.press(*"310000014", "enter")  # an organization code the registry does not know
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press(*sms_code(database_url, OLD_PHONE), "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, WalkthroughScreen) and screen.step == FORM
    return screen


async def open_modal(pilot: Pilot[None]) -> ChangeAdminMobileModal:
    await pilot.press("f8")
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, ChangeAdminMobileModal), type(modal)
    return modal


async def send_code_to(pilot: Pilot[None], phone: str) -> None:
    await pilot.press(*phone, "enter")
    await settle(pilot)


def shown_mobile(screen: WalkthroughScreen) -> str:
    return str(screen.query_one("#admin-mobile", Static).content)


def modal_sentence(modal: ChangeAdminMobileModal) -> str:
    return modal.query_one("#modal-status", StatusLine).sentence


async def test_the_new_number_is_verified_then_shown_and_typed_edits_stay(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await draft_at_form_step(pilot, database_url)
        assert screen.application is not None
        application_id, revision = screen.application.id, screen.application.revision
        assert mask_phone(OLD_PHONE) in shown_mobile(screen)
        screen.query_one(FormEditor).set_value("admin-name", "王芳")
        await pilot.pause()

        modal = await open_modal(pilot)
        await send_code_to(pilot, OLD_PHONE)
        assert "相同" in modal_sentence(modal)
        assert (
            outbox_secrets(database_url, recipient=OLD_PHONE, purpose="verification_code")[1:] == []
        )

        modal.query_one("#new-mobile", PhoneInput).clear()
        await send_code_to(pilot, NEW_PHONE)
        code = sms_code(database_url, NEW_PHONE)
        assert mask_phone(NEW_PHONE) in str(modal.query_one("#sent", Static).content)
        assert "秒后可重发" in screen_text(app)
        assert code not in screen_text(app)
        await pilot.press(*code)
        await pilot.press("enter")
        await settle(pilot)

        assert app.screen is screen
        assert mask_phone(NEW_PHONE) in shown_mobile(screen)
        assert mask_phone(NEW_PHONE) in screen_text(app)
        assert code not in screen_text(app)
        editor = screen.query_one(FormEditor)
        assert editor.value_of("admin-name") == "王芳" and editor.dirty
        assert screen.application is not None and screen.application.revision > revision
        changed = await signed_in.get_application(application_id)
        assert changed.form.admin.mobile == mask_phone(NEW_PHONE)
        assert outbox_secrets(database_url, recipient=OLD_PHONE, purpose="admin_changed"), (
            "the old number is told"
        )

        await pilot.press("ctrl+s")  # the kept edits save on the new revision
        await settle(pilot)
        assert "已保存" in screen.query_one("#status", StatusLine).sentence
        saved = await signed_in.get_application(application_id)
        assert saved.form.admin.mobile == mask_phone(NEW_PHONE)
        assert saved.form.admin.name.startswith("王")


async def test_a_wrong_code_says_the_tries_left_and_changes_nothing(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await draft_at_form_step(pilot, database_url)
        assert screen.application is not None
        before = await signed_in.get_application(screen.application.id)

        modal = await open_modal(pilot)
        await send_code_to(pilot, NEW_PHONE)
        code = sms_code(database_url, NEW_PHONE)
        wrong = f"{(int(code) + 1) % 1_000_000:06d}"
        await pilot.press(*wrong, "enter")
        await settle(pilot)

        assert app.screen is modal
        assert "还可以再试 4 次" in modal_sentence(modal)
        assert code not in screen_text(app)
        after = await signed_in.get_application(screen.application.id)
        assert after.revision == before.revision
        assert after.form.admin.mobile == mask_phone(OLD_PHONE)

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert mask_phone(OLD_PHONE) in shown_mobile(screen)


async def test_a_change_made_meanwhile_is_read_and_the_verification_still_counts(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await draft_at_form_step(pilot, database_url)
        assert screen.application is not None
        application_id = screen.application.id

        modal = await open_modal(pilot)
        await send_code_to(pilot, NEW_PHONE)
        meanwhile = await signed_in.get_application(application_id)
        renamed = meanwhile.form.model_copy(update={"name": "另一位接线员刚保存的名称"})
        await signed_in.save_form(application_id, renamed, revision=meanwhile.revision)
        await pilot.press(*sms_code(database_url, NEW_PHONE), "enter")
        await settle(pilot)
        assert app.screen is modal
        assert "已读取最新版本" in modal_sentence(modal)
        stale = await signed_in.get_application(application_id)
        assert stale.form.admin.mobile == mask_phone(OLD_PHONE)

        await pilot.press("enter")  # 确认更换 again, with the token the server did not use
        await settle(pilot)
        assert app.screen is screen
        assert mask_phone(NEW_PHONE) in shown_mobile(screen)


def test_failure_sentences_name_what_is_wrong() -> None:
    wrong = VerificationFailedError()
    wrong.tries_left = 2
    assert "还可以再试 2 次" in change_failure_sentence(wrong)
    wrong.tries_left = 0
    assert "重新向新号码发送" in change_failure_sentence(wrong)
    limited = VerificationRateLimitedError()
    limited.retry_after = 42
    assert "42 秒" in change_failure_sentence(limited)
    limited.retry_after = 20_000
    assert change_failure_sentence(limited) == "验证码发送过于频繁，请稍后再发送。"
    assert "过期" in change_failure_sentence(VerificationGoneError())
