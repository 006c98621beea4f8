"""The registration walk-through at 80×24 against the real in-process API.

The SMS code is read from the outbox's `secrets` column: the test's view of the caller's phone.
The screen must never show it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, Select, Static
from textual.worker import WorkerFailed

from client import CentralAPI
from docs.tools.demo_change import sms_code
from domain import FileKind, Status, make_institution_code, organization_check_char
from tui import HotlineApp
from tui.screens import DetailScreen, LookupScreen
from tui.screens.walkthrough import FORM, STATUS, UPLOAD, VERIFY, WalkthroughScreen
from tui.widgets import CodeField, FormEditor, RegionSelect, StatusLine, StepsBar, VerifyPanel

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[object]], str]
PHONE = "13800138777"
ORG8 = "45038861"
RIGHT_CHECK = organization_check_char(ORG8)
WRONG_CHECK = "0" if RIGHT_CHECK != "0" else "1"
ORGANIZATION = ORG8 + RIGHT_CHECK
"""What the caller reads out at 身份验证: an organization code the registry does not know."""
PDF = b"%PDF-1.4\n% stamped\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def walkthrough(app: HotlineApp) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen), type(screen)
    return screen


def status_sentence(app: HotlineApp) -> str:
    return app.screen.query_one("#status", StatusLine).sentence


async def upload_three_scans(pilot: Pilot[None], folder: Path) -> list[str]:
    """On the upload step: write the three stamped scans to `folder` and upload each in turn.
    The status line's sentence after each upload, in order."""
    screen = pilot.app.screen
    scans = {
        FileKind.INFO_FORM: ("info.pdf", PDF),
        FileKind.CONSENT: ("consent.jpg", JPEG),
        FileKind.LICENSE: ("license.pdf", PDF),
    }
    sentences = []
    for kind, (name, content) in scans.items():
        (folder / name).write_bytes(content)
        screen.query_one("#scan-kind", Select).value = kind
        screen.query_one("#scan-path", Input).value = str(folder / name)
        screen.query_one("#upload", Button).press()
        await settle(pilot)
        sentences.append(status_sentence(pilot.app))  # type: ignore[arg-type]
    return sentences


async def verify_and_register(pilot: Pilot[None], database_url: str) -> WalkthroughScreen:
    """From the lookup screen: F3 新申请 for the typed phone, the institution's code checked
    against the registry, send, type the code, confirm."""
    await pilot.press(*PHONE, "f3")
    await settle(pilot)
    screen = walkthrough(pilot.app)  # type: ignore[arg-type]
    assert screen.step == VERIFY
    assert screen.query_one(VerifyPanel).phone == PHONE
    await pilot.press(*ORGANIZATION, "enter")  # the registry is asked; on to the phone
    await settle(pilot)
    await pilot.press("enter")  # 发送验证码 from the phone field
    await settle(pilot)
    code = sms_code(database_url, PHONE)
    await pilot.press(*code, "enter")
    await settle(pilot)
    return screen


async def test_send_code_counts_down_and_never_shows_the_code(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*PHONE, "f3")
        await settle(pilot)
        await pilot.press(*ORGANIZATION, "enter", "enter")
        await settle(pilot)
        panel = app.screen.query_one(VerifyPanel)
        code = sms_code(database_url, PHONE)
        assert "138****8777" in panel.sent_text
        assert code not in screen_text(app)
        send = app.screen.query_one("#send-code", Button)
        assert send.disabled and "秒后可重发" in str(send.label)
        assert isinstance(app.focused, Input) and app.focused.id == "verify-code"
        await pilot.press("1", "2", "enter")
        await settle(pilot)
        assert "6 位" in status_sentence(app)


