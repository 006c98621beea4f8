"""The committed screenshots show the screens as they render now.

Every scene of docs/tools/make_screenshots.py is played again the way `make screenshots` plays
it (same seed, clock, ids and home folder) and compared with `screenshots/<name>.svg`. A screen
changed without `make screenshots` fails here, with the lines that differ.
"""

from __future__ import annotations

import asyncio
import difflib
import html
import re
from pathlib import Path

import pytest

from docs.tools.make_screenshots import SCENES, render_scenes

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
RERUN = "run `make screenshots` and commit the SVGs it writes"

# Rich names the SVG's classes and clip paths `terminal-<adler32 of the content>`: the same
# screen gives the same name, but one changed cell renames every line; compare without it.
_UNIQUE_ID = re.compile(r"terminal-\d+")
_TEXT_RUN = re.compile(r'<text [^>]*?y="([\d.]+)"[^>]*clip-path[^>]*>([^<]*)</text>')


def normalised(svg: str) -> str:
    return _UNIQUE_ID.sub("terminal", svg)


def screen_lines(svg: str) -> list[str]:
    """The screen's text, line by line, as the SVG draws it."""
    lines: dict[float, list[str]] = {}
    for y, run in _TEXT_RUN.findall(svg):
        lines.setdefault(float(y), []).append(html.unescape(run).replace("\xa0", " "))
    return ["".join(runs).rstrip() for _, runs in sorted(lines.items())]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return asyncio.run(render_scenes(SCENES, tmp_path_factory.mktemp("screenshots")))


@pytest.mark.parametrize("name", [scene.name for scene in SCENES])
def test_committed_screenshot_shows_the_screen_as_it_renders_now(
    name: str, rendered: dict[str, str]
) -> None:
    committed = SCREENSHOTS / f"{name}.svg"
    assert committed.is_file(), f"screenshots/{name}.svg is missing: {RERUN}."
    before, now = committed.read_text(encoding="utf-8"), rendered[name]
    if normalised(before) == normalised(now):
        return
    changed = "\n".join(
        difflib.unified_diff(
            screen_lines(before), screen_lines(now), "committed", "rendered now", lineterm=""
        )
    )
    pytest.fail(
        f"screenshots/{name}.svg is older than the screen it shows: {RERUN}.\n"
        + (changed or "The text is the same; colours or styles changed.")
    )


def test_every_committed_screenshot_has_a_scene() -> None:
    committed = {path.stem for path in SCREENSHOTS.glob("*.svg")}
    orphans = sorted(committed - {scene.name for scene in SCENES})
    assert not orphans, f"no scene makes {orphans} any more: {RERUN} (it removes them)."
