"""Caller verification (核实来电人身份) on a call, before account changes or reveals.

Either the caller reads back a `verify_caller` code that went to the REGISTERED phone of the
call's application (`registered_phones`: never the number the caller claims), or the
operator records why the caller was not verified. Both are audited on the application. A later
check of the same call replaces the earlier one (each stays in the timeline).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from domain import Call, CallerCheckMethod, FieldInvalid, Operator, define_code, mask_phone

from .._problems import ApiProblem
from ..storage.queries import AnyRow
from ..storage.tables import calls
from ..storage.writes import add_event
from ._free_text import mask_personal_text
from .calls import call_without_application, own_open_call, read_call, registered_phone
from .verifications import use_token, verification_phone_mismatch

MAX_WAIVED_REASON = 200


_NOT_REGISTERED_PHONE = define_code("problem.caller_code_not_registered_phone", "phone")
_WAIVE_REASON_REQUIRED = define_code("problem.waive_reason_required")
CALLER_VERIFIED = define_code("event.caller_verified", "phone")
CALLER_NOT_VERIFIED = define_code("event.caller_not_verified", "reason")


def _not_the_registered_phone(registered: str) -> ApiProblem:
    return verification_phone_mismatch(_NOT_REGISTERED_PHONE(phone=mask_phone(registered)))


def _call_with_application(session: Session, call_id: str, operator: Operator) -> AnyRow:
    row = own_open_call(session, call_id, operator)
    if row.application_id is None:
        raise call_without_application()
    return row


def _record(
    session: Session,
    row: AnyRow,
    *,
    method: CallerCheckMethod,
    phone: str,
    reason: str,
    now: datetime,
) -> None:
    session.execute(
        update(calls)
        .where(calls.c.id == row.id)
        .values(
            caller_check=method.value,
            caller_check_reason=reason,
            caller_check_phone=phone,
            caller_checked_at=now,
        )
    )


def check_by_sms(
    session: Session, call_id: str, *, token: str, operator: Operator, now: datetime
) -> Call:
    """The caller proved the registered phone with a confirmed `verify_caller` code.

    A token for another phone is refused before anything is kept: the token stays unused."""
    row = _call_with_application(session, call_id, operator)
    phone = registered_phone(session, row.application_id)
    used = use_token(
        session, token, purpose="verify_caller", now=now, application_id=row.application_id
    )
    if used.phone != phone:
        session.rollback()
        raise _not_the_registered_phone(phone)
    _record(session, row, method=CallerCheckMethod.SMS, phone=phone, reason="", now=now)
    add_event(
        session,
        application_id=row.application_id,
        at=now,
        actor=operator.username,
        event=CALLER_VERIFIED(phone=mask_phone(phone)),
        call_id=row.id,
    )
    session.commit()
    return read_call(session, call_id, operator)


def waive_check(
    session: Session, call_id: str, *, reason: str, operator: Operator, now: datetime
) -> Call:
    """The operator goes on without verifying the caller, and says why."""
    reason = mask_personal_text(reason.strip())
    if not reason:
        raise FieldInvalid("waived_reason", _WAIVE_REASON_REQUIRED())
    row = _call_with_application(session, call_id, operator)
    # The registered phone is kept with a waived check too: it decides whether the check
    # still holds when the call moves to another application (`calls.attach`).
    phone = registered_phone(session, row.application_id)
    _record(session, row, method=CallerCheckMethod.WAIVED, phone=phone, reason=reason, now=now)
    add_event(
        session,
        application_id=row.application_id,
        at=now,
        actor=operator.username,
        event=CALLER_NOT_VERIFIED(reason=reason),
        call_id=row.id,
    )
    session.commit()
    return read_call(session, call_id, operator)
