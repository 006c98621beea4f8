"""What can go wrong when talking to the central API, as one exception tree.

Every problem+json answer becomes the subclass registered for its kind (the problem's `type`,
`urn:hqms:problem:<kind>`); an answer of an unknown kind falls back on its HTTP status, then on
`ApiError` itself. Network trouble becomes `ApiUnavailable`, raised `from` the httpx error so
the cause stays in tracebacks. Messages are data (docs/messages.md): an exception carries the
server's `message` (code and params, rendered by the kiosk in its own language), the server's
own sentence `detail` (in the language the client asked for) and, for errors with no answer to
read, its class's `default` code in the `client` namespace.

    ApiError                         kind, message, detail, status, errors
    ├── FieldInvalidError            field_invalid
    ├── FormInvalidError             form_invalid            (errors: one per field)
    │   └── DocumentRefusedError     document_refused        (no PDF for an incomplete form)
    ├── InvalidRequestError          validation_error, invalid_request
    │   └── IdempotencyMismatchError idempotency_mismatch (422: a key reused for another body)
    ├── TransitionNotAllowedError    transition_not_allowed
    ├── SubmitBlockedError           submit_blocked          (errors: what blocks submit)
    ├── NotFoundError                not_found
    ├── UnauthorizedError            unauthorized            (sign in again)
    │   └── InvalidCredentialsError  invalid_credentials     (wrong user name or password)
    ├── ForbiddenError               forbidden
    ├── ConflictError                conflict                (a second open application)
    │   ├── VerificationUsedError    verification_used       (a token used twice)
    │   ├── FileKindTakenError       file_kind_taken         (delete the old scan first)
    │   ├── TooManyFilesError        too_many_files
    │   ├── CallRequiredError        call_required           (reveal outside a call about it)
    │   ├── CallerNotCheckedError    caller_not_checked      (verify the caller first)
    │   ├── CallEndedError           call_ended              (the call has a wrap-up already)
    │   ├── CallWithoutApplicationError  call_without_application
    │   └── NotAChangeError          not_a_change            (no change preview for it)
    ├── AlreadyInHqmsError           already_in_hqms
    ├── PreconditionFailedError      precondition_failed     (412: someone changed it first)
    ├── PreconditionRequiredError    precondition_required   (428: If-Match missing)
    ├── VerificationFailedError      verification_failed     (422: wrong code; tries_left)
    ├── VerificationPhoneMismatchError  verification_phone_mismatch  (code went to another phone)
    ├── GoneError                    gone                    (410)
    │   └── VerificationGoneError    verification_gone       (expired or out of tries)
    ├── RateLimitedError             rate_limited            (retry_after seconds)
    │   └── VerificationRateLimitedError  verification_rate_limited
    ├── FileRefusedError             (an upload the server will not keep)
    │   ├── FileTooLargeError        file_too_large          (413)
    │   └── FileTypeError            file_type               (415: not JPG/PDF by content)
    ├── InternalServerError          internal_error
    │   └── BadResponseError         bad_response            (not the API's JSON)
    └── ApiUnavailable               unavailable             (no answer: refused, DNS, 503)
        └── ApiTimeout               timeout                 (no answer in time)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from domain import Code, Message, ParamValue, define_code

if TYPE_CHECKING:
    # Annotations only: the kiosk declares and catches these errors long before any answer
    # carries `errors`, and importing `Problem` builds every pydantic wire model.
    from domain import Problem

PROBLEM_TYPE = "urn:hqms:problem:"


class ApiError(Exception):
    """An answer from the central API that is not a success, or no answer at all."""

    kind: ClassVar[str] = "api_error"
    default: ClassVar[Code] = define_code("client.api_error")
    other_kinds: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        message: Message | None = None,
        *,
        detail: str = "",
        status: int = 0,
        errors: list[Problem] | None = None,
    ) -> None:
        self.message = message
        """The server's message (`problem` namespace); None when no answer said one."""
        self.detail = detail
        """The server's sentence, in the language the client asked for; "" without one."""
        self.status = status
        self.errors: list[Problem] = list(errors or [])
        super().__init__(self.code)

    @property
    def code(self) -> str:
        """The server's message code, else this class's own default code."""
        return self.message.code if self.message is not None else self.default.name

    @property
    def params(self) -> dict[str, ParamValue]:
        return dict(self.message.params) if self.message is not None else {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status})"


