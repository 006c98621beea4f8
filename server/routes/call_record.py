"""The call record on an application: `POST …/notes`, `POST …/reveal`, `PUT|DELETE …/presence`.

Operators only. Notes and reveals are audited (a reveal never with the value); presence is
a heartbeat, not data, and is not audited (docs/call-record.md).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, Response
from pydantic import BaseModel, Field

from domain import Event, FieldInvalid, Presence, RevealedValue, define_code

from .._responses import json_response
from ..auth import CurrentOperator
from ..call_context import CALL_HEADER, call_id_from_header
from ..context import ContextDep
from ..idempotency import IdempotentRoute
from ..services import call_record
from ..services import presence as presence_service
from .applications import ApplicationId, canonical_id

router = APIRouter(prefix="/v1/applications", tags=["call record"], route_class=IdempotentRoute)

RevealField = Literal[
    "admin.mobile", "admin.email", "admin.name", "legal_rep.mobile", "legal_rep.name"
]
_REVEAL_REASON_REQUIRED = define_code("problem.reveal_reason_required")


class NoteBody(BaseModel):
    text: str = Field(min_length=1, max_length=call_record.MAX_NOTE, description="备注内容")


class RevealBody(BaseModel):
    field: RevealField = Field(description="要查看完整内容的字段")
    reason: str = Field(
        default="", max_length=call_record.MAX_REVEAL_REASON, description="查看原因（必填）"
    )


@router.post("/{application_id}/notes", status_code=201, response_model=Event)
async def add_note(
    application_id: ApplicationId, body: NoteBody, operator: CurrentOperator, context: ContextDep
) -> Response:
    """A call note in the timeline; sent with `X-HQMS-Call`, it records that call."""
    event = await context.database.run(
        call_record.add_note,
        canonical_id(application_id),
        text=body.text,
        operator=operator,
        now=context.clock(),
    )
    return json_response(event, status_code=201)


@router.post("/{application_id}/reveal", response_model=RevealedValue)
async def reveal(
    application_id: ApplicationId,
    body: RevealBody,
    operator: CurrentOperator,
    context: ContextDep,
    call_header: Annotated[
        str | None, Header(alias=CALL_HEADER, description="当前通话编号（必填）")
    ] = None,
) -> Response:
    """One personal value in full, within the operator's own open call about this
    application after the caller check; audited with the reason. Never cached."""
    reason = body.reason.strip()
    if not reason:
        raise FieldInvalid("reason", _REVEAL_REASON_REQUIRED())
    value = await context.database.run(
        call_record.reveal,
        canonical_id(application_id),
        field=body.field,
        reason=reason,
        call_id=call_id_from_header(call_header),
        operator=operator,
        now=context.clock(),
    )
    return json_response(value, headers={"Cache-Control": "no-store"})


@router.put("/{application_id}/presence", response_model=Presence)
async def heartbeat(
    application_id: ApplicationId, operator: CurrentOperator, context: ContextDep
) -> Response:
    """This operator has the application open (send every 20 s); who else has, within 60 s."""
    seen = await context.database.run(
        presence_service.heartbeat,
        canonical_id(application_id),
        operator=operator,
        now=context.clock(),
    )
    return json_response(seen)


@router.delete("/{application_id}/presence", status_code=204)
async def leave(
    application_id: ApplicationId, operator: CurrentOperator, context: ContextDep
) -> Response:
    await context.database.run(
        presence_service.leave, canonical_id(application_id), operator=operator
    )
    return Response(status_code=204)
