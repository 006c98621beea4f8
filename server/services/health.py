"""Liveness and a database round trip for `GET /v1/health`."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def database_answers(session: Session) -> None:
    """Raises if the database cannot run `SELECT 1`."""
    session.execute(text("SELECT 1")).scalar_one()
