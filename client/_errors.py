"""What can go wrong when talking to the central API, as one exception tree.

Every problem+json answer becomes the subclass registered for its machine `code`; an answer
with an unknown code falls back on its HTTP status, then on `ApiError` itself. Network trouble
becomes `ApiUnavailable`, raised `from` the httpx error so the cause stays in tracebacks.
Every exception carries `detail`: a Chinese sentence an operator can read aloud.

    ApiError                         detail, code, status, errors
    ├── FieldInvalidError            field_invalid
    ├── FormInvalidError             form_invalid            (errors: one per field)
    │   └── DocumentRefusedError     document_refused        (no PDF for an incomplete form)
    ├── InvalidRequestError          validation_error, invalid_request
    │   └── IdempotencyMismatchError idempotency_mismatch (422: a key reused for another body)
    ├── TransitionNotAllowedError    transition_not_allowed
    ├── SubmitBlockedError           submit_blocked          (errors: what blocks submit)
    ├── NotFoundError                not_found
    ├── UnauthorizedError            unauthorized            (sign in again)
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
    └── ApiUnavailable               unavailable             (no answer: refused, DNS, 503)
        └── ApiTimeout               timeout                 (no answer in time)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    # Annotations only: the kiosk declares and catches these errors long before any answer
    # carries `errors`, and importing `Problem` builds every pydantic wire model.
    from domain import Problem

UNAVAILABLE_DETAIL = "无法连接中央服务，请稍后重试；若持续出现请联系值班技术人员。"
TIMEOUT_DETAIL = "中央服务响应超时，请稍后重试；若持续出现请联系值班技术人员。"


class ApiError(Exception):
    """An answer from the central API that is not a success, or no answer at all."""

    default_code: ClassVar[str] = "api_error"
    other_codes: ClassVar[tuple[str, ...]] = ()
    default_detail: ClassVar[str] = "中央服务无法完成此操作。"

    def __init__(
        self,
        detail: str | None = None,
        code: str | None = None,
        status: int = 0,
        errors: list[Problem] | None = None,
    ) -> None:
        self.detail = detail or self.default_detail
        self.code: str = code or self.default_code
        self.status = status
        self.errors: list[Problem] = list(errors or [])
        super().__init__(self.detail)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status={self.status})"


class FieldInvalidError(ApiError):
    default_code = "field_invalid"
    default_detail = "填写的内容不正确。"


class FormInvalidError(ApiError):
    default_code = "form_invalid"
    default_detail = "资料中有需要更正的内容。"


class DocumentRefusedError(FormInvalidError):
    """The two documents exist only for a complete, valid form (`errors` lists what is missing)."""

    default_code = "document_refused"
    default_detail = "资料还不完整或有误，暂不能生成文件。"


class InvalidRequestError(ApiError):
    default_code = "invalid_request"
    other_codes = ("validation_error",)
    default_detail = "请求的内容不正确。"


class TransitionNotAllowedError(ApiError):
    default_code = "transition_not_allowed"
    default_detail = "当前状态下不能进行此操作。"


class SubmitBlockedError(ApiError):
    default_code = "submit_blocked"
    default_detail = "还不能提交审核：请先处理列出的问题。"


class NotFoundError(ApiError):
    default_code = "not_found"
    default_detail = "没有找到对应的记录。"


class UnauthorizedError(ApiError):
    default_code = "unauthorized"
    default_detail = "登录已失效，请重新登录。"


class ForbiddenError(ApiError):
    default_code = "forbidden"
    default_detail = "当前账号没有权限进行此操作。"


class ConflictError(ApiError):
    default_code = "conflict"
    default_detail = "操作与现有记录冲突。"


class AlreadyInHqmsError(ApiError):
    default_code = "already_in_hqms"
    default_detail = "该医疗机构已在 HQMS 系统对接过病案首页数据，无需申请新账号。"


class VerificationUsedError(ConflictError):
    default_code = "verification_used"
    default_detail = "这次短信验证已经用过了，请重新发送验证码。"


class FileKindTakenError(ConflictError):
    default_code = "file_kind_taken"
    default_detail = "这一类文件已经上传过一份，请先删除旧的再上传。"


class TooManyFilesError(ConflictError):
    default_code = "too_many_files"
    default_detail = "最多只能上传三份文件，请先删除多余的。"


class CallRequiredError(ConflictError):
    default_code = "call_required"
    default_detail = "请先开始通话并查到该申请。"


class CallerNotCheckedError(ConflictError):
    default_code = "caller_not_checked"
    default_detail = "查看完整信息前请先核实来电人身份，或记录不核实的原因。"


class CallEndedError(ConflictError):
    default_code = "call_ended"
    default_detail = "这通电话已经结束，不能再记录到它名下。"


class CallWithoutApplicationError(ConflictError):
    default_code = "call_without_application"
    default_detail = "这通电话还没有关联申请：请先查到来电人的申请再核实身份。"


class NotAChangeError(ConflictError):
    default_code = "not_a_change"
    default_detail = "这不是变更资料申请，没有变更内容可以预览。"


class PreconditionFailedError(ApiError):
    default_code = "precondition_failed"
    default_detail = "资料已被他人修改，请刷新后再保存。"


class PreconditionRequiredError(ApiError):
    default_code = "precondition_required"
    default_detail = "修改申请时必须带上当前版本号（If-Match）。"


class VerificationFailedError(ApiError):
    default_code = "verification_failed"
    default_detail = "验证码不正确，请让来电人再读一遍短信中的 6 位数字。"

    tries_left: int | None = None
    """Wrong codes the verification still accepts before it is used up."""


class VerificationPhoneMismatchError(ApiError):
    """The code was confirmed, but on a phone other than the one the action needs."""

    default_code = "verification_phone_mismatch"
    default_detail = "验证码不是发到该账号登记的手机号，请向登记的手机号重新发送验证码。"


class IdempotencyMismatchError(InvalidRequestError):
    default_code = "idempotency_mismatch"
    default_detail = "同一个请求编号被用于不同的内容，请重新操作。"


class GoneError(ApiError):
    default_code = "gone"
    default_detail = "验证已过期或已用完，请重新发送验证码。"


class VerificationGoneError(GoneError):
    default_code = "verification_gone"
    default_detail = "验证码已过期或错误次数过多，请重新发送验证码。"


class RateLimitedError(ApiError):
    default_code = "rate_limited"
    default_detail = "操作过于频繁，请稍后再试。"

    retry_after: float | None = None


class VerificationRateLimitedError(RateLimitedError):
    default_code = "verification_rate_limited"
    default_detail = "验证码发送过于频繁，请稍后再发送。"


class FileRefusedError(ApiError):
    """An upload the server refused for what the file is, not for the application's state."""

    default_code = "file_refused"
    default_detail = "文件不符合上传要求：只接受 JPG 或 PDF，每份不超过 5 MB。"


