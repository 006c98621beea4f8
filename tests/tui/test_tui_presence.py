"""「另一位坐席也在查看」at 80×24 against the real in-process API, with two operators: the
reviewer has an application open (their kiosk's heartbeat, sent over their own client), the
operator opens it too — each is told about the other, and leaving clears it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from client import CentralAPI
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from tests.tui.aftercare_hands import open_detail, settle
from tui import HotlineApp
from tui.widgets.presence import PresenceMarker

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
OPERATOR, REVIEWER = DEMO_OPERATORS[0], DEMO_OPERATORS[1]


async def test_the_second_operator_sees_the_first_and_leaving_clears_it(
    signed_in: CentralAPI, reviewer_api: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    [approved] = (await reviewer_api.search_applications(phone=DEMO_PHONES["approved"])).items
    # The reviewer's kiosk heartbeat: they have the application open.
    assert (await reviewer_api.presence(approved.id)).others == [], "nobody else yet"

    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, DEMO_PHONES["approved"])
        assert detail.application_id == approved.id
        marker = detail.query_one(PresenceMarker)
        await settle(pilot)
        sentence = f"坐席 {REVIEWER.display_name} 也在查看这份申请"
        assert sentence in marker.sentence and marker.display
        assert sentence in screen_text(app)

        # The reviewer is told about the operator by their own next heartbeat.
        others = (await reviewer_api.presence(approved.id)).others
        assert [viewer.display_name for viewer in others] == [OPERATOR.display_name]
        assert [viewer.operator for viewer in others] == [OPERATOR.username]

        # The reviewer closes the application: the operator's next heartbeat clears the marker.
        await reviewer_api.leave(approved.id)
        marker.heartbeat()
        await settle(pilot)
        assert marker.sentence == "" and not marker.display
        assert "也在查看" not in screen_text(app)

        # The reviewer comes back; the operator leaves the detail: the goodbye is sent at once.
        await reviewer_api.presence(approved.id)
        await pilot.press("escape")
        await settle(pilot)
        assert not detail.is_attached
    assert (await reviewer_api.presence(approved.id)).others == []


async def test_no_heartbeat_behind_the_idle_lock(
    signed_in: CentralAPI, reviewer_api: CentralAPI, kiosk: Kiosk
) -> None:
    """A locked desk is an empty desk: it stops saying it is looking."""
    [approved] = (await reviewer_api.search_applications(phone=DEMO_PHONES["approved"])).items
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, DEMO_PHONES["approved"])
        await settle(pilot)
        assert (await reviewer_api.presence(approved.id)).others != []
        await signed_in.leave(approved.id)  # as if the last heartbeat had expired
        app.lock()
        await pilot.pause()
        assert app.locked
        detail.query_one(PresenceMarker).heartbeat()
        await settle(pilot)
        assert (await reviewer_api.presence(approved.id)).others == []