class FieldInvalidError(ApiError):
    kind = "field_invalid"
    default = define_code("client.field_invalid")


class FormInvalidError(ApiError):
    kind = "form_invalid"
    default = define_code("client.form_invalid")


class DocumentRefusedError(FormInvalidError):
    """The two documents exist only for a complete, valid form (`errors` lists what is missing)."""

    kind = "document_refused"
    default = define_code("client.document_refused")


class InvalidRequestError(ApiError):
    kind = "invalid_request"
    default = define_code("client.invalid_request")
    other_kinds = ("validation_error",)


class TransitionNotAllowedError(ApiError):
    kind = "transition_not_allowed"
    default = define_code("client.transition_not_allowed")


class SubmitBlockedError(ApiError):
    kind = "submit_blocked"
    default = define_code("client.submit_blocked")


class NotFoundError(ApiError):
    kind = "not_found"
    default = define_code("client.not_found")


class UnauthorizedError(ApiError):
    kind = "unauthorized"
    default = define_code("client.unauthorized")


class InvalidCredentialsError(UnauthorizedError):
    """A wrong user name or password (at sign-in, or when unlocking a locked kiosk)."""

    kind = "invalid_credentials"
    default = define_code("client.invalid_credentials")


class ForbiddenError(ApiError):
    kind = "forbidden"
    default = define_code("client.forbidden")


class ConflictError(ApiError):
    kind = "conflict"
    default = define_code("client.conflict")


class AlreadyInHqmsError(ApiError):
    kind = "already_in_hqms"
    default = define_code("client.already_in_hqms")


class VerificationUsedError(ConflictError):
    kind = "verification_used"
    default = define_code("client.verification_used")


class FileKindTakenError(ConflictError):
    kind = "file_kind_taken"
    default = define_code("client.file_kind_taken")


class TooManyFilesError(ConflictError):
    kind = "too_many_files"
    default = define_code("client.too_many_files")


class CallRequiredError(ConflictError):
    kind = "call_required"
    default = define_code("client.call_required")


class CallerNotCheckedError(ConflictError):
    kind = "caller_not_checked"
    default = define_code("client.caller_not_checked")


class CallEndedError(ConflictError):
    kind = "call_ended"
    default = define_code("client.call_ended")


class CallWithoutApplicationError(ConflictError):
    kind = "call_without_application"
    default = define_code("client.call_without_application")


class NotAChangeError(ConflictError):
    kind = "not_a_change"
    default = define_code("client.not_a_change")


class PreconditionFailedError(ApiError):
    kind = "precondition_failed"
    default = define_code("client.precondition_failed")


class PreconditionRequiredError(ApiError):
    kind = "precondition_required"
    default = define_code("client.precondition_required")


class VerificationFailedError(ApiError):
    kind = "verification_failed"
    default = define_code("client.verification_failed")

    tries_left: int | None = None
    """Wrong codes the verification still accepts before it is used up."""


class VerificationPhoneMismatchError(ApiError):
    """The code was confirmed, but on a phone other than the one the action needs."""

    kind = "verification_phone_mismatch"
    default = define_code("client.verification_phone_mismatch")


class IdempotencyMismatchError(InvalidRequestError):
    kind = "idempotency_mismatch"
    default = define_code("client.idempotency_mismatch")


class GoneError(ApiError):
    kind = "gone"
    default = define_code("client.gone")


class VerificationGoneError(GoneError):
    kind = "verification_gone"
    default = define_code("client.verification_gone")


class RateLimitedError(ApiError):
    kind = "rate_limited"
    default = define_code("client.rate_limited")

    retry_after: float | None = None


class VerificationRateLimitedError(RateLimitedError):
    kind = "verification_rate_limited"
    default = define_code("client.verification_rate_limited")


