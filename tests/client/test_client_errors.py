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
from domain import DomainError, render

DOMAIN_ERRORS = [DomainError, *DomainError.__subclasses__()]


@pytest.mark.parametrize("domain_error", DOMAIN_ERRORS[1:], ids=lambda cls: cls.__name__)
def test_every_domain_error_code_has_its_client_class(domain_error: type[DomainError]) -> None:
    cls = ERROR_CLASSES[domain_error.kind]
    assert cls is not ApiError
    assert cls.kind == domain_error.kind


def test_problem_body_selects_class_by_type_and_keeps_message_detail_and_errors() -> None:
    body = {
        "type": "urn:hqms:problem:form_invalid",
        "title": "资料需要更正",
        "status": 422,
        "detail": "资料中有 2 处需要更正。",
        "code": "document_refused_many",
        "params": {"count": 2},
        "errors": [
            {"field": "code", "code": "code_check_char", "params": {"expected": "X"}},
            {"field": "admin.email", "code": "email_no_at", "warning": False},
        ],
    }
    error = error_from_problem(422, body)
    assert isinstance(error, FormInvalidError)
    assert error.detail == "资料中有 2 处需要更正。"
    assert (error.code, error.params) == ("document_refused_many", {"count": 2})
    assert error.status == 422
    assert [problem.code for problem in error.errors] == ["code_check_char", "email_no_at"]
    assert str(error) == "document_refused_many"


def test_type_wins_over_status() -> None:
    body = {"type": "urn:hqms:problem:already_in_hqms", "code": "already_in_hqms"}
    error = error_from_problem(409, body)
    assert isinstance(error, AlreadyInHqmsError)
    assert not isinstance(error, ConflictError)
    # A server that sends no type of ours is classified by its code.
    assert isinstance(error_from_problem(409, {"code": "already_in_hqms"}), AlreadyInHqmsError)


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


def test_body_that_is_not_a_problem_still_has_a_code() -> None:
    error = error_from_problem(502, "<html>bad gateway</html>")
    assert isinstance(error, ApiUnavailable)
    assert (error.message, error.detail, error.code) == (None, "", "unavailable")
    assert render("client", error.default(), "zh_CN") == (
        "无法连接中央服务，请稍后重试；若持续出现请联系值班技术人员。"
    )


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
    assert ApiTimeout().code == "timeout"
    assert render("client", ApiTimeout.default(), "zh_CN").startswith("中央服务响应超时")
