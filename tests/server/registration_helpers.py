"""Helpers for the registration-flow API tests: send and confirm SMS codes (the code is read
from the outbox row's `secrets` before delivery, as only a test may), start applications,
build scans, read rows back."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select

from server.storage.tables import (
    applications,
    audit_events,
    file_blobs,
    files,
    form_revisions,
    outbox,
)
from tests.audit_text import with_sentences

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def database(api_app: Any) -> Any:
    return api_app.state.context.database


def sms_code(api_app: Any, phone: str) -> str:
    """The code of the newest verification SMS to `phone`, from the undelivered outbox row."""

    def read(session: Any) -> str:
        secrets = session.execute(
            select(outbox.c.secrets)
            .where(outbox.c.recipient == phone, outbox.c.purpose == "verification_code")
            .order_by(outbox.c.id.desc())
            .limit(1)
        ).scalar_one()
        return str(secrets["secret"])

    return str(database(api_app).run_sync(read))


def count(api_app: Any, table: Any, *conditions: Any) -> int:
    def read(session: Any) -> int:
        return int(
            session.execute(select(func.count()).select_from(table).where(*conditions)).scalar_one()
        )

    return int(database(api_app).run_sync(read))


def outbox_rows(api_app: Any, *conditions: Any) -> list[Any]:
    return list(
        database(api_app).run_sync(
            lambda session: session.execute(
                select(outbox).where(*conditions).order_by(outbox.c.id)
            ).all()
        )
    )


def application_row(api_app: Any, application_id: str) -> Any:
    return database(api_app).run_sync(
        lambda session: session.execute(
            select(applications).where(applications.c.id == application_id)
        ).one()
    )


def event_rows(api_app: Any, application_id: str | None = None) -> list[Any]:
    condition = (
        audit_events.c.application_id.is_(None)
        if application_id is None
        else audit_events.c.application_id == application_id
    )
    return with_sentences(
        database(api_app).run_sync(
            lambda session: session.execute(
                select(audit_events).where(condition).order_by(audit_events.c.id)
            ).all()
        )
    )


def stored_form(api_app: Any, application_id: str) -> dict[str, Any]:
    row = application_row(api_app, application_id)
    return dict(
        database(api_app).run_sync(
            lambda session: session.execute(
                select(form_revisions.c.form).where(
                    form_revisions.c.application_id == application_id,
                    form_revisions.c.number == row.form_number,
                )
            ).scalar_one()
        )
    )


def file_count(api_app: Any, application_id: str) -> int:
    return count(api_app, files, files.c.application_id == application_id)


def blob_count(api_app: Any) -> int:
    return count(api_app, file_blobs)


async def send_code(
    client: httpx.AsyncClient, phone: str, purpose: str = "register", **kwargs: Any
) -> httpx.Response:
    return await client.post(
        "/v1/verifications", json={"phone": phone, "purpose": purpose}, **kwargs
    )


async def verified_token(
    client: httpx.AsyncClient, api_app: Any, phone: str, purpose: str = "register"
) -> str:
    sent = await send_code(client, phone, purpose)
    assert sent.status_code == 201, sent.text
    confirmed = await client.post(
        f"/v1/verifications/{sent.json()['id']}/confirm", json={"code": sms_code(api_app, phone)}
    )
    assert confirmed.status_code == 200, confirmed.text
    return str(confirmed.json()["verification_token"])


async def start_application(
    client: httpx.AsyncClient, api_app: Any, phone: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """A new draft for `phone`; returns its body and the applicant's auth headers."""
    token = await verified_token(client, api_app, phone)
    created = await client.post("/v1/applications", json={"verification_token": token})
    assert created.status_code == 201, created.text
    return created.json(), {"Authorization": f"Bearer {token}"}


async def upload(
    client: httpx.AsyncClient,
    application_id: str,
    kind: str,
    headers: dict[str, str],
    *,
    content: bytes = PDF,
    filename: str = "scan.pdf",
    **kwargs: Any,
) -> httpx.Response:
    return await client.post(
        f"/v1/applications/{application_id}/files",
        data={"kind": kind},
        files={"file": (filename, content, "application/octet-stream")},
        headers=headers,
        **kwargs,
    )
