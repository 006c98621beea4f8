"""What every screenshot scene is made of: the still clock, the `Stage` a step plays on, the
`Scene`, and the few moves the steps share (`settle`, `press`, and `sms_code`, which lives in
`demo_change.py` because a test reads codes the same way).

`screenshot_scenes.py` lists the scenes; `make_screenshots.py` plays them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from demo_change import sms_code as sms_code
from textual.pilot import Pilot
from textual.worker import WorkerFailed

from server.demo import DEMO_OPERATORS, DemoOperator

SEEDED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
"""The demo's `now`: its applications are dated relative to it."""
KIOSK_NOW = SEEDED_AT + timedelta(hours=1)
"""Both clocks, the kiosk's and the server's, stand still here."""
OPERATOR, REVIEWER = DEMO_OPERATORS[0], DEMO_OPERATORS[1]


class SceneClock:
    """The time both the kiosk and the server read: it moves only when a step says so, so the
    times on screen (and the order of things done "at once") are the same on every run."""

    def __init__(self) -> None:
        self.at = KIOSK_NOW

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@dataclass(frozen=True)
class Stage:
    pilot: Pilot[None]
    database_url: str
    home: Path
    """The kiosk's `~`: documents are saved and scans read below it."""
    clock: SceneClock
    api: httpx.AsyncBaseTransport
    """The kiosk's way to the API: steps that act as someone else (another operator) use it."""


Play = Callable[[Stage], Awaitable[None]]


@dataclass(frozen=True)
class Scene:
    name: str
    steps: tuple[Play, ...]
    operator: DemoOperator | None = field(default=OPERATOR)
    language: str = "zh"
    """The kiosk's language (`HQMS_LANG`) for the whole scene."""

    def continues(self, before: Scene) -> bool:
        """True when this scene's steps start with all of `before`'s, for the same operator
        and language."""
        shared = self.steps[: len(before.steps)]
        return (
            self.operator == before.operator
            and self.language == before.language
            and shared == before.steps
        )


async def settle(pilot: Pilot[None]) -> None:
    """Until the workers are done and their messages handled (a failed worker is on screen)."""
    for _ in range(3):
        with suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def press(stage: Stage, *keys: str) -> None:
    await stage.pilot.press(*keys)
    await settle(stage.pilot)
