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
    settings = context.settings
    if not settings.smtp_host or not settings.sms_gateway_url:
        # The demo sink writes codes and initial passwords to files: fine on a demo machine,
        # never what an operator of a real installation should discover by accident.
        log.warning(
            "HQMS_SMTP_HOST or HQMS_SMS_GATEWAY_URL is not set: messages of that channel go "
            "to the local demo folder %s/outbox-demo, not to the recipients",
            settings.data_dir,
        )
    task = asyncio.create_task(run_delivery_worker(context), name="hqms-outbox-delivery")
    try:
        yield task
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
