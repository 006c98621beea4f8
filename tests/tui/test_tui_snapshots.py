"""SVG snapshots of the lookup list and the detail at 80×24 (fixed data, fixed clock).

Update after an intended change of the screens with `pytest tests/tui --snapshot-update`
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from client import CentralAPI
from tests.tui.fixed_api import NOW, ONE_MATCH_PHONE, SEVERAL_MATCHES_PHONE, fixed_transport
from tui import HotlineApp

SnapCompare = Callable[..., bool]


def signed_in_kiosk() -> HotlineApp:
    api = CentralAPI("http://hqms.test", token="fixed", transport=fixed_transport())
    return HotlineApp(api, clock=lambda: NOW)


def searching(phone: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*phone, "enter")
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run_before


def test_detail_snapshot(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        signed_in_kiosk(), terminal_size=(80, 24), run_before=searching(ONE_MATCH_PHONE)
    )


def test_several_matches_snapshot(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        signed_in_kiosk(), terminal_size=(80, 24), run_before=searching(SEVERAL_MATCHES_PHONE)
    )
