"""The hotline call record at 80×24 against the real in-process API: looking the calling number
up starts a call, which follows the operator to the application and ends with a wrap-up
(Ctrl+E); another number while a call is open asks whether it is the same caller."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from client import CentralAPI
from domain import WrapUp
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from tests.tui.aftercare_hands import open_detail, settle
from tui import HotlineApp
from tui.screens import DetailScreen, LoginScreen, LookupScreen
from tui.screens.wrap_up import WrapUpModal
from tui.widgets.call_bar import CallBar

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
APPROVED, PENDING, REJECTED = (
    DEMO_PHONES["approved"],
    DEMO_PHONES["pending"],
    DEMO_PHONES["rejected"],
)
OPERATOR, REVIEWER = DEMO_OPERATORS[0], DEMO_OPERATORS[1]


def call_bar(app: HotlineApp) -> str:
    return str(app.screen.query_one(CallBar).render())


def open_call_id(app: HotlineApp) -> str:
    call = app.calls.current
    assert call is not None, "a call is open"
    return call.id


async def back_to_lookup(pilot: Pilot[None]) -> LookupScreen:
    await pilot.press("escape")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LookupScreen)
    await pilot.press("escape")  # 清空
    return screen


async def test_a_lookup_starts_the_call_and_ctrl_e_ends_it_with_the_wrap_up(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.calls.current is None
        assert "当前没有通话记录" in call_bar(app)
        detail = await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)
        assert signed_in.call_id == call_id, "every request now names the call"
        assert "通话中 138****8007" in screen_text(app)
        assert "未核实身份" in call_bar(app)
        on_server = await signed_in.get_call(call_id)
        assert on_server.phone == "138****8007" and on_server.ended_at is None
        assert on_server.application_id == detail.application_id, "the call is about it now"

        # Escape in the wrap-up ends nothing.
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        assert "结束通话 138****8007" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is detail and app.calls.current is not None
        assert (await signed_in.get_call(call_id)).ended_at is None

        # 需要回电, with a note: Tab into the note, Enter ends the call.
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("down", "down", "tab", *"约好明天上午回电", "enter")
        await settle(pilot)
        assert app.screen is detail
        assert app.calls.current is None and signed_in.call_id is None
        assert "当前没有通话记录" in call_bar(app)
        await pilot.press("ctrl+e")  # nothing left to end
        await pilot.pause()
        assert app.screen is detail

    ended = await signed_in.get_call(call_id)
    assert ended.wrap_up is WrapUp.CALLBACK and ended.wrap_up_note == "约好明天上午回电"
    assert ended.ended_at is not None
    timeline = await signed_in.get_events(detail.application_id)
    said = [event.detail for event in timeline.items if event.call_id == call_id]
    assert any("需要回电" in sentence for sentence in said), said


async def test_another_number_asks_whether_the_same_caller_is_on_the_line(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        approved = await open_detail(pilot, APPROVED)
        first_call = open_call_id(app)
        lookup = await back_to_lookup(pilot)

        # Escape: nothing ends, nothing is looked up.
        await pilot.press(*PENDING, "enter")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, WrapUpModal)
        shown = screen_text(app)
        assert "仍是同一通电话" in shown and "刚查询的 138****8005 不是本次通话的号码" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is lookup and lookup.lookup_input.value == PENDING
        assert open_call_id(app) == first_call
        assert (await signed_in.get_call(first_call)).application_id == approved.application_id

        # 仍是同一通电话 (offered first): the call goes on, now about the second application.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        await pilot.press("enter")
        await settle(pilot)
        pending = app.screen
        assert isinstance(pending, DetailScreen)
        assert pending.application_id != approved.application_id
        assert open_call_id(app) == first_call
        same = await signed_in.get_call(first_call)
        assert same.ended_at is None and same.application_id == pending.application_id
        assert "通话中 138****8007" in call_bar(app), "the call keeps the number that rang"

        # Both numbers belong to the call now: looking either up again asks nothing.
        await back_to_lookup(pilot)
        await pilot.press(*APPROVED, "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen) and open_call_id(app) == first_call

        # A new caller: the old call ends with its wrap-up (问题已解决), a new one starts.
        await back_to_lookup(pilot)
        await pilot.press(*REJECTED, "enter")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        await pilot.press("down", "enter")  # past 仍是同一通电话: 问题已解决
        await settle(pilot)
        rejected = app.screen
        assert isinstance(rejected, DetailScreen)
        second_call = open_call_id(app)
        assert second_call != first_call
        assert "通话中 138****8006" in call_bar(app)

    ended = await signed_in.get_call(first_call)
    assert ended.wrap_up is WrapUp.RESOLVED and ended.ended_at is not None
    new = await signed_in.get_call(second_call)
    assert new.phone == "138****8006" and new.ended_at is None
    assert new.application_id == rejected.application_id


async def test_enter_in_the_wrap_up_note_ends_with_the_first_reason(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    """The list starts on 问题已解决; Enter in the note ends the call with it."""
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, WrapUpModal)
        await pilot.press("tab", *"已解答")
        assert modal.query_one("#note", Input).value == "已解答"
        await pilot.press("enter")
        await settle(pilot)
        assert app.calls.current is None
    ended = await signed_in.get_call(call_id)
    assert ended.wrap_up is WrapUp.RESOLVED and ended.wrap_up_note == "已解答"


async def test_a_call_outlives_an_expired_session_only_for_its_own_operator(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)

        async def expire_and_sign_in(key: str, username: str, password: str) -> None:
            signed_in.token = "expired-token"  # what the server says of an ended session
            await pilot.press(key)  # the next request is refused: the login form
            await settle(pilot)
            assert isinstance(app.screen, LoginScreen)
            await pilot.press(*username, "enter", *password, "enter")
            await settle(pilot)
            assert isinstance(app.screen, LookupScreen)

        await expire_and_sign_in("f5", OPERATOR.username, OPERATOR.password)  # on the detail
        assert open_call_id(app) == call_id and signed_in.call_id == call_id
        assert "通话中 138****8007" in call_bar(app), "the same operator goes on with the call"

        assert app.typed_lookup() == APPROVED, "the number typed before is still there"
        await expire_and_sign_in("enter", REVIEWER.username, REVIEWER.password)
        assert app.calls.current is None and signed_in.call_id is None
        assert "当前没有通话记录" in call_bar(app), "another operator's call is not theirs"
