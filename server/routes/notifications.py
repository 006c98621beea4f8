"""`GET …/notifications`: the application's outbox messages and their delivery state, masked."""

from __future__ import annotations

from fastapi import APIRouter, Response

from .._responses import json_response
from ..auth import CurrentActor
from ..context import ContextDep
from ..services.notifications import NotificationPage, application_notifications
from .applications import ApplicationId, canonical_id

router = APIRouter(prefix="/v1/applications", tags=["notifications"])


@router.get("/{application_id}/notifications", response_model=NotificationPage)
async def notifications(
    application_id: ApplicationId, actor: CurrentActor, context: ContextDep
) -> Response:
    application_id = canonical_id(application_id)
    actor.check_application(application_id)
    page = await context.database.run(application_notifications, application_id)
    return json_response(page)
