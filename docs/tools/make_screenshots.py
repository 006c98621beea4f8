"""Regenerate `screenshots/*.svg` from the real kiosk on the real API with the demo data.

    python docs/tools/make_screenshots.py [--out screenshots] [--only NAME ...]

A dev tool, outside the packages, so it may import the server. Every scene in `SCENES` (the
list of screenshots, one `Scene` each, plays in `screenshot_scenes.py`) starts from the same
seeded demo database, its own copy of it, and drives `tui.HotlineApp` headless at 80×24 over the
API in-process (httpx.ASGITransport) to the screen it shows. Everything that would otherwise vary
between runs is fixed, so a screenshot changes only when the screen does, and
tests/tui/test_tui_screenshots_current.py can tell a stale one: the seed and its date, the
clock (the kiosk's and the server's, which moves only when a step moves it), the application ids
the server hands out, the home folder the paths on screen start from, the text cursor (shown
steadily instead of blinking) and the resend countdown (held where it started).

A run over all scenes also removes the SVGs in the output folder that no scene makes any more.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from random import Random
from unittest.mock import patch

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot_scenes import SCENES  # noqa: E402
from screenshot_stage import SEEDED_AT, Scene, SceneClock, Stage, settle  # noqa: E402
from textual.widgets import Button, Input  # noqa: E402

from client import CentralAPI  # noqa: E402
from domain import is_application_id, new_application_id  # noqa: E402
from server import Settings, create_app, upgrade_database  # noqa: E402
from server.demo import seed_demo  # noqa: E402
from tui import HotlineApp  # noqa: E402
from tui._i18n import SOURCE_LANGUAGE, set_language  # noqa: E402
from tui.widgets.resend_button import ResendButton  # noqa: E402

SIZE = (80, 24)
ID_SEED = 2026
ID_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # the ids' own: no 0/O, 1/I/L


def seeded_template(folder: Path) -> Path:
    """The demo database every scene copies: migrated, seeded at SEEDED_AT."""
    database = folder / "template.sqlite3"
    url = f"sqlite:///{database}"
    upgrade_database(url)
    seed_demo(url, now=SEEDED_AT)
    return database


@contextmanager
def fixed_application_ids(seed: int) -> Iterator[None]:
    """The server's new application ids drawn from a seeded generator instead of `secrets`.

    The services import `new_application_id` by name, so it is replaced in every loaded server
    module that holds it."""
    rng = Random(seed)

    def next_id() -> str:
        chars = [rng.choice(ID_CHARACTERS) for _ in range(8)]
        made = "".join(chars[:4]) + "-" + "".join(chars[4:])
        assert is_application_id(made), f"{made} is not an application id any more"
        return made

    holders = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith("server.")
        and getattr(module, "new_application_id", None) is new_application_id
    ]
    for module in holders:
        module.new_application_id = next_id  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module in holders:
            module.new_application_id = new_application_id  # type: ignore[attr-defined]


@contextmanager
def home_folder(home: Path) -> Iterator[None]:
    """`~` in the paths the kiosk shows and reads (documents folder, scans) means `home`."""
    before = os.environ.get("HOME")
    os.environ["HOME"] = str(home)
    try:
        yield
    finally:
        if before is None:
            del os.environ["HOME"]
        else:
            os.environ["HOME"] = before


@contextmanager
def kiosk_language(language: str) -> Iterator[None]:
    """The kiosk speaks `language` for one run, and Chinese again after it."""
    set_language(language)
    try:
        yield
    finally:
        set_language(SOURCE_LANGUAGE)


def runs(scenes: Sequence[Scene]) -> Iterator[list[Scene]]:
    """The scenes in groups that one kiosk plays in turn: each continues the one before."""
    group: list[Scene] = []
    for scene in scenes:
        if group and not scene.continues(group[-1]):
            yield group
            group = []
        group.append(scene)
    if group:
        yield group


async def play_run(run: Sequence[Scene], template: Path, folder: Path) -> dict[str, str]:
    """One kiosk on a copy of the template database, through the scenes of `run`."""
    folder.mkdir(parents=True)
    database = folder / "hqms.sqlite3"
    shutil.copyfile(template, database)
    database_url = f"sqlite:///{database}"
    clock = SceneClock()
    api_app = create_app(Settings(data_dir=folder, database_url=database_url))
    api_app.state.context.clock = clock
    operator = run[0].operator
    username, password = (operator.username, operator.password) if operator else ("", "")
    home = folder / "home"
    home.mkdir()
    svgs: dict[str, str] = {}
    transport = httpx.ASGITransport(app=api_app)
    # The resend countdown ticks in real seconds, which the scenes' clock does not pass.
    with (
        fixed_application_ids(ID_SEED),
        home_folder(home),
        kiosk_language(run[0].language),
        patch.object(ResendButton, "_tick", lambda _: None),
    ):
        async with CentralAPI("http://hqms.test", transport=transport) as api:
            app = HotlineApp(api, username=username, password=password, clock=clock)
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                stage, played = Stage(pilot, database_url, home, clock, transport), 0
                for scene in run:
                    for step in scene.steps[played:]:
                        await step(stage)
                    played = len(scene.steps)
                    # A blinking cursor is on or off depending on how long the steps took; so is
                    # the 0.2 s flash of a pressed button (`-active`): show both at rest.
                    for field in app.screen.query(Input):
                        field.cursor_blink = False
                    for button in app.screen.query(Button):
                        button.remove_class("-active")
                    await pilot.pause()
                    svgs[scene.name] = app.export_screenshot()
    return svgs


async def render_scenes(scenes: Sequence[Scene], work: Path) -> dict[str, str]:
    """Each scene's name and SVG text, in the order of `scenes`."""
    template = seeded_template(work)
    svgs: dict[str, str] = {}
    for run in runs(scenes):
        svgs |= await play_run(run, template, work / run[0].name)
    return svgs


def make_screenshots(out: Path, names: Sequence[str] = ()) -> list[Path]:
    chosen = [scene for scene in SCENES if not names or scene.name in names]
    unknown = set(names) - {scene.name for scene in SCENES}
    if unknown:
        raise SystemExit(f"no such scene: {', '.join(sorted(unknown))}")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hqms-screenshots-") as work:
        svgs = asyncio.run(render_scenes(chosen, Path(work)))
    saved = []
    for name, svg in svgs.items():
        path = out / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        saved.append(path)
    if not names:
        for stale in set(out.glob("*.svg")) - set(saved):
            with suppress(FileNotFoundError):
                stale.unlink()
                print(f"removed {stale} (no scene makes it any more)")
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--only", nargs="+", default=[], metavar="NAME", help="these scenes")
    args = parser.parse_args()
    for path in make_screenshots(args.out, args.only):
        print(path)


if __name__ == "__main__":
    main()
