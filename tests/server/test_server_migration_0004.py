"""Migration 0004 on a database made with the previous schema and its data: the timeline's old
sentences become codes and params where they can be read, the rest stay whole as `legacy`, and
the kiosk's reader shows every line (docs/messages.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import sqlalchemy as sa
from alembic import command

from domain import DEFAULT_LANGUAGE, event_sentence
from server.migrate import alembic_config

OLD_LINES = [
    ("applicant", "created", "短信验证手机号 138****8000 后开始填写"),
    ("applicant", "file_uploaded", "上传盖章的《医疗机构信息收集表》：信息表.pdf（2048 字节）"),
    ("applicant", "form_saved", "修改了：name、admin.email"),
    ("zhangli", "note", "审核不通过：修改"),
    ("reviewer", "rejected", "审核不通过：修改（已邮件通知数据管理员）"),
    ("zhangli", "call_ended", "通话结束：问题已解决；备注：已告知"),
    ("zhangli", "amended", "退回修改：来电要求"),
    ("system", "something_old", "一条旧版本写下的句子"),
    ("zhangli", "call_ended", "通话结束：一个旧的小结"),
]


def _insert_old_rows(url: str, application_id: str) -> None:
    events = sa.table(
        "audit_events",
        sa.column("application_id", sa.String()),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("detail", sa.Text()),
    )
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            at = datetime(2026, 11, 1, tzinfo=UTC)
            connection.execute(
                sa.insert(events),
                [
                    {"application_id": application_id, "at": at, "actor": actor, "action": action}
                    | {"detail": detail}
                    for actor, action, detail in OLD_LINES
                ],
            )
    finally:
        engine.dispose()


async def test_old_timeline_rows_are_converted_or_kept_as_legacy(
    database_url: str,
    api_app: Any,
    api_client: httpx.AsyncClient,
    auth_headers: dict[str, str],
    make_application: Any,
) -> None:
    app_id = make_application(status="rejected", review_reason="修改")
    config = alembic_config(database_url)
    command.downgrade(config, "0003")
    try:
        _insert_old_rows(database_url, app_id)
    finally:
        command.upgrade(config, "head")
    response = await api_client.get(f"/v1/applications/{app_id}/events", headers=auth_headers)
    items = _old_rows(response.json()["items"])
    assert [(item["action"], item["params"]) for item in items] == [
        ("created", {"phone": "138****8000"}),
        ("file_uploaded", {"file": "info_form", "filename": "信息表.pdf", "size": 2048}),
        ("form_saved", {"fields": ["name", "admin.email"]}),
        ("note", {"text": "审核不通过：修改"}),
        ("rejected", {"reason": "修改"}),
        ("call_ended_note", {"outcome": "resolved", "note": "已告知"}),
        ("amended_because", {"reason": "来电要求"}),
        ("something_old", {"legacy": "一条旧版本写下的句子"}),
        ("call_ended", {"legacy": "通话结束：一个旧的小结"}),
    ]
    # Every line reads as before, in Chinese, whether converted or kept.
    assert [item["detail"] for item in items] == [
        "短信验证手机号 138****8000 后开始填写",
        "上传盖章的《医疗机构信息收集表》：信息表.pdf（2048 字节）",
        "修改了：医疗机构名称、管理员邮箱",
        "备注：审核不通过：修改",
        "审核不通过：修改（已邮件通知数据管理员）",
        "通话结束：问题已解决；备注：已告知",
        "退回修改：来电要求",
        "一条旧版本写下的句子",
        "通话结束：一个旧的小结",
    ]
    english = {**auth_headers, "Accept-Language": "en"}
    again = await api_client.get(f"/v1/applications/{app_id}/events", headers=english)
    converted = _old_rows(again.json()["items"])
    assert converted[4]["detail"] == "Rejected: 修改 (e-mailed to the data administrator)"
    # A legacy line is shown as it was written: it is all the old row has.
    legacy = converted[7]
    assert event_sentence(_Event(legacy), DEFAULT_LANGUAGE) == "一条旧版本写下的句子"


def _old_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows inserted above, in their order: all but the factory's own first line."""
    return sorted(items, key=lambda item: int(item["id"]))[1:]


class _Event:
    def __init__(self, item: dict[str, Any]) -> None:
        self.action = item["action"]
        self.params = item["params"]
