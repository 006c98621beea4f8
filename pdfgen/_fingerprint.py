"""The fingerprint printed on both documents: application id, form revision, data hash.

A reviewer holding a stamped scan compares its fingerprint with the application: the same id
and revision, and the same hash of the canonical form data, mean the scan shows the current
data. The hash covers what the documents print, normalized (code in upper case without the
hyphen, mobiles as 11 digits), so a cosmetic re-entry of the same data keeps it.

Printed form, also the QR payload: `HQMS:HQ7K-M2XP:R3:5F2A9C0E1B7D`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from domain import (
    FieldInvalid,
    Form,
    Problem,
    is_masked,
    normalize_email,
    normalize_institution_code,
    normalize_mobile,
)

from ._errors import MASKED_VALUE, DocumentRefused

DIGEST_LENGTH = 12
_PATTERN = re.compile(r"HQMS:([A-Z0-9]+(?:-[A-Z0-9]+)*):R(\d+):([0-9A-F]{12})\b", re.IGNORECASE)

# Personal values the API sends out masked; a document needs the stored values.
PERSONAL_FIELDS = (
    "legal_rep.name",
    "legal_rep.mobile",
    "admin.name",
    "admin.mobile",
    "admin.email",
)


@dataclass(frozen=True)
class Fingerprint:
    application_id: str
    revision: int
    digest: str  # the first 12 hexadecimal digits, upper case, of SHA-256 of the canonical form

    def __str__(self) -> str:
        return f"HQMS:{self.application_id}:R{self.revision}:{self.digest}"


def fingerprint(application_id: str, form_revision: int, form: Form) -> Fingerprint:
    """The fingerprint of `form` at `form_revision`; refuses a form with masked personal data."""
    canonical = json.dumps(
        canonical_form(form), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:DIGEST_LENGTH].upper()
    return Fingerprint(application_id.strip().upper(), form_revision, digest)


def parse_fingerprint(text: str) -> Fingerprint | None:
    """The first fingerprint found in `text` (a scan's extracted text, a QR payload), if any."""
    match = _PATTERN.search(text)
    if match is None:
        return None
    return Fingerprint(match[1].upper(), int(match[2]), match[3].upper())


def verify_fingerprint(
    text_or_fingerprint: str | Fingerprint, application_id: str, form_revision: int, form: Form
) -> bool:
    """True when the printed fingerprint matches this application, revision and form data."""
    found = (
        text_or_fingerprint
        if isinstance(text_or_fingerprint, Fingerprint)
        else parse_fingerprint(text_or_fingerprint)
    )
    return found is not None and found == fingerprint(application_id, form_revision, form)


def masked_problems(form: Form) -> list[Problem]:
    """A problem for each personal value still in the masked form the API sends out."""
    values = _personal_values(form)
    return [
        Problem(
            field=field,
            code=MASKED_VALUE.name,
            params=MASKED_VALUE(field=field, value=values[field]).params,
        )
        for field in PERSONAL_FIELDS
        if is_masked(values[field])
    ]


def canonical_form(form: Form) -> dict[str, object]:
    """The printed data of `form`, normalized; raises `DocumentRefused` on masked values."""
    problems = masked_problems(form)
    if problems:
        raise DocumentRefused(problems)
    address = form.address
    return {
        "name": _text(form.name),
        "opened_on": _text(form.opened_on),
        "code": normalize_institution_code(form.code),
        "address": {
            "province": _text(address.province),
            "city": _text(address.city),
            "district": _text(address.district),
            "street": _text(address.street),
        },
        "subjects": [_text(subject) for subject in form.subjects],
        "legal_rep": {
            "name": _text(form.legal_rep.name),
            "mobile": _normalized(normalize_mobile, form.legal_rep.mobile, "legal_rep.mobile"),
        },
        "admin": {
            "name": _text(form.admin.name),
            "mobile": _normalized(normalize_mobile, form.admin.mobile, "admin.mobile"),
            "email": _normalized(normalize_email, form.admin.email, "admin.email"),
        },
    }


def _personal_values(form: Form) -> dict[str, str]:
    return {
        "legal_rep.name": form.legal_rep.name,
        "legal_rep.mobile": form.legal_rep.mobile,
        "admin.name": form.admin.name,
        "admin.mobile": form.admin.mobile,
        "admin.email": form.admin.email,
    }


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip())


def _normalized(normalize: Callable[[str, str], str], value: str, field: str) -> str:
    # An invalid value cannot reach a document (the form is checked first); fingerprinting
    # it as typed keeps `fingerprint` total for callers that only want a hash.
    try:
        return normalize(value, field)
    except FieldInvalid:
        return _text(value)