class FileTooLargeError(FileRefusedError):
    default_code = "file_too_large"
    default_detail = "文件超过 5 MB，请压缩或降低扫描分辨率后再上传。"


class FileTypeError(FileRefusedError):
    default_code = "file_type"
    default_detail = "文件不是 JPG 或 PDF（按内容判断，与文件名无关），请换成扫描的 JPG 或 PDF。"


class InternalServerError(ApiError):
    default_code = "internal_error"
    default_detail = "中央服务内部出错，请稍后重试；若持续出现请联系值班技术人员。"


class ApiUnavailable(ApiError):
    default_code = "unavailable"
    default_detail = UNAVAILABLE_DETAIL


class ApiTimeout(ApiUnavailable):
    default_code = "timeout"
    default_detail = TIMEOUT_DETAIL


_PROBLEM_CLASSES: tuple[type[ApiError], ...] = (
    FieldInvalidError,
    FormInvalidError,
    InvalidRequestError,
    TransitionNotAllowedError,
    SubmitBlockedError,
    NotFoundError,
    UnauthorizedError,
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
    code: cls for cls in _PROBLEM_CLASSES for code in (cls.default_code, *cls.other_codes)
}
"""problem+json `code` → the exception class the client raises for it."""

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
    code = problem.get("code") if isinstance(problem.get("code"), str) else None
    cls = ERROR_CLASSES.get(code or "") or _STATUS_CLASSES.get(status) or ApiError
    if cls is ApiError and status >= 500:
        cls = InternalServerError
    detail = problem.get("detail") if isinstance(problem.get("detail"), str) else None
    from domain import Problem

    errors = [
        Problem.model_validate(item)
        for item in problem.get("errors") or []
        if isinstance(item, dict) and "field" in item and "message" in item
    ]
    error = cls(detail, code, status, errors)
    if isinstance(error, RateLimitedError):
        error.retry_after = retry_after
    if isinstance(error, VerificationFailedError):
        tries_left = problem.get("tries_left")
        error.tries_left = tries_left if isinstance(tries_left, int) else None
    return error
