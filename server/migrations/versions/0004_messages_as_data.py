"""Messages as data (issue 12, docs/messages.md): timeline events keep `action` + `params`
instead of a finished sentence, and a notification's last failure keeps a code + params.

Existing rows are converted where their old sentence can be read: each old wording of each
action is matched once, here, and its values become the parameters of the new code. A row no
pattern reads keeps its sentence whole as the `legacy` parameter, which every reader shows as it
is, so no old timeline line is lost. The patterns are frozen copies of the wordings the server
wrote before this revision; nothing outside this file reads sentences.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEGACY = "legacy"

_FILES = {
    "盖章的《医疗机构信息收集表》": "info_form",
    "盖章的《系统使用须知及同意书》": "consent",
    "《医疗机构执业许可证》扫描件": "license",
    "《医疗机构信息收集表》": "info_form",
    "《系统使用须知及同意书》": "consent",
}
_PURPOSES = {
    "账号申请": "register",
    "重置密码": "reset_password",
    "更换数据管理员": "change_admin",
    "核实来电人身份": "verify_caller",
}
_OUTCOMES = {
    "问题已解决": "resolved",
    "已指导操作，等待对方办理": "guided",
    "需要回电": "callback",
    "转审核或上级处理": "escalated",
    "仅咨询": "info_only",
    "通话中断": "dropped",
}
_NOTICES = {
    "验证码短信": "verification_code",
    "账号开通通知": "approval",
    "资料变更通过通知": "change_approved",
    "审核不通过通知": "rejection",
    "申请文件邮件": "documents",
    "数据管理员变更通知": "admin_changed",
    "密码重置通知": "password_reset",
}

Params = dict[str, Any]
Reading = tuple[str, Params]
# Per old action: (pattern over the whole old sentence, the new action, how to make params).
_READINGS: dict[str, list[tuple[str, str, Callable[[re.Match[str]], Params]]]] = {
    "note": [(r"(?P<text>.+)", "note", lambda m: {"text": m["text"]})],
    "submitted": [(r"(提交审核)?", "submitted", lambda m: {})],
    "rejected": [
        (r"审核不通过：(?P<r>.*)（已邮件通知数据管理员）", "rejected", lambda m: {"reason": m["r"]})
    ],
    "created": [
        (r"短信验证手机号 (?P<p>\S+) 后开始填写", "created", lambda m: {"phone": m["p"]}),
        (r"变更资料：基于已通过的申请 (?P<a>\S+)", "change_created", lambda m: {"parent": m["a"]}),
    ],
    "amended": [
        (r"退回修改", "amended", lambda m: {}),
        (r"退回修改：(?P<r>.+)", "amended_because", lambda m: {"reason": m["r"]}),
        (r"变更资料：创建变更申请 (?P<a>\S+)", "change_opened", lambda m: {"application": m["a"]}),
    ],
    "form_saved": [
        (r"修改了：(?P<f>.+)", "form_saved", lambda m: {"fields": m["f"].split("、")}),
    ],
    "file_uploaded": [
        (
            r"上传(?P<t>.+?)：(?P<n>.+)（(?P<s>\d+) 字节）",
            "file_uploaded",
            lambda m: {"file": _FILES[m["t"]], "filename": m["n"], "size": int(m["s"])},
        )
    ],
    "file_deleted": [
        (
            r"删除(?P<t>.+?)：(?P<n>.+)",
            "file_deleted",
            lambda m: {"file": _FILES[m["t"]], "filename": m["n"]},
        )
    ],
    "account_created": [(r"开通账号 (?P<l>\S+)", "account_created", lambda m: {"login": m["l"]})],
    "approved": [
        (
            r"审核通过，开通账号 (?P<l>\S+)；账号邮件已发给数据管理员，短信已通知",
            "approved",
            lambda m: {"login": m["l"]},
        ),
        (r"审核通过，账号资料已更新", "change_approved", lambda m: {}),
        (
            r"审核通过，账号资料已更新；数据管理员已变更.*",
            "change_approved_admin_reset",
            lambda m: {},
        ),
    ],
    "caller_verified": [
        (r"已通过短信核实来电人身份（(?P<p>.+)）", "caller_verified", lambda m: {"phone": m["p"]})
    ],
    "caller_not_verified": [
        (r"未核实来电人身份，原因：(?P<r>.+)", "caller_not_verified", lambda m: {"reason": m["r"]})
    ],
    "call_started": [
        (r"开始通话（来电 号码未记录）", "call_started_no_number", lambda m: {}),
        (r"开始通话（来电 (?P<c>.+)）", "call_started", lambda m: {"caller": m["c"]}),
    ],
    "call_attached": [
        (r"来电关联到此申请", "call_attached", lambda m: {}),
        (r"来电关联到此申请（登记手机号相同.*）", "call_attached_check_kept", lambda m: {}),
    ],
    "call_ended": [
        (
            r"通话结束：(?P<o>[^；]+)",
            "call_ended",
            lambda m: {"outcome": _OUTCOMES[m["o"]]},
        ),
        (
            r"通话结束：(?P<o>[^；]+)；备注：(?P<n>.+)",
            "call_ended_note",
            lambda m: {"outcome": _OUTCOMES[m["o"]], "note": m["n"]},
        ),
    ],
    "document_downloaded": [
        (
            r"下载(?P<t>《.+?》)（第 (?P<r>\d+) 版资料）",
            "document_downloaded",
            lambda m: {"document": _FILES[m["t"]], "revision": int(m["r"])},
        )
    ],
    "documents_sent": [
        (
            r"已将《医疗机构信息收集表》和《系统使用须知及同意书》发送至 (?P<e>\S+)",
            "documents_sent",
            lambda m: {"email": m["e"]},
        )
    ],
    "verification_sent": [
        (
            r"(?P<u>.+?)验证码已发送至 (?P<p>[^（\s]+)",
            "verification_sent",
            lambda m: {"purpose": _PURPOSES[m["u"]], "phone": m["p"]},
        ),
        (
            r"(?P<u>.+?)验证码已发送至 (?P<p>[^（\s]+)（申请登记的手机号）",
            "verification_sent_registered",
            lambda m: {"purpose": _PURPOSES[m["u"]], "phone": m["p"]},
        ),
    ],
    "verification_confirmed": [
        (
            r"(?P<u>.+?)验证通过：(?P<p>\S+)",
            "verification_confirmed",
            lambda m: {"purpose": _PURPOSES[m["u"]], "phone": m["p"]},
        )
    ],
    "notification_sent": [
        (
            r"(?P<k>.+?)已发送至 (?P<t>\S+)",
            "notification_sent",
            lambda m: {"notice": _NOTICES[m["k"]], "to": m["t"]},
        )
    ],
    "signed_in": [(r"坐席登录", "signed_in", lambda m: {})],
    "signed_out": [(r"坐席退出登录", "signed_out", lambda m: {})],
    "unlocked": [(r"输入密码解除锁屏", "unlocked", lambda m: {})],
    "sign_in_failed": [(r"登录失败：密码不正确", "sign_in_failed", lambda m: {})],
    "unlock_failed": [(r"解除锁屏失败：密码不正确", "unlock_failed", lambda m: {})],
    "account_signed_in": [
        (r"机构账号 (?P<l>\S+) 登录", "account_signed_in", lambda m: {"login": m["l"]})
    ],
}


def read_event(action: str, detail: str) -> Reading:
    """The new action and params of an old row; its sentence as `legacy` when unreadable."""
    for pattern, new_action, params in _READINGS.get(action, []):
        match = re.fullmatch(pattern, detail or "", re.DOTALL)
        if match is None:
            continue
        try:
            return new_action, params(match)
        except KeyError:  # a title, purpose or outcome the mapping does not know
            break
    return action, {LEGACY: detail or ""}


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("params", sa.JSON(), nullable=True))
    events = sa.table(
        "audit_events",
        sa.column("id", sa.Integer()),
        sa.column("action", sa.String()),
        sa.column("detail", sa.Text()),
        sa.column("params", sa.JSON()),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(events.c.id, events.c.action, events.c.detail)).all()
    for row in rows:
        action, params = read_event(row.action, row.detail)
        connection.execute(
            sa.update(events).where(events.c.id == row.id).values(action=action, params=params)
        )
    with op.batch_alter_table("audit_events") as batch:
        batch.alter_column("params", existing_type=sa.JSON(), nullable=False)
        batch.drop_column("detail")

    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("last_error_params", sa.JSON(), nullable=True))
    outbox = sa.table(
        "outbox",
        sa.column("last_error", sa.Text()),
        sa.column("last_error_params", sa.JSON()),
    )
    failed = connection.execute(
        sa.select(outbox.c.last_error).where(outbox.c.last_error != "").distinct()
    ).all()
    for (sentence,) in failed:
        connection.execute(
            sa.update(outbox)
            .where(outbox.c.last_error == sentence)
            .values(last_error=LEGACY, last_error_params={LEGACY: sentence})
        )


def downgrade() -> None:
    """Back to sentences: the legacy ones as they were, the rest as their action's name (the
    sentence renderer is not part of a migration)."""
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("detail", sa.Text(), nullable=False, server_default=""))
    events = sa.table(
        "audit_events",
        sa.column("id", sa.Integer()),
        sa.column("params", sa.JSON()),
        sa.column("detail", sa.Text()),
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(events.c.id, events.c.params)).all():
        params = row.params or {}
        detail = params.get(LEGACY) or str(params.get("text", ""))
        connection.execute(sa.update(events).where(events.c.id == row.id).values(detail=detail))
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("params")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("last_error_params")
