"""The application lifecycle (DESIGN §2) as one explicit transition table.

    draft ──submit──► pending ──approve──► approved ──amend──► (new change application, draft)
      ▲                  │ reject
      │                  ▼
      └────amend──── rejected            pending ──amend──► draft

`_TRANSITIONS` is the only place that says what a state allows: `actions_for` and
`next_status` both read it, so the API's `actions` list and the server's checks cannot drift
apart. Actions that do not change the state (saving the form, uploads, sending documents,
password resets) map a state to itself.

`amend` on an approved application leaves that application approved and opens a new `change`
application in draft (`opens_change_application`); at most one change is open per account.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime

from ._errors import TransitionNotAllowed
from ._form_rules import FILE_TITLES, submit_problems
from ._models import Action, Application, Kind, Status

_D, _P, _A, _R = Status.DRAFT, Status.PENDING, Status.APPROVED, Status.REJECTED

_TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (_D, Action.SAVE_FORM): _D,
    (_D, Action.CHANGE_ADMIN_MOBILE): _D,
    (_D, Action.UPLOAD): _D,
    (_D, Action.DELETE_FILE): _D,
    (_D, Action.SUBMIT): _P,
    (_D, Action.SEND_DOCUMENTS): _D,
    (_P, Action.AMEND): _D,
    (_P, Action.APPROVE): _A,
    (_P, Action.REJECT): _R,
    (_P, Action.SEND_DOCUMENTS): _P,
    (_R, Action.AMEND): _D,
    (_R, Action.SEND_DOCUMENTS): _R,
    (_R, Action.RESEND_NOTICE): _R,
    (_A, Action.AMEND): _A,  # the change application it opens starts in draft
    (_A, Action.RESET_PASSWORD): _A,
    (_A, Action.SEND_DOCUMENTS): _A,
    (_A, Action.RESEND_NOTICE): _A,
}

STATUS_NAMES: dict[Status, str] = {
    _D: "填写中",
    _P: "待审核",
    _A: "审核通过",
    _R: "审核不通过",
}

ACTION_NAMES: dict[Action, str] = {
    Action.SAVE_FORM: "保存资料",
    Action.CHANGE_ADMIN_MOBILE: "更换数据管理员手机号",
    Action.UPLOAD: "上传文件",
    Action.DELETE_FILE: "删除文件",
    Action.SUBMIT: "提交审核",
    Action.AMEND: "修改",
    Action.APPROVE: "审核通过",
    Action.REJECT: "审核不通过",
    Action.RESET_PASSWORD: "重置密码",
    Action.SEND_DOCUMENTS: "发送文件",
    Action.RESEND_NOTICE: "重发通知",
}

_EDITS = (Action.SAVE_FORM, Action.CHANGE_ADMIN_MOBILE, Action.UPLOAD, Action.DELETE_FILE)
_REVIEWS = (Action.APPROVE, Action.REJECT)

# Why an action is refused, per state, in the words the operator passes on to the caller.
_REFUSALS: dict[tuple[Status, Action], str] = {
    **{(_P, a): "已提交待审核的申请不能直接修改资料，请先点“修改”退回填写状态。" for a in _EDITS},
    **{(_R, a): "审核不通过的申请不能直接修改资料，请先点“修改”退回填写状态。" for a in _EDITS},
    **{(_A, a): "已审核通过的申请不能直接修改资料，请点“修改”发起变更资料申请。" for a in _EDITS},
    **{(_D, a): "申请还在填写中，尚未提交审核，不能审批。" for a in _REVIEWS},
    **{(_A, a): "申请已审核通过，不能再次审批。" for a in _REVIEWS},
    **{(_R, a): "申请已审核不通过，需修改并重新提交后才能再次审批。" for a in _REVIEWS},
    (_D, Action.AMEND): "申请正在填写中，可以直接修改资料，无需点“修改”。",
    (_P, Action.SUBMIT): "申请已提交，正在等待审核，无需重复提交。",
    (_R, Action.SUBMIT): "审核不通过的申请需先点“修改”退回填写状态，修改后再提交。",
    (_A, Action.SUBMIT): "申请已审核通过，无需再提交。",
}
_OPEN_CHANGE_REFUSAL = "该账号已有一份未完成的变更资料申请，请在那份申请上继续修改。"
_NO_ACCOUNT_REFUSAL = "{state}的申请还没有账号，不能重置密码；账号在审核通过后才会开通。"


def actions_for(status: Status, kind: Kind, *, has_open_change: bool = False) -> list[Action]:
    """What the state allows, in the order of `Action`.

    `kind` does not change the table today (a change application follows the same lifecycle);
    it is part of the signature so callers need not change when it does.
    """
    return [
        action
        for action in Action
        if (status, action) in _TRANSITIONS
        and not (opens_change_application(status, action) and has_open_change)
    ]


def next_status(status: Status, action: Action, *, has_open_change: bool = False) -> Status:
    """The application's status after `action`; raises `TransitionNotAllowed` with a reason."""
    if opens_change_application(status, action) and has_open_change:
        raise TransitionNotAllowed(_OPEN_CHANGE_REFUSAL)
    try:
        return _TRANSITIONS[(status, action)]
    except KeyError:
        raise TransitionNotAllowed(refusal(status, action)) from None


