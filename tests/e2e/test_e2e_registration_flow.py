"""The whole registration flow through the kiosk (80×24) against a real `hqms-desk serve`.

An operator's kiosk verifies the caller's phone (the code read off the test's own SMS gateway,
which plays the phone), fills the form, saves the two documents, uploads three scans and
submits; a reviewer's kiosk approves; the test's SMTP server receives the approval email, the
institution signs in with what it says, and the outbox (read straight from the database) keeps
no password. Keys and clicks as an operator would use them; waits are conditions with deadlines.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sqlite3
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from client import CentralAPI
from domain import FileKind, Status, make_institution_code
from tests.e2e.operator_hands import (
    choose,
    focused_id,
    paste_into,
    pick,
    settle,
    status_of,
    type_field,
)
from tests.e2e.running_api import (
    OPERATOR,
    REVIEWER,
    Channels,
    RunningApi,
    screen_text,
    start_api,
    until,
)
from tui import HotlineApp
from tui.screens import ConfirmModal, ReviewQueueScreen, ReviewScreen
from tui.screens.walkthrough import FORM, STATUS, UPLOAD, VERIFY, WalkthroughScreen
from tui.widgets import DocumentCheckSection, StatusBanner, is_file_problem

PHONE = "13800138666"
MASKED_PHONE = "138****8666"
ADMIN_EMAIL = "wangfang@example.com"
INSTITUTION_CODE = make_institution_code("45038861", "440104", "11", "A100", "1")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
SCANS = (
    (FileKind.INFO_FORM, "信息收集", "info-form.pdf", PDF),
    (FileKind.CONSENT, "同意书", "consent.jpg", JPEG),
    (FileKind.LICENSE, "许可证", "license.pdf", PDF),
)
"""Kind, what the operator types to find it in the list, the caller's file, its bytes."""
FLOW_BUDGET_SECONDS = 600.0
"""A hang guard: the flow takes about 25 s on an idle 2-core machine (printed above)."""


def sms_texts(channels: Channels, phone: str) -> list[str]:
    return [str(sms["text"]) for sms in list(channels.gateway.received) if sms["phone"] == phone]


async def fill_the_form(pilot: Pilot[None]) -> None:
    """Every field, in the order the caller reads them, Enter moving from one to the next."""
    await type_field(pilot, "name", "广州市越秀区示范医院")
    await type_field(pilot, "opened-year", "2003")
    await type_field(pilot, "opened-month", "7")
    await type_field(pilot, "code-input", INSTITUTION_CODE)
    assert await choose(pilot, "province", "广东") == "440000"
    await pilot.press("tab")
    assert await choose(pilot, "city", "广州") == "440100"
    await pilot.press("tab")
    assert await choose(pilot, "district", "越秀") == "440104"
    await pilot.press("tab")
    await type_field(pilot, "street", "中山路 9 号")
    await type_field(pilot, "subjects", "内科、外科、儿科")
    await type_field(pilot, "legal-rep-name", "李明")
    await type_field(pilot, "legal-rep-mobile", "13900139666")
    await type_field(pilot, "admin-name", "王芳")
    await type_field(pilot, "admin-email", ADMIN_EMAIL)


async def register_at_the_operators_kiosk(
    api: RunningApi, channels: Channels, tmp_path: Path
) -> str:
    """Kiosk #1: 身份验证 → 填写资料 → 上传文件 → 提交审核; returns the application's id."""
    async with CentralAPI(api.base_url) as central:
        app = HotlineApp(central, username=OPERATOR.username, password=OPERATOR.password)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: central.signed_in, pilot.pause, what="the operator signed in")

            # 身份验证: the caller's number on the lookup screen, F3 新申请, the institution's
            # code (not in HQMS: the step goes on), 发送验证码.
            await pilot.press(*PHONE, "f3")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, WalkthroughScreen) and screen.step == VERIFY
            await pilot.press(*INSTITUTION_CODE[:9], "enter")
            await settle(pilot)
            await pilot.click("#send-code")
            await settle(pilot)
            await until(lambda: bool(sms_texts(channels, PHONE)), pilot.pause, what="code SMS")
            [code_sms] = sms_texts(channels, PHONE)
            found = re.search(r"\b(\d{6})\b", code_sms)
            assert found, "the SMS carries a 6-digit code"
            code = found[1]
            shown = screen_text(app)
            assert MASKED_PHONE in shown
            assert code not in shown, "the operator's screen must never show the SMS code"
            assert focused_id(app) == "verify-code"
            await pilot.press(*code, "enter")  # the caller reads it out; the operator types it
            await settle(pilot)
            assert screen.application is not None and screen.step == FORM, status_of(app)
            assert code not in screen_text(app)
            application_id = screen.application.id

            # 填写资料, then Ctrl+S.
            await until(lambda: focused_id(app) == "name", pilot.pause, what="name focused")
            await fill_the_form(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "已保存" in status_of(app), status_of(app)
            left = [p for p in screen.application.problems if not is_file_problem(p)]
            assert [p for p in left if not p.warning] == [], left

            # 上传文件: save both documents for the caller, then upload the stamped scans.
            await pilot.press("f7")
            assert screen.step == UPLOAD
            documents = tmp_path / "documents"
            await paste_into(pilot, "documents-dir", str(documents))
            await pilot.click("#download")
            await settle(pilot)
            assert "两份文件已保存" in status_of(app), status_of(app)
            saved = sorted(documents.glob("*.pdf"))
            assert len(saved) == 2 and all(p.read_bytes().startswith(b"%PDF-") for p in saved)
            for kind, search, filename, content in SCANS:
                (tmp_path / filename).write_bytes(content)
                assert await pick(pilot, "scan-kind", search) is kind
                await paste_into(pilot, "scan-path", str(tmp_path / filename))
                await pilot.press("enter")
                await settle(pilot)
                assert "已上传" in status_of(app), status_of(app)
            assert {f.kind for f in screen.application.files} == set(FileKind)
            assert screen.query_one("#scans", DataTable).row_count == 3
            assert "三份文件已齐" in screen_text(app)

            # 审批状态: 提交审核.
            await pilot.press("f7")
            assert screen.step == STATUS
            await until(lambda: focused_id(app) == "submit", pilot.pause, what="submit focused")
            await pilot.press("enter")
            await settle(pilot)
            assert screen.application.status is Status.PENDING, status_of(app)
            banner = screen.query_one("#walk-banner", StatusBanner).sentence
            assert banner.startswith("待审核"), banner
            assert "待审核" in screen_text(app)
        return application_id


async def approve_at_the_reviewers_kiosk(api: RunningApi, application_id: str) -> str:
    """Kiosk #2: F2 审核队列 → the application → A 通过 → confirm; returns the login name."""
    async with CentralAPI(api.base_url) as central:
        app = HotlineApp(central, username=REVIEWER.username, password=REVIEWER.password)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: central.signed_in, pilot.pause, what="the reviewer signed in")
            await pilot.pause()
            await pilot.press("f2")
            await settle(pilot)
            assert isinstance(app.screen, ReviewQueueScreen)
            queue = app.screen.query_one("#queue", DataTable)
            assert [str(row.value) for row in queue.rows] == [application_id]
            await pilot.press("enter")
            await settle(pilot)
            review = app.screen
            assert isinstance(review, ReviewScreen)
            check = review.query_one(DocumentCheckSection)
            assert check.fingerprint and check.fingerprint.startswith(f"HQMS:{application_id}:")
            assert check.all_scans_current
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal)
            assert "开通机构账号" in screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ReviewQueueScreen), status_of(app)
            outcome = status_of(app)
            assert "已通过" in outcome and "没有待审核的申请" in outcome, outcome
        found = re.search(r"登录名 (\w+)", outcome)
        assert found, outcome
        return found[1]


