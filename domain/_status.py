"""The status line an operator reads aloud ("待审核，已提交 3 天"), as a value.

`status_summary` says where an application stands — state, days since submission, what still
blocks submit, the reviewer's reason, the login name — without a sentence; `status_message`
turns it into message codes and `describe_status` into a sentence in one language. The kiosk,
`hqms-desk status` and the API all use these, so the line reads the same everywhere.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from ._form_rules import submit_problems
from ._messages import Message, define_code, render
from ._models import Application, Kind, Status

SHOWN_FIELDS = 4
"""At most this many missing fields are named; the rest are counted."""

_DRAFT_READY = define_code("status.draft_ready")
_DRAFT_MISSING = define_code("status.draft_missing", "count", "fields")
_DRAFT_MISSING_MORE = define_code("status.draft_missing_more", "count", "fields")
_PENDING_TODAY = define_code("status.pending_today")
_PENDING_DAYS = define_code("status.pending_days", "days")
_REJECTED = define_code("status.rejected", "reason")
_REJECTED_NO_REASON = define_code("status.rejected_no_reason")
_APPROVED = define_code("status.approved", "login")
_APPROVED_NO_LOGIN = define_code("status.approved_no_login")
_CHANGE = define_code("status.change", "state")
"""A change application's line: 变更资料：{state}, the state rendered in the same language."""


class StatusSummary(BaseModel):
    """Where an application stands, as data (`describe_status` makes the sentence)."""

    kind: Kind
    status: Status
    missing: list[str] = Field(
        default_factory=list,
        description="draft: what blocks submit, by form part (`admin`, `files.license`…)",
    )
    days_pending: int | None = Field(default=None, description="pending: days since submit")
    reason: str = Field(default="", description="rejected: the reviewer's reason, as typed")
    login_name: str = Field(default="", description="approved: the account's login name")


def status_summary(app: Application, *, now: datetime) -> StatusSummary:
    summary = StatusSummary(kind=app.kind, status=app.status)
    if app.status is Status.DRAFT:
        problems = submit_problems(app.form, app.files, today=now.date())
        summary.missing = list(dict.fromkeys(_form_part(p.field) for p in problems))
    elif app.status is Status.PENDING:
        summary.days_pending = max(0, _days_between(app.submitted_at or app.updated_at, now))
    elif app.status is Status.REJECTED:
        summary.reason = app.review.reason.strip() if app.review else ""
    elif app.account is not None:
        summary.login_name = app.account.login_name
    return summary


def status_message(summary: StatusSummary) -> Message:
    """The state's message (without the change-application prefix, see `describe_status`)."""
    if summary.status is Status.DRAFT:
        if not summary.missing:
            return _DRAFT_READY()
        shown = summary.missing[:SHOWN_FIELDS]
        code = _DRAFT_MISSING_MORE if len(summary.missing) > SHOWN_FIELDS else _DRAFT_MISSING
        return code(count=len(summary.missing), fields=shown)
    if summary.status is Status.PENDING:
        days = summary.days_pending or 0
        return _PENDING_DAYS(days=days) if days > 0 else _PENDING_TODAY()
    if summary.status is Status.REJECTED:
        return _REJECTED(reason=summary.reason) if summary.reason else _REJECTED_NO_REASON()
    return _APPROVED(login=summary.login_name) if summary.login_name else _APPROVED_NO_LOGIN()


def describe_status(summary: StatusSummary, language: str) -> str:
    """The line to read aloud, in `language`."""
    state = render("status", status_message(summary), language) or summary.status.value
    if summary.kind is Kind.CHANGE:
        return render("status", _CHANGE(state=state), language) or state
    return state


def _form_part(field: str) -> str:
    """The part of the form a problem belongs to, as the status line names it."""
    head = field.split(".", 1)[0]
    return field if head in ("files", "name", "opened_on", "code", "subjects") else head


def _days_between(earlier: datetime, now: datetime) -> int:
    """Calendar days, counted in the time zone of `now` when both carry one."""
    if earlier.tzinfo is not None and now.tzinfo is not None:
        earlier = earlier.astimezone(now.tzinfo)
    start: date = earlier.date()
    return (now.date() - start).days
