"""Finding applications: the hotline's search (by phone first) with keyset paging.

The cursor is opaque to clients: base64url of `[updated_at, id]` of the last row served, so
the next page continues exactly there however many rows are added meanwhile.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from domain import (
    AccountRef,
    ApplicationPage,
    ApplicationSummary,
    FieldInvalid,
    Kind,
    Status,
    mask_phone,
)

from ..storage import queries
from ..storage.queries import AnyRow, PageAfter, SearchFilters

BAD_CURSOR = "翻页位置无效，请从第一页重新查询。"


def encode_cursor(updated_at: datetime, application_id: str) -> str:
    raw = json.dumps([updated_at.isoformat(), application_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> PageAfter:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        updated_at, application_id = json.loads(base64.urlsafe_b64decode(padded))
        moment = datetime.fromisoformat(updated_at)
    except (ValueError, TypeError, binascii.Error) as error:
        raise FieldInvalid("cursor", BAD_CURSOR) from error
    if moment.tzinfo is None or not isinstance(application_id, str):
        raise FieldInvalid("cursor", BAD_CURSOR)
    return PageAfter(moment, application_id)


def _summary(row: AnyRow) -> ApplicationSummary:
    mapping = row._mapping
    account = (
        AccountRef(id=mapping["account_id"], login_name=mapping["login_name"])
        if mapping["account_id"] is not None and mapping["login_name"] is not None
        else None
    )
    return ApplicationSummary(
        id=mapping["id"],
        kind=Kind(mapping["kind"]),
        status=Status(mapping["status"]),
        name=mapping["name"],
        code=mapping["code"],
        phone=mask_phone(mapping["admin_phone"]),
        updated_at=mapping["updated_at"],
        submitted_at=mapping["submitted_at"],
        account=account,
    )


def search(
    db: Connection | Session, filters: SearchFilters, *, limit: int, cursor: str | None
) -> ApplicationPage:
    """One page of summaries, newest change first, with the cursor of the next page if any."""
    after = decode_cursor(cursor) if cursor else None
    rows: Sequence[AnyRow] = queries.search_applications(db, filters, limit=limit + 1, after=after)
    items = [_summary(row) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = encode_cursor(last.updated_at, last.id)
    return ApplicationPage(items=items, next_cursor=next_cursor)
