"""JSON responses serialized by pydantic-core in one step.

Returning a `Response` skips FastAPI's generic encoder (`jsonable_encoder`, then `json.dumps`),
which costs more than the database lookup on the hot path. Routes still declare
`response_model` so `/openapi.json` describes the body.
"""

from __future__ import annotations

from pydantic import BaseModel
from starlette.responses import Response


def json_response(
    model: BaseModel, *, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        model.model_dump_json(),
        status_code=status_code,
        media_type="application/json",
        headers=headers,
    )
