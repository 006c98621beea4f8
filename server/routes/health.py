"""`GET /v1/health`: liveness and a database check, without authentication."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response
from sqlalchemy.exc import SQLAlchemyError

from domain import Health, define_code

from .._problems import ApiProblem
from .._responses import json_response
from ..context import ContextDep
from ..services.health import database_answers
from ..version import VERSION

router = APIRouter(prefix="/v1", tags=["health"])
log = logging.getLogger(__name__)

_DATABASE_DOWN = define_code("problem.database_unavailable")


@router.get("/health", response_model=Health)
async def health(context: ContextDep) -> Response:
    try:
        await context.database.run(database_answers)
    except SQLAlchemyError as error:
        # The cause goes to the log, not to the caller: it may name hosts and paths.
        log.warning("health check: database unavailable: %s", type(error).__name__)
        raise ApiProblem(503, "unavailable", _DATABASE_DOWN()) from error
    return json_response(Health(status="ok", database="ok", version=VERSION))
