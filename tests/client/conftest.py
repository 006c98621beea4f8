"""The client against the real API in-process (`httpx.ASGITransport`), on SQLite.

The API's own suite runs on both databases; the client's concern is the wire, not the backend.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from client import CentralAPI


@pytest.fixture
def database_url(sqlite_database_url: str) -> str:
    return sqlite_database_url


@pytest.fixture
async def central(api_app: object) -> AsyncIterator[CentralAPI]:
    transport = httpx.ASGITransport(app=api_app)  # type: ignore[arg-type]
    async with CentralAPI("http://hqms.test", transport=transport) as api:
        yield api


@pytest.fixture
async def signed_in(central: CentralAPI, operator_token: str) -> CentralAPI:
    central.token = operator_token
    return central
