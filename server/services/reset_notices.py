"""The email and SMS of a password reset, and of 找回密码 by email, written to the outbox
(DESIGN §4, §5).

The temporary password, or the recovery link, is in the email only, as the `{secret}` field the
delivery worker fills and then scrubs; an SMS says what happened, never a password or a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from domain import mask_email

from ..outbox import enqueue
from .accounts import AccountContact
from .notices import HOTLINE, SIGNATURE

RESET_SUBJECT = "【HQMS】流感医疗服务监测系统账号密码已重置"
RESET_PURPOSE = "password_reset"
RECOVERY_SUBJECT = "【HQMS】流感医疗服务监测系统找回密码"
# Outbox purposes: the link asked for on the login page, the link the hotline sent again
# (counted apart, by its own limit), and the SMS once a link set a new password.
RECOVERY_PURPOSE = "password_recovery"
RECOVERY_RESENT_PURPOSE = "password_recovery_resent"
RECOVERED_PURPOSE = "password_recovered"


@dataclass(frozen=True, slots=True)
class _AccountMail:
    """Outbox rows to the account's administrator, on its latest approved application."""

    session: Session
    account: AccountContact
    application_id: str | None
    now: datetime

    def email(self, purpose: str, subject: str, body: str, *, secret: str) -> None:
        self._enqueue("email", self.account.admin_email, purpose, subject, body, secret)

    def sms(self, purpose: str, text: str) -> None:
        self._enqueue("sms", self.account.admin_phone, purpose, "", text, None)

    def _enqueue(
        self, channel: str, to: str, purpose: str, subject: str, body: str, secret: str | None
    ) -> None:
        enqueue(
            self.session,
            channel=channel,
            recipient=to,
            subject=subject,
            body=body,
            secrets=None if secret is None else {"secret": secret},
            purpose=purpose,
            application_id=self.application_id,
            account_id=self.account.account_id,
            now=self.now,
        )


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
    mail = _AccountMail(session, account, application_id, now)
    mail.email(RESET_PURPOSE, RESET_SUBJECT, body, secret=password)
    sms = (
        f"【HQMS】贵单位的流感医疗服务监测系统账号（登录名 {account.login_name}）密码已重置，"
        f"临时密码已发送至邮箱 {mask_email(account.admin_email)}，请查收并在登录后修改密码。"
        f"如非贵单位要求，请致电 {HOTLINE}。"
    )
    mail.sms(RESET_PURPOSE, sms)


def enqueue_recovery_link(
    session: Session,
    account: AccountContact,
    *,
    application_id: str | None,
    link: str,
    minutes: int,
    resent: bool,
    now: datetime,
) -> None:
    """The recovery link by email to the account's administrator (`resent`: at the hotline's
    hands rather than from the login page). No commit."""
    asked = "应贵单位致电热线的要求，现重新发送" if resent else "有人在系统登录页为贵单位申请了"
    body = "\n".join(
        [
            f"{account.admin_name or '数据管理员'}，您好：",
            "",
            f"{asked}流感医疗服务监测系统账号（{account.name}，登录名 {account.login_name}）的"
            "找回密码链接。请在下面的链接中设置新密码：",
            "",
            "{secret}",
            "",
            f"链接 {minutes} 分钟内有效，只能使用一次；之前发出的找回密码链接已失效。"
            "设置新密码后，已登录的会话将全部退出，并以短信通知数据管理员手机。",
            "",
            "如果贵单位没有申请找回密码，请忽略本邮件，原密码仍然有效；"
            f"如有疑问，请致电热线 {HOTLINE}。",
            "",
            SIGNATURE,
        ]
    )
    purpose = RECOVERY_RESENT_PURPOSE if resent else RECOVERY_PURPOSE
    _AccountMail(session, account, application_id, now).email(
        purpose, RECOVERY_SUBJECT, body, secret=link
    )


def enqueue_recovered(
    session: Session, account: AccountContact, *, application_id: str | None, now: datetime
) -> None:
    """The SMS to the registered mobile once a recovery link set a new password. No commit."""
    sms = (
        f"【HQMS】贵单位的流感医疗服务监测系统账号（登录名 {account.login_name}）已通过邮件链接"
        f"设置了新密码，已登录的会话已全部退出。如非贵单位操作，请立即致电 {HOTLINE}。"
    )
    _AccountMail(session, account, application_id, now).sms(RECOVERED_PURPOSE, sms)
