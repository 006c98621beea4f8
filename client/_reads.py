"""The read-only endpoints of `CentralAPI`: lookup, detail, timeline and reference data.

Every one is a GET, so the core may repeat it after a refused connection or a 503.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import domain  # its models load at first use: bodies below say `domain.Health`

from ._wire import application_path, path_segment, revision_from_etag

if TYPE_CHECKING:
    from domain import (
        Application,
        ApplicationPage,
        CodeCheck,
        EventPage,
        Health,
        RegionTree,
        Status,
    )

    from ._api import ApiCore
    from ._models import Notification
else:
    # At run time the endpoint groups are mixed into `CentralAPI` next to the real core.
    ApiCore = object


class ReadEndpoints(ApiCore):
    """Lookup (查询), the application's detail and timeline, codes and regions."""

    async def health(self) -> Health:
        return domain.Health.model_validate(await self._request("GET", "/v1/health"))

    async def search_applications(
        self,
        *,
        phone: str | None = None,
        code: str | None = None,
        q: str | None = None,
        status: Status | str | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> ApplicationPage:
        params = {
            "phone": phone,
            "code": code,
            "q": q,
            "status": str(status) if status is not None else None,
            "cursor": cursor,
            "limit": str(limit) if limit is not None else None,
        }
        query = {key: value for key, value in params.items() if value is not None}
        body = await self._request("GET", "/v1/applications", params=query)
        return domain.ApplicationPage.model_validate(body)

    async def get_application(self, application_id: str) -> Application:
        response = await self._send("GET", application_path(application_id))
        application = self._application(response)
        self.revision = revision_from_etag(response.headers.get("ETag"), application.revision)
        return application

    async def get_events(self, application_id: str) -> EventPage:
        path = f"/v1/applications/{path_segment(application_id)}/events"
        return domain.EventPage.model_validate(await self._request("GET", path))

    async def notifications(self, application_id: str) -> list[Notification]:
        """The application's outbox messages: masked recipient and delivery state."""
        from ._models import NotificationPage

        body = await self._request("GET", f"{application_path(application_id)}/notifications")
        return NotificationPage.model_validate(body).items

    async def check_code(self, code: str) -> CodeCheck:
        """The decoding of a code, and whether its institution is in the existing-HQMS registry
        (`in_hqms`, `hqms_name`, `hqms_code`: then it needs no application)."""
        return domain.CodeCheck.model_validate(
            await self._request("GET", f"/v1/codes/{path_segment(code)}")
        )

    async def regions(self) -> RegionTree:
        return domain.RegionTree.model_validate(await self._request("GET", "/v1/regions"))
