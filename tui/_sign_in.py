"""`PendingSignIn`: a sign-in that runs while the lookup screen already takes the caller's number.

Why: with saved credentials the kiosk used to show the lookup screen only after the sign-in's
round trip (argon2 on the server, and loading httpx and the wire models here). The operator can
type meanwhile; only the search itself has to wait for the token.
"""

from __future__ import annotations

import asyncio


class PendingSignIn:
    """Settled once by the app with the outcome; searches `wait` for it."""

    def __init__(self) -> None:
        self._settled = asyncio.Event()
        self._signed_in = False

    @property
    def pending(self) -> bool:
        return not self._settled.is_set()

    def settle(self, *, signed_in: bool) -> None:
        """Record the outcome (the first one counts) and wake every waiting search."""
        if self.pending:
            self._signed_in = signed_in
            self._settled.set()

    async def wait(self) -> bool:
        """True once signed in; False if the sign-in failed or was abandoned."""
        await self._settled.wait()
        return self._signed_in
