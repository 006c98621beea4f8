"""D 文件 and S 重发 at 80×24 against the real in-process API: both documents re-rendered and
emailed to the administrator or saved into `HQMS_DOWNLOAD_DIR`; the approval or rejection
notice sent again — each in the delivery history, each within its limit, which the operator
is told when it is reached."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from textual.app import App

from client import CentralAPI
from server.storage.tables import outbox
from tests.tui.aftercare_hands import footer_keys, open_detail, settle, status_of
from tui import HotlineApp
from tui.screens import ConfirmModal
from tui.screens.call_modals import DocumentsModal
from tui.widgets import NotificationsSection

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
PHONE = "13800138471"
ADMIN_EMAIL = "zhangxiaomei@example.com"  # the factory's administrator


def outbox_of(database_url: str, purpose: str) -> list[Any]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return list(
                connection.execute(
                    select(outbox).where(outbox.c.purpose == purpose).order_by(outbox.c.id)
                ).all()
            )
    finally:
        engine.dispose()


def delivery_history(app: HotlineApp) -> str:
    section = app.screen.query_one(NotificationsSection)
    return "\n".join(str(label.render()) for label in section.query("Label"))


async def test_documents_are_emailed_or_saved_where_the_setting_says(
    signed_in: CentralAPI,
    kiosk: Kiosk,
    make_application: Any,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HQMS_DOWNLOAD_DIR", str(tmp_path / "documents"))
    application_id = make_application(status="pending", phone=PHONE)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DocumentsModal)
        await pilot.press("enter")  # 发送到管理员邮箱 has the focus
        await settle(pilot)
        said = status_of(app)
        assert said.startswith("两份文件已发送到数据管理员邮箱 z***@example.com"), said
        assert "今天还可再发送" in said
        [sent] = outbox_of(database_url, "documents")
        assert sent.recipient == ADMIN_EMAIL
        assert "申请文件" in delivery_history(app)

        await pilot.press("d")
        await pilot.pause()
        folder = tmp_path / "documents" / application_id
        await pilot.click("#save-local")  # the folder shown is HQMS_DOWNLOAD_DIR/<id>
        await settle(pilot)
        assert str(folder) in status_of(app)
        saved = sorted(path.name for path in folder.glob("*.pdf"))
        assert saved == ["信息收集表.pdf", "系统使用须知及同意书.pdf"]
        assert all((folder / name).read_bytes().startswith(b"%PDF-") for name in saved)


async def test_the_rejection_notice_is_resent_then_the_limit_is_said(
    signed_in: CentralAPI, kiosk: Kiosk, make_application: Any, database_url: str
) -> None:
    make_application(status="rejected", phone=PHONE, review_reason="许可证扫描件不清晰")
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        assert "s" in footer_keys(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")
        await settle(pilot)
        assert status_of(app) == ("审核不通过通知已重发到 z***@example.com；今天还可重发 2 次。")
        [email] = outbox_of(database_url, "rejection_resent")
        assert "许可证扫描件不清晰" in email.body
        assert "重发审核不通过通知" in delivery_history(app)

        await pilot.press("s", "enter")  # again at once: over the limit
        await settle(pilot)
        refused = status_of(app)
        assert "重发" in refused and any(char.isdigit() for char in refused), refused
        assert len(outbox_of(database_url, "rejection_resent")) == 1


async def test_the_approval_notice_is_resent_without_any_password(
    signed_in: CentralAPI, kiosk: Kiosk, make_application: Any, database_url: str
) -> None:
    make_application(status="approved", phone=PHONE)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")
        await settle(pilot)
        said = status_of(app)
        assert said.startswith("开通通知已重发到 z***@example.com，短信已提醒 138****8471"), said
        assert "不含密码" in said
    resent = outbox_of(database_url, "approval_resent")
    assert {row.channel for row in resent} == {"email", "sms"}
    assert all(not row.secrets for row in resent)
    assert all("初始密码：" not in (row.body or "") for row in resent)
