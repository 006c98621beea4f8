"""Every error leaves the API as RFC 9457 `application/problem+json` (DESIGN §3).

A problem has a kind — its `type`, `urn:hqms:problem:<kind>`, which the client turns into one
exception class — and a message: `code` and `params`, rendered into `title` and `detail` in
the request's language (`language.py`, docs/messages.md). One table maps each domain error
class to its HTTP status; `ApiProblem` carries the errors that belong to HTTP itself
(authentication, lockout, database down). The handlers installed by `install_problem_handlers`
cover everything else: unknown routes, wrong methods, request validation (pydantic's error
`type` and `ctx` mapped to our codes) and unexpected exceptions (a 500 that says nothing of the
internals).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from domain import (
    AlreadyInHqms,
    Conflict,
    DomainError,
    FieldInvalid,
    Forbidden,
    FormInvalid,
    Message,
    NotFound,
    Problem,
    ProblemDetail,
    SubmitBlocked,
    TransitionNotAllowed,
    define_code,
    render,
)
from pdfgen import DocumentRefused

from ._validation_messages import validation_problems
from .access_log import mask_request_line
from .language import request_language

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"

PROBLEM_TYPE = "urn:hqms:problem:"
"""`type` of every problem: this prefix and the kind (`urn:hqms:problem:conflict`)."""

# Domain error class → HTTP status. A test checks that every DomainError subclass in `domain`
# has its own row, so a new domain error cannot silently become a 400.
DOMAIN_ERROR_STATUS: dict[type[DomainError], int] = {
    DomainError: 400,
    FieldInvalid: 422,
    FormInvalid: 422,
    TransitionNotAllowed: 409,
    SubmitBlocked: 422,
    NotFound: 404,
    Forbidden: 403,
    Conflict: 409,
    AlreadyInHqms: 409,
    DocumentRefused: 422,
}

PROBLEM_KINDS = (
    define_code("title.domain_error"),
    define_code("title.field_invalid"),
    define_code("title.form_invalid"),
    define_code("title.transition_not_allowed"),
    define_code("title.submit_blocked"),
    define_code("title.not_found"),
    define_code("title.forbidden"),
    define_code("title.conflict"),
    define_code("title.already_in_hqms"),
    define_code("title.document_refused"),
    define_code("title.unauthorized"),
    define_code("title.invalid_credentials"),
    define_code("title.login_locked"),
    define_code("title.rate_limited"),
    define_code("title.verification_rate_limited"),
    define_code("title.precondition_required"),
    define_code("title.precondition_failed"),
    define_code("title.idempotency_mismatch"),
    define_code("title.validation_error"),
    define_code("title.verification_failed"),
    define_code("title.verification_phone_mismatch"),
    define_code("title.verification_used"),
    define_code("title.verification_gone"),
    define_code("title.file_too_large"),
    define_code("title.file_type"),
    define_code("title.too_many_files"),
    define_code("title.file_kind_taken"),
    define_code("title.call_required"),
    define_code("title.caller_not_checked"),
    define_code("title.call_ended"),
    define_code("title.call_without_application"),
    define_code("title.not_a_change"),
    define_code("title.method_not_allowed"),
    define_code("title.http_error"),
    define_code("title.internal_error"),
    define_code("title.unavailable"),
)
"""Every kind of problem the API answers with (its `type`), each with its title."""

SESSION_EXPIRED = define_code("problem.session_expired")
INTERNAL_ERROR = define_code("problem.internal_error")
_PRECONDITION_REQUIRED = define_code("problem.precondition_required")
_PRECONDITION_FAILED = define_code("problem.precondition_failed")
_UNKNOWN_PATH = define_code("problem.unknown_path")
_METHOD_NOT_ALLOWED = define_code("problem.method_not_allowed")
_HTTP_ERROR = define_code("problem.http_error")
_SEVERAL_INVALID = define_code("problem.several_invalid")


class ApiProblem(Exception):
    """An HTTP-level error: its status, kind and message (not a rule of the domain)."""

    def __init__(
        self,
        status: int,
        kind: str,
        message: Message,
        *,
        errors: Sequence[Problem] = (),
        headers: dict[str, str] | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message.code)
        self.status = status
        self.kind = kind
        self.message = message
        self.errors = list(errors)
        self.headers = headers or {}
        # RFC 9457 extension members, e.g. `tries_left` of a wrong SMS code.
        self.extra = extra or {}


def unauthorized(message: Message | None = None) -> ApiProblem:
    return ApiProblem(
        401,
        "unauthorized",
        message or SESSION_EXPIRED(),
        headers={"WWW-Authenticate": "Bearer"},
    )


def rate_limited(message: Message, wait: timedelta, *, kind: str = "rate_limited") -> ApiProblem:
    """429 with `Retry-After` (whole seconds, at least 1) and the same number as `retry_after`."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    return ApiProblem(
        429,
        kind,
        message,
        headers={"Retry-After": str(seconds)},
        extra={"retry_after": seconds},
    )


def precondition_required() -> ApiProblem:
    return ApiProblem(428, "precondition_required", _PRECONDITION_REQUIRED())


def precondition_failed(current: int) -> ApiProblem:
    return ApiProblem(
        412,
        "precondition_failed",
        _PRECONDITION_FAILED(),
        headers={"ETag": f'"{current}"'},
    )


def problem_response(
    status: int,
    kind: str,
    message: Message,
    *,
    errors: Sequence[Problem] = (),
    headers: dict[str, str] | None = None,
    extra: dict[str, object] | None = None,
) -> Response:
    """The problem+json response, its sentences in the request's language."""
    language = request_language()
    body = ProblemDetail(
        type=PROBLEM_TYPE + kind,
        title=render("title", Message(code=kind), language) or kind,
        status=status,
        detail=render("problem", message, language) or message.code,
        code=message.code,
        params=message.params,
        errors=list(errors),
    )
    content = body.model_dump_json(context={"language": language})
    if extra:
        content = json.dumps({**json.loads(content), **extra}, ensure_ascii=False)
    return Response(content, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def domain_error_status(error: DomainError) -> int:
    """The most specific row of the mapping table for `error`'s class."""
    for cls in type(error).__mro__:
        if cls in DOMAIN_ERROR_STATUS:
            return DOMAIN_ERROR_STATUS[cls]
    return DOMAIN_ERROR_STATUS[DomainError]


_HTTP_STATUS_PROBLEMS: dict[int, tuple[str, Message]] = {
    404: ("not_found", _UNKNOWN_PATH()),
    405: ("method_not_allowed", _METHOD_NOT_ALLOWED()),
}


async def _on_domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    status = domain_error_status(exc)
    return problem_response(status, exc.kind, exc.message, errors=exc.problems)


async def _on_api_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiProblem)
    return problem_response(
        exc.status,
        exc.kind,
        exc.message,
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    kind, message = _HTTP_STATUS_PROBLEMS.get(exc.status_code, ("http_error", _HTTP_ERROR()))
    headers: dict[str, Any] | None = getattr(exc, "headers", None)
    return problem_response(exc.status_code, kind, message, headers=headers)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = validation_problems(exc.errors())
    message = problems[0] if len(problems) == 1 else _SEVERAL_INVALID()
    return problem_response(
        422,
        "validation_error",
        Message(code=message.code, params=message.params),
        errors=problems,
    )


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    path = mask_request_line(request.url.path)
    log.exception("unexpected error on %s %s", request.method, path)
    return problem_response(500, "internal_error", INTERNAL_ERROR())


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _on_domain_error)
    app.add_exception_handler(ApiProblem, _on_api_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)
