"""What approving a `change` application (变更资料) will do to its account, before a reviewer
decides (`GET …/change-preview`), and the same before → after on the `approved` event after.

The account's current data is its latest approved form with the account's administrator
mobile; the change brings its own form with its verified administrator mobile. A different
administrator name, mobile or email (数据管理员信息, seed step 6) means approval resets the
account's password, ends its sessions and sends the new initial password to the administrator
as changed, by email and SMS (`changes.approve_change`); `admin_fields` names what triggers it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from domain import (
    AccountRef,
    ChangePreview,
    FieldChange,
    Kind,
    administrator_changes,
    define_code,
    mask_email,
    mask_phone,
)

from .._problems import ApiProblem
from ..storage import queries
from ..storage.queries import AnyRow
from . import accounts
from ._review_rows import current_form
from .applications import not_found
from .changes import account_admin, latest_approved_form
from .field_changes import form_changes

NOT_A_CHANGE = define_code("problem.not_a_change")


def not_a_change() -> ApiProblem:
    return ApiProblem(409, "not_a_change", NOT_A_CHANGE())


def account_changes(session: Session, row: AnyRow) -> list[FieldChange]:
    """The change application `row`'s fields that differ from its account's current data,
    before → after, masked. Call it before the approval overwrites the account."""
    before = latest_approved_form(session, row)
    before.admin.mobile = accounts.admin_phone_of(session, row.account_id)
    after = current_form(session, row)
    after.admin.mobile = row.admin_phone  # the verified number is the login id
    return form_changes(before, after)


def change_preview(session: Session, application_id: str) -> ChangePreview:
    """Raises NotFound, or 409 `not_a_change` for an application that is no change of an
    account."""
    row = queries.application_row(session, application_id)
    if row is None:
        raise not_found(application_id)
    if Kind(row.kind) is not Kind.CHANGE or row.account_id is None:
        raise not_a_change()
    form = current_form(session, row)
    form.admin.mobile = row.admin_phone  # the verified number is the login id
    admin_fields = administrator_changes(account_admin(session, row.account_id), form.admin)
    admin_changed = bool(admin_fields)
    return ChangePreview(
        application_id=row.id,
        account=AccountRef(id=row.account_id, login_name=row.login_name),
        changes=account_changes(session, row),
        admin_changed=admin_changed,
        admin_fields=admin_fields,
        # The account email (with the new password, or saying the data changed) goes to the
        # change's administrator; an SMS only when the account is reset, announcing the new
        # password's email.
        notify_email=mask_email(form.admin.email) if form.admin.email else "",
        notify_phone=mask_phone(row.admin_phone) if admin_changed else "",
    )
