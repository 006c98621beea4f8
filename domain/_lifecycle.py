"""The application lifecycle (DESIGN §2) as one explicit transition table.

    draft ──submit──► pending ──approve──► approved ──amend──► (new change application, draft)
      ▲                  │ reject
      │                  ▼
      └────amend──── rejected            pending ──amend──► draft

`_TRANSITIONS` is the only place that says what a state allows: `actions_for` and
`next_status` both read it, so the API's `actions` list and the server's checks cannot drift
apart. Actions that do not change the state (saving the form, uploads, sending documents,
password resets) map a state to itself.

`amend` on an approved application leaves that application approved and opens a new `change`
application in draft (`opens_change_application`); at most one change is open per account.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from ._contact import normalize_email, normalize_mobile
from ._errors import FieldInvalid, TransitionNotAllowed
from ._messages import Code, Message, define_code
from ._models import Action, Admin, Kind, Status

_D, _P, _A, _R = Status.DRAFT, Status.PENDING, Status.APPROVED, Status.REJECTED

_TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (_D, Action.SAVE_FORM): _D,
    (_D, Action.CHANGE_ADMIN_MOBILE): _D,
    (_D, Action.UPLOAD): _D,
    (_D, Action.DELETE_FILE): _D,
    (_D, Action.SUBMIT): _P,
    (_D, Action.SEND_DOCUMENTS): _D,
    (_P, Action.AMEND): _D,
    (_P, Action.APPROVE): _A,
    (_P, Action.REJECT): _R,
    (_P, Action.SEND_DOCUMENTS): _P,
    (_R, Action.AMEND): _D,
    (_R, Action.SEND_DOCUMENTS): _R,
    (_R, Action.RESEND_NOTICE): _R,
    (_A, Action.AMEND): _A,  # the change application it opens starts in draft
    (_A, Action.RESET_PASSWORD): _A,
    (_A, Action.SEND_DOCUMENTS): _A,
    (_A, Action.RESEND_NOTICE): _A,
}

_EDITS = (Action.SAVE_FORM, Action.CHANGE_ADMIN_MOBILE, Action.UPLOAD, Action.DELETE_FILE)
_REVIEWS = (Action.APPROVE, Action.REJECT)

# Why an action is refused, per state, in the words the operator passes on to the caller.
_EDIT_PENDING = define_code("problem.edit_while_pending")
_EDIT_REJECTED = define_code("problem.edit_while_rejected")
_EDIT_APPROVED = define_code("problem.edit_while_approved")
_REVIEW_DRAFT = define_code("problem.review_draft")
_REVIEW_APPROVED = define_code("problem.review_approved")
_REVIEW_REJECTED = define_code("problem.review_rejected")
_REFUSALS: dict[tuple[Status, Action], Code] = {
    **{(_P, a): _EDIT_PENDING for a in _EDITS},
    **{(_R, a): _EDIT_REJECTED for a in _EDITS},
    **{(_A, a): _EDIT_APPROVED for a in _EDITS},
    **{(_D, a): _REVIEW_DRAFT for a in _REVIEWS},
    **{(_A, a): _REVIEW_APPROVED for a in _REVIEWS},
    **{(_R, a): _REVIEW_REJECTED for a in _REVIEWS},
    (_D, Action.AMEND): define_code("problem.amend_draft"),
    (_P, Action.SUBMIT): define_code("problem.submit_pending"),
    (_R, Action.SUBMIT): define_code("problem.submit_rejected"),
    (_A, Action.SUBMIT): define_code("problem.submit_approved"),
}
_OPEN_CHANGE_REFUSAL = define_code("problem.change_already_open")
_NO_ACCOUNT_REFUSAL = define_code("problem.reset_without_account", "status")
_NOT_ALLOWED = define_code("problem.action_not_allowed", "status", "action")


def actions_for(status: Status, kind: Kind, *, has_open_change: bool = False) -> list[Action]:
    """What the state allows, in the order of `Action`.

    `kind` does not change the table today (a change application follows the same lifecycle);
    it is part of the signature so callers need not change when it does.
    """
    return [
        action
        for action in Action
        if (status, action) in _TRANSITIONS
        and not (opens_change_application(status, action) and has_open_change)
    ]


def next_status(status: Status, action: Action, *, has_open_change: bool = False) -> Status:
    """The application's status after `action`; raises `TransitionNotAllowed` with a reason."""
    if opens_change_application(status, action) and has_open_change:
        raise TransitionNotAllowed(_OPEN_CHANGE_REFUSAL())
    try:
        return _TRANSITIONS[(status, action)]
    except KeyError:
        raise TransitionNotAllowed(refusal(status, action)) from None


def opens_change_application(status: Status, action: Action) -> bool:
    """True when the action creates a new `change` application (amend on an approved one)."""
    return status is Status.APPROVED and action is Action.AMEND


def refusal(status: Status, action: Action) -> Message:
    """Why `action` is not allowed in `status`."""
    if action is Action.RESET_PASSWORD:
        return _NO_ACCOUNT_REFUSAL(status=status.value)
    code = _REFUSALS.get((status, action))
    return code() if code else _NOT_ALLOWED(status=status.value, action=action.value)


ADMIN_FIELDS = ("admin.name", "admin.mobile", "admin.email")
"""The data administrator's information (数据管理员信息): a change of any of them resets the
account when a change application is approved (seed step 6)."""


def administrator_changes(before: Admin, after: Admin) -> list[str]:
    """The fields of `ADMIN_FIELDS` that differ between the account's administrator and the
    one an approved change brings, compared as the validators normalize them (`+86 138…` is
    `138…`, the email's domain in any case), so that only a real change resets the account."""
    same = (
        before.name.strip() == after.name.strip(),
        _normalized(normalize_mobile, before.mobile) == _normalized(normalize_mobile, after.mobile),
        _normalized(normalize_email, before.email) == _normalized(normalize_email, after.email),
    )
    return [field for field, unchanged in zip(ADMIN_FIELDS, same, strict=True) if not unchanged]


def _normalized(normalize: Callable[[str], str], value: str) -> str:
    """`value` normalized, or as it is (stripped) when the validator refuses it."""
    try:
        return normalize(value)
    except FieldInvalid:
        return value.strip()


# Read aloud over the phone: no 0/O, 1/I/L.
ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_ID_GROUP = 4


def new_application_id() -> str:
    """A random id such as `HQ7K-M2XP` (about 40 bits), easy to read aloud."""
    chars = [secrets.choice(ID_ALPHABET) for _ in range(2 * _ID_GROUP)]
    return "".join(chars[:_ID_GROUP]) + "-" + "".join(chars[_ID_GROUP:])


def is_application_id(value: str) -> bool:
    """True for the exact form `new_application_id` produces (upper case, one hyphen)."""
    head, sep, tail = value.partition("-")
    return (
        sep == "-"
        and len(head) == len(tail) == _ID_GROUP
        and all(char in ID_ALPHABET for char in head + tail)
    )
