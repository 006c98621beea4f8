"""Pilot tests of the kiosk at 80×24 against the real in-process API with the demo data."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable

import httpx
from textual.app import App
from textual.events import Paste
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerFailed

from client import CentralAPI
from server.demo import DEMO_PHONES
from tui import HotlineApp
from tui.screens import DetailScreen, LoginScreen, LookupScreen
from tui.screens.wrap_up import WrapUpModal
from tui.widgets import LookupInput, ResultsTable, StatusBanner, StatusLine

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[object]], str]
FULL_PHONE = re.compile(r"(?<![0-9A-Z])1[3-9]\d{9}(?![0-9A-Z])")


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their result messages be handled; a search that opens a detail
    starts the detail's own worker, hence the second round."""
    for _ in range(3):
        # A failed worker is an expected outcome here: the screen turns it into a sentence.
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def look_up(pilot: Pilot[None], phone: str) -> None:
    await pilot.press(*phone, "enter")
    await settle(pilot)


def status_sentence(app: HotlineApp) -> str:
    return app.screen.query_one("#status", StatusLine).sentence


async def test_login_with_good_password_opens_lookup_with_phone_focused(
    central: CentralAPI, kiosk: Kiosk, demo_operator: tuple[str, str]
) -> None:
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LoginScreen)
        username, password = demo_operator
        await pilot.press(*username, "enter", *password, "enter")
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        assert isinstance(app.focused, LookupInput)
        assert central.signed_in


async def test_login_with_bad_password_says_so_under_the_form(
    central: CentralAPI, kiosk: Kiosk, demo_operator: tuple[str, str], screen_text: ScreenText
) -> None:
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*demo_operator[0], "enter", *"wrong-password", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        sentence = status_sentence(app)
        assert sentence and "密码" in sentence
        assert sentence in screen_text(app)
        assert app.screen.query_one("#password", Input).value == ""
        assert not central.signed_in


async def test_autologin_skips_the_login_form(
    central: CentralAPI, demo_operator: tuple[str, str]
) -> None:
    username, password = demo_operator
    app = HotlineApp(central, username=username, password=password)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        assert isinstance(app.focused, LookupInput)


async def test_one_match_opens_the_detail_with_banner_and_masked_data(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_PHONES["pending"])
        assert isinstance(app.screen, DetailScreen)
        banner = app.screen.query_one(StatusBanner).sentence
        assert banner.startswith("待审核，已提交")
        shown = screen_text(app)
        assert banner in shown
        assert "138****8005" in shown
        assert "可执行：" in shown
        assert FULL_PHONE.search(shown) is None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LookupScreen)
        assert app.screen.query_one(LookupInput).value == DEMO_PHONES["pending"]


async def test_rejected_banner_reads_the_reason(signed_in: CentralAPI, kiosk: Kiosk) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_PHONES["rejected"])
        assert isinstance(app.screen, DetailScreen)
        banner = app.screen.query_one(StatusBanner).sentence
        assert banner.startswith("审核不通过：")
        assert len(banner) > len("审核不通过：")


async def test_problems_are_shown_next_to_their_fields(signed_in: CentralAPI, kiosk: Kiosk) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_PHONES["draft_incomplete"])
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        assert screen.application is not None and screen.application.problems
        problem_labels = screen.query(".problem")
        assert len(problem_labels) >= 1
        first = screen.application.problems[0]
        rendered = [str(label.render()) for label in problem_labels]
        assert any(first.message in text for text in rendered)


async def test_several_matches_list_then_pick_opens_detail(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_PHONES["several"])
        assert isinstance(app.screen, LookupScreen)
        table = app.screen.query_one(ResultsTable)
        assert table.display and table.row_count == 3
        assert app.focused is table
        shown = screen_text(app)
        assert "138****8009" in shown
        assert FULL_PHONE.search(shown.replace(DEMO_PHONES["several"], "", 1)) is None
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        picked = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert app.screen.application_id == picked


