"""`HotlineApp`: the operators' kiosk, built with its API client injected.

The app owns the screen stack (login → lookup → detail) and the commands that work from any
screen; every API call runs in a worker on the screen that needs it (see `screens._base`), except
the automatic sign-in, which the app runs itself behind the lookup screen (see `_sign_in`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from client import CentralAPI

from ._bindings import translate_bindings
from ._desk import DEFAULT_IDLE_LOCK_MINUTES, Desk
from ._i18n import N_, current_language, tr
from ._sign_in import PendingSignIn
from ._text import failure_sentence
from .screens import ApiScreen, LoginScreen, LookupScreen
from .screens.lookup import may_review

if TYPE_CHECKING:
    from domain import TokenGrant

DEFAULT_API_URL = "http://127.0.0.1:8000"
NAVIGATION = (
    (N_("查询手机号"), N_("回到首页，输入来电手机号查询"), "home"),
    (N_("返回首页"), N_("关闭当前页面，回到手机号查询"), "home"),
    (N_("刷新"), N_("重新读取当前页面的数据"), "reload"),
)
"""The palette's first entries on signed-in screens: title, what it does, the app's action."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class HotlineApp(Desk):
    """HQMS 热线工作台.

    | key    | action |
    |--------|--------|
    | Ctrl+P | 命令面板 (查询手机号, 返回首页, 刷新, 新申请, 审核队列 for reviewers, 退出登录) |
    | Ctrl+E | 结束通话 (话后小结) |
    | Ctrl+L | 退出登录 |
    | Ctrl+Q | 退出 |

    The open call, the idle lock and leaving the desk are `Desk`'s (see `_desk`).
    """

    CSS_PATH = "app.tcss"
    TITLE = N_("HQMS 热线工作台")
    SUB_TITLE = N_("流感医疗服务监测系统 · 400 0030 686")

    def __init__(
        self,
        api: CentralAPI | None = None,
        *,
        api_url: str = DEFAULT_API_URL,
        username: str | None = None,
        password: str | None = None,
        clock: Callable[[], datetime] | None = None,
        idle_lock_minutes: float = DEFAULT_IDLE_LOCK_MINUTES,
    ) -> None:
        super().__init__(idle_lock_minutes=idle_lock_minutes)
        translate_bindings(self)
        self.title = tr(self.TITLE)
        self.sub_title = tr(self.SUB_TITLE)
        self.owns_api = api is None
        self.api = api if api is not None else CentralAPI(api_url, language=current_language())
        self.clock = clock or _utc_now
        self.autologin = (username or "", password or "")
        self.pending_sign_in: PendingSignIn | None = None
        """The automatic sign-in while it runs behind the lookup screen."""
        self.kept_phone = ""
        """What the operator had typed when the session ended; the next lookup screen shows it."""

    def on_mount(self) -> None:
        self.start_idle_clock()
        username, password = self.autologin
        if self.api.signed_in:
            self.push_screen(self.lookup_screen())
        elif username and password:
            # The lookup screen shows at once and takes keys; the sign-in's round trip (argon2
            # on the server, httpx and the wire models loading here) runs behind it, after the
            # first frame, and a search pressed meanwhile waits for it.
            self.pending_sign_in = PendingSignIn()
            self.sub_title = tr("正在登录…")
            self.push_screen(self.lookup_screen())
            self.call_after_refresh(self.start_sign_in, username, password, self.pending_sign_in)
        else:
            self.push_screen(LoginScreen(self.api, clock=self.clock))

    async def on_unmount(self) -> None:
        if self.owns_api:
            await self.api.aclose()

    def lookup_screen(self) -> LookupScreen:
        phone, self.kept_phone = self.kept_phone, ""
        return LookupScreen(
            self.api, clock=self.clock, phone=phone, pending_sign_in=self.pending_sign_in
        )

    # -- signing in ----------------------------------------------------------------------------

    def start_sign_in(self, username: str, password: str, pending: PendingSignIn) -> None:
        self.run_worker(
            self.sign_in_behind_lookup(username, password, pending),
            group="sign-in",
            exit_on_error=False,
        )

    async def sign_in_behind_lookup(
        self, username: str, password: str, pending: PendingSignIn
    ) -> None:
        try:
            grant = await self.api.login(username, password)
        except Exception as error:
            # Whatever went wrong (bad password, API down, a bug), the operator gets the login
            # form with the sentence, the username filled in and the typed number kept.
            self.show_login(error=failure_sentence(error), username=username, keep_phone=True)
        else:
            self.show_operator(grant)
        finally:
            # Also when cancelled (signed out meanwhile): a waiting search must not hang.
            pending.settle(signed_in=self.api.signed_in)
            self.pending_sign_in = None

    def show_operator(self, grant: TokenGrant) -> None:
        operator = grant.operator
        self.sub_title = tr("操作员 {name}", name=operator.display_name or operator.username)
        # The role decides whether the lookup screen offers the review queue (F2).
        self.screen.refresh_bindings()

    # -- screen flow ---------------------------------------------------------------------------

    def on_login_screen_signed_in(self, message: LoginScreen.SignedIn) -> None:
        self.calls.keep_only_for(message.grant.operator.username, self.api)
        self.show_operator(message.grant)
        self.switch_screen(self.lookup_screen())

    def on_lookup_screen_open_application(self, message: LookupScreen.OpenApplication) -> None:
        # Imported here: the detail needs the domain's wire models, which the first screen
        # does not wait for (see domain/__init__).
        from .screens.detail import DetailScreen

        self.push_screen(DetailScreen(self.api, message.application_id, clock=self.clock))

    def on_lookup_screen_open_review_queue(self, message: LookupScreen.OpenReviewQueue) -> None:
        self.action_review_queue()

    def action_review_queue(self) -> None:
        if not may_review(self.api):
            return
        from .screens.review_queue import ReviewQueueScreen  # loads with the wire models

        if not isinstance(self.screen, ReviewQueueScreen):
            self.push_screen(ReviewQueueScreen(self.api, clock=self.clock))

    def action_new_registration(self) -> None:
        """新申请: the walk-through at 身份验证, for what the lookup box holds."""
        if isinstance(self.screen, LoginScreen):
            return
        from .screens.walkthrough import WalkthroughScreen  # loads with the wire models

        lookup = self.lookup()
        phone = "".join(char for char in lookup.typed_phone if char.isdigit()) if lookup else ""
        code = lookup.typed_code if lookup else ""
        self.push_screen(
            WalkthroughScreen(self.api, clock=self.clock, phone=phone, code=code),
            callback=self.after_walkthrough,
        )

    def action_handle_application(self) -> None:
        """办理: the walk-through of the application on screen, at the step where it stands."""
        from .screens.detail import DetailScreen
        from .screens.walkthrough import WalkthroughScreen

        if isinstance(self.screen, DetailScreen):
            screen = WalkthroughScreen(
                self.api, clock=self.clock, application_id=self.screen.application_id
            )
            self.push_screen(screen, callback=self.after_walkthrough)

    async def after_walkthrough(self, _: None) -> None:
        # The walk-through changed the application: the screen below shows it anew.
        await self.screen.run_action("reload")

    def show_login(
        self, *, notice: str = "", error: str = "", username: str = "", keep_phone: bool = False
    ) -> None:
        """The login form, on top of nothing else; `keep_phone` carries the typed number over
        to the lookup screen that follows the next sign-in."""
        if keep_phone:
            self.kept_phone = self.typed_lookup()
        self.api.token = None
        self.sub_title = tr(self.SUB_TITLE)
        self.autologin = ("", "")
        self.pop_to_base()
        self.switch_screen(
            LoginScreen(self.api, clock=self.clock, username=username, notice=notice, error=error)
        )

    def lookup(self) -> LookupScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, LookupScreen)), None)

    def typed_lookup(self) -> str:
        """What the lookup box holds (a mobile or a code), kept across a new sign-in."""
        lookup = self.lookup()
        return lookup.lookup_input.value if lookup is not None else ""

    def pop_to_base(self) -> None:
        """Close every screen above the first one pushed over the default screen."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    # -- actions and commands ------------------------------------------------------------------

    def action_home(self) -> None:
        if isinstance(self.screen_stack[-1], LoginScreen):
            return
        self.pop_to_base()
        self.call_after_refresh(self.focus_search)

    def focus_search(self) -> None:
        if isinstance(self.screen, LookupScreen):
            self.screen.focus_search()

    async def action_reload(self) -> None:
        await self.screen.run_action("reload")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if not isinstance(screen, LoginScreen):
            for title, what, action in NAVIGATION:
                yield SystemCommand(tr(title), tr(what), getattr(self, f"action_{action}"))
            if may_review(self.api):
                yield SystemCommand(
                    tr("审核队列"), tr("待审核的申请，最早提交的在前"), self.action_review_queue
                )
            yield SystemCommand(
                tr("新申请"),
                tr("为来电手机号开始注册：身份验证→填写资料→上传文件→审批状态"),
                self.action_new_registration,
            )
            if isinstance(screen, ApiScreen):
                yield from screen.palette_commands()
            yield from self.desk_commands()
        yield SystemCommand(tr("退出"), tr("关闭热线工作台"), self.action_quit)
        yield from (
            command
            for command in super().get_system_commands(screen)
            if command.title not in {"Quit"}
        )
