"""`HQMS_LANG`: the kiosk's language, Chinese unless `en`; a wrong value is one clear line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cli._kiosk import tui
from cli.main import main
from tui import HotlineApp
from tui._i18n import current_language, set_language


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    set_language("zh_CN")


def language_of_tui(monkeypatch: pytest.MonkeyPatch) -> str:
    """Run `hqms-desk tui` up to the point where the kiosk would take the terminal."""
    monkeypatch.setattr(HotlineApp, "run", lambda self: None)
    assert tui(api_url="http://127.0.0.1:9") == 0
    return current_language()


@pytest.mark.parametrize(
    ("value", "language"),
    [(None, "zh_CN"), ("", "zh_CN"), ("en", "en"), ("en_US.UTF-8", "en"), ("zh-CN", "zh_CN")],
)
def test_the_variable_chooses_the_language(
    monkeypatch: pytest.MonkeyPatch, value: str | None, language: str
) -> None:
    if value is None:
        monkeypatch.delenv("HQMS_LANG", raising=False)
    else:
        monkeypatch.setenv("HQMS_LANG", value)
    assert language_of_tui(monkeypatch) == language


def test_an_unknown_language_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HQMS_LANG", "fr")
    monkeypatch.setattr(HotlineApp, "run", lambda self: pytest.fail("the kiosk must not start"))
    assert main(["tui"]) == 2
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 1 and "HQMS_LANG" in said[0] and "zh" in said[0] and "en" in said[0]
    assert "Traceback" not in said[0]
