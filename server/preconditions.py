"""`If-Match` on requests that change an application's form or state (DESIGN §3).

Routes take `IfMatch` (the revision the client read, from the `ETag` of its last response)
and pass it to the service, which compares it with the stored revision inside the
transaction (`check_revision`): 428 without the header, 412 when it is not the current one.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header

from ._problems import precondition_failed, precondition_required


def etag(revision: int) -> str:
    return f'"{revision}"'


def parse_if_match(value: str | None) -> int | None:
    """The revision in `"3"`, `W/"3"` or `3`; None when the header is missing.

    A value that is no revision of ours can never match: it is read as -1 (→ 412).
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.startswith("W/"):
        text = text[2:]
    text = text.strip('"')
    return int(text) if text.isdigit() else -1


async def if_match(
    value: Annotated[
        str | None,
        Header(alias="If-Match", description='上次读取申请时的 ETag，例如 "3"'),
    ] = None,
) -> int:
    revision = parse_if_match(value)
    if revision is None:
        raise precondition_required()
    return revision


IfMatch = Annotated[int, Depends(if_match)]


def check_revision(expected: int, current: int) -> None:
    """Raises 412 (with the current ETag) when the client's revision is not the current one."""
    if expected != current:
        raise precondition_failed(current)