class FileRefusedError(ApiError):
    """An upload the server refused for what the file is, not for the application's state."""

    kind = "file_refused"
    default = define_code("client.file_refused")


class FileTooLargeError(FileRefusedError):
    kind = "file_too_large"
    default = define_code("client.file_too_large")


class FileTypeError(FileRefusedError):
    kind = "file_type"
    default = define_code("client.file_type")


class InternalServerError(ApiError):
    kind = "internal_error"
    default = define_code("client.internal_error")


class BadResponseError(InternalServerError):
    """An answer that is not the JSON the API always sends: a proxy's page, a broken server."""

    kind = "bad_response"
    default = define_code("client.bad_response")


class ApiUnavailable(ApiError):
    kind = "unavailable"
    default = define_code("client.unavailable")


class ApiTimeout(ApiUnavailable):
    kind = "timeout"
    default = define_code("client.timeout")


_PROBLEM_CLASSES: tuple[type[ApiError], ...] = (
    FieldInvalidError,
    FormInvalidError,
    InvalidRequestError,
    TransitionNotAllowedError,
    SubmitBlockedError,
    NotFoundError,
    UnauthorizedError,
    InvalidCredentialsError,
    ForbiddenError,
    ConflictError,
    AlreadyInHqmsError,
    DocumentRefusedError,
    VerificationUsedError,
    FileKindTakenError,
    TooManyFilesError,
    CallRequiredError,
    CallerNotCheckedError,
    CallEndedError,
    CallWithoutApplicationError,
    NotAChangeError,
    PreconditionFailedError,
    PreconditionRequiredError,
    VerificationFailedError,
    VerificationPhoneMismatchError,
    IdempotencyMismatchError,
    GoneError,
    VerificationGoneError,
    RateLimitedError,
    VerificationRateLimitedError,
    FileRefusedError,
    FileTooLargeError,
    FileTypeError,
    InternalServerError,
    ApiUnavailable,
)

ERROR_CLASSES: dict[str, type[ApiError]] = {
    kind: cls for cls in _PROBLEM_CLASSES for kind in (cls.kind, *cls.other_kinds)
}
"""The kind of a problem (its `type`, or its `code` from a server that sends no type) → the
exception class the client raises for it."""

_STATUS_CLASSES: dict[int, type[ApiError]] = {
    400: InvalidRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    410: GoneError,
    412: PreconditionFailedError,
    413: FileTooLargeError,
    415: FileTypeError,
    422: InvalidRequestError,
    428: PreconditionRequiredError,
    429: RateLimitedError,
    500: InternalServerError,
    502: ApiUnavailable,
    503: ApiUnavailable,
    504: ApiTimeout,
}


def error_from_problem(status: int, body: Any, *, retry_after: float | None = None) -> ApiError:
    """The exception for an error answer; `body` is the decoded JSON (or anything else)."""
    problem = body if isinstance(body, dict) else {}
    code = _text(problem.get("code"))
    problem_type = _text(problem.get("type"))
    # Our own problem types name the kind; without one (`about:blank`) the code may.
    ours = problem_type.startswith(PROBLEM_TYPE)
    kind = problem_type.removeprefix(PROBLEM_TYPE) if ours else code
    cls = ERROR_CLASSES.get(kind) or _STATUS_CLASSES.get(status) or ApiError
    if cls is ApiError and status >= 500:
        cls = InternalServerError
    params = problem.get("params")
    message = None
    if code:
        message = Message(code=code, params=params if isinstance(params, dict) else {})
    from domain import Problem

    errors = [
        Problem.model_validate(item)
        for item in problem.get("errors") or []
        if isinstance(item, dict) and "field" in item and "code" in item
    ]
    error = cls(message, detail=_text(problem.get("detail")), status=status, errors=errors)
    if isinstance(error, RateLimitedError):
        error.retry_after = retry_after
    if isinstance(error, VerificationFailedError):
        tries_left = problem.get("tries_left")
        error.tries_left = tries_left if isinstance(tries_left, int) else None
    return error


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
