"""Drafts: `POST /v1/applications`, `PUT …/form`, `POST …/admin-mobile`, `POST/DELETE/GET
…/files`, `POST …/submit` (docs/registration-flow.md).

Operators and the application's own applicant may use them; an applicant asking for another
application gets the same 404 as for an unknown id.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Path, Request, Response, UploadFile
from fastapi import Form as FormField
from pydantic import BaseModel, Field

from domain import Application, FileInfo, FileKind, Form

from .._responses import json_response
from ..auth import CurrentActor, optional_actor_name
from ..context import ContextDep
from ..idempotency import IdempotentRoute
from ..preconditions import IfMatch, etag
from ..services import drafts, files
from ..time_words import BEIJING
from .applications import ApplicationId, canonical_id

router = APIRouter(prefix="/v1/applications", tags=["drafts"], route_class=IdempotentRoute)

FileId = Annotated[str, Path(min_length=1, max_length=32, description="文件编号")]


class VerificationTokenBody(BaseModel):
    verification_token: str = Field(
        min_length=1, max_length=200, description="短信验证后得到的凭证"
    )


def _application_response(application: Application, *, status_code: int = 200) -> Response:
    headers = {"ETag": etag(application.revision)}
    if status_code == 201:
        headers["Location"] = f"/v1/applications/{application.id}"
    return json_response(application, status_code=status_code, headers=headers)


def _own_application(actor: CurrentActor, raw_id: str) -> str:
    application_id = canonical_id(raw_id)
    actor.check_application(application_id)
    return application_id


@router.post("", status_code=201, response_model=Application)
async def create_application(
    body: VerificationTokenBody, request: Request, context: ContextDep
) -> Response:
    now = context.clock()
    application = await context.database.run(
        drafts.create_application,
        body.verification_token,
        actor=await optional_actor_name(request),
        now=now,
        today=now.astimezone(BEIJING).date(),
    )
    return _application_response(application, status_code=201)


@router.put("/{application_id}/form", response_model=Application)
async def save_form(
    application_id: ApplicationId,
    form: Form,
    revision: IfMatch,
    actor: CurrentActor,
    context: ContextDep,
) -> Response:
    now = context.clock()
    application = await context.database.run(
        drafts.save_form,
        _own_application(actor, application_id),
        form,
        expected_revision=revision,
        actor=actor.name,
        now=now,
        today=now.astimezone(BEIJING).date(),
    )
    return _application_response(application)


@router.post("/{application_id}/admin-mobile", response_model=Application)
async def change_admin_mobile(
    application_id: ApplicationId,
    body: VerificationTokenBody,
    revision: IfMatch,
    actor: CurrentActor,
    context: ContextDep,
) -> Response:
    now = context.clock()
    application = await context.database.run(
        drafts.change_admin_mobile,
        _own_application(actor, application_id),
        body.verification_token,
        expected_revision=revision,
        actor=actor.name,
        now=now,
        today=now.astimezone(BEIJING).date(),
    )
    return _application_response(application)


@router.post("/{application_id}/submit", response_model=Application)
async def submit(
    application_id: ApplicationId, revision: IfMatch, actor: CurrentActor, context: ContextDep
) -> Response:
    now = context.clock()
    application = await context.database.run(
        drafts.submit,
        _own_application(actor, application_id),
        expected_revision=revision,
        actor=actor.name,
        now=now,
        today=now.astimezone(BEIJING).date(),
    )
    return _application_response(application)


@router.post("/{application_id}/files", status_code=201, response_model=FileInfo)
async def upload_file(
    application_id: ApplicationId,
    kind: Annotated[FileKind, FormField(description="info_form | consent | license")],
    file: Annotated[UploadFile, File(description="JPG 或 PDF，不超过 5 MB")],
    actor: CurrentActor,
    context: ContextDep,
) -> Response:
    own_id = _own_application(actor, application_id)
    # One byte more than allowed is enough to know it is too large.
    content = await file.read(files.MAX_FILE_BYTES + 1)
    if len(content) > files.MAX_FILE_BYTES:
        raise files.file_too_large(file.size or len(content))
    info = await context.database.run(
        files.upload,
        own_id,
        kind=kind,
        filename=file.filename or "",
        content=content,
        actor=actor.name,
        now=context.clock(),
    )
    return json_response(info, status_code=201)


@router.delete("/{application_id}/files/{file_id}", status_code=204)
async def delete_file(
    application_id: ApplicationId, file_id: FileId, actor: CurrentActor, context: ContextDep
) -> Response:
    await context.database.run(
        files.delete_file,
        _own_application(actor, application_id),
        file_id.strip().upper(),
        actor=actor.name,
        now=context.clock(),
    )
    return Response(status_code=204)


@router.get(
    "/{application_id}/files/{file_id}",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}, "application/pdf": {}}}},
)
async def download_file(
    application_id: ApplicationId, file_id: FileId, actor: CurrentActor, context: ContextDep
) -> Response:
    scan = await context.database.run(
        files.download, _own_application(actor, application_id), file_id.strip().upper()
    )
    disposition = f"inline; filename*=UTF-8''{quote(scan.filename)}"
    return Response(
        scan.content,
        media_type=scan.content_type,
        headers={"Content-Disposition": disposition, "X-Content-Type-Options": "nosniff"},
    )
