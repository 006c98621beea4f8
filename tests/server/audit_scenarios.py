"""One successful request per mutating route, for the audit coverage test
(`test_server_audit_coverage.py`): each scenario prepares what its request needs (through
the API or straight into the database), then returns the request itself, which the test sends
and checks for new audit events.

A new POST/PUT/PATCH/DELETE route needs a scenario here (`@scenario(method, path, action)`,
the path as FastAPI declares it) or an entry in `EXEMPT` with the reason it changes nothing
worth auditing. Requests by the stage's operator carry `X-HQMS-Call` of the operator's own
call where the kiosk would send it, so the test also checks each audited row records it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from server.call_context import CALL_HEADER
from tests.conftest import ApplicationFactory, Credentials, OperatorFactory
from tests.server.registration_helpers import PDF, sms_code, verified_token
from tests.server.review_helpers import (
    REVIEWER,
    add_scan,
    database_of,
    headers_for,
    if_match,
    unmasked_form,
)

PHONE = "13800138000"
NEW_PHONE = "13500135000"

EXEMPT: dict[tuple[str, str], str] = {
    ("PUT", "/v1/applications/{application_id}/presence"): (
        "a heartbeat every 20 s saying who has the application open: no data changes, and "
        "auditing it would bury the timeline (docs/call-record.md)"
    ),
    ("DELETE", "/v1/applications/{application_id}/presence"): (
        "the end of that heartbeat when the operator leaves the application; nothing else changes"
    ),
}


@dataclass
class Stage:
    """What every scenario may use: the API, a signed-in operator and an open call of theirs
    about no application yet."""

    app: Any
    client: httpx.AsyncClient
    operator: Credentials
    bearer: dict[str, str]
    call_id: str
    make_application: ApplicationFactory
    make_operator: OperatorFactory

    @property
    def in_call(self) -> dict[str, str]:
        """The operator's bearer and the call, as the kiosk sends them during a call."""
        return {**self.bearer, CALL_HEADER: self.call_id}

    def reviewer(self) -> dict[str, str]:
        return headers_for(self.app, self.make_operator, username=REVIEWER, role="reviewer")

    async def call_about(self, application_id: str, *, checked: bool = False) -> None:
        """The stage's call is now about `application_id` (and the caller check waived)."""
        path = f"/v1/calls/{self.call_id}"
        attached = await self.client.post(
            f"{path}/application", json={"application_id": application_id}, headers=self.bearer
        )
        assert attached.status_code == 200, attached.text
        if checked:
            waived = await self.client.post(
                f"{path}/caller-check",
                json={"waived_reason": "来电人不便接收短信"},
                headers=self.bearer,
            )
            assert waived.status_code == 200, waived.text


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    data: dict[str, str] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None

    async def send(self, client: httpx.AsyncClient) -> httpx.Response:
        return await client.request(
            self.method,
            self.path,
            headers=self.headers,
            json=self.json,
            data=self.data,
            files=self.files,
        )


@dataclass(frozen=True)
class Scenario:
    prepare: Callable[[Stage], Awaitable[Request]]
    action: str  # the audit event the request must write (among any others)


SCENARIOS: dict[tuple[str, str], Scenario] = {}


def scenario(
    method: str, path: str, action: str
) -> Callable[[Callable[[Stage], Awaitable[Request]]], Callable[[Stage], Awaitable[Request]]]:
    def register(
        prepare: Callable[[Stage], Awaitable[Request]],
    ) -> Callable[[Stage], Awaitable[Request]]:
        SCENARIOS[(method, path)] = Scenario(prepare, action)
        return prepare

    return register


APPLICATION = "/v1/applications/{application_id}"


def _at(application_id: str, suffix: str = "") -> str:
    return f"/v1/applications/{application_id}{suffix}"


# Operators: sign-in, sign-out, the idle lock.


@scenario("POST", "/v1/auth/token", "signed_in")
async def _sign_in(stage: Stage) -> Request:
    credentials = {"username": stage.operator.username, "password": stage.operator.password}
    return Request("POST", "/v1/auth/token", json=credentials)


@scenario("POST", "/v1/auth/logout", "signed_out")
async def _sign_out(stage: Stage) -> Request:
    return Request("POST", "/v1/auth/logout", headers=stage.in_call)


@scenario("POST", "/v1/auth/unlock", "unlocked")
async def _unlock(stage: Stage) -> Request:
    return Request(
        "POST", "/v1/auth/unlock", headers=stage.in_call, json={"password": stage.operator.password}
    )


# Verifications and drafts.


@scenario("POST", "/v1/verifications", "verification_sent")
async def _send_code(stage: Stage) -> Request:
    return Request("POST", "/v1/verifications", json={"phone": PHONE, "purpose": "register"})


