"""Domain errors: each has a stable machine `code` and a Chinese sentence for the operator.

The server maps each class to an HTTP status in one table (`server/_problems.py`); the client
raises one exception class per `code`. A test checks the three stay in step.

    DomainError
    ├── FieldInvalid           one field is wrong (validators)
    ├── FormInvalid            a whole form has problems (carries `problems`)
    ├── TransitionNotAllowed   the state machine refuses an action
    ├── SubmitBlocked          submit asked while `submit_problems` is not empty
    ├── NotFound
    ├── Forbidden
    ├── Conflict               e.g. an open application for the same institution code
    └── AlreadyInHqms          the institution already has an HQMS account
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only for annotations: importing `_models` builds every pydantic wire model, and the
    # validators that raise these errors (the kiosk's phone field) must stay cheap to load.
    from ._models import Problem


class DomainError(Exception):
    code = "domain_error"
    default_message = "操作无法完成。"

    def __init__(self, message: str | None = None, *, problems: list[Problem] | None = None):
        self.message = message or self.default_message
        # None until `problems` is first read: then `_build_problems` makes them.
        self._problems: list[Problem] | None = list(problems) if problems is not None else None
        super().__init__(self.message)

    @property
    def problems(self) -> list[Problem]:
        """The problems behind the error, one per field (the API sends them as `errors`)."""
        if self._problems is None:
            self._problems = self._build_problems()
        return self._problems

    def _build_problems(self) -> list[Problem]:
        return []


class FieldInvalid(DomainError):
    code = "field_invalid"
    default_message = "填写的内容不正确。"

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field

    def _build_problems(self) -> list[Problem]:
        # Late: a refused phone number on the kiosk only needs the sentence, and building a
        # `Problem` would load pydantic and every wire model.
        from ._models import Problem

        return [Problem(field=self.field, message=self.message, code=self.code)]


class FormInvalid(DomainError):
    code = "form_invalid"
    default_message = "资料中有需要更正的内容。"


class TransitionNotAllowed(DomainError):
    code = "transition_not_allowed"
    default_message = "当前状态下不能进行此操作。"


class SubmitBlocked(DomainError):
    code = "submit_blocked"
    default_message = "还不能提交审核：请先处理列出的问题。"


class NotFound(DomainError):
    code = "not_found"
    default_message = "没有找到对应的记录。"


class Forbidden(DomainError):
    code = "forbidden"
    default_message = "当前账号没有权限进行此操作。"


class Conflict(DomainError):
    code = "conflict"
    default_message = "操作与现有记录冲突。"


class AlreadyInHqms(DomainError):
    code = "already_in_hqms"
    default_message = (
        "该医疗机构已在 HQMS 系统对接过病案首页数据，无需申请新账号，"
        "请使用已有 HQMS 账号密码登录流感医疗服务监测系统。"
    )
