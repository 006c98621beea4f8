"""`GET …/documents/info-form.pdf`, `…/consent.pdf` and `POST …/documents/send`.

Rendered from the unmasked current form (the documents print what the institution stamps);
a form that cannot be printed yet answers 422 listing what is missing.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any
from urllib.parse import quote

import anyio.to_thread
from fastapi import APIRouter, Response

from domain import Delivery

from .._responses import json_response
from ..auth import CurrentActor
from ..context import AppContext, ContextDep
from ..idempotency import IdempotentRoute
from ..services import documents as document_service
from ..services.document_cache import DocumentKind
from ..services.document_downloads import record_download
from ..time_words import BEIJING
from .applications import ApplicationId, canonical_id

router = APIRouter(prefix="/v1/applications", tags=["documents"], route_class=IdempotentRoute)

PDF_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}}, "description": "PDF 文件"}
}


def content_disposition(filename: str) -> str:
    """RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 Chinese name."""
    return f"attachment; filename=\"document.pdf\"; filename*=UTF-8''{quote(filename)}"


async def _source(
    context: AppContext, actor: CurrentActor, application_id: str
) -> document_service.DocumentSource:
    application_id = canonical_id(application_id)
    actor.check_application(application_id)
    return await context.database.run(document_service.document_source, application_id)


async def _record_if_operator(
    context: AppContext, actor: CurrentActor, source: document_service.DocumentSource, which: str
) -> None:
    """The applicant fetching their own documents is the normal flow; an operator taking a
    copy with full personal data is audited."""
    if actor.is_operator:
        await context.database.run(
            record_download,
            source.snapshot.id,
            which=which,
            actor=actor.name,
            at=context.clock(),
            revision=source.snapshot.revision,
        )


def _today(context: AppContext) -> date:
    return context.clock().astimezone(BEIJING).date()


async def _document(
    context: AppContext, actor: CurrentActor, application_id: str, kind: DocumentKind
) -> Response:
    source = await _source(context, actor, application_id)
    render = partial(context.documents.document, kind, source.snapshot, _today(context))
    pdf = await anyio.to_thread.run_sync(render)
    await _record_if_operator(context, actor, source, kind.value)
    disposition = content_disposition(document_service.FILENAMES[kind])
    return Response(pdf, media_type="application/pdf", headers={"Content-Disposition": disposition})


@router.get("/{application_id}/documents/info-form.pdf", responses=PDF_RESPONSE)
async def info_form(
    application_id: ApplicationId, actor: CurrentActor, context: ContextDep
) -> Response:
    return await _document(context, actor, application_id, DocumentKind.INFO_FORM)


@router.get("/{application_id}/documents/consent.pdf", responses=PDF_RESPONSE)
async def consent(
    application_id: ApplicationId, actor: CurrentActor, context: ContextDep
) -> Response:
    return await _document(context, actor, application_id, DocumentKind.CONSENT)


@router.post("/{application_id}/documents/send", status_code=202, response_model=Delivery)
async def send(application_id: ApplicationId, actor: CurrentActor, context: ContextDep) -> Response:
    """Both documents, rendered from the current data, mailed to the data administrator:
    202 `Delivery` (the masked address, when the next send is allowed, sends left today)."""
    source = await _source(context, actor, application_id)
    attachments = await anyio.to_thread.run_sync(
        document_service.render_both, context.documents, source.snapshot, _today(context)
    )
    delivery = await context.database.run(
        document_service.send_documents,
        source,
        attachments,
        actor=actor.name,
        now=context.clock(),
    )
    return json_response(delivery, status_code=202)
