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
import uuid
from pathlib import Path
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
        FileInfo,
        FileKind,
        Form,
        Health,
        RegionTree,
        Status,
        TokenGrant,
    )

    from ._models import AccountLogin, Notification, VerificationStarted

from ._errors import (
    ApiError,
    ApiTimeout,
    ApiUnavailable,
    UnauthorizedError,
    error_from_problem,
)

RETRY_DELAYS: tuple[float, ...] = (0.05, 0.2)
"""Pauses before the 2nd and 3rd attempt of a request that is safe to repeat."""

DOCUMENT_PATHS: dict[str, str] = {
    "info_form": "info-form.pdf",
    "info-form": "info-form.pdf",
    "consent": "consent.pdf",
}
"""The two generated documents, by file kind or by the path's own spelling."""


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
        response = await self._send("GET", _application_path(application_id))
        application = self._application(response)
        self.revision = _revision_from_etag(response.headers.get("ETag"), application.revision)
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

    # -- registration (DESIGN §2, docs/registration-flow.md) -----------------------------------

    async def start_verification(self, phone: str, purpose: str) -> VerificationStarted:
        """Send an SMS code to `phone` for `purpose` (`register`, `change_admin`, …)."""
        from ._models import VerificationStarted

        body = await self._post("/v1/verifications", {"phone": phone, "purpose": purpose})
        return VerificationStarted.model_validate(body)

    async def confirm_verification(self, verification_id: str, code: str) -> str:
        """The code the caller read back → the verification token (kept by the caller only)."""
        path = f"/v1/verifications/{_segment(verification_id)}/confirm"
        body = await self._post(path, {"code": code})
        return str(body["verification_token"])

    async def create_application(self, verification_token: str) -> Application:
        """Start a draft (首次申请) from a `register` verification token."""
        response = await self._send(
            "POST",
            "/v1/applications",
            json={"verification_token": verification_token},
            idempotency_key=_new_key(),
        )
        return self._application(response)

    async def save_form(
        self, application_id: str, form: Form, *, revision: int | None = None
    ) -> Application:
        """Save the form (incomplete is fine in a draft); `revision` defaults to the last seen."""
        response = await self._send(
            "PUT",
            f"{_application_path(application_id)}/form",
            json=form.model_dump(mode="json"),
            headers=self._if_match(application_id, revision),
            # A PUT is repeatable by nature; the key lets a server that keeps keys replay it too.
            idempotency_key=_new_key(),
        )
        return self._application(response)

    async def change_admin_mobile(
        self, application_id: str, verification_token: str, *, revision: int | None = None
    ) -> Application:
        """Make the number verified for `change_admin` the data administrator's mobile."""
        return await self._change(
            application_id, "admin-mobile", {"verification_token": verification_token}, revision
        )

    async def upload_file(
        self,
        application_id: str,
        kind: FileKind | str,
        content: Path | bytes,
        filename: str | None = None,
    ) -> FileInfo:
        """Upload one stamped scan (multipart `kind`, `file`); a path is read here, whole."""
        if isinstance(content, Path):
            filename = filename or content.name
            content = await asyncio.to_thread(content.read_bytes)
        response = await self._send(
            "POST",
            f"{_application_path(application_id)}/files",
            data={"kind": str(kind)},
            files={"file": (filename or "scan", content, "application/octet-stream")},
            idempotency_key=_new_key(),
        )
        return domain.FileInfo.model_validate(_json(response))

    async def delete_file(self, application_id: str, file_id: str) -> None:
        await self._send("DELETE", f"{_application_path(application_id)}/files/{_segment(file_id)}")

    async def submit(self, application_id: str, *, revision: int | None = None) -> Application:
        """提交审核; `SubmitBlockedError.errors` lists what still blocks it."""
        return await self._change(application_id, "submit", {}, revision)

    async def amend(
        self, application_id: str, reason: str, *, revision: int | None = None
    ) -> Application:
        """修改: back to draft — or, on an approved application, the new change application."""
        return await self._change(application_id, "amend", {"reason": reason}, revision)

    async def approve(self, application_id: str, *, revision: int | None = None) -> Application:
        return await self._change(application_id, "approve", {}, revision)

    async def reject(
        self, application_id: str, reason: str, *, revision: int | None = None
    ) -> Application:
        return await self._change(application_id, "reject", {"reason": reason}, revision)

    async def download_document(self, application_id: str, which: FileKind | str) -> bytes:
        """One generated PDF: `info_form` (信息收集表) or `consent` (使用须知及同意书)."""
        name = DOCUMENT_PATHS.get(str(which))
        if name is None:
            raise ValueError(f"no generated document {which!r}: use info_form or consent")
        response = await self._send(
            "GET", f"{_application_path(application_id)}/documents/{name}", accept="application/pdf"
        )
        return response.content

    async def send_documents(self, application_id: str) -> None:
        """Email both documents to the application's data administrator."""
        await self._post(f"{_application_path(application_id)}/documents/send", {})

    async def notifications(self, application_id: str) -> list[Notification]:
        """The application's outbox messages: masked recipient and delivery state."""
        from ._models import NotificationPage

        body = await self._request("GET", f"{_application_path(application_id)}/notifications")
        return NotificationPage.model_validate(body).items

    async def account_login(self, login: str, password: str) -> AccountLogin:
        """The institution signs in with its login name or phone; 401 when they do not match."""
        from ._models import AccountLogin

        body = await self._post("/v1/accounts/login", {"login": login, "password": password})
        return AccountLogin.model_validate(body)

    # -- plumbing ------------------------------------------------------------------------------

    def _application(self, response: httpx.Response) -> Application:
        """The application in an answer, remembering its ETag for the next change."""
        application = domain.Application.model_validate(_json(response))
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
            f"{_application_path(application_id)}/{action}",
            json=body,
            headers=self._if_match(application_id, revision),
            idempotency_key=_new_key(),
        )
        return self._application(response)

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        """A mutating POST: one new `Idempotency-Key`, reused by every retry of this call only."""
        return await self._request("POST", path, json=body, idempotency_key=_new_key())

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


def _new_key() -> str:
    """An `Idempotency-Key`: one per operator action, so only its own retries share it."""
    return str(uuid.uuid4())


def _application_path(application_id: str) -> str:
    return f"/v1/applications/{_segment(application_id)}"


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
