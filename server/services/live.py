"""The two indexed values whose change means "this application changed" (the live stream)."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, func, select

from ..storage.tables import applications, audit_events


class Watermark(NamedTuple):
    revision: int
    event_id: int

    @property
    def sse_id(self) -> str:
        return f"{self.revision}-{self.event_id}"

    @classmethod
    def parse(cls, text: str | None) -> Watermark | None:
        """A `Last-Event-ID` sent back by a reconnecting client, if it is one of ours."""
        revision, _, event_id = (text or "").partition("-")
        if revision.isdigit() and event_id.isdigit():
            return cls(int(revision), int(event_id))
        return None


def watermark(connection: Connection, application_id: str) -> Watermark | None:
    """None when the application does not exist."""
    row = connection.execute(
        select(
            applications.c.revision,
            select(func.coalesce(func.max(audit_events.c.id), 0))
            .where(audit_events.c.application_id == application_id)
            .scalar_subquery(),
        ).where(applications.c.id == application_id)
    ).first()
    if row is None:
        return None
    return Watermark(int(row[0]), int(row[1]))
