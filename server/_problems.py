"""Every error leaves the API as RFC 9457 `application/problem+json` (DESIGN §3).

One table maps each domain error class to its HTTP status and title; `ApiProblem` carries the
errors that belong to HTTP itself (authentication, lockout, database down). The handlers
installed by `install_problem_handlers` cover everything else: unknown routes, wrong methods,
request validation (with Chinese messages per field) and unexpected exceptions (a 500 that
says nothing of the internals).
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
    NotFound,
    Problem,
    ProblemDetail,
    SubmitBlocked,
    TransitionNotAllowed,
)
from pdfgen import DocumentRefused

from ._validation_messages import validation_problems

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"

# Domain error class → (HTTP status, title). A test checks that every DomainError subclass
# in `domain` has its own row, so a new domain error cannot silently become a 400.
DOMAIN_ERROR_STATUS: dict[type[DomainError], tuple[int, str]] = {
    DomainError: (400, "无法完成操作"),
    FieldInvalid: (422, "填写的内容不正确"),
    FormInvalid: (422, "资料需要更正"),
    TransitionNotAllowed: (409, "当前状态不允许此操作"),
    SubmitBlocked: (422, "还不能提交审核"),
    NotFound: (404, "未找到"),
    Forbidden: (403, "没有权限"),
    Conflict: (409, "与现有记录冲突"),
    AlreadyInHqms: (409, "已是 HQMS 对接机构"),
    DocumentRefused: (422, "暂不能生成文件"),
}

SESSION_EXPIRED = "登录已过期，请重新登录。"
INTERNAL_ERROR = "服务内部错误，请稍后重试；若持续出现请联系值班技术人员。"


class ApiProblem(Exception):
    """An HTTP-level error with its problem+json fields (not a rule of the domain)."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str,
        *,
        errors: Sequence[Problem] = (),
        headers: dict[str, str] | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = list(errors)
        self.headers = headers or {}
        # RFC 9457 extension members, e.g. `tries_left` of a wrong SMS code.
        self.extra = extra or {}


def unauthorized(detail: str = SESSION_EXPIRED) -> ApiProblem:
    return ApiProblem(401, "unauthorized", "未登录", detail, headers={"WWW-Authenticate": "Bearer"})


def rate_limited(
    detail: str, wait: timedelta, *, code: str = "rate_limited", title: str = "操作过于频繁"
) -> ApiProblem:
    """429 with `Retry-After` (whole seconds, at least 1) and the same number as `retry_after`."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    return ApiProblem(
        429,
        code,
        title,
        detail,
        headers={"Retry-After": str(seconds)},
        extra={"retry_after": seconds},
    )


def precondition_required() -> ApiProblem:
    return ApiProblem(
        428,
        "precondition_required",
        "缺少版本号",
        "修改申请需要带上 If-Match 版本号（取自上次读取申请时的 ETag），请重新读取申请后再试。",
    )


def precondition_failed(current: int) -> ApiProblem:
    return ApiProblem(
        412,
        "precondition_failed",
        "申请已被修改",
        "申请在您读取之后已被他人修改，请重新读取最新内容后再操作。",
        headers={"ETag": f'"{current}"'},
    )


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str,
    *,
    errors: Sequence[Problem] = (),
    headers: dict[str, str] | None = None,
    extra: dict[str, object] | None = None,
) -> Response:
    body = ProblemDetail(title=title, status=status, detail=detail, code=code, errors=list(errors))
    content = body.model_dump_json()
    if extra:
        content = json.dumps({**json.loads(content), **extra}, ensure_ascii=False)
    return Response(
        content,
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def domain_error_status(error: DomainError) -> tuple[int, str]:
    """The most specific row of the mapping table for `error`'s class."""
    for cls in type(error).__mro__:
        if cls in DOMAIN_ERROR_STATUS:
            return DOMAIN_ERROR_STATUS[cls]
    return DOMAIN_ERROR_STATUS[DomainError]


_HTTP_STATUS_PROBLEMS: dict[int, tuple[str, str, str]] = {
    404: ("not_found", "未找到", "没有这个接口地址，请检查请求路径。"),
    405: ("method_not_allowed", "方法不允许", "这个接口不支持该请求方法。"),
}


async def _on_domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    status, title = domain_error_status(exc)
    return problem_response(status, exc.code, title, exc.message, errors=exc.problems)


async def _on_api_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiProblem)
    return problem_response(
        exc.status,
        exc.code,
        exc.title,
        exc.detail,
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code, title, detail = _HTTP_STATUS_PROBLEMS.get(
        exc.status_code, ("http_error", "请求无法处理", "请求无法处理，请检查后重试。")
    )
    headers: dict[str, Any] | None = getattr(exc, "headers", None)
    return problem_response(exc.status_code, code, title, detail, headers=headers)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = validation_problems(exc.errors())
    detail = problems[0].message if len(problems) == 1 else "请求中有多处内容不正确，请逐项更正。"
    return problem_response(422, "validation_error", "请求内容不正确", detail, errors=problems)


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem_response(500, "internal_error", "服务内部错误", INTERNAL_ERROR)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _on_domain_error)
    app.add_exception_handler(ApiProblem, _on_api_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)
