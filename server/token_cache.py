"""Validated operator tokens kept in memory, so an authenticated request costs no extra query.

Entries are re-checked against the database after `Settings.token_cache_seconds`: a token
revoked by another process, or an operator deactivated, stops working within that time. A
logout in this process evicts at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from domain import Operator

# Beyond this many entries the cache starts over rather than growing without bound; every
# token still works, at the price of one query each to come back.
MAX_ENTRIES = 10_000


@dataclass(slots=True)
class CachedToken:
    operator: Operator
    expires_at: datetime  # absolute expiry
    last_used_at: datetime  # the latest use seen by this process
    stored_last_used_at: datetime  # the latest use written to the database
    checked_at: float  # time.monotonic() of the last database check


class TokenCache:
    def __init__(self) -> None:
        self._entries: dict[str, CachedToken] = {}

    def fresh(self, hashed: str, max_age: float) -> CachedToken | None:
        entry = self._entries.get(hashed)
        if entry is None or time.monotonic() - entry.checked_at > max_age:
            return None
        return entry

    def put(
        self,
        hashed: str,
        operator: Operator,
        *,
        expires_at: datetime,
        stored_last_used_at: datetime,
    ) -> CachedToken:
        """Remember a token just read from the database."""
        last_used_at = stored_last_used_at
        previous = self._entries.get(hashed)
        if previous is not None and previous.last_used_at > last_used_at:
            last_used_at = previous.last_used_at  # a use not yet written to the database
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()
        entry = CachedToken(
            operator, expires_at, last_used_at, stored_last_used_at, time.monotonic()
        )
        self._entries[hashed] = entry
        return entry

    def evict(self, hashed: str) -> None:
        self._entries.pop(hashed, None)
