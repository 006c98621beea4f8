"""The server renders a revision's documents once (`server/services/document_cache.py`):
downloading again, regenerating or mailing them renders nothing; a new revision renders anew."""

from __future__ import annotations

from typing import Any

import httpx

from pdfgen import FormSnapshot, load_document_texts
from server.services.document_cache import DocumentCache, DocumentKind
from tests.pdfgen.pdf_samples import GENERATED_ON, complete_form

PHONE = "13800138000"
PATHS = ("info-form.pdf", "consent.pdf")


def cache_of(api_app: Any) -> DocumentCache:
    cache: DocumentCache = api_app.state.context.documents
    return cache


async def download_both(
    client: httpx.AsyncClient, app_id: str, headers: dict[str, str]
) -> list[bytes]:
    documents = []
    for name in PATHS:
        response = await client.get(f"/v1/applications/{app_id}/documents/{name}", headers=headers)
        assert response.status_code == 200, response.text
        documents.append(response.content)
    return documents


async def test_documents_of_an_unchanged_revision_are_rendered_once(
    api_client: httpx.AsyncClient, api_app: Any, auth_headers, make_application
) -> None:
    app_id = make_application(status="draft", phone=PHONE)
    cache = cache_of(api_app)
    before = cache.renders
    first = await download_both(api_client, app_id, auth_headers)
    assert cache.renders == before + 2
    assert await download_both(api_client, app_id, auth_headers) == first
    sent = await api_client.post(f"/v1/applications/{app_id}/documents/send", headers=auth_headers)
    assert sent.status_code == 202, sent.text
    assert cache.renders == before + 2, "regenerating and mailing rendered nothing"

    application = await api_client.get(f"/v1/applications/{app_id}", headers=auth_headers)
    form = application.json()["form"]
    form["name"] = form["name"] + "（东院）"
    saved = await api_client.put(
        f"/v1/applications/{app_id}/form",
        json=form,
        headers={**auth_headers, "If-Match": application.headers["etag"]},
    )
    assert saved.status_code == 200, saved.text
    changed = await download_both(api_client, app_id, auth_headers)
    assert cache.renders == before + 4, "a new revision is a new document"
    assert changed[0] != first[0]


def test_the_cache_keeps_the_most_recent_documents_only() -> None:
    cache = DocumentCache(load_document_texts(), capacity=2)
    snapshots = [FormSnapshot("HQ7K-M2XP", revision, complete_form()) for revision in (1, 2, 3)]
    for snapshot in snapshots:
        cache.document(DocumentKind.INFO_FORM, snapshot, GENERATED_ON)
    cache.document(DocumentKind.INFO_FORM, snapshots[2], GENERATED_ON)
    assert cache.renders == 3
    cache.document(DocumentKind.INFO_FORM, snapshots[0], GENERATED_ON)
    assert cache.renders == 4, "the oldest was let go"
