"""problem+json → one exception class per `code`, with the Chinese detail kept."""

from __future__ import annotations

import pytest

from client import (
    ERROR_CLASSES,
    AlreadyInHqmsError,
    ApiError,
    ApiTimeout,
    ApiUnavailable,
    ConflictError,
    FormInvalidError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PreconditionFailedError,
    RateLimitedError,
    UnauthorizedError,
    error_from_problem,
)
from domain import AlreadyInHqms, DomainError

DOMAIN_ERRORS = [DomainError, *DomainError.__subclasses__()]


@pytest.mark.parametrize("domain_error", DOMAIN_ERRORS[1:], ids=lambda cls: cls.__name__)
def test_every_domain_error_code_has_its_client_class(domain_error: type[DomainError]) -> None:
    cls = ERROR_CLASSES[domain_error.code]
    assert cls is not ApiError
    assert cls.default_code == domain_error.code


def test_problem_body_selects_class_by_code_and_keeps_detail_and_errors() -> None:
    body = {
        "type": "about:blank",
        "title": "资料需要更正",
        "status": 422,
        "detail": "资料中有 2 处需要更正。",
        "code": "form_invalid",
        "errors": [
            {"field": "code", "message": "第 9 位校验码应为 X。"},
            {"field": "admin.email", "message": "邮箱缺少 @。", "warning": False},
        ],
    }
    error = error_from_problem(422, body)
    assert isinstance(error, FormInvalidError)
    assert error.detail == "资料中有 2 处需要更正。"
    assert error.code == "form_invalid"
    assert error.status == 422
    assert [problem.field for problem in error.errors] == ["code", "admin.email"]
    assert str(error) == "资料中有 2 处需要更正。"


def test_code_wins_over_status() -> None:
    error = error_from_problem(409, {"code": "already_in_hqms", "detail": AlreadyInHqms().message})
    assert isinstance(error, AlreadyInHqmsError)
    assert not isinstance(error, ConflictError)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, UnauthorizedError),
        (404, NotFoundError),
        (409, ConflictError),
        (412, PreconditionFailedError),
        (422, InvalidRequestError),
        (500, InternalServerError),
        (599, InternalServerError),
        (503, ApiUnavailable),
        (418, ApiError),
    ],
)
def test_unknown_code_falls_back_on_status(status: int, expected: type[ApiError]) -> None:
    error = error_from_problem(status, {"code": "something_new", "detail": "新的错误。"})
    assert type(error) is expected
    assert error.detail == "新的错误。"
    assert error.code == "something_new"


def test_body_that_is_not_a_problem_still_gives_a_sentence() -> None:
    error = error_from_problem(502, "<html>bad gateway</html>")
    assert isinstance(error, ApiUnavailable)
    assert error.detail.startswith("无法连接中央服务")


def test_validation_error_code_is_an_invalid_request() -> None:
    assert isinstance(error_from_problem(422, {"code": "validation_error"}), InvalidRequestError)


def test_rate_limited_carries_retry_after() -> None:
    error = error_from_problem(
        429, {"code": "rate_limited", "detail": "请 60 秒后再试。"}, retry_after=60
    )
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 60


def test_timeout_is_a_kind_of_unavailable() -> None:
    assert issubclass(ApiTimeout, ApiUnavailable)
    assert ApiTimeout().detail.startswith("中央服务响应超时")
