"""Field tests: the kiosk where operators meet it, through the outside programs of a real
deployment (OpenSSH, a terminal multiplexer standing in for the operator's terminal).

Each program fixture skips its test with a reason when the program is missing, and fails it
instead when HQMS_REQUIRE_ALL=1 (as CI runs).
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.field.ssh_server import OpenSsh

# sshd lives in sbin, which a non-root PATH often leaves out.
SBIN_PATH = "/usr/local/sbin:/usr/sbin:/sbin"


def need_program(name: str, *, package: str, also_in: str = "") -> str:
    """The path of an outside program; skip without it (fail when HQMS_REQUIRE_ALL=1)."""
    search_path = os.pathsep.join(p for p in (os.environ.get("PATH", ""), also_in) if p)
    path = shutil.which(name, path=search_path)
    if path is None:
        message = f"{name} is not installed (Debian package {package})"
        if os.environ.get("HQMS_REQUIRE_ALL") == "1":
            pytest.fail(f"{message} (HQMS_REQUIRE_ALL=1)")
        pytest.skip(message)
    return path


@pytest.fixture
def tmux() -> str:
    return need_program("tmux", package="tmux")


@pytest.fixture
def openssh() -> OpenSsh:
    return OpenSsh(
        sshd=need_program("sshd", package="openssh-server", also_in=SBIN_PATH),
        ssh=need_program("ssh", package="openssh-client"),
        ssh_keygen=need_program("ssh-keygen", package="openssh-client"),
    )
