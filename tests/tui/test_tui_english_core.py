"""The core screens in English (`HQMS_LANG=en`) at 80×24 against the real API with the demo data:
login, lookup (no match, an API failure; the result list is in `test_tui_english_results`), and
a reviewer's queue, review (both verdicts of its document check) and both decision modals.
Each screen reads English apart from the application's own data, and every label shows whole;
the Chinese kiosk is checked to be still Chinese.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widgets import Input

from client import CentralAPI
from domain import Application, Status
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from tests.tui.aftercare_hands import settle, status_of
from tui import HotlineApp
from tui.screens import (
    ConfirmModal,
    LoginScreen,
    LookupScreen,
    ReasonModal,
    ReviewQueueScreen,
    ReviewScreen,
)
from tui.screens.review import COMMON_REJECTION_REASONS
from tui.widgets import StatusLine
from tui.widgets.sections import form_values

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[HotlineApp], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]
OPERATOR, REVIEWER = DEMO_OPERATORS[0], DEMO_OPERATORS[1]


def application_data(application: Application) -> list[str]:
    """What the review shows of the application's own data (names, address, people, files)."""
    form = application.form
    return [
        *form_values(form).values(),
        *form.subjects,
        *(info.filename for info in application.files),
    ]


async def test_login_lookup_and_no_match_in_english(
    central: CentralAPI,
    kiosk: Kiosk,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
    english: None,
) -> None:
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LoginScreen)
        shown = screen_text(app)
        for label in ("HQMS hotline desk · Operator sign-in", "Operator username", "Password"):
            assert label in shown
        assert chinese_left(shown, []) == []

        # An empty form says what is missing, in English and whole.
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert status_of(app) == "Please enter your username and password."
        assert status_of(app) in screen_text(app)

        await pilot.press(*OPERATOR.username, "enter", *OPERATOR.password, "enter")
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        shown = screen_text(app)
        assert "Mobile/code" in shown and "Mobile or code" in shown
        assert "pasting works too." in shown  # the hint's end: not cut
        assert "Clear" in shown and "New application" in shown  # the footer's keys
        assert chinese_left(shown, [OPERATOR.display_name]) == []

        # No match: the number masked in an English sentence.
        await pilot.press(*DEMO_PHONES["unknown"], "enter")
        await settle(pilot)
        assert status_of(app) == "No application or account found for 138****8000."
        shown = screen_text(app)
        assert status_of(app) in shown
        assert chinese_left(shown, [OPERATOR.display_name]) == []


async def test_an_api_failure_reads_english(
    closed_port: int,
    kiosk: Kiosk,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
    english: None,
) -> None:
    async with CentralAPI(f"http://127.0.0.1:{closed_port}", token="any", timeout=2) as api:
        app = kiosk(api)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*DEMO_PHONES["pending"], "enter")
            await settle(pilot)
            assert isinstance(app.screen, LookupScreen)
            sentence = status_of(app)
            assert sentence and "central service" in sentence
            shown = screen_text(app)
            assert sentence in " ".join(shown.split()) or sentence in shown
            assert chinese_left(shown, []) == []


async def test_reviewer_queue_review_and_modals_in_english(
    central: CentralAPI,
    kiosk: Kiosk,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
    make_application: Callable[..., str],
    english: None,
) -> None:
    older = make_application(status="pending", phone="13700137001")
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*REVIEWER.username, "enter", *REVIEWER.password, "enter")
        await settle(pilot)
        assert "Review queue" in screen_text(app)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        summaries = app.screen.summaries
        assert summaries[0].id == older
        shown = screen_text(app)
        assert "Review queue: applications pending review, oldest first." in shown
        for header in ("Submitted", "Waiting", "Institution", "Inst. code", "Kind"):
            assert header in shown
        assert status_of(app) == "2 pending review."
        assert "New" in shown
        names = [summary.name for summary in summaries]
        assert chinese_left(shown, [REVIEWER.display_name, *names]) == []

        # The review screen of the oldest one.
        await pilot.press("enter")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.application is not None
        data = [REVIEWER.display_name, *application_data(review.application)]
        shown = screen_text(app)
        assert f"Application {older} · revision" in shown
        assert "New application · “" in shown
        for key in ("Approve", "Reject"):
            assert key in shown
        # No scans: the document check's verdict shows whole at 80 columns.
        assert "✗ Licence: not uploaded" in shown
        assert "Scans missing or expired: these cannot be approved; reject and say why." in shown
        assert chinese_left(shown, data) == []

        # Approve asks first (cancelled here); the modal is English but for the data.
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        shown = screen_text(app)
        assert "Approve this application?" in shown and "Cancel" in shown
        assert chinese_left(shown, data) == []
        await pilot.press("escape")
        await settle(pilot)

        # Reject: an empty reason is refused in English; a common reason is listed in English
        # and goes to the data administrator in Chinese, as written for them.
        await pilot.press("r")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, ReasonModal)
        shown = screen_text(app)
        assert f"Reject “{review.application.form.name}”" in shown
        assert "Common reasons (Tab to the list, Enter to use one):" in shown
        assert "The info form does not carry the institution's seal." in shown
        assert "Reason (required)" in shown
        assert "and an SMS to " in " ".join(shown.split())
        assert chinese_left(shown, data) == []
        await pilot.press("enter")
        await pilot.pause()
        missing = modal.query_one("#modal-status", StatusLine).sentence
        assert missing.startswith("Please give the reason")
        await pilot.press("tab", "down", "enter")
        assert modal.query_one("#reason", Input).value == COMMON_REJECTION_REASONS[1]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewQueueScreen)
        outcome = status_of(app)
        assert outcome.startswith(f"Rejected “{review.application.form.name}” ({older})")
        assert outcome.endswith(
            "; the data administrator has been sent the reason. 1 pending review."
        )

        # The demo's pending application has every scan: that verdict wraps, and reads whole.
        await pilot.press("enter")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.application is not None
        shown = screen_text(app)
        assert "✓ Licence: does not expire with the form" in shown
        assert (
            "All three scans match the current form: check the fingerprint printed on them"
            " against the one on the left."
        ) in " ".join(shown.split())
        data = [REVIEWER.display_name, *application_data(review.application)]
        assert chinese_left(shown, data) == []

    rejected = await central.get_application(older)
    assert rejected.status is Status.REJECTED
    assert rejected.review is not None and rejected.review.reason == COMMON_REJECTION_REASONS[1]


async def test_the_kiosk_still_speaks_chinese_by_default(
    central: CentralAPI, kiosk: Kiosk, screen_text: ScreenText
) -> None:
    app = kiosk(central)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "HQMS 热线工作台 · 操作员登录" in shown and "操作员用户名" in shown
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert status_of(app) == "请填写用户名和密码。"
