"""M 变更资料 with a new data administrator, through approval, at 80×24 against a real
`hqms-desk serve` whose email and SMS go to the test's own SMTP server and SMS gateway.

An approved account exists (its initial password read from the approval email). The operator's
kiosk checks the caller (code to the registered phone, read off the gateway), opens the change
application, changes the administrator's mobile (verified on the new number), name and email,
uploads the stamped scans and submits; the reviewer's kiosk approves. The new administrator's
email carries a new initial password and an SMS says so; the old password no longer signs in,
the new one does. No screen ever shows a code or a password.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from client import CentralAPI, UnauthorizedError
from domain import FileKind, Kind, Status
from tests.conftest import valid_form
from tests.e2e.operator_hands import paste_into, pick, settle, status_of
from tests.e2e.running_api import OPERATOR, REVIEWER, Channels, screen_text, start_api, until
from tests.notification_servers import SmsGateway, SmtpServer
from tui import HotlineApp
from tui.screens import ChangeAdminMobileModal, ConfirmModal, DetailScreen, ReasonModal
from tui.screens.caller_check import CallerCheckModal
from tui.screens.walkthrough import FORM, STATUS, WalkthroughScreen
from tui.widgets import FormEditor

OLD_PHONE, OLD_EMAIL = "13800138481", "old.admin@example.com"
NEW_PHONE, NEW_EMAIL = "13900139481", "new.admin@example.com"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PASSWORD_LINE = re.compile(r"初始密码：(\S+)")
SCANS = (
    (FileKind.INFO_FORM, "信息收集"),
    (FileKind.CONSENT, "同意书"),
    (FileKind.LICENSE, "许可证"),
)
"""Each stamped scan, and what the operator types to find its kind in the list."""


@pytest.fixture
def channels() -> Iterator[Channels]:
    with SmtpServer() as smtp, SmsGateway() as gateway:
        yield Channels(smtp, gateway)


def texts_to(channels: Channels, phone: str) -> list[str]:
    return [str(sms["text"]) for sms in list(channels.gateway.received) if sms["phone"] == phone]


async def next_code(channels: Channels, phone: str, seen: int, pause: Any) -> str:
    """The code of the SMS after the first `seen` ones to `phone` (what the caller reads out)."""
    await until(lambda: len(texts_to(channels, phone)) > seen, pause, what=f"a code to {phone}")
    found = re.search(r"\b(\d{6})\b", texts_to(channels, phone)[seen])
    assert found, texts_to(channels, phone)[seen]
    return found[1]


def mail_to(channels: Channels, address: str, subject_part: str) -> EmailMessage | None:
    for message in list(channels.smtp.messages):
        if message["To"] == address and subject_part in str(message["Subject"]):
            return message
    return None


async def password_in_mail(channels: Channels, address: str, subject_part: str) -> str:
    await until(
        lambda: mail_to(channels, address, subject_part) is not None,
        asyncio.sleep,
        what=f"an email to {address} about {subject_part}",
    )
    message = mail_to(channels, address, subject_part)
    assert message is not None
    body = message.get_body(("plain",))
    assert body is not None
    found = PASSWORD_LINE.search(str(body.get_content()))
    assert found, "the email carries the initial password"
    return found[1]


async def approved_account(base_url: str, channels: Channels, tmp_path: Path) -> str:
    """Registration done over the API (the kiosk's part is tested elsewhere); returns the
    initial password of the approval email."""
    async with CentralAPI(base_url) as api:
        await api.login(OPERATOR.username, OPERATOR.password)
        started = await api.start_verification(OLD_PHONE, "register")
        code = await next_code(channels, OLD_PHONE, 0, asyncio.sleep)
        draft = await api.create_application(await api.confirm_verification(started.id, code))
        form = valid_form(481, phone=OLD_PHONE, legal_rep_phone="13700137481")
        form.admin.email = OLD_EMAIL
        await api.save_form(draft.id, form)
        for kind in FileKind:
            await api.upload_file(draft.id, kind, PDF, f"{kind.value}.pdf")
        await api.submit(draft.id)
    async with CentralAPI(base_url) as reviewer:
        await reviewer.login(REVIEWER.username, REVIEWER.password)
        await reviewer.get_application(draft.id)
        await reviewer.approve(draft.id)
    return await password_in_mail(channels, OLD_EMAIL, "账号已开通")


async def change_at_the_operators_kiosk(
    base_url: str, channels: Channels, tmp_path: Path, old_password: str
) -> tuple[str, str]:
    """变更资料 from the approved detail after the caller check, then the change's walk-through:
    new administrator (mobile verified on the new number, name, email), stamped scans,
    提交审核. Returns the change application's id and the account's."""
    async with CentralAPI(base_url) as api:
        app = HotlineApp(api, username=OPERATOR.username, password=OPERATOR.password)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: api.signed_in, pilot.pause, what="the operator signed in")
            await pilot.press(*OLD_PHONE, "enter")
            await settle(pilot)
            approved = app.screen
            assert isinstance(approved, DetailScreen)
            assert "变更资料" in screen_text(app).splitlines()[-1]

            seen = len(texts_to(channels, OLD_PHONE))
            await pilot.press("m")
            await settle(pilot)
            assert isinstance(app.screen, CallerCheckModal), "an account change checks the caller"
            await pilot.press("enter")  # 发送验证码: to the registered phone
            await settle(pilot)
            code = await next_code(channels, OLD_PHONE, seen, pilot.pause)
            assert code not in screen_text(app)
            await pilot.press(*code, "enter")
            await settle(pilot)

            assert isinstance(app.screen, ConfirmModal)
            assert "账号照常使用" in screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ReasonModal)
            await pilot.press(*"更换数据管理员", "enter")
            await until(lambda: app.screen is not approved, pilot.pause, what="the change opened")
            change = app.screen
            assert isinstance(change, DetailScreen), status_of(app)
            await until(lambda: change.application is not None, pilot.pause, what="change read")
            assert change.application is not None and change.application.kind is Kind.CHANGE
            async with CentralAPI(base_url) as institution:
                still = await institution.account_login(OLD_PHONE, old_password)
            assert still.account_id, "the account keeps working while the change is open"

            await pilot.press("f3")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, WalkthroughScreen)
            await until(
                lambda: screen.application is not None,
                pilot.pause,
                what=f"walk-through read ({status_of(app)})",
            )
            await pilot.press("f6")
            assert screen.step == FORM

            await pilot.press("f8")
            await pilot.pause()
            assert isinstance(app.screen, ChangeAdminMobileModal)
            await pilot.press(*NEW_PHONE, "enter")
            await settle(pilot)
            await pilot.press(*await next_code(channels, NEW_PHONE, 0, pilot.pause), "enter")
            await settle(pilot)
            assert app.screen is screen, status_of(app)
            editor = screen.query_one(FormEditor)
            editor.set_value("admin-name", "王新")
            editor.set_value("admin-email", NEW_EMAIL)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "已保存" in status_of(app), status_of(app)

            await pilot.press("f7")
            for kind, search in SCANS:
                scan = tmp_path / f"change-{kind.value}.pdf"
                scan.write_bytes(PDF)
                assert await pick(pilot, "scan-kind", search) is kind
                await paste_into(pilot, "scan-path", str(scan))
                await pilot.press("enter")
                await settle(pilot)
                assert "已上传" in status_of(app), status_of(app)
            await pilot.press("f7")
            assert screen.step == STATUS
            await pilot.click("#submit")
            await settle(pilot)
            assert screen.application is not None
            assert screen.application.status is Status.PENDING, status_of(app)
            return screen.application.id, still.account_id


async def approve_at_the_reviewers_kiosk(base_url: str, change_id: str) -> None:
    async with CentralAPI(base_url) as api:
        app = HotlineApp(api, username=REVIEWER.username, password=REVIEWER.password)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: api.signed_in, pilot.pause, what="the reviewer signed in")
            await pilot.pause()
            await pilot.press("f2")
            await settle(pilot)
            queue = app.screen.query_one("#queue", DataTable)
            assert [str(row.value) for row in queue.rows] == [change_id]
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("a")
            await settle(pilot)
            await pilot.press("enter")  # confirm what approval sets off
            await settle(pilot)
            approved = await api.get_application(change_id)
            assert approved.status is Status.APPROVED, status_of(app)


@pytest.mark.e2e
async def test_change_of_administrator_through_approval_resets_the_account(
    channels: Channels, tmp_path: Path
) -> None:
    with start_api(tmp_path, channels) as running:
        old_password = await approved_account(running.base_url, channels, tmp_path)
        change_id, account_id = await change_at_the_operators_kiosk(
            running.base_url, channels, tmp_path, old_password
        )
        await approve_at_the_reviewers_kiosk(running.base_url, change_id)

        new_password = await password_in_mail(channels, NEW_EMAIL, "数据管理员信息已变更")
        assert new_password != old_password
        await until(
            lambda: any("数据管理员信息已变更" in text for text in texts_to(channels, NEW_PHONE)),
            asyncio.sleep,
            what="the SMS to the new administrator",
        )
        assert all(new_password not in text for text in texts_to(channels, NEW_PHONE))
        async with CentralAPI(running.base_url) as institution:
            with pytest.raises(UnauthorizedError):
                await institution.account_login(OLD_PHONE, old_password)
            with pytest.raises(UnauthorizedError):
                await institution.account_login(NEW_PHONE, old_password)
            signed = await institution.account_login(NEW_PHONE, new_password)
        assert signed.account_id == account_id
        assert signed.must_change_password
