"""The walk-through saves the two documents where the detail screen's 文件 does.

That is `HQMS_DOWNLOAD_DIR`: both read it through `call_modals.download_dir`. The walk-through
offers it in its editable 文件保存到 field, written with `~` when it lies under the home folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from client import CentralAPI
from domain import make_institution_code
from tests.tui.test_tui_walkthrough import ORG8, settle, status_sentence, verify_and_register
from tui import HotlineApp
from tui.screens._walk_work import default_documents_dir
from tui.screens.call_modals import download_dir
from tui.screens.walkthrough import UPLOAD
from tui.widgets import FormEditor, RegionSelect

Kiosk = Callable[[CentralAPI], HotlineApp]
FORM_VALUES = {
    "name": "广州市越秀区示范医院",
    "opened-year": "2003",
    "opened-month": "7",
    "street": "中山路 9 号",
    "subjects": "内科",
    "legal-rep-name": "李明",
    "legal-rep-mobile": "13900139777",
    "admin-name": "王芳",
    "admin-email": "wangfang@example.com",
}
"""A complete form: the documents are generated only from one."""


def test_without_the_setting_the_folder_is_under_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HQMS_DOWNLOAD_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    offered = default_documents_dir("5CJZ-JPWZ")
    assert offered == "~/hqms-documents/5CJZ-JPWZ/"
    assert Path(offered).expanduser() == download_dir("5CJZ-JPWZ")


def test_the_setting_decides_the_folder_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("HQMS_DOWNLOAD_DIR", str(tmp_path / "shared"))
    assert default_documents_dir("AB12") == f"{tmp_path}/shared/AB12/"
    monkeypatch.setenv("HQMS_DOWNLOAD_DIR", "~/downloads")
    assert default_documents_dir("AB12") == "~/downloads/AB12/"
    assert Path(default_documents_dir("AB12")).expanduser() == download_dir("AB12")


async def test_the_walkthrough_offers_and_uses_hqms_download_dir(
    signed_in: CentralAPI,
    kiosk: Kiosk,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HQMS_DOWNLOAD_DIR", str(tmp_path / "downloads"))
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await verify_and_register(pilot, database_url)
        assert screen.application is not None
        editor = screen.query_one(FormEditor)
        editor.query_one(RegionSelect).set_codes("440000", "440100", "440104")
        editor.query_one("#code-input", Input).value = make_institution_code(
            ORG8, "440104", "11", "A100", "1"
        )
        for input_id, value in FORM_VALUES.items():
            editor.set_value(input_id, value)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert status_sentence(app).startswith("已保存"), status_sentence(app)
        await pilot.press("f7")
        await pilot.pause()
        assert screen.step == UPLOAD
        folder = tmp_path / "downloads" / screen.application.id
        assert screen.query_one("#documents-dir", Input).value == f"{folder}/"
        screen.query_one("#download", Button).press()
        await settle(pilot)
        saved = sorted(path.name for path in folder.iterdir())
        assert saved == ["信息收集表.pdf", "系统使用须知及同意书.pdf"]
        assert all(path.read_bytes().startswith(b"%PDF-") for path in folder.iterdir())
        assert status_sentence(app).startswith(f"两份文件已保存到 {folder}：")
        assert not (Path.home() / "hqms-documents" / screen.application.id).exists()
