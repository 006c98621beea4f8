"""The hotline call record of `CentralAPI`: calls, presence, the reviewer's change preview and
the operator's unlock (issue 5).

A call starts when the operator looks the calling number up and ends with a wrap-up reason;
while it is open the core's `call_id` is set, so every request says which call it belongs to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import domain  # its models load at first use: bodies below say `domain.Call`

from ._wire import application_path, new_idempotency_key, path_segment

if TYPE_CHECKING:
    from domain import Call, ChangePreview, Presence, WrapUp

    from ._api import ApiCore
else:
    # At run time the endpoint groups are mixed into `CentralAPI` next to the real core.
    ApiCore = object


def _call_path(call_id: str) -> str:
    return f"/v1/calls/{path_segment(call_id)}"


class CallEndpoints(ApiCore):
    """通话记录: start, attach, end a call; who else is on an application; unlock."""

    async def start_call(self, phone: str, application_id: str | None = None) -> Call:
        """A new call for the number that rang (as typed; may be empty)."""
        body = await self._post("/v1/calls", {"phone": phone, "application_id": application_id})
        return domain.Call.model_validate(body)

    async def get_call(self, call_id: str) -> Call:
        return domain.Call.model_validate(await self._request("GET", _call_path(call_id)))

    async def attach_call(self, call_id: str, application_id: str) -> Call:
        """The call is now about this application (the one the caller's number found)."""
        body = await self._post(
            f"{_call_path(call_id)}/application", {"application_id": application_id}
        )
        return domain.Call.model_validate(body)

    async def end_call(self, call_id: str, wrap_up: WrapUp, note: str = "") -> Call:
        """话后小结: why the call ended; the call is closed for good."""
        body = await self._post(
            f"{_call_path(call_id)}/end", {"wrap_up": str(wrap_up), "note": note}
        )
        return domain.Call.model_validate(body)

    async def presence(self, application_id: str) -> Presence:
        """Heartbeat: this operator has the application open; who else has."""
        body = await self._request("PUT", f"{application_path(application_id)}/presence")
        return domain.Presence.model_validate(body)

    async def leave(self, application_id: str) -> None:
        """This operator closed the application (the heartbeat would expire anyway)."""
        await self._send("DELETE", f"{application_path(application_id)}/presence")

    async def unlock(self, password: str) -> None:
        """The operator's password again after the idle lock; `UnauthorizedError` when wrong."""
        await self._send(
            "POST",
            "/v1/auth/unlock",
            json={"password": password},
            idempotency_key=new_idempotency_key(),
        )

    async def change_preview(self, application_id: str) -> ChangePreview:
        """What approving this change application would do to its account."""
        body = await self._request("GET", f"{application_path(application_id)}/change-preview")
        return domain.ChangePreview.model_validate(body)