async def test_no_match_says_so_and_keeps_the_number(
    signed_in: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_PHONES["unknown"])
        assert isinstance(app.screen, LookupScreen)
        assert status_sentence(app) == "没有找到手机号 138****8000 的申请或账号。"
        assert "没有找到手机号 138****8000 的申请或账号。" in screen_text(app)
        assert app.screen.query_one(LookupInput).value == DEMO_PHONES["unknown"]


async def test_short_number_is_refused_with_a_sentence(signed_in: CentralAPI, kiosk: Kiosk) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, "1380013")
        assert isinstance(app.screen, LookupScreen)
        assert "11" in status_sentence(app) or "位" in status_sentence(app)
        assert app.screen.query_one(LookupInput).value == "1380013"


async def test_api_down_shows_a_sentence_and_keeps_the_number(
    closed_port: int, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    async with CentralAPI(f"http://127.0.0.1:{closed_port}", token="any", timeout=2) as api:
        app = kiosk(api)
        async with app.run_test(size=(80, 24)) as pilot:
            await look_up(pilot, "13800138005")
            assert isinstance(app.screen, LookupScreen)
            assert status_sentence(app).startswith("无法连接中央服务")
            assert "无法连接中央服务" in screen_text(app)
            assert app.screen.query_one(LookupInput).value == "13800138005"
            assert app.is_running


async def test_login_with_api_down_says_so(closed_port: int) -> None:
    app = HotlineApp(api_url=f"http://127.0.0.1:{closed_port}")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"demo", "enter", *"secret", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert status_sentence(app).startswith("无法连接中央服务")
        assert app.screen.query_one("#username", Input).value == "demo"


async def test_slow_api_says_it_timed_out(kiosk: Kiosk) -> None:
    def too_slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer in time", request=request)

    async with CentralAPI(
        "http://hqms.test", token="any", transport=httpx.MockTransport(too_slow)
    ) as api:
        app = kiosk(api)
        async with app.run_test(size=(80, 24)) as pilot:
            await look_up(pilot, "13800138005")
            assert status_sentence(app).startswith("中央服务响应超时")
            assert app.screen.query_one(LookupInput).value == "13800138005"


async def test_pasted_number_with_country_code_is_normalized(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lookup_input = app.screen.query_one(LookupInput)
        lookup_input.post_message(Paste("+86 138-0013-8005"))
        await pilot.pause()
        assert lookup_input.value == "13800138005"
        await pilot.press("+", " ", "。")
        assert lookup_input.value == "13800138005"


async def test_pasted_code_loses_spaces_and_full_width_characters(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lookup_input = app.screen.query_one(LookupInput)
        lookup_input.post_message(Paste("４５０３８８６２－０ ４４０１０４ １１ａ１００１\n"))
        await pilot.pause()
        assert lookup_input.value == "45038862-044010411A1001"


async def test_ctrl_q_quits(signed_in: CentralAPI, kiosk: Kiosk) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_sign_out_from_the_command_returns_to_login(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_PHONES["approved"])
        assert isinstance(app.screen, DetailScreen)
        await app.action_sign_out()
        await settle(pilot)
        # The lookup opened a call: signing out first asks how it ended (test_tui_call_on_quit).
        assert isinstance(app.screen, WrapUpModal)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert not signed_in.signed_in
        assert len(app.screen_stack) == 2


async def test_command_palette_offers_the_kiosk_commands(
    signed_in: CentralAPI, kiosk: Kiosk
) -> None:
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("查询手机号", "返回首页", "刷新", "退出登录", "退出"):
            assert title in titles
        await look_up(pilot, DEMO_PHONES["pending"])
        assert isinstance(app.screen, DetailScreen)
        app.action_home()
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        assert isinstance(app.focused, LookupInput)


async def test_expired_session_returns_to_login_with_a_sentence(
    central: CentralAPI, kiosk: Kiosk
) -> None:
    central.token = "a-token-the-server-never-issued"
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await look_up(pilot, DEMO_PHONES["pending"])
        assert isinstance(app.screen, LoginScreen)
        assert "登录" in status_sentence(app)
        assert not central.signed_in
