"""What every endpoint shares on the wire: paths, idempotency keys and reading answers.

Plain functions, no state: the core (`_api.py`) and the endpoint groups (`_reads.py`,
`_registration.py`, `_transitions.py`) build their requests and read their answers with them.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ._errors import BadResponseError

if TYPE_CHECKING:
    import httpx

DOCUMENT_PATHS: dict[str, str] = {
    "info_form": "info-form.pdf",
    "info-form": "info-form.pdf",
    "consent": "consent.pdf",
}
"""The two generated documents, by file kind or by the path's own spelling."""


def new_idempotency_key() -> str:
    """An `Idempotency-Key`: one per operator action, so only its own retries share it."""
    return str(uuid.uuid4())


def application_path(application_id: str) -> str:
    return f"/v1/applications/{path_segment(application_id)}"


def path_segment(value: str) -> str:
    """One path segment, so an id or code read over the phone cannot escape the path."""
    return quote(value.strip(), safe="")


def json_body(response: httpx.Response) -> Any:
    """The answer's JSON; anything else is a server fault the operator can only report."""
    try:
        return response.json()
    except ValueError as error:
        raise BadResponseError(status=response.status_code) from error


def json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers["Retry-After"])
    except (KeyError, ValueError):
        return None


def revision_from_etag(etag: str | None, fallback: int) -> int:
    if etag is None:
        return fallback
    try:
        return int(etag.removeprefix("W/").strip('"'))
    except ValueError:
        return fallback
