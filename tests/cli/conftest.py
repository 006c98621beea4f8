"""The `hqms-desk` command run as a user runs it: a data folder of its own, real SQLite."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main


def need_program(name: str) -> str:
    """The path of an outside program; skip without it (fail when HQMS_REQUIRE_ALL=1)."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if os.environ.get("HQMS_REQUIRE_ALL") == "1":
            pytest.fail(f"{message} (HQMS_REQUIRE_ALL=1)")
        pytest.skip(message)
    return path


@pytest.fixture
def tmux() -> str:
    return need_program("tmux")


@pytest.fixture(scope="module")
def seeded_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder seeded once by `hqms-desk seed`, shared by a module's tests."""
    data_dir = tmp_path_factory.mktemp("hqms-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HQMS_DATA_DIR", str(data_dir))
        patch.delenv("HQMS_DATABASE_URL", raising=False)
        assert main(["seed"]) == 0
    yield data_dir


@pytest.fixture
def local_demo(seeded_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The environment of an operator's shell on the demo machine."""
    monkeypatch.setenv("HQMS_DATA_DIR", str(seeded_data_dir))
    for name in ("HQMS_DATABASE_URL", "HQMS_API_URL", "HQMS_USERNAME", "HQMS_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return seeded_data_dir
