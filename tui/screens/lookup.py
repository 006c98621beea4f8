"""`LookupScreen` (home): a caller's phone number → their application, or a list to pick from;
an institution's code → whether it is already in HQMS, and all its applications and accounts.

This is the kiosk's first screen, so it loads light: the result list and the registry's verdict
(and with them the domain's wire models and state names) are imported and mounted when a search
first needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label

from client import CentralAPI
from domain import DomainError, normalize_mobile

from .._i18n import N_, tr
from .._sign_in import PendingSignIn
from .._text import no_match_sentence
from ..widgets import LookupInput, StatusLine, is_code
from ..widgets.call_bar import CallBar
from ._base import ApiScreen

if TYPE_CHECKING:
    from domain import ApplicationSummary, CodeCheck, WrapUp

    from ..app import HotlineApp
    from ..widgets import HqmsVerdict, ResultsTable

REVIEWERS_ONLY = N_("审核队列只对审核员开放：当前账号不能审核申请。")
SEARCH_LIMIT = 50
"""More applications than this on one phone is not a caller; the list says so."""


def may_review(api: CentralAPI) -> bool:
    """Whether the signed-in operator's role may approve and reject (reviewer or admin)."""
    grant = api.grant if api.signed_in else None
    # Compared as text: `domain.Role` would load the wire models before the first screen.
    return grant is not None and str(grant.operator.role) in ("reviewer", "admin")


