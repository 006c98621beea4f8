"""The steps and checks of an operator's SSH session to the kiosk, for test_field_ssh.

Every wait polls the screen or /proc with a deadline: the kiosk starts cold in each session,
which takes seconds on a busy 2-core machine.
"""

from __future__ import annotations

from collections.abc import Callable

from domain import DomainError, check_institution_code, normalize_mobile
from tests.conftest import Credentials
from tests.field.ssh_server import KioskSshServer
from tests.field.ssh_terminal import OperatorTerminal
from tests.messages_text import said
from tui.widgets.lookup_input import CODE_CHARACTERS, MAX_LENGTH, is_code

PROBE = "echo SHELL_MARKER_$((6*7))"
"""A line that a shell, and only a shell, answers with SHELL_ANSWER."""
SHELL_ANSWER = "SHELL_MARKER_42"
START_TIMEOUT = 60.0
ANSWER_TIMEOUT = 30.0
END_TIMEOUT = 30.0


def wait_for_login_screen(terminal: OperatorTerminal) -> str:
    return terminal.wait_for(
        lambda screen: "操作员登录" in screen, timeout=START_TIMEOUT, what="the login screen"
    )


def field_top_borders(terminal: OperatorTerminal) -> list[str]:
    """The top border lines of the login form's two fields, with their colours."""
    return [line for line in terminal.styled_screen().splitlines() if "▔▔▔▔" in line]


def sign_in(terminal: OperatorTerminal, credentials: Credentials) -> None:
    terminal.type(credentials.username)
    terminal.wait_for(
        lambda screen: credentials.username in screen, timeout=ANSWER_TIMEOUT, what="the username"
    )
    # Enter moves the focus to the password field only after the keys already on their way:
    # typed at once, the password would land in the username field. Wait until the password
    # field looks the way the focused username field looks.
    focused_look = field_top_borders(terminal)[0]
    terminal.keys("Enter")
    terminal.wait_for(
        lambda _: field_top_borders(terminal)[1:] == [focused_look],
        timeout=ANSWER_TIMEOUT,
        what="the focus in the password field",
    )
    terminal.type(credentials.password)
    terminal.keys("Enter")
    screen = terminal.wait_for(
        lambda screen: "来电手机号" in screen, timeout=ANSWER_TIMEOUT, what="the lookup screen"
    )
    assert credentials.password not in screen


def assert_only_the_kiosk_runs(server: KioskSshServer, terminal: OperatorTerminal) -> None:
    processes = server.session_processes()
    assert not [p for p in processes if p.is_shell], f"a shell runs in the session: {processes}"
    assert [p.is_kiosk for p in processes] == [True], f"not the kiosk alone: {processes}"
    assert terminal.pane("#{pane_current_command}") == "ssh"


def assert_session_over(server: KioskSshServer, terminal: OperatorTerminal) -> None:
    """The connection closed and nothing of the session stayed on the server."""
    terminal.wait_for(lambda _: terminal.ended, timeout=END_TIMEOUT, what="the session's end")
    terminal.wait_for(
        lambda _: not server.session_processes(),
        timeout=END_TIMEOUT,
        what="the session's processes on the server ending",
    )


WRAP_UP_BEFORE_QUIT = "退出前请为进行中的通话选择话后小结"
"""What Ctrl+Q asks while a call is open; Enter there takes the first wrap-up and quits."""


def quit_ends_the_session(
    server: KioskSshServer, terminal: OperatorTerminal, *, call_open: bool = False
) -> None:
    terminal.keys("C-q")
    if call_open:
        terminal.wait_for(
            lambda screen: WRAP_UP_BEFORE_QUIT in screen,
            timeout=ANSWER_TIMEOUT,
            what="the wrap-up asked before quitting with a call open",
        )
        terminal.keys("Enter")
    assert_session_over(server, terminal)
    screen = terminal.screen()
    assert terminal.exit_status == 0, screen
    assert SHELL_ANSWER not in screen


def probe_for_a_shell(
    terminal: OperatorTerminal, kiosk_answered: Callable[[str], bool], *, after: str
) -> str:
    """Type a line only a shell answers with SHELL_MARKER_42, then wait until the kiosk shows
    it read the line (`kiosk_answered`), a shell answered, or the session ended."""
    terminal.type(PROBE)
    terminal.keys("Enter")
    screen = terminal.wait_for(
        lambda screen: kiosk_answered(screen) or SHELL_ANSWER in screen or terminal.ended,
        timeout=ANSWER_TIMEOUT,
        what=f"the kiosk reading the probe typed after {after}, or the session's end",
    )
    assert SHELL_ANSWER not in screen, f"a shell answered after {after}:\n{screen}"
    return screen


def lookup_refusal(typed: str) -> str:
    """The sentence the lookup screen shows for what its box keeps of `typed` (letters, digits
    and a hyphen): a code's first problem, or a mobile's refusal."""
    kept = "".join(char for char in typed if char in CODE_CHARACTERS)[:MAX_LENGTH]
    if is_code(kept):
        problems = check_institution_code(kept).errors
        assert problems, f"the lookup box would accept the code {kept!r}: the probe needs another"
        return said(problems[0])
    try:
        normalize_mobile(kept, field="phone")
    except DomainError as refused:
        return said(refused)
    raise AssertionError(f"the lookup box would accept {kept!r}: the probe needs other text")
