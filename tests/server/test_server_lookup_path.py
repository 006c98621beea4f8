"""The hot path of `GET /v1/applications?phone=…` (driver statement, long-lived SQLite reader,
JSON written from the rows) gives exactly what the general search path gives."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import text

from domain import ApplicationPage
from server.services import lookup
from server.storage.engine import Database
from server.storage.queries import SearchFilters, _phone_lookup

CALLER = "13800138000"


def database_of(api_app: object) -> Database:
    database: Database = api_app.state.context.database  # type: ignore[attr-defined]
    return database


def caller_applications(make_application) -> list[str]:
    same_moment = datetime(2026, 11, 20, 8, 30, 15, 250_000, tzinfo=UTC)
    return [
        make_application(phone=CALLER),  # a draft: no submitted_at, no account
        make_application(status="pending", phone="13700137000", legal_rep_phone=CALLER),
        make_application(status="approved", phone="13600136000", account_phone=CALLER),
        make_application(status="rejected", phone=CALLER, updated_at=same_moment),
        make_application(status="pending", phone=CALLER, updated_at=same_moment),
    ]


@pytest.mark.parametrize("limit", [20, 5, 2])
async def test_hot_path_bytes_equal_the_general_search_page(
    api_app, make_application, limit: int
) -> None:
    caller_applications(make_application)
    make_application(phone="13500135000")  # someone else
    database = database_of(api_app)

    body = await database.read_driver(lookup.search_by_phone_json, CALLER, limit=limit)
    page = await database.read(lookup.search, SearchFilters(phone=CALLER), limit=limit, cursor=None)

    assert body == page.model_dump_json().encode()
    assert len(page.items) == min(limit, 5)
    assert (page.next_cursor is not None) == (limit < 5)


async def test_hot_path_orders_newest_first_then_by_id(api_app, make_application) -> None:
    created = caller_applications(make_application)
    body = await database_of(api_app).read_driver(lookup.search_by_phone_json, CALLER, limit=20)
    page = ApplicationPage.model_validate_json(body)
    moments = [(item.updated_at, item.id) for item in page.items]
    assert moments == sorted(moments, key=lambda m: (-m[0].timestamp(), m[1]))
    assert {item.id for item in page.items} == set(created)
    assert all(item.updated_at.tzinfo is not None for item in page.items)


async def test_lookup_sees_applications_written_after_the_reader_opened(
    api_client: httpx.AsyncClient, api_app, auth_headers, make_application
) -> None:
    params = {"phone": CALLER}
    first = await api_client.get("/v1/applications", params=params, headers=auth_headers)
    assert first.json()["items"] == []

    added = make_application(phone=CALLER)

    second = await api_client.get("/v1/applications", params=params, headers=auth_headers)
    assert [item["id"] for item in second.json()["items"]] == [added]


async def test_sqlite_reader_holds_no_transaction_between_lookups(
    sqlite_database_url: str,
) -> None:
    database = Database.from_url(sqlite_database_url)
    try:
        await database.read_driver(lookup.search_by_phone_json, CALLER, limit=20)
        reader = database._reader()
        assert not reader.dbapi_connection.in_transaction  # type: ignore[union-attr]
        # A writer can take the write lock at once: no read transaction was left open.
        with database.engine.connect() as writer:
            writer.execute(text("BEGIN IMMEDIATE"))
            writer.rollback()
    finally:
        database.dispose()


async def test_dispose_closes_the_readers_and_a_later_read_reopens_one(
    sqlite_database_url: str,
) -> None:
    database = Database.from_url(sqlite_database_url)
    await database.read_driver(lookup.search_by_phone_json, CALLER, limit=20)
    first = database._reader()
    database.dispose()
    assert first.dbapi_connection is None  # returned to the pool, which was disposed
    assert await database.read_driver(lookup.search_by_phone_json, CALLER, limit=20) == (
        b'{"items":[],"next_cursor":null}'
    )
    database.dispose()


async def test_sqlite_lookup_uses_an_index_for_every_branch(sqlite_database_url: str) -> None:
    database = Database.from_url(sqlite_database_url)
    try:
        statement = _phone_lookup(database.dialect)
        with database.engine.connect() as connection:
            plan = connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement.sql, (CALLER, CALLER, CALLER, 21, 0)
            ).all()
        details = [row[-1] for row in plan]
        assert not [d for d in details if d.startswith("SCAN")], details
        assert any("ix_applications_admin_phone" in d for d in details)
        assert any("ix_applications_legal_rep_phone" in d for d in details)
        assert any("ix_accounts_admin_phone" in d for d in details)
    finally:
        database.dispose()


async def test_authentication_is_checked_before_the_query(api_client: httpx.AsyncClient) -> None:
    response = await api_client.get("/v1/applications", params={"phone": "1", "limit": 0})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"


async def test_repeated_parameters_keep_the_last_value_and_every_status(
    api_client: httpx.AsyncClient, auth_headers, make_application
) -> None:
    pending = make_application(status="pending", phone=CALLER)
    rejected = make_application(status="rejected", phone=CALLER)
    make_application(phone=CALLER)  # a draft, filtered out
    query = f"phone=13900139999&phone={CALLER}&status=pending&status=rejected&limit=1&limit=5"
    response = await api_client.get(f"/v1/applications?{query}", headers=auth_headers)
    assert response.status_code == 200, response.text
    assert sorted(item["id"] for item in response.json()["items"]) == sorted([pending, rejected])


async def test_openapi_search_parameters_reference_existing_schemas(
    api_client: httpx.AsyncClient,
) -> None:
    schema = (await api_client.get("/openapi.json")).json()
    search = schema["paths"]["/v1/applications"]["get"]
    status = next(p for p in search["parameters"] if p["name"] == "status")
    reference = status["schema"]["items"]["$ref"]
    assert reference == "#/components/schemas/Status"
    assert "Status" in schema["components"]["schemas"]
    assert search["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ApplicationPage"
    }
