"""Typed async client of the central registration API (DESIGN §3).

Public surface: `CentralAPI`, the answers of `client._models` (`VerificationStarted`,
`AccountLogin`, `Notification`) and the exception tree of `client._errors` (every problem+json
`code` has its class; `ApiUnavailable` when there is no answer at all).
"""

from typing import TYPE_CHECKING, Any

from ._api import DOCUMENT_PATHS, CentralAPI
from ._errors import (
    ERROR_CLASSES,
    AlreadyInHqmsError,
    ApiError,
    ApiTimeout,
    ApiUnavailable,
    CallEndedError,
    CallerNotCheckedError,
    CallRequiredError,
    CallWithoutApplicationError,
    ConflictError,
    DocumentRefusedError,
    FieldInvalidError,
    FileKindTakenError,
    FileRefusedError,
    FileTooLargeError,
    FileTypeError,
    ForbiddenError,
    FormInvalidError,
    GoneError,
    IdempotencyMismatchError,
    InternalServerError,
    InvalidCredentialsError,
    InvalidRequestError,
    NotAChangeError,
    NotFoundError,
    PreconditionFailedError,
    PreconditionRequiredError,
    RateLimitedError,
    SubmitBlockedError,
    TooManyFilesError,
    TransitionNotAllowedError,
    UnauthorizedError,
    VerificationFailedError,
    VerificationGoneError,
    VerificationPhoneMismatchError,
    VerificationRateLimitedError,
    VerificationUsedError,
    error_from_problem,
)
from ._stream import STREAM_LOST, STREAM_OPENED, StreamEvent, watch_application

if TYPE_CHECKING:
    from ._models import (
        AccountLogin,
        Notification,
        NotificationPage,
        PasswordRecoveryAccepted,
        VerificationStarted,
    )

_MODEL_NAMES = frozenset(
    {
        "AccountLogin",
        "Notification",
        "NotificationPage",
        "PasswordRecoveryAccepted",
        "VerificationStarted",
    }
)

__all__ = [
    "DOCUMENT_PATHS",
    "ERROR_CLASSES",
    "STREAM_LOST",
    "STREAM_OPENED",
    "AccountLogin",
    "AlreadyInHqmsError",
    "ApiError",
    "ApiTimeout",
    "ApiUnavailable",
    "CallEndedError",
    "CallRequiredError",
    "CallWithoutApplicationError",
    "CallerNotCheckedError",
    "CentralAPI",
    "ConflictError",
    "DocumentRefusedError",
    "FieldInvalidError",
    "FileKindTakenError",
    "FileRefusedError",
    "FileTooLargeError",
    "FileTypeError",
    "ForbiddenError",
    "FormInvalidError",
    "GoneError",
    "IdempotencyMismatchError",
    "InternalServerError",
    "InvalidCredentialsError",
    "InvalidRequestError",
    "NotAChangeError",
    "NotFoundError",
    "Notification",
    "NotificationPage",
    "PasswordRecoveryAccepted",
    "PreconditionFailedError",
    "PreconditionRequiredError",
    "RateLimitedError",
    "StreamEvent",
    "SubmitBlockedError",
    "TooManyFilesError",
    "TransitionNotAllowedError",
    "UnauthorizedError",
    "VerificationFailedError",
    "VerificationGoneError",
    "VerificationPhoneMismatchError",
    "VerificationRateLimitedError",
    "VerificationStarted",
    "VerificationUsedError",
    "error_from_problem",
    "watch_application",
]


def __getattr__(name: str) -> Any:
    # The answer models need pydantic, which the kiosk's first screen does not wait for.
    if name in _MODEL_NAMES:
        from . import _models

        return getattr(_models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