async def test_whole_walkthrough_from_code_to_pending(
    signed_in: CentralAPI,
    kiosk: Kiosk,
    database_url: str,
    tmp_path: Path,
    screen_text: ScreenText,
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await verify_and_register(pilot, database_url)
        assert screen.application is not None and screen.step == FORM
        assert "填写资料" in screen.query_one(StepsBar).text
        application_id = screen.application.id

        editor = screen.query_one(FormEditor)
        code_input = screen.query_one("#code-input", Input)
        code_input.focus()
        wrong = make_institution_code(ORG8, "440104", "11", "A100", "1")
        wrong = wrong[:8] + WRONG_CHECK + wrong[9:]
        await pilot.press(*wrong.lower())
        await pilot.pause()
        decoding = screen.query_one(CodeField).decoding_text
        assert f"校验码应为 {RIGHT_CHECK}" in decoding
        assert "广东省广州市越秀区" in decoding
        assert "综合医院" in decoding
        assert screen.form_editor.dirty

        editor.set_value("name", "广州市越秀区示范医院")
        editor.set_value("opened-year", "2003")
        editor.set_value("opened-month", "7")
        screen.query_one(RegionSelect).set_codes("440000", "440100", "440104")
        editor.set_value("street", "中山路 9 号")
        editor.set_value("subjects", "内科、外科，儿科")
        editor.set_value("legal-rep-name", "李明")
        editor.set_value("legal-rep-mobile", "13900139777")
        editor.set_value("admin-name", "王芳")
        editor.set_value("admin-email", "wangfang@example.com")
        await pilot.pause()
        [confirm] = [box for box in screen.query(Checkbox) if box.name == "code_check_char"]
        confirm.value = True
        await pilot.pause()
        assert editor.form.subjects == ["内科", "外科", "儿科"]
        assert editor.form.opened_on == "2003-07"

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "已保存" in status_sentence(app), status_sentence(app)
        saved = await signed_in.get_application(application_id)
        assert saved.form.name == "广州市越秀区示范医院"
        assert "code_check_char" in saved.form.confirmed_warnings
        assert not [p for p in saved.problems if not p.field.startswith("files")]
        assert not editor.dirty

        await pilot.press("f7")
        assert screen.step == UPLOAD
        rules = str(screen.query_one(".rules", Static).content)
        assert "JPG" in rules and "5 MB" in rules and "失效" in rules
        docs = tmp_path / "docs"
        screen.query_one("#documents-dir", Input).value = str(docs)
        screen.query_one("#download", Button).press()
        await settle(pilot)
        pdfs = sorted(docs.glob("*.pdf"))
        assert len(pdfs) == 2 and all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)

        for sentence in await upload_three_scans(pilot, tmp_path):
            assert "已上传" in sentence, sentence
        assert screen.application is not None and len(screen.application.files) == 3
        assert "三份文件已齐" in screen_text(app)

        await pilot.press("f7")
        assert screen.step == STATUS
        assert "资料已齐全" in screen_text(app)
        screen.query_one("#submit", Button).press()
        await settle(pilot)
        assert screen.application is not None
        assert screen.application.status is Status.PENDING
        assert "待审核" in screen_text(app)


async def test_a_refused_local_file_is_explained_before_sending(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str, tmp_path: Path
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await verify_and_register(pilot, database_url)
        await pilot.press("f7")
        disguised = tmp_path / "license.pdf"
        disguised.write_bytes(b"GIF89a not a scan")
        screen.query_one("#scan-path", Input).value = str(disguised)
        screen.query_one("#upload", Button).press()
        await settle(pilot)
        assert "不是 JPG 或 PDF" in status_sentence(app)
        assert screen.application is not None and screen.application.files == []


async def test_stale_save_reloads_and_keeps_the_typed_form(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await verify_and_register(pilot, database_url)
        assert screen.application is not None
        application_id = screen.application.id
        current = await signed_in.get_application(application_id)
        other = current.form.model_copy(update={"name": "另一位操作员保存的名称"})
        await signed_in.save_form(application_id, other, revision=current.revision)
        signed_in._etags[application_id] = f'"{current.revision}"'  # the kiosk's older view

        screen.form_editor.set_value("name", "本操作员正在填写的名称")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "资料已被他人修改" in status_sentence(app)
        assert screen.form_editor.value_of("name") == "本操作员正在填写的名称"

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "已保存" in status_sentence(app)
        latest = await signed_in.get_application(application_id)
        assert latest.form.name == "本操作员正在填写的名称"


async def test_detail_f3_opens_the_walkthrough_where_the_application_stands(
    signed_in: CentralAPI, kiosk: Kiosk, database_url: str
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await verify_and_register(pilot, database_url)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        await pilot.press("escape", *PHONE, "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("f3")
        await settle(pilot)
        screen = walkthrough(app)
        assert screen.step == FORM
        admin_mobile = str(screen.query_one("#admin-mobile", Static).content)
        assert "138****8777" in admin_mobile and "短信验证" in admin_mobile
