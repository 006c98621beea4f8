"""Helpers of the review, documents, outbox and stream tests: signed-in reviewers, applicant
tokens, scans and form revisions written straight into the database, table reads."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from domain import Form
from server.services.applicant_sessions import open_session
from server.storage.engine import Database
from server.storage.tables import (
    accounts,
    applications,
    audit_events,
    file_blobs,
    files,
    form_revisions,
    outbox,
)

REVIEWER = "wangshen"
REVIEWER_PASSWORD = "reviewer horse battery staple"


def database_of(api_app: Any) -> Database:
    return api_app.state.context.database  # type: ignore[no-any-return]


def headers_for(api_app: Any, make_operator: Any, *, username: str, role: str) -> dict[str, str]:
    credentials = make_operator(username=username, password=REVIEWER_PASSWORD, role=role)
    token = make_operator.token_for(credentials, now=datetime.now(UTC), ttl=timedelta(hours=1))
    return {"Authorization": f"Bearer {token}"}


def applicant_headers(api_app: Any, application_id: str, phone: str) -> dict[str, str]:
    """A bearer token of the applicant of `application_id` (as `POST /v1/applications` gives)."""
    token = secrets.token_urlsafe(32)

    def write(session: Session) -> None:
        open_session(
            session,
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
            application_id=application_id,
            phone=phone,
            now=datetime.now(UTC),
        )
        session.commit()

    database_of(api_app).run_sync(write)
    return {"Authorization": f"Bearer {token}"}


def if_match(revision: int, headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "If-Match": f'"{revision}"'}


def add_scan(database: Database, application_id: str, kind: str) -> str:
    file_id = f"F{secrets.token_hex(6).upper()}"
    content = b"%PDF-1.4 stamped scan " + kind.encode()

    def write(session: Session) -> None:
        number = session.execute(
            select(applications.c.form_number).where(applications.c.id == application_id)
        ).scalar_one()
        session.execute(
            insert(files).values(
                id=file_id,
                application_id=application_id,
                kind=kind,
                filename=f"{kind}.pdf",
                content_type="application/pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                form_number=number,
                uploaded_at=datetime.now(UTC),
                uploaded_by="applicant",
            )
        )
        session.execute(insert(file_blobs).values(file_id=file_id, content=content))
        session.commit()

    database.run_sync(write)
    return file_id


def save_form(database: Database, application_id: str, form: Form, **columns: Any) -> None:
    """A new form revision (and e.g. `status="pending"`), as the drafts service would."""

    def write(session: Session) -> None:
        row = session.execute(select(applications).where(applications.c.id == application_id)).one()
        number = row.form_number + 1
        session.execute(
            insert(form_revisions).values(
                application_id=application_id,
                number=number,
                form=form.model_dump(mode="json"),
                created_at=datetime.now(UTC),
                created_by="test",
            )
        )
        session.execute(
            update(applications)
            .where(applications.c.id == application_id)
            .values(form_number=number, revision=row.revision + 1, name=form.name, **columns)
        )
        session.commit()

    database.run_sync(write)


async def pending_change(
    client: httpx.AsyncClient,
    api_app: Any,
    headers: dict[str, str],
    parent: str,
    *,
    revision: int = 1,
    **admin: str,
) -> str:
    """A change of the approved `parent` (amended at `revision`): renamed, with the given
    administrator fields, written as submitted (its admin mobile as if verified). Its id."""
    database = database_of(api_app)
    response = await client.post(
        f"/v1/applications/{parent}/amend", json={}, headers=if_match(revision, headers)
    )
    assert response.status_code == 201, response.text
    change_id: str = response.json()["id"]
    form = unmasked_form(database, change_id)
    form.name = "广州市越秀区新名称医院"
    for field, value in admin.items():
        setattr(form.admin, field, value)
    save_form(database, change_id, form, status="pending", admin_phone=form.admin.mobile)
    return change_id


def unmasked_form(database: Database, application_id: str) -> Form:
    def read(session: Session) -> Form:
        number = session.execute(
            select(applications.c.form_number).where(applications.c.id == application_id)
        ).scalar_one()
        data = session.execute(
            select(form_revisions.c.form).where(
                form_revisions.c.application_id == application_id,
                form_revisions.c.number == number,
            )
        ).scalar_one()
        return Form.model_validate(data)

    return database.run_sync(read)


def outbox_rows(database: Database, application_id: str | None = None) -> list[Any]:
    statement = select(outbox).order_by(outbox.c.id)
    if application_id is not None:
        statement = statement.where(outbox.c.application_id == application_id)
    return list(database.run_sync(lambda s: s.execute(statement).all()))


def account_row(database: Database, account_id: str) -> Any:
    return database.run_sync(
        lambda s: s.execute(select(accounts).where(accounts.c.id == account_id)).one()
    )


def count(database: Database, table: Any) -> int:
    return int(
        database.run_sync(lambda s: s.execute(select(func.count()).select_from(table)).scalar_one())
    )


def event_actions(database: Database, application_id: str) -> list[str]:
    return list(
        database.run_sync(
            lambda s: (
                s.execute(
                    select(audit_events.c.action)
                    .where(audit_events.c.application_id == application_id)
                    .order_by(audit_events.c.id)
                )
                .scalars()
                .all()
            )
        )
    )
