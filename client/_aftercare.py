"""After registration, in `CentralAPI`: caller checks, reveals, notes, password resets,
resent notices (issue 5) and 找回密码 by email (issue 14).

Requests made during a hotline call say so with the `X-HQMS-Call` header, so the audit events
they write name the call. While the core's `call_id` is set every request carries it; the
methods here also take the call explicitly (`call_id=`), which wins for that request — `reveal`
requires it, because the server refuses a reveal outside a call.

A caller is verified with a code sent to the application's REGISTERED phone: the operator never
types the number (the caller could claim anyone's). `start_caller_verification` asks for such a
code by application; the answer says where it went, masked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import domain  # its models load at first use: bodies below say `domain.Call`

from ._wire import application_path, json_body, new_idempotency_key, path_segment

if TYPE_CHECKING:
    from domain import Call, Delivery, Event, RevealedValue

    from ._api import ApiCore
    from ._models import PasswordRecoveryAccepted, VerificationStarted
else:
    # At run time the endpoint groups are mixed into `CentralAPI` next to the real core.
    ApiCore = object

CALL_HEADER = "X-HQMS-Call"
CallerPurpose = Literal["verify_caller", "reset_password"]
NoticeKind = Literal["approval", "rejection"]


def call_header(call_id: str | None) -> dict[str, str]:
    """The header naming the call a request belongs to (none when there is no call)."""
    return {CALL_HEADER: call_id} if call_id else {}


class AftercareEndpoints(ApiCore):
    """核实身份, 查看完整信息, 通话备注, 重置密码, 重发通知, 找回密码."""

    async def _post_in_call(self, path: str, body: dict[str, Any], call_id: str | None) -> Any:
        """A mutating POST under a call: one fresh `Idempotency-Key`, the call's header."""
        response = await self._send(
            "POST",
            path,
            json=body,
            headers=call_header(call_id),
            idempotency_key=new_idempotency_key(),
        )
        return json_body(response)

    async def start_caller_verification(
        self, application_id: str, purpose: CallerPurpose = "verify_caller"
    ) -> VerificationStarted:
        """Send a code to the application's registered phone; `phone` in the answer is masked."""
        from ._models import VerificationStarted

        body = await self._post(
            "/v1/verifications",
            {"purpose": purpose, "application_id": application_id.strip()},
        )
        return VerificationStarted.model_validate(body)

    async def check_caller(
        self,
        call_id: str,
        *,
        verification_token: str | None = None,
        waived_reason: str | None = None,
    ) -> Call:
        """Record how the caller was identified: a confirmed `verify_caller` token, or why not."""
        if (verification_token is None) == (waived_reason is None):
            raise ValueError("give exactly one of verification_token and waived_reason")
        body = (
            {"verification_token": verification_token}
            if verification_token is not None
            else {"waived_reason": waived_reason}
        )
        path = f"/v1/calls/{path_segment(call_id)}/caller-check"
        return domain.Call.model_validate(await self._post_in_call(path, body, call_id))

    async def reveal(
        self, application_id: str, field: str, reason: str, *, call_id: str
    ) -> RevealedValue:
        """One personal value in full (`admin.mobile`, …), with the reason; audited."""
        path = f"{application_path(application_id)}/reveal"
        body = await self._post_in_call(path, {"field": field, "reason": reason}, call_id)
        return domain.RevealedValue.model_validate(body)

    async def add_note(
        self, application_id: str, text: str, *, call_id: str | None = None
    ) -> Event:
        """A call note on the application's timeline (mobile numbers in it are stored masked)."""
        path = f"{application_path(application_id)}/notes"
        return domain.Event.model_validate(await self._post_in_call(path, {"text": text}, call_id))

    async def password_reset_status(self, account_id: str) -> Delivery:
        """What a reset would do now: where the password goes (masked) and the limit left."""
        path = f"/v1/accounts/{path_segment(account_id)}/password-reset"
        return domain.Delivery.model_validate(await self._request("GET", path))

    async def reset_password(
        self, account_id: str, verification_token: str, *, call_id: str | None = None
    ) -> Delivery:
        """A new temporary password to the administrator by email, an SMS saying so; the answer
        never carries the password."""
        path = f"/v1/accounts/{path_segment(account_id)}/password-reset"
        body = {"verification_token": verification_token}
        return domain.Delivery.model_validate(await self._post_in_call(path, body, call_id))

    async def resend_notice(
        self, application_id: str, kind: NoticeKind, *, call_id: str | None = None
    ) -> Delivery:
        """The approval notice (without any password) or the rejection notice, again."""
        path = f"{application_path(application_id)}/notices/resend"
        return domain.Delivery.model_validate(
            await self._post_in_call(path, {"kind": kind}, call_id)
        )

    async def resend_password_recovery(
        self, account_id: str, *, call_id: str | None = None
    ) -> Delivery:
        """A fresh 找回密码 link to the account's administrator by email (the older one stops
        working): where it went (masked), when the next resend is allowed, how many are left."""
        path = f"/v1/accounts/{path_segment(account_id)}/password-recovery"
        return domain.Delivery.model_validate(await self._post_in_call(path, {}, call_id))

    async def request_password_recovery(self, login: str) -> PasswordRecoveryAccepted:
        """The login page's 找回密码 (login name or mobile): the same answer for every login."""
        from ._models import PasswordRecoveryAccepted

        body = await self._post("/v1/accounts/password-recovery", {"login": login})
        return PasswordRecoveryAccepted.model_validate(body)

    async def recover_password(self, token: str, new_password: str) -> None:
        """The emailed link's page: sets the new password (the link works once)."""
        path = f"/v1/accounts/password-recovery/{path_segment(token)}"
        body = {"new_password": new_password}
        await self._send("POST", path, json=body, idempotency_key=new_idempotency_key())
