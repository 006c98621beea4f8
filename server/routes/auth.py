"""`POST /v1/auth/token` (operator sign-in) and `POST /v1/auth/logout`."""

from __future__ import annotations

from datetime import timedelta

import anyio.to_thread
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from domain import TokenGrant

from .._problems import ApiProblem
from .._responses import json_response
from ..auth import CurrentOperator, bearer_token
from ..context import ContextDep
from ..passwords import burn_verification_time, verify_password
from ..services import operators as operator_service
from ..time_words import beijing_clock_time

router = APIRouter(prefix="/v1/auth", tags=["auth"])

INVALID_CREDENTIALS = "用户名或密码不正确。"


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


def _locked(until: str, seconds: int) -> ApiProblem:
    return ApiProblem(
        429,
        "login_locked",
        "登录已暂时锁定",
        f"登录失败次数过多，账号已暂时锁定，请在 {until} 之后再试。",
        headers={"Retry-After": str(max(seconds, 1))},
    )


def _invalid_credentials() -> ApiProblem:
    return ApiProblem(401, "invalid_credentials", "登录失败", INVALID_CREDENTIALS)


@router.post("/token", response_model=TokenGrant)
async def login(body: Credentials, context: ContextDep) -> Response:
    settings = context.settings
    database = context.database
    record = await database.run(operator_service.find_for_login, body.username)
    now = context.clock()
    if record is not None and record.locked_until is not None and record.locked_until > now:
        wait = int((record.locked_until - now).total_seconds())
        raise _locked(beijing_clock_time(record.locked_until, now=now), wait)
    if record is None or not record.active:
        await anyio.to_thread.run_sync(burn_verification_time, body.password)
        raise _invalid_credentials()
    # argon2 takes ~0.1 s of CPU by design: off the event loop, so other requests go on.
    if not await anyio.to_thread.run_sync(verify_password, record.password_hash, body.password):
        locked_until = await database.run(
            operator_service.record_failed_login,
            record.operator.id,
            now=now,
            max_failures=settings.login_max_failures,
            lockout=timedelta(minutes=settings.login_lockout_minutes),
        )
        if locked_until is not None:
            wait = int((locked_until - now).total_seconds())
            raise _locked(beijing_clock_time(locked_until, now=now), wait)
        raise _invalid_credentials()
    issued = await database.run(
        operator_service.complete_login,
        record.operator.id,
        now=now,
        absolute_ttl=timedelta(minutes=settings.token_absolute_minutes),
    )
    grant = TokenGrant(
        access_token=issued.token, expires_at=issued.expires_at, operator=record.operator
    )
    return json_response(grant, headers={"Cache-Control": "no-store"})


@router.post("/logout", status_code=204)
async def logout(operator: CurrentOperator, request: Request, context: ContextDep) -> Response:
    """Ends the token at once (in this process's cache and in the database)."""
    token = bearer_token(request)
    assert token is not None  # CurrentOperator has checked it
    hashed = operator_service.token_hash(token)
    context.tokens.evict(hashed)
    await context.database.run(operator_service.revoke_token, hashed)
    return Response(status_code=204)
