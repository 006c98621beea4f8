"""A submitted 变更资料 on the demo data, and the outbox secrets that making one needs.

The demo holds no submitted change (its one change is a draft). The change-preview screenshot
(`screenshot_change.py`) and its test (tests/tui/test_tui_change_preview.py) both make the same
one over the API, as another operator would; the SMS code comes from the outbox, standing in
for the caller reading it out. Outside the packages, so it may read the server's tables.
"""

from __future__ import annotations

from sqlalchemy import create_engine, select

from client import CentralAPI
from domain import FileKind
from server.demo import DEMO_OPERATORS, DEMO_PHONES
from server.storage.tables import outbox

CHANGED_NAME = "上海市心理健康中心"
"""The institution's new name: also how the screenshot finds the change in the queue."""
NEW_ADMIN_NAME, NEW_ADMIN_EMAIL = "王芳", "wangfang@example.com"
NEW_ADMIN_MOBILE = "13900139007"
SCAN = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def outbox_secrets(
    database_url: str, *, recipient: str, purpose: str
) -> list[dict[str, str] | None]:
    """The `secrets` of every outbox message to `recipient` for `purpose`, oldest first (None
    once a delivery worker has wiped them; the in-process API runs none)."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(outbox.c.secrets)
                .where(outbox.c.recipient == recipient, outbox.c.purpose == purpose)
                .order_by(outbox.c.id)
            ).all()
    finally:
        engine.dispose()
    return [secrets for (secrets,) in rows]


def newest_secret(database_url: str, *, recipient: str, purpose: str, name: str) -> str:
    """Secret `name` of the newest outbox message to `recipient` for `purpose`."""
    for secrets in reversed(outbox_secrets(database_url, recipient=recipient, purpose=purpose)):
        if secrets and name in secrets:
            return str(secrets[name])
    raise AssertionError(f"no {purpose} message to {recipient} with a {name!r} secret")


def sms_code(database_url: str, phone: str) -> str:
    """The code of the newest verification SMS to `phone` (what the caller reads out)."""
    return newest_secret(database_url, recipient=phone, purpose="verification_code", name="secret")


async def submit_change_with_a_new_administrator(api: CentralAPI, database_url: str) -> str:
    """变更资料 of the demo's approved account, submitted by the demo operator on `api` (signed
    out again after): renamed, and a new administrator whose mobile is verified by SMS. Its id."""
    operator = DEMO_OPERATORS[0]
    await api.login(operator.username, operator.password)
    [approved] = (await api.search_applications(phone=DEMO_PHONES["approved"])).items
    await api.get_application(approved.id)  # the revision the amendment goes with
    change = await api.amend(approved.id, "机构更名，数据管理员换人")
    form = change.form.model_copy(deep=True)  # masked values sent back mean "unchanged"
    form.name = CHANGED_NAME
    form.admin.name, form.admin.email = NEW_ADMIN_NAME, NEW_ADMIN_EMAIL
    await api.save_form(change.id, form)
    started = await api.start_verification(NEW_ADMIN_MOBILE, "change_admin")
    token = await api.confirm_verification(started.id, sms_code(database_url, NEW_ADMIN_MOBILE))
    await api.change_admin_mobile(change.id, token)
    for kind in FileKind:
        await api.upload_file(change.id, kind, SCAN, f"{kind.value}.pdf")
    await api.submit(change.id)
    await api.logout()
    return change.id
