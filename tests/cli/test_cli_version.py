"""`hqms-desk --version` and `-V`: the installed distribution's version, or the source tree's."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

import cli.main
from cli.main import main, package_version

ROOT = Path(__file__).resolve().parents[2]
HQMS_DESK = Path(sys.executable).with_name("hqms-desk")


def declared_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_flag_prints_the_installed_version_and_exits_0(
    flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([flag])
    assert exit_info.value.code in (0, None)
    assert capsys.readouterr().out == f"hqms-desk {version('hqms-desk')}\n"


def test_installed_metadata_matches_the_declared_version() -> None:
    # A stale install (pyproject bumped, `make` not re-run) would report an old version.
    assert version("hqms-desk") == declared_version()


def test_installed_command_prints_its_version() -> None:
    finished = subprocess.run(
        [str(HQMS_DESK), "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout == f"hqms-desk {declared_version()}\n"


def test_a_source_tree_never_installed_reports_its_pyproject_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(cli.main, "version", not_installed)
    assert package_version() == declared_version()
