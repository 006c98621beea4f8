"""`POST /v1/auth/token` (operator sign-in), `POST /v1/auth/logout` and `POST /v1/auth/unlock`
(the signed-in operator's password again, at the kiosk's idle lock screen); each audited
(`services/sign_ins.py`)."""

from __future__ import annotations

from datetime import datetime, timedelta

import anyio.to_thread
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from domain import TokenGrant, define_code

from .._problems import ApiProblem
from .._responses import json_response
from ..auth import CurrentOperator, bearer_token
from ..context import ContextDep
from ..passwords import burn_verification_time, verify_password
from ..services import operators as operator_service
from ..services import sign_ins
from ..time_words import beijing_clock_time

router = APIRouter(prefix="/v1/auth", tags=["auth"])

INVALID_CREDENTIALS = define_code("problem.invalid_credentials")
UNLOCK_REFUSED = define_code("problem.unlock_refused")
_LOGIN_LOCKED = define_code("problem.login_locked", "until")


class UnlockBody(BaseModel):
    password: str = Field(min_length=1, max_length=256)


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


def _locked(until: str, seconds: int) -> ApiProblem:
    return ApiProblem(
        429,
        "login_locked",
        _LOGIN_LOCKED(until=until),
        headers={"Retry-After": str(max(seconds, 1))},
    )


def _invalid_credentials() -> ApiProblem:
    return ApiProblem(401, "invalid_credentials", INVALID_CREDENTIALS())


def _still_locked(record: operator_service.LoginRecord, now: datetime) -> ApiProblem | None:
    if record.locked_until is None or record.locked_until <= now:
        return None
    wait = int((record.locked_until - now).total_seconds())
    return _locked(beijing_clock_time(record.locked_until, now=now), wait)


@router.post("/token", response_model=TokenGrant)
async def login(body: Credentials, context: ContextDep) -> Response:
    settings = context.settings
    database = context.database
    record = await database.run(operator_service.find_for_login, body.username)
    now = context.clock()
    if record is not None and (locked := _still_locked(record, now)) is not None:
        raise locked
    if record is None or not record.active:
        await anyio.to_thread.run_sync(burn_verification_time, body.password)
        raise _invalid_credentials()
    # argon2 takes ~0.1 s of CPU by design: off the event loop, so other requests go on.
    if not await anyio.to_thread.run_sync(verify_password, record.password_hash, body.password):
        lockout = timedelta(minutes=settings.login_lockout_minutes)
        locked_until = await database.run(
            sign_ins.record_failed_login,
            record.operator,
            now=now,
            max_failures=settings.login_max_failures,
            lockout=lockout,
            locked_words=beijing_clock_time(now + lockout, now=now),
        )
        if locked_until is not None:
            wait = int((locked_until - now).total_seconds())
            raise _locked(beijing_clock_time(locked_until, now=now), wait)
        raise _invalid_credentials()
    issued = await database.run(
        sign_ins.complete_login,
        record.operator,
        now=now,
        absolute_ttl=timedelta(minutes=settings.token_absolute_minutes),
    )
    grant = TokenGrant(
        access_token=issued.token, expires_at=issued.expires_at, operator=record.operator
    )
    return json_response(grant, headers={"Cache-Control": "no-store"})


def _hashed_bearer(request: Request) -> str:
    token = bearer_token(request)
    assert token is not None  # CurrentOperator has checked it
    return operator_service.token_hash(token)


@router.post("/logout", status_code=204)
async def logout(operator: CurrentOperator, request: Request, context: ContextDep) -> Response:
    """Ends the token at once (in this process's cache and in the database); audited."""
    hashed = _hashed_bearer(request)
    context.tokens.evict(hashed)
    await context.database.run(
        sign_ins.sign_out, operator, hashed_token=hashed, now=context.clock()
    )
    return Response(status_code=204)


@router.post("/unlock", status_code=204)
async def unlock(
    body: UnlockBody, operator: CurrentOperator, request: Request, context: ContextDep
) -> Response:
    """The operator's password again after the kiosk locked itself (204), audited.

    A wrong password counts toward the sign-in lockout like a failed sign-in; the failure
    that locks also ends this session (429 `login_locked`: sign in again after the lock).
    """
    settings = context.settings
    record = await context.database.run(operator_service.find_for_login, operator.username)
    now = context.clock()
    if record is None:  # the operator row went away under a live token
        raise _invalid_credentials()
    if (locked := _still_locked(record, now)) is not None:
        raise locked
    if await anyio.to_thread.run_sync(verify_password, record.password_hash, body.password):
        await context.database.run(sign_ins.record_unlock, operator, now=now)
        return Response(status_code=204)
    lockout = timedelta(minutes=settings.login_lockout_minutes)
    hashed = _hashed_bearer(request)
    locked_until = await context.database.run(
        sign_ins.record_failed_unlock,
        operator,
        now=now,
        max_failures=settings.login_max_failures,
        lockout=lockout,
        locked_words=beijing_clock_time(now + lockout, now=now),
        hashed_token=hashed,
    )
    if locked_until is not None:
        context.tokens.evict(hashed)
        wait = int((locked_until - now).total_seconds())
        raise _locked(beijing_clock_time(locked_until, now=now), wait)
    raise ApiProblem(401, "invalid_credentials", UNLOCK_REFUSED())
