"""Answers of the registration endpoints that the domain's wire models do not describe.

These shapes matter to this client only (a verification's timing, the result of an institution's
sign-in, the delivery state of a notification), so they live here rather than in `domain`.
Like the domain's models they ignore fields they do not know, so the server may add more.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from domain import ParamValue

CODE_LIFETIME = timedelta(minutes=5)
"""How long an SMS code is valid (DESIGN §5)."""


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class VerificationStarted(_Answer):
    """`POST /v1/verifications` → 201: the SMS is on its way; the code is never in here."""

    id: str
    expires_at: datetime
    resend_after: datetime
    """When the same phone may ask for another code for the same purpose."""
    phone: str = ""
    """Where the code went, masked (`138****8000`): the registered phone of an application
    when the code was asked for by application, so the operator can tell the caller."""

    @field_validator("resend_after", mode="before")
    @classmethod
    def _seconds_to_moment(cls, value: Any) -> Any:
        # The contract names the field without fixing its unit; a number means seconds from now.
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.now(UTC) + timedelta(seconds=float(value))
        return value

    def seconds_until_resend(self) -> int:
        """Whole seconds the operator has to wait before asking for another code (≥ 0).

        Counted on the server's own timeline: a code lives `CODE_LIFETIME` (DESIGN §5), so the
        moment it was sent is `expires_at - CODE_LIFETIME`. The kiosk's clock may differ from the
        server's (another machine, a fixed test clock); the difference of two server times does
        not.
        """
        sent_at = self.expires_at - CODE_LIFETIME
        return max(0, math.ceil((self.resend_after - sent_at).total_seconds()))


class AccountLogin(_Answer):
    """`POST /v1/accounts/login` → 200: the institution's credentials are right."""

    account_id: str
    must_change_password: bool = False

    @field_validator("account_id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class PasswordRecoveryAccepted(_Answer):
    """`POST /v1/accounts/password-recovery` → 202, alike for every login (known or not)."""

    valid_minutes: int
    resend_after: datetime


class Notification(_Answer):
    """One outbox message of an application: where it goes (masked) and how delivery went."""

    id: str
    channel: str
    """`email` or `sms`."""
    recipient: str
    """Masked (`138****8000`, `z***@example.com`)."""
    purpose: str
    status: str
    """`pending`, `sent` or `failed`."""
    attempts: int = 0
    created_at: datetime | None = None
    delivered_at: datetime | None = None
    next_attempt_at: datetime | None = None
    error_code: str = ""
    """Why the last attempt failed: a code of the `delivery` catalogue namespace, or ""."""
    error_params: dict[str, ParamValue] = Field(default_factory=dict)
    last_error: str = ""
    """That reason as the server worded it, in the language the client asked for."""

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class NotificationPage(_Answer):
    items: list[Notification]
