"""Hotline calls (the call record): start, read, attach to an application, wrap up.

A call belongs to the operator who took it: only they change it (and an administrator may
read it). Every change is audited on the application the call is about, under the call's id.
The registered phone of an application (`registered_phones`) is the one a caller must prove
before account changes or reveals.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain import (
    Call,
    CallerCheck,
    CallerCheckMethod,
    DomainError,
    Forbidden,
    NotFound,
    Operator,
    Role,
    WrapUp,
    define_code,
    normalize_mobile,
)

from .._problems import ApiProblem
from ..masking import masked_phone
from ..storage.queries import AnyRow
from ..storage.tables import calls
from ..storage.writes import add_event
from . import registered_phones
from ._free_text import mask_personal_text

WRAP_UP_OUTCOMES = (
    define_code("outcome.resolved"),
    define_code("outcome.guided"),
    define_code("outcome.callback"),
    define_code("outcome.escalated"),
    define_code("outcome.info_only"),
    define_code("outcome.dropped"),
)
"""How a call ended (话后小结), one word per `WrapUp` value."""
_CALL_ENDED = define_code("problem.call_ended")
_CALL_WITHOUT_APPLICATION = define_code("problem.call_without_application")
_NO_SUCH_CALL = define_code("problem.no_such_call", "call")
_NOT_YOUR_CALL = define_code("problem.not_your_call")
CALL_STARTED = define_code("event.call_started", "caller")
CALL_STARTED_NO_NUMBER = define_code("event.call_started_no_number")
CALL_ATTACHED = define_code("event.call_attached")
CALL_ATTACHED_CHECK_KEPT = define_code("event.call_attached_check_kept")
CALL_ENDED = define_code("event.call_ended", "outcome")
CALL_ENDED_NOTE = define_code("event.call_ended_note", "outcome", "note")
MAX_TYPED_PHONE = 20


def call_ended() -> ApiProblem:
    return ApiProblem(409, "call_ended", _CALL_ENDED())


def call_without_application() -> ApiProblem:
    return ApiProblem(409, "call_without_application", _CALL_WITHOUT_APPLICATION())


def stored_phone(typed: str) -> str:
    """The number that rang: normalized when it is a valid mobile, else its digits as typed
    (a landline, a partial number), at most 20."""
    if not typed.strip():
        return ""
    try:
        return normalize_mobile(typed)
    except DomainError:
        return "".join(char for char in typed if char.isdigit())[:MAX_TYPED_PHONE]


def call_model(row: AnyRow) -> Call:
    check = None
    if row.caller_check is not None:
        method = CallerCheckMethod(row.caller_check)
        check = CallerCheck(
            method=method,
            at=row.caller_checked_at,
            reason=row.caller_check_reason,
            # A waived check keeps the registered phone for itself (see `attach`), not on the wire.
            phone=masked_phone(row.caller_check_phone) if method is CallerCheckMethod.SMS else "",
        )
    return Call(
        id=row.id,
        operator=row.operator,
        phone=masked_phone(row.phone),
        application_id=row.application_id,
        started_at=row.started_at,
        ended_at=row.ended_at,
        caller_check=check,
        wrap_up=WrapUp(row.wrap_up) if row.wrap_up else None,
        wrap_up_note=row.wrap_up_note,
    )


def _call_not_found(call_id: str) -> NotFound:
    return NotFound(_NO_SUCH_CALL(call=call_id))


def call_row(session: Session, call_id: str, *, for_update: bool = False) -> AnyRow | None:
    statement = select(calls).where(calls.c.id == call_id)
    if for_update:
        statement = statement.with_for_update()
    return session.execute(statement).first()


def own_open_call(session: Session, call_id: str, operator: Operator) -> AnyRow:
    """The operator's own call, not yet ended, locked for this transaction."""
    row = call_row(session, call_id, for_update=True)
    if row is None or (row.operator != operator.username and operator.role is not Role.ADMIN):
        raise _call_not_found(call_id)
    if row.operator != operator.username:
        raise Forbidden(_NOT_YOUR_CALL())
    if row.ended_at is not None:
        raise call_ended()
    return row


def registered_phone(session: Session, application_id: str) -> str:
    """The phone a caller about `application_id` must prove; raises NotFound."""
    return registered_phones.registered_phone(session, application_id).phone


def start_call(
    session: Session,
    *,
    phone: str,
    application_id: str | None,
    operator: Operator,
    now: datetime,
) -> Call:
    number = stored_phone(phone)
    if application_id is not None:
        registered_phone(session, application_id)  # NotFound for an unknown application
    call_id = "C" + secrets.token_hex(6).upper()
    session.execute(
        insert(calls).values(
            id=call_id,
            operator=operator.username,
            phone=number,
            application_id=application_id,
            started_at=now,
        )
    )
    caller = masked_phone(number)
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=operator.username,
        event=CALL_STARTED(caller=caller) if caller else CALL_STARTED_NO_NUMBER(),
        call_id=call_id,
    )
    session.commit()
    return read_call(session, call_id, operator)


def read_call(session: Session, call_id: str, operator: Operator) -> Call:
    """The operator's own call (an administrator may read any); else NotFound."""
    row = call_row(session, call_id)
    if row is None or (row.operator != operator.username and operator.role is not Role.ADMIN):
        raise _call_not_found(call_id)
    return call_model(row)


def attach(
    session: Session, call_id: str, application_id: str, *, operator: Operator, now: datetime
) -> Call:
    """The call is now about `application_id`.

    The caller check stays only when the new application has the same registered phone: it
    proved (or waived) that phone, e.g. the approved application and the change application
    opened for its account.
    """
    row = own_open_call(session, call_id, operator)
    phone = registered_phone(session, application_id)
    if row.application_id == application_id:
        return call_model(row)
    keeps_check = row.caller_check is not None and row.caller_check_phone == phone
    values: dict[str, object] = {"application_id": application_id}
    if not keeps_check:
        values.update(
            caller_check=None, caller_check_reason="", caller_check_phone="", caller_checked_at=None
        )
    session.execute(update(calls).where(calls.c.id == call_id).values(**values))
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=operator.username,
        event=CALL_ATTACHED_CHECK_KEPT() if keeps_check else CALL_ATTACHED(),
        call_id=call_id,
    )
    session.commit()
    return read_call(session, call_id, operator)


def end_call(
    session: Session,
    call_id: str,
    *,
    wrap_up: WrapUp,
    note: str,
    operator: Operator,
    now: datetime,
) -> Call:
    row = own_open_call(session, call_id, operator)
    note = mask_personal_text(note.strip())
    session.execute(
        update(calls)
        .where(calls.c.id == call_id)
        .values(ended_at=now, wrap_up=wrap_up.value, wrap_up_note=note)
    )
    outcome = wrap_up.value
    ended = CALL_ENDED_NOTE(outcome=outcome, note=note) if note else CALL_ENDED(outcome=outcome)
    add_event(
        session,
        application_id=row.application_id,
        at=now,
        actor=operator.username,
        event=ended,
        call_id=call_id,
    )
    session.commit()
    return read_call(session, call_id, operator)
