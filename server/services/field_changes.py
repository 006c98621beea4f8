"""Before → after of a form, field by field, for the timeline and the change preview.

A data change is audited with each changed field's dotted path (`admin.email`,
`address.street`) and its value before and after, as the API would show it: the personal
values (people's names, mobiles, the administrator's email) masked, lists joined. The audit
trail thus says what changed without becoming a copy of personal data (DESIGN §5).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain import FieldChange, Form, mask_email, mask_name, mask_phone

# Dotted path of each personal value → how the API masks it.
PERSONAL_FIELDS: dict[str, Callable[[str], str]] = {
    "legal_rep.name": mask_name,
    "legal_rep.mobile": mask_phone,
    "admin.name": mask_name,
    "admin.mobile": mask_phone,
    "admin.email": mask_email,
}


def flat_form(form: Form) -> dict[str, Any]:
    """The form's values by dotted path, e.g. `{"address.street": "德政北路 1 号", ...}`.

    Confirmed warnings are no data of the institution: each confirmation is an event of its
    own (`confirmations`)."""
    return _flat(form.model_dump(exclude={"confirmed_warnings"}))


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flat(item, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): value}


def shown_value(path: str, value: Any) -> str:
    """`value` as the timeline shows it: masked when personal, a list joined with `、`."""
    if isinstance(value, list):
        text = "、".join(str(item) for item in value)
    else:
        text = "" if value is None else str(value)
    mask = PERSONAL_FIELDS.get(path)
    return mask(text) if mask is not None and text else text


def form_changes(before: Form, after: Form) -> list[FieldChange]:
    """Every field whose value differs, in the form's order, before → after (masked).

    A personal value can change and still look the same masked (two mobiles sharing their
    first three and last four digits); it is listed all the same, since it did change.
    """
    old, new = flat_form(before), flat_form(after)
    return [
        FieldChange(
            field=path, before=shown_value(path, old.get(path)), after=shown_value(path, value)
        )
        for path, value in new.items()
        if old.get(path) != value
    ]
