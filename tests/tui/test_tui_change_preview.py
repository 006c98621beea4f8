"""Approving a 变更资料 application at 80×24 against the real in-process API: the reviewer's
confirmation says which fields change (before → after, masked) and, with a new administrator,
that the password is reset and who gets the new one — then the approval goes through."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from textual.app import App
from textual.widgets import DataTable

from client import CentralAPI
from docs.tools.demo_change import (
    CHANGED_NAME,
    NEW_ADMIN_EMAIL,
    NEW_ADMIN_MOBILE,
    submit_change_with_a_new_administrator,
)
from domain import AccountRef, Application, ChangePreview, FieldChange, Kind, Status
from server.demo import DEMO_OPERATORS
from tests.conftest import valid_form
from tests.tui.aftercare_hands import settle, status_of
from tui import HotlineApp
from tui.screens import ConfirmModal, ReviewQueueScreen, ReviewScreen
from tui.screens._approval_words import MOST_CHANGES_SHOWN, change_consequences

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]
REVIEWER = DEMO_OPERATORS[1]


async def test_the_reviewer_sees_what_changes_and_the_reset_before_approving(
    central: CentralAPI, kiosk: Kiosk, database_url: str, screen_text: ScreenText
) -> None:
    change_id = await submit_change_with_a_new_administrator(central, database_url)
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*REVIEWER.username, "enter", *REVIEWER.password, "enter")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        table = app.screen.query_one("#queue", DataTable)
        queued = [str(row.value) for row in table.rows]
        await pilot.press(*["down"] * queued.index(change_id), "enter")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.application_id == change_id

        await pilot.press("a")
        await settle(pilot)
        confirm = app.screen
        assert isinstance(confirm, ConfirmModal)
        shown = screen_text(app)
        assert "医疗机构名称：" in shown and f"→ {CHANGED_NAME}" in shown, shown
        assert "管理员手机：138****8007 → 139****9007" in shown, shown
        assert "→ w***@example.com" in shown and "数据管理员：" in shown and "→ 王*" in shown
        assert "账号密码将被重置，旧密码和已登录的会话立即失效" in shown
        assert "变更了数据管理员、管理员手机、管理员邮箱：" in shown, shown
        assert "新的初始密码发邮件给 w***@example.com" in shown
        assert "短信通知 139****9007" in shown
        assert NEW_ADMIN_MOBILE not in shown and NEW_ADMIN_EMAIL not in shown, (
            "contacts stay masked"
        )
        assert "确认通过" in shown, "the buttons fit on 24 rows"

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        assert "已通过" in status_of(app)

    approved = await central.get_application(change_id)
    assert approved.status is Status.APPROVED
    assert approved.account is not None and approved.form.admin.mobile == "139****9007"


async def _open_the_approval(
    app: HotlineApp, pilot: Any, change_id: str
) -> tuple[ReviewScreen, ConfirmModal]:
    """As the reviewer: F2, the change in the queue, A (its confirmation open)."""
    await pilot.press(*REVIEWER.username, "enter", *REVIEWER.password, "enter")
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    table = app.screen.query_one("#queue", DataTable)
    queued = [str(row.value) for row in table.rows]
    await pilot.press(*["down"] * queued.index(change_id), "enter")
    await settle(pilot)
    review = app.screen
    assert isinstance(review, ReviewScreen)
    await pilot.press("a")
    await settle(pilot)
    confirm = app.screen
    assert isinstance(confirm, ConfirmModal)
    return review, confirm


async def test_the_reset_and_what_triggers_it_read_english(
    english: None,
    central: CentralAPI,
    kiosk: Kiosk,
    database_url: str,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
) -> None:
    change_id = await submit_change_with_a_new_administrator(central, database_url)
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        review, _ = await _open_the_approval(app, pilot, change_id)
        shown = screen_text(app)
        flat = " ".join(shown.split())
        assert "· changes Data administrator, Admin mobile, Admin e-mail:" in flat, shown
        assert "the password is reset; the old one and open sessions stop at once;" in flat
        assert "· the new first password is emailed to w***@example.com," in flat, shown
        assert "an SMS tells 139****9007 to check the email." in flat, shown
        assert "Confirm approval" in shown or "Approve" in shown, "the buttons fit on 24 rows"
        assert review.application is not None
        changes = await central.change_preview(change_id)
        data = [
            review.application.form.name,
            *(value for change in changes.changes for value in (change.before, change.after)),
        ]
        assert not chinese_left(shown, data), shown


def _preview(
    changes: list[FieldChange], *, admin_changed: bool, admin_fields: list[str] | None = None
) -> ChangePreview:
    return ChangePreview(
        application_id="C001-TEST",
        account=AccountRef(id="AC000001", login_name="hqms_440104_0001"),
        changes=changes,
        admin_changed=admin_changed,
        admin_fields=admin_fields or [],
        notify_email="z***@example.com",
        notify_phone="139****0000" if admin_changed else "",
    )


def _change_application() -> Application:
    form = valid_form(1, phone="13800138000", legal_rep_phone="13900139000")
    return Application.model_validate(
        {
            "id": "C001-TEST",
            "kind": Kind.CHANGE,
            "status": Status.PENDING,
            "form": form.model_dump(mode="json"),
            "created_at": datetime(2026, 11, 2, tzinfo=UTC),
            "updated_at": datetime(2026, 11, 2, tzinfo=UTC),
            "revision": 3,
        }
    )


def test_the_same_administrator_keeps_the_password() -> None:
    change = FieldChange(field="address.street", before="德政北路 1 号", after="德政北路 2 号")
    lines = change_consequences(_change_application(), _preview([change], admin_changed=False))
    text = "\n".join(lines)
    assert "账号 hqms_440104_0001" in lines[0]
    assert "地址（街道）：德政北路 1 号 → 德政北路 2 号" in text
    assert "数据管理员不变：账号密码不变" in text and "z***@example.com" in text
    assert "重置" not in text and "短信" not in text


def test_nothing_changing_is_said_and_a_long_list_is_cut() -> None:
    application = _change_application()
    nothing = "\n".join(change_consequences(application, _preview([], admin_changed=True)))
    assert "没有字段会改变" in nothing and "账号密码将被重置" in nothing
    assert "短信通知 139****0000" in nothing
    many = [FieldChange(field="subjects", before=str(n), after=str(n + 1)) for n in range(12)]
    lines = change_consequences(application, _preview(many, admin_changed=False))
    assert sum("诊疗科目：" in line for line in lines) == MOST_CHANGES_SHOWN
    assert any(f"另有 {12 - MOST_CHANGES_SHOWN} 项" in line for line in lines)


def test_a_corrected_email_alone_resets_and_says_which_field() -> None:
    change = FieldChange(field="admin.email", before="z***@example.com", after="z***@example.org")
    preview = _preview([change], admin_changed=True, admin_fields=["admin.email"])
    text = "\n".join(change_consequences(_change_application(), preview))
    assert "· 变更了管理员邮箱：\n  账号密码将被重置，旧密码和已登录的会话立即失效；" in text
    assert "· 新的初始密码发邮件给 z***@example.com，" in text
    assert "短信通知 139****0000 查收邮件" in text and "数据管理员不变" not in text
