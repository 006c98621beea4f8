"""A stand-in central API with fixed data, for snapshots that must not change between runs.

The Pilot tests use the real server; its ids and timestamps differ on every run, which a
pixel-exact snapshot cannot afford. The answers here are built from the same domain models the
server serializes, so they have the real wire shape.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx

from domain import (
    Action,
    Address,
    Admin,
    Application,
    ApplicationPage,
    ApplicationSummary,
    Call,
    Event,
    EventPage,
    FileInfo,
    FileKind,
    Form,
    Kind,
    Person,
    Presence,
    Problem,
    Status,
    mask_phone,
)

SUBMITTED_AT = datetime(2026, 11, 17, 2, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
ONE_MATCH_PHONE = "13800138005"
SEVERAL_MATCHES_PHONE = "13800138009"

PENDING = Application(
    id="HQ7K-M2XP",
    kind=Kind.NEW,
    status=Status.PENDING,
    revision=4,
    form=Form(
        name="广州市越秀区第一人民医院",
        opened_on="1998-06",
        code="45038862X44010411A1001",
        address=Address(
            province="440000", city="440100", district="440104", street="中山二路 58 号"
        ),
        subjects=["内科", "外科", "儿科"],
        legal_rep=Person(name="李*", mobile="139****6612"),
        admin=Admin(name="王*", mobile="138****8005", email="w***@example.com"),
    ),
    problems=[
        Problem(
            field="code",
            message="代码第 10–15 位的行政区划 440104 已撤销，请对照许可证确认。",
            code="division_retired",
            warning=True,
        )
    ],
    files=[
        FileInfo(
            id="F1",
            kind=FileKind.INFO_FORM,
            filename="信息收集表.pdf",
            size=204_800,
            sha256="0" * 64,
        ),
        FileInfo(
            id="F2", kind=FileKind.CONSENT, filename="同意书.jpg", size=1_572_864, sha256="1" * 64
        ),
        FileInfo(
            id="F3", kind=FileKind.LICENSE, filename="许可证.pdf", size=512_000, sha256="2" * 64
        ),
    ],
    actions=[Action.AMEND, Action.APPROVE, Action.REJECT, Action.SEND_DOCUMENTS],
    created_at=datetime(2026, 11, 15, 14, 0, tzinfo=UTC),
    updated_at=SUBMITTED_AT,
    submitted_at=SUBMITTED_AT,
)

EVENTS = EventPage(
    items=[
        Event(
            id="1",
            at=datetime(2026, 11, 15, 14, 0, tzinfo=UTC),
            actor="applicant",
            action="created",
            params={"phone": "138****8005"},
        ),
        Event(id="2", at=SUBMITTED_AT, actor="applicant", action="submitted"),
    ]
)


def _summary(application: Application, status: Status) -> ApplicationSummary:
    return ApplicationSummary(
        id=application.id,
        kind=application.kind,
        status=status,
        name=application.form.name,
        code=application.form.code,
        phone=application.form.admin.mobile,
        updated_at=application.updated_at,
    )


SEVERAL = [
    _summary(PENDING, Status.PENDING),
    _summary(PENDING.model_copy(update={"id": "HQ3M-9TRA"}), Status.REJECTED),
    _summary(PENDING.model_copy(update={"id": "HQ5C-WE4N"}), Status.APPROVED),
]


NOTIFICATIONS = {
    "items": [
        {
            "id": 7,
            "channel": "email",
            "recipient": "w***@example.com",
            "purpose": "documents",
            "status": "sent",
            "attempts": 1,
            "created_at": "2026-11-16T02:00:00Z",
            "delivered_at": "2026-11-16T02:00:05Z",
        },
        {
            "id": 8,
            "channel": "sms",
            "recipient": "138****8005",
            "purpose": "verification_code",
            "status": "failed",
            "attempts": 6,
            "created_at": "2026-11-15T13:58:00Z",
            "error_code": "sms_refused",
            "error_params": {"status": 503},
        },
    ]
}


async def _quiet_stream() -> AsyncIterator[bytes]:
    """An event stream that stays open and reports nothing, like a server with no changes."""
    yield b": keep-alive\n\n"
    await asyncio.Event().wait()


CALL_ID = "C7K2M9TRA4WEN"
_calling_phone: dict[str, str] = {}
"""The number each call started with (an attach does not repeat it)."""


def _call(request: httpx.Request) -> httpx.Response:
    """The hotline call the kiosk records: started when the number is searched, then attached
    to the application it opens (`POST /v1/calls`, `POST /v1/calls/{id}/application`)."""
    body = json.loads(request.content or b"{}")
    starting = request.url.path == "/v1/calls"
    if starting:
        _calling_phone[CALL_ID] = mask_phone(body["phone"]) if body.get("phone") else ""
    call = Call(
        id=CALL_ID,
        operator="demo",
        phone=_calling_phone.get(CALL_ID, ""),
        application_id=body.get("application_id"),
        started_at=NOW,
    )
    return httpx.Response(201 if starting else 200, text=call.model_dump_json())


def _answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path in ("/v1/calls", f"/v1/calls/{CALL_ID}/application"):
        return _call(request)
    if path == f"/v1/applications/{PENDING.id}/presence":
        if request.method == "DELETE":
            return httpx.Response(204)
        return httpx.Response(200, text=Presence().model_dump_json())
    if path == f"/v1/applications/{PENDING.id}/stream":
        return httpx.Response(
            200, content=_quiet_stream(), headers={"Content-Type": "text/event-stream"}
        )
    if path == f"/v1/applications/{PENDING.id}/notifications":
        return httpx.Response(200, json=NOTIFICATIONS)
    if path == "/v1/applications":
        phone = request.url.params.get("phone")
        items = {ONE_MATCH_PHONE: SEVERAL[:1], SEVERAL_MATCHES_PHONE: SEVERAL}.get(phone or "", [])
        return httpx.Response(200, text=ApplicationPage(items=items).model_dump_json())
    if path == f"/v1/applications/{PENDING.id}":
        return httpx.Response(
            200, text=PENDING.model_dump_json(), headers={"ETag": f'"{PENDING.revision}"'}
        )
    if path == f"/v1/applications/{PENDING.id}/events":
        return httpx.Response(200, text=EVENTS.model_dump_json())
    return httpx.Response(
        404, json={"title": "未找到", "status": 404, "code": "not_found", "detail": "没有找到。"}
    )


def fixed_transport() -> httpx.MockTransport:
    return httpx.MockTransport(_answer)
