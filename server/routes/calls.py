"""Hotline calls: `POST /v1/calls`, `GET /v1/calls/{id}`, and what happens to a call —
`…/application` (the call is now about it), `…/caller-check`, `…/end` (wrap-up).

Operators only; each call belongs to the operator who took it (docs/call-record.md).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field

from domain import Call, FieldInvalid, WrapUp, define_code

from .._responses import json_response
from ..auth import CurrentOperator
from ..context import ContextDep
from ..idempotency import IdempotentRoute
from ..services import caller_checks
from ..services import calls as call_service
from .applications import canonical_id

router = APIRouter(prefix="/v1/calls", tags=["calls"], route_class=IdempotentRoute)

CallId = Annotated[str, Path(min_length=1, max_length=16, description="通话编号")]
_TOKEN_AND_REASON = define_code("problem.caller_check_token_and_reason")
_TOKEN_OR_REASON = define_code("problem.caller_check_token_or_reason")


class StartCall(BaseModel):
    phone: str = Field(default="", max_length=32, description="来电号码（照输入，可空）")
    application_id: str | None = Field(default=None, max_length=16, description="所涉申请编号")


class AttachCall(BaseModel):
    application_id: str = Field(min_length=1, max_length=16, description="所涉申请编号")


class CallerCheckBody(BaseModel):
    verification_token: str | None = Field(
        default=None,
        max_length=200,
        description="发到申请登记手机号的“核实来电人身份”短信验证得到的凭证",
    )
    waived_reason: str | None = Field(
        default=None,
        max_length=caller_checks.MAX_WAIVED_REASON,
        description="不核实来电人身份的原因",
    )


class EndCall(BaseModel):
    wrap_up: WrapUp = Field(description="话后小结")
    note: str = Field(default="", max_length=500, description="通话备注（可空）")


def _call_id(raw: str) -> str:
    return raw.strip().upper()


@router.post("", status_code=201, response_model=Call)
async def start_call(body: StartCall, operator: CurrentOperator, context: ContextDep) -> Response:
    application_id = canonical_id(body.application_id) if body.application_id else None
    call = await context.database.run(
        call_service.start_call,
        phone=body.phone,
        application_id=application_id,
        operator=operator,
        now=context.clock(),
    )
    return json_response(call, status_code=201, headers={"Location": f"/v1/calls/{call.id}"})


@router.get("/{call_id}", response_model=Call)
async def get_call(call_id: CallId, operator: CurrentOperator, context: ContextDep) -> Response:
    call = await context.database.run(call_service.read_call, _call_id(call_id), operator)
    return json_response(call)


@router.post("/{call_id}/application", response_model=Call)
async def attach_call(
    call_id: CallId, body: AttachCall, operator: CurrentOperator, context: ContextDep
) -> Response:
    call = await context.database.run(
        call_service.attach,
        _call_id(call_id),
        canonical_id(body.application_id),
        operator=operator,
        now=context.clock(),
    )
    return json_response(call)


@router.post("/{call_id}/caller-check", response_model=Call)
async def check_caller(
    call_id: CallId, body: CallerCheckBody, operator: CurrentOperator, context: ContextDep
) -> Response:
    """Either `verification_token` (the caller read back the code sent to the registered
    phone) or `waived_reason` (why the caller is not verified), not both."""
    token = (body.verification_token or "").strip()
    if token and body.waived_reason is not None:
        raise FieldInvalid("waived_reason", _TOKEN_AND_REASON())
    if token:
        call = await context.database.run(
            caller_checks.check_by_sms,
            _call_id(call_id),
            token=token,
            operator=operator,
            now=context.clock(),
        )
    elif body.waived_reason is not None:
        call = await context.database.run(
            caller_checks.waive_check,
            _call_id(call_id),
            reason=body.waived_reason,
            operator=operator,
            now=context.clock(),
        )
    else:
        raise FieldInvalid("verification_token", _TOKEN_OR_REASON())
    return json_response(call)


@router.post("/{call_id}/end", response_model=Call)
async def end_call(
    call_id: CallId, body: EndCall, operator: CurrentOperator, context: ContextDep
) -> Response:
    call = await context.database.run(
        call_service.end_call,
        _call_id(call_id),
        wrap_up=body.wrap_up,
        note=body.note,
        operator=operator,
        now=context.clock(),
    )
    return json_response(call)
