"""What 审核通过 sets off, in the words the reviewer's confirmation shows (contacts masked).

A new application opens an account; a change application (变更资料) overwrites its account's
data, and when it changes the data administrator's name, mobile or email resets the password —
which the server tells in its change preview (`GET …/change-preview`, with the fields that
trigger it), since only it knows the account as it is now.
"""

from __future__ import annotations

from domain import Application, ChangePreview, is_masked, mask_email, mask_phone, param_text

from .._i18n import current_language, tr
from ..widgets._timeline_words import change_line

MOST_CHANGES_SHOWN = 7
"""Field changes listed in the approval confirmation: more would push its buttons off 24 rows."""


def approval_consequences(application: Application) -> list[str]:
    """What 通过 of a new application sets off, in the words the confirmation shows (contacts
    masked)."""
    admin = application.form.admin
    email = admin.email if is_masked(admin.email) else mask_email(admin.email)
    mobile = admin.mobile if is_masked(admin.mobile) else mask_phone(admin.mobile)
    return [
        tr(
            "「{name}」（申请编号 {id}）审核通过后：", name=application.form.name, id=application.id
        ),
        tr("· 开通机构账号（登录名和初始密码由系统生成，任何人都看不到密码）；"),
        tr(
            "· 把登录名、初始密码和登录地址发邮件给数据管理员 {email}；",
            email=email or tr("（无邮箱）"),
        ),
        tr("· 发短信告知 {mobile} 查收邮件。", mobile=mobile or tr("（无手机号）")),
    ]


def change_consequences(application: Application, preview: ChangePreview) -> list[str]:
    """What approving a change application does to its account (values masked by the API)."""
    lines = [
        tr(
            "「{name}」的变更资料（申请编号 {id}）审核通过后，账号 {login}：",
            name=application.form.name,
            id=application.id,
            login=preview.account.login_name,
        )
    ]
    changes = preview.changes
    if changes:
        lines.append(tr("· 账号资料改为变更后的内容："))
        lines.extend(f"  {change_line(change)}" for change in changes[:MOST_CHANGES_SHOWN])
        if len(changes) > MOST_CHANGES_SHOWN:
            hidden = len(changes) - MOST_CHANGES_SHOWN
            lines.append(tr("  ……另有 {hidden} 项，见下方资料。", hidden=hidden))
    else:
        lines.append(tr("· 变更后的资料与账号现有资料相同，没有字段会改变。"))
    email = preview.notify_email or tr("（无邮箱）")
    if preview.admin_changed:
        phone = preview.notify_phone or tr("（无手机号）")
        if preview.admin_fields:
            fields = param_text("fields", preview.admin_fields, current_language())
            lines.append(tr("· 变更了{fields}：", fields=fields))
            lines.append(tr("  账号密码将被重置，旧密码和已登录的会话立即失效；"))
        else:  # a server from before the preview named the fields
            lines.append(tr("· 更换了数据管理员：账号密码将被重置，旧密码和已登录的会话立即失效；"))
        lines.append(tr("· 新的初始密码发邮件给 {email}，", email=email))
        lines.append(tr("  短信通知 {phone} 查收邮件。", phone=phone))
    else:
        lines.append(tr("· 数据管理员不变：账号密码不变，可继续登录；"))
        lines.append(tr("· 变更结果邮件发给 {email}。", email=email))
    return lines
