"""An operator's terminal: a tmux server of its own, one 80×24 window, TERM xterm-256color.

`OperatorTerminal(tmux, folder)` starts nothing; `run(command)` opens the window with `command`
as the pane's only process (no shell around it). The pane stays after its process exits
(remain-on-exit), so the test reads how the process ended: `ended`, `exit_status`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

WINDOW = "kiosk"
TMUX_CONFIG = """\
set -g default-terminal xterm-256color
set -g remain-on-exit on
set -g status off
"""
# tmux reads and writes the Chinese on screen as UTF-8 only under a UTF-8 locale.
TMUX_ENVIRONMENT = {**os.environ, "LC_ALL": "C.UTF-8"}


class OperatorTerminal:
    def __init__(self, tmux: str, folder: Path) -> None:
        self.tmux = tmux
        self.socket = f"hqms-field-{uuid.uuid4().hex[:8]}"
        self.config = folder / "tmux.conf"
        self.config.write_text(TMUX_CONFIG)
        self.started = False

    def _tmux(self, *arguments: str, check: bool = True) -> str:
        completed = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", str(self.config), *arguments],
            capture_output=True,
            text=True,
            check=check,
            env=TMUX_ENVIRONMENT,
        )
        return completed.stdout

    def run(self, command: Sequence[str]) -> None:
        self._tmux("new-session", "-d", "-s", WINDOW, "-x", "80", "-y", "24", *command)
        self.started = True

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", WINDOW)

    def styled_screen(self) -> str:
        """The screen with its colours, as SGR escape sequences: shows which field has focus."""
        return self._tmux("capture-pane", "-p", "-e", "-t", WINDOW)

    def keys(self, *keys: str) -> None:
        """tmux key names: `Enter`, `C-q`, `C-\\`."""
        self._tmux("send-keys", "-t", WINDOW, *keys)

    def type(self, text: str) -> None:
        """`text` as typed, character by character (no key names)."""
        self._tmux("send-keys", "-t", WINDOW, "-l", text)

    def pane(self, format: str) -> str:
        """A tmux format about the pane, e.g. `#{pane_current_command}`."""
        return self._tmux("display-message", "-p", "-t", WINDOW, format).strip()

    def _death(self) -> tuple[str, str] | None:
        """(exit status, signal) of the pane's process once tmux has collected it, else None."""
        dead, status, signal_number, server = self.pane(
            "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pid}"
        ).split(":")
        if dead != "1":
            return None
        if not (status or signal_number):
            # Seen on this machine, a few times in a hundred: the pane's output has ended and
            # its process is a zombie, but the tmux server missed the SIGCHLD and never
            # collects the exit status. A SIGCHLD sent to it by hand makes it look again.
            os.kill(int(server), signal.SIGCHLD)
            return None
        return status, signal_number

    @property
    def ended(self) -> bool:
        return self._death() is not None

    @property
    def exit_status(self) -> int:
        """The exit status of the pane's ended process; fails when a signal ended it."""
        death = self._death()
        assert death is not None, "the pane's process still runs"
        status, signal = death
        assert status, f"signal {signal} ended the pane's process"
        return int(status)

    def wait_for(self, seen: Callable[[str], bool], *, timeout: float, what: str) -> str:
        """Poll the screen until `seen(screen)`; fail with the last screen after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if seen(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {what} in {timeout:.0f} s; last screen:\n{screen}")
            time.sleep(0.1)

    def close(self) -> None:
        if self.started:
            self._tmux("kill-server", check=False)
            self.started = False
