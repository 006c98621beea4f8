"""Regenerate `screenshots/*.svg` from the real kiosk on the real API with the demo data.

    python docs/tools/make_screenshots.py [--out screenshots]

A dev tool, outside the packages, so it may import the server: it migrates a temporary SQLite
database, seeds the demo at a fixed date, serves the API in-process (httpx.ASGITransport) and
drives `tui.HotlineApp` headless at 80×24, saving one SVG per screen:

    login.svg    the login form
    lookup.svg   the home screen after a number that matches nothing
    results.svg  a number with several applications: the list to pick from
    detail.svg   a pending application: banner, form, files, timeline
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
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
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hqms-screenshots-") as data_dir:
        for path in asyncio.run(make_screenshots(args.out, Path(data_dir))):
            print(path)


if __name__ == "__main__":
    main()
