"""`seed_bulk`: many realistic applications, fast, on both databases, readable by the API."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import DateTime, create_engine, func, select, text
from sqlalchemy.dialects import sqlite

from domain import check_institution_code
from server.demo import DEMO_OPERATORS, DEMO_PHONES, bulk_phone, seed_bulk, seed_demo
from server.demo import bulk as bulk_module
from server.demo._bulk_rows import BulkGenerator, TimeText
from server.storage import tables

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
SEED = 11


def counts(url: str, column: object) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(column, func.count()).group_by(column))  # type: ignore[call-overload]
            return {str(value): int(n) for value, n in rows}
    finally:
        engine.dispose()


@pytest.fixture
async def headers(settings, api_client: httpx.AsyncClient) -> dict[str, str]:
    seed_demo(settings.database_url, now=NOW, applications=5)
    seed_bulk(settings.database_url, applications=2000, seed=SEED, now=NOW)
    operator = DEMO_OPERATORS[0]
    response = await api_client.post(
        "/v1/auth/token", json={"username": operator.username, "password": operator.password}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_bulk_applications_are_found_by_phone_and_read_whole(
    settings, api_client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    by_status = counts(settings.database_url, tables.applications.c.status)
    assert set(by_status) == {"draft", "pending", "approved", "rejected"}
    assert sum(by_status.values()) >= 2000
    assert counts(settings.database_url, tables.applications.c.kind)["change"] >= 20  # 1 in 100

    for index in (0, 1, 73, 74, 999, 1999):
        response = await api_client.get(
            "/v1/applications", params={"phone": bulk_phone(index, SEED)}, headers=headers
        )
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert len(items) in (1, 2)  # an approved one may have its change draft
        one = await api_client.get(f"/v1/applications/{items[0]['id']}", headers=headers)
        assert one.status_code == 200, one.text
        body = one.json()
        assert check_institution_code(body["form"]["code"]).valid
        assert body["form"]["code"][9:15] == body["form"]["address"]["district"]
        created = datetime.fromisoformat(body["created_at"])
        assert NOW - timedelta(days=4 * 365) < created <= NOW

    # The demo's situations are untouched by the bulk rows around them.
    response = await api_client.get(
        "/v1/applications", params={"phone": DEMO_PHONES["pending"]}, headers=headers
    )
    assert [item["status"] for item in response.json()["items"]] == ["pending"]


def test_bulk_phones_are_valid_unique_and_outside_the_demo_range() -> None:
    phones = [bulk_phone(index, SEED) for index in range(20_000)]
    # Index 74 of every hundred is a change draft: it shares its parent's (73) phone.
    assert len(set(phones)) == len(phones) - 200
    assert phones[74] == phones[73] and phones[174] == phones[173]
    assert all(re.fullmatch(r"1[3-9]\d{9}", phone) for phone in phones)
    assert not any(phone.startswith("138") for phone in phones)


def test_time_text_matches_what_sqlalchemy_stores() -> None:
    now = datetime(2026, 3, 1, 0, 0, 5, tzinfo=UTC)
    times = TimeText(now, days=800)
    store = DateTime().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())
    assert store is not None
    for seconds in (0, 5, 6, 86_400, 86_405, 10**6, 700 * 86_400 + 17):
        expected = store((now - timedelta(seconds=seconds)).replace(tzinfo=None))
        assert times.ago(seconds) == expected


def test_same_seed_same_rows() -> None:
    first = BulkGenerator(SEED, NOW).batch(0, 300)
    second = BulkGenerator(SEED, NOW).batch(0, 300)
    assert first == second
    assert BulkGenerator(SEED + 1, NOW).batch(0, 300) != first


def test_large_load_path_rebuilds_the_same_indexes(
    sqlite_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path a million rows take: a second process generates, indexes are rebuilt."""
    monkeypatch.setattr(bulk_module, "REBUILD_INDEXES_FROM", 0)
    monkeypatch.setattr(bulk_module, "PARALLEL_FROM", 0)
    engine = create_engine(sqlite_database_url)
    schema = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    try:
        with engine.connect() as connection:
            before = connection.execute(text(schema)).all()
        seed_bulk(sqlite_database_url, applications=1500, seed=SEED, now=NOW, batch=400)
        with engine.connect() as connection:
            after = connection.execute(text(schema)).all()
            total = connection.scalar(select(func.count()).select_from(tables.applications))
            mode = connection.scalar(text("PRAGMA journal_mode"))
    finally:
        engine.dispose()
    assert after == before
    assert total == 1500
    assert mode == "wal"
