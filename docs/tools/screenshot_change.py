"""The steps of the change-preview screenshot: a reviewer about to approve a 变更资料.

The demo holds no submitted change (its one change is a draft), so the scene first makes one as
another operator would, over the API directly (the kiosk's part of it is tested elsewhere): the
approved demo account renamed, with a new data administrator. Then the reviewer opens it from
the queue and presses 通过, which stops on the confirmation listing what would change.
"""

from __future__ import annotations

from screenshot_stage import OPERATOR, Stage, press, sms_code

from client import CentralAPI
from domain import FileKind, Kind
from server.demo import DEMO_PHONES
from tui.screens import ReviewQueueScreen

CHANGED_NAME = "上海市心理健康中心"
"""The institution's new name: also how the scene finds the change in the queue."""
NEW_ADMIN_NAME, NEW_ADMIN_EMAIL = "王芳", "wangfang@example.com"
NEW_ADMIN_MOBILE = "13900139007"
SCAN = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


async def pending_change(stage: Stage) -> None:
    """变更资料 of the demo's approved account, submitted by the demo operator: renamed, and a
    new administrator whose mobile is verified by SMS."""
    async with CentralAPI("http://hqms.test", transport=stage.api) as api:
        await api.login(OPERATOR.username, OPERATOR.password)
        [approved] = (await api.search_applications(phone=DEMO_PHONES["approved"])).items
        await api.get_application(approved.id)  # the revision the amendment goes with
        change = await api.amend(approved.id, "机构更名，数据管理员换人")
        form = change.form.model_copy(deep=True)  # masked values sent back mean "unchanged"
        form.name = CHANGED_NAME
        form.admin.name, form.admin.email = NEW_ADMIN_NAME, NEW_ADMIN_EMAIL
        await api.save_form(change.id, form)
        started = await api.start_verification(NEW_ADMIN_MOBILE, "change_admin")
        code = sms_code(stage.database_url, NEW_ADMIN_MOBILE)
        token = await api.confirm_verification(started.id, code)
        await api.change_admin_mobile(change.id, token)
        for kind in FileKind:
            await api.upload_file(change.id, kind, SCAN, f"{kind.value}.pdf")
        await api.submit(change.id)
        await api.logout()


async def change_in_queue(stage: Stage) -> None:
    """That change opened from the review queue (F2)."""
    queue = stage.pilot.app.screen
    assert isinstance(queue, ReviewQueueScreen), queue
    [row] = [
        number
        for number, summary in enumerate(queue.summaries)
        if summary.kind is Kind.CHANGE and summary.name == CHANGED_NAME
    ]
    await press(stage, *["down"] * row, "enter")


async def approve_key(stage: Stage) -> None:
    """通过 (a): the confirmation lists what changes before anything does."""
    await press(stage, "a")
