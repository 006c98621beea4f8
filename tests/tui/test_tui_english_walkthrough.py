"""The registration walk-through in English (`HQMS_LANG=en`) at 80×24, step by step.

Each step must read English, apart from the application's own data (the institution's name,
people, address) and the official names of divisions and institution categories, and every
label, button and footer key must be on screen whole: the English words are longer than the
Chinese ones they replace in cells the layout measured for Chinese.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input

from client import CentralAPI
from domain import FileInfo, FileKind, Status, children, make_institution_code
from tests.tui.test_tui_walkthrough import (
    ORG8,
    ORGANIZATION,
    PHONE,
    WRONG_CHECK,
    settle,
    sms_code,
    status_sentence,
    upload_three_scans,
    walkthrough,
)
from tui import HotlineApp
from tui.screens.walkthrough import FORM, STATUS, UPLOAD, VERIFY
from tui.widgets import DocumentCheckSection, FormEditor, RegionSelect, StepsBar, VerifyPanel

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]

NAME = "广州市越秀区示范医院"
STREET = "中山路 9 号"
SUBJECTS = "内科、外科"
LEGAL_REP = "李明"
ADMIN = "王芳"
OPERATOR = "演示接线员"
"""The demo operator's display name, shown in the header: data like the rest."""
DIVISIONS = ("440000", "440100", "440104")
OFFICIAL_NAMES = ("综合医院", "国有全资", "非营利")
"""Category A100, economic type 11 and management class 1, decoded from the code under the code
field: names from the national standards, shown as they are like the divisions."""


def division_names() -> list[str]:
    """Every division name a region list may show (all provinces, Guangdong's cities, …)."""
    names = [region.name for region in children(None)]
    for parent in DIVISIONS[:2]:
        names += [region.name for region in children(parent)]
    return [*names, "广东省广州市越秀区"]


DATA = [NAME, STREET, SUBJECTS, LEGAL_REP, ADMIN, OPERATOR, *OFFICIAL_NAMES, *division_names()]


def footer_line(screen: str) -> str:
    return screen.splitlines()[-1]


def assert_whole(screen: str, *texts: str) -> None:
    """Each text is on screen in one piece (a cut label or button would show a part)."""
    missing = [text for text in texts if text not in screen]
    assert not missing, f"not on screen whole: {missing}\n{screen}"


def assert_labels_fit(app: App[Any]) -> None:
    """Every visible label, button and placeholder has the cells its text needs.

    A label may wrap onto more lines where its height allows (a verdict in a narrow column),
    but a form's field label must stay on its one line beside its input.
    """
    cut = []
    for widget in app.screen.query("Label, Button, Input"):
        if not widget.display or not widget.region.width:
            continue
        if isinstance(widget, Input):
            # An empty input shows its placeholder, which must fit beside the cursor.
            text = "" if widget.value else widget.placeholder + " "
        else:
            text = str(widget.label if isinstance(widget, Button) else widget.content)  # type: ignore[attr-defined]
        if "\n" in text or not text:
            continue
        box = widget.content_region
        lines = 1 if widget.has_class("field-label") else box.height
        if cell_len(text) > box.width * lines:
            cut.append(f"{widget!r}: {text!r} in {box.width}×{lines} cells")
    assert not cut, "\n".join(cut)


def assert_english(app: HotlineApp, screen_text: ScreenText, chinese_left: ChineseLeft) -> str:
    screen = screen_text(app)
    assert chinese_left(screen, DATA) == [], screen
    assert_labels_fit(app)
    # Textual ends a line it had to cut with "…" (the header's title is the app's own business).
    cut = [line for line in screen.splitlines()[1:] if line.rstrip().endswith("…")]
    assert not cut, f"cut off: {cut}\n{screen}"
    footer = footer_line(screen)
    assert "^q" in footer and "palette" in footer, f"the footer is cut: {footer!r}"
    return screen


async def fill_form(pilot: Pilot[None], editor: FormEditor) -> None:
    """A complete form whose code has a wrong check character (a warning to confirm)."""
    code = make_institution_code(ORG8, DIVISIONS[2], "11", "A100", "1")
    editor.query_one(RegionSelect).set_codes(*DIVISIONS)
    editor.query_one("#code-input", Input).value = code[:8] + WRONG_CHECK + code[9:]
    for input_id, value in {
        "name": NAME,
        "opened-year": "2003",
        "opened-month": "7",
        "street": STREET,
        "subjects": SUBJECTS,
        "legal-rep-name": LEGAL_REP,
        "legal-rep-mobile": "13900139777",
        "admin-name": ADMIN,
        "admin-email": "wangfang@example.com",
    }.items():
        editor.set_value(input_id, value)
    await pilot.pause()


