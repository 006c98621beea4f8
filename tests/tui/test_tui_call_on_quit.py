"""Quitting or signing out with a call open, at 80×24 against the real in-process API: the
wrap-up is asked first and the call ends on the server; Escape keeps the kiosk as it was; a
server out of reach is said, and the operator may still leave (the call then stays open)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from textual.app import App

from client import CentralAPI
from domain import WrapUp
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from tests.tui.aftercare_hands import open_detail, settle
from tui import HotlineApp
from tui.screens import DetailScreen, LoginScreen
from tui.screens.modals import ConfirmModal
from tui.screens.wrap_up import WrapUpModal

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
APPROVED = DEMO_PHONES["approved"]
OPERATOR = DEMO_OPERATORS[0]


class Unpluggable(httpx.AsyncBaseTransport):
    """The in-process API, with a cable that can be pulled (`down`): every request then fails
    to connect, as when the central server is out of reach."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.down = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("the cable is out", request=request)
        return await self.inner.handle_async_request(request)


@pytest.fixture
def cable(demo_api_app: object) -> Unpluggable:
    return Unpluggable(httpx.ASGITransport(app=demo_api_app))  # type: ignore[arg-type]


@pytest.fixture
async def unpluggable_api(cable: Unpluggable) -> AsyncIterator[CentralAPI]:
    async with CentralAPI("http://hqms.test", transport=cable) as api:
        await api.login(OPERATOR.username, OPERATOR.password)
        yield api


def open_call_id(app: HotlineApp) -> str:
    call = app.calls.current
    assert call is not None, "a call is open"
    return call.id


async def test_quit_asks_the_wrap_up_and_ends_the_call_on_the_server(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)

        # Escape in the wrap-up: nothing ends, the kiosk keeps running on the same screen.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        assert "退出前请为进行中的通话选择话后小结；按 Esc 取消退出。" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running and app.screen is detail
        assert open_call_id(app) == call_id
        assert (await signed_in.get_call(call_id)).ended_at is None

        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("down", "enter")  # 已指导操作，等待对方办理
        await settle(pilot)
        assert not app.is_running
    ended = await signed_in.get_call(call_id)
    assert ended.ended_at is not None and ended.wrap_up is WrapUp.GUIDED


async def test_quit_from_the_palette_asks_the_same(signed_in: CentralAPI, kiosk: Kiosk) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)
        [quit_command] = [c for c in app.get_system_commands(app.screen) if c.title == "退出"]
        await quit_command.callback()
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        await pilot.press("enter")  # 问题已解决
        await settle(pilot)
        assert not app.is_running
    assert (await signed_in.get_call(call_id)).wrap_up is WrapUp.RESOLVED


async def test_sign_out_asks_the_wrap_up_and_escape_keeps_the_session(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)
        [sign_out] = [c for c in app.get_system_commands(app.screen) if c.title == "退出登录"]

        await sign_out.callback()
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is detail and signed_in.signed_in
        assert (await signed_in.get_call(call_id)).ended_at is None

        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, WrapUpModal)
        await pilot.press("down", "down", "enter")  # 需要回电
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.calls.current is None and not signed_in.signed_in
    # Signed out: read the call back as the same operator on a new session.
    await signed_in.login(OPERATOR.username, OPERATOR.password)
    ended = await signed_in.get_call(call_id)
    assert ended.ended_at is not None and ended.wrap_up is WrapUp.CALLBACK


async def test_server_out_of_reach_is_said_and_the_operator_may_still_quit(
    unpluggable_api: CentralAPI, cable: Unpluggable, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(unpluggable_api)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)
        cable.down = True

        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        shown = screen_text(app)
        assert "无法连接中央服务" in shown
        assert "仍然退出的话，这通电话会在服务器上保持未结束，没有话后小结。" in shown
        await pilot.press("escape")  # stay: the operator may try again once the server is back
        await settle(pilot)
        assert app.is_running and app.screen is detail and open_call_id(app) == call_id

        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # 仍然退出
        await settle(pilot)
        assert not app.is_running
    cable.down = False
    assert (await unpluggable_api.get_call(call_id)).ended_at is None, "left open, as said"


async def test_quit_with_no_call_or_an_ended_session_asks_nothing(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot, APPROVED)
        assert isinstance(detail, DetailScreen)
        signed_in.token = "expired-token"  # the server ends the session: the login form
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen) and app.calls.open
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_locked_desk_quits_without_asking_anyone_for_the_wrap_up(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    """Whoever stands at a locked kiosk may close it, but must not write the call record."""
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, APPROVED)
        call_id = open_call_id(app)
        app.lock()
        await settle(pilot)
        assert app.locked
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not any(isinstance(screen, WrapUpModal) for screen in app.screen_stack)
        assert not app.is_running
    assert (await signed_in.get_call(call_id)).ended_at is None
