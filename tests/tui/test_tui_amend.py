"""M 修改 after a rejection, through resubmission, at 80×24 against the real in-process API with
the demo's rejected application (three scans, a reviewer's reason).

The operator gives a reason, reads the next steps to the caller and goes on in the
walk-through: edits the form, which marks the two stamped scans stale (the detail says so), saves
the re-rendered documents, replaces the stale scans and submits again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import DataTable

from client import CentralAPI
from domain import FileKind, Status
from server.demo import DEMO_PHONES
from tests.e2e.operator_hands import paste_into, pick
from tests.tui.aftercare_hands import open_detail, settle, status_of
from tui import HotlineApp
from tui.screens import ConfirmModal, DetailScreen, ReasonModal
from tui.screens.walkthrough import FORM, STATUS, UPLOAD, WalkthroughScreen
from tui.widgets import FilesSection, FormEditor

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
PHONE = DEMO_PHONES["rejected"]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
STALE_MARK = "资料已修改，需重新盖章上传"


def files_text(screen: DetailScreen) -> str:
    return "\n".join(str(label.render()) for label in screen.query_one(FilesSection).query("Label"))


def walkthrough(app: HotlineApp) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen), type(screen)
    return screen


async def delete_stale_scan(pilot: Any, screen: WalkthroughScreen, kind: FileKind) -> None:
    """Select the stale scan of `kind` in the list and press 删除所选文件."""
    assert screen.application is not None
    [stale] = [info.id for info in screen.application.files if info.stale and info.kind is kind]
    table = screen.query_one("#scans", DataTable)
    row = [str(key.value) for key in table.rows].index(stale)
    table.focus()
    table.move_cursor(row=row)
    await pilot.click("#delete")
    await settle(pilot)
    assert "已删除" in status_of(pilot.app), status_of(pilot.app)


async def test_amend_after_rejection_through_resubmission(
    signed_in: CentralAPI, kiosk: Kiosk, tmp_path: Path, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, PHONE)
        assert detail.application is not None and detail.application.status is Status.REJECTED
        application_id = detail.application.id

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ReasonModal)
        assert "退回“填写中”" in screen_text(app)
        await pilot.press(*"按审核意见重新扫描许可证", "enter")
        await settle(pilot)

        assert isinstance(app.screen, ConfirmModal), "the next steps, to read to the caller"
        steps = screen_text(app)
        for step in ("修改填写资料", "重新下载两份文件", "加盖公章", "重新上传", "提交审核"):
            assert step in steps, steps
        assert detail.application.status is Status.DRAFT
        await pilot.press("enter")  # 去办理
        await settle(pilot)

        screen = walkthrough(app)
        await pilot.press("f6", "f6")
        assert screen.step == FORM
        screen.query_one(FormEditor).set_value("street", "民主东路 89 号")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "已保存" in status_of(app), status_of(app)
        await pilot.press("escape")
        await settle(pilot)

        assert app.screen is detail
        assert files_text(detail).count(STALE_MARK) == 2, files_text(detail)
        await pilot.press("f3")
        await settle(pilot)
        screen = walkthrough(app)
        assert screen.step == UPLOAD, "the stale scans are what is left to do"

        documents = tmp_path / "documents"
        await paste_into(pilot, "documents-dir", str(documents))
        await pilot.click("#download")
        await settle(pilot)
        assert len(list(documents.glob("*.pdf"))) == 2, status_of(app)

        for kind, search in ((FileKind.INFO_FORM, "信息收集"), (FileKind.CONSENT, "同意书")):
            await delete_stale_scan(pilot, screen, kind)
            scan = tmp_path / f"{kind.value}-stamped.pdf"
            scan.write_bytes(PDF)
            assert await pick(pilot, "scan-kind", search) is kind
            await paste_into(pilot, "scan-path", str(scan))
            await pilot.press("enter")
            await settle(pilot)
            assert "已上传" in status_of(app), status_of(app)
        assert screen.application is not None
        assert not any(info.stale for info in screen.application.files)

        await pilot.press("f7")
        assert screen.step == STATUS
        await pilot.click("#submit")
        await settle(pilot)
        assert screen.application.status is Status.PENDING, status_of(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is detail and detail.application.status is Status.PENDING
        assert STALE_MARK not in files_text(detail)

    events = [event.action for event in (await signed_in.get_events(application_id)).items]
    assert events[-1] == "submitted" and "amended_because" in events
