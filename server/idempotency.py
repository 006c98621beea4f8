"""`Idempotency-Key` on mutating POSTs (DESIGN §3): a retry replays the first response.

How to use it: give the router this route class, and every POST route on it honours the
header (other methods pass straight through):

    router = APIRouter(prefix="/v1/applications", route_class=IdempotentRoute)

The first successful (2xx) response to a POST carrying `Idempotency-Key: <key>` is stored
under (actor, key), with its status, body and the headers clients rely on (ETag, Location,
Content-Type). Within 24 h the same actor sending the same key with the same method, path and
body gets that response again, and nothing runs twice; the same key with another request is
a 422 `idempotency_mismatch`. Failures are not stored: a retry after a 4xx or 5xx runs anew
(a stale `If-Match` fixed by re-reading must not replay the 412). Nor are responses marked
`Cache-Control: no-store` (they carry a secret, e.g. a verification token).

The actor is the operator (`operator:12`) or applicant (`applicant:<id>`) of the bearer
token; without a token (the public verification endpoints) it is `public`. The response is
stored after the change has committed: two concurrent first attempts with one key both run,
and the first one stored wins (keys are random per logical request, so this is a client
retrying while the first attempt is still running, which the client's timeouts make rare).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain import define_code

from ._problems import ApiProblem
from .auth import bearer_token, current_actor
from .context import AppContext
from .storage.tables import idempotency_keys

IDEMPOTENCY_HEADER = "idempotency-key"
KEPT_FOR = timedelta(hours=24)
MAX_KEY_LENGTH = 200
# Response headers worth replaying; the rest (content-length, date) are made anew.
REPLAYED_HEADERS = ("content-type", "etag", "location", "retry-after")


@dataclass(frozen=True, slots=True)
class StoredResponse:
    request_hash: str
    status_code: int
    body: bytes
    headers: dict[str, str]
    created_at: datetime


_KEY_REUSED = define_code("problem.idempotency_key_reused")
_KEY_INVALID = define_code("problem.idempotency_key_invalid", "limit")


def idempotency_mismatch() -> ApiProblem:
    return ApiProblem(422, "idempotency_mismatch", _KEY_REUSED())


def _invalid_key() -> ApiProblem:
    return ApiProblem(422, "validation_error", _KEY_INVALID(limit=MAX_KEY_LENGTH))


async def _request_hash(request: Request) -> str:
    """SHA-256 of method, path and body; a multipart body by its parts, not its boundary
    (which every retry draws anew)."""
    digest = hashlib.sha256(f"{request.method} {request.url.path}\n".encode())
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()  # cached on the request: the route reads it again
        for name, value in form.multi_items():
            digest.update(f"{name}=".encode())
            if isinstance(value, str):
                digest.update(value.encode())
            else:
                digest.update(f"{value.filename}:".encode())
                digest.update(hashlib.sha256(await value.read()).digest())
                await value.seek(0)
            digest.update(b"\n")
    else:
        digest.update(await request.body())
    return digest.hexdigest()


async def _actor_key(request: Request) -> str | None:
    """The actor's identity; None when the token is refused (the route then answers 401)."""
    if bearer_token(request) is None:
        return "public"
    try:
        return (await current_actor(request)).key
    except ApiProblem:
        return None


def find_response(
    session: Session, actor: str, key: str, *, now: datetime
) -> StoredResponse | None:
    """The stored response of (actor, key), forgetting it (and any expired one) when older
    than 24 h."""
    row = session.execute(
        select(idempotency_keys).where(
            idempotency_keys.c.actor == actor, idempotency_keys.c.key == key
        )
    ).first()
    if row is None:
        return None
    if row.created_at <= now - KEPT_FOR:
        session.execute(
            delete(idempotency_keys).where(idempotency_keys.c.created_at <= now - KEPT_FOR)
        )
        session.commit()
        return None
    return StoredResponse(
        row.request_hash,
        row.status_code,
        row.response_body,
        dict(row.response_headers),
        row.created_at,
    )


def store_response(
    session: Session,
    *,
    actor: str,
    key: str,
    method: str,
    path: str,
    request_hash: str,
    response: Response,
    now: datetime,
) -> None:
    headers = {
        name: response.headers[name] for name in REPLAYED_HEADERS if name in response.headers
    }
    try:
        session.execute(
            insert(idempotency_keys).values(
                actor=actor,
                key=key,
                method=method,
                path=path[:300],
                request_hash=request_hash,
                status_code=response.status_code,
                response_body=bytes(response.body),
                response_headers=headers,
                created_at=now,
            )
        )
        session.commit()
    except IntegrityError:
        session.rollback()  # a concurrent first attempt stored its response first


def _storable(response: Response) -> bool:
    """Successes only, and never a response that carries a secret (marked `no-store`, like a
    verification token): the table must not become a copy of bearer tokens."""
    return (
        200 <= response.status_code < 300
        and hasattr(response, "body")
        and "no-store" not in response.headers.get("cache-control", "")
    )


class IdempotentRoute(APIRoute):
    """An APIRoute whose POSTs honour `Idempotency-Key` (see the module's docstring)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_idempotently(request: Request) -> Response:
            key = request.headers.get(IDEMPOTENCY_HEADER)
            if request.method != "POST" or key is None:
                return await handle(request)
            key = key.strip()
            if not key or len(key) > MAX_KEY_LENGTH:
                raise _invalid_key()
            actor = await _actor_key(request)
            if actor is None:
                return await handle(request)
            context: AppContext = request.app.state.context
            request_hash = await _request_hash(request)
            stored = await context.database.run(find_response, actor, key, now=context.clock())
            if stored is not None:
                if stored.request_hash != request_hash:
                    raise idempotency_mismatch()
                return Response(
                    stored.body,
                    status_code=stored.status_code,
                    headers={**stored.headers, "Idempotent-Replayed": "true"},
                )
            response = await handle(request)
            if _storable(response):
                await context.database.run(
                    store_response,
                    actor=actor,
                    key=key,
                    method=request.method,
                    path=request.url.path,
                    request_hash=request_hash,
                    response=response,
                    now=context.clock(),
                )
            return response

        return handle_idempotently