class LookupScreen(ApiScreen):
    """The home screen: the lookup box (a mobile or a code) is focused as soon as it shows.

    | key    | action |
    |--------|--------|
    | Enter  | 查询 (in the lookup box) / 打开 (in the result list) |
    | Escape | 清空 and back to the lookup box |
    | F5     | 刷新: search the same number or code again |
    | F3     | 新申请: the registration walk-through for the typed number or code |
    | F2     | 审核队列 (reviewers and admins only; hidden for operators) |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "search", N_("查询")),
        Binding("escape", "clear", N_("清空")),
        Binding("f5", "reload", N_("刷新")),
        Binding("f2", "review_queue", N_("审核队列")),
        Binding("f3", "app.new_registration", N_("新申请")),
    ]
    AUTO_FOCUS = "#lookup"

    class SearchFinished(Message):
        """The API answered a phone search."""

        def __init__(self, phone: str, summaries: list[ApplicationSummary], more: bool) -> None:
            self.phone = phone
            self.summaries = summaries
            self.more = more
            super().__init__()

    class CodeSearchFinished(Message):
        """The API answered a search by code: the registry's verdict and the applications."""

        def __init__(
            self, check: CodeCheck, summaries: list[ApplicationSummary], more: bool
        ) -> None:
            self.check = check
            self.summaries = summaries
            self.more = more
            super().__init__()

    class OpenApplication(Message):
        """Show one application's detail (handled by the app, which owns the screens)."""

        def __init__(self, application_id: str) -> None:
            self.application_id = application_id
            super().__init__()

    class OpenReviewQueue(Message):
        """Show the reviewer's queue (handled by the app, which owns the screens)."""

    last_phone = ""
    last_code = ""
    """The last code searched (F5 repeats it); empty when the last search was by phone."""

    def __init__(
        self,
        api: CentralAPI,
        *,
        clock: Callable[[], datetime],
        phone: str = "",
        pending_sign_in: PendingSignIn | None = None,
    ) -> None:
        """`phone` is what the operator had typed before a failed sign-in; `pending_sign_in` is the
        sign-in still running in the background, which a search waits for."""
        super().__init__(api, clock=clock)
        self.initial_phone = phone
        self.pending_sign_in = pending_sign_in

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="search-bar"):
            yield Label(tr("手机号/代码"), id="lookup-label")
            yield LookupInput(self.initial_phone, id="lookup")
        yield Label(
            tr(
                "输入来电手机号，或医疗机构代码、组织机构代码、统一社会信用代码，按 Enter 查询；"
                "可直接粘贴。"
            ),
            id="hint",
        )
        yield StatusLine(id="status")
        yield CallBar()
        yield Footer()

    @property
    def lookup_input(self) -> LookupInput:
        return self.query_one("#lookup", LookupInput)

    @property
    def typed_phone(self) -> str:
        """What the lookup box holds when it is not a code: a mobile, perhaps unfinished."""
        value = self.lookup_input.value
        return "" if is_code(value) else value

    @property
    def typed_code(self) -> str:
        """What the lookup box holds when it is an institution's code."""
        value = self.lookup_input.value
        return value.strip() if is_code(value) else ""

    @property
    def results(self) -> ResultsTable | None:
        """The result list, once a phone has matched several applications."""
        from ..widgets import ResultsTable

        found = self.query(ResultsTable)
        return found.first() if found else None

    @property
    def verdict(self) -> HqmsVerdict | None:
        """The registry's verdict, once a code has been searched."""
        from ..widgets import HqmsVerdict

        found = self.query(HqmsVerdict)
        return found.first() if found else None

    def focus_search(self) -> None:
        self.lookup_input.focus()

    @on(Input.Submitted, "#lookup")
    def lookup_submitted(self) -> None:
        self.action_search()

    def action_search(self) -> None:
        if code := self.typed_code:
            self.last_code = code
            self.search_code(code)
            return
        try:
            phone = normalize_mobile(self.lookup_input.value, field="phone")
        except DomainError as error:
            from .._said import domain_sentence  # the domain's wire models load on need

            self.status_line.error(domain_sentence(error))
            return
        calls = self.hotline.calls
        if calls.is_other_number(phone) and calls.current is not None:
            # Another number while a call is open: a new caller, or the same one giving a
            # second number — the operator says which before the lookup goes on.
            from .wrap_up import WrapUpModal

            modal = WrapUpModal(phone=calls.current.phone, new_phone=phone)
            self.app.push_screen(modal, lambda answer: self.after_wrap_up(answer, phone))
            return
        self.last_phone, self.last_code = phone, ""
        self.search(phone)

    def after_wrap_up(self, answer: object, phone: str) -> None:
        if answer is None:
            return  # cancelled: the call goes on, nothing is looked up
        self.last_phone, self.last_code = phone, ""
        self.search(phone, wrap_up=answer if isinstance(answer, tuple) else None)

    @property
    def hotline(self) -> HotlineApp:
        return cast("HotlineApp", self.app)

    def action_clear(self) -> None:
        self.lookup_input.value = ""
        self.hide_results()
        self.status_line.clear()
        self.focus_search()

    def hide_results(self) -> None:
        if (results := self.results) is not None:
            results.display = False
        if (verdict := self.verdict) is not None:
            verdict.clear()

    def action_reload(self) -> None:
        if self.last_code:
            self.search_code(self.last_code)
        elif self.last_phone:
            self.search(self.last_phone)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review_queue":
            return may_review(self.api)
        return True

    def action_review_queue(self) -> None:
        if not may_review(self.api):
            self.status_line.error(tr(REVIEWERS_ONLY))
            return
        self.post_message(self.OpenReviewQueue())

    @work(exclusive=True, exit_on_error=False, group="lookup")
    async def search(self, phone: str, *, wrap_up: tuple[WrapUp, str] | None = None) -> None:
        """Look the number up; the call is recorded from the first lookup of its number
        (`wrap_up`: the previous call's, to close it first)."""
        if self.pending_sign_in is not None and self.pending_sign_in.pending:
            self.status_line.busy(tr("正在登录，登录后立即查询…"))
            if not await self.pending_sign_in.wait():
                return  # the app has replaced this screen with the login form and its sentence
        calls = self.hotline.calls
        if wrap_up is not None and not await self.hotline.end_call(*wrap_up):
            return  # the sentence is on screen; the old call is still open
        self.status_line.busy(tr("正在查询…"))
        page = await self.api.search_applications(phone=phone, limit=SEARCH_LIMIT)
        if calls.open:
            calls.looked_up(phone)
        else:
            await calls.begin(self.api, phone)
        more = page.next_cursor is not None
        self.post_message(self.SearchFinished(phone, page.items, more))

    @work(exclusive=True, exit_on_error=False, group="lookup")
    async def search_code(self, code: str) -> None:
        """Whether the institution is already in HQMS, and every application (with its account)
        of the code; no call record starts, since a call is keyed by the caller's number."""
        if self.pending_sign_in is not None and self.pending_sign_in.pending:
            self.status_line.busy(tr("正在登录，登录后立即查询…"))
            if not await self.pending_sign_in.wait():
                return
        self.status_line.busy(tr("正在查询…"))
        check = await self.api.check_code(code)
        if not check.organization:  # no institution to look for: the verdict says why
            self.post_message(self.CodeSearchFinished(check, [], False))
            return
        page = await self.api.search_applications(code=check.normalized, limit=SEARCH_LIMIT)
        more = page.next_cursor is not None
        self.post_message(self.CodeSearchFinished(check, page.items, more))

    async def on_lookup_screen_search_finished(self, message: SearchFinished) -> None:
        if (verdict := self.verdict) is not None:
            verdict.clear()
        found = message.summaries
        if len(found) > 1:
            await self.show_results(found, more=message.more)
            return
        if (results := self.results) is not None:
            results.display = False
        if not found:
            self.status_line.info(no_match_sentence(message.phone))
        else:
            self.status_line.clear()
            self.post_message(self.OpenApplication(found[0].id))

    async def on_lookup_screen_code_search_finished(self, message: CodeSearchFinished) -> None:
        """The verdict first (what to read to the caller), then every application of the code,
        even a single one: the operator chose the code to see them all."""
        verdict = self.verdict
        if verdict is None:
            from ..widgets import HqmsVerdict

            verdict = HqmsVerdict(id="verdict")
            await self.mount(verdict, after=self.status_line)
        check, found = message.check, message.summaries
        logins = [s.account.login_name for s in found if s.account is not None]
        accounts = list(dict.fromkeys(logins)) if check.organization else None
        verdict.show(check, accounts=accounts)
        if found:
            await self.show_results(found, more=message.more)
            return
        if (results := self.results) is not None:
            results.display = False
        if check.organization:
            self.status_line.info(tr("没有找到代码 {code} 的申请。", code=check.normalized))
        else:
            self.status_line.clear()

    async def show_results(self, found: list[ApplicationSummary], *, more: bool) -> None:
        results = self.results
        if results is None:
            from ..widgets import ResultsTable

            results = ResultsTable(id="results")
            await self.mount(results, before=self.query_one(Footer))
        results.display = True
        count = len(found)
        only_first = tr("（只列出前 {count} 条）", count=count) if more else ""
        self.status_line.info(
            tr(
                "找到 {count} 条申请{only_first}，用 ↑↓ 选择，Enter 打开。",
                count=count,
                only_first=only_first,
            )
        )
        results.show(found)
        results.focus()

    def on_results_table_picked(self, message: ResultsTable.Picked) -> None:
        self.post_message(self.OpenApplication(message.application_id))