@pytest.mark.usefixtures("english")
async def test_every_walkthrough_step_reads_english_and_fits_80_columns(
    signed_in: CentralAPI,
    kiosk: Kiosk,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
) -> None:
    monkeypatch.setenv("HQMS_DOWNLOAD_DIR", str(tmp_path / "documents"))
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        # -- verify: before and after the SMS is sent -------------------------------------------
        await pilot.press(*PHONE, "f3")
        await settle(pilot)
        screen = walkthrough(app)
        assert screen.step == VERIFY
        shown = assert_english(app, screen_text, chinese_left)
        assert_whole(shown, "Verify phone", "Fill in form", "Upload files", "Approval")
        assert_whole(shown, "Inst. code", "Admin mobile", "SMS code", "Confirm and create")
        assert_whole(shown, "institution code", "already in HQMS")
        assert_whole(footer_line(shown), "Back", "Prev", "Next")
        await pilot.press(*ORGANIZATION, "enter")
        await settle(pilot)
        assert_whole(assert_english(app, screen_text, chinese_left), "not on the list")
        await pilot.press("enter")
        await settle(pilot)
        assert "Code sent by SMS to 138****8777" in screen.query_one(VerifyPanel).sent_text
        assert_english(app, screen_text, chinese_left)
        await pilot.press("1", "2", "enter")
        await settle(pilot)
        assert status_sentence(app) == "The code has 6 digits: ask the caller to read it again."
        screen.query_one("#verify-code", Input).value = ""
        await pilot.press(*sms_code(database_url, PHONE), "enter")
        await settle(pilot)

        # -- form: the API's problems under the fields, in English ------------------------------
        assert screen.application is not None and screen.step == FORM
        assert status_sentence(app).startswith("Verified: application")
        shown = assert_english(app, screen_text, chinese_left)
        assert_whole(shown, "Institution", "Opened", "Inst. code", "Address", "Province")
        assert_whole(footer_line(shown), "Save", "New admin mobile")
        assert "✗ " in shown, "the fresh form's problems are not shown"
        editor = screen.query_one(FormEditor)
        editor.scroll_end(animate=False)
        await pilot.pause()
        shown = assert_english(app, screen_text, chinese_left)
        assert_whole(shown, "Legal rep.", "Rep. mobile", "Admin name", "Admin mobile", "Read-only")

        await fill_form(pilot, editor)
        editor.scroll_home(animate=False)
        await pilot.pause()
        [confirm] = [box for box in screen.query(Checkbox) if box.name == "code_check_char"]
        assert str(confirm.label) == "Licence checked: check character as on the licence"
        confirm.value = True
        shown = assert_english(app, screen_text, chinese_left)
        assert NAME in shown and "Note: " in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert status_sentence(app).startswith("Saved (revision "), status_sentence(app)
        assert_english(app, screen_text, chinese_left)

        # -- upload: the documents folder, three scans ------------------------------------------
        await pilot.press("f7")
        await pilot.pause()
        assert screen.step == UPLOAD
        application_id = screen.application.id
        folder = tmp_path / "documents" / application_id
        assert screen.query_one("#documents-dir", Input).value == f"{folder}/"
        shown = assert_english(app, screen_text, chinese_left)
        assert_whole(shown, "Upload rules", "Save to", "Download both", "Email the admin")
        assert_whole(shown, "Scan", "Upload", "Kind", "File name", "Size", "State", "Missing: ")
        screen.query_one("#download", Button).press()
        await settle(pilot)
        assert sorted(path.name for path in folder.iterdir()) == ["consent.pdf", "info-form.pdf"]
        assert status_sentence(app).startswith(f"Both documents saved to {folder}")
        for sentence in await upload_three_scans(pilot, tmp_path):
            assert sentence.startswith("Uploaded "), sentence
        shown = assert_english(app, screen_text, chinese_left)
        assert_whole(shown, "All three files are in.", "Valid", "Delete selected")

        # -- status: where it stands, then submitted ---------------------------------------------
        await pilot.press("f7")
        await pilot.pause()
        assert screen.step == STATUS
        assert "Approval" in screen.query_one(StepsBar).text
        assert_english(app, screen_text, chinese_left)
        screen.query_one("#submit", Button).press()
        await settle(pilot)
        assert screen.application.status is Status.PENDING
        assert status_sentence(app).startswith("Submitted for review.")
        assert_english(app, screen_text, chinese_left)


async def test_the_walkthrough_still_reads_chinese_by_default(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*PHONE, "f3")
        await settle(pilot)
        assert walkthrough(app).step == VERIFY
        shown = screen_text(app)
        assert_whole(shown, "① 身份验证", "管理员手机号", "短信验证码", "确认并创建申请", "上一步")
        assert "Verify phone" not in shown and "Admin mobile" not in shown


class DocumentCheckApp(App[None]):
    """The reviewer's 材料核对 section alone, on a fixed set of scans (one of them stale)."""

    def compose(self) -> Iterable[DocumentCheckSection]:
        files = [
            FileInfo(id="f1", kind=FileKind.INFO_FORM, filename="表.pdf", size=2048, sha256="0"),
            FileInfo(
                id="f2", kind=FileKind.CONSENT, filename="c.jpg", size=9, sha256="1", stale=True
            ),
        ]
        yield DocumentCheckSection(files, fingerprint="HQMS:5CJZ-JPWZ:R3:0123456789AB")


@pytest.mark.usefixtures("english")
async def test_the_document_check_reads_english(
    screen_text: ScreenText, chinese_left: ChineseLeft
) -> None:
    app = DocumentCheckApp()
    async with app.run_test(size=(80, 24)):
        shown = screen_text(app)
        assert chinese_left(shown, ["表.pdf"]) == [], shown
        assert_whole(shown, "Document check", "Generated (form revision 3)", "Stamped scans")
        # The verdict wraps in its column (the two columns share 80 cells): wrapped, not cut.
        assert_whole(shown, "✗ Consent form: expired", "after the upload", "表.pdf (2 KB)")
        assert_whole(shown, "not uploaded", "Scans missing or expired")
        assert_labels_fit(app)
