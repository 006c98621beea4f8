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

from .._labels import local_time
from .sections import Section

CHANNEL_LABELS: dict[str, str] = {"email": "邮件", "sms": "短信"}
PURPOSE_LABELS: dict[str, str] = {
    "verification_code": "短信验证码",
    "approval": "审核通过通知",
    "approval_sms": "审核通过提醒",
    "rejection": "审核不通过通知",
    "documents": "申请文件",
    "admin_changed": "更换管理员通知",
    "password_reset": "重置密码通知",
    "account_created": "账号开通通知",
    "approval_resent": "重发开通通知",
    "rejection_resent": "重发审核不通过通知",
    "change_approved": "变更资料通过通知",
}
STATUS_LABELS: dict[str, str] = {"pending": "待发送", "sent": "已发送", "failed": "发送失败"}


def delivery_words(notification: Notification) -> str:
    """Where delivery stands, e.g. `已发送 11-20 10:02` or `待发送（已尝试 2 次，10:05 重试）`."""
    status = STATUS_LABELS.get(notification.status, notification.status)
    if notification.status == "sent":
        return f"{status} {local_time(notification.delivered_at)[5:]}".rstrip()
    tries = f"已尝试 {notification.attempts} 次" if notification.attempts else ""
    if notification.status == "pending" and notification.attempts and notification.next_attempt_at:
        tries += f"，{local_time(notification.next_attempt_at)[11:]} 重试"
    return f"{status}（{tries}）" if tries else status


def error_sentence(notification: Notification) -> str:
    """The last delivery error as one sentence, when there was one and it still matters."""
    if notification.status == "sent" or not notification.last_error:
        return ""
    text = " ".join(notification.last_error.split())
    return f"上次失败原因：{text}" if text.endswith(("。", ".")) else f"上次失败原因：{text}。"


class NotificationsSection(Section):
    """One row per notification, oldest first; a failure's reason on the line below."""

    DEFAULT_CSS = """
    NotificationsSection .-failed { color: $text-error; }
    NotificationsSection .-pending { color: $text-warning; }
    NotificationsSection .delivery-error { padding-left: 16; color: $text-error; }
    """

    def __init__(self, notifications: list[Notification] | None, *, note: str = "") -> None:
        """`None` with a `note`: the list could not be read (the note says why)."""
        super().__init__("通知", id="notifications-section")
        self.notifications = notifications
        self.note = note

    def body(self) -> Iterable[Label | Horizontal]:
        if self.notifications is None:
            yield Label(self.note or "无法读取通知。", markup=False, classes="field-value -empty")
            return
        if not self.notifications:
            yield Label("还没有发出任何通知。", markup=False, classes="field-value -empty")
        for notification in self.notifications:
            channel = CHANNEL_LABELS.get(notification.channel, notification.channel)
            purpose = PURPOSE_LABELS.get(notification.purpose, notification.purpose)
            row = self.row(
                purpose, f"{channel} {notification.recipient} · {delivery_words(notification)}"
            )
            row.add_class(f"-{notification.status}")
            yield row
            if sentence := error_sentence(notification):
                yield Label(sentence, markup=False, classes="delivery-error")
