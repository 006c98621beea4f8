"""Institution accounts: sign-in and sessions (`/v1/accounts/login`, `/v1/accounts/me…`) and
the hotline's password reset (`/v1/accounts/{id}/password-reset`, operators only).

docs/accounts-and-resets.md describes the contract.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from domain import Delivery, FieldInvalid, define_code

from .._problems import ApiProblem, unauthorized
from .._responses import json_response
from ..auth import CurrentOperator, bearer_token
from ..context import ContextDep
from ..idempotency import IdempotentRoute
from ..passwords import burn_verification_time, hash_password, verify_password
from ..services import account_sessions as session_service
from ..services import accounts as account_service
from ..services import password_resets as reset_service

router = APIRouter(prefix="/v1/accounts", tags=["accounts"], route_class=IdempotentRoute)

AccountId = Annotated[str, Path(min_length=1, max_length=32, description="账号编号，例如 AC…")]
_ACCOUNT_LOGIN_FAILED = define_code("problem.account_login_failed")
_ACCOUNT_SIGN_IN_FIRST = define_code("problem.account_sign_in_first")
_CURRENT_PASSWORD_WRONG = define_code("problem.current_password_wrong")


class AccountCredentials(BaseModel):
    login: str = Field(min_length=1, max_length=64, description="登录名或数据管理员手机号")
    password: str = Field(min_length=1, max_length=256)


class AccountLogin(BaseModel):
    account_id: str
    must_change_password: bool
    session_token: str = Field(description="机构会话令牌：Authorization: Bearer …，8 小时有效")
    expires_at: datetime


class AccountMe(BaseModel):
    account_id: str
    login_name: str
    must_change_password: bool


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class ResetRequest(BaseModel):
    verification_token: str = Field(
        default="", max_length=200, description="重置密码短信验证通过后得到的凭证"
    )


def _invalid() -> ApiProblem:
    return ApiProblem(401, "invalid_credentials", _ACCOUNT_LOGIN_FAILED())


@router.post("/login", response_model=AccountLogin)
async def login(body: AccountCredentials, context: ContextDep) -> Response:
    record = await context.database.run(account_service.find_for_login, body.login)
    if record is None or record.password_hash is None:
        # As long as a real check, so the answer does not tell which login names exist.
        await anyio.to_thread.run_sync(burn_verification_time, body.password)
        raise _invalid()
    if not await anyio.to_thread.run_sync(verify_password, record.password_hash, body.password):
        raise _invalid()
    issued = await context.database.run(
        session_service.open_session,
        record.account_id,
        login_name=record.login_name,
        now=context.clock(),
    )
    answer = AccountLogin(
        account_id=record.account_id,
        must_change_password=record.must_change_password,
        session_token=issued.token,
        expires_at=issued.expires_at,
    )
    return json_response(answer, headers={"Cache-Control": "no-store"})


async def _signed_in(request: Request, context: ContextDep) -> session_service.SignedIn:
    token = bearer_token(request)
    if token is None:
        raise unauthorized(_ACCOUNT_SIGN_IN_FIRST())
    signed_in = await context.database.run(
        session_service.load_session,
        session_service.session_token_hash(token),
        context.clock(),
    )
    if signed_in is None:
        raise unauthorized(session_service.SESSION_ENDED())
    return signed_in


SignedIn = Annotated[session_service.SignedIn, Depends(_signed_in)]


@router.get("/me", response_model=AccountMe)
async def me(signed_in: SignedIn) -> Response:
    answer = AccountMe(
        account_id=signed_in.account_id,
        login_name=signed_in.login_name,
        must_change_password=signed_in.must_change_password,
    )
    return json_response(answer, headers={"Cache-Control": "no-store"})


@router.post("/me/password", status_code=204)
async def change_password(
    body: PasswordChange, signed_in: SignedIn, context: ContextDep
) -> Response:
    current = signed_in.password_hash
    if current is None or not await anyio.to_thread.run_sync(
        verify_password, current, body.current_password
    ):
        raise FieldInvalid("current_password", _CURRENT_PASSWORD_WRONG())
    refusal = session_service.new_password_refusal(body.current_password, body.new_password)
    if refusal is not None:
        raise refusal
    new_hash = await anyio.to_thread.run_sync(hash_password, body.new_password)
    await context.database.run(
        session_service.change_password, signed_in, new_hash=new_hash, now=context.clock()
    )
    return Response(status_code=204)


@router.get("/{account_id}/password-reset", response_model=Delivery)
async def password_reset_status(
    account_id: AccountId, operator: CurrentOperator, context: ContextDep
) -> Response:
    delivery = await context.database.run(
        reset_service.reset_status, account_id.strip().upper(), now=context.clock()
    )
    return json_response(delivery)


@router.post("/{account_id}/password-reset", status_code=202, response_model=Delivery)
async def reset_password(
    account_id: AccountId, body: ResetRequest, operator: CurrentOperator, context: ContextDep
) -> Response:
    # Hashing takes ~0.1 s of CPU by design: off the event loop and outside the transaction.
    password = account_service.generate_initial_password()
    password_hash = await anyio.to_thread.run_sync(hash_password, password)
    delivery = await context.database.run(
        reset_service.reset_password,
        account_id.strip().upper(),
        body.verification_token,
        new_password=reset_service.NewPassword(password, password_hash),
        actor=operator.username,
        login_url=context.settings.login_url,
        now=context.clock(),
    )
    return json_response(delivery, status_code=202)
