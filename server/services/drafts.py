"""Drafts (填写资料 and 提交审核): start an application from a verified phone, save its form,
change its admin's mobile, submit it. Each function is one transaction and commits.

Personal values sent back exactly as the API masked them mean "unchanged" (DESIGN §3). The
admin's mobile is always a verified number: it changes only through `change_admin_mobile`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain import (
    Action,
    Admin,
    Application,
    FieldChange,
    FieldInvalid,
    Form,
    SubmitBlocked,
    define_code,
    mask_phone,
    new_application_id,
    normalize_institution_code,
    normalize_mobile,
)

from ..outbox import enqueue
from ..storage import queries
from ..storage.writes import add_event, insert_application
from . import applicant_sessions
from . import verifications as verification_service
from ._draft_rows import (
    apply_masked_values,
    bump_revision,
    check_allowed,
    check_code_free,
    current_form,
    load_application,
    second_open,
    write_form,
)
from .applications import application_detail
from .confirmations import settle_confirmations
from .field_changes import form_changes

ADMIN_MOBILE_LOCKED = define_code("problem.admin_mobile_locked")
CREATED = define_code("event.created", "phone")
FORM_SAVED = define_code("event.form_saved", "fields")
ADMIN_MOBILE_CHANGED = define_code("event.admin_mobile_changed", "before", "after")
SUBMITTED = define_code("event.submitted")


def create_application(
    session: Session, verification_token: str, *, actor: str, now: datetime, today: date
) -> Application:
    """A `new` draft whose admin mobile is the verified phone; the token becomes the
    applicant's bearer for it."""
    application_id = new_application_id()
    while queries.application_exists(session, application_id):
        application_id = new_application_id()
    used = verification_service.use_token(
        session, verification_token, purpose="register", now=now, application_id=application_id
    )
    insert_application(
        session,
        application_id=application_id,
        kind="new",
        status="draft",
        form=Form(admin=Admin(mobile=used.phone)),
        admin_phone=used.phone,
        at=now,
        actor=actor,
    )
    applicant_sessions.open_session(
        session,
        token_hash=verification_service.token_hash(verification_token),
        application_id=application_id,
        phone=used.phone,
        now=now,
    )
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=actor,
        event=CREATED(phone=mask_phone(used.phone)),
    )
    session.commit()
    return application_detail(session, application_id, today=today)


def _normalized_code(form: Form) -> str:
    return normalize_institution_code(form.code) if form.code.strip() else ""


def _normalized_mobile(raw: str) -> str:
    """The normalized mobile, or `raw` as typed when it is no valid mobile (yet)."""
    try:
        return normalize_mobile(raw) if raw.strip() else raw
    except FieldInvalid:
        return raw


def save_form(
    session: Session,
    application_id: str,
    submitted: Form,
    *,
    expected_revision: int,
    actor: str,
    now: datetime,
    today: date,
) -> Application:
    """Saves the (possibly incomplete) form of a draft as a new form revision.

    A save that changes nothing writes nothing, so stamped forms do not go stale for it. A
    warning confirmed or withdrawn is recorded on the timeline as such (`confirmations`).
    """
    app = load_application(session, application_id, expected_revision)
    check_allowed(app, Action.SAVE_FORM)
    current = current_form(session, app)
    form = apply_masked_values(submitted, current)
    if not form.admin.mobile.strip():
        form.admin.mobile = current.admin.mobile  # a form without it keeps the verified one
    elif _normalized_mobile(form.admin.mobile) != current.admin.mobile:
        raise FieldInvalid("admin.mobile", ADMIN_MOBILE_LOCKED())
    form.admin.mobile = current.admin.mobile
    form.code = _normalized_code(form)
    # An incomplete draft may hold the number as typed; `problems` says what is wrong with it.
    form.legal_rep.mobile = _normalized_mobile(form.legal_rep.mobile)
    changes = form_changes(current, form)
    confirmations = settle_confirmations(current, form, today=today)
    if not changes and set(form.confirmed_warnings) == set(current.confirmed_warnings):
        return application_detail(session, application_id, today=today)
    if any(change.field == "code" for change in changes):
        check_code_free(session, app, form.code)
    try:
        write_form(session, app, form, actor=actor, now=now)
    except IntegrityError as error:  # a concurrent save took the code first
        session.rollback()
        raise second_open(form.code) from error
    if changes:
        add_event(
            session,
            application_id=application_id,
            at=now,
            actor=actor,
            event=FORM_SAVED(fields=[change.field for change in changes]),
            changes=changes,
        )
    for event in confirmations:
        add_event(session, application_id=application_id, at=now, actor=actor, event=event)
    session.commit()
    return application_detail(session, application_id, today=today)


def change_admin_mobile(
    session: Session,
    application_id: str,
    verification_token: str,
    *,
    expected_revision: int,
    actor: str,
    now: datetime,
    today: date,
) -> Application:
    """The admin's mobile becomes the phone verified for `change_admin`; the old number is
    told by SMS. The application's applicant tokens (the old number's) stop working, and the
    `change_admin` token becomes the applicant's bearer in their place."""
    app = load_application(session, application_id, expected_revision)
    check_allowed(app, Action.CHANGE_ADMIN_MOBILE)
    used = verification_service.use_token(
        session, verification_token, purpose="change_admin", now=now, application_id=app.id
    )
    form = current_form(session, app)
    old_phone = form.admin.mobile
    form.admin.mobile = used.phone
    write_form(session, app, form, actor=actor, now=now, admin_phone=used.phone)
    applicant_sessions.end_sessions(session, application_id)
    applicant_sessions.open_session(
        session,
        token_hash=verification_service.token_hash(verification_token),
        application_id=application_id,
        phone=used.phone,
        now=now,
    )
    add_event(
        session,
        application_id=application_id,
        at=now,
        actor=actor,
        event=ADMIN_MOBILE_CHANGED(before=mask_phone(old_phone), after=mask_phone(used.phone)),
        changes=[
            FieldChange(
                field="admin.mobile", before=mask_phone(old_phone), after=mask_phone(used.phone)
            )
        ],
    )
    if old_phone and old_phone != used.phone:
        enqueue(
            session,
            channel="sms",
            recipient=old_phone,
            subject="",
            body=(
                f"【HQMS】申请 {application_id} 的数据管理员手机号已更换为 "
                f"{mask_phone(used.phone)}。如非本人操作，请致电热线。"
            ),
            purpose="admin_changed",
            application_id=application_id,
            now=now,
        )
    session.commit()
    return application_detail(session, application_id, today=today)


def submit(
    session: Session,
    application_id: str,
    *,
    expected_revision: int,
    actor: str,
    now: datetime,
    today: date,
) -> Application:
    """draft → pending, when nothing blocks it (else 422 listing every problem)."""
    app = load_application(session, application_id, expected_revision, lock=True)
    check_allowed(app, Action.SUBMIT)
    detail = application_detail(session, application_id, today=today)
    blocking = [problem for problem in detail.problems if not problem.warning]
    if blocking:
        raise SubmitBlocked(problems=blocking)
    bump_revision(session, app, now=now, status="pending", submitted_at=now)
    add_event(session, application_id=application_id, at=now, actor=actor, event=SUBMITTED())
    session.commit()
    return application_detail(session, application_id, today=today)
