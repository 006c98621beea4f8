"""`HQMS_IDLE_LOCK_MINUTES`: how long `hqms-desk tui` waits without keys before it locks."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cli._kiosk import tui
from cli._settings import KioskSettings
from tui import HotlineApp


def kiosk_built_by_tui(monkeypatch: pytest.MonkeyPatch) -> HotlineApp:
    """Run `hqms-desk tui` up to the point where the kiosk would take the terminal."""
    built: list[HotlineApp] = []
    monkeypatch.setattr(HotlineApp, "run", lambda self: built.append(self))
    assert tui(api_url="http://127.0.0.1:9") == 0
    [app] = built
    return app


def test_five_minutes_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HQMS_IDLE_LOCK_MINUTES", raising=False)
    assert KioskSettings().idle_lock_minutes == 5
    assert kiosk_built_by_tui(monkeypatch).idle_lock_minutes == 5


@pytest.mark.parametrize(("value", "minutes"), [("0.5", 0.5), ("0", 0.0), ("15", 15.0)])
def test_the_variable_reaches_the_kiosk(
    monkeypatch: pytest.MonkeyPatch, value: str, minutes: float
) -> None:
    monkeypatch.setenv("HQMS_IDLE_LOCK_MINUTES", value)
    assert kiosk_built_by_tui(monkeypatch).idle_lock_minutes == minutes


def test_a_negative_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HQMS_IDLE_LOCK_MINUTES", "-1")
    with pytest.raises(ValidationError):
        KioskSettings()
