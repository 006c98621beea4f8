"""SMS verification: `POST /v1/verifications` and `POST /v1/verifications/{id}/confirm`.

Codes for `register` and `change_admin` are public (a web form uses them too; an operator's
bearer, when sent, is recorded as the actor). Codes for `reset_password` and `verify_caller`
prove the phone of an existing account, and an operator starts them (DESIGN §5): they need an
operator's bearer, so nobody else can ask which phones have an account.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, Field

from domain import normalize_mobile

from .._problems import unauthorized
from ..auth import bearer_token, current_operator, optional_actor_name
from ..context import ContextDep
from ..idempotency import IdempotentRoute
from ..services import verifications as verification_service

router = APIRouter(prefix="/v1/verifications", tags=["verifications"], route_class=IdempotentRoute)

OPERATOR_STARTS = "重置密码和核实来电人身份的短信验证由热线坐席发起，请先登录坐席账号。"

Purpose = Literal["register", "reset_password", "change_admin", "verify_caller"]


class VerificationRequest(BaseModel):
    phone: str = Field(min_length=1, max_length=32, description="接收验证码的手机号")
    purpose: Purpose = Field(description="验证用途")


class VerificationSent(BaseModel):
    id: str
    expires_at: datetime
    resend_after: datetime


class ConfirmRequest(BaseModel):
    code: str = Field(min_length=1, max_length=16, description="短信中的 6 位验证码")


class VerificationToken(BaseModel):
    verification_token: str


@router.post("", status_code=201, response_model=VerificationSent)
async def send_verification(
    body: VerificationRequest, request: Request, context: ContextDep
) -> Response:
    if body.purpose in verification_service.ACCOUNT_PURPOSES:
        if bearer_token(request) is None:
            raise unauthorized(OPERATOR_STARTS)
        actor = (await current_operator(request)).username  # 401 / 403 for anyone else
    else:
        actor = await optional_actor_name(request)
    phone = normalize_mobile(body.phone, "phone")
    sent = await context.database.run(
        verification_service.send_code,
        phone=phone,
        purpose=body.purpose,
        actor=actor,
        now=context.clock(),
    )
    result = VerificationSent(
        id=sent.id, expires_at=sent.expires_at, resend_after=sent.resend_after
    )
    return Response(result.model_dump_json(), status_code=201, media_type="application/json")


@router.post("/{verification_id}/confirm", response_model=VerificationToken)
async def confirm_verification(
    verification_id: Annotated[str, Path(min_length=1, max_length=16)],
    body: ConfirmRequest,
    request: Request,
    context: ContextDep,
) -> Response:
    token = await context.database.run(
        verification_service.confirm_code,
        verification_id.strip().upper(),
        body.code,
        actor=await optional_actor_name(request),
        now=context.clock(),
    )
    result = VerificationToken(verification_token=token)
    return Response(
        result.model_dump_json(),
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )
