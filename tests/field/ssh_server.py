"""A real OpenSSH server whose sessions are the kiosk, configured as docs/ssh-kiosk.md says.

`KioskSshServer(openssh, folder, api_url)` generates a throwaway host key and a client key in
`folder`, writes an sshd_config whose `Match` block is the one printed in docs/ssh-kiosk.md
(for the user running the tests instead of `hqms-kiosk`, with the test's paths and API), and
runs `sshd -D -e` on a free loopback port until `close()`. `session_processes()` lists what
runs in its sessions, read from /proc.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cli._loopback import free_loopback_port

REPOSITORY = Path(__file__).resolve().parents[2]
GUIDE = REPOSITORY / "docs" / "ssh-kiosk.md"
SESSION_SCRIPT = REPOSITORY / "docs" / "ssh" / "hqms-kiosk-session"
HQMS_DESK = Path(sys.executable).with_name("hqms-desk")
PRIVILEGE_SEPARATION_DIR = Path("/run/sshd")
START_TIMEOUT = 30.0

SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "mksh", "fish", "csh", "tcsh", "busybox"})


@dataclass(frozen=True)
class OpenSsh:
    sshd: str
    ssh: str
    ssh_keygen: str


@dataclass(frozen=True)
class Process:
    pid: int
    name: str
    """The kernel's name of the process (`comm`): the program, or a script's file name."""
    argv: tuple[str, ...]

    @property
    def is_sshd(self) -> bool:
        return self.name.startswith("sshd")

    @property
    def is_shell(self) -> bool:
        program = Path(self.argv[0]).name.lstrip("-") if self.argv else ""
        return self.name in SHELLS or program in SHELLS

    @property
    def is_kiosk(self) -> bool:
        return any(Path(arg).name == "hqms-desk" for arg in self.argv) and "tui" in self.argv


def documented_match_block() -> str:
    """The `Match User hqms-kiosk` block as docs/ssh-kiosk.md prints it."""
    found = re.search(r"```\n(Match User hqms-kiosk\n.*?)```", GUIDE.read_text(), re.DOTALL)
    assert found, f"{GUIDE} no longer prints a `Match User hqms-kiosk` block"
    return found.group(1)


def _for_this_test(block: str, replacements: dict[str, str]) -> str:
    for documented, used in replacements.items():
        assert documented in block, f"the Match block of {GUIDE} no longer has {documented!r}"
        block = block.replace(documented, used)
    return block


class KioskSshServer:
    def __init__(self, openssh: OpenSsh, folder: Path, api_url: str) -> None:
        self.openssh = openssh
        self.folder = folder
        self.user = getpass.getuser()
        self.port = free_loopback_port()
        self.client_key = folder / "operator_ed25519"
        self.log_path = folder / "sshd.log"
        self.process: subprocess.Popen[bytes] | None = None
        host_key = folder / "host_ed25519"
        for key in (host_key, self.client_key):
            subprocess.run(
                [openssh.ssh_keygen, "-q", "-t", "ed25519", "-N", "", "-C", key.name, "-f", key],
                check=True,
            )
        authorized_keys = folder / "authorized_keys"
        authorized_keys.write_text(self.client_key.with_suffix(".pub").read_text())
        self.pid_file = folder / "sshd.pid"
        match_block = _for_this_test(
            documented_match_block(),
            {
                "Match User hqms-kiosk": f"Match User {self.user}",
                "/etc/hqms-desk/ssh/authorized_keys": str(authorized_keys),
                "/usr/local/bin/hqms-kiosk-session": str(SESSION_SCRIPT),
                "https://hqms-api.example.internal": api_url,
                "/opt/hqms-desk/bin/hqms-desk": str(HQMS_DESK),
            },
        )
        self.config = folder / "sshd_config"
        self.config.write_text(
            f"Port {self.port}\n"
            "ListenAddress 127.0.0.1\n"
            f"HostKey {host_key}\n"
            f"PidFile {self.pid_file}\n"
            # The keys live in the test's temporary folder, below the world-writable /tmp.
            "StrictModes no\n"
            "UsePAM no\n"
            "LogLevel VERBOSE\n\n" + match_block
        )

    def start(self) -> None:
        if os.geteuid() == 0:
            # sshd running as root separates privileges into this folder; a fresh container
            # where sshd never ran as a service lacks it.
            PRIVILEGE_SEPARATION_DIR.mkdir(mode=0o755, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [self.openssh.sshd, "-D", "-e", "-f", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while not (self.pid_file.exists() and self._accepts()):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"sshd did not start:\n{self.log()}")
            time.sleep(0.05)

    def _accepts(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def client_command(
        self,
        ssh: str,
        *,
        terminal: bool = True,
        options: Sequence[str] = (),
        command: Sequence[str] = (),
    ) -> list[str]:
        """What an operator types (`ssh -tt`), with a throwaway key and no host-key memory;
        `terminal=False`, `options` and a `command` for what else a client may ask for."""
        return [
            ssh,
            *(["-tt"] if terminal else ["-T"]),
            "-F",
            "/dev/null",
            "-p",
            str(self.port),
            "-i",
            str(self.client_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            *options,
            f"{self.user}@127.0.0.1",
            *command,
        ]

    def session_processes(self) -> list[Process]:
        """Every process started in sshd's sessions, sshd's own processes left out."""
        if self.process is None:
            return []
        return [p for p in _descendants(self.process.pid) if not p.is_sshd]

    def close(self) -> None:
        if self.process is None:
            return
        # The per-connection sshd processes start sessions of their own, so the listener's
        # end does not reach them: each is ended by its id.
        leftovers = _descendants(self.process.pid)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for process in leftovers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGKILL)
        self.process = None


def _read_process(pid: int) -> tuple[int, Process] | None:
    """(parent id, process), or None when it ended meanwhile."""
    folder = Path("/proc", str(pid))
    try:
        stat = (folder / "stat").read_text()
        raw_argv = (folder / "cmdline").read_bytes()
    except OSError:
        return None
    # `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split at the last ")".
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    parent = int(stat[stat.rindex(")") + 1 :].split()[1])
    argv = tuple(arg.decode(errors="replace") for arg in raw_argv.split(b"\0") if arg)
    return parent, Process(pid, name, argv)


def _descendants(root: int) -> list[Process]:
    children: dict[int, list[Process]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (read := _read_process(int(entry.name))) is not None:
            parent, process = read
            children.setdefault(parent, []).append(process)
    found: list[Process] = []
    waiting = [root]
    while waiting:
        for child in children.get(waiting.pop(), []):
            found.append(child)
            waiting.append(child.pid)
    return found
