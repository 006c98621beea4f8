"""SMS verification: `POST /v1/verifications` and `POST /v1/verifications/{id}/confirm`.

Codes for `register` and `change_admin` are public (a web form uses them too; an operator's
bearer, when sent, is recorded as the actor). Codes for `reset_password` and `verify_caller`
prove the phone of an existing account, and an operator starts them (DESIGN §5): they need an
operator's bearer, so nobody else can ask which phones have an account. Those two may name an
`application_id` instead of a phone: the code then goes to the application's registered phone
(`services.registered_phones`), never to a number the caller gives. The answer says where the
code went, masked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, Field

from domain import FieldInvalid, define_code, mask_phone, normalize_mobile

from .._problems import unauthorized
from ..auth import bearer_token, current_operator, optional_actor_name
from ..context import AppContext, ContextDep
from ..idempotency import IdempotentRoute
from ..services import registered_phones
from ..services import verifications as verification_service
from .applications import canonical_id

router = APIRouter(prefix="/v1/verifications", tags=["verifications"], route_class=IdempotentRoute)

OPERATOR_STARTS = define_code("problem.operator_starts_verification")
BY_APPLICATION_ONLY = define_code("problem.by_application_only")
NO_PHONE_WITH_APPLICATION = define_code("problem.no_phone_with_application")

Purpose = Literal["register", "reset_password", "change_admin", "verify_caller"]


class VerificationRequest(BaseModel):
    phone: str = Field(default="", max_length=32, description="接收验证码的手机号")
    purpose: Purpose = Field(description="验证用途")
    application_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=16,
        description="重置密码、核实来电人身份：发到这份申请登记的手机号（此时不填 phone）",
    )


class VerificationSent(BaseModel):
    id: str
    expires_at: datetime
    resend_after: datetime
    phone: str = Field(description="验证码发往的手机号（脱敏）")


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
            raise unauthorized(OPERATOR_STARTS())
        actor = (await current_operator(request)).username  # 401 / 403 for anyone else
    else:
        actor = await optional_actor_name(request)
    if body.application_id is not None:
        sent = await _send_to_registered_phone(body, actor, context)
    else:
        sent = await context.database.run(
            verification_service.send_code,
            phone=normalize_mobile(body.phone, "phone"),
            purpose=body.purpose,
            actor=actor,
            now=context.clock(),
        )
    result = VerificationSent(
        id=sent.id,
        expires_at=sent.expires_at,
        resend_after=sent.resend_after,
        phone=mask_phone(sent.phone),
    )
    return Response(result.model_dump_json(), status_code=201, media_type="application/json")


async def _send_to_registered_phone(
    body: VerificationRequest, actor: str, context: AppContext
) -> verification_service.SentVerification:
    if body.purpose not in verification_service.ACCOUNT_PURPOSES:
        raise FieldInvalid("application_id", BY_APPLICATION_ONLY())
    if body.phone.strip():
        raise FieldInvalid("phone", NO_PHONE_WITH_APPLICATION())
    return await context.database.run(
        registered_phones.send_to_registered_phone,
        canonical_id(body.application_id or ""),
        purpose=body.purpose,
        actor=actor,
        now=context.clock(),
    )


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
