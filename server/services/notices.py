"""The emails and SMS of the review and the documents, written to the outbox (DESIGN §2, §4).

Secrets appear in a body only as the `{secret}` field; their values go in `secrets`,
which the delivery worker fills in memory and scrubs after delivery. SMS never carry a
password or a reason: they say that the email was sent, and where (masked).

Every email is a `_letter` (greeting, paragraphs, hotline, signature) and every notice's rows
share one purpose, one application, one account and one time (`_Notice`), so each notice below
says only its own words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from domain import Form, mask_email

from ..outbox import Attachment, enqueue

HOTLINE = "400 0030 686"
SIGNATURE = "国家卫生健康委医政医管局 医院质量监测系统（HQMS）"
APPROVAL_SUBJECT = "【HQMS】流感医疗服务监测系统账号已开通"
ADMIN_CHANGED_SUBJECT = "【HQMS】流感医疗服务监测系统账号数据管理员信息已变更"
CHANGE_APPROVED_SUBJECT = "【HQMS】流感医疗服务监测系统账号资料变更已审核通过"
REJECTION_SUBJECT = "【HQMS】流感医疗服务监测系统账号申请未通过审核"
DOCUMENTS_SUBJECT = "【HQMS】流感医疗服务监测系统账号申请文件"
APPROVAL_AGAIN_SUBJECT = "【HQMS】流感医疗服务监测系统账号登录信息（再次发送）"
# Outbox purposes of resent notices: counted apart from the first notices (`resend`).
APPROVAL_RESENT = "approval_resent"
REJECTION_RESENT = "rejection_resent"


def _letter(admin_name: str, *paragraphs: str) -> str:
    """An email body: the greeting, `paragraphs` and the footer, a blank line between each."""
    greeting = f"{admin_name or '数据管理员'}，您好："
    return "\n\n".join([greeting, *paragraphs, f"如有疑问，请致电热线 {HOTLINE}。", SIGNATURE])


def _login_details(login_name: str, phone: str, login_url: str, *, with_password: bool) -> str:
    lines = [f"登录名：{login_name}", f"手机号：{phone}（也可作为登录名使用）"]
    if with_password:
        # A field, not the password: the worker fills it in at delivery (module docstring).
        lines.append("初始密码：{secret}")
    return "\n".join([*lines, f"登录地址：{login_url}"])


@dataclass(frozen=True)
class _Notice:
    """The outbox rows of one notice: all of one purpose, application, account and time."""

    session: Session
    purpose: str
    application_id: str
    account_id: str | None
    now: datetime

    def email(
        self,
        recipient: str,
        subject: str,
        body: str,
        *,
        secrets: Mapping[str, str] | None = None,
        attachments: Sequence[Attachment] = (),
    ) -> int:
        return enqueue(
            self.session,
            channel="email",
            recipient=recipient,
            subject=subject,
            body=body,
            secrets=secrets,
            purpose=self.purpose,
            application_id=self.application_id,
            account_id=self.account_id,
            attachments=attachments,
            now=self.now,
        )

    def sms(self, phone: str, text: str) -> int:
        return enqueue(
            self.session,
            channel="sms",
            recipient=phone,
            subject="",
            body=text,
            purpose=self.purpose,
            application_id=self.application_id,
            account_id=self.account_id,
            now=self.now,
        )


def enqueue_approval(
    session: Session,
    form: Form,
    *,
    application_id: str,
    account_id: str,
    login_name: str,
    phone: str,
    password: str,
    login_url: str,
    now: datetime,
    admin_changed: bool = False,
) -> None:
    """The account email (login name, phone, initial password, address) and its SMS.

    `admin_changed`: an approved change altered the data administrator's name, mobile or email
    (seed step 6), so the account was reset; the letter goes to the administrator as changed."""
    if admin_changed:
        subject, purpose = ADMIN_CHANGED_SUBJECT, "admin_changed"
        news = "数据管理员信息已变更，密码已重置，新的初始密码"
        opening = (
            f"贵单位（{form.name}）的流感医疗服务监测系统账号资料变更已审核通过。"
            "因数据管理员信息已变更，账号已重置：原密码和已登录的会话均已失效，新的登录信息如下："
        )
    else:
        subject, purpose, news = APPROVAL_SUBJECT, "approval", "已开通，初始密码"
        opening = f"贵单位（{form.name}）申请的流感医疗服务监测系统账号已审核通过并开通："
    notice = _Notice(session, purpose, application_id, account_id, now)
    body = _letter(
        form.admin.name,
        opening,
        _login_details(login_name, phone, login_url, with_password=True),
        "首次登录时系统会要求修改初始密码，请立即修改，并妥善保管，不要告诉他人。",
    )
    notice.email(form.admin.email, subject, body, secrets={"secret": password})
    notice.sms(
        phone,
        f"【HQMS】贵单位的流感医疗服务监测系统账号（登录名 {login_name}）{news}"
        f"已发送至邮箱 {mask_email(form.admin.email)}，请查收并在首次登录后修改密码。",
    )


def enqueue_change_approved(
    session: Session, form: Form, *, application_id: str, account_id: str, now: datetime
) -> None:
    body = _letter(
        form.admin.name,
        f"贵单位（{form.name}）的账号资料变更申请已审核通过，账号资料已更新；登录名和密码不变。",
    )
    notice = _Notice(session, "change_approved", application_id, account_id, now)
    notice.email(form.admin.email, CHANGE_APPROVED_SUBJECT, body)


def enqueue_rejection(
    session: Session,
    form: Form,
    *,
    application_id: str,
    is_change: bool,
    reason: str,
    sms_phone: str | None,
    now: datetime,
    purpose: str = "rejection",
) -> None:
    """The rejection email with the reviewer's reason, and to `sms_phone` (when given) an SMS
    saying where the reason went; `purpose` tells a resend apart."""
    what = "账号资料变更申请" if is_change else "流感医疗服务监测系统账号申请"
    after = (
        "账号仍按原资料正常使用。如需变更，请按上述原因修改后重新提交。"
        if is_change
        else "请按上述原因修改资料，重新上传盖章文件后再次提交审核；也可以重新发起申请。"
    )
    body = _letter(
        form.admin.name,
        f"贵单位（{form.name}）的{what}（编号 {application_id}）未通过审核。",
        f"原因：{reason}",
        after,
    )
    notice = _Notice(session, purpose, application_id, None, now)
    notice.email(form.admin.email, REJECTION_SUBJECT, body)
    if sms_phone:
        short = "账号资料变更申请" if is_change else "账号申请"
        notice.sms(
            sms_phone,
            f"【HQMS】贵单位的流感医疗服务监测系统{short}（编号 {application_id}）审核未通过，"
            f"原因已发送至邮箱 {mask_email(form.admin.email)}，请查收。",
        )


def enqueue_approval_again(
    session: Session,
    *,
    institution: str,
    admin_name: str,
    email: str,
    phone: str,
    login_name: str,
    login_url: str,
    application_id: str,
    account_id: str,
    now: datetime,
) -> None:
    """The account email once more, to the account's current administrator, and its SMS.

    Never a password: the initial one went out once (and is scrubbed from the outbox); a lost
    one is replaced by a password reset, which needs the caller to prove the registered phone.
    """
    body = _letter(
        admin_name,
        f"应您的要求，再次发送贵单位（{institution}）流感医疗服务监测系统账号的登录信息：",
        _login_details(login_name, phone, login_url, with_password=False),
        f"初始密码已在开通邮件中发出；如已遗失，请致电热线 {HOTLINE} 重置密码。",
    )
    notice = _Notice(session, APPROVAL_RESENT, application_id, account_id, now)
    notice.email(email, APPROVAL_AGAIN_SUBJECT, body)
    notice.sms(
        phone,
        f"【HQMS】贵单位流感医疗服务监测系统账号（登录名 {login_name}）的登录信息已再次发送至"
        f"邮箱 {mask_email(email)}，请查收。",
    )


def enqueue_documents(
    session: Session,
    form: Form,
    *,
    recipient: str,
    application_id: str,
    account_id: str | None,
    attachments: Sequence[Attachment],
    now: datetime,
) -> int:
    body = _letter(
        form.admin.name,
        f"附件是贵单位（{form.name}）账号申请（编号 {application_id}）的两份文件：\n"
        "《医疗机构信息收集表》和《系统使用须知及同意书》。",
        "请打印、核对、加盖单位公章后扫描（JPG 或 PDF，每个不超过 5 MB），\n"
        "连同《医疗机构执业许可证》盖章扫描件一并上传。",
    )
    notice = _Notice(session, "documents", application_id, account_id, now)
    return notice.email(recipient, DOCUMENTS_SUBJECT, body, attachments=attachments)
