"""The screenshots `make_screenshots.py` takes: `SCENES`, one `Scene` per SVG.

A scene is a kiosk signed in as `operator` (at the login form when that is None) on a fresh copy
of the seeded demo, driven by its `steps` to the screen to keep. To add a screenshot, append a
Scene; its name is the file's (`screenshots/<name>.svg`). A scene whose steps continue those of
the scene before it (same operator) is taken on the same kiosk, without replaying them: the
result is the same, only sooner. What a step gets (`Stage`) and the moves the steps share are in
`screenshot_stage.py`; the longer plays of one scene may live in a module of their own
(`screenshot_change.py`).
"""

from __future__ import annotations

from screenshot_change import approve_key, change_in_queue, pending_change
from screenshot_stage import OPERATOR, REVIEWER, Scene, Stage, press, settle, sms_code
from textual.widgets import Button, Checkbox, Input, Select

from domain import FileKind, make_institution_code
from server.demo import DEMO_HQMS_CODE, DEMO_PHONES
from tui.widgets import FormEditor, RegionSelect

WALKTHROUGH_PHONE = "13700137001"
"""A number the demo does not know: the walk-through starts a new application for it."""
WALKTHROUGH_CODE = make_institution_code("45038861", "440104", "11", "A100", "1")
"""The code the walk-through's institution reads out (the form gets it with one character
wrong, to show the decoding)."""


async def search(stage: Stage, phone: str) -> None:
    await stage.pilot.press("escape", *phone, "enter")
    await settle(stage.pilot)


async def login_form(stage: Stage) -> None:
    await stage.pilot.press(*OPERATOR.username, "enter")


async def unknown_number(stage: Stage) -> None:
    await search(stage, DEMO_PHONES["unknown"])


async def code_in_hqms(stage: Stage) -> None:
    """The code of an institution already in HQMS: the sentence to read out."""
    await search(stage, DEMO_HQMS_CODE)


async def walkthrough_in_hqms(stage: Stage) -> None:
    """新申请 (F3) for that institution: 身份验证 stops at its code, before any SMS."""
    await stage.pilot.press("escape", *WALKTHROUGH_PHONE, "f3")
    await settle(stage.pilot)
    await stage.pilot.press(*DEMO_HQMS_CODE, "enter")
    await settle(stage.pilot)


async def several_applications(stage: Stage) -> None:
    await search(stage, DEMO_PHONES["several"])


async def pending_detail(stage: Stage) -> None:
    await search(stage, DEMO_PHONES["pending"])


async def rejected_detail(stage: Stage) -> None:
    await search(stage, DEMO_PHONES["rejected"])


async def approved_detail(stage: Stage) -> None:
    await search(stage, DEMO_PHONES["approved"])


async def amend_key(stage: Stage) -> None:
    await press(stage, "m")


async def reset_key(stage: Stage) -> None:
    await press(stage, "p")


async def timeline_end(stage: Stage) -> None:
    await press(stage, "end")


async def review_queue(stage: Stage) -> None:
    await stage.pilot.press("f2")
    await settle(stage.pilot)


async def first_in_queue(stage: Stage) -> None:
    await stage.pilot.press("enter")
    await settle(stage.pilot)


async def send_code(stage: Stage) -> None:
    """新申请 (F3) for an unknown number: the institution's code checked against the registry
    (not in HQMS), the SMS sent, the resend countdown."""
    await stage.pilot.press("escape", *WALKTHROUGH_PHONE, "f3")
    await settle(stage.pilot)
    await stage.pilot.press(*WALKTHROUGH_CODE[:9], "enter")
    await settle(stage.pilot)
    await stage.pilot.press("enter")
    await settle(stage.pilot)


