"""The audit line of a generated document handed to an operator.

Operators print or save the documents for callers who lost them (issue 5: regenerate); the
documents carry the administrator's full name and mobile, so who took which copy is recorded
like any reveal of personal data (DESIGN §5).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from domain import define_code

from ..storage.writes import add_event

DOCUMENT_DOWNLOADED = define_code("event.document_downloaded", "document", "revision")


def record_download(
    session: Session, application_id: str, *, which: str, actor: str, at: datetime, revision: int
) -> None:
    add_event(
        session,
        application_id=application_id,
        at=at,
        actor=actor,
        event=DOCUMENT_DOWNLOADED(document=which, revision=revision),
    )
    session.commit()
