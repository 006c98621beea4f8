"""`X-HQMS-Call`: the audit events a request writes record the operator's call it names.

On SQLite the services run on the event loop; on PostgreSQL in a worker thread, so the
`database_url` parametrization checks that the header's call reaches both. The calls are
written straight into the table: what is tested here is the header, not `POST /v1/calls`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import insert

from server.call_context import call_id_from_header
from server.storage.tables import calls
from tests.server.call_helpers import operator_headers
from tests.server.registration_helpers import database, event_rows
from tests.server.review_helpers import if_match, unmasked_form

PHONE = "13800138000"


def _call(api_app: Any, call_id: str, operator: str) -> str:
    def write(session: Any) -> None:
        session.execute(
            insert(calls).values(
                id=call_id, operator=operator, phone=PHONE, started_at=datetime.now(UTC)
            )
        )
        session.commit()

    database(api_app).run_sync(write)
    return call_id


async def _save_street(
    client: httpx.AsyncClient, api_app: Any, app_id: str, street: str, headers: dict[str, str]
) -> httpx.Response:
    form = unmasked_form(database(api_app), app_id)
    form.address.street = street
    revision = (await client.get(f"/v1/applications/{app_id}", headers=headers)).json()["revision"]
    return await client.put(
        f"/v1/applications/{app_id}/form",
        json=form.model_dump(mode="json"),
        headers=if_match(revision, headers),
    )


async def test_an_event_records_the_operators_own_call_and_nothing_else(
    api_app, api_client: httpx.AsyncClient, auth_headers, operator_credentials, make_application
) -> None:
    app_id = make_application(status="draft", phone=PHONE)
    own = _call(api_app, "CALL-OWN1", operator_credentials.username)
    theirs = _call(api_app, "CALL-THEIRS", "wangfang")
    attempts = [
        ({"X-HQMS-Call": own}, own),
        ({"X-HQMS-Call": f"  {own} "}, own),  # trimmed
        ({}, None),  # the header's call does not stay behind for the next request
        ({"X-HQMS-Call": theirs}, None),  # another operator's call
        ({"X-HQMS-Call": "NO-SUCH-CALL"}, None),
        ({"X-HQMS-Call": "x" * 40}, None),  # cannot be a call id: ignored, not refused
    ]
    for number, (extra, expected) in enumerate(attempts):
        saved = await _save_street(
            api_client, api_app, app_id, f"德政北路 {number + 10} 号", {**auth_headers, **extra}
        )
        assert saved.status_code == 200, saved.text
        assert event_rows(api_app, app_id)[-1].call_id == expected, extra
    timeline = await api_client.get(f"/v1/applications/{app_id}/events", headers=auth_headers)
    saves = [e for e in timeline.json()["items"] if e["action"] == "form_saved"]
    assert [e["call_id"] for e in saves] == [own, own, None, None, None, None]


async def test_the_call_is_the_actors_even_when_another_operator_sends_it(
    api_app, api_client: httpx.AsyncClient, make_operator, make_application
) -> None:
    """Two operators, one call id: only the call's own operator's events carry it."""
    app_id = make_application(status="draft", phone=PHONE)
    first = operator_headers(make_operator, username="wangfang")
    second = operator_headers(make_operator, username="liqiang")
    call_id = _call(api_app, "CALL-WF01", "wangfang")
    for headers, street in ((first, "一号"), (second, "二号")):
        response = await _save_street(
            api_client, api_app, app_id, street, {**headers, "X-HQMS-Call": call_id}
        )
        assert response.status_code == 200, response.text
    *_, by_first, by_second = event_rows(api_app, app_id)
    assert (by_first.actor, by_first.call_id) == ("wangfang", call_id)
    assert (by_second.actor, by_second.call_id) == ("liqiang", None)


def test_a_header_value_is_a_call_id_only_when_it_can_be_one() -> None:
    assert call_id_from_header(" K7QM-3XPD ") == "K7QM-3XPD"
    assert call_id_from_header("") is None
    assert call_id_from_header("   ") is None
    assert call_id_from_header(None) is None
    assert call_id_from_header("A" * 17) is None
    assert call_id_from_header("K7QM 3XPD") is None
    assert call_id_from_header("K7QM';--") is None
