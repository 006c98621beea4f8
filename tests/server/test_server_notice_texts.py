"""Every notice of `server.services.notices`, word for word, as it lands in the outbox: subject,
body, recipient, channel, purpose, links, secrets and the order of the rows. The expected texts
are spelt out here (not imported) so that any change of wording fails a test on purpose."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import Form
from server.outbox import Attachment
from server.services import notices
from server.storage.engine import Database
from server.storage.tables import outbox, outbox_attachments
from tests.conftest import valid_form

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
PHONE = "13800138000"
EMAIL = "zhangxiaomei@example.com"
PASSWORD = "Kx7pQ2mW9rTz"
LOGIN_URL = "https://flu.hqms.org.cn/login.jsp"
ACCOUNT = "AC000001"
FOOTER = (
    "\n\n如有疑问，请致电热线 400 0030 686。\n\n国家卫生健康委医政医管局 医院质量监测系统（HQMS）"
)
# The columns a notice decides; `status` shows the row still waits for delivery.
ROW_COLUMNS = (
    "channel",
    "recipient",
    "subject",
    "body",
    "secrets",
    "purpose",
    "application_id",
    "account_id",
    "status",
)
CREDENTIALS = (
    "登录名：hq00001\n"
    f"手机号：{PHONE}（也可作为登录名使用）\n"
    "初始密码：{secret}\n"
    f"登录地址：{LOGIN_URL}\n"
    "\n"
    "首次登录时系统会要求修改初始密码，请立即修改，并妥善保管，不要告诉他人。"
)


@pytest.fixture
def database(api_app: Any) -> Database:
    return api_app.state.context.database


@pytest.fixture
def app_id(make_application: Any) -> str:
    return make_application(status="approved")  # with account AC000001


@pytest.fixture
def form() -> Form:
    return valid_form(7, phone=PHONE, legal_rep_phone="13900139000")


def written(database: Database, write: Callable[[Session], object]) -> list[tuple[Any, ...]]:
    """The outbox rows `write` adds, oldest first, as tuples of `ROW_COLUMNS`."""

    def run(session: Session) -> list[tuple[Any, ...]]:
        write(session)
        session.commit()
        columns = [outbox.c[name] for name in ROW_COLUMNS]
        return [tuple(r) for r in session.execute(select(*columns).order_by(outbox.c.id))]

    return database.run_sync(run)


def _approval(session: Session, form: Form, app_id: str, *, admin_changed: bool) -> None:
    notices.enqueue_approval(
        session,
        form,
        application_id=app_id,
        account_id=ACCOUNT,
        login_name="hq00001",
        phone=PHONE,
        password=PASSWORD,
        login_url=LOGIN_URL,
        now=NOW,
        admin_changed=admin_changed,
    )


@pytest.mark.parametrize(
    ("admin_changed", "subject", "purpose", "opening", "sms_news"),
    [
        (
            False,
            "【HQMS】流感医疗服务监测系统账号已开通",
            "approval",
            "贵单位（广州市第7人民医院）申请的流感医疗服务监测系统账号已审核通过并开通：",
            "已开通，初始密码",
        ),
        (
            True,
            "【HQMS】流感医疗服务监测系统账号数据管理员信息已变更",
            "admin_changed",
            "贵单位（广州市第7人民医院）的流感医疗服务监测系统账号资料变更已审核通过。"
            "因数据管理员信息已变更，账号已重置：原密码和已登录的会话均已失效，新的登录信息如下：",
            "数据管理员信息已变更，密码已重置，新的初始密码",
        ),
    ],
    ids=["approval", "admin_changed"],
)
def test_the_account_email_and_sms(
    database: Database,
    app_id: str,
    form: Form,
    admin_changed: bool,
    subject: str,
    purpose: str,
    opening: str,
    sms_news: str,
) -> None:
    rows = written(database, lambda s: _approval(s, form, app_id, admin_changed=admin_changed))
    body = f"张晓梅，您好：\n\n{opening}\n\n{CREDENTIALS}{FOOTER}"
    sms = (
        f"【HQMS】贵单位的流感医疗服务监测系统账号（登录名 hq00001）{sms_news}"
        "已发送至邮箱 z***@example.com，请查收并在首次登录后修改密码。"
    )
    assert rows == [
        ("email", EMAIL, subject, body, {"secret": PASSWORD}, purpose, app_id, ACCOUNT, "pending"),
        ("sms", PHONE, "", sms, None, purpose, app_id, ACCOUNT, "pending"),
    ]
    # The password itself is only ever a secret, never text of a stored body.
    assert all(PASSWORD not in row[3] for row in rows)


def test_the_change_approved_email(database: Database, app_id: str, form: Form) -> None:
    rows = written(
        database,
        lambda s: notices.enqueue_change_approved(
            s, form, application_id=app_id, account_id=ACCOUNT, now=NOW
        ),
    )
    body = (
        "张晓梅，您好：\n\n贵单位（广州市第7人民医院）的账号资料变更申请已审核通过，"
        f"账号资料已更新；登录名和密码不变。{FOOTER}"
    )
    subject = "【HQMS】流感医疗服务监测系统账号资料变更已审核通过"
    assert rows == [
        ("email", EMAIL, subject, body, None, "change_approved", app_id, ACCOUNT, "pending")
    ]


@pytest.mark.parametrize(
    ("is_change", "purpose", "sms_phone", "what", "after", "sms_what"),
    [
        (
            False,
            "rejection",
            PHONE,
            "流感医疗服务监测系统账号申请",
            "请按上述原因修改资料，重新上传盖章文件后再次提交审核；也可以重新发起申请。",
            "账号申请",
        ),
        (
            True,
            "rejection",
            PHONE,
            "账号资料变更申请",
            "账号仍按原资料正常使用。如需变更，请按上述原因修改后重新提交。",
            "账号资料变更申请",
        ),
        (
            True,
            "rejection_resent",
            None,
            "账号资料变更申请",
            "账号仍按原资料正常使用。如需变更，请按上述原因修改后重新提交。",
            "",
        ),
    ],
    ids=["application", "change", "change_resent"],
)
def test_the_rejection_email_and_its_sms(
    database: Database,
    app_id: str,
    form: Form,
    is_change: bool,
    purpose: str,
    sms_phone: str | None,
    what: str,
    after: str,
    sms_what: str,
) -> None:
    rows = written(
        database,
        lambda s: notices.enqueue_rejection(
            s,
            form,
            application_id=app_id,
            is_change=is_change,
            reason="执业许可证扫描件不清晰",
            sms_phone=sms_phone,
            now=NOW,
            purpose=purpose,
        ),
    )
    body = (
        f"张晓梅，您好：\n\n贵单位（广州市第7人民医院）的{what}（编号 {app_id}）未通过审核。"
        f"\n\n原因：执业许可证扫描件不清晰\n\n{after}{FOOTER}"
    )
    subject = "【HQMS】流感医疗服务监测系统账号申请未通过审核"
    expected = [("email", EMAIL, subject, body, None, purpose, app_id, None, "pending")]
    if sms_phone:
        # Where the reason went (masked), never the reason itself.
        sms = (
            f"【HQMS】贵单位的流感医疗服务监测系统{sms_what}（编号 {app_id}）审核未通过，"
            "原因已发送至邮箱 z***@example.com，请查收。"
        )
        expected.append(("sms", sms_phone, "", sms, None, purpose, app_id, None, "pending"))
    assert rows == expected


def test_the_account_email_again_has_no_password(database: Database, app_id: str) -> None:
    rows = written(
        database,
        lambda s: notices.enqueue_approval_again(
            s,
            institution="广州市第7人民医院",
            admin_name="",
            email="lisi@example.com",
            phone=PHONE,
            login_name="hq00001",
            login_url=LOGIN_URL,
            application_id=app_id,
            account_id=ACCOUNT,
            now=NOW,
        ),
    )
    body = (
        "数据管理员，您好：\n\n"
        "应您的要求，再次发送贵单位（广州市第7人民医院）流感医疗服务监测系统账号的登录信息：\n\n"
        f"登录名：hq00001\n手机号：{PHONE}（也可作为登录名使用）\n登录地址：{LOGIN_URL}\n\n"
        f"初始密码已在开通邮件中发出；如已遗失，请致电热线 400 0030 686 重置密码。{FOOTER}"
    )
    sms = (
        "【HQMS】贵单位流感医疗服务监测系统账号（登录名 hq00001）的登录信息已再次发送至"
        "邮箱 l***@example.com，请查收。"
    )
    subject = "【HQMS】流感医疗服务监测系统账号登录信息（再次发送）"
    purpose = "approval_resent"
    assert rows == [
        ("email", "lisi@example.com", subject, body, None, purpose, app_id, ACCOUNT, "pending"),
        ("sms", PHONE, "", sms, None, purpose, app_id, ACCOUNT, "pending"),
    ]


def test_the_documents_email_carries_its_attachments(
    database: Database, app_id: str, form: Form
) -> None:
    form.admin.name = ""  # the greeting falls back to the role
    pdfs = [
        Attachment("医疗机构信息收集表.pdf", "application/pdf", b"%PDF-1.4 a"),
        Attachment("系统使用须知及同意书.pdf", "application/pdf", b"%PDF-1.4 b"),
    ]
    message_ids: list[int] = []
    rows = written(
        database,
        lambda s: message_ids.append(
            notices.enqueue_documents(
                s,
                form,
                recipient="office@example.com",
                application_id=app_id,
                account_id=None,
                attachments=pdfs,
                now=NOW,
            )
        ),
    )
    body = (
        "数据管理员，您好：\n\n"
        f"附件是贵单位（广州市第7人民医院）账号申请（编号 {app_id}）的两份文件：\n"
        "《医疗机构信息收集表》和《系统使用须知及同意书》。\n\n"
        "请打印、核对、加盖单位公章后扫描（JPG 或 PDF，每个不超过 5 MB），\n"
        f"连同《医疗机构执业许可证》盖章扫描件一并上传。{FOOTER}"
    )
    subject = "【HQMS】流感医疗服务监测系统账号申请文件"
    assert rows == [
        ("email", "office@example.com", subject, body, None, "documents", app_id, None, "pending")
    ]
    files = database.run_sync(
        lambda s: s.execute(select(outbox_attachments).order_by(outbox_attachments.c.id)).all()
    )
    # Each file row: (id, message_id, filename, content_type, content).
    assert [tuple(f)[1:] for f in files] == [(message_ids[0], *pdf) for pdf in pdfs]
