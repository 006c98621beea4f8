"""A wheel built from the working tree and installed into a fresh virtual environment.

The tree is copied first (the files git tracks or would track), so the build neither writes
`build/` or `*.egg-info` into the checkout nor races another build there. The wheel is built the
way a release is (`python -m build`, its own isolated backend as `[build-system]` asks), and
installed with pip into a venv that has only the standard library: its dependencies resolve
from the configured index as they would on an operator's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 600.0
LEFT_BEHIND = (
    ".git",
    ".venv",
    ".hypothesis",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
)


@dataclass
class InstalledWheel:
    wheel: Path
    venv: Path
    seconds: dict[str, float] = field(default_factory=dict)
    """How long each stage took (copy, build, venv, install): the test's cost, reported."""

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def environment(self, home: Path, **extra: str) -> dict[str, str]:
        """An operator's shell: the venv first on PATH, no variable that could point Python at
        the checkout (PYTHONPATH, VIRTUAL_ENV) and no HQMS_* setting of the test run."""
        kept = {
            name: value
            for name, value in os.environ.items()
            if name in {"PATH", "LANG", "LC_ALL", "TERM", "TMPDIR"} or name.startswith("PIP_")
        }
        kept["PATH"] = os.pathsep.join([str(self.bin), kept.get("PATH", os.defpath)])
        return {**kept, "HOME": str(home), **extra}


def _run(command: list[str]) -> None:
    finished = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=BUILD_TIMEOUT
    )
    if finished.returncode != 0:
        raise AssertionError(
            f"{' '.join(command)} failed ({finished.returncode}):\n"
            f"{finished.stdout[-4000:]}\n{finished.stderr[-4000:]}"
        )


def copy_source_tree(destination: Path) -> Path:
    """The checkout's files as git sees them (tracked, or new and not ignored); without git
    (a source archive), the folder less what a build or a run leaves behind."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        shutil.copytree(ROOT, destination, ignore=shutil.ignore_patterns(*LEFT_BEHIND))
        return destination
    for relative in filter(None, listed.split("\0")):
        source = ROOT / relative
        if source.is_file():  # a tracked file deleted in the working tree is not there
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def build_wheel(source: Path, out: Path) -> Path:
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)])
    [wheel] = out.glob("hqms_desk-*.whl")
    return wheel


def install_wheel(wheel: Path, venv: Path, seconds: dict[str, float]) -> InstalledWheel:
    started = time.perf_counter()
    # No pip inside: this interpreter's pip installs into it (`--python`), which saves the
    # ensurepip step and keeps the venv to what the wheel brings.
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    seconds["venv"] = time.perf_counter() - started
    started = time.perf_counter()
    python = venv / "bin" / "python"
    # --no-compile: the commands compile what they import on first use; compiling all of
    # site-packages up front made the install take twice as long (36 s against 15 s here).
    install = ["install", "--quiet", "--no-compile", str(wheel)]
    _run([sys.executable, "-m", "pip", "--python", str(python), *install])
    seconds["install"] = time.perf_counter() - started
    return InstalledWheel(wheel=wheel, venv=venv, seconds=seconds)


def build_and_install(work: Path) -> InstalledWheel:
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    source = copy_source_tree(work / "source")
    seconds["copy"] = time.perf_counter() - started
    started = time.perf_counter()
    wheel = build_wheel(source, work / "dist")
    seconds["build"] = time.perf_counter() - started
    return install_wheel(wheel, work / "venv", seconds)
