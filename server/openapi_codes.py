"""`/openapi.json` lists every message code the API can send, with its meaning.

Codes are declared where they are emitted (`domain.define_code`), so the lists here are read
from the program, never kept by hand: a problem's `code` (and each `errors[].code`), a problem's
`type`, a timeline event's `action` and a notification's `error_code` each become an `enum`,
with each value's parameters and its English sentence as `x-enum-descriptions` and in the
field's description (docs/messages.md). The schema is extended the way FastAPI documents it:
by replacing `app.openapi` with a function that completes the generated schema once.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from domain import Code, ProblemDetail, declared_codes, template

from ._problems import PROBLEM_TYPE

_MEANING_LANGUAGE = "en"

# Schema name → property → the catalogue namespace its values come from (and a prefix).
_CODED_PROPERTIES: dict[str, dict[str, tuple[str, str]]] = {
    "Problem": {"code": ("problem", "")},
    "ProblemDetail": {"code": ("problem", ""), "type": ("title", PROBLEM_TYPE)},
    "Event": {"action": ("event", "")},
    "Notification": {"error_code": ("delivery", "")},
}


def meaning(code: Code) -> str:
    """What a code says: its parameters and its English sentence with their placeholders."""
    sentence = template(code.msgid, _MEANING_LANGUAGE) or ""
    return f"({', '.join(code.params)}) {sentence}" if code.params else sentence


def document_message_codes(app: FastAPI) -> None:
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        _add_problem_detail(schemas)
        for name, properties in _CODED_PROPERTIES.items():
            for prop, (namespace, prefix) in properties.items():
                target = schemas.get(name, {}).get("properties", {}).get(prop)
                if target is not None:
                    _enumerate(target, declared_codes(namespace), prefix)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _add_problem_detail(schemas: dict[str, Any]) -> None:
    """Every error body is a `ProblemDetail`; name it among the components."""
    generated = ProblemDetail.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in generated.pop("$defs", {}).items():
        schemas.setdefault(name, definition)
    schemas.setdefault("ProblemDetail", generated)


def _enumerate(target: dict[str, Any], codes: list[Code], prefix: str) -> None:
    values = [prefix + code.name for code in codes]
    meanings = [meaning(code) for code in codes]
    target["enum"] = values
    target["x-enum-descriptions"] = meanings
    lines = "\n".join(f"- `{value}`: {said}" for value, said in zip(values, meanings, strict=True))
    target["description"] = f"{target.get('description', '')}\n\n{lines}".strip()
