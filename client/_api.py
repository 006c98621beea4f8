"""`CentralAPI`: one coroutine per endpoint of the central API, returning domain models.

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
from urllib.parse import quote

import domain  # its models load at first use: bodies below say `domain.TokenGrant`

if TYPE_CHECKING:
    import httpx

    from domain import (
        Application,
        ApplicationPage,
        CodeReport,
        EventPage,
        Health,
        RegionTree,
        Status,
        TokenGrant,
    )

from ._errors import (
    ApiError,
    ApiTimeout,
    ApiUnavailable,
    UnauthorizedError,
    error_from_problem,
)

RETRY_DELAYS: tuple[float, ...] = (0.05, 0.2)
"""Pauses before the 2nd and 3rd attempt of a request that is safe to repeat."""


class CentralAPI:
    """Async client of the central registration API (DESIGN §3).

    Use as `async with CentralAPI(url) as api:`; `transport` lets tests bind it to an
    in-process server (`httpx.ASGITransport(app)`).
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: float = 5.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.grant: TokenGrant | None = None
        self.revision: int | None = None
        """Revision (ETag) of the application most recently read with `get_application`."""
        self._etags: dict[str, str] = {}
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
                headers={"Accept": "application/json"},
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

    # -- reading -------------------------------------------------------------------------------

    async def health(self) -> Health:
        return domain.Health.model_validate(await self._request("GET", "/v1/health"))

    async def search_applications(
        self,
        *,
        phone: str | None = None,
        code: str | None = None,
        q: str | None = None,
        status: Status | str | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> ApplicationPage:
        params = {
            "phone": phone,
            "code": code,
            "q": q,
            "status": str(status) if status is not None else None,
            "cursor": cursor,
            "limit": str(limit) if limit is not None else None,
        }
        query = {key: value for key, value in params.items() if value is not None}
        body = await self._request("GET", "/v1/applications", params=query)
        return domain.ApplicationPage.model_validate(body)

    async def get_application(self, application_id: str) -> Application:
        response = await self._send("GET", f"/v1/applications/{_segment(application_id)}")
        application = domain.Application.model_validate(_json(response))
        etag = response.headers.get("ETag")
        self._etags[application.id] = etag or f'"{application.revision}"'
        self.revision = _revision_from_etag(etag, application.revision)
        return application

    async def get_events(self, application_id: str) -> EventPage:
        path = f"/v1/applications/{_segment(application_id)}/events"
        return domain.EventPage.model_validate(await self._request("GET", path))

    async def check_code(self, code: str) -> CodeReport:
        return domain.CodeReport.model_validate(
            await self._request("GET", f"/v1/codes/{_segment(code)}")
        )

    async def regions(self) -> RegionTree:
        return domain.RegionTree.model_validate(await self._request("GET", "/v1/regions"))

    # -- plumbing ------------------------------------------------------------------------------

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
        return _json(response)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
        idempotency_key: str | None = None,
    ) -> httpx.Response:
        import httpx  # late, like `_connection` (module docstring); cached after the first call

        headers: dict[str, str] = {}
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        repeatable = method == "GET" or idempotency_key is not None
        delays = RETRY_DELAYS if repeatable else ()
        for attempt in range(len(delays) + 1):
            last_attempt = attempt == len(delays)
            try:
                response = await self._connection().request(
                    method, path, params=params, json=json, headers=headers
                )
            except httpx.TimeoutException as error:
                # A timeout may hide a request the server did process: never repeat it.
                raise ApiTimeout() from error
            except httpx.TransportError as error:
                if last_attempt or not isinstance(error, httpx.ConnectError):
                    raise ApiUnavailable() from error
            else:
                if response.status_code != 503 or last_attempt:
                    break
            await asyncio.sleep(delays[attempt])
        if response.is_success:
            return response
        raise error_from_problem(
            response.status_code,
            _json_or_none(response),
            retry_after=_retry_after(response),
        )


def _segment(value: str) -> str:
    """One path segment, so an id or code read over the phone cannot escape the path."""
    return quote(value.strip(), safe="")


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError as error:
        raise ApiError(
            "中央服务返回了无法识别的内容，请联系值班技术人员。",
            "bad_response",
            response.status_code,
        ) from error


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers["Retry-After"])
    except (KeyError, ValueError):
        return None


def _revision_from_etag(etag: str | None, fallback: int) -> int:
    if etag is None:
        return fallback
    try:
        return int(etag.removeprefix("W/").strip('"'))
    except ValueError:
        return fallback
