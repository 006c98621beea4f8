"""Fixtures for the kiosk's Pilot tests: the real API in-process, seeded with the demo.

The kiosk talks to `server.create_app` through `httpx.ASGITransport`, so every test crosses the
real routes, services and database (SQLite here: the API's own tests cover PostgreSQL).
"""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from textual.app import App

from client import CentralAPI
from server.demo import DEMO_OPERATORS, seed_demo
from tui import HotlineApp
from tui._i18n import set_language

SEEDED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
"""The demo's `now`: its applications are dated relative to it."""
KIOSK_NOW = SEEDED_AT + timedelta(hours=1)
DEMO_OPERATOR = DEMO_OPERATORS[0]


@pytest.fixture
def demo_operator() -> tuple[str, str]:
    return DEMO_OPERATOR.username, DEMO_OPERATOR.password


@pytest.fixture
def database_url(sqlite_database_url: str) -> str:
    return sqlite_database_url


@pytest.fixture
def demo_api_app(api_app: object, database_url: str) -> object:
    seed_demo(database_url, now=SEEDED_AT, applications=0)
    return api_app


@pytest.fixture
async def central(demo_api_app: object) -> AsyncIterator[CentralAPI]:
    transport = httpx.ASGITransport(app=demo_api_app)  # type: ignore[arg-type]
    async with CentralAPI("http://hqms.test", transport=transport) as api:
        yield api


@pytest.fixture
async def reviewer_api(demo_api_app: object) -> AsyncIterator[CentralAPI]:
    """A second operator's client on the same API (another desk): the demo's reviewer."""
    reviewer = DEMO_OPERATORS[1]
    transport = httpx.ASGITransport(app=demo_api_app)  # type: ignore[arg-type]
    async with CentralAPI("http://hqms.test", transport=transport) as api:
        await api.login(reviewer.username, reviewer.password)
        yield api


@pytest.fixture
async def signed_in(central: CentralAPI) -> CentralAPI:
    await central.login(DEMO_OPERATOR.username, DEMO_OPERATOR.password)
    return central


@pytest.fixture
def kiosk() -> Callable[[CentralAPI], HotlineApp]:
    """A kiosk on the given client, with the clock fixed an hour after the demo was seeded."""

    def build(api: CentralAPI) -> HotlineApp:
        return HotlineApp(api, clock=lambda: KIOSK_NOW)

    return build


_TEXT_RUN = re.compile(r'<text [^>]*?y="([\d.]+)"[^>]*clip-path[^>]*>([^<]*)</text>')


def _screen_text(app: App[object]) -> str:
    lines: dict[float, list[str]] = {}
    for y, run in _TEXT_RUN.findall(app.export_screenshot()):
        lines.setdefault(float(y), []).append(html.unescape(run).replace("\xa0", " "))
    return "\n".join("".join(runs) for _, runs in sorted(lines.items()))


@pytest.fixture
def screen_text() -> Callable[[App[object]], str]:
    """What the terminal shows, line by line, read back from the app's SVG screenshot."""
    return _screen_text


@pytest.fixture
def english() -> Iterator[None]:
    """The kiosk speaks English (`HQMS_LANG=en`) for this test, Chinese again after it."""
    set_language("en")
    try:
        yield
    finally:
        set_language("zh_CN")


_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]+")


@pytest.fixture
def chinese_left() -> Callable[[str, Iterable[str]], list[str]]:
    """The runs of Chinese in a screen's text that are not part of any of the given data values.

    An English screen still shows the institution's own data (its name, address, people) in
    Chinese; everything else on it must be English.
    """

    def left(text: str, data: Iterable[str]) -> list[str]:
        values = [value for value in data if value]
        return [
            run for run in _IDEOGRAPH.findall(text) if not any(run in value for value in values)
        ]

    return left
