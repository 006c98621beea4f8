"""How the timeline reads: what each event is called, and a data change as `field：before → after`.

Plain functions on `Event`, apart from the widget so that they read (and test) without Textual.
The server's `detail` is a sentence already (its own words, e.g. "通话结束：问题已解决"); the
names here are for events that carry none.
"""

from __future__ import annotations

from collections.abc import Mapping

from domain import Event, FieldChange

from .._i18n import N_, tr, tr_received
from .._labels import ACTOR_LABELS, EVENT_LABELS, FIELD_LABELS
from .._received import received

TIMELINE_LABELS: Mapping[str, str] = {
    **EVENT_LABELS.source,
    "account_created": N_("开通账号"),
    "account_signed_in": N_("机构登录"),
    "password_changed": N_("机构修改密码"),
    "call_started": N_("开始通话"),
    "call_attached": N_("通话关联申请"),
    "call_ended": N_("通话结束"),
    "caller_verified": N_("已核实来电人身份"),
    "caller_not_verified": N_("未核实来电人身份"),
    "notice_resent": N_("重发通知"),
    "document_downloaded": N_("下载文件"),
    "notification_sent": N_("通知已发送"),
    "notification_failed": N_("通知发送失败"),
    "sessions_ended": N_("账号登录会话已失效"),
}
"""Event names, for the events the server records without a sentence of their own.

Read through `tr` where shown. Built from `EVENT_LABELS.source`, the Chinese names: copying the
translated table here would freeze whichever language was set when this module was imported.
"""

CHANGE_LABELS: Mapping[str, str] = {
    **FIELD_LABELS.source,
    "address.province": N_("地址（省）"),
    "address.city": N_("地址（市）"),
    "address.district": N_("地址（区县）"),
    "address.street": N_("地址（街道）"),
    "legal_rep.name": N_("法定代表人"),
    "admin.name": N_("数据管理员"),
    "login_name": N_("登录名"),
}
"""A changed field's name (through `tr`); dotted paths not listed fall back on their row's name."""

EMPTY_VALUE = N_("（空）")
# Chinese punctuation is translated on its own (`tr("：")`): an entry such as "{a}：{b}" would
# match every received sentence with a colon and hide the sentences the catalogue lacks.
NOTE = "note"


def event_label(action: str) -> str:
    return tr(TIMELINE_LABELS[action]) if action in TIMELINE_LABELS else action


def event_what(event: Event) -> str:
    """What happened, in one sentence: the server's own words, or the event's name.

    A note's text is the operator's own (data, shown as typed). A server sentence the catalogue
    does not know (a newer server) gives way to the event's name, which the kiosk can translate.
    """
    if event.action == NOTE:
        return tr("备注：{text}", text=event.detail) if event.detail else event_label(NOTE)
    if not event.detail:
        return event_label(event.action)
    if tr_received(event.detail) is None:
        return event_label(event.action)
    return received(event.detail)


def event_who(event: Event) -> str:
    """Who did it: an operator's name, or the role for applicants and the system."""
    return tr(ACTOR_LABELS[event.actor]) if event.actor in ACTOR_LABELS else event.actor


def change_label(field: str) -> str:
    head = field.split(".", 1)[0]
    label = CHANGE_LABELS.get(field) or CHANGE_LABELS.get(head)
    return tr(label) if label else field


def change_line(change: FieldChange) -> str:
    """`管理员邮箱：z***@old.cn → w***@new.cn` (values masked by the server where personal)."""
    before = change.before or tr(EMPTY_VALUE)
    after = change.after or tr(EMPTY_VALUE)
    return f"{change_label(change.field)}{tr('：')}{before} → {after}"


def event_lines(event: Event) -> list[str]:
    """The event's sentence with who did it, then one line per changed field."""
    lines = [f"{event_what(event)}{tr('（')}{event_who(event)}{tr('）')}"]
    lines.extend(change_line(change) for change in event.changes)
    return lines