async def start_form(stage: Stage) -> None:
    """The code confirmed, 填写资料 begun: the institution code decoded as typed (one check
    character wrong)."""
    stage.clock.advance(minutes=1)  # the caller reads the code out
    pilot = stage.pilot
    await pilot.press(*sms_code(stage.database_url, WALKTHROUGH_PHONE), "enter")
    await settle(pilot)
    screen = pilot.app.screen
    editor = screen.query_one(FormEditor)
    editor.set_value("name", "广州市越秀区示范医院")
    editor.set_value("opened-year", "2003")
    editor.set_value("opened-month", "07")
    screen.query_one("#code-input", Input).focus()
    code = WALKTHROUGH_CODE
    await pilot.press(*(code[:8] + ("0" if code[8] != "0" else "1") + code[9:]))
    await pilot.pause()


async def upload_scans(stage: Stage) -> None:
    """上传文件: the form completed and saved, both documents saved, the three scans uploaded."""
    stage.clock.advance(minutes=5)  # the rest of the form, read from the licence
    pilot = stage.pilot
    screen = pilot.app.screen
    screen.query_one(RegionSelect).set_codes("440000", "440100", "440104")
    editor = screen.query_one(FormEditor)
    for name, value in {
        "street": "中山路 9 号",
        "subjects": "内科、外科",
        "legal-rep-name": "李明",
        "legal-rep-mobile": "13900139001",
        "admin-name": "王芳",
        "admin-email": "wangfang@example.com",
    }.items():
        editor.set_value(name, value)
    await pilot.pause()
    for box in screen.query(Checkbox):
        box.value = True
    await pilot.press("ctrl+s")
    await settle(pilot)
    await pilot.press("f7")
    screen.query_one("#download", Button).press()
    await settle(pilot)
    scans = stage.home / "scans"
    scans.mkdir()
    for kind, name, content in (
        (FileKind.INFO_FORM, "info_form.pdf", b"%PDF-1.4 info"),
        (FileKind.CONSENT, "consent.pdf", b"%PDF-1.4 consent"),
        (FileKind.LICENSE, "license.jpg", b"\xff\xd8\xff\xe0 licence"),
    ):
        stage.clock.advance(minutes=1)  # one scan after the other, listed in that order
        (scans / name).write_bytes(content)
        screen.query_one("#scan-kind", Select).value = kind
        screen.query_one("#scan-path", Input).value = f"~/scans/{name}"
        screen.query_one("#upload", Button).press()
        await settle(pilot)


async def submit(stage: Stage) -> None:
    """审批状态 after 提交审核."""
    stage.clock.advance(minutes=1)
    await stage.pilot.press("f7")
    stage.pilot.app.screen.query_one("#submit", Button).press()
    await settle(stage.pilot)


WALKTHROUGH = (send_code, start_form, upload_scans, submit)

SCENES: list[Scene] = [
    Scene("login", (login_form,), operator=None),
    Scene("lookup", (unknown_number,)),
    Scene("results", (several_applications,)),
    Scene("lookup-in-hqms", (code_in_hqms,)),
    Scene("detail", (pending_detail,)),
    Scene("walkthrough-verify", WALKTHROUGH[:1]),
    Scene("walkthrough-form", WALKTHROUGH[:2]),
    Scene("walkthrough-upload", WALKTHROUGH[:3]),
    Scene("walkthrough-status", WALKTHROUGH[:4]),
    Scene("walkthrough-in-hqms", (walkthrough_in_hqms,)),
    Scene("amend", (rejected_detail, amend_key)),
    Scene("password-reset", (approved_detail, reset_key)),
    Scene("timeline", (approved_detail, timeline_end)),
    Scene("review-queue", (review_queue,), operator=REVIEWER),
    Scene("review", (review_queue, first_in_queue), operator=REVIEWER),
    Scene(
        "change-preview",
        (pending_change, review_queue, change_in_queue, approve_key),
        operator=REVIEWER,
    ),
    # HQMS_LANG=en: the same screens in English (the institution's own data stays Chinese).
    Scene("detail-en", (pending_detail,), language="en"),
    Scene("walkthrough-form-en", WALKTHROUGH[:2], language="en"),
]
