"""Applications: search (`GET /v1/applications`), one application, its timeline, and what
approving a change application would do (`GET …/change-preview`).

The search is registered by `add_search_route`, the other two through `router`.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, FastAPI, Path, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from domain import (
    Application,
    ApplicationPage,
    ChangePreview,
    EventPage,
    Status,
    normalize_mobile,
)

from .._responses import json_response
from ..auth import CurrentActor, CurrentOperator, current_operator
from ..context import AppContext, ContextDep
from ..services import applications as application_service
from ..services import change_preview, codes, lookup
from ..storage.queries import SearchFilters
from ..time_words import BEIJING
from ._plain import PlainRoute

router = APIRouter(prefix="/v1/applications", tags=["applications"])

ApplicationId = Annotated[
    str, Path(min_length=1, max_length=16, description="申请编号，例如 HQ7K-M2XP")
]


def canonical_id(raw: str) -> str:
    """Ids are read aloud: accept lower case and a missing hyphen (`hq7km2xp`)."""
    text = raw.strip().upper()
    if len(text) == 8 and "-" not in text:
        return f"{text[:4]}-{text[4:]}"
    return text


class SearchQuery(BaseModel):
    """The query parameters of the search (`GET /v1/applications`)."""

    phone: str | None = Field(default=None, max_length=32, description="来电手机号")
    code: str | None = Field(
        default=None,
        max_length=64,
        description="医疗机构代码（完整代码精确匹配）、组织机构代码或统一社会信用代码（匹配该组织的全部申请）",
    )
    q: str | None = Field(default=None, max_length=100, description="机构名称或申请编号的一部分")
    status: list[Status] = Field(default_factory=list, description="审核状态，可重复")
    cursor: str | None = Field(default=None, max_length=200, description="上一页的 next_cursor")
    limit: int = Field(default=20, ge=1, le=100, description="每页条数")


def _search_query(request: Request) -> SearchQuery:
    """Validates the query string in one pydantic-core call.

    This is the hot path (the hotline searches by phone on every call): FastAPI's
    per-parameter machinery costs more here than the database lookup, so the parameters are
    validated as one model and documented through `openapi_extra` instead. As with FastAPI,
    a repeated parameter keeps its last value, except `status`, which is a list.
    """
    raw: dict[str, object] = {}
    statuses: list[str] = []
    for key, value in parse_qsl(request.scope["query_string"].decode("latin-1"), True):
        if key == "status":
            statuses.append(value)
        else:
            raw[key] = value
    if statuses:
        raw["status"] = statuses
    try:
        return SearchQuery.model_validate(raw)
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("query", *e["loc"])} for e in error.errors(include_url=False)]
        ) from None


def _query_parameters(model: type[BaseModel]) -> list[dict[str, object]]:
    # References point into the OpenAPI components, where FastAPI already lists the enums
    # the response models use (`Status`).
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return [
        {"name": name, "in": "query", "required": False, "schema": field_schema}
        for name, field_schema in schema["properties"].items()
    ]


# The hotline's search, by phone on every call. A `PlainRoute` (no dependency solving, see
# there): it authenticates and validates the query itself, in FastAPI's order (401 before 422).
async def search_applications(request: Request) -> Response:
    await current_operator(request)
    context: AppContext = request.app.state.context
    query = _search_query(request)
    phone, code, text = (v.strip() if v else "" for v in (query.phone, query.code, query.q))
    filters = SearchFilters(
        phone=normalize_mobile(phone, "phone") if phone else None,
        code=codes.search_code(code) if code else None,
        text=text or None,
        statuses=tuple(s.value for s in query.status),
    )
    if filters.phone and not (filters.code or filters.text or filters.statuses or query.cursor):
        # The hotline's lookup: a phone alone, first page (see `Database.read_driver`).
        body = await context.database.read_driver(
            lookup.search_by_phone_json, filters.phone, limit=query.limit
        )
        return Response(body, media_type="application/json")
    page = await context.database.read(
        lookup.search, filters, limit=query.limit, cursor=query.cursor
    )
    return json_response(page)


def add_search_route(app: FastAPI) -> None:
    """Registers `GET /v1/applications` on the app itself, ahead of every router.

    Not on `router`: FastAPI matches a route of an included router in two passes through
    the router's candidates, per request, which on the hottest route costs about as much
    as validating its query.
    """
    app.router.add_api_route(
        "/v1/applications",
        search_applications,
        methods=["GET"],
        tags=["applications"],
        response_model=ApplicationPage,
        openapi_extra={"parameters": _query_parameters(SearchQuery)},
        route_class_override=PlainRoute,
    )


@router.get("/{application_id}", response_model=Application)
async def get_application(
    application_id: ApplicationId, actor: CurrentActor, context: ContextDep
) -> Response:
    today = context.clock().astimezone(BEIJING).date()
    own_id = canonical_id(application_id)
    actor.check_application(own_id)  # an applicant sees only their own application
    application = await context.database.run(
        application_service.application_detail, own_id, today=today
    )
    return json_response(application, headers={"ETag": f'"{application.revision}"'})


@router.get("/{application_id}/events", response_model=EventPage)
async def get_events(
    application_id: ApplicationId, operator: CurrentOperator, context: ContextDep
) -> Response:
    page = await context.database.run(lookup.application_events, canonical_id(application_id))
    return json_response(page)


@router.get("/{application_id}/change-preview", response_model=ChangePreview)
async def get_change_preview(
    application_id: ApplicationId, operator: CurrentOperator, context: ContextDep
) -> Response:
    """For the reviewer, before approving a change application: the fields that change
    (masked), whether the administrator changes (then the account's password is reset) and
    who receives the email and SMS. 409 `not_a_change` for any other application."""
    preview = await context.database.run(
        change_preview.change_preview, canonical_id(application_id)
    )
    return json_response(preview)
