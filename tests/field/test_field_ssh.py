"""The kiosk as hotline operators reach it: plain `ssh` to the shared kiosk account of a real
OpenSSH server, set up with the `Match` block of docs/ssh-kiosk.md and the session script
docs/ssh/hqms-kiosk-session, typed into an 80×24 terminal (tmux, TERM xterm-256color).

An operator signs in on the login screen with their own account and answers a caller. Ctrl+C,
Ctrl+Z and Ctrl+\\ never leave a shell: after each, a line that only a shell would answer with
SHELL_MARKER_42 is typed, the kiosk shows it read it, and the session's processes on the server
are the kiosk alone (for a signed-in operator, the session may also have ended instead; while
the kiosk starts, the keys must not end it). Ctrl+Q ends the SSH session. A client asking for a
command or a tunnel gets neither.

The kiosk starts cold in each SSH session, seconds on a busy machine: the three keys share one
session rather than one each.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ApplicationFactory, Credentials
from tests.field.ssh_server import KioskSshServer, OpenSsh
from tests.field.ssh_session_checks import (
    ANSWER_TIMEOUT,
    PROBE,
    SHELL_ANSWER,
    START_TIMEOUT,
    assert_only_the_kiosk_runs,
    assert_session_over,
    lookup_refusal,
    probe_for_a_shell,
    quit_ends_the_session,
    sign_in,
    wait_for_login_screen,
)
from tests.field.ssh_terminal import OperatorTerminal

CALLER = "13800138005"
MASKED_CALLER = "138****8005"
SIGNAL_KEYS = {"ctrl+c": "C-c", "ctrl+z": "C-z", "ctrl+backslash": "C-\\"}


@pytest.fixture
def database_url(sqlite_database_url: str) -> str:
    """SSH is the subject here, not the database: SQLite only."""
    return sqlite_database_url


@pytest.fixture
def kiosk_ssh(
    openssh: OpenSsh, tmp_path: Path, served_url: str, operator_credentials: Credentials
) -> Iterator[KioskSshServer]:
    server = KioskSshServer(openssh, tmp_path, served_url)
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture
def terminal(
    tmux: str, tmp_path: Path, openssh: OpenSsh, kiosk_ssh: KioskSshServer
) -> Iterator[OperatorTerminal]:
    """The operator's terminal, connected: `ssh -tt … user@127.0.0.1` is its only process."""
    opened = OperatorTerminal(tmux, tmp_path)
    try:
        opened.run(kiosk_ssh.client_command(openssh.ssh))
        yield opened
    finally:
        opened.close()


def test_an_operator_answers_a_caller_over_ssh_and_no_key_leaves_a_shell(
    openssh: OpenSsh,
    kiosk_ssh: KioskSshServer,
    terminal: OperatorTerminal,
    operator_credentials: Credentials,
    make_application: ApplicationFactory,
) -> None:
    make_application(status="pending", phone=CALLER)
    wait_for_login_screen(terminal)
    assert_only_the_kiosk_runs(kiosk_ssh, terminal)
    sign_in(terminal, operator_credentials)

    # The lookup box keeps the probe's letters and digits and refuses them: the kiosk read it.
    refusal = lookup_refusal(PROBE)
    for name, key in SIGNAL_KEYS.items():
        terminal.keys(key)
        probe_for_a_shell(terminal, lambda screen: shown(refusal, screen), after=name)
        if terminal.ended:
            # Allowed (the kiosk ended, and the session with it), but not expected: the rest
            # runs in a new session.
            assert_session_over(kiosk_ssh, terminal)
            terminal.close()
            terminal.run(kiosk_ssh.client_command(openssh.ssh))
            wait_for_login_screen(terminal)
            sign_in(terminal, operator_credentials)
            continue
        assert_only_the_kiosk_runs(kiosk_ssh, terminal)
        terminal.keys("Escape")  # 清空: the field and the sentence, for the next probe
        terminal.wait_for(
            lambda screen: not shown(refusal, screen),
            timeout=ANSWER_TIMEOUT,
            what=f"the lookup screen cleared after {name}",
        )

    terminal.type(CALLER)
    terminal.keys("Enter")
    screen = terminal.wait_for(
        lambda screen: "待审核" in screen, timeout=ANSWER_TIMEOUT, what="the caller's status"
    )
    assert MASKED_CALLER in screen
    assert CALLER not in screen

    quit_ends_the_session(kiosk_ssh, terminal, call_open=True)


def test_signal_keys_while_the_kiosk_starts_are_keys_too(
    kiosk_ssh: KioskSshServer, terminal: OperatorTerminal
) -> None:
    """Until Textual takes the terminal, the terminal's ordinary mode would turn these keys into
    signals that kill or freeze the starting kiosk; the session script turns that off first.
    Pressed the moment the kiosk's process exists, they neither end the session nor leave a
    shell: the login screen comes and reads what is typed next."""
    terminal.wait_for(
        lambda _: any(p.is_kiosk for p in kiosk_ssh.session_processes()),
        timeout=START_TIMEOUT,
        what="the kiosk's process on the server",
    )
    terminal.keys(*SIGNAL_KEYS.values())

    screen = terminal.wait_for(
        lambda screen: "操作员登录" in screen or terminal.ended,
        timeout=START_TIMEOUT,
        what="the login screen, or the session's end",
    )
    assert not terminal.ended, f"the keys ended the starting kiosk:\n{screen}"
    assert_only_the_kiosk_runs(kiosk_ssh, terminal)
    # The username field shows the probe as typed: the kiosk read it, nothing ran it.
    probe_for_a_shell(terminal, lambda screen: PROBE in screen, after="the keys at the start")
    assert_only_the_kiosk_runs(kiosk_ssh, terminal)
    quit_ends_the_session(kiosk_ssh, terminal)


def test_the_account_runs_no_command_and_forwards_nothing(
    openssh: OpenSsh, kiosk_ssh: KioskSshServer, served_url: str
) -> None:
    """A client asking for a command gets the session script's sentence, not a shell; one
    asking for a tunnel to the API behind the server is refused."""
    asked = subprocess.run(
        kiosk_ssh.client_command(openssh.ssh, terminal=False, command=[PROBE]),
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )
    assert asked.returncode == 1
    assert "坐席界面需要终端" in asked.stderr
    assert SHELL_ANSWER not in asked.stdout + asked.stderr

    api = urlsplit(served_url)
    tunnel = subprocess.run(
        kiosk_ssh.client_command(
            openssh.ssh, terminal=False, options=["-W", f"{api.hostname}:{api.port}"]
        ),
        input="GET /v1/health HTTP/1.0\r\n\r\n",
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )
    assert tunnel.returncode != 0
    assert "HTTP/" not in tunnel.stdout
    assert "refused local port forward" in kiosk_ssh.log()


def shown(sentence: str, screen: str) -> bool:
    """Whether `sentence` is on the screen, wherever the terminal wrapped it (a wrap drops the
    space it breaks at, so spaces are ignored)."""
    return "".join(sentence.split()) in "".join(screen.split())
