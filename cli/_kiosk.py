"""`hqms-desk tui`: the kiosk against a running API.

Apart from `_commands` on purpose: that module loads the server (FastAPI, SQLAlchemy,
reportlab) for the commands that run it, about two seconds a kiosk over SSH or in a browser
tab would otherwise wait before its login screen.
"""

from __future__ import annotations

from cli._settings import KioskSettings


def tui(*, api_url: str | None) -> int:
    from tui import DEFAULT_API_URL, HotlineApp
    from tui._i18n import set_language

    kiosk = KioskSettings()
    set_language(kiosk.lang)
    HotlineApp(
        api_url=api_url or kiosk.api_url or DEFAULT_API_URL,
        username=kiosk.username,
        password=kiosk.password,
        idle_lock_minutes=kiosk.idle_lock_minutes,
    ).run()
    return 0
