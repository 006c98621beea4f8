"""The wheel, installed where the checkout is out of reach, works as the operator runs it: the
command reports its version, the packages brought their data (font, divisions, migrations,
styles), the demo database seeds and answers, and `hqms-desk demo` opens in an 80×24 terminal.

One build and one venv serve the whole module: about a minute here, most of it the build
(≈ 11 s) and the install of the dependencies (≈ 20 s); see wheel_build.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.demo import DEMO_PHONES
from tests.field.ssh_terminal import OperatorTerminal
from tests.field.wheel_build import ROOT, InstalledWheel, build_and_install

PROBE = Path(__file__).with_name("wheel_probe.py")
PACKAGES = ("cli", "client", "domain", "pdfgen", "server", "tui")
NOT_SHIPPED = {
    # The template `alembic revision` writes new migrations from: a developer's tool, never
    # used by an installed server (which only runs the migrations in versions/).
    "server/migrations/script.py.mako",
}
DECLARED_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> InstalledWheel:
    installed = build_and_install(tmp_path_factory.mktemp("wheel"))
    print("wheel stages (s):", {stage: round(s, 1) for stage, s in installed.seconds.items()})
    return installed


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working folder outside the checkout, also the operator's HOME."""
    folder = tmp_path / "operator"
    folder.mkdir()
    return folder


def run(installed: InstalledWheel, where: Path, *command: str, **env: str) -> str:
    finished = subprocess.run(
        [*command],
        cwd=where,
        env=installed.environment(where, **env),
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert finished.returncode == 0, f"{command} failed:\n{finished.stdout}\n{finished.stderr}"
    return finished.stdout


def test_installed_command_reports_the_declared_version(
    installed: InstalledWheel, elsewhere: Path
) -> None:
    assert installed.wheel.name == f"hqms_desk-{DECLARED_VERSION}-py3-none-any.whl"
    for flag in ("--version", "-V"):
        assert run(installed, elsewhere, "hqms-desk", flag) == f"hqms-desk {DECLARED_VERSION}\n"


def test_packages_load_from_the_venv_with_every_data_file(
    installed: InstalledWheel, elsewhere: Path
) -> None:
    report = json.loads(
        run(installed, elsewhere, str(installed.bin / "python"), "-I", str(PROBE), ".")
    )
    site_packages = next((installed.venv / "lib").glob("python3*/site-packages"))
    assert report["packages"] == {name: str(site_packages / name) for name in PACKAGES}
    source = installed.wheel.parent.parent / "source"
    shipped = {
        path.relative_to(source).as_posix()
        for package in PACKAGES
        for path in (source / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    missing = sorted(shipped - NOT_SHIPPED - set(report["files"]))
    assert not missing, f"the wheel lacks {missing}: add them to [tool.setuptools.package-data]"
    for document in ("info-form.pdf", "consent.pdf"):
        rendered = report["documents"][document]
        assert rendered["font_file"], f"{document} has no embedded font"
        assert rendered["fonts"] == ["WenQuanYiMicroHei-0"]
        assert (elsewhere / document).read_bytes().startswith(b"%PDF-")


def test_seed_and_status_run_on_the_installed_migrations_and_data(
    installed: InstalledWheel, elsewhere: Path
) -> None:
    # `seed` creates the schema from the shipped migrations and places its institutions in the
    # shipped GB/T 2260 divisions; `status` reads them back without any API.
    data = str(elsewhere / "data")
    seeded = run(installed, elsewhere, "hqms-desk", "seed", HQMS_DATA_DIR=data)
    assert "已写入演示数据" in seeded
    answer = run(
        installed,
        elsewhere,
        *("hqms-desk", "status", DEMO_PHONES["pending"], "--json"),
        HQMS_DATA_DIR=data,
    )
    [application] = json.loads(answer)
    assert application["status"] == "pending"
    assert application["status_summary"]["days_pending"] == 3
    # The sentence comes from the compiled catalogue, which the wheel must ship.
    text = run(
        installed,
        elsewhere,
        *("hqms-desk", "status", DEMO_PHONES["pending"]),
        HQMS_DATA_DIR=data,
    )
    assert "状态：待审核，已提交 3 天" in text


@pytest.fixture
def terminal(tmux: str, tmp_path: Path) -> Iterator[OperatorTerminal]:
    terminal = OperatorTerminal(tmux, tmp_path)
    try:
        yield terminal
    finally:
        terminal.close()


def test_demo_opens_the_lookup_screen_at_80x24_and_quits(
    installed: InstalledWheel, elsewhere: Path, terminal: OperatorTerminal
) -> None:
    environment = installed.environment(elsewhere, HQMS_DATA_DIR="data", TERM="xterm-256color")
    demo = ["env", "-i", "-C", str(elsewhere)]
    demo += [f"{name}={value}" for name, value in environment.items()]
    demo += [str(installed.bin / "hqms-desk"), "demo"]
    # The exit status printed by a shell: tmux 3.3 may mark the pane dead when the terminal
    # closes, before it has collected the status.
    terminal.run(["sh", "-c", f"{shlex.join(demo)}; echo DEMO-EXITED-$?"])
    terminal.wait_for(
        lambda screen: "来电手机号" in screen and "演示接线员" in screen,
        timeout=90,
        what="the lookup screen, signed in",
    )
    terminal.type(DEMO_PHONES["pending"])
    terminal.keys("Enter")
    terminal.wait_for(lambda screen: "待审核，已提交 3 天" in screen, timeout=30, what="the status")
    terminal.keys("C-q")
    terminal.wait_for(
        lambda screen: "退出前请为进行中的通话选择话后小结" in screen,
        timeout=20,
        what="the wrap-up asked before quitting with a call open",
    )
    terminal.keys("Enter")
    terminal.wait_for(lambda screen: "DEMO-EXITED-" in screen, timeout=20, what="the demo's end")
    assert "DEMO-EXITED-0" in terminal.screen()
