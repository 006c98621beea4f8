"""The state changes of `CentralAPI`: submit and amend (kiosk), approve and reject (review).

Each is a POST on the application with `If-Match` (the revision last seen, or the one given)
and a fresh `Idempotency-Key`, so a retried request cannot move the application twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain import Application

    from ._api import ApiCore
else:
    # At run time the endpoint groups are mixed into `CentralAPI` next to the real core.
    ApiCore = object


class TransitionEndpoints(ApiCore):
    """提交审核, 修改, 审核通过, 退回 (DESIGN §2's state machine)."""

    async def submit(self, application_id: str, *, revision: int | None = None) -> Application:
        """提交审核; `SubmitBlockedError.errors` lists what still blocks it."""
        return await self._change(application_id, "submit", {}, revision)

    async def amend(
        self, application_id: str, reason: str, *, revision: int | None = None
    ) -> Application:
        """修改: back to draft — or, on an approved application, the new change application."""
        return await self._change(application_id, "amend", {"reason": reason}, revision)

    async def approve(self, application_id: str, *, revision: int | None = None) -> Application:
        return await self._change(application_id, "approve", {}, revision)

    async def reject(
        self, application_id: str, reason: str, *, revision: int | None = None
    ) -> Application:
        return await self._change(application_id, "reject", {"reason": reason}, revision)
