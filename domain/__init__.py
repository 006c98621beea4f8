"""hqms-desk's vocabulary: wire models, validators, divisions and the application lifecycle.

Pure: no I/O except reading the packaged division snapshot at first use, no framework.
Everything public is importable from `domain`; the `_modules` are private.

The submodules load on first use of one of their names (PEP 562 `__getattr__`): the kiosk's
first screen needs only the phone validator, and building the pydantic wire models (with
pydantic itself) costs about a third of its start. `from domain import X` works as before;
type checkers see the plain imports below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._call_models import (
        Call,
        CallerCheck,
        CallerCheckMethod,
        ChangePreview,
        Delivery,
        Presence,
        RevealedValue,
        Viewer,
        WrapUp,
    )
    from ._contact import (
        is_masked,
        mask_email,
        mask_name,
        mask_phone,
        normalize_email,
        normalize_mobile,
    )
    from ._errors import (
        AlreadyInHqms,
        Conflict,
        DomainError,
        FieldInvalid,
        Forbidden,
        FormInvalid,
        NotFound,
        SubmitBlocked,
        TransitionNotAllowed,
    )
    from ._form_rules import (
        FORM_LIMITS,
        FormLimits,
        file_problems,
        form_problems,
        submit_problems,
    )
    from ._institution_code import (
        check_institution_code,
        credit_check_char,
        make_institution_code,
        normalize_institution_code,
        organization_check_char,
    )
    from ._lifecycle import (
        actions_for,
        is_application_id,
        new_application_id,
        next_status,
        opens_change_application,
        refusal,
    )
    from ._messages import (
        DEFAULT_LANGUAGE,
        LANGUAGES,
        VOCABULARY,
        Code,
        Message,
        ParamValue,
        best_language,
        catalogue,
        declared_codes,
        define_code,
        event_sentence,
        language_of,
        param_text,
        placeholders,
        render,
        serialization_language,
        template,
        word,
    )
    from ._models import (
        AccountRef,
        Action,
        Address,
        Admin,
        Application,
        ApplicationPage,
        ApplicationSummary,
        CodeReport,
        CodeSegment,
        Event,
        EventPage,
        FieldChange,
        FileInfo,
        FileKind,
        Form,
        Health,
        Kind,
        Operator,
        Person,
        Problem,
        ProblemDetail,
        Region,
        RegionTree,
        Review,
        Role,
        Status,
        TokenGrant,
    )
    from ._regions import REGIONS_VERSION, children, division_name, division_path, region_tree
    from ._status import StatusSummary, describe_status, status_message, status_summary
    from ._vocabulary import terms

# Where each public name lives; `__getattr__` imports its module at first use.
_SUBMODULE_NAMES: dict[str, tuple[str, ...]] = {
    "_call_models": (
        "Call",
        "CallerCheck",
        "CallerCheckMethod",
        "ChangePreview",
        "Delivery",
        "Presence",
        "RevealedValue",
        "Viewer",
        "WrapUp",
    ),
    "_contact": (
        "is_masked",
        "mask_email",
        "mask_name",
        "mask_phone",
        "normalize_email",
        "normalize_mobile",
    ),
    "_errors": (
        "AlreadyInHqms",
        "Conflict",
        "DomainError",
        "FieldInvalid",
        "Forbidden",
        "FormInvalid",
        "NotFound",
        "SubmitBlocked",
        "TransitionNotAllowed",
    ),
    "_form_rules": (
        "FORM_LIMITS",
        "FormLimits",
        "file_problems",
        "form_problems",
        "submit_problems",
    ),
    "_institution_code": (
        "check_institution_code",
        "credit_check_char",
        "make_institution_code",
        "normalize_institution_code",
        "organization_check_char",
    ),
    "_lifecycle": (
        "actions_for",
        "is_application_id",
        "new_application_id",
        "next_status",
        "opens_change_application",
        "refusal",
    ),
    "_messages": (
        "DEFAULT_LANGUAGE",
        "LANGUAGES",
        "VOCABULARY",
        "Code",
        "Message",
        "ParamValue",
        "best_language",
        "catalogue",
        "declared_codes",
        "define_code",
        "event_sentence",
        "event_sentence",
        "language_of",
        "param_text",
        "placeholders",
        "render",
        "serialization_language",
        "serialization_language",
        "template",
        "word",
    ),
    "_models": (
        "AccountRef",
        "Action",
        "Address",
        "Admin",
        "Application",
        "ApplicationPage",
        "ApplicationSummary",
        "CodeReport",
        "CodeSegment",
        "Event",
        "EventPage",
        "FieldChange",
        "FileInfo",
        "FileKind",
        "Form",
        "Health",
        "Kind",
        "Operator",
        "Person",
        "Problem",
        "ProblemDetail",
        "Region",
        "RegionTree",
        "Review",
        "Role",
        "Status",
        "TokenGrant",
    ),
    "_regions": ("REGIONS_VERSION", "children", "division_name", "division_path", "region_tree"),
    "_status": ("StatusSummary", "describe_status", "status_message", "status_summary"),
    "_vocabulary": ("terms",),
}

__all__ = [
    "DEFAULT_LANGUAGE",
    "FORM_LIMITS",
    "LANGUAGES",
    "REGIONS_VERSION",
    "VOCABULARY",
    "AccountRef",
    "Action",
    "Address",
    "Admin",
    "AlreadyInHqms",
    "Application",
    "ApplicationPage",
    "ApplicationSummary",
    "Call",
    "CallerCheck",
    "CallerCheckMethod",
    "ChangePreview",
    "Code",
    "CodeReport",
    "CodeSegment",
    "Conflict",
    "Delivery",
    "DomainError",
    "Event",
    "EventPage",
    "FieldChange",
    "FieldInvalid",
    "FileInfo",
    "FileKind",
    "Forbidden",
    "Form",
    "FormInvalid",
    "FormLimits",
    "Health",
    "Kind",
    "Message",
    "NotFound",
    "Operator",
    "ParamValue",
    "Person",
    "Presence",
    "Problem",
    "ProblemDetail",
    "Region",
    "RegionTree",
    "RevealedValue",
    "Review",
    "Role",
    "Status",
    "StatusSummary",
    "SubmitBlocked",
    "TokenGrant",
    "TransitionNotAllowed",
    "Viewer",
    "WrapUp",
    "actions_for",
    "best_language",
    "catalogue",
    "check_institution_code",
    "children",
    "credit_check_char",
    "declared_codes",
    "define_code",
    "describe_status",
    "division_name",
    "division_path",
    "event_sentence",
    "file_problems",
    "form_problems",
    "is_application_id",
    "is_masked",
    "language_of",
    "make_institution_code",
    "mask_email",
    "mask_name",
    "mask_phone",
    "new_application_id",
    "next_status",
    "normalize_email",
    "normalize_institution_code",
    "normalize_mobile",
    "opens_change_application",
    "organization_check_char",
    "param_text",
    "placeholders",
    "refusal",
    "region_tree",
    "render",
    "serialization_language",
    "status_message",
    "status_summary",
    "submit_problems",
    "template",
    "terms",
    "word",
]

_HOME_OF: dict[str, str] = {
    name: module for module, names in _SUBMODULE_NAMES.items() for name in names
}

if not TYPE_CHECKING:  # hidden from type checkers so that a misspelt name stays an error

    def __getattr__(name: str) -> Any:
        module = _HOME_OF.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
