"""`POST /v1/accounts/login`: the institution signs in with login name or phone + password."""

from __future__ import annotations

import anyio.to_thread
from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from .._problems import ApiProblem
from .._responses import json_response
from ..context import ContextDep
from ..passwords import burn_verification_time, verify_password
from ..services import accounts as account_service

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])


class AccountCredentials(BaseModel):
    login: str = Field(min_length=1, max_length=64, description="登录名或数据管理员手机号")
    password: str = Field(min_length=1, max_length=256)


class AccountLogin(BaseModel):
    account_id: str
    must_change_password: bool


def _invalid() -> ApiProblem:
    return ApiProblem(
        401,
        "invalid_credentials",
        "登录失败",
        "登录名（或手机号）或密码不正确；初始密码见账号开通邮件。",
    )


@router.post("/login", response_model=AccountLogin)
async def login(body: AccountCredentials, context: ContextDep) -> Response:
    record = await context.database.run(account_service.find_for_login, body.login)
    if record is None or record.password_hash is None:
        # As long as a real check, so the answer does not tell which login names exist.
        await anyio.to_thread.run_sync(burn_verification_time, body.password)
        raise _invalid()
    if not await anyio.to_thread.run_sync(verify_password, record.password_hash, body.password):
        raise _invalid()
    answer = AccountLogin(
        account_id=record.account_id, must_change_password=record.must_change_password
    )
    return json_response(answer, headers={"Cache-Control": "no-store"})
