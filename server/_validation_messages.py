"""Request validation errors (pydantic) as our message codes with parameters.

pydantic names each error by a stable `type` (`missing`, `string_too_long`…) with its numbers in
`ctx`; those map onto our codes here, and the field's path travels as the `field` parameter, so
the sentence ("用户名不能为空，请填写。") is rendered in the reader's language like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from domain import Code, Message, ParamValue, Problem, define_code

# Request fields an operator knows by name (other fields are shown by their path).
REQUEST_FIELDS = (
    define_code("field.username"),
    define_code("field.password"),
    define_code("field.phone"),
    define_code("field.q"),
    define_code("field.status"),
    define_code("field.cursor"),
    define_code("field.limit"),
    define_code("field.body"),
    define_code("field.text"),
    define_code("field.reason"),
    define_code("field.new_password"),
    define_code("field.waived_reason"),
)

_MISSING = define_code("problem.value_missing", "field")
_TOO_SHORT = define_code("problem.value_too_short", "field", "limit")
_TOO_LONG = define_code("problem.value_too_long", "field", "limit")
_NOT_INTEGER = define_code("problem.value_not_integer", "field")
_TOO_SMALL = define_code("problem.value_too_small", "field", "limit")
_TOO_LARGE = define_code("problem.value_too_large", "field", "limit")
_NOT_ONE_OF = define_code("problem.value_not_one_of", "field", "expected")
_NOT_OBJECT = define_code("problem.value_not_object", "field")
_NOT_TEXT = define_code("problem.value_not_text", "field")
_NOT_BOOLEAN = define_code("problem.value_not_boolean", "field")
_INVALID = define_code("problem.value_invalid", "field")

_LOCATIONS = {"body", "query", "path", "header", "cookie"}

# pydantic error type → our code and the `ctx` key that holds its limit, if any.
_BY_TYPE: dict[str, tuple[Code, str | None]] = {
    "missing": (_MISSING, None),
    "string_too_short": (_TOO_SHORT, "min_length"),
    "too_short": (_TOO_SHORT, "min_length"),
    "string_too_long": (_TOO_LONG, "max_length"),
    "too_long": (_TOO_LONG, "max_length"),
    "int_parsing": (_NOT_INTEGER, None),
    "int_type": (_NOT_INTEGER, None),
    "int_from_float": (_NOT_INTEGER, None),
    "greater_than_equal": (_TOO_SMALL, "ge"),
    "greater_than": (_TOO_SMALL, "gt"),
    "less_than_equal": (_TOO_LARGE, "le"),
    "less_than": (_TOO_LARGE, "lt"),
    "enum": (_NOT_ONE_OF, "expected"),
    "literal_error": (_NOT_ONE_OF, "expected"),
    "json_invalid": (_NOT_OBJECT, None),
    "model_attributes_type": (_NOT_OBJECT, None),
    "dict_type": (_NOT_OBJECT, None),
    "model_type": (_NOT_OBJECT, None),
    "string_type": (_NOT_TEXT, None),
    "bool_parsing": (_NOT_BOOLEAN, None),
    "bool_type": (_NOT_BOOLEAN, None),
}


def _field(loc: Iterable[Any]) -> str:
    parts = [str(part) for part in loc]
    if len(parts) > 1 and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_message(error: Mapping[str, Any]) -> Message:
    """Our message for one pydantic error."""
    field = _field(error.get("loc", ()))
    code, limit_key = _BY_TYPE.get(str(error.get("type", "")), (_INVALID, None))
    params: dict[str, ParamValue] = {"field": field}
    if limit_key is not None:
        ctx: Mapping[str, Any] = error.get("ctx") or {}
        name = "expected" if code is _NOT_ONE_OF else "limit"
        params[name] = _param(ctx.get(limit_key, ""))
    return code(**params)


def validation_problems(errors: Iterable[Mapping[str, Any]]) -> list[Problem]:
    """One `Problem` per pydantic error."""
    problems = []
    for error in errors:
        message = validation_message(error)
        field = str(message.params["field"])
        problems.append(Problem(field=field, code=message.code, params=message.params))
    return problems


def _param(value: object) -> ParamValue:
    return value if isinstance(value, int) and not isinstance(value, bool) else str(value)
