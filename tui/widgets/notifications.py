"""`NotificationsSection` (通知): the application's emails and SMS and how their delivery went.

The operator answers "did you send it?" with this: which channel, what for, to whom (masked, as
the API sends it), and whether it went — waiting, sent, or failed with the attempts made and the
last error. Message bodies never reach the kiosk (they may carry codes or passwords).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import Horizontal
from textual.widgets import Label

from client import Notification

from .._i18n import N_, Translated, Words, tr
from .._labels import local_time
from .._said import delivery_failure
from .sections import Section

CHANNEL_LABELS = Translated({"email": N_("邮件"), "sms": N_("短信")})
PURPOSE_LABELS = Words("notice")
"""What each outbox `purpose` is called: the shared vocabulary (`server/outbox/delivery.py`)."""
STATUS_LABELS = Translated(
    {"pending": N_("待发送"), "sent": N_("已发送"), "failed": N_("发送失败")}
)


def delivery_words(notification: Notification) -> str:
    """Where delivery stands, e.g. `已发送 11-20 10:02` or `待发送（已尝试 2 次，10:05 重试）`."""
    status = STATUS_LABELS.get(notification.status, notification.status)
    if notification.status == "sent":
        return f"{status} {local_time(notification.delivered_at)[5:]}".rstrip()
    if not notification.attempts:
        return status
    if notification.status == "pending" and notification.next_attempt_at:
        retry = local_time(notification.next_attempt_at)[11:]
        return tr(
            "{status}（已尝试 {attempts} 次，{retry} 重试）",
            status=status,
            attempts=notification.attempts,
            retry=retry,
        )
    return tr("{status}（已尝试 {attempts} 次）", status=status, attempts=notification.attempts)


def error_sentence(notification: Notification) -> str:
    """The last delivery error as one sentence, when there was one and it still matters."""
    if notification.status == "sent":
        return ""
    reason = delivery_failure(notification)
    return tr("上次失败原因：{reason}", reason=reason) if reason else ""


class NotificationsSection(Section):
    """One row per notification, oldest first; a failure's reason on the line below."""

    DEFAULT_CSS = """
    NotificationsSection .-failed { color: $text-error; }
    NotificationsSection .-pending { color: $text-warning; }
    NotificationsSection .delivery-error { padding-left: 16; color: $text-error; }
    NotificationsSection.-wide-labels .delivery-error { padding-left: 19; }
    """

    def __init__(self, notifications: list[Notification] | None, *, note: str = "") -> None:
        """`None` with a `note`: the list could not be read (the note says why)."""
        super().__init__(N_("通知"), id="notifications-section")
        self.notifications = notifications
        self.note = note

    def body(self) -> Iterable[Label | Horizontal]:
        if self.notifications is None:
            yield Label(
                self.note or tr("无法读取通知。"), markup=False, classes="field-value -empty"
            )
            return
        if not self.notifications:
            yield Label(tr("还没有发出任何通知。"), markup=False, classes="field-value -empty")
        for notification in self.notifications:
            channel = CHANNEL_LABELS.get(notification.channel, notification.channel)
            purpose = PURPOSE_LABELS.get(notification.purpose, notification.purpose)
            shown = f"{channel} {notification.recipient} · {delivery_words(notification)}"
            row = self.row(purpose, shown)
            row.add_class(f"-{notification.status}")
            yield row
            if sentence := error_sentence(notification):
                yield Label(sentence, markup=False, classes="delivery-error")
