"""JSON responses serialized by pydantic-core in one step.

Returning a `Response` skips FastAPI's generic encoder (`jsonable_encoder`, then `json.dumps`),
which costs more than the database lookup on the hot path. Routes still declare
`response_model` so `/openapi.json` describes the body. The request's language goes to the
serializer, which renders the sentences of messages (`problems[].message`, an event's
`detail`) from their codes (docs/messages.md).
"""

from __future__ import annotations

from pydantic import BaseModel
from starlette.responses import Response

from .language import request_language


def json_response(
    model: BaseModel, *, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        model.model_dump_json(context={"language": request_language()}),
        status_code=status_code,
        media_type="application/json",
        headers=headers,
    )
