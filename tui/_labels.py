"""Words on screen for the domain's values: states, actions, files, form fields, events, times.

Kept in one place so every screen calls a state, an action or a field by the same name. The
tables are `Translated`: each name comes back in the kiosk's language when it is read, so read
them where they are shown, not into other module-level tables. The sentences of the login and lookup
screens are in `_text`, which loads without the domain's wire models.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from domain import Action, FileKind, Kind, Status

from ._i18n import N_, Translated, Words, tr

CHINA_TIME = timezone(timedelta(hours=8), N_("北京时间"))
"""Times are shown in Beijing time whatever the machine's zone: callers and operators use it."""

STATUS_LABELS = Words("status_name", tuple(Status))
ACTION_LABELS = Words("action", tuple(Action))
"""The domain's own names: vocabularies of the shared catalogue (`domain/_vocabulary.py`)."""

FILE_KIND_LABELS: Translated[FileKind] = Translated(
    {
        FileKind.INFO_FORM: N_("信息收集表"),
        FileKind.CONSENT: N_("使用须知同意书"),
        FileKind.LICENSE: N_("执业许可证"),
    }
)
"""Short row labels for the files (all three are stamped scans; `FILE_TITLES` has the full
names)."""

FILE_TITLES = Words("file", tuple(FileKind))
"""The scans' full titles (盖章的《医疗机构信息收集表》…), as the domain's problems name them."""

KIND_LABELS: Translated[Kind] = Translated({Kind.NEW: N_("首次申请"), Kind.CHANGE: N_("变更资料")})

SHORT_KIND_LABELS: Translated[Kind] = Translated({Kind.NEW: N_("首次"), Kind.CHANGE: N_("变更")})
"""The kind in a narrow list column (cutting the full name would cut an English one badly)."""

FIELD_LABELS: Translated[str] = Translated(
    {
        "name": N_("医疗机构名称"),
        "opened_on": N_("开业日期"),
        "code": N_("医疗机构代码"),
        "address": N_("医疗机构地址"),
        "subjects": N_("诊疗科目"),
        "legal_rep.name": N_("法定代表人"),
        "legal_rep.mobile": N_("法定代表人手机"),
        "admin.name": N_("数据管理员"),
        "admin.mobile": N_("管理员手机"),
        "admin.email": N_("管理员邮箱"),
    }
)
"""The form's rows in reading order; a problem on `address.city` belongs to `address`."""

ACTOR_LABELS: Translated[str] = Translated({"applicant": N_("申请人"), "system": N_("系统")})
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
        return tr("当前状态下没有可执行的操作。")
    names = tr("、").join(ACTION_LABELS.get(action, str(action)) for action in actions)
    return tr("可执行：{actions}", actions=names)
