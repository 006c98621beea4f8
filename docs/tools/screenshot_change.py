"""The steps of the change-preview screenshot: a reviewer about to approve a 变更资料.

The demo holds no submitted change (its one change is a draft), so the scene first makes one as
another operator would, over the API directly (the kiosk's part of it is tested elsewhere): the
approved demo account renamed, with a new data administrator (`demo_change.py`, which the
change-preview test makes it with too). Then the reviewer opens it from the queue and presses
通过, which stops on the confirmation listing what would change.
"""

from __future__ import annotations

from demo_change import CHANGED_NAME, submit_change_with_a_new_administrator
from screenshot_stage import Stage, press

from client import CentralAPI
from domain import Kind
from tui.screens import ReviewQueueScreen


async def pending_change(stage: Stage) -> None:
    """变更资料 of the demo's approved account, submitted by the demo operator: renamed, and a
    new administrator whose mobile is verified by SMS."""
    async with CentralAPI("http://hqms.test", transport=stage.api) as api:
        await submit_change_with_a_new_administrator(api, stage.database_url)


async def change_in_queue(stage: Stage) -> None:
    """That change opened from the review queue (F2)."""
    queue = stage.pilot.app.screen
    assert isinstance(queue, ReviewQueueScreen), queue
    [row] = [
        number
        for number, summary in enumerate(queue.summaries)
        if summary.kind is Kind.CHANGE and summary.name == CHANGED_NAME
    ]
    await press(stage, *["down"] * row, "enter")


async def approve_key(stage: Stage) -> None:
    """通过 (a): the confirmation lists what changes before anything does."""
    await press(stage, "a")
