"""`PlainRoute`: a FastAPI route whose endpoint reads the request and builds the response itself.

FastAPI's request handler solves the dependency graph, reads the body, validates parameters one
by one and re-validates the returned model. On the hotline's lookup that machinery cost more
than the database query, so the one route on that path does the same work in a few plain
calls instead (`routes.applications.search_applications`). Everything around the handler stays
FastAPI's: routing, exception handlers (problem+json), and the OpenAPI description, which comes
from the route's `response_model` and `openapi_extra` as for any other route.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute


class PlainRoute(APIRoute):
    """For an `async def endpoint(request: Request) -> Response` only."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint: Callable[[Request], Coroutine[Any, Any, Response]] = self.endpoint
        return endpoint
