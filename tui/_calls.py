"""`CallKeeper`: the hotline call the operator is in, kept by the app for every screen.

A call starts when the operator looks a calling number up, follows the operator to the
application the number found, carries how the caller was identified (`Call.caller_check`) and
ends with a wrap-up reason (话后小结). While it is open the client sends its id with every request
(`CentralAPI.call_id`), so the audit trail says under which call each change happened.

Recording a call must never stand in the way of the call itself: when the server cannot start
or attach one, the keeper says so (`trouble`) and the operator goes on helping the caller; the
actions that need a call (reveal, the caller check) say then what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from client import ApiError, UnauthorizedError

from ._i18n import tr
from ._text import failure_sentence

if TYPE_CHECKING:
    from client import CentralAPI
    from domain import Call, WrapUp


class CallKeeper:
    """The open call (`current`), or none between calls."""

    def __init__(self) -> None:
        self.current: Call | None = None
        self.numbers: list[str] = []
        """The numbers looked up in the open call, normalized: the one that rang first, then
        any other the same caller gave (`Call.phone` is the first, masked)."""
        self.trouble = ""
        """Why the last attempt to record the call failed; empty when all is well."""
        self.watchers: list[Callable[[], None]] = []
        """Called after every change (the call bars redraw)."""

    @property
    def checked(self) -> bool:
        """Whether the caller of the open call was identified (or the reason recorded)."""
        return self.current is not None and self.current.caller_check is not None

    @property
    def open(self) -> bool:
        return self.current is not None

    def is_other_number(self, phone: str) -> bool:
        """Whether looking `phone` up may mean a new caller: a call is open and has numbers,
        and this is not one of them. (A call opened from the review queue has none yet.)"""
        return self.current is not None and bool(self.numbers) and phone not in self.numbers

    def looked_up(self, phone: str) -> None:
        """`phone` was looked up in the open call: one of the caller's numbers from now on."""
        if self.current is not None and phone not in self.numbers:
            self.numbers.append(phone)

    def record(self, call: Call, api: CentralAPI | None = None) -> None:
        """The call as the server now has it (after a caller check, say)."""
        self.current = call
        self.trouble = ""
        if api is not None:
            api.call_id = call.id
        self._changed()

    async def begin(
        self, api: CentralAPI, phone: str, application_id: str | None = None
    ) -> Call | None:
        """A new call for the number that rang; the previous one must have been ended."""
        try:
            call = await api.start_call(phone, application_id)
        except ApiError as error:
            if isinstance(error, UnauthorizedError):
                raise
            self._failed(error)
            return None
        self.numbers = [phone] if phone else []
        self.record(call, api)
        return call

    async def attach(self, api: CentralAPI, application_id: str) -> Call | None:
        """The call is now about `application_id`; without an open call, one starts (the
        operator opened the application from the review queue, say)."""
        call = self.current
        if call is not None and call.application_id == application_id:
            return call
        try:
            if call is None:
                call = await api.start_call("", application_id)
            else:
                call = await api.attach_call(call.id, application_id)
        except ApiError as error:
            if isinstance(error, UnauthorizedError):
                raise
            self._failed(error)
            return None
        self.record(call, api)
        return call

    async def end(self, api: CentralAPI, wrap_up: WrapUp, note: str = "") -> Call:
        """话后小结 and close; raises `ApiError` with the server's sentence when refused."""
        call = self.current
        if call is None:
            raise RuntimeError("no call is open")
        ended = await api.end_call(call.id, wrap_up, note)
        self.forget(api)
        return ended

    def keep_only_for(self, operator: str, api: CentralAPI) -> None:
        """Someone signed in: the open call goes on only if it is theirs (their session had
        ended during the call); another operator's call is not shown nor sent."""
        if self.current is not None and self.current.operator != operator:
            self.forget(api)

    def forget(self, api: CentralAPI | None = None) -> None:
        """No call any more (ended, or the operator signed out)."""
        self.current = None
        self.numbers = []
        self.trouble = ""
        if api is not None:
            api.call_id = None
        self._changed()

    def _failed(self, error: ApiError) -> None:
        self.trouble = tr("通话记录未能保存：{reason}", reason=failure_sentence(error))
        self._changed()

    def _changed(self) -> None:
        for watcher in list(self.watchers):
            watcher()
