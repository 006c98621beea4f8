"""The outbox's delivery worker against a real SMTP server and a real HTTP SMS gateway on
loopback: delivery, `{name}` fields filled from secrets, attachments, retries with backoff, final
failure, scrubbing, the demo sink, the lifespan task, and (PostgreSQL) one delivery per message
across workers."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server import Settings
from server.outbox import Attachment, deliver_due, delivery_worker, enqueue
from server.outbox.delivery import MAX_ATTEMPTS, deliver_due_sync
from server.storage.engine import Database
from server.storage.tables import audit_events, outbox
from tests.audit_text import with_sentences
from tests.notification_servers import SmsGateway, SmtpServer

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SECRET = "Kx7pQ2mW9rTz"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture
def gateway() -> Iterator[SmsGateway]:
    with SmsGateway() as server:
        yield server


@pytest.fixture
def database(api_app: Any) -> Database:
    return api_app.state.context.database  # type: ignore[no-any-return]


@pytest.fixture
def wired(settings: Settings, smtp: SmtpServer, gateway: SmsGateway) -> Settings:
    return settings.model_copy(update={**smtp.settings(), **gateway.settings()})


def put(database: Database, application_id: str | None = None, **fields: Any) -> int:
    values: dict[str, Any] = {
        "channel": "email",
        "recipient": "zhangxiaomei@example.com",
        "subject": "【HQMS】测试",
        "body": "您的初始密码：{secret}",
        "secrets": {"secret": SECRET},
        "purpose": "approval",
        "application_id": application_id,
        "now": NOW,
        **fields,
    }

    def write(session: Session) -> int:
        message_id = enqueue(session, **values)
        session.commit()
        return message_id

    return database.run_sync(write)


def row(database: Database, message_id: int) -> Any:
    return database.run_sync(
        lambda s: s.execute(select(outbox).where(outbox.c.id == message_id)).one()
    )


def actions(database: Database, application_id: str) -> list[tuple[str, str]]:
    rows = database.run_sync(
        lambda s: s.execute(
            select(audit_events.c.action, audit_events.c.params)
            .where(audit_events.c.application_id == application_id)
            .order_by(audit_events.c.id)
        ).all()
    )
    return [(r.action, r.detail) for r in with_sentences(rows)]


async def test_email_goes_over_smtp_with_the_secret_and_the_row_is_scrubbed(
    database: Database, wired: Settings, smtp: SmtpServer, make_application
) -> None:
    application_id = make_application()
    pdf = b"%PDF-1.4 test"
    message_id = put(
        database,
        application_id,
        attachments=[Attachment("医疗机构信息收集表.pdf", "application/pdf", pdf)],
    )
    assert await deliver_due(wired, NOW, database=database) == 1
    assert len(smtp.messages) == 1
    email = smtp.messages[0]
    assert email["Subject"] == "【HQMS】测试"
    assert email["To"] == "zhangxiaomei@example.com"
    body = email.get_body(preferencelist=("plain",))
    assert body is not None and f"您的初始密码：{SECRET}" in body.get_content()
    [attached] = list(email.iter_attachments())
    assert attached.get_filename() == "医疗机构信息收集表.pdf"
    assert attached.get_content() == pdf
    stored = row(database, message_id)
    assert stored.status == "sent"
    assert stored.secrets is None
    assert stored.attempts == 1
    assert stored.delivered_at == NOW
    assert SECRET not in stored.body
    events = actions(database, application_id)
    assert events[-1][0] == "notification_sent"
    assert "z***@example.com" in events[-1][1]
    assert SECRET not in events[-1][1]
    # Nothing is due any more.
    assert await deliver_due(wired, NOW + timedelta(hours=2), database=database) == 0
    assert len(smtp.messages) == 1


async def test_sms_is_posted_as_json_to_the_gateway(
    database: Database, wired: Settings, gateway: SmsGateway
) -> None:
    message_id = put(
        database,
        channel="sms",
        recipient="13800138000",
        subject="",
        body="【HQMS】验证码 {code}，5 分钟内有效。",
        secrets={"code": "482913"},
        purpose="verification_code",
    )
    assert await deliver_due(wired, NOW, database=database) == 1
    assert gateway.received == [
        {"phone": "13800138000", "text": "【HQMS】验证码 482913，5 分钟内有效。"}
    ]
    assert row(database, message_id).secrets is None


async def test_a_failing_gateway_is_retried_with_backoff(
    database: Database, wired: Settings, gateway: SmsGateway
) -> None:
    message_id = put(database, channel="sms", recipient="13800138000", purpose="approval_sms")
    gateway.fail_next(2, status=500)
    assert await deliver_due(wired, NOW, database=database) == 0
    first = row(database, message_id)
    assert (first.status, first.attempts) == ("pending", 1)
    assert first.next_attempt_at == NOW + timedelta(seconds=5)
    assert (first.last_error, first.last_error_params) == ("sms_refused", {"status": 500})
    assert first.secrets == {"secret": SECRET}  # kept for the next try
    # Not due before its time.
    assert await deliver_due(wired, NOW + timedelta(seconds=4), database=database) == 0
    assert gateway.requests == 1
    assert await deliver_due(wired, NOW + timedelta(seconds=5), database=database) == 0
    second = row(database, message_id)
    assert second.attempts == 2
    assert second.next_attempt_at == NOW + timedelta(seconds=35)
    assert await deliver_due(wired, NOW + timedelta(seconds=35), database=database) == 1
    done = row(database, message_id)
    assert (done.status, done.attempts, done.secrets, done.last_error) == ("sent", 3, None, "")
    assert gateway.received[0]["text"] == f"您的初始密码：{SECRET}"


async def test_after_the_last_retry_the_message_fails_scrubbed_with_an_event(
    database: Database, settings: Settings, make_application, closed_port: int
) -> None:
    # Nothing listens on this port: every attempt is refused.
    dead = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": closed_port, "smtp_starttls": False}
    )
    application_id = make_application()
    message_id = put(database, application_id)
    at = NOW
    waits = []
    for _ in range(MAX_ATTEMPTS):
        assert await deliver_due(dead, at, database=database) == 0
        current = row(database, message_id)
        waits.append(current.next_attempt_at - at)
        at = current.next_attempt_at
    final = row(database, message_id)
    assert final.status == "failed"
    assert final.attempts == MAX_ATTEMPTS == 6
    assert final.secrets is None
    assert final.last_error == "smtp_unreachable"
    assert waits[:5] == [
        timedelta(seconds=5),
        timedelta(seconds=30),
        timedelta(minutes=2),
        timedelta(minutes=10),
        timedelta(hours=1),
    ]
    last_action, detail = actions(database, application_id)[-1]
    assert last_action == "notification_failed"
    assert "6 次" in detail
    assert await deliver_due(dead, at + timedelta(days=1), database=database) == 0


async def test_without_settings_the_demo_sink_receives_a_marked_file(
    database: Database, settings: Settings
) -> None:
    message_id = put(database)
    sms_id = put(database, channel="sms", recipient="13800138000", body="验证码 {secret}")
    assert await deliver_due(settings, NOW, database=database) == 2
    folder = settings.data_dir / "outbox-demo"
    email_file = (folder / f"{message_id:06d}-email.txt").read_text(encoding="utf-8")
    sms_file = (folder / f"{sms_id:06d}-sms.txt").read_text(encoding="utf-8")
    assert "【演示】" in email_file and SECRET in email_file
    assert "13800138000" in sms_file and f"验证码 {SECRET}" in sms_file
    for message in (message_id, sms_id):
        stored = row(database, message)
        assert (stored.status, stored.secrets) == ("sent", None)


async def test_the_lifespan_worker_delivers_within_its_interval(
    api_app: Any, wired: Settings, gateway: SmsGateway
) -> None:
    context = api_app.state.context
    context.settings = wired.model_copy(update={"delivery_interval": 0.05})
    put(context.database, channel="sms", recipient="13800138000", now=datetime.now(UTC))
    async with delivery_worker(context) as task:
        assert task is not None
        for _ in range(100):
            if gateway.received:
                break
            await asyncio.sleep(0.02)
    assert task.cancelled() or task.done()
    assert len(gateway.received) == 1


@pytest.mark.postgres
def test_two_workers_on_postgresql_deliver_each_message_once(
    postgres_database_url: str, tmp_path: Any, gateway: SmsGateway
) -> None:
    settings = Settings(
        data_dir=tmp_path, database_url=postgres_database_url, sms_gateway_url=gateway.url
    )
    first, second = (
        Database.from_url(postgres_database_url),
        Database.from_url(postgres_database_url),
    )
    try:
        ids = [put(first, channel="sms", recipient=f"1380013{n:04d}") for n in range(40)]
        threads = [
            threading.Thread(target=deliver_due_sync, args=(db, settings, NOW))
            for db in (first, second)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        phones = sorted(message["phone"] for message in gateway.received)
        assert phones == sorted(f"1380013{n:04d}" for n in range(40))
        assert all(row(first, message_id).status == "sent" for message_id in ids)
    finally:
        first.dispose()
        second.dispose()


async def test_notifications_list_the_delivery_state_masked_and_without_texts(
    api_client: Any,
    api_app: Any,
    database: Database,
    wired: Settings,
    gateway,
    auth_headers,
    make_application,
) -> None:
    application_id = make_application()
    put(database, application_id)
    put(database, application_id, channel="sms", recipient="13800138000", purpose="approval")
    gateway.fail_next(1)
    await deliver_due(wired, NOW, database=database)
    response = await api_client.get(
        f"/v1/applications/{application_id}/notifications", headers=auth_headers
    )
    assert response.status_code == 200
    email, sms = response.json()["items"]
    assert (email["channel"], email["recipient"], email["status"]) == (
        "email",
        "z***@example.com",
        "sent",
    )
    assert email["delivered_at"] is not None and email["next_attempt_at"] is None
    assert (sms["recipient"], sms["status"], sms["attempts"]) == ("138****8000", "pending", 1)
    assert "HTTP 500" in sms["last_error"]
    assert sms["next_attempt_at"] is not None
    assert SECRET not in response.text and "zhangxiaomei" not in response.text
    assert "body" not in email and "secrets" not in email
    other = make_application(phone="13700137000")
    assert (
        await api_client.get(f"/v1/applications/{other}/notifications", headers=auth_headers)
    ).json() == {"items": []}
    missing = await api_client.get("/v1/applications/ZZZZ-ZZZZ/notifications", headers=auth_headers)
    assert missing.status_code == 404
