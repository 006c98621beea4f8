"""`seed_demo`: every situation of DEMO_PHONES answers as its key says, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select

from domain import Form, check_institution_code, form_problems
from server.demo import (
    DEMO_HQMS_CODE,
    DEMO_OPERATORS,
    DEMO_PHONES,
    describe_demo,
    seed_demo,
)
from server.storage import tables

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def current_forms(database_url: str) -> list[tuple[dict[str, Any], Form]]:
    """(application row, its current form) for every application."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            apps = tables.applications
            revisions = tables.form_revisions
            rows = connection.execute(
                select(apps, revisions.c.form).join(
                    revisions,
                    (revisions.c.application_id == apps.c.id)
                    & (revisions.c.number == apps.c.form_number),
                )
            ).all()
    finally:
        engine.dispose()
    return [(dict(row._mapping), Form.model_validate(row.form)) for row in rows]


@pytest.fixture
def seeded(settings, api_app) -> str:
    """The demo seeded into the test database the API app serves."""
    summary = seed_demo(settings.database_url, now=NOW)
    assert not summary.skipped
    return settings.database_url


@pytest.fixture
async def demo_headers(seeded: str, api_client: httpx.AsyncClient) -> dict[str, str]:
    operator = DEMO_OPERATORS[0]
    response = await api_client.post(
        "/v1/auth/token", json={"username": operator.username, "password": operator.password}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def lookup(client: httpx.AsyncClient, headers: dict[str, str], key: str) -> list[dict]:
    response = await client.get(
        "/v1/applications", params={"phone": DEMO_PHONES[key]}, headers=headers
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def detail(client: httpx.AsyncClient, headers: dict[str, str], app_id: str) -> dict:
    response = await client.get(f"/v1/applications/{app_id}", headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_every_status_and_kind_and_a_second_run_skips(database_url: str) -> None:
    summary = seed_demo(database_url, now=NOW, applications=30)
    assert set(summary.by_status) == {"draft", "pending", "approved", "rejected"}
    assert set(summary.by_kind) == {"new", "change"}
    assert summary.applications >= 30 + 13
    assert set(summary.operators_added) == {op.username for op in DEMO_OPERATORS}
    assert summary.registry_entries == 12

    again = seed_demo(database_url, now=NOW)
    assert again.skipped
    assert again.operators_added == ()


async def test_each_demo_phone_shows_its_situation(
    api_client: httpx.AsyncClient, demo_headers: dict[str, str]
) -> None:
    client, headers = api_client, demo_headers
    assert await lookup(client, headers, "unknown") == []

    (empty,) = await lookup(client, headers, "draft_empty")
    assert (empty["status"], empty["name"], empty["code"]) == ("draft", "", "")

    (incomplete,) = await lookup(client, headers, "draft_incomplete")
    incomplete_detail = await detail(client, headers, incomplete["id"])
    fields = {problem["field"] for problem in incomplete_detail["problems"]}
    assert {"opened_on", "legal_rep.mobile", "admin.email"} <= fields
    # Submit problems leave warnings out; the form itself carries the confirmable one.
    warnings = form_problems(Form.model_validate(incomplete_detail["form"]), today=NOW.date())
    assert "code_division_address_mismatch" in {p.code for p in warnings if p.warning}

    (ready,) = await lookup(client, headers, "draft_ready_to_upload")
    ready_detail = await detail(client, headers, ready["id"])
    assert ready_detail["files"] == []
    assert all(
        not p["field"].startswith(("name", "code", "admin")) for p in ready_detail["problems"]
    )

    (stale,) = await lookup(client, headers, "draft_stale_upload")
    files = {f["kind"]: f["stale"] for f in (await detail(client, headers, stale["id"]))["files"]}
    assert files == {"info_form": True, "license": False}

    (pending,) = await lookup(client, headers, "pending")
    assert pending["status"] == "pending"
    assert (NOW - datetime.fromisoformat(pending["submitted_at"])).days == 3

    (rejected,) = await lookup(client, headers, "rejected")
    review = (await detail(client, headers, rejected["id"]))["review"]
    assert review["reason"] == "执业许可证扫描件不清晰，请重新扫描上传。"

    (approved,) = await lookup(client, headers, "approved")
    assert approved["status"] == "approved"
    assert approved["account"]["login_name"].startswith("hqms_")

    change = await lookup(client, headers, "change_open")
    assert sorted((item["kind"], item["status"]) for item in change) == [
        ("change", "draft"),
        ("new", "approved"),
    ]

    several = await lookup(client, headers, "several")
    assert sorted(item["status"] for item in several) == ["approved", "draft", "rejected"]
    assert len({item["code"] for item in several}) == 2  # one institution applied twice

    (represented,) = await lookup(client, headers, "legal_rep")
    assert represented["status"] == "approved"
    assert represented["phone"] != "138****8010"  # found through the legal representative


async def test_timelines_tell_the_story(
    api_client: httpx.AsyncClient, demo_headers: dict[str, str]
) -> None:
    (rejected,) = await lookup(api_client, demo_headers, "rejected")
    response = await api_client.get(
        f"/v1/applications/{rejected['id']}/events", headers=demo_headers
    )
    assert response.status_code == 200, response.text
    events = response.json()["items"]
    actions = [event["action"] for event in events]
    story = ("verification_confirmed", "created", "form_saved", "file_uploaded", "submitted")
    for action in (*story, "rejected"):
        assert action in actions
    assert {event["actor"] for event in events} >= {"applicant", "reviewer"}
    assert all("13800138006" not in event["detail"] for event in events)


def test_codes_are_valid_and_match_the_address(seeded: str) -> None:
    today = NOW.date()
    checked = 0
    for row, form in current_forms(seeded):
        if not form.code:
            continue
        report = check_institution_code(form.code)
        assert report.valid, (form.code, report.errors)
        assert report.warnings == []
        # Half-filled drafts (no opening date yet) carry an address in another district on
        # purpose, to show the mismatch warning; every other form matches its code.
        half_filled = row["status"] == "draft" and not form.opened_on
        assert half_filled or form.code[9:15] == form.address.district, form
        if row["status"] != "draft":
            assert [p for p in form_problems(form, today=today) if not p.warning] == [], form
        checked += 1
    assert checked > 50


def test_registry_holds_the_demo_hqms_code(seeded: str) -> None:
    engine = create_engine(seeded)
    try:
        with engine.connect() as connection:
            codes = set(connection.scalars(select(tables.hqms_registry.c.code)))
    finally:
        engine.dispose()
    assert DEMO_HQMS_CODE in codes
    assert len(codes) == 12
    assert all(check_institution_code(code).valid for code in codes)


def test_describe_demo_lists_every_situation() -> None:
    rows = describe_demo()
    assert [key for key, _, _ in rows] == [*DEMO_PHONES, "in_hqms"]
    assert all(description for _, _, description in rows)
    assert rows[-1][:2] == ("in_hqms", DEMO_HQMS_CODE)
    assert len(set(DEMO_PHONES.values())) == len(DEMO_PHONES)
