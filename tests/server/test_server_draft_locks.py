"""Submit against uploading or deleting a scan (security review): each locks the application
row and re-checks its status under the lock, so a scan cannot appear in or vanish from an
application that is being submitted. PostgreSQL only: SQLite has one writer at a time and the
API runs its work inline, so there the operations cannot interleave."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from domain import FileKind, SubmitBlocked, TransitionNotAllowed
from server.services import drafts, files
from server.storage.engine import Database
from server.storage.tables import applications, file_blobs
from server.storage.tables import files as file_rows
from tests.server.registration_helpers import JPG
from tests.server.review_helpers import add_scan, database_of

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


# Row locks only matter where requests run at the same time: PostgreSQL (SQLite runs the
# API's work inline, one request at a time).
pytestmark = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def _postgres(api_app: Any) -> Database:
    database = database_of(api_app)
    assert database.dialect.name == "postgresql"
    return database


def _meanwhile(database: Database, work: Callable[[Session], object]) -> dict[str, object]:
    """Runs `work` in another thread and session; returns a dict that gets its `error`."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            database.run_sync(work)
            result["error"] = None
        except Exception as error:  # the assertion names what it should have been
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    result["thread"] = thread
    return result


def _until_waiting_on_a_lock(database: Database) -> None:
    """Returns once some transaction waits for a row lock (the other thread reached it)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        waiting = database.run_sync(
            lambda s: s.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted")).scalar()
        )
        if waiting:
            return
        time.sleep(0.02)
    pytest.fail("the other transaction never waited for the application row")


def _finish(result: dict[str, object]) -> object:
    thread = result["thread"]
    assert isinstance(thread, threading.Thread)
    thread.join(timeout=15)
    assert not thread.is_alive()
    return result["error"]


@contextmanager
def _holding_row(database: Database, application_id: str) -> Iterator[Session]:
    """A transaction of the test's own that holds the application row, as a request would;
    whatever happens, it ends, so no lock outlives the test."""
    with database.sessions() as session:
        session.execute(
            select(applications.c.id).where(applications.c.id == application_id).with_for_update()
        )
        yield session


def _files_of(database: Database, application_id: str) -> set[str]:
    return set(
        database.run_sync(
            lambda s: (
                s.execute(
                    select(file_rows.c.kind).where(file_rows.c.application_id == application_id)
                )
                .scalars()
                .all()
            )
        )
    )


def _upload(application_id: str) -> Callable[[Session], object]:
    return lambda session: files.upload(
        session,
        application_id,
        kind=FileKind.LICENSE,
        filename="license.jpg",
        content=JPG,
        actor="applicant",
        now=NOW,
    )


def _delete(application_id: str, file_id: str) -> Callable[[Session], object]:
    return lambda session: files.delete_file(
        session, application_id, file_id, actor="applicant", now=NOW
    )


@pytest.mark.parametrize("operation", ["upload", "delete"])
async def test_a_scan_change_waits_for_a_submit_and_then_is_refused(
    api_app, make_application, operation: str
) -> None:
    database = _postgres(api_app)
    app_id = make_application(status="draft")
    info_form = add_scan(database, app_id, "info_form")
    work = _upload(app_id) if operation == "upload" else _delete(app_id, info_form)
    with _holding_row(database, app_id) as submitting:  # a submit, between check and commit
        waiting = _meanwhile(database, work)
        _until_waiting_on_a_lock(database)
        submitting.execute(
            update(applications).where(applications.c.id == app_id).values(status="pending")
        )
        submitting.commit()
    assert isinstance(_finish(waiting), TransitionNotAllowed)
    assert _files_of(database, app_id) == {"info_form"}


async def test_a_submit_waits_for_a_deletion_and_then_sees_the_scan_gone(
    api_app, make_application
) -> None:
    database = _postgres(api_app)
    app_id = make_application(status="draft")
    scans = {kind: add_scan(database, app_id, kind) for kind in ("info_form", "consent", "license")}
    submit = partial(
        drafts.submit,
        application_id=app_id,
        expected_revision=1,
        actor="applicant",
        now=NOW,
        today=date(2026, 11, 2),
    )
    with _holding_row(database, app_id) as deleting:  # a deletion of the license scan
        waiting = _meanwhile(database, submit)
        _until_waiting_on_a_lock(database)
        deleting.execute(delete(file_blobs).where(file_blobs.c.file_id == scans["license"]))
        deleting.execute(delete(file_rows).where(file_rows.c.id == scans["license"]))
        deleting.commit()
    assert isinstance(_finish(waiting), SubmitBlocked)
    status = database.run_sync(
        lambda s: s.execute(
            select(applications.c.status).where(applications.c.id == app_id)
        ).scalar_one()
    )
    assert status == "draft"
