"""Finding applications: the hotline's search (by phone first) with keyset paging, and an
application's timeline (`GET …/events`).

The cursor is opaque to clients: base64url of `[updated_at, id]` of the last row served, so
the next page continues exactly there however many rows are added meanwhile.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Connection, Dialect, PoolProxiedConnection
from sqlalchemy.orm import Session

from domain import (
    ApplicationPage,
    Event,
    EventPage,
    FieldChange,
    FieldInvalid,
    define_code,
    mask_phone,
)

from ..storage import queries
from ..storage.queries import AnyRow, PageAfter, SearchFilters
from .applications import not_found

BAD_CURSOR = define_code("problem.bad_cursor")


def encode_cursor(updated_at: datetime, application_id: str) -> str:
    raw = json.dumps([updated_at.isoformat(), application_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> PageAfter:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        updated_at, application_id = json.loads(base64.urlsafe_b64decode(padded))
        moment = datetime.fromisoformat(updated_at)
    except (ValueError, TypeError, binascii.Error) as error:
        raise FieldInvalid("cursor", BAD_CURSOR()) from error
    if moment.tzinfo is None or not isinstance(application_id, str):
        raise FieldInvalid("cursor", BAD_CURSOR())
    return PageAfter(moment, application_id)


def _summary_fields(row: AnyRow | tuple[Any, ...]) -> dict[str, Any]:
    """The `ApplicationSummary` fields of one row of `queries.SUMMARY_COLUMNS`, by position
    (the hot path hands plain tuples, not Rows)."""
    (
        application_id,
        kind,
        status,
        name,
        code,
        admin_phone,
        updated_at,
        submitted_at,
        account_id,
        login_name,
    ) = row
    account = (
        {"id": account_id, "login_name": login_name}
        if account_id is not None and login_name is not None
        else None
    )
    return {
        "id": application_id,
        "kind": kind,
        "status": status,
        "name": name,
        "code": code,
        "phone": mask_phone(admin_phone),
        "updated_at": updated_at,
        "submitted_at": submitted_at,
        "account": account,
    }


def _page_fields(rows: Sequence[AnyRow | tuple[Any, ...]], limit: int) -> dict[str, Any]:
    """The `ApplicationPage` fields of up to `limit + 1` rows (one more means a next page)."""
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = encode_cursor(last[queries.SUMMARY_UPDATED_AT], last[queries.SUMMARY_ID])
    return {"items": [_summary_fields(row) for row in rows[:limit]], "next_cursor": next_cursor}


def search(
    db: Connection | Session, filters: SearchFilters, *, limit: int, cursor: str | None
) -> ApplicationPage:
    """One page of summaries, newest change first, with the cursor of the next page if any."""
    after = decode_cursor(cursor) if cursor else None
    rows: Sequence[AnyRow] = queries.search_applications(db, filters, limit=limit + 1, after=after)
    return ApplicationPage.model_validate(_page_fields(rows, limit))


def search_by_phone_json(
    connection: PoolProxiedConnection, dialect: Dialect, phone: str, *, limit: int
) -> bytes:
    """The JSON of `search` by `phone` alone, first page: the hotline's lookup on every call.

    Runs through `Database.read_driver` (see `queries.phone_lookup_rows` for why), and
    serializes the fields straight from the rows: the same bytes as the `ApplicationPage`
    (a test compares them) without building and then dumping the models, which on this
    path cost as much as the query.
    """
    rows = queries.phone_lookup_rows(connection, dialect, phone, limit=limit + 1)
    return to_json(_page_fields(rows, limit))


def event_from_row(row: AnyRow) -> Event:
    """One `audit_events` row as a timeline line, with its before → after and its call."""
    return Event(
        id=str(row.id),
        at=row.at,
        actor=row.actor,
        action=row.action,
        params=row.params or {},
        changes=[FieldChange.model_validate(change) for change in row.changes or ()],
        call_id=row.call_id,
    )


def application_events(session: Session, application_id: str) -> EventPage:
    """The timeline (audit events and call notes), oldest first; raises NotFound."""
    rows = queries.event_rows(session, application_id)
    if not rows and not queries.application_exists(session, application_id):
        raise not_found(application_id)
    return EventPage(items=[event_from_row(row) for row in rows])