@scenario("POST", "/v1/verifications/{verification_id}/confirm", "verification_confirmed")
async def _confirm_code(stage: Stage) -> Request:
    sent = await stage.client.post(
        "/v1/verifications", json={"phone": PHONE, "purpose": "register"}
    )
    assert sent.status_code == 201, sent.text
    code = sms_code(stage.app, PHONE)
    return Request("POST", f"/v1/verifications/{sent.json()['id']}/confirm", json={"code": code})


@scenario("POST", "/v1/applications", "created")
async def _create(stage: Stage) -> Request:
    token = await verified_token(stage.client, stage.app, PHONE)
    return Request(
        "POST", "/v1/applications", headers=stage.in_call, json={"verification_token": token}
    )


@scenario("PUT", APPLICATION + "/form", "form_saved")
async def _save_form(stage: Stage) -> Request:
    app_id = stage.make_application(status="draft", phone=PHONE)
    form = unmasked_form(database_of(stage.app), app_id)
    form.address.street = "德政北路 9 号"
    return Request(
        "PUT", _at(app_id, "/form"), if_match(1, stage.in_call), form.model_dump(mode="json")
    )


@scenario("POST", APPLICATION + "/admin-mobile", "admin_mobile_changed")
async def _admin_mobile(stage: Stage) -> Request:
    app_id = stage.make_application(status="draft", phone=PHONE)
    token = await verified_token(stage.client, stage.app, NEW_PHONE, "change_admin")
    return Request(
        "POST",
        _at(app_id, "/admin-mobile"),
        if_match(1, stage.in_call),
        {"verification_token": token},
    )


@scenario("POST", APPLICATION + "/submit", "submitted")
async def _submit(stage: Stage) -> Request:
    app_id = stage.make_application(status="draft", phone=PHONE)
    for kind in ("info_form", "consent", "license"):
        add_scan(database_of(stage.app), app_id, kind)
    return Request("POST", _at(app_id, "/submit"), if_match(1, stage.in_call), {})


@scenario("POST", APPLICATION + "/files", "file_uploaded")
async def _upload(stage: Stage) -> Request:
    app_id = stage.make_application(status="draft", phone=PHONE)
    return Request(
        "POST",
        _at(app_id, "/files"),
        stage.in_call,
        data={"kind": "license"},
        files={"file": ("license.pdf", PDF, "application/pdf")},
    )


@scenario("DELETE", APPLICATION + "/files/{file_id}", "file_deleted")
async def _delete_file(stage: Stage) -> Request:
    app_id = stage.make_application(status="draft", phone=PHONE)
    file_id = add_scan(database_of(stage.app), app_id, "license")
    return Request("DELETE", _at(app_id, f"/files/{file_id}"), stage.in_call)


@scenario("POST", APPLICATION + "/documents/send", "documents_sent")
async def _send_documents(stage: Stage) -> Request:
    app_id = stage.make_application(status="draft", phone=PHONE)
    return Request("POST", _at(app_id, "/documents/send"), stage.in_call)


# The review.


@scenario("POST", APPLICATION + "/amend", "amended_because")
async def _amend(stage: Stage) -> Request:
    app_id = stage.make_application(status="pending", phone=PHONE)
    body = {"reason": "来电要求更正地址"}
    return Request("POST", _at(app_id, "/amend"), if_match(1, stage.in_call), body)


@scenario("POST", APPLICATION + "/approve", "approved")
async def _approve(stage: Stage) -> Request:
    app_id = stage.make_application(status="pending", phone=PHONE)
    return Request("POST", _at(app_id, "/approve"), if_match(1, stage.reviewer()), {})


@scenario("POST", APPLICATION + "/reject", "rejected_email_and_sms")
async def _reject(stage: Stage) -> Request:
    app_id = stage.make_application(status="pending", phone=PHONE)
    body = {"reason": "执业许可证扫描件不清晰"}
    return Request("POST", _at(app_id, "/reject"), if_match(1, stage.reviewer()), body)


@scenario("POST", APPLICATION + "/notices/resend", "approval_resent")
async def _resend_notice(stage: Stage) -> Request:
    app_id = stage.make_application(status="approved", phone=PHONE)
    return Request("POST", _at(app_id, "/notices/resend"), stage.in_call, {"kind": "approval"})


# The existing-HQMS registry (administrators only).


@scenario("POST", "/v1/registry/imports", "registry_imported")
async def _import_registry(stage: Stage) -> Request:
    admin = headers_for(stage.app, stage.make_operator, username="guanliyuan", role="admin")
    listing = "机构代码,机构名称\n450388620,广州市越秀区第二人民医院\n".encode()
    return Request(
        "POST", "/v1/registry/imports", admin, files={"file": ("hqms.csv", listing, "text/csv")}
    )
