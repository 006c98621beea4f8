"""找回密码 by email: `POST /v1/accounts/password-recovery` and `…/password-recovery/{token}`
(public, from the login page and the emailed link), and `POST /v1/accounts/{id}/password-recovery`
(operators: the link once more). docs/accounts-and-resets.md describes the contract.

The token travels in the path, as the link carries it: the access log masks it
(`server/access_log.py`), and the answer to its use is `no-store`, so it is never kept as an
idempotent replay either.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, BackgroundTasks, Path, Request, Response
from pydantic import BaseModel, Field

from domain import Delivery

from .._responses import json_response
from ..auth import CurrentOperator
from ..context import AppContext, ContextDep
from ..idempotency import IdempotentRoute
from ..passwords import hash_password, verify_password
from ..services import account_sessions as session_service
from ..services import password_recovery as recovery_service
from .accounts import AccountId

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1/accounts", tags=["accounts"], route_class=IdempotentRoute)

RecoveryToken = Annotated[
    str, Path(min_length=1, max_length=200, description="找回密码邮件中链接所带的令牌")
]


class RecoveryRequest(BaseModel):
    login: str = Field(min_length=1, max_length=64, description="登录名或数据管理员手机号")


class RecoveryAccepted(BaseModel):
    """The same answer whether or not the login names an account."""

    valid_minutes: int = Field(description="链接的有效时间（分钟）；邮件只发给账号登记的邮箱")
    resend_after: datetime = Field(description="同一登录名最早何时可以再次申请")


class RecoveredPassword(BaseModel):
    new_password: str = Field(min_length=1, max_length=256)


def client_address(request: Request) -> str:
    """The requester's address: behind a proxy, uvicorn puts the client's in its place when the
    proxy is trusted (`FORWARDED_ALLOW_IPS`, loopback by default)."""
    return (request.client.host if request.client else "")[:64] or "unknown"


@router.post("/password-recovery", status_code=202, response_model=RecoveryAccepted)
async def request_recovery(
    body: RecoveryRequest, request: Request, background: BackgroundTasks, context: ContextDep
) -> Response:
    """202 for every login, known or not (nothing tells which); when it names an account, a
    link valid 30 minutes goes to the administrator's email on file. 429 (Retry-After) beyond
    one request per 5 minutes and 5 a day per account, or 10 an hour per address."""
    now = context.clock()
    requested = await context.database.run(
        recovery_service.request_link,
        body.login,
        client_address=client_address(request),
        now=now,
    )
    if requested.account_id is not None:
        # After the answer is sent: writing and mailing a link takes longer than finding none,
        # and the answer's time must not tell which logins name an account.
        background.add_task(_mail_link, context, requested.account_id, now)
    answer = RecoveryAccepted(
        valid_minutes=recovery_service.LINK_MINUTES, resend_after=requested.resend_after
    )
    return json_response(answer, status_code=202)


async def _mail_link(context: AppContext, account_id: str, now: datetime) -> None:
    try:
        await context.database.run(
            recovery_service.mail_link, account_id, link=context.settings.recovery_link, now=now
        )
    except Exception as error:  # the answer is gone: say it in the log (never the link)
        log.error("recovery link for %s not written: %s", account_id, type(error).__name__)


@router.post("/password-recovery/{token}", status_code=204)
async def recover(token: RecoveryToken, body: RecoveredPassword, context: ContextDep) -> Response:
    """204: the new password is set, every session of the account ended, and an SMS tells the
    registered mobile. 404 unknown link, 409 used, 410 expired or replaced by a newer link or
    by a password set since; 422 `new_password` against the password policy (the link stays
    usable)."""
    link = await context.database.run(recovery_service.open_link, token, now=context.clock())
    new = body.new_password
    refusal = session_service.weak_password_refusal(new)
    if refusal is not None:
        raise refusal
    current = link.password_hash
    # Hashing takes ~0.1 s of CPU by design: off the event loop and outside the transaction.
    if current is not None and await anyio.to_thread.run_sync(verify_password, current, new):
        raise session_service.same_password_refusal()
    new_hash = await anyio.to_thread.run_sync(hash_password, new)
    await context.database.run(
        recovery_service.set_password, link, new_hash=new_hash, now=context.clock()
    )
    return Response(status_code=204, headers={"Cache-Control": "no-store"})


@router.post("/{account_id}/password-recovery", status_code=202, response_model=Delivery)
async def resend_recovery(
    account_id: AccountId, operator: CurrentOperator, context: ContextDep
) -> Response:
    """202 `Delivery`: a fresh link to the administrator's email on file (masked here), when
    the next is allowed and how many are left today; the older link stops working. 429
    (Retry-After) beyond one per 10 minutes and 3 a day per account."""
    delivery = await context.database.run(
        recovery_service.resend_link,
        account_id.strip().upper(),
        actor=operator.username,
        link=context.settings.recovery_link,
        now=context.clock(),
    )
    return json_response(delivery, status_code=202)
