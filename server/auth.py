"""Operator authentication on every request: `CurrentOperator` and `require_role(...)`.

The hot path (a cached, valid token) touches the database at most once a minute per token,
to record `last_used_at` for the idle expiry; everything else is answered from memory.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Request

from domain import Forbidden, Operator, Role

from ._problems import unauthorized
from .context import AppContext
from .services import operators as operator_service

# Idle expiry is measured in minutes; a finer `last_used_at` would cost a write per request.
LAST_USED_WRITE_INTERVAL = timedelta(minutes=1)


async def authenticate(context: AppContext, token: str) -> Operator:
    """The operator holding `token`, or a 401 problem when it is unknown or expired."""
    settings = context.settings
    hashed = operator_service.token_hash(token)
    entry = context.tokens.fresh(hashed, settings.token_cache_seconds)
    if entry is None:
        record = await context.database.run(operator_service.load_token, hashed)
        if record is None:
            context.tokens.evict(hashed)
            raise unauthorized()
        entry = context.tokens.put(
            hashed,
            record.operator,
            expires_at=record.expires_at,
            stored_last_used_at=record.last_used_at,
        )
    now = context.clock()
    idle_limit = timedelta(minutes=settings.token_idle_minutes)
    if now >= entry.expires_at or now - entry.last_used_at >= idle_limit:
        context.tokens.evict(hashed)
        await context.database.run(operator_service.revoke_token, hashed)
        raise unauthorized()
    entry.last_used_at = now
    if now - entry.stored_last_used_at >= LAST_USED_WRITE_INTERVAL:
        await context.database.run(operator_service.touch_token, hashed, now)
        entry.stored_last_used_at = now
    return entry.operator


def bearer_token(request: Request) -> str | None:
    """The token of an `Authorization: Bearer …` header, if there is one."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


async def current_operator(request: Request) -> Operator:
    # Reads the header and the app's context directly instead of through two sub-dependencies:
    # this runs on every request, and FastAPI's dependency solving is not free.
    token = bearer_token(request)
    if token is None:
        raise unauthorized("请先登录。")
    context: AppContext = request.app.state.context
    return await authenticate(context, token)


CurrentOperator = Annotated[Operator, Depends(current_operator)]


def require_role(*roles: Role) -> Any:
    """A dependency that lets only operators with one of `roles` through (403 otherwise)."""
    allowed = frozenset(roles)

    async def check(operator: CurrentOperator) -> Operator:
        if operator.role not in allowed:
            names = "、".join(ROLE_NAMES[role] for role in roles)
            raise Forbidden(f"此操作需要{names}权限，当前账号是{ROLE_NAMES[operator.role]}。")
        return operator

    return Depends(check)


ROLE_NAMES = {Role.OPERATOR: "坐席", Role.REVIEWER: "审核员", Role.ADMIN: "管理员"}
