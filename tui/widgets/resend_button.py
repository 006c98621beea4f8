"""`ResendButton`: 发送验证码, held with a countdown until another SMS may be sent.

DESIGN §5 allows one code per phone and purpose every 60 s; the server says when the next one
may go (`resend_after`, or `Retry-After` on a 429). The button shows the seconds left, so the
operator can tell the caller how long to wait instead of pressing into a refusal.
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Button

from .._i18n import N_, tr

SEND_LABEL = N_("发送验证码")


class ResendButton(Button):
    """Disabled while `wait_left` > 0, counting down once a second."""

    def __init__(self, *, id: str = "send-code") -> None:
        super().__init__(tr(SEND_LABEL), id=id, compact=True)
        self.wait_left = 0
        self._countdown: Timer | None = None

    def hold(self, seconds: int) -> None:
        """Hold the button for `seconds` (0 releases it at once)."""
        self.wait_left = max(0, seconds)
        if self._countdown is not None:
            self._countdown.stop()
        self._countdown = self.set_interval(1, self._tick) if self.wait_left else None
        self._show()

    def _tick(self) -> None:
        self.wait_left = max(0, self.wait_left - 1)
        if not self.wait_left and self._countdown is not None:
            self._countdown.stop()
            self._countdown = None
        self._show()

    def _show(self) -> None:
        self.disabled = bool(self.wait_left)
        self.label = (
            tr("{seconds} 秒后可重发", seconds=self.wait_left) if self.wait_left else tr(SEND_LABEL)
        )
