"""The REGISTERED phone of an application, and codes sent to it (DESIGN §5).

A caller proves who they are by reading back a code sent to the number the system already
holds, never to a number they claim on the phone: the current administrator's mobile of the
application's account, or, before there is an account, the application's verified
administrator mobile. Operators ask for these codes by application id, so the kiosk never
needs (nor shows) the full number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import Conflict, define_code

from ..storage.tables import accounts, applications
from .applications import not_found
from .verifications import SentVerification, send_code

NO_ACCOUNT_TO_RESET = define_code("problem.no_account_to_reset")


@dataclass(frozen=True, slots=True)
class RegisteredPhone:
    phone: str  # normalized, unmasked: for comparisons and the outbox only
    account_id: str | None


def registered_phone(session: Session, application_id: str) -> RegisteredPhone:
    """The phone a caller of `application_id` must prove; NotFound for an unknown id."""
    row = session.execute(
        select(
            applications.c.admin_phone,
            applications.c.account_id,
            accounts.c.admin_phone.label("account_phone"),
        )
        .select_from(applications)
        .outerjoin(accounts, accounts.c.id == applications.c.account_id)
        .where(applications.c.id == application_id)
    ).first()
    if row is None:
        raise not_found(application_id)
    if row.account_phone is not None:
        return RegisteredPhone(row.account_phone, row.account_id)
    return RegisteredPhone(row.admin_phone, None)


def send_to_registered_phone(
    session: Session, application_id: str, *, purpose: str, actor: str, now: datetime
) -> SentVerification:
    """A `verify_caller` or `reset_password` code to the application's registered phone;
    commits. A reset needs an account."""
    registered = registered_phone(session, application_id)
    if purpose == "reset_password" and registered.account_id is None:
        raise Conflict(NO_ACCOUNT_TO_RESET())
    return send_code(
        session,
        phone=registered.phone,
        purpose=purpose,
        actor=actor,
        now=now,
        application_id=application_id,
    )
