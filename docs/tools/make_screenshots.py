"""Regenerate `screenshots/*.svg` from the real kiosk on the real API with the demo data.

    python docs/tools/make_screenshots.py [--out screenshots]

A dev tool, outside the packages, so it may import the server: it migrates a temporary SQLite
database, seeds the demo at a fixed date, serves the API in-process (httpx.ASGITransport) and
drives `tui.HotlineApp` headless at 80×24, saving one SVG per screen:

    login.svg    the login form
    lookup.svg   the home screen after a number that matches nothing
    results.svg  a number with several applications: the list to pick from
    detail.svg   a pending application: banner, form, files, timeline
    walkthrough-verify.svg   新申请 (F3): the SMS sent, the resend countdown, no code on screen
    walkthrough-form.svg     填写资料 with the institution code decoded as typed
    walkthrough-upload.svg   上传文件: rules, the documents saved, the three scans uploaded
    walkthrough-status.svg   审批状态 after 提交审核
    review-queue.svg  the reviewer's queue: pending applications, oldest first
    review.svg   reviewing one: documents beside the stamped scans, fingerprint, 通过 / 不通过
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from textual.pilot import Pilot
from textual.worker import WorkerFailed

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from client import CentralAPI  # noqa: E402
from server import Settings, create_app, upgrade_database  # noqa: E402
from server.demo import DEMO_OPERATORS, DEMO_PHONES, seed_demo  # noqa: E402
from tui import HotlineApp  # noqa: E402

SEEDED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
KIOSK_NOW = SEEDED_AT + timedelta(hours=1)
SIZE = (80, 24)


async def _settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        with suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _search(pilot: Pilot[None], phone: str) -> None:
    await pilot.press("escape")
    await pilot.press(*phone, "enter")
    await _settle(pilot)


async def make_screenshots(out: Path, data_dir: Path) -> list[Path]:
    database_url = f"sqlite:///{data_dir / 'screenshots.sqlite3'}"
    upgrade_database(database_url)
    seed_demo(database_url, now=SEEDED_AT)
    api_app = create_app(Settings(data_dir=data_dir, database_url=database_url))
    operator = DEMO_OPERATORS[0]
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def save(app: HotlineApp, name: str) -> None:
        app.save_screenshot(filename=name, path=str(out))
        saved.append(out / name)

    transport = httpx.ASGITransport(app=api_app)
    async with CentralAPI("http://hqms.test", transport=transport) as api:
        app = HotlineApp(api, clock=lambda: KIOSK_NOW)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*operator.username, "enter")
            save(app, "login.svg")
            await pilot.press(*operator.password, "enter")
            await _settle(pilot)
            await _search(pilot, DEMO_PHONES["unknown"])
            save(app, "lookup.svg")
            await _search(pilot, DEMO_PHONES["several"])
            save(app, "results.svg")
            await pilot.press("escape")
            await _search(pilot, DEMO_PHONES["pending"])
            save(app, "detail.svg")
            await _walkthrough_screenshots(pilot, save, database_url, data_dir)
        reviewer = DEMO_OPERATORS[1]
        await api.logout()
        app = HotlineApp(api, clock=lambda: KIOSK_NOW)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*reviewer.username, "enter", *reviewer.password, "enter")
            await _settle(pilot)
            await pilot.press("f2")
            await _settle(pilot)
            save(app, "review-queue.svg")
            await pilot.press("enter")
            await _settle(pilot)
            save(app, "review.svg")
    return saved


WALKTHROUGH_PHONE = "13700137001"
"""A number the demo does not know: the walk-through starts a new application for it."""


def _sms_code(database_url: str, phone: str) -> str:
    """The code from the outbox (the screenshots' stand-in for the caller's phone)."""
    from sqlalchemy import create_engine, select

    from server.storage.tables import outbox

    engine = create_engine(database_url)
    with engine.connect() as connection:
        [secrets] = connection.execute(
            select(outbox.c.secrets)
            .where(outbox.c.purpose == "verification_code", outbox.c.recipient == phone)
            .order_by(outbox.c.id.desc())
            .limit(1)
        ).one()
    engine.dispose()
    return next(str(value) for value in secrets.values() if str(value).isdigit())


async def _walkthrough_screenshots(
    pilot: Pilot[None], save: Callable[[HotlineApp, str], None], database_url: str, data_dir: Path
) -> None:
    """新申请 from the lookup screen through the four steps, one screenshot per step."""
    from textual.widgets import Button, Checkbox, Input, Select

    from domain import FileKind, make_institution_code
    from tui.widgets import FormEditor, RegionSelect

    app = pilot.app
    assert isinstance(app, HotlineApp)
    await pilot.press("escape")
    await _settle(pilot)
    await pilot.press("escape", *WALKTHROUGH_PHONE, "f3")
    await _settle(pilot)
    await pilot.press("enter")
    await _settle(pilot)
    save(app, "walkthrough-verify.svg")
    await pilot.press(*_sms_code(database_url, WALKTHROUGH_PHONE), "enter")
    await _settle(pilot)
    screen = app.screen
    editor = screen.query_one(FormEditor)
    editor.set_value("name", "广州市越秀区示范医院")
    editor.set_value("opened-year", "2003")
    editor.set_value("opened-month", "07")
    screen.query_one("#code-input", Input).focus()
    code = make_institution_code("45038861", "440104", "11", "A100", "1")
    await pilot.press(*(code[:8] + ("0" if code[8] != "0" else "1") + code[9:]))
    await pilot.pause()
    save(app, "walkthrough-form.svg")
    screen.query_one(RegionSelect).set_codes("440000", "440100", "440104")
    for field, value in {
        "street": "中山路 9 号",
        "subjects": "内科、外科",
        "legal-rep-name": "李明",
        "legal-rep-mobile": "13900139001",
        "admin-name": "王芳",
        "admin-email": "wangfang@example.com",
    }.items():
        editor.set_value(field, value)
    await pilot.pause()
    for box in screen.query(Checkbox):
        box.value = True
    await pilot.press("ctrl+s")
    await _settle(pilot)
    await pilot.press("f7")
    screen.query_one("#documents-dir", Input).value = str(data_dir / "documents")
    screen.query_one("#download", Button).press()
    await _settle(pilot)
    scans = {
        FileKind.INFO_FORM: ("info_form.pdf", b"%PDF-1.4 info"),
        FileKind.CONSENT: ("consent.pdf", b"%PDF-1.4 consent"),
        FileKind.LICENSE: ("license.jpg", b"\xff\xd8\xff\xe0 licence"),
    }
    for kind, (name, content) in scans.items():
        path = data_dir / name
        path.write_bytes(content)
        screen.query_one("#scan-kind", Select).value = kind
        screen.query_one("#scan-path", Input).value = str(path)
        screen.query_one("#upload", Button).press()
        await _settle(pilot)
    save(app, "walkthrough-upload.svg")
    await pilot.press("f7")
    screen.query_one("#submit", Button).press()
    await _settle(pilot)
    save(app, "walkthrough-status.svg")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hqms-screenshots-") as data_dir:
        for path in asyncio.run(make_screenshots(args.out, Path(data_dir))):
            print(path)


if __name__ == "__main__":
    main()
