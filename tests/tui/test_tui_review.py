"""The reviewer's queue at 80×24 against the real API (in-process) with the demo data: a
reviewer approves one application after the confirmation and rejects another with a reason;
an operator gets no queue."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input
from textual.worker import WorkerFailed

from client import CentralAPI
from domain import Status
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from tui import HotlineApp
from tui.screens import (
    ConfirmModal,
    LookupScreen,
    ReasonModal,
    ReviewQueueScreen,
    ReviewScreen,
)
from tui.screens.review import COMMON_REJECTION_REASONS
from tui.widgets import DocumentCheckSection, StatusLine

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[object]], str]
OPERATOR, REVIEWER = DEMO_OPERATORS[0], DEMO_OPERATORS[1]
OLDER_PHONE = "13700137001"


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def sign_in(pilot: Pilot[None], username: str, password: str) -> None:
    await pilot.press(*username, "enter", *password, "enter")
    await settle(pilot)


def status_of(app: HotlineApp) -> str:
    return app.screen.query_one("#status", StatusLine).sentence


def queue_ids(app: HotlineApp) -> list[str]:
    table = app.screen.query_one("#queue", DataTable)
    return [str(row.value) for row in table.rows]


async def test_reviewer_approves_one_and_rejects_another_from_the_queue(
    central: CentralAPI, kiosk: Kiosk, make_application, screen_text: ScreenText
) -> None:
    older = make_application(status="pending", phone=OLDER_PHONE)
    [demo_pending] = await _pending_ids(central, DEMO_PHONES["pending"])
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, REVIEWER.username, REVIEWER.password)
        assert "审核队列" in screen_text(app)  # offered in the footer
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        assert queue_ids(app) == [older, demo_pending]  # oldest submission first
        assert "待审核 2 条" in status_of(app)

        # 通过 the demo's pending application, after reading what approval sets off.
        await pilot.press("down", "enter")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        check = review.query_one(DocumentCheckSection)
        assert check.fingerprint and check.fingerprint.startswith(f"HQMS:{demo_pending}:R")
        assert check.all_scans_current
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        shown = screen_text(app)
        assert "开通机构账号" in shown
        assert "138****8005" in shown and "@" in shown and "***" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        assert "已通过" in status_of(app) and "待审核 1 条" in status_of(app)
        assert queue_ids(app) == [older]

        # 不通过 the other: an empty reason is refused, a common reason picked and sent.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert not app.screen.query_one(DocumentCheckSection).all_scans_current  # no scans
        await pilot.press("r")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ReasonModal)
        # The rejection goes by email and an SMS says so: the modal says both, masked.
        shown = " ".join(screen_text(app).split())
        assert "原因会随通知邮件发给数据管理员 z***@example.com，并短信提醒" in shown, shown
        masked = f"{OLDER_PHONE[:3]}****{OLDER_PHONE[-4:]}"
        assert masked in shown, shown
        await pilot.press("enter")
        await pilot.pause()
        assert "请填写不通过的原因" in modal.query_one("#modal-status", StatusLine).sentence
        await pilot.press("tab", "down", "enter")  # the list of common reasons: the second
        assert modal.query_one("#reason", Input).value == COMMON_REJECTION_REASONS[1]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        assert "已退回" in status_of(app) and "没有待审核的申请" in status_of(app)
        assert queue_ids(app) == []

    approved = await central.get_application(demo_pending)
    rejected = await central.get_application(older)
    assert approved.status is Status.APPROVED and approved.account is not None
    assert rejected.status is Status.REJECTED
    assert rejected.review is not None and rejected.review.reason == COMMON_REJECTION_REASONS[1]


async def test_cancelled_confirmation_changes_nothing(central: CentralAPI, kiosk: Kiosk) -> None:
    [pending] = await _pending_ids(central, DEMO_PHONES["pending"])
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, REVIEWER.username, REVIEWER.password)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"x", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    assert (await central.get_application(pending)).status is Status.PENDING


async def test_an_operator_gets_no_review_queue(
    central: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, OPERATOR.username, OPERATOR.password)
        assert isinstance(app.screen, LookupScreen)
        assert "审核队列" not in screen_text(app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "审核队列" not in titles
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        assert not any(isinstance(screen, ReviewQueueScreen) for screen in app.screen_stack)


async def _pending_ids(central: CentralAPI, phone: str) -> list[str]:
    """A demo caller's pending applications, read before the kiosk signs in on the same client."""
    await central.login(REVIEWER.username, REVIEWER.password)
    page = await central.search_applications(phone=phone)
    await central.logout()
    return [item.id for item in page.items if item.status is Status.PENDING]