def approval_email(channels: Channels) -> EmailMessage | None:
    mails = [m for m in list(channels.smtp.messages) if "账号已开通" in str(m["Subject"])]
    return mails[0] if mails else None


def credentials_in(email: EmailMessage) -> dict[str, str]:
    body = email.get_body(("plain",))
    assert body is not None
    text = str(body.get_content())
    patterns = {
        "login_name": r"登录名：(\S+)",
        "phone": r"手机号：(\d{11})",
        "password": r"初始密码：(\S+)",
        "login_url": r"登录地址：(\S+)",
    }
    found = {name: re.search(pattern, text) for name, pattern in patterns.items()}
    missing = [name for name, match in found.items() if match is None]
    assert not missing, f"the approval email lacks {missing}"
    return {name: match[1] for name, match in found.items() if match is not None}


def outbox_rows(database_path: Path) -> list[sqlite3.Row]:
    with contextlib.closing(sqlite3.connect(database_path)) as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute(
            "SELECT id, channel, recipient, purpose, status, subject, body, secrets FROM outbox"
        ).fetchall()


@pytest.mark.e2e
async def test_registration_from_the_sms_code_to_the_institution_signing_in(
    notifications: Channels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.perf_counter()
    with start_api(tmp_path, notifications) as api:
        ready = time.perf_counter()
        application_id = await register_at_the_operators_kiosk(api, notifications, tmp_path)
        login_name = await approve_at_the_reviewers_kiosk(api, application_id)

        await until(
            lambda: approval_email(notifications) is not None,
            asyncio.sleep,
            what="the approval email reached the test's SMTP server",
        )
        email = approval_email(notifications)
        assert email is not None
        _, recipients = notifications.smtp.envelopes[notifications.smtp.messages.index(email)]
        assert recipients == [ADMIN_EMAIL] and email["To"] == ADMIN_EMAIL
        sent = credentials_in(email)
        assert sent["login_name"] == login_name
        assert sent["phone"] == PHONE
        assert sent["login_url"] == api.login_url
        password = sent["password"]
        assert len(password) >= 8

        async with CentralAPI(api.base_url) as institution:
            by_name = await institution.account_login(login_name, password)
            by_phone = await institution.account_login(PHONE, password)
        assert by_name.account_id == by_phone.account_id

        await until(
            lambda: all(row["status"] == "sent" for row in outbox_rows(api.database_path)),
            asyncio.sleep,
            what="every outbox message delivered",
        )
        rows = outbox_rows(api.database_path)
        assert {row["purpose"] for row in rows} >= {"verification_code", "approval"}
        for row in rows:
            assert row["secrets"] is None, f"outbox row {row['id']} kept its secrets"
            assert password not in (row["body"] or "") and password not in (row["subject"] or "")
        texts = sms_texts(notifications, PHONE)
        assert len(texts) == 2 and login_name in texts[-1]
        assert all(password not in text for text in texts)
    finished = time.perf_counter()

    flow, total = finished - ready, finished - started
    with capsys.disabled():
        print(
            f"\n[e2e] registration flow: API ready in {ready - started:.1f} s, "
            f"kiosks → email → sign-in → outbox check {flow:.1f} s, total {total:.1f} s"
        )
    assert total < FLOW_BUDGET_SECONDS, f"the flow took {total:.1f} s"
