"""The email and SMS of a password reset, written to the outbox (DESIGN §4, §5).

The temporary password is in the email only, as the `{secret}` field the delivery worker
fills and then scrubs; the SMS says where the password went, never the password.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from domain import mask_email

from ..outbox import enqueue
from .accounts import AccountContact
from .notices import HOTLINE, SIGNATURE

RESET_SUBJECT = "【HQMS】流感医疗服务监测系统账号密码已重置"
RESET_PURPOSE = "password_reset"


def enqueue_password_reset(
    session: Session,
    account: AccountContact,
    *,
    application_id: str | None,
    password: str,
    login_url: str,
    now: datetime,
) -> None:
    """The temporary password by email to the account's administrator, and an SMS to the
    registered phone saying that it was sent. No commit."""
    body = "\n".join(
        [
            f"{account.admin_name or '数据管理员'}，您好：",
            "",
            f"贵单位（{account.name}）的流感医疗服务监测系统账号已按热线来电的要求重置密码：",
            "",
            f"登录名：{account.login_name}",
            f"手机号：{account.admin_phone}（也可作为登录名使用）",
            "临时密码：{secret}",
            f"登录地址：{login_url}",
            "",
            "原密码已失效，已登录的会话已全部退出。登录时系统会要求修改这个临时密码，"
            "请立即修改，并妥善保管，不要告诉他人。",
            "",
            f"如果贵单位没有要求重置密码，请立即致电热线 {HOTLINE}。",
            "",
            SIGNATURE,
        ]
    )
    enqueue(
        session,
        channel="email",
        recipient=account.admin_email,
        subject=RESET_SUBJECT,
        body=body,
        secrets={"secret": password},
        purpose=RESET_PURPOSE,
        application_id=application_id,
        account_id=account.account_id,
        now=now,
    )
    sms = (
        f"【HQMS】贵单位的流感医疗服务监测系统账号（登录名 {account.login_name}）密码已重置，"
        f"临时密码已发送至邮箱 {mask_email(account.admin_email)}，请查收并在登录后修改密码。"
        f"如非贵单位要求，请致电 {HOTLINE}。"
    )
    enqueue(
        session,
        channel="sms",
        recipient=account.admin_phone,
        subject="",
        body=sms,
        purpose=RESET_PURPOSE,
        application_id=application_id,
        account_id=account.account_id,
        now=now,
    )
