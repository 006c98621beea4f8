"""The automatic sign-in runs behind the lookup screen (Pilot, 80×24, real in-process API).

With saved credentials the lookup screen shows at once with the phone field focused; the sign-in
request is held at a gate here so that each test decides when the server answers.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled, WorkerFailed

from client import CentralAPI
from server.demo import DEMO_PHONES
from tests.tui.conftest import KIOSK_NOW
from tui import HotlineApp
from tui.screens import DetailScreen, LoginScreen, LookupScreen
from tui.widgets import LookupInput, StatusBanner, StatusLine

SIGN_IN_PATH = "/v1/auth/token"


class GatedTransport(httpx.AsyncBaseTransport):
    """Holds every sign-in request until `gate` is set; other requests pass straight through."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.gate = asyncio.Event()
        self.sign_ins = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == SIGN_IN_PATH:
            self.sign_ins += 1
            await self.gate.wait()
        return await self.inner.handle_async_request(request)


@pytest.fixture
def gated(demo_api_app: object) -> GatedTransport:
    return GatedTransport(httpx.ASGITransport(app=demo_api_app))  # type: ignore[arg-type]


@pytest.fixture
async def gated_api(gated: GatedTransport) -> AsyncIterator[CentralAPI]:
    async with CentralAPI("http://hqms.test", transport=gated) as api:
        yield api


def auto_signing_kiosk(api: CentralAPI, username: str, password: str) -> HotlineApp:
    return HotlineApp(api, username=username, password=password, clock=lambda: KIOSK_NOW)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish (failed or cancelled ones are expected outcomes here) and their
    messages be handled."""
    for _ in range(3):
        with contextlib.suppress(WorkerFailed, WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def status_sentence(app: HotlineApp) -> str:
    return app.screen.query_one("#status", StatusLine).sentence


async def wait_for_sign_in_request(pilot: Pilot[None], gated: GatedTransport) -> None:
    for _ in range(100):
        if gated.sign_ins:
            return
        await pilot.pause(0.01)
    raise AssertionError("the kiosk never sent its sign-in")


async def test_lookup_shows_before_sign_in_and_a_typed_search_waits_for_it(
    gated: GatedTransport, gated_api: CentralAPI, demo_operator: tuple[str, str]
) -> None:
    phone = DEMO_PHONES["pending"]
    app = auto_signing_kiosk(gated_api, *demo_operator)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LookupScreen)
        assert isinstance(app.focused, LookupInput)
        assert not gated_api.signed_in
        await wait_for_sign_in_request(pilot, gated)

        await pilot.press(*phone, "enter")
        await pilot.pause()
        assert isinstance(app.screen, LookupScreen)
        assert app.screen.query_one(LookupInput).value == phone
        assert status_sentence(app) == "正在登录，登录后立即查询…"

        gated.gate.set()
        await settle(pilot)
        assert gated_api.signed_in
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.query_one(StatusBanner).sentence.startswith("待审核，已提交")
        assert app.sub_title.startswith("操作员 ")
        assert gated.sign_ins == 1


async def test_failed_sign_in_after_lookup_showed_opens_login_and_keeps_the_phone(
    gated: GatedTransport, gated_api: CentralAPI, demo_operator: tuple[str, str]
) -> None:
    phone = DEMO_PHONES["pending"]
    username, password = demo_operator
    app = auto_signing_kiosk(gated_api, username, "not-the-password")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LookupScreen)
        await wait_for_sign_in_request(pilot, gated)
        await pilot.press(*phone, "enter")
        await pilot.pause()

        gated.gate.set()
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert status_sentence(app) == "用户名或密码不正确。"
        assert app.screen.query_one("#username", Input).value == username
        assert app.focused is app.screen.query_one("#password", Input)
        assert not gated_api.signed_in

        await pilot.press(*password, "enter")
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        assert isinstance(app.focused, LookupInput)
        assert app.screen.query_one(LookupInput).value == phone


async def test_sign_in_with_api_down_opens_login_with_the_sentence(closed_port: int) -> None:
    app = HotlineApp(api_url=f"http://127.0.0.1:{closed_port}", username="demo", password="x")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert status_sentence(app).startswith("无法连接中央服务")
        assert app.screen.query_one("#username", Input).value == "demo"


async def test_signing_out_during_the_sign_in_stays_signed_out(
    gated: GatedTransport, gated_api: CentralAPI, demo_operator: tuple[str, str]
) -> None:
    app = auto_signing_kiosk(gated_api, *demo_operator)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_sign_in_request(pilot, gated)
        await pilot.press(*DEMO_PHONES["pending"], "enter")
        await app.action_sign_out()
        gated.gate.set()
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert status_sentence(app) == "已退出登录。"
        assert not gated_api.signed_in
        assert len(app.screen_stack) == 2
