"""`hqms-desk web` in a real browser: headless Chromium loads the page, the kiosk it spawns draws
its login screen into the page's terminal, the operator types their own account and reaches the
lookup screen. Leaving the page, or stopping the server, ends that kiosk process."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from cli._web import KioskWebServer, kiosk_command
from cli.main import main
from tests.conftest import Credentials
from tests.field.web_browser import need_chromium, open_browser
from tests.field.web_kiosk import KioskPage, Screen, kiosk_processes, run_web_kiosk

SESSION_END_TIMEOUT = 10.0


@pytest.fixture
def database_url(sqlite_database_url: str) -> str:
    return sqlite_database_url


@pytest.fixture
def chromium() -> str:
    return need_chromium()


def on_login_screen(screen: Screen) -> bool:
    return "操作员登录" in screen.text and "用户名" in screen.text and "密码" in screen.text


def caret_in_password_field(screen: Screen) -> bool:
    # The password field is the one below its label; the username field is above it.
    return screen.cursor_row > screen.first_row_with("密码") >= 0


async def wait_for_no_kiosk(api_url: str) -> None:
    deadline = time.monotonic() + SESSION_END_TIMEOUT
    while kiosk_processes(api_url):
        assert time.monotonic() < deadline, "a kiosk process outlived its session"
        await asyncio.sleep(0.1)


async def sign_in(page: KioskPage, credentials: Credentials) -> Screen:
    await page.type(credentials.username)
    await page.press_enter()
    # Keys sent before the caret reaches the password field would land in the username field,
    # as they would for a person typing ahead of the screen.
    await page.wait_for(caret_in_password_field)
    await page.type(credentials.password)
    typed = await page.wait_for(lambda screen: "•" * len(credentials.password) in screen.text)
    assert credentials.password not in typed.text
    await page.press_enter()
    return await page.wait_for(lambda screen: "来电手机号" in screen.text)


async def test_operator_signs_in_to_the_kiosk_in_a_browser(
    chromium: str, served_url: str, operator_credentials: Credentials, tmp_path: Path
) -> None:
    # A kiosk account in the server's environment would sign every visitor in: `web` drops it.
    env = {
        **os.environ,
        "HQMS_USERNAME": operator_credentials.username,
        "HQMS_PASSWORD": operator_credentials.password,
    }
    with run_web_kiosk(served_url, tmp_path / "web.log", env=env) as web:
        async with open_browser(chromium, tmp_path / "profile") as browser:
            page = KioskPage(browser)
            await page.open(web.url)
            login = await page.wait_for(on_login_screen)
            assert login.shown, "the page still hides the terminal behind its intro"
            assert login.connected and not login.closed
            assert login.columns >= 80 and login.rows >= 24
            assert len(kiosk_processes(served_url)) == 1

            lookup = await sign_in(page, operator_credentials)
            assert "操作员 张丽" in lookup.text

            # Leaving the page, not only closing the browser, ends the signed-in kiosk; coming
            # back starts a new one at the login screen.
            await browser.call("Page.navigate", url="about:blank")
            await wait_for_no_kiosk(served_url)
            await page.open(web.url)
            await page.wait_for(on_login_screen)

            # Stopping the server ends the open session at once.
            started = time.monotonic()
            assert web.stop() == 0, web.log()
            assert time.monotonic() - started < SESSION_END_TIMEOUT
            assert not kiosk_processes(served_url)
            ended = await page.wait_for(lambda screen: screen.closed)
            assert not ended.connected


async def test_page_behind_a_tls_proxy_opens_its_websocket_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[KioskWebServer] = []
    monkeypatch.setattr(KioskWebServer, "serve", lambda server: started.append(server))
    monkeypatch.setenv("HQMS_PASSWORD", "kiosk account password")
    api_url = "https://hqms-api.internal"

    assert main(["web", "--api", api_url, "--public-url", "https://kiosk.hqms.test"]) == 0
    [server] = started
    assert server.command == kiosk_command(api_url)
    assert "HQMS_PASSWORD" not in os.environ  # the spawned kiosks inherit this environment

    async with TestClient(TestServer(await server._make_app())) as client:
        response = await client.get("/")
        page = await response.text()
    assert 'data-session-websocket-url="wss://kiosk.hqms.test/ws"' in page
    assert "https://kiosk.hqms.test/static/js/textual.js" in page
    assert response.headers["Cache-Control"] == "no-store"


def test_web_without_an_api_url_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("HQMS_API_URL", raising=False)
    assert main(["web"]) == 2
    message = capsys.readouterr().err
    assert "没有指定中央服务地址" in message
    assert "--api" in message and "HQMS_API_URL" in message