def opens_change_application(status: Status, action: Action) -> bool:
    """True when the action creates a new `change` application (amend on an approved one)."""
    return status is Status.APPROVED and action is Action.AMEND


def refusal(status: Status, action: Action) -> str:
    """The sentence that says why `action` is not allowed in `status`."""
    state = STATUS_NAMES[status]
    if action is Action.RESET_PASSWORD:
        return _NO_ACCOUNT_REFUSAL.format(state=state)
    default = f"“{state}”状态的申请不能{ACTION_NAMES[action]}。"
    return _REFUSALS.get((status, action), default)


def status_sentence(app: Application, *, now: datetime) -> str:
    """The banner an operator reads aloud, e.g. "待审核，已提交 3 天"."""
    prefix = "变更资料：" if app.kind is Kind.CHANGE else ""
    return prefix + _state_sentence(app, now)


def _state_sentence(app: Application, now: datetime) -> str:
    if app.status is Status.DRAFT:
        problems = submit_problems(app.form, app.files, today=now.date())
        labels = list(dict.fromkeys(_FIELD_LABELS.get(p.field, p.field) for p in problems))
        if not labels:
            return "资料已齐全，可提交审核"
        shown = "、".join(labels[:4]) + ("等" if len(labels) > 4 else "")
        return f"填写中：还差 {len(labels)} 项（{shown}）"
    if app.status is Status.PENDING:
        days = _days_between(app.submitted_at or app.updated_at, now)
        return "待审核，今天提交" if days <= 0 else f"待审核，已提交 {days} 天"
    if app.status is Status.REJECTED:
        reason = app.review.reason.strip() if app.review else ""
        return f"审核不通过：{reason}" if reason else "审核不通过（未填写原因）"
    login = app.account.login_name if app.account else ""
    return f"审核通过，登录名 {login}" if login else "审核通过"


def _days_between(earlier: datetime, now: datetime) -> int:
    """Calendar days, counted in the time zone of `now` when both carry one."""
    if earlier.tzinfo is not None and now.tzinfo is not None:
        earlier = earlier.astimezone(now.tzinfo)
    start: date = earlier.date()
    return (now.date() - start).days


_FIELD_LABELS: dict[str, str] = {
    "name": "医疗机构名称",
    "opened_on": "开业日期",
    "code": "医疗机构代码",
    "address.province": "地址",
    "address.city": "地址",
    "address.district": "地址",
    "address.street": "地址",
    "subjects": "诊疗科目",
    "legal_rep.name": "法定代表人",
    "legal_rep.mobile": "法定代表人",
    "admin.name": "数据管理员",
    "admin.mobile": "数据管理员",
    "admin.email": "数据管理员",
    **{f"files.{kind.value}": title for kind, title in FILE_TITLES.items()},
}

# Read aloud over the phone: no 0/O, 1/I/L.
ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_ID_GROUP = 4


def new_application_id() -> str:
    """A random id such as `HQ7K-M2XP` (about 40 bits), easy to read aloud."""
    chars = [secrets.choice(ID_ALPHABET) for _ in range(2 * _ID_GROUP)]
    return "".join(chars[:_ID_GROUP]) + "-" + "".join(chars[_ID_GROUP:])


def is_application_id(value: str) -> bool:
    """True for the exact form `new_application_id` produces (upper case, one hyphen)."""
    head, sep, tail = value.partition("-")
    return (
        sep == "-"
        and len(head) == len(tail) == _ID_GROUP
        and all(char in ID_ALPHABET for char in head + tail)
    )
