"""`GET /v1/health`: liveness and a database check, without authentication."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response
from sqlalchemy.exc import SQLAlchemyError

from domain import Health

from .._problems import ApiProblem
from .._responses import json_response
from ..context import ContextDep
from ..services.health import database_answers
from ..version import VERSION

router = APIRouter(prefix="/v1", tags=["health"])
log = logging.getLogger(__name__)


@router.get("/health", response_model=Health)
async def health(context: ContextDep) -> Response:
    try:
        await context.database.run(database_answers)
    except SQLAlchemyError as error:
        # The cause goes to the log, not to the caller: it may name hosts and paths.
        log.warning("health check: database unavailable: %s", type(error).__name__)
        raise ApiProblem(
            503, "unavailable", "数据库不可用", "中央服务暂时连不上数据库，请稍后重试。"
        ) from error
    return json_response(Health(status="ok", database="ok", version=VERSION))
