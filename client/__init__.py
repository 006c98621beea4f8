"""Typed async client of the central registration API (DESIGN §3).

Public surface: `CentralAPI` and the exception tree of `client._errors` (every problem+json
`code` has its class; `ApiUnavailable` when there is no answer at all).
"""

from ._api import CentralAPI
from ._errors import (
    ERROR_CLASSES,
    TIMEOUT_DETAIL,
    UNAVAILABLE_DETAIL,
    AlreadyInHqmsError,
    ApiError,
    ApiTimeout,
    ApiUnavailable,
    ConflictError,
    DocumentRefusedError,
    FieldInvalidError,
    ForbiddenError,
    FormInvalidError,
    GoneError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PreconditionFailedError,
    PreconditionRequiredError,
    RateLimitedError,
    SubmitBlockedError,
    TransitionNotAllowedError,
    UnauthorizedError,
    error_from_problem,
)

__all__ = [
    "ERROR_CLASSES",
    "TIMEOUT_DETAIL",
    "UNAVAILABLE_DETAIL",
    "AlreadyInHqmsError",
    "ApiError",
    "ApiTimeout",
    "ApiUnavailable",
    "CentralAPI",
    "ConflictError",
    "DocumentRefusedError",
    "FieldInvalidError",
    "ForbiddenError",
    "FormInvalidError",
    "GoneError",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PreconditionFailedError",
    "PreconditionRequiredError",
    "RateLimitedError",
    "SubmitBlockedError",
    "TransitionNotAllowedError",
    "UnauthorizedError",
    "error_from_problem",
]
