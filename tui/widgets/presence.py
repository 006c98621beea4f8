"""`PresenceMarker`: "坐席 王芳 也在查看这份申请" while another operator has it open.

Two operators on one application during calls is how double resets and contradicting
instructions happen; the marker tells each of them at once. It heartbeats every
`HEARTBEAT_SECONDS` while mounted (the server forgets a heartbeat after 60 s) and says goodbye
when it is removed, so the other operator's marker clears without waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from textual.widgets import Static

from client import ApiError

from .._i18n import tr

if TYPE_CHECKING:
    from client import CentralAPI
    from domain import Presence

HEARTBEAT_SECONDS = 20.0


def presence_sentence(presence: Presence) -> str:
    names = [viewer.display_name or viewer.operator for viewer in presence.others]
    if not names:
        return ""
    return tr(
        "注意：坐席 {names} 也在查看这份申请，办理前请先沟通，避免重复操作。",
        names=tr("、").join(names),
    )


class PresenceMarker(Static):
    """Hidden while nobody else is on the application."""

    DEFAULT_CSS = """
    PresenceMarker {
        height: auto;
        padding: 0 1;
        display: none;
        color: $text-warning;
        text-style: bold;
    }
    PresenceMarker.-shown {
        display: block;
    }
    """

    def __init__(
        self,
        api: CentralAPI,
        application_id: str,
        *,
        interval: float = HEARTBEAT_SECONDS,
        id: str | None = "presence",
    ) -> None:
        super().__init__("", markup=False, id=id)
        self.api = api
        self.application_id = application_id
        self.interval = interval
        self.sentence = ""

    def on_mount(self) -> None:
        self.heartbeat()
        self.set_interval(self.interval, self.heartbeat)

    def heartbeat(self) -> None:
        if getattr(self.app, "locked", False):
            # Behind the idle lock the operator is away: no heartbeat keeps the session alive
            # nor tells others someone is looking.
            return
        self.run_worker(self._beat(), group="presence", exclusive=True, exit_on_error=False)

    async def _beat(self) -> None:
        try:
            presence = await self.api.presence(self.application_id)
        except ApiError:
            return  # a missed heartbeat only delays the marker; the detail says API trouble
        self.sentence = presence_sentence(presence)
        self.update(self.sentence)
        self.set_class(bool(self.sentence), "-shown")

    async def on_unmount(self) -> None:
        # A courtesy: the heartbeat expires anyway, so closing must never wait on a slow API
        # (nor fail when the app is closing its client at the same time).
        with contextlib.suppress(ApiError, RuntimeError, TimeoutError):
            await asyncio.wait_for(self.api.leave(self.application_id), timeout=1.0)
