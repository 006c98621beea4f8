"""Who else has an application open right now ("坐席 王芳 也在查看这份申请").

The kiosk sends a heartbeat every 20 s while an application's detail is on screen; an
operator not heard from for 60 s has gone. Presence is not data: it is not audited (the audit
coverage test lists it as an exemption) and stale rows are simply deleted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain import Operator, Presence, Viewer

from ..storage import queries
from ..storage.tables import presence
from .applications import not_found

PRESENT_FOR = timedelta(seconds=60)


def _upsert(session: Session, application_id: str, operator: Operator, now: datetime) -> None:
    """This operator's row: `since` kept while they stay, `seen_at` moved to now."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(presence).values(
        application_id=application_id,
        operator=operator.username,
        display_name=operator.display_name,
        since=now,
        seen_at=now,
    )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[presence.c.application_id, presence.c.operator],
            set_={"seen_at": now, "display_name": operator.display_name},
        )
    )


def heartbeat(
    session: Session, application_id: str, *, operator: Operator, now: datetime
) -> Presence:
    """Record that `operator` has the application open; the others seen within 60 s."""
    if not queries.application_exists(session, application_id):
        raise not_found(application_id)
    cutoff = now - PRESENT_FOR
    session.execute(
        delete(presence).where(
            presence.c.application_id == application_id, presence.c.seen_at < cutoff
        )
    )
    _upsert(session, application_id, operator, now)
    rows = session.execute(
        select(presence)
        .where(
            presence.c.application_id == application_id,
            presence.c.operator != operator.username,
            presence.c.seen_at >= cutoff,
        )
        .order_by(presence.c.since, presence.c.operator)
    ).all()
    session.commit()
    return Presence(
        others=[
            Viewer(operator=row.operator, display_name=row.display_name, since=row.since)
            for row in rows
        ]
    )


def leave(session: Session, application_id: str, *, operator: Operator) -> None:
    """The operator closed the application (no error when they were not on it)."""
    session.execute(
        delete(presence).where(
            presence.c.application_id == application_id,
            presence.c.operator == operator.username,
        )
    )
    session.commit()
