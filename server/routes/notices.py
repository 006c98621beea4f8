"""`POST …/notices/resend`: the approval or rejection notice again (operators only)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from domain import Delivery

from .._responses import json_response
from ..auth import CurrentOperator
from ..context import ContextDep
from ..idempotency import IdempotentRoute
from ..services.resend import NoticeKind, resend_notice
from .applications import ApplicationId, canonical_id

router = APIRouter(prefix="/v1/applications", tags=["notices"], route_class=IdempotentRoute)


class ResendBody(BaseModel):
    kind: NoticeKind = Field(
        description="approval：账号开通通知（不含密码）；rejection：审核不通过通知（含原因）"
    )


@router.post("/{application_id}/notices/resend", status_code=202, response_model=Delivery)
async def resend(
    application_id: ApplicationId,
    body: ResendBody,
    operator: CurrentOperator,
    context: ContextDep,
) -> Response:
    """202 `Delivery`: where it went (masked), when the next resend of this kind is allowed,
    resends left today. 409 when the state has no such notice, 429 (Retry-After) beyond
    one per 10 minutes and 3 a day per application and kind."""
    delivery = await context.database.run(
        resend_notice,
        canonical_id(application_id),
        body.kind,
        actor=operator.username,
        login_url=context.settings.login_url,
        now=context.clock(),
    )
    return json_response(delivery, status_code=202)
