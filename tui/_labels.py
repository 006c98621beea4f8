"""Words on screen for the domain's values: states, actions, files, form fields, events, times.

Kept in one place so every screen calls a state, an action or a field by the same name, and so
an English locale can later swap this module's tables. The sentences of the login and lookup
screens are in `_text`, which loads without the domain's wire models.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from domain import ACTION_NAMES, STATUS_NAMES, Action, FileKind, Kind

CHINA_TIME = timezone(timedelta(hours=8), "北京时间")
"""Times are shown in Beijing time whatever the machine's zone: callers and operators use it."""

STATUS_LABELS = STATUS_NAMES
ACTION_LABELS = ACTION_NAMES
FILE_KIND_LABELS: dict[FileKind, str] = {
    FileKind.INFO_FORM: "信息收集表",
    FileKind.CONSENT: "使用须知同意书",
    FileKind.LICENSE: "执业许可证",
}
"""Short row labels for the files (all three are stamped scans; FILE_TITLES has the full names)."""

KIND_LABELS: dict[Kind, str] = {Kind.NEW: "首次申请", Kind.CHANGE: "变更资料"}

FIELD_LABELS: dict[str, str] = {
    "name": "医疗机构名称",
    "opened_on": "开业日期",
    "code": "医疗机构代码",
    "address": "医疗机构地址",
    "subjects": "诊疗科目",
    "legal_rep.name": "法定代表人",
    "legal_rep.mobile": "法定代表人手机",
    "admin.name": "数据管理员",
    "admin.mobile": "管理员手机",
    "admin.email": "管理员邮箱",
}
"""The form's rows in reading order; a problem on `address.city` belongs to `address`."""

EVENT_LABELS: dict[str, str] = {
    "verified": "短信验证",
    "created": "创建申请",
    "form_saved": "保存资料",
    "admin_mobile_changed": "更换管理员手机",
    "file_uploaded": "上传文件",
    "file_deleted": "删除文件",
    "submitted": "提交审核",
    "amended": "修改",
    "approved": "审核通过",
    "rejected": "审核不通过",
    "note": "通话记录",
    "documents_sent": "发送文件",
    "password_reset": "重置密码",
    "revealed": "查看完整信息",
}

ACTOR_LABELS: dict[str, str] = {"applicant": "申请人", "system": "系统"}
"""Who did it, for the actors that are roles rather than operators' names."""


def field_row(field: str) -> str:
    """The form row a problem's field path belongs to (`address.city` → `address`)."""
    if field in FIELD_LABELS:
        return field
    head = field.split(".", 1)[0]
    return head if head in FIELD_LABELS else ""


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")


def file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def allowed_actions_sentence(actions: list[Action]) -> str:
    if not actions:
        return "当前状态下没有可执行的操作。"
    return "可执行：" + "、".join(ACTION_LABELS.get(action, str(action)) for action in actions)
