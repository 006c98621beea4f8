"""Importing the HQMS office's list of institutions already in HQMS (`hqms-desk registry import`,
`POST /v1/registry/imports`): the seed's institutions that keep their HQMS account and only
download the new 前置机 program.

Idempotent: a line adds its institution, or renames it when the name changed, or changes
nothing; importing the same file again adds and renames nothing. Institutions missing from the
file stay in the registry (the office's list only grows; taking an institution off the list is
not something a partial or older file should do by accident). One transaction: a failure
leaves the registry as it was. Each import is one line of the audit trail, with its counts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from domain import define_code

from ..storage import queries
from ..storage.writes import add_event, upsert_registry
from .registry_file import (
    RegistryEntry,
    RejectedLine,
    decode_registry,
    line_count,
    registry_lines,
)

CHUNK = 2000
"""Lines judged and written between two progress reports (one query for their known names)."""

REGISTRY_IMPORTED = define_code(
    "event.registry_imported", "filename", "lines", "added", "updated", "unchanged", "rejected"
)

Progress = Callable[[int, int], None]
"""Called with (lines read, lines in the file) as the import goes on, last with both equal."""


class RegistryImport(BaseModel):
    """What an import did: counts of the data lines, and each rejected line with its reason."""

    filename: str = ""
    lines: int = Field(default=0, description="data lines read (blank lines and a header aside)")
    added: int = Field(default=0, description="institutions new to the registry")
    updated: int = Field(default=0, description="institutions whose name changed")
    unchanged: int = Field(default=0, description="institutions already there with that name")
    rejected: list[RejectedLine] = Field(
        default_factory=list, description="lines not imported, in file order, with the reason"
    )


def import_registry(
    session: Session,
    content: bytes,
    *,
    filename: str,
    actor: str,
    now: datetime,
    progress: Progress | None = None,
) -> RegistryImport:
    """Import the file's lines into the registry and commit; raises FieldInvalid (`file`)
    when the file is not a readable list at all (then nothing is imported)."""
    text = decode_registry(content)
    total = line_count(text)
    result = RegistryImport(filename=filename)
    chunk: list[RegistryEntry] = []
    for item in registry_lines(text):
        result.lines += 1
        if isinstance(item, RejectedLine):
            result.rejected.append(item)
            continue
        chunk.append(item)
        if len(chunk) == CHUNK:
            _write(session, chunk, result)
            chunk = []
            if progress is not None:
                progress(item.line, total)
    _write(session, chunk, result)
    add_event(
        session,
        application_id=None,
        at=now,
        actor=actor,
        event=REGISTRY_IMPORTED(
            filename=filename,
            lines=result.lines,
            added=result.added,
            updated=result.updated,
            unchanged=result.unchanged,
            rejected=len(result.rejected),
        ),
    )
    session.commit()
    if progress is not None:
        progress(total, total)
    return result


def _write(session: Session, chunk: list[RegistryEntry], result: RegistryImport) -> None:
    if not chunk:
        return
    known = queries.registry_names(session, [entry.code for entry in chunk])
    changed = []
    for entry in chunk:
        name = known.get(entry.code)
        if name == entry.name:
            result.unchanged += 1
            continue
        if name is None:
            result.added += 1
        else:
            result.updated += 1
        changed.append({"code": entry.code, "name": entry.name, "organization": entry.code[:9]})
    if changed:
        upsert_registry(session, changed)
