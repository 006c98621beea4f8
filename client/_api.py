"""`CentralAPI`: one coroutine per endpoint of the central API, returning domain models.

This module is the core every endpoint goes through (`ApiCore`: connection, retries, the
operator's token, ETags); the endpoints themselves live in three groups mixed into
`CentralAPI`: `_reads.py` (GETs), `_registration.py` (verification, draft, form, scans,
documents) and `_transitions.py` (submit, amend, approve, reject).

Why it looks the way it does:
- The kiosk must never hang on a dead API, so every request has a short timeout and every
  network failure becomes `ApiUnavailable` with a sentence, never a raw httpx error.
- Retrying is only safe when repeating the request cannot do anything twice: GET requests, and
  POSTs that carry an `Idempotency-Key` (the server replays the first answer). Only failures
  where the request surely did no harm are retried (connection refused, 503), a few times with a
  short backoff, so a dead server is reported in well under a second.
- Constructing a client is cheap: httpx (with ssl) and the pydantic wire models load at the first
  request and the first answer. The kiosk builds its client before its first screen shows, and
  that screen must not wait for either (≈ 40 ms and 8 MiB for httpx, more for the models).
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import domain  # its models load at first use: bodies below say `domain.TokenGrant`

from ._aftercare import AftercareEndpoints
from ._calls import CallEndpoints
from ._errors import ApiTimeout, ApiUnavailable, UnauthorizedError, error_from_problem
from ._reads import ReadEndpoints
from ._registration import RegistrationEndpoints
from ._transitions import TransitionEndpoints
from ._wire import (
    DOCUMENT_PATHS,
    application_path,
    json_body,
    json_or_none,
    new_idempotency_key,
    retry_after,
)

if TYPE_CHECKING:
    import httpx

    from domain import Application, TokenGrant

__all__ = ["DOCUMENT_PATHS", "RETRY_DELAYS", "ApiCore", "CentralAPI"]

RETRY_DELAYS: tuple[float, ...] = (0.05, 0.2)
"""Pauses before the 2nd and 3rd attempt of a request that is safe to repeat."""


class ApiCore:
    """The connection, the operator's session and the ETags; every request goes through `_send`."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: float = 5.0,
        transport: httpx.AsyncBaseTransport | None = None,
        language: str = "zh_CN",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.language = language
        """Sent as `Accept-Language`: the language of the sentences the API adds to codes."""
        self.token = token
        self.grant: TokenGrant | None = None
        self.revision: int | None = None
        """Revision (ETag) of the application most recently read with `get_application`."""
        self._etags: dict[str, str] = {}
        self.call_id: str | None = None
        """The hotline call in progress: sent as `X-HQMS-Call` so the audit trail names it."""
        self._timeout = timeout
        self._transport = transport
        self._http: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    def _connection(self) -> httpx.AsyncClient:
        """The httpx client (connection pool), made at the first request."""
        if self._http is None:
            import httpx

            self._http = httpx.AsyncClient(
                base_url=self.base_url,
                timeout=httpx.Timeout(self._timeout),
                transport=self._transport,
                headers={
                    "Accept": "application/json",
                    "Accept-Language": self.language.replace("_", "-"),
                },
            )
        return self._http

    @property
    def signed_in(self) -> bool:
        return self.token is not None

    def etag_for(self, application_id: str) -> str | None:
        """The ETag last seen for an application: what a later change sends as `If-Match`."""
        return self._etags.get(application_id)

    # -- auth ----------------------------------------------------------------------------------

    async def login(self, username: str, password: str) -> TokenGrant:
        """Sign the operator in; the token is kept for every later request."""
        body = await self._request(
            "POST", "/v1/auth/token", json={"username": username, "password": password}
        )
        grant = domain.TokenGrant.model_validate(body)
        self.token = grant.access_token
        self.grant = grant
        return grant

    async def logout(self) -> None:
        """End the session on the server, and forget the token whatever the server says."""
        if self.token is None:
            return
        try:
            await self._send("POST", "/v1/auth/logout")
        except (UnauthorizedError, ApiUnavailable):
            # An expired token or a dead server: the local sign-out still has to happen.
            pass
        finally:
            self.token = None
            self.grant = None

    # -- plumbing for the endpoint groups ------------------------------------------------------

    def _application(self, response: httpx.Response) -> Application:
        """The application in an answer, remembering its ETag for the next change."""
        application = domain.Application.model_validate(json_body(response))
        etag = response.headers.get("ETag")
        self._etags[application.id] = etag or f'"{application.revision}"'
        return application

    def _if_match(self, application_id: str, revision: int | None) -> dict[str, str]:
        if revision is not None:
            return {"If-Match": f'"{revision}"'}
        etag = self.etag_for(application_id)
        # Without a known revision the server answers 428, which says exactly that.
        return {"If-Match": etag} if etag is not None else {}

    async def _change(
        self, application_id: str, action: str, body: dict[str, Any], revision: int | None
    ) -> Application:
        """A POST that changes an application's form or state: `If-Match` and a fresh key."""
        response = await self._send(
            "POST",
            f"{application_path(application_id)}/{action}",
            json=body,
            headers=self._if_match(application_id, revision),
            idempotency_key=new_idempotency_key(),
        )
        return self._application(response)

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        """A mutating POST: one new `Idempotency-Key`, reused by every retry of this call only."""
        return await self._request("POST", path, json=body, idempotency_key=new_idempotency_key())

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        response = await self._send(
            method, path, params=params, json=json, idempotency_key=idempotency_key
        )
        return json_body(response)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
        data: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        headers: dict[str, str] | None = None,
        accept: str | None = None,
        idempotency_key: str | None = None,
    ) -> httpx.Response:
        import httpx  # late, like `_connection` (module docstring); cached after the first call

        headers = dict(headers or {})
        if accept is not None:
            headers["Accept"] = accept
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        if self.call_id is not None:
            headers.setdefault("X-HQMS-Call", self.call_id)  # an explicit call wins
        repeatable = method == "GET" or idempotency_key is not None
        delays = RETRY_DELAYS if repeatable else ()
        for attempt in range(len(delays) + 1):
            last_attempt = attempt == len(delays)
            try:
                response = await self._connection().request(
                    method,
                    path,
                    params=params,
                    json=json,
                    data=data,
                    files=files,
                    headers=headers,
                )
            except httpx.TimeoutException as error:
                # A timeout may hide a request the server did process: never repeat it.
                raise ApiTimeout() from error
            except httpx.TransportError as error:
                # Refused, or a keep-alive connection the server closed just as it was reused:
                # nothing was processed, and only GETs and keyed POSTs get here more than once.
                retryable = isinstance(error, httpx.ConnectError | httpx.RemoteProtocolError)
                if last_attempt or not retryable:
                    raise ApiUnavailable() from error
            else:
                if response.status_code != 503 or last_attempt:
                    break
            await asyncio.sleep(delays[attempt])
        if response.is_success:
            return response
        raise error_from_problem(
            response.status_code,
            json_or_none(response),
            retry_after=retry_after(response),
        )


class CentralAPI(
    ReadEndpoints,
    RegistrationEndpoints,
    TransitionEndpoints,
    AftercareEndpoints,
    CallEndpoints,
    ApiCore,
):
    """Async client of the central registration API (DESIGN §3).

    Use as `async with CentralAPI(url) as api:`; `transport` lets tests bind it to an
    in-process server (`httpx.ASGITransport(app)`).
    """
