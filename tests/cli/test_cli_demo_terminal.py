"""`hqms-desk demo` in a real terminal (tmux, 80×24): seeds, opens signed in, answers a
phone, and stops the API when the kiosk quits."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from server.demo import DEMO_PHONES

HQMS_DESK = Path(sys.executable).with_name("hqms-desk")


class Terminal:
    """A session on a tmux server of its own (`-L`): parallel test workers and the developer's
    own tmux never share it."""

    def __init__(self, tmux: str, session: str) -> None:
        self.tmux, self.session = tmux, session
        self.server = [tmux, "-L", session]

    def screen(self) -> str:
        return subprocess.run(
            [*self.server, "capture-pane", "-p", "-t", self.session],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.server, "send-keys", "-t", self.session, *keys], check=True)

    def wait_for(self, seen: Callable[[str], bool], timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if seen(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"screen never matched; last screen:\n{screen}")
            time.sleep(0.1)


@pytest.fixture
def demo_terminal(tmp_path: Path, tmux: str) -> Iterator[Terminal]:
    session = f"hqms-{uuid.uuid4().hex[:8]}"
    command = (
        f"cd {shlex.quote(str(tmp_path))} && HQMS_DATA_DIR=data "
        f"{shlex.quote(str(HQMS_DESK))} demo; echo DEMO-EXITED-$?; sleep 60"
    )
    terminal = Terminal(tmux, session)
    subprocess.run(
        [*terminal.server, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command],
        check=True,
    )
    try:
        yield terminal
    finally:
        subprocess.run([*terminal.server, "kill-server"], check=False)


def test_demo_answers_a_caller_and_quits_cleanly(demo_terminal: Terminal) -> None:
    demo_terminal.wait_for(lambda screen: "来电手机号" in screen and "演示接线员" in screen)
    demo_terminal.keys(DEMO_PHONES["pending"], "Enter")
    screen = demo_terminal.wait_for(lambda screen: "待审核，已提交 3 天" in screen)
    assert "138****8005" in screen
    assert DEMO_PHONES["pending"] not in screen
    demo_terminal.keys("C-q")
    # The lookup opened a call: quitting asks for its wrap-up first; Enter takes the first.
    demo_terminal.wait_for(lambda screen: "退出前请为进行中的通话选择话后小结" in screen)
    demo_terminal.keys("Enter")
    demo_terminal.wait_for(lambda screen: "DEMO-EXITED-0" in screen, timeout=15)
