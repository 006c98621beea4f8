"""How the timeline reads: what each event is called, and a data change as `field：before → after`.

Plain functions on `Event`, apart from the widget so that they read (and test) without Textual.
The server's `detail` is a sentence already (its own words, e.g. "通话结束：问题已解决"); the
names here are for events that carry none.
"""

from __future__ import annotations

from domain import Event, FieldChange

from .._labels import ACTOR_LABELS, EVENT_LABELS, FIELD_LABELS

TIMELINE_LABELS: dict[str, str] = {
    **EVENT_LABELS,
    "account_created": "开通账号",
    "account_signed_in": "机构登录",
    "password_changed": "机构修改密码",
    "call_started": "开始通话",
    "call_attached": "通话关联申请",
    "call_ended": "通话结束",
    "caller_verified": "已核实来电人身份",
    "caller_not_verified": "未核实来电人身份",
    "notice_resent": "重发通知",
    "document_downloaded": "下载文件",
    "notification_sent": "通知已发送",
    "notification_failed": "通知发送失败",
    "sessions_ended": "账号登录会话已失效",
}
"""Event names, for the events the server records without a sentence of their own."""

CHANGE_LABELS: dict[str, str] = {
    **FIELD_LABELS,
    "address.province": "地址（省）",
    "address.city": "地址（市）",
    "address.district": "地址（区县）",
    "address.street": "地址（街道）",
    "legal_rep.name": "法定代表人",
    "admin.name": "数据管理员",
    "login_name": "登录名",
}
"""A changed field's name; dotted paths not listed fall back on their form row's name."""

EMPTY_VALUE = "（空）"
NOTE = "note"


def event_what(event: Event) -> str:
    """What happened, in one sentence: the server's own words, or the event's name."""
    label = TIMELINE_LABELS.get(event.action, event.action)
    if event.action == NOTE:
        return f"备注：{event.detail}" if event.detail else label
    return event.detail or label


def event_who(event: Event) -> str:
    """Who did it: an operator's name, or the role for applicants and the system."""
    return ACTOR_LABELS.get(event.actor, event.actor)


def change_label(field: str) -> str:
    if field in CHANGE_LABELS:
        return CHANGE_LABELS[field]
    head = field.split(".", 1)[0]
    return CHANGE_LABELS.get(head, field)


def change_line(change: FieldChange) -> str:
    """`管理员邮箱：z***@old.cn → w***@new.cn` (values masked by the server where personal)."""
    before = change.before or EMPTY_VALUE
    after = change.after or EMPTY_VALUE
    return f"{change_label(change.field)}：{before} → {after}"


def event_lines(event: Event) -> list[str]:
    """The event's sentence with who did it, then one line per changed field."""
    lines = [f"{event_what(event)}（{event_who(event)}）"]
    lines.extend(change_line(change) for change in event.changes)
    return lines
