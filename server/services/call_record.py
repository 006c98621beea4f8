"""What an operator records or looks at during a call: call notes and reveals.

A note is a line of the application's timeline (action `note`), its mobile numbers and
emails masked. A reveal hands one personal value in full (DESIGN §3: the one way to it) only
within the operator's own open call about that application, after the caller was checked (or
the operator recorded why not), and is audited with its reason, never with the value.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import (
    CallerCheckMethod,
    Event,
    FieldInvalid,
    Form,
    Operator,
    RevealedValue,
    define_code,
)

from .._problems import ApiProblem
from ..storage import queries
from ..storage.tables import audit_events
from ..storage.writes import add_event
from ._free_text import mask_personal_text
from .applications import not_found
from .calls import call_row
from .lookup import event_from_row

MAX_NOTE = 1000
MAX_REVEAL_REASON = 200
_CALL_REQUIRED = define_code("problem.call_required")
_CALLER_NOT_CHECKED = define_code("problem.caller_not_checked")
_NOTE_EMPTY = define_code("problem.note_empty")
_NOTE_TOO_LONG = define_code("problem.note_too_long", "limit")
NOTE = define_code("event.note", "text")
REVEALED = define_code("event.revealed", "field", "reason")
REVEALED_UNCHECKED = define_code("event.revealed_unchecked", "field", "reason", "why_unchecked")


def call_required() -> ApiProblem:
    return ApiProblem(409, "call_required", _CALL_REQUIRED())


def caller_not_checked() -> ApiProblem:
    return ApiProblem(409, "caller_not_checked", _CALLER_NOT_CHECKED())


def add_note(
    session: Session, application_id: str, *, text: str, operator: Operator, now: datetime
) -> Event:
    """A call note on the application's timeline; the call comes from `X-HQMS-Call`."""
    text = mask_personal_text(text.strip())
    if not text:
        raise FieldInvalid("text", _NOTE_EMPTY())
    if len(text) > MAX_NOTE:
        raise FieldInvalid("text", _NOTE_TOO_LONG(limit=MAX_NOTE))
    if not queries.application_exists(session, application_id):
        raise not_found(application_id)
    event_id = add_event(
        session,
        application_id=application_id,
        at=now,
        actor=operator.username,
        event=NOTE(text=text),
    )
    row = session.execute(select(audit_events).where(audit_events.c.id == event_id)).one()
    session.commit()
    return event_from_row(row)


def _value(form: Form, admin_phone: str, field: str) -> str:
    person_name, _, attribute = field.partition(".")
    if field == "admin.mobile":
        # The verified number is the administrator's mobile, also while the form lacks it.
        return form.admin.mobile or admin_phone
    person = form.admin if person_name == "admin" else form.legal_rep
    return str(getattr(person, attribute))


def reveal(
    session: Session,
    application_id: str,
    *,
    field: str,
    reason: str,
    call_id: str | None,
    operator: Operator,
    now: datetime,
) -> RevealedValue:
    """One value of the application's current form in full, audited (never the value)."""
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    call = call_row(session, call_id) if call_id else None
    if (
        call is None
        or call.operator != operator.username
        or call.ended_at is not None
        or call.application_id != application_id
    ):
        raise call_required()
    if call.caller_check is None:
        raise caller_not_checked()
    form = Form.model_validate(queries.form_data(session, application_id, row.form_number) or {})
    reason = mask_personal_text(reason)
    event = REVEALED(field=field, reason=reason)
    if call.caller_check == CallerCheckMethod.WAIVED.value:
        why = call.caller_check_reason or ""
        event = REVEALED_UNCHECKED(field=field, reason=reason, why_unchecked=why)
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=operator.username,
        event=event,
        call_id=call.id,
    )
    session.commit()
    return RevealedValue(field=field, value=_value(form, row.admin_phone, field))
