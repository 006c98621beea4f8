"""Authentication on every request: `CurrentOperator` and `require_role(...)` for
operator-only routes, `CurrentActor` for routes that applicants may use as well.

The hot path (a cached, valid token) touches the database at most once a minute per token,
to record `last_used_at` for the idle expiry; everything else is answered from memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Request

from domain import Forbidden, Operator, Role, define_code

from ._problems import ApiProblem, unauthorized
from .context import AppContext
from .services import applicant_sessions as applicant_service
from .services import operators as operator_service
from .services.applications import not_found

# Idle expiry is measured in minutes; a finer `last_used_at` would cost a write per request.
LAST_USED_WRITE_INTERVAL = timedelta(minutes=1)
APPLICANT_REFUSED = define_code("problem.applicant_refused")
_SIGN_IN_FIRST = define_code("problem.sign_in_first")
_SIGN_IN_OR_VERIFY = define_code("problem.sign_in_or_verify")
ROLE_REQUIRED = define_code("problem.role_required", "roles", "role")
_OPERATORS_ONLY = define_code("problem.operators_only")
ROLE_NAMES = (
    define_code("role.operator"),
    define_code("role.reviewer"),
    define_code("role.admin"),
)


async def authenticate(context: AppContext, token: str) -> Operator:
    """The operator holding `token`, or a 401 problem when it is unknown or expired."""
    settings = context.settings
    hashed = operator_service.token_hash(token)
    entry = context.tokens.fresh(hashed, settings.token_cache_seconds)
    if entry is None:
        record = await context.database.run(operator_service.load_token, hashed)
        if record is None:
            context.tokens.evict(hashed)
            if await context.database.run(applicant_service.load_session, hashed, context.clock()):
                raise Forbidden(APPLICANT_REFUSED())
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
        raise unauthorized(_SIGN_IN_FIRST())
    context: AppContext = request.app.state.context
    return await authenticate(context, token)


CurrentOperator = Annotated[Operator, Depends(current_operator)]


def require_role(*roles: Role) -> Any:
    """A dependency that lets only operators with one of `roles` through (403 otherwise)."""
    allowed = frozenset(roles)

    async def check(operator: CurrentOperator) -> Operator:
        if operator.role not in allowed:
            needed = [role.value for role in roles]
            raise Forbidden(ROLE_REQUIRED(roles=needed, role=operator.role.value))
        return operator

    return Depends(check)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a request: an operator, or an applicant bound to one application.

    Applicants hold the bearer token of `POST /v1/applications` (docs/registration-flow.md)
    and may touch only their own application; any other id answers 404 exactly as an unknown
    one does, so a token reveals nothing about other applications.
    """

    operator: Operator | None = None
    application_id: str | None = None  # applicants only

    @property
    def is_operator(self) -> bool:
        return self.operator is not None

    @property
    def name(self) -> str:
        """What the audit trail records as the actor."""
        return self.operator.username if self.operator is not None else "applicant"

    @property
    def key(self) -> str:
        """A stable identity, e.g. for idempotency keys: `operator:12`, `applicant:HQ7K-M2XP`."""
        if self.operator is not None:
            return f"operator:{self.operator.id}"
        return f"applicant:{self.application_id}"

    def may_touch(self, application_id: str) -> bool:
        return self.operator is not None or self.application_id == application_id

    def check_application(self, application_id: str) -> None:
        """Raises NotFound (the unknown-id sentence) for an applicant's foreign application."""
        if not self.may_touch(application_id):
            raise not_found(application_id)

    def require_operator(self) -> Operator:
        if self.operator is None:
            raise Forbidden(_OPERATORS_ONLY())
        return self.operator


async def authenticate_actor(context: AppContext, token: str) -> Actor:
    """The operator or applicant holding `token`, or a 401 problem."""
    hashed = operator_service.token_hash(token)
    if context.tokens.fresh(hashed, context.settings.token_cache_seconds) is None:
        applicant = await context.database.run(
            applicant_service.load_session, hashed, context.clock()
        )
        if applicant is not None:
            return Actor(application_id=applicant.application_id)
    return Actor(operator=await authenticate(context, token))


async def current_actor(request: Request) -> Actor:
    # Remembered on the request: the idempotency layer may have resolved it already.
    known: Actor | None = getattr(request.state, "actor", None)
    if known is not None:
        return known
    token = bearer_token(request)
    if token is None:
        raise unauthorized(_SIGN_IN_OR_VERIFY())
    context: AppContext = request.app.state.context
    actor = await authenticate_actor(context, token)
    request.state.actor = actor
    return actor


CurrentActor = Annotated[Actor, Depends(current_actor)]


async def optional_actor_name(request: Request) -> str:
    """For public endpoints: the operator (or applicant) of a valid bearer, else `applicant`
    (the caller on a public form)."""
    if bearer_token(request) is None:
        return "applicant"
    try:
        return (await current_actor(request)).name
    except ApiProblem:
        return "applicant"
