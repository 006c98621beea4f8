"""Every change of any kind writes an audit event (issue 5): each POST/PUT/PATCH/DELETE route
of `create_app()` has a scenario that performs it successfully, and the request must add
audit rows, among them the scenario's action. Made during an operator's call, the operator's
rows record that call (`X-HQMS-Call`). A route without a scenario (or a stated exemption)
fails here: add a scenario in `audit_scenarios.py` or `audit_scenarios_aftercare.py`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from sqlalchemy import func, insert, select

import tests.server.audit_scenarios_aftercare  # noqa: F401  (registers its scenarios)
from server.call_context import CALL_HEADER
from server.storage.tables import audit_events, calls
from tests.server.audit_scenarios import EXEMPT, SCENARIOS, Stage
from tests.server.review_helpers import database_of

MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
STAGE_CALL = "CALL-AUDIT"


@pytest.fixture
def database_url(sqlite_database_url: str) -> str:
    """SQLite only: the audit writes are the same on both backends, and a scenario per route
    twice would cost the suite a minute; that the call id crosses into PostgreSQL's worker
    threads is checked on both by test_server_call_header.py."""
    return sqlite_database_url


def mutating_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path template) of every route that may change something."""
    found: set[tuple[str, str]] = set()
    for route in iter_route_contexts(app.router.routes):
        for method in (route.methods or set()) & MUTATING:
            found.add((method, str(route.path)))
    return found


def test_every_mutating_route_has_a_scenario_or_a_stated_exemption(api_app: FastAPI) -> None:
    routes = mutating_routes(api_app)
    assert len(routes) >= 20, routes  # the enumeration itself works
    missing = sorted(routes - SCENARIOS.keys() - EXEMPT.keys())
    assert not missing, (
        f"add a scenario to tests/server/audit_scenarios*.py for {missing} "
        "(or an exemption in EXEMPT, with the reason it needs no audit event)"
    )
    gone = sorted((SCENARIOS.keys() | EXEMPT.keys()) - routes)
    assert not gone, f"scenarios or exemptions for routes that no longer exist: {gone}"
    assert not SCENARIOS.keys() & EXEMPT.keys()
    assert all(reason.strip() for reason in EXEMPT.values())


def _matches(method: str, path: str, route: tuple[str, str]) -> bool:
    """Whether the scenario's request goes to its own route (a template such as
    `/v1/calls/{call_id}/end`)."""
    pattern = re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(route[1]))
    return method == route[0] and re.fullmatch(pattern, path) is not None


def _open_call(api_app: Any, operator: str) -> str:
    def write(session: Any) -> None:
        session.execute(
            insert(calls).values(id=STAGE_CALL, operator=operator, started_at=datetime.now(UTC))
        )
        session.commit()

    database_of(api_app).run_sync(write)
    return STAGE_CALL


def _last_event_id(api_app: Any) -> int:
    statement = select(func.coalesce(func.max(audit_events.c.id), 0))
    return int(database_of(api_app).run_sync(lambda s: s.execute(statement).scalar_one()))


def _events_after(api_app: Any, last: int) -> list[Any]:
    statement = select(audit_events).where(audit_events.c.id > last).order_by(audit_events.c.id)
    return list(database_of(api_app).run_sync(lambda s: s.execute(statement).all()))


@pytest.mark.parametrize("route", sorted(SCENARIOS), ids=" ".join)
async def test_the_route_writes_an_audit_event(
    route: tuple[str, str],
    api_app: Any,
    api_client: httpx.AsyncClient,
    operator_credentials,
    auth_headers: dict[str, str],
    make_application,
    make_operator,
) -> None:
    stage = Stage(
        app=api_app,
        client=api_client,
        operator=operator_credentials,
        bearer=auth_headers,
        call_id=_open_call(api_app, operator_credentials.username),
        make_application=make_application,
        make_operator=make_operator,
    )
    scenario = SCENARIOS[route]
    request = await scenario.prepare(stage)
    assert _matches(request.method, request.path, route), (request.method, request.path)
    last = _last_event_id(api_app)
    response = await request.send(api_client)
    assert 200 <= response.status_code < 300, response.text
    events = _events_after(api_app, last)
    assert events, f"{' '.join(route)} changed something and wrote no audit event"
    assert scenario.action in [event.action for event in events], [e.action for e in events]
    call_id = request.headers.get(CALL_HEADER)
    if call_id is not None:
        by_operator = [e for e in events if e.actor == operator_credentials.username]
        assert by_operator and all(e.call_id == call_id for e in by_operator), [
            (e.action, e.call_id) for e in by_operator
        ]
