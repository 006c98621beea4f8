"""The wire contract of the after-registration calls (amendments, resets, the call record).

A hotline call is a record of its own (`Call`): who took it, the number that rang, the
application it was about, whether the caller proved the registered phone (`CallerCheck`) and
how it ended (`WrapUp`). Actions that change an account or reveal personal data refer to the
call, so the audit trail says under which call, and with which proof, they happened.

Personal values in these models leave the API masked, like everywhere else (DESIGN §3);
`RevealedValue` is the one exception, the answer of `reveal`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from ._models import AccountRef, FieldChange, _Wire


class CallerCheckMethod(StrEnum):
    SMS = "sms"  # the caller read back a verify_caller code sent to the registered phone
    WAIVED = "waived"  # not verified; the operator recorded why


class CallerCheck(_Wire):
    """How the caller of a call was identified, or why they were not."""

    method: CallerCheckMethod
    at: datetime
    reason: str = Field(default="", description="why the caller was not verified (waived)")
    phone: str = Field(default="", description="registered phone the code went to, masked")


class WrapUp(StrEnum):
    """Why a call ended (话后小结)."""

    RESOLVED = "resolved"  # 问题已解决
    GUIDED = "guided"  # 已指导操作，等待对方办理
    CALLBACK = "callback"  # 需要回电
    ESCALATED = "escalated"  # 转审核或上级处理
    INFO_ONLY = "info_only"  # 仅咨询
    DROPPED = "dropped"  # 通话中断


class Call(_Wire):
    """One hotline call, from the lookup of the calling number to its wrap-up."""

    id: str
    operator: str
    phone: str = Field(default="", description="the number that rang, masked")
    application_id: str | None = None
    started_at: datetime
    ended_at: datetime | None = None
    caller_check: CallerCheck | None = None
    wrap_up: WrapUp | None = None
    wrap_up_note: str = ""


class RevealedValue(_Wire):
    """`POST …/reveal`: one personal value in full, for the operator who asked (audited)."""

    field: str
    value: str


class Viewer(_Wire):
    """Another operator who has the same application open right now."""

    operator: str
    display_name: str = ""
    since: datetime


class Presence(_Wire):
    """`PUT …/presence`: the other operators on this application (the caller not included)."""

    others: list[Viewer] = Field(default_factory=list)


class Delivery(_Wire):
    """Where a resent message went (masked) and when the next resend is allowed."""

    email: str = ""
    phone: str = ""
    resend_after: datetime
    remaining_today: int = Field(description="resends still allowed today")


class ChangePreview(_Wire):
    """What approving a `change` application will do to its account (for the reviewer)."""

    application_id: str
    account: AccountRef
    changes: list[FieldChange] = Field(default_factory=list)
    admin_changed: bool = False
    admin_fields: list[str] = Field(
        default_factory=list,
        description="the administrator's fields that change (admin.name, admin.mobile, "
        "admin.email): any of them resets the account's password (admin_changed)",
    )
    notify_email: str = Field(default="", description="who receives the account email, masked")
    notify_phone: str = Field(default="", description="who receives the SMS, masked")
