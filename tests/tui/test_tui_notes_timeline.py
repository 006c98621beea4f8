"""N 备注 and the timeline at 80×24 against the real in-process API: a call note (numbers in it
masked) shows with every system event — who, when, what, and for data changes each field
before → after; the caller check (or why not) is a line of it too; the footer offers only the
keys the application's state allows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual.app import App

from client import CentralAPI
from domain import Event, FieldChange
from tests.tui.aftercare_hands import footer_keys, open_detail, settle, status_of
from tui import HotlineApp
from tui.screens import DetailScreen, ReasonModal
from tui.screens.call_modals import NoteModal
from tui.screens.caller_check import CallerCheckModal
from tui.widgets import TimelineSection
from tui.widgets._timeline_words import change_line, event_lines

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[App[Any]], str]
PHONE = "13800138431"
TOLD_PHONE = "13900139431"


def timeline_text(app: HotlineApp) -> str:
    """Every line of the timeline as mounted (the part on screen depends on scrolling)."""
    section = app.screen.query_one(TimelineSection)
    return "\n".join(str(label.render()) for label in section.query("Label"))


async def test_a_note_and_a_data_change_show_in_one_timeline(
    signed_in: CentralAPI, kiosk: Kiosk, make_application: Any, screen_text: ScreenText
) -> None:
    application_id = make_application(status="draft", phone=PHONE)
    draft = await signed_in.get_application(application_id)
    changed = draft.form.model_copy(deep=True)
    changed.admin.email = "wangfang@example.org"
    changed.address.street = "中山路 9 号"
    await signed_in.save_form(application_id, changed, revision=draft.revision)

    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        timeline = timeline_text(app)
        assert "地址（街道）：德政北路 1 号 → 中山路 9 号" in timeline, timeline
        assert "管理员邮箱：z***@example.com → w***@example.org" in timeline, timeline
        assert "wangfang@example.org" not in timeline

        assert "n" in footer_keys(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press("enter")  # empty: said in the modal, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press(*f"来电人说新号码是 {TOLD_PHONE} 下周再打来", "enter")
        await settle(pilot)

        assert "备注已记录" in status_of(app)
        timeline = timeline_text(app)
        assert "备注：来电人说新号码是 139****9431 下周再打来" in timeline, timeline
        assert TOLD_PHONE not in timeline
        await pilot.press("end")
        await pilot.pause()
        shown = screen_text(app)
        assert "备注：来电人说新号码是 139****9431" in shown and "（demo）" in shown
        assert TOLD_PHONE not in shown

    events = (await signed_in.get_events(application_id)).items
    [note] = [event for event in events if event.action == "note"]
    assert note.call_id is not None, "the note was written under the kiosk's call"


async def test_a_waived_caller_check_is_recorded_and_k_leaves_the_footer(
    signed_in: CentralAPI, kiosk: Kiosk, make_application: Any
) -> None:
    make_application(status="pending", phone=PHONE)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(pilot, PHONE)
        assert "k" in footer_keys(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, CallerCheckModal)
        await pilot.click("#waive")
        await pilot.pause()
        assert isinstance(app.screen, ReasonModal)
        await pilot.press(*"来电人是法定代表人", "enter")
        await settle(pilot)

        assert "已记录不核实来电人身份的原因：来电人是法定代表人" in status_of(app)
        assert "k" not in footer_keys(pilot)
        assert "未核实来电人身份" in timeline_text(app)
        assert "来电人是法定代表人" in timeline_text(app)


FOOTER_BY_STATUS = {
    "draft": ({"f3", "k", "n", "v", "d"}, {"m", "p", "s"}),
    "pending": ({"k", "n", "v", "m", "d"}, {"f3", "p", "s"}),
    "rejected": ({"k", "n", "v", "m", "d", "s"}, {"f3", "p"}),
    "approved": ({"k", "n", "v", "m", "p", "d", "s"}, {"f3"}),
}
"""Per state: the detail keys the footer offers, and those it must not."""


async def test_the_footer_offers_only_what_the_state_allows(
    signed_in: CentralAPI, kiosk: Kiosk, make_application: Any, screen_text: ScreenText
) -> None:
    phones = {status: f"1380013844{n}" for n, status in enumerate(FOOTER_BY_STATUS)}
    for status, phone in phones.items():
        make_application(status=status, phone=phone)
    for status, (offered, not_offered) in FOOTER_BY_STATUS.items():
        app = kiosk(signed_in)  # one kiosk per caller: a new number would ask the wrap-up
        async with app.run_test(size=(80, 24)) as pilot:
            await open_detail(pilot, phones[status])
            keys = footer_keys(pilot)
            assert offered <= keys and not (not_offered & keys), (status, keys)
            footer = screen_text(app).splitlines()[-1]
            for label in ("返回", "核实", "备注", "查看", "文件"):
                assert label in footer, footer
            m_label = "变更资料" if status == "approved" else "修改"
            assert (m_label in footer) == ("m" in offered), footer
            assert ("重发" in footer) == ("s" in offered), footer
            assert ("重置密码" in footer) == ("p" in offered), footer
            detail = app.screen
            assert isinstance(detail, DetailScreen)
            palette = {command.title for command in detail.palette_commands()}
            assert ("重置密码" in palette) == ("p" in offered), palette
            assert ("重发通知" in palette) == ("s" in offered), palette
            assert {"通话备注", "查看完整信息"} <= palette


def test_timeline_words_say_before_and_after_and_who() -> None:
    event = Event(
        id="1",
        at=datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
        actor="applicant",
        action="form_saved",
        params={"fields": ["admin.email", "subjects"]},
        changes=[
            FieldChange(field="admin.email", before="z***@a.cn", after="w***@b.cn"),
            FieldChange(field="subjects", before="", after="内科"),
        ],
    )
    assert event_lines(event) == [
        "修改了：管理员邮箱、诊疗科目（申请人）",
        "管理员邮箱：z***@a.cn → w***@b.cn",
        "诊疗科目：（空） → 内科",
    ]
    assert change_line(FieldChange(field="address.city", before="440100", after="440300")) == (
        "地址（市）：440100 → 440300"
    )
    note = event.model_copy(update={"action": "note", "params": {"text": "已告知"}, "changes": []})
    assert event_lines(note) == ["备注：已告知（申请人）"]
