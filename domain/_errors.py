"""Domain errors: each is a problem type (its class, `kind`) and a message (a code with its
parameters, docs/messages.md); the sentence is rendered at the edge in the reader's language.

The server maps each class to an HTTP status in one table (`server/_problems.py`) and sends
`kind` as the problem's `type`; the client raises one exception class per type. A test checks
the three stay in step.

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

from typing import TYPE_CHECKING, ClassVar

from ._messages import Code, Message, ParamValue, define_code

if TYPE_CHECKING:
    # Only for annotations: importing `_models` builds every pydantic wire model, and the
    # validators that raise these errors (the kiosk's phone field) must stay cheap to load.
    from ._models import Problem


class DomainError(Exception):
    kind: ClassVar[str] = "domain_error"
    default: ClassVar[Code] = define_code("problem.domain_error")

    def __init__(self, message: Message | None = None, *, problems: list[Problem] | None = None):
        self.message = message or self.default()
        # None until `problems` is first read: then `_build_problems` makes them.
        self._problems: list[Problem] | None = list(problems) if problems is not None else None
        super().__init__(self.message.code)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, ParamValue]:
        return self.message.params

    @property
    def problems(self) -> list[Problem]:
        """The problems behind the error, one per field (the API sends them as `errors`)."""
        if self._problems is None:
            self._problems = self._build_problems()
        return self._problems

    def _build_problems(self) -> list[Problem]:
        return []


class FieldInvalid(DomainError):
    kind = "field_invalid"
    default = define_code("problem.field_invalid")

    def __init__(self, field: str, message: Message):
        super().__init__(message)
        self.field = field

    def _build_problems(self) -> list[Problem]:
        # Late: a refused phone number on the kiosk only needs the message, and building a
        # `Problem` would load pydantic and every wire model.
        from ._models import Problem

        return [Problem(field=self.field, code=self.code, params=self.params)]


class FormInvalid(DomainError):
    kind = "form_invalid"
    default = define_code("problem.form_invalid")


class TransitionNotAllowed(DomainError):
    kind = "transition_not_allowed"
    default = define_code("problem.transition_not_allowed")


class SubmitBlocked(DomainError):
    kind = "submit_blocked"
    default = define_code("problem.submit_blocked")


class NotFound(DomainError):
    kind = "not_found"
    default = define_code("problem.not_found")


class Forbidden(DomainError):
    kind = "forbidden"
    default = define_code("problem.forbidden")


class Conflict(DomainError):
    kind = "conflict"
    default = define_code("problem.conflict")


class AlreadyInHqms(DomainError):
    kind = "already_in_hqms"
    default = define_code("problem.already_in_hqms")
