"""The delivery worker as an asyncio task of the app's lifespan (DESIGN §4)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from ..context import AppContext
from .delivery import deliver_due

log = logging.getLogger(__name__)


async def run_delivery_worker(context: AppContext) -> None:
    """Deliver due messages every `settings.delivery_interval` seconds, until cancelled.

    A failing round (the database briefly away) is logged and the loop goes on: a stopped
    worker would silently hold back every code and every approval email.
    """
    interval = context.settings.delivery_interval
    while True:
        try:
            await deliver_due(context.settings, context.clock(), database=context.database)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("delivery round failed; retrying in %s s", interval)
        await asyncio.sleep(interval)


@asynccontextmanager
async def delivery_worker(context: AppContext) -> AsyncIterator[asyncio.Task[None] | None]:
    """Runs the worker for the duration of the block (none when the interval is 0)."""
    if context.settings.delivery_interval <= 0:
        yield None
        return
    task = asyncio.create_task(run_delivery_worker(context), name="hqms-outbox-delivery")
    try:
        yield task
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
