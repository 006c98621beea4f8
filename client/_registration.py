"""The registration endpoints of `CentralAPI` (DESIGN §2, docs/registration-flow.md).

SMS verification, the draft and its form, the administrator's mobile, the stamped scans, the
two generated documents, and the institution's own sign-in. Every mutating request carries a
fresh `Idempotency-Key`, so the core may repeat it after a refused connection or a 503.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

import domain  # its models load at first use: bodies below say `domain.FileInfo`

from ._wire import DOCUMENT_PATHS, application_path, json_body, new_idempotency_key, path_segment

if TYPE_CHECKING:
    from domain import Application, Delivery, FileInfo, FileKind, Form

    from ._api import ApiCore
    from ._models import AccountLogin, VerificationStarted
else:
    # At run time the endpoint groups are mixed into `CentralAPI` next to the real core.
    ApiCore = object


class RegistrationEndpoints(ApiCore):
    """From the first SMS code to a draft with its form, scans and documents."""

    async def start_verification(self, phone: str, purpose: str) -> VerificationStarted:
        """Send an SMS code to `phone` for `purpose` (`register`, `change_admin`, …)."""
        from ._models import VerificationStarted

        body = await self._post("/v1/verifications", {"phone": phone, "purpose": purpose})
        return VerificationStarted.model_validate(body)

    async def confirm_verification(self, verification_id: str, code: str) -> str:
        """The code the caller read back → the verification token (kept by the caller only)."""
        path = f"/v1/verifications/{path_segment(verification_id)}/confirm"
        body = await self._post(path, {"code": code})
        return str(body["verification_token"])

    async def create_application(self, verification_token: str) -> Application:
        """Start a draft (首次申请) from a `register` verification token."""
        response = await self._send(
            "POST",
            "/v1/applications",
            json={"verification_token": verification_token},
            idempotency_key=new_idempotency_key(),
        )
        return self._application(response)

    async def save_form(
        self, application_id: str, form: Form, *, revision: int | None = None
    ) -> Application:
        """Save the form (incomplete is fine in a draft); `revision` defaults to the last seen."""
        response = await self._send(
            "PUT",
            f"{application_path(application_id)}/form",
            json=form.model_dump(mode="json"),
            headers=self._if_match(application_id, revision),
            # A PUT is repeatable by nature; the key lets a server that keeps keys replay it too.
            idempotency_key=new_idempotency_key(),
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
            f"{application_path(application_id)}/files",
            data={"kind": str(kind)},
            files={"file": (filename or "scan", content, "application/octet-stream")},
            idempotency_key=new_idempotency_key(),
        )
        return domain.FileInfo.model_validate(json_body(response))

    async def delete_file(self, application_id: str, file_id: str) -> None:
        await self._send(
            "DELETE", f"{application_path(application_id)}/files/{path_segment(file_id)}"
        )

    async def download_document(self, application_id: str, which: FileKind | str) -> bytes:
        """One generated PDF: `info_form` (信息收集表) or `consent` (使用须知及同意书)."""
        name = DOCUMENT_PATHS.get(str(which))
        if name is None:
            raise ValueError(f"no generated document {which!r}: use info_form or consent")
        response = await self._send(
            "GET", f"{application_path(application_id)}/documents/{name}", accept="application/pdf"
        )
        return response.content

    async def send_documents(self, application_id: str) -> Delivery:
        """Email both documents to the application's data administrator: where they went
        (masked) and when they may be sent again."""
        body = await self._post(f"{application_path(application_id)}/documents/send", {})
        return domain.Delivery.model_validate(body)

    async def account_login(self, login: str, password: str) -> AccountLogin:
        """The institution signs in with its login name or phone; 401 when they do not match."""
        from ._models import AccountLogin

        body = await self._post("/v1/accounts/login", {"login": login, "password": password})
        return AccountLogin.model_validate(body)
