"""Applicant sessions: a used `register` verification token becomes the bearer token of the
applicant for that one application (docs/registration-flow.md). Only its SHA-256 is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..storage.tables import applicant_sessions

APPLICANT_SESSION_TTL = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class ApplicantSession:
    application_id: str
    phone: str
    expires_at: datetime


def open_session(
    session: Session, *, token_hash: str, application_id: str, phone: str, now: datetime
) -> None:
    """Writes the session row; no commit (part of creating the application)."""
    session.execute(
        insert(applicant_sessions).values(
            token_hash=token_hash,
            application_id=application_id,
            phone=phone,
            created_at=now,
            expires_at=now + APPLICANT_SESSION_TTL,
        )
    )


def load_session(session: Session, token_hash: str, now: datetime) -> ApplicantSession | None:
    """The applicant session of the token, unless it is unknown or expired."""
    row = session.execute(
        select(applicant_sessions).where(applicant_sessions.c.token_hash == token_hash)
    ).first()
    if row is None or row.expires_at <= now:
        return None
    return ApplicantSession(row.application_id, row.phone, row.expires_at)


def end_sessions(session: Session, application_id: str) -> None:
    """Deletes every applicant session of the application; no commit (part of the change of
    its administrator's mobile, after which the old number's tokens must stop working)."""
    session.execute(
        delete(applicant_sessions).where(applicant_sessions.c.application_id == application_id)
    )
