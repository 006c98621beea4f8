"""`POST …/amend`, `…/approve`, `…/reject`: the review transitions (If-Match, Idempotency-Key).

Amend is open to the operator and to the applicant of the application; approve and reject
only to reviewers and administrators (403 for anyone else, nothing changed).
"""

from __future__ import annotations

from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel, Field

from domain import Application, FieldInvalid, Forbidden, Role, define_code

from .._responses import json_response
from ..auth import ROLE_REQUIRED, CurrentActor
from ..context import AppContext, ContextDep
from ..idempotency import IdempotentRoute
from ..passwords import hash_password
from ..preconditions import IfMatch, etag
from ..services import accounts
from ..services import transitions as transition_service
from ..services.applications import application_detail
from ..time_words import BEIJING
from .applications import ApplicationId, canonical_id

router = APIRouter(prefix="/v1/applications", tags=["transitions"], route_class=IdempotentRoute)

REVIEW_ROLES = frozenset({Role.REVIEWER, Role.ADMIN})


class AmendBody(BaseModel):
    reason: str = Field(default="", max_length=500, description="修改原因（可空）")


class RejectBody(BaseModel):
    reason: str = Field(
        min_length=1, max_length=500, description="审核不通过的原因，会发给数据管理员"
    )


class ApproveBody(BaseModel):
    pass


_REVIEWERS_ONLY = define_code("problem.reviewers_only")
_REJECT_REASON_REQUIRED = define_code("problem.reject_reason_required")


async def _reviewer(actor: CurrentActor) -> str:
    """The reviewer's username; 403 for operators without the role and for applicants."""
    operator = actor.operator
    if operator is None:
        raise Forbidden(_REVIEWERS_ONLY())
    if operator.role not in REVIEW_ROLES:
        needed = [role.value for role in REVIEW_ROLES]
        raise Forbidden(ROLE_REQUIRED(roles=needed, role=operator.role.value))
    return operator.username


# Before `IfMatch` in each signature: a non-reviewer hears 403 whatever else is wrong.
CurrentReviewer = Annotated[str, Depends(_reviewer)]


async def _answer(context: AppContext, application_id: str, *, created: bool) -> Response:
    today = context.clock().astimezone(BEIJING).date()
    application = await context.database.run(application_detail, application_id, today=today)
    headers = {"ETag": etag(application.revision)}
    if created:
        headers["Location"] = f"/v1/applications/{application.id}"
    return json_response(application, status_code=201 if created else 200, headers=headers)


@router.post(
    "/{application_id}/amend",
    response_model=Application,
    responses={201: {"model": Application, "description": "已通过的申请：新建的变更申请"}},
)
async def amend(
    application_id: ApplicationId,
    body: AmendBody,
    actor: CurrentActor,
    revision: IfMatch,
    context: ContextDep,
) -> Response:
    application_id = canonical_id(application_id)
    actor.check_application(application_id)
    outcome = await context.database.run(
        transition_service.amend,
        application_id,
        expected_revision=revision,
        actor=actor.name,
        reason=body.reason.strip(),
        now=context.clock(),
        operator=actor.is_operator,
    )
    return await _answer(context, outcome.application_id, created=outcome.created)


@router.post("/{application_id}/approve", response_model=Application)
async def approve(
    application_id: ApplicationId,
    body: ApproveBody,
    name: CurrentReviewer,
    revision: IfMatch,
    context: ContextDep,
) -> Response:
    # A new initial password in case the decision needs one (a new account, a new
    # administrator); hashing takes ~0.1 s of CPU by design, so off the event loop and
    # outside the transaction.
    password = accounts.generate_initial_password()
    password_hash = await anyio.to_thread.run_sync(hash_password, password)
    outcome = await context.database.run(
        transition_service.approve,
        canonical_id(application_id),
        expected_revision=revision,
        reviewer=transition_service.Reviewer(name, password, password_hash),
        login_url=context.settings.login_url,
        now=context.clock(),
    )
    return await _answer(context, outcome.application_id, created=False)


@router.post("/{application_id}/reject", response_model=Application)
async def reject(
    application_id: ApplicationId,
    body: RejectBody,
    name: CurrentReviewer,
    revision: IfMatch,
    context: ContextDep,
) -> Response:
    reason = body.reason.strip()
    if not reason:
        raise FieldInvalid("reason", _REJECT_REASON_REQUIRED())
    outcome = await context.database.run(
        transition_service.reject,
        canonical_id(application_id),
        expected_revision=revision,
        reviewer=name,
        reason=reason,
        now=context.clock(),
    )
    return await _answer(context, outcome.application_id, created=False)
