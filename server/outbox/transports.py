"""How one outbox message leaves the server: SMTP, the SMS gateway, or the local demo sink.

Each sender is synchronous (smtplib, httpx's blocking client) and runs in the delivery
worker's thread, never on the event loop. A sender returns on delivery and raises
`DeliveryError` with a sentence for `outbox.last_error` otherwise; that sentence never holds
the message's text (it may carry a secret).
"""

from __future__ import annotations

import re
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

import httpx

from domain import Message, define_code

from ..settings import Settings

DEMO_MARK = "【演示】"
DEMO_FOLDER = "outbox-demo"
DEFAULT_MAIL_FROM = "noreply@hqms.local"
MAIL_SENDER_NAME = "HQMS 流感医疗服务监测系统"
_UNSAFE_NAME = re.compile(r"[^0-9A-Za-z._\u4e00-\u9fff-]+")


UNKNOWN_CHANNEL = define_code("delivery.unknown_channel", "channel")
SMTP_REFUSED = define_code("delivery.smtp_refused", "status")
SMTP_UNREACHABLE = define_code("delivery.smtp_unreachable", "error")
SMS_UNREACHABLE = define_code("delivery.sms_unreachable", "error")
SMS_REFUSED = define_code("delivery.sms_refused", "status")
LEGACY_FAILURE = define_code("delivery.legacy", "legacy")
"""A failure recorded as a sentence before failures had codes (migration 0004)."""


class DeliveryError(Exception):
    """One attempt failed; `message` says why without quoting the message itself."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.code)
        self.message = message


@dataclass(frozen=True)
class OutgoingAttachment:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class OutgoingMessage:
    """A message ready to leave: `subject` and `text` already carry their secrets."""

    id: int
    channel: str  # email | sms
    recipient: str
    subject: str
    text: str
    attachments: list[OutgoingAttachment] = field(default_factory=list)


def send(message: OutgoingMessage, settings: Settings) -> str:
    """Deliver `message` over the configured channel; returns where it went (no secrets)."""
    if message.channel == "email":
        if settings.smtp_host:
            send_email(message, settings)
            return "smtp"
        write_demo_file(message, settings.data_dir)
        return "demo"
    if message.channel == "sms":
        if settings.sms_gateway_url:
            send_sms(message, settings)
            return "sms_gateway"
        write_demo_file(message, settings.data_dir)
        return "demo"
    raise DeliveryError(UNKNOWN_CHANNEL(channel=message.channel))


def email_message(message: OutgoingMessage, mail_from: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = formataddr((MAIL_SENDER_NAME, mail_from))
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(idstring=f"outbox-{message.id}")
    email.set_content(message.text, charset="utf-8")
    for attachment in message.attachments:
        main, _, sub = attachment.content_type.partition("/")
        email.add_attachment(
            attachment.content,
            maintype=main or "application",
            subtype=sub or "octet-stream",
            filename=attachment.filename,
        )
    return email


def send_email(message: OutgoingMessage, settings: Settings) -> None:
    assert settings.smtp_host is not None
    email = email_message(message, settings.mail_from or DEFAULT_MAIL_FROM)
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.delivery_timeout_seconds
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password or "")
            smtp.send_message(email)
    except smtplib.SMTPResponseException as error:
        raise DeliveryError(SMTP_REFUSED(status=error.smtp_code)) from None
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryError(SMTP_UNREACHABLE(error=type(error).__name__)) from None


def send_sms(message: OutgoingMessage, settings: Settings) -> None:
    assert settings.sms_gateway_url is not None
    try:
        response = httpx.post(
            settings.sms_gateway_url,
            json={"phone": message.recipient, "text": message.text},
            timeout=settings.delivery_timeout_seconds,
        )
    except httpx.HTTPError as error:
        raise DeliveryError(SMS_UNREACHABLE(error=type(error).__name__)) from None
    if not response.is_success:
        raise DeliveryError(SMS_REFUSED(status=response.status_code))


def demo_folder(data_dir: Path) -> Path:
    return data_dir / DEMO_FOLDER


def _safe_name(name: str) -> str:
    return _UNSAFE_NAME.sub("_", name).strip("._") or "attachment"


def write_demo_file(message: OutgoingMessage, data_dir: Path) -> Path:
    """The demo's delivery: a text file (and the attachments beside it), marked as a demo.

    The secret is in the file because the file *is* the delivery (the demo's phone and
    mailbox); the outbox row is scrubbed as after any delivery.
    """
    folder = demo_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{message.id:06d}-{message.channel}"
    lines = [
        f"{DEMO_MARK}本机演示投递，未真正发出。",
        f"渠道：{'邮件' if message.channel == 'email' else '短信'}",
        f"收件人：{message.recipient}",
    ]
    if message.subject:
        lines.append(f"主题：{DEMO_MARK}{message.subject}")
    lines += ["", f"{DEMO_MARK}{message.text}"]
    for attachment in message.attachments:
        name = f"{stem}-{_safe_name(attachment.filename)}"
        (folder / name).write_bytes(attachment.content)
        lines.append(f"附件：{name}")
    path = folder / f"{stem}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
